"""Direct quotes with speaker attribution, per article (``find_quotes``, on the parse of one
paragraph).

Every “curly” or "straight" quoted stretch is a candidate, attributed by the rules in
``generator.quotes.attribution``. A quote that no speech verb frames, that
opens its sentence and follows a quote of a known speaker in the sentence or
paragraph just before (or the sentence after it, when that is only the quote's
attribution: "“...?” / he asked. / “...”"), continues that speaker's quote
("continuation"); so does one opening its sentence right after a sentence
headed by a saying verb ("X said the plan was dead. “We don't need it.”").

Short quotes (at most ``SHORT_QUOTE_WORDS`` words: “constructive”, “regime
change”) are partial quotes or scare quotes. Rule: they are kept only when a
speech verb that governs them in the parse has a resolvable speaker ("X said
Washington hopes to “lead” talks"); otherwise they are skipped, never listed
as unattributed quotes. Longer quotes are always kept, with speaker None when
the text does not say who spoke (never guessed). Indirect statements come from
``statements.find_statements``; ``merge.merge_quotes`` joins quotes across sources.
"""

from __future__ import annotations

from dataclasses import dataclass

from generator.model import QuoteCandidate
from generator.nlp.paragraph import Paragraph
from generator.quotes.attribution import Attribution, attribute, is_speech_verb, speaker_of_verb
from generator.quotes.spans import QuoteSpan, find_spans
from generator.quotes.statements import find_statements

SHORT_QUOTE_WORDS = 3
CONTINUATION_DEPTH = 3
ATTRIBUTION_WORDS = 12
"""Most words between two quotes for the second to continue the first across a sentence of
attribution ('“...?” / he asked. / “...”')."""
MAIN_DEPS = frozenset({"ROOT", "parataxis"})
"""Dependencies of a saying verb that heads its sentence ("X said ...", "This, X says, is ...")."""


@dataclass(frozen=True)
class _Found:
    """A candidate with the index of the sentence where its quote ends."""

    candidate: QuoteCandidate
    end_sentence: int


def find_quotes(paragraph: Paragraph) -> list[QuoteCandidate]:
    """Direct quotes in one paragraph with the words naming their speaker, then the
    paragraph's indirect statements (``kind="indirect"``, see ``generator.quotes.statements``)."""
    direct = [found.candidate for found in _find(paragraph, CONTINUATION_DEPTH)]
    return direct + find_statements(paragraph, find_spans(paragraph))


def _find(paragraph: Paragraph, depth: int) -> list[_Found]:
    spans = find_spans(paragraph)
    found: list[_Found] = []
    for span in spans:
        candidate = _candidate(paragraph, span, spans, found, depth)
        if candidate is not None:
            found.append(_Found(candidate, paragraph.sentence_at(max(span.end - 1, span.start)).index))
    return found


def _is_short(paragraph: Paragraph, span: QuoteSpan) -> bool:
    """A partial or scare quote: few words, not a whole utterance opening its sentence."""
    text = paragraph.source.text
    if len(text[span.start: span.end].split()) > SHORT_QUOTE_WORDS:
        return False
    lead = text[paragraph.sentence_at(span.open).start: span.open]
    whole = text[span.start: span.close].rstrip("”\"' ").endswith((",", ".", "!", "?"))
    return any(ch.isalnum() for ch in lead) or not whole


def _candidate(paragraph: Paragraph, span: QuoteSpan, spans: list[QuoteSpan],
               found: list[_Found], depth: int) -> QuoteCandidate | None:
    short = _is_short(paragraph, span)
    attribution = attribute(paragraph, span, spans, governed_only=short)
    if attribution is None and not short:
        attribution = _continuation(paragraph, span, found, depth)
    if short and (attribution is None or attribution.speaker is None):
        return None
    citation = paragraph.cite(span.start, span.end)
    speaker = attribution.speaker if attribution else None
    if speaker is None and attribution is not None and attribution.description and not short:
        start, end = attribution.description
        return QuoteCandidate(citation, (start, end), paragraph.source.text[start:end],
                              attribution.cue, described=True)
    if speaker is None:
        return QuoteCandidate(citation, None, cue=attribution.cue if attribution else "")
    return QuoteCandidate(citation, (speaker.start, speaker.end), speaker.text, attribution.cue)


def _continuation(paragraph: Paragraph, span: QuoteSpan, found: list[_Found],
                  depth: int) -> Attribution | None:
    """The previous quote's speaker when this quote opens its sentence right after it."""
    sentence = paragraph.sentence_at(span.open)
    lead = paragraph.source.text[sentence.start: span.open]
    if any(ch.isalnum() for ch in lead):
        return None
    previous = found[-1] if found else _last_of_previous(paragraph, depth)
    if previous is None or not _follows(paragraph, previous, sentence.index):
        return _reported_before(paragraph, sentence.index)
    if previous.candidate.speaker is None:
        return None
    start, end = previous.candidate.speaker
    if previous.candidate.described:
        return Attribution(None, "continuation", (start, end))
    mention = paragraph.mention_at(start, end) or _previous_mention(paragraph, start, end)
    return Attribution(mention, "continuation") if mention is not None else None


def _follows(paragraph: Paragraph, previous: _Found, index: int) -> bool:
    """True when a quote's sentence is the one after the previous quote's, or the one after
    that when only the previous quote's attribution stands between them ('“...?” / he asked. /
    “...”': a saying verb in at most ``ATTRIBUTION_WORDS`` words)."""
    gap = index - previous.end_sentence
    if gap <= 1:
        return True
    between = next((s for s in paragraph.sentences if s.index == index - 1), None)
    if gap != 2 or between is None:
        return False
    words = [t for t in paragraph.doc if between.start <= paragraph.offset + t.idx < between.end]
    return len(words) <= ATTRIBUTION_WORDS and any(is_speech_verb(t) for t in words)


def _reported_before(paragraph: Paragraph, index: int) -> Attribution | None:
    """The speaker of the saying verb heading the sentence just before a quote in its paragraph
    ("X said the plan was dead. “We don't need it.”", "This, X says, is ... . “...”"): a quote
    opening its sentence after a reported statement goes on with that speaker's words."""
    before = next((s for s in paragraph.sentences if s.index == index - 1), None)
    if before is None:
        return None
    spans = find_spans(paragraph)
    for verb in paragraph.doc:
        position = paragraph.offset + verb.idx
        if not before.start <= position < before.end or any(s.holds(position) for s in spans):
            continue
        heads = verb.dep_ in MAIN_DEPS or verb.dep_ == "conj" and verb.head.dep_ == "ROOT"
        if heads and is_speech_verb(verb):
            found = speaker_of_verb(paragraph, verb, spans)
            if found.speaker is not None or found.description is not None:
                return Attribution(found.speaker, "continuation", found.description)
    return None


def _last_of_previous(paragraph: Paragraph, depth: int) -> _Found | None:
    previous = paragraph.previous
    if depth <= 0 or previous is None or any(s.is_title for s in previous.sentences):
        return None
    found = _find(previous, depth - 1)
    return found[-1] if found else None


def _previous_mention(paragraph: Paragraph, start: int, end: int):
    current = paragraph.previous
    while current is not None:
        mention = current.mention_at(start, end)
        if mention is not None:
            return mention
        current = current.previous
    return None
