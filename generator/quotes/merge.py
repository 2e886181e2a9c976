"""Quotes merged across sources (``merge_quotes``).

Reports of the same words (equal normalised text, rapidfuzz ratio >= ``SAME_QUOTE_RATIO``,
or one containing the other) become one Quote citing every source; its speaker is the
entity most reports name. Quotes come in timeline order.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import Counter

from rapidfuzz import fuzz

from generator.knowledge.names import normalise
from generator.model import Briefing, Quote, QuoteCandidate, Source
from generator.quotes.blocking import same_quotation_keys
from generator.quotes.find import SHORT_QUOTE_WORDS
from generator.quotes.match_memo import QuoteMatchMemo

SAME_QUOTE_RATIO = 90.0
"""Least rapidfuzz ratio of two normalised quotations that are the same words."""


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
