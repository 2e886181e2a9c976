"""Quotes: direct quotes with speaker attribution (per article), merged across sources.

Per article (``find_quotes``, on the parse of one paragraph): every “curly” or
"straight" quoted stretch is a candidate, attributed by the rules in
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
the text does not say who spoke (never guessed).

Corpus-wide (``merge_quotes``): reports of the same words (equal normalised
text, rapidfuzz ratio >= 90, or one containing the other) become one Quote
citing every source; its speaker is the entity most reports name.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from generator.knowledge.names import normalise
from generator.model import Briefing, Quote, QuoteCandidate, Source
from generator.nlp.paragraph import Paragraph
from generator.quotes.attribution import Attribution, attribute, is_speech_verb, speaker_of_verb
from generator.quotes.blocking import same_quotation_keys
from generator.quotes.match_memo import QuoteMatchMemo
from generator.quotes.spans import QuoteSpan, find_spans
from generator.quotes.statements import find_statements

SHORT_QUOTE_WORDS = 3
CONTINUATION_DEPTH = 3
ATTRIBUTION_WORDS = 12
"""Most words between two quotes for the second to continue the first across a sentence of
attribution ('“...?” / he asked. / “...”')."""
MAIN_DEPS = frozenset({"ROOT", "parataxis"})
"""Dependencies of a saying verb that heads its sentence ("X said ...", "This, X says, is ...")."""
SAME_QUOTE_RATIO = 90.0


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


def merge_quotes(briefing: Briefing, memo: QuoteMatchMemo | None = None) -> list[Quote]:
    """One Quote per distinct quotation, citing every source that reports it.

    Quotes come in timeline order: by the publication date of their first report
    (undated sources last, in file order), then by position in the source.
    ``memo``: the previous build's matching keys (``match_memo``); this build's are added.
    """
    reports = [(candidate, _speaker_id(briefing, source.id, candidate))
               for source in _timeline(briefing.sources)
               for candidate in _direct_quotes(briefing, source.id)]
    return _with_unique_ids([_quote(group) for group in group_reports(reports, memo)])


def _direct_quotes(briefing: Briefing, source_id: str) -> list[QuoteCandidate]:
    analysis = briefing.analyses.get(source_id)
    return [q for q in analysis.quotes if q.kind == "direct"] if analysis else []


def _speaker_id(briefing: Briefing, source_id: str, candidate: QuoteCandidate) -> str | None:
    """The entity a named speaker resolves to (None: unnamed, described or unresolved)."""
    if not candidate.speaker or candidate.described:
        return None
    entity = briefing.entity_at(source_id, candidate.speaker[0])
    return entity.id if entity else None


def _timeline(sources: list[Source]) -> list[Source]:
    """Sources by publication date (undated last), then in file order."""
    order = {source.id: index for index, source in enumerate(sources)}
    return sorted(sources, key=lambda s: (s.published is None, s.published or dt.date.min, order[s.id]))


Report = tuple[QuoteCandidate, "str | None"]
"""A quote candidate and the entity id of its speaker."""


def group_reports(reports: list[Report], memo: QuoteMatchMemo | None = None) -> list[list[Report]]:
    """Each report joins the earliest group holding a compatible report of the same
    quotation (``_compatible`` and ``same_quote``), else starts a group.

    The keys that are the same quotation come from ``blocking.same_quotation_keys``
    (``memo``: the previous build's, see ``match_memo``; this build's become its
    ``fresh``), so only reports of matching keys are compared: the groups are those of
    comparing with all. Whether an earlier report matches depends only on its speaker and
    key, and the earliest group wins, so one report per (speaker, key) is looked at,
    standing for the earliest group holding that speaker and key.
    """
    memo = memo or QuoteMatchMemo()
    keys = [quote_key(candidate.citation.text) for candidate, _ in reports]
    matches = same_quotation_keys(list(dict.fromkeys(k for k in keys if k)), _same_key, memo.kept)
    memo.fresh = matches
    groups: list[list[Report]] = []
    group_of: dict[int, int] = {}
    stands_for: dict[tuple[str | None, str], int] = {}
    standing: dict[str, list[tuple[str | None, int]]] = {}  # key -> (speaker, report standing for it)
    for number, (candidate, speaker) in enumerate(reports):
        short = _few_words(candidate)
        group = min((group_of[other] for key in matches.get(keys[number], ())
                     for who, other in standing.get(key, ()) if _compatible_speakers(short, speaker, who)),
                    default=len(groups))
        if group == len(groups):
            groups.append([])
        groups[group].append((candidate, speaker))
        first = stands_for.setdefault((speaker, keys[number]), number)
        if first == number:
            standing.setdefault(keys[number], []).append((speaker, number))
        group_of[first] = min(group, group_of.get(first, group))
    return groups


def _compatible(a: QuoteCandidate, a_speaker: str | None, b: QuoteCandidate,
                b_speaker: str | None) -> bool:
    """Short quotes merge only with the same speaker; two named different speakers never merge."""
    return _compatible_speakers(_few_words(a), a_speaker, b_speaker)


def _few_words(candidate: QuoteCandidate) -> bool:
    """At most ``SHORT_QUOTE_WORDS`` words quoted."""
    return len(candidate.citation.text.split()) <= SHORT_QUOTE_WORDS


def _compatible_speakers(short: bool, a_speaker: str | None, b_speaker: str | None) -> bool:
    """``_compatible`` given whether the first quote is short."""
    if short:
        return a_speaker == b_speaker
    return a_speaker is None or b_speaker is None or a_speaker == b_speaker


def same_quote(a: str, b: str) -> bool:
    """True when two quoted texts are the same quotation (normalised equal, near-equal or contained)."""
    return _same_key(quote_key(a), quote_key(b))


def _same_key(na: str, nb: str) -> bool:
    """``same_quote`` on texts already reduced by ``quote_key``."""
    if not na or not nb:
        return False
    if na == nb or fuzz.ratio(na, nb, score_cutoff=SAME_QUOTE_RATIO) >= SAME_QUOTE_RATIO:
        return True
    shorter, longer = sorted((na, nb), key=len)
    return len(shorter.split()) > SHORT_QUOTE_WORDS and f" {shorter} " in f" {longer} "


def quote_key(text: str) -> str:
    """Comparison key of a quote: lower case, no punctuation, typographic apostrophes unified."""
    return normalise(text.replace("’", "'").replace("'", ""))


def _quote(group: list[tuple[QuoteCandidate, str | None]]) -> Quote:
    first = group[0][0]
    votes = Counter(who for _, who in group if who is not None)
    speaker = votes.most_common(1)[0][0] if votes else None
    speaker_text = next((c.speaker_text for c, who in group if who == speaker and speaker), "")
    if speaker is None:
        speaker_text = next((c.speaker_text for c, _ in group if c.described), "")
    citations = tuple(candidate.citation for candidate, _ in group)
    digest = hashlib.sha1(quote_key(first.citation.text).encode("utf-8")).hexdigest()[:10]
    return Quote(f"q-{digest}", first.citation.text, speaker, citations, speaker_text)


def _with_unique_ids(quotes: list[Quote]) -> list[Quote]:
    taken: Counter[str] = Counter()
    out = []
    for quote in quotes:
        taken[quote.id] += 1
        suffix = f"-{taken[quote.id]}" if taken[quote.id] > 1 else ""
        out.append(Quote(f"{quote.id}{suffix}", quote.text, quote.speaker, quote.citations,
                         quote.speaker_text))
    return out
