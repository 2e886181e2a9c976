"""Reader of ECB+ (Cybulska & Vossen 2014): articles as text, gold mentions with offsets.

An ECB+ file is one news article as tokens (``<token t_id sentence number>``),
markables anchored on tokens, and coreference relations. ``read_document``
rebuilds readable text (one paragraph per sentence unless a quotation runs on, no space before closing
punctuation, PTB quote tokens as straight double quotes) and keeps the
character span of every token, so gold mentions get offsets into that text.

Gold chains: a ``CROSS_DOC_COREF`` or ``INTRA_DOC_COREF`` relation links source
mentions to a target instance; the chain id is the target's ``instance_id``
(for cross-document chains shared across the topic's files). A mention in no
relation is a singleton. In ``ecbplus`` files sentence 0 is the article's URL:
it is kept as ``Document.url``, not as text. Only sentences listed in
``ECBplus_coreference_sentences.csv`` were fully annotated; ``Document.scored``
holds their numbers.

The corpus is never copied into the repository: callers pass its folder
(``../shared/corpora/ecbplus-dev`` on the development machines).
"""

from __future__ import annotations

import csv
import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

NAMED_TAGS = frozenset({"HUMAN_PART_PER", "HUMAN_PART_ORG", "HUMAN_PART_GPE", "LOC_GEO"})
"""Markable tags of people, organisations and places (the named-entity measure's scope)."""

DEV_TOPICS = (2, 5, 12, 18, 21, 23, 34, 35)
"""The standard ECB+ development split (the rest of topics 1-35 is training data)."""

_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?%)\]}]|'s|'S|n't|'re|'ve|'ll|'d|'m|\.\.\.|’s)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$", "#"})
_QUOTES = {"``": '"', "''": '"', '"': '"', "“": "“", "”": "”"}
_FILE = re.compile(r"^(\d+)_(\d+)(ecb|ecbplus)\.xml$")


@dataclass(frozen=True)
class GoldMention:
    """One annotated markable with its offsets into ``Document.text``."""

    doc: str
    """File name of the document, e.g. ``1_1ecb.xml``."""
    tag: str
    """ECB+ markable tag, e.g. ``HUMAN_PART_PER`` or ``ACTION_OCCURRENCE``."""
    start: int
    """Offset of the first character in ``Document.text``."""
    end: int
    """Offset just past the last character."""
    text: str
    """The covered text."""
    sentence: int
    """ECB+ sentence number of the first token."""
    chain: str
    """Gold chain id: the target instance id, or a document-unique id for singletons."""
    cross_doc: bool
    """True when the chain comes from a ``CROSS_DOC_COREF`` relation."""

    @property
    def is_named(self) -> bool:
        """A person, organisation or place mention whose words are all capitalised."""
        words = [w for w in re.findall(r"[^\W\d_][\w'’.-]*", self.text)]
        return self.tag in NAMED_TAGS and bool(words) and all(w[0].isupper() for w in words)


@dataclass
class Document:
    """One ECB+ article: text, sentence spans, gold mentions."""

    name: str
    """File name, e.g. ``1_1ecb.xml``."""
    topic: int
    """Topic number (1-45)."""
    subtopic: str
    """``ecb`` or ``ecbplus``: which of the topic's two real events the article reports."""
    text: str = ""
    """Readable text: one paragraph (blank-line separated) per sentence, except that
    a sentence inside a running quotation continues its paragraph."""
    url: str = ""
    """The article's URL (sentence 0 of ``ecbplus`` files), or empty."""
    sentences: dict[int, tuple[int, int]] = field(default_factory=dict)
    """ECB+ sentence number -> character span in ``text``."""
    mentions: list[GoldMention] = field(default_factory=list)
    """Every anchored markable, in document order."""
    scored: frozenset[int] = frozenset()
    """Sentence numbers that were fully annotated (the ones to score)."""

    @property
    def story(self) -> str:
        """Gold story of the article: topic plus sub-topic, e.g. ``1/ecb``."""
        return f"{self.topic}/{self.subtopic}"

    def in_scored_sentence(self, mention: GoldMention) -> bool:
        """True when the mention lies in a fully annotated sentence."""
        return mention.sentence in self.scored


def read_corpus(root: str | Path, topics: tuple[int, ...] | None = DEV_TOPICS) -> list[Document]:
    """Every article of the given topics (all topics present when None), sorted by name.

    Raises:
        FileNotFoundError: ``root`` is not an ECB+ folder.
    """
    root = Path(root)
    if not root.is_dir():
        raise FileNotFoundError(f"{root}: no such ECB+ folder")
    scored = read_scored_sentences(root / "ECBplus_coreference_sentences.csv")
    documents = []
    for path in sorted(root.glob("*/*.xml"), key=_file_order):
        match = _FILE.match(path.name)
        if not match or (topics is not None and int(match.group(1)) not in topics):
            continue
        document = read_document(path)
        document.scored = scored.get(path.name, frozenset())
        documents.append(document)
    return documents


def read_scored_sentences(path: Path) -> dict[str, frozenset[int]]:
    """File name -> numbers of its fully annotated sentences (empty when the CSV is missing)."""
    if not path.exists():
        return {}
    found: dict[str, set[int]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            name = f"{row['Topic']}_{row['File']}.xml"
            found.setdefault(name, set()).add(int(row["Sentence Number"]))
    return {name: frozenset(numbers) for name, numbers in found.items()}


def read_document(path: str | Path) -> Document:
    """One ECB+ XML file as a ``Document``."""
    path = Path(path)
    match = _FILE.match(path.name)
    if not match:
        raise ValueError(f"{path}: not an ECB+ file name (<topic>_<n>ecb[plus].xml)")
    root = ET.parse(path).getroot()
    document = Document(path.name, int(match.group(1)), match.group(3))
    spans = _build_text(document, root)
    document.mentions = list(_mentions(document, root, spans))
    return document


def _build_text(document: Document, root: ET.Element) -> dict[str, tuple[int, int, int]]:
    """Fill ``text``, ``url`` and ``sentences``; token id -> (start, end, sentence)."""
    by_sentence: dict[int, list[ET.Element]] = {}
    for token in root.iter("token"):
        by_sentence.setdefault(int(token.get("sentence", "0")), []).append(token)
    parts: list[str] = []
    spans: dict[str, tuple[int, int, int]] = {}
    offset = 0
    state = _QuoteState()
    for number in sorted(by_sentence):
        tokens = by_sentence[number]
        if document.subtopic == "ecbplus" and number == 0:
            document.url = "".join(t.text or "" for t in tokens)
            continue
        if parts:  # a new paragraph per sentence, unless a quotation runs on
            parts.append(" " if state.open else "\n\n")
            offset += len(parts[-1])
        sentence_start = offset
        for token_id, start, end, piece in _layout(tokens, offset, state):
            spans[token_id] = (start, end, number)
            parts.append(piece)
            offset += len(piece)
        document.sentences[number] = (sentence_start, offset)
    document.text = "".join(parts)
    return spans


@dataclass
class _QuoteState:
    """Whether a straight-quoted passage is open (carried across sentences)."""

    open: bool = False


def _layout(tokens: list[ET.Element], offset: int, state: _QuoteState) -> Iterator[tuple[str, int, int, str]]:
    """(token id, start, end, text with its leading space) for one sentence's tokens."""
    glue_next = True
    for token in tokens:
        word = (token.text or "").strip() or "_"
        quote = _QUOTES.get(word)
        if quote == '"':
            closing = state.open
            state.open = not state.open
        else:
            closing = word in {"”", "’"} or bool(_NO_SPACE_BEFORE.match(word))
        word = quote or word
        space = "" if glue_next or closing else " "
        start = offset + len(space)
        yield token.get("t_id", ""), start, start + len(word), space + word
        offset = start + len(word)
        glue_next = word in _NO_SPACE_AFTER or word in {"“", "‘"} or (quote == '"' and state.open)


def _mentions(document: Document, root: ET.Element,
              spans: dict[str, tuple[int, int, int]]) -> Iterator[GoldMention]:
    """Anchored markables with their chains, in document order."""
    markables = root.find("Markables")
    if markables is None:
        return
    instances = {m.get("m_id"): m.get("instance_id") or "" for m in markables
                 if m.find("token_anchor") is None}
    chains = _chains(root, instances)
    found = []
    for markable in markables:
        anchors = [spans[a.get("t_id")] for a in markable.findall("token_anchor") if a.get("t_id") in spans]
        if not anchors:
            continue
        start, end = min(a[0] for a in anchors), max(a[1] for a in anchors)
        chain, cross = chains.get(markable.get("m_id"), (f"#{markable.get('m_id')}", False))
        chain = chain if cross else f"{document.name}{chain if chain.startswith('#') else '#' + chain}"
        found.append(GoldMention(document.name, markable.tag, start, end, document.text[start:end],
                                 anchors[0][2], chain, cross))
    yield from sorted(found, key=lambda m: (m.start, m.end, m.tag))


def _chains(root: ET.Element, instances: dict[str | None, str]) -> dict[str | None, tuple[str, bool]]:
    """Source mention id -> (chain id, is cross-document) from the document's relations."""
    chains: dict[str | None, tuple[str, bool]] = {}
    relations = root.find("Relations")
    for relation in relations if relations is not None else []:
        target = relation.find("target")
        if target is None:
            continue
        cross = relation.tag == "CROSS_DOC_COREF"
        chain = instances.get(target.get("m_id")) or relation.get("note") or f"r{relation.get('r_id')}"
        for source in relation.findall("source"):
            chains[source.get("m_id")] = (chain, cross)
    return chains


def _file_order(path: Path) -> tuple:
    """Sort key: topic, sub-topic, article number."""
    match = _FILE.match(path.name)
    return (int(match.group(1)), match.group(3), int(match.group(2))) if match else (10**9, "", 0)
