"""Citations and links of the printed briefing: numbered references, S-labels, printed-once sentences.

Citations become numbered references, one per cited (source, sentence), in
order of first use while the document renders; the References section, which
renders last, lists them with the sentence quoted. A clause cites at most
``limit`` sentences by number and counts the rest, so the reference list stays
bounded however many sources repeat a statement. The executive summary cites
sources by their S-labels instead; both kinds mark the source as cited, and
the brief document lists only cited sources.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Collection, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from generator.model import Briefing, Citation, Source
from generator.site.linker import Linker
from generator.site.markup import source_labels

QUOTED_CHARACTERS = 400
"""A quoted reference longer than this is cut at a word and ends with "…"."""


@dataclass(frozen=True)
class Reference:
    """One numbered reference: a cited sentence of a source."""

    number: int
    """Number shown in the text as [n], in order of first use."""
    source: Source
    """The source holding the sentence."""
    label: str
    """Short label of the source (S1, ...)."""
    sentence: int
    """0-based index of the sentence in the source."""
    text: str
    """The sentence, quoted in the reference list (cut at ``QUOTED_CHARACTERS``)."""
    same_as: int = 0
    """Number of an earlier reference with the same words (syndicated copy), 0 when none."""


def words_key(text: str) -> str:
    """Letters and digits of a sentence, lower case: two copies of one sentence share it."""
    return re.sub(r"[\W_]+", "", text).lower()


def shortened(text: str, limit: int = QUOTED_CHARACTERS) -> str:
    """The text, or its first ``limit`` characters cut at a word boundary with "…"."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


class References:
    """Numbers cited sentences as the document renders and lists them afterwards."""

    def __init__(self, briefing: Briefing, limit: int | None = None) -> None:
        """``limit``: most numbered references per clause (None: all)."""
        self._sources = {s.id: s for s in briefing.sources}
        self._labels = source_labels(briefing)
        self._analyses = briefing.analyses
        self._numbers: dict[tuple[str, int], int] = {}
        self._by_words: dict[str, int] = {}
        self._limit = limit
        self.cited: dict[str, None] = {}
        """Ids of the sources cited so far (by number or by label), in order of first citation."""
        self.items: list[Reference] = []
        """Every reference handed out so far, in number order."""

    def number(self, citation: Citation) -> int:
        """The reference number of the citation's sentence, assigned at first use."""
        key = (citation.source, citation.sentence)
        if key not in self._numbers:
            source = self._sources[citation.source]
            sentence = self._analyses[citation.source].sentences[citation.sentence]
            text = source.text[sentence.start:sentence.end]
            number = len(self.items) + 1
            same_as = self._by_words.setdefault(words_key(text), number)
            self._numbers[key] = number
            self.cited[source.id] = None
            self.items.append(Reference(number, source, self._labels[source.id], citation.sentence,
                                        shortened(text), same_as if same_as != number else 0))
        return self._numbers[key]

    def cite(self, citation: Citation) -> Markup:
        """``[n]`` linking to the reference entry."""
        n = self.number(citation)
        return Markup(f'<a class="ref" href="#ref-{n}">[{n}]</a>')

    def cites(self, citations: Iterable[Citation]) -> Markup:
        """Each distinct reference once, ascending; past the limit, how many more sentences."""
        by_key: dict[tuple[str, int], Citation] = {}
        for citation in citations:
            by_key.setdefault((citation.source, citation.sentence), citation)
        distinct = list(by_key)
        shown = distinct if self._limit is None else distinct[:self._limit]
        numbers = sorted({self.number(by_key[key]) for key in shown})
        links = "".join(f'<a class="ref" href="#ref-{n}">[{n}]</a>' for n in numbers)
        more = len(distinct) - len(shown)
        return Markup(links + (f'<span class="more"> +{more} more</span>' if more else ""))

    def labels(self, citations: Iterable[Citation], limit: int = 4) -> Markup:
        """``[S1, S3]`` linking to the sources' entries; past ``limit`` sources, how many more."""
        ids = list(dict.fromkeys(c.source for c in citations))
        self.cited.update(dict.fromkeys(ids[:limit]))
        links = ", ".join(f'<a class="label-ref" href="#src-{html.escape(i)}">{self._labels[i]}</a>'
                          for i in ids[:limit])
        more = f" +{len(ids) - limit}" if len(ids) > limit else ""
        return Markup(f'<span class="labels">[{links}{more}]</span>') if ids else Markup("")

    def of_source(self, source_id: str) -> list[Reference]:
        """References to one source, in number order."""
        return [r for r in self.items if r.source.id == source_id]

    def label(self, source_id: str) -> str:
        """Short label of a source (S1, ...)."""
        return self._labels[source_id]


class Printed:
    """The sentences the document has printed in full, so each is printed once.

    Templates ask ``split`` which of a list of statements (or citations) are new;
    the rest were printed earlier and are only referred to by their reference numbers.
    """

    def __init__(self, briefing: Briefing) -> None:
        self._texts = {s.id: s.text for s in briefing.sources}
        self._seen: set[str] = set()

    def first(self, citation: Citation) -> bool:
        """True the first time a sentence (or a copy of it) is asked about, then False."""
        key = words_key(self._texts[citation.source][citation.start:citation.end])
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def split(self, items: Iterable) -> tuple[list, list[Citation]]:
        """(items not printed yet, now marked printed; the citations of those printed before)."""
        new, again = [], []
        for item in items:
            lead = getattr(item, "lead", item)
            if self.first(lead):
                new.append(item)
            else:
                again += list(getattr(item, "citations", (item,)))
        return new, again


class Links:
    """Entity links and linked source text for the printed document (HTML, escaped).

    Only entities with an entry in the document (``entries``; all when None) are linked.
    """

    def __init__(self, briefing: Briefing, entries: Collection[str] | None = None) -> None:
        self._linker = Linker(briefing)
        self._texts = {s.id: s.text for s in briefing.sources}
        self._entries = entries

    def entity(self, entity_id: str | None, label: str | None = None) -> Markup:
        """The entity's name linking to its entry (plain when it has none); "" for None."""
        if entity_id is None or entity_id not in self._linker.entities:
            return Markup("")
        text = html.escape(label or self._linker.entities[entity_id].name)
        if self._entries is not None and entity_id not in self._entries:
            return Markup(text)
        return Markup(f'<a class="entity" href="{html.escape(entry_anchor(entity_id))}">{text}</a>')

    def text(self, source_id: str, start: int, end: int) -> Markup:
        """Escaped source text between two offsets, first mention of each entity linked."""
        full, spans = self._texts[source_id], self._linker.spans.get(source_id, [])
        out, cursor, linked = [], start, set()
        for m_start, m_end, entity_id in spans[bisect_left(spans, (start, -1, "")):]:
            if m_start >= end or m_end > end:
                break
            if entity_id in linked or m_start < cursor:
                continue
            linked.add(entity_id)
            out += [_plain(full[cursor:m_start]), self.entity(entity_id, full[m_start:m_end])]
            cursor = m_end
        out.append(_plain(full[cursor:end]))
        return Markup("".join(out))


def _plain(text: str) -> str:
    """Escaped text on one line: any run of white space (line and paragraph separators too) is a space."""
    return html.escape(re.sub(r"\s+", " ", text))


def entry_anchor(entity_id: str) -> str:
    """In-document link target of an entity's entry."""
    return f"#e-{entity_id}"
