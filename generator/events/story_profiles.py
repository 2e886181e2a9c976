"""Article profiles for story grouping: what one article is about, as a weighted vector.

Each article gets a ``Profile``: a sparse, L2-normalised vector of TF-IDF
weights (smoothed by ``IDF_PRIOR``) over the resolved people, organisations and
places it names, its key terms (content words outside names), its numbers, the
dates it states, who takes part in its event mentions and the merged deadlines
it reports (terms and numbers of its headline and kept paragraphs only, ``body_text``;
its publication day is one of its dates); each kind of feature is normalised and scaled
by ``BLOCK_WEIGHTS``. Its days and years give the date factor of a pair
(``story_pairs.date_factor``); its dated visits and meetings tell two occasions apart
(``Profile.apart``). ``events.stories`` compares and groups the profiles. A rebuild reads
the key terms of unchanged articles from the previous build (``term_memo``).
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from generator.events.profile_weights import weighted_vectors
from generator.events.reports import different_occasions, occasions_of, taking_part
from generator.events.story_pairs import date_factor
from generator.events.term_memo import TermMemo
from generator.knowledge.plurals import singular
from generator.knowledge.stop_words import STOP_WORDS
from generator.model import ArticleAnalysis, Briefing, Deadline, Source
from generator.temporal.calendar import value_range

BLOCK_WEIGHTS = {"person": 1.0, "org": 0.3, "place": 0.6, "num": 1.0, "term": 0.7, "time": 0.8,
                 "event": 0.5, "deadline": 0.5}
"""Weight of each kind of feature in an article's profile."""

IDF_PRIOR = 100
"""Articles added to the corpus size in the inverse document frequency (a smoothed idf)."""

_WORD = re.compile(r"[a-z][a-z-]+|\d+(?:[.,]\d+)*")
_YEAR = re.compile(r"^\d{4}(?:$|-)")
_DATED = re.compile(r"^(?:\d{4}|XXXX-\d\d)")


@dataclass(frozen=True)
class Profile:
    """What one article is about, for comparing articles."""

    vector: dict[str, float]
    """Feature ("<kind>:<key>") -> weight; the vector has length 1 (or is empty)."""
    days: frozenset[dt.date] = frozenset()
    """The publication date and the calendar days (or weeks) the article states."""
    timed: frozenset[tuple[str, str, str]] = frozenset()
    """(occasion, entity id, time value) of each dated visit or meeting and each party or place
    of it (``event_reports.dated_occasions``)."""
    deadlines: frozenset[str] = frozenset()
    """Ids of the merged deadlines the article reports."""
    years: frozenset[int] = frozenset()
    """The publication year and the years the article's dates state (``stated_years``)."""

    def date_factor(self, other: Profile) -> float:
        """``story_pairs.date_factor`` of the two articles' days and years."""
        return date_factor(sorted(d.toordinal() for d in self.days),
                           sorted(d.toordinal() for d in other.days), self.years, other.years)

    def apart(self, other: Profile) -> bool:
        """Whether the two report one kind of event by the same party at different times
        (and share no deadline): two occurrences, never one story."""
        if self.deadlines & other.deadlines:
            return False
        return different_occasions(self.timed, other.timed)


def profiles(briefing: Briefing, terms: TermMemo | None = None,
             deadlines: Callable[[], Mapping[str, Iterable[str]]] | None = None) -> dict[str, Profile]:
    """Source id -> profile, with TF-IDF weights over the briefing's analysed sources
    (``terms``: the articles' key terms kept by the previous build, see ``term_memo``).

    ``deadlines`` gives, when first called, source id -> ids of the merged deadlines it
    reports (default: ``deadline_sources(briefing.deadlines)``). It is called once every
    other feature is counted, so a caller may merge the deadlines meanwhile (see
    ``pipeline.stories_beside_quotes``).
    """
    by_span = _entity_at(briefing)
    counts, timed = article_features(briefing, by_span, terms)
    sources = {s.id: s for s in briefing.sources}
    dated = {source: (article_days(sources[source], briefing.analyses[source]),
                      stated_years(sources[source], briefing.analyses[source])) for source in counts}
    reported = deadlines() if deadlines is not None else deadline_sources(briefing.deadlines)
    for source, features in counts.items():
        features.update(f"deadline:{d}" for d in reported.get(source, ()))
    vectors = weighted_vectors(list(counts.values()), BLOCK_WEIGHTS, IDF_PRIOR)
    return {source: Profile(vector, dated[source][0], timed[source], frozenset(reported.get(source, ())),
                            dated[source][1])
            for source, vector in zip(counts, vectors, strict=True)}


def deadline_sources(deadlines: Iterable[Deadline]) -> dict[str, list[str]]:
    """Source id -> ids of the merged deadlines it reports (each once, in the order of a set
    of them, as the profiles count them)."""
    found: dict[str, set[str]] = {}
    for deadline in deadlines:
        for report in deadline.reports:
            found.setdefault(report.citation.source, set()).add(deadline.id)
    return {source: list(ids) for source, ids in found.items()}


def _entity_at(briefing: Briefing) -> dict[tuple[str, int, int], str]:
    """(source, start, end) of every resolved mention -> entity id."""
    return {key: entity.id for key, entity in briefing.mention_index().items()}


def article_days(source: Source, analysis: ArticleAnalysis | None) -> frozenset[dt.date]:
    """Publication date and the stated days or weeks (first day) of an article."""
    days = {source.published} if source.published else set()
    for time in analysis.times if analysis else ():
        span = value_range(time.value)
        if span and (span[1] - span[0]).days < 7:
            days.add(span[0])
    return frozenset(days)


def stated_years(source: Source, analysis: ArticleAnalysis | None) -> frozenset[int]:
    """The article's publication year and the years its dates state."""
    years = {source.published.year} if source.published else set()
    for time in analysis.times if analysis else ():
        if time.type == "DATE" and _YEAR.match(time.value):
            years.add(int(time.value[:4]))
    return frozenset(years)


def article_features(briefing: Briefing, by_span: dict[tuple[str, int, int], str],
                     terms: TermMemo | None = None,
                     ) -> tuple[dict[str, Counter], dict[str, frozenset[tuple[str, str, str]]]]:
    """Source id -> counts of its features but the deadlines (names, places, terms, numbers,
    dates, events), and source id -> its ``dated_occasions``.

    Args:
        by_span: ``_entity_at(briefing)``.
        terms: the key terms kept by the previous build (recalled by text and name spans).
    """
    terms = terms or TermMemo()
    features = {source: Counter[str]() for source in briefing.analyses}
    named: dict[str, list[tuple[int, int]]] = {source: [] for source in briefing.analyses}
    for entity in briefing.entities:
        kind = {"place": "place", "person": "person"}.get(entity.type, "org")
        for m in entity.mentions:
            if m.source in features:
                features[m.source][f"{kind}:{entity.id}"] += 1
                named[m.source].append((m.start, m.end))
    texts = {s.id: body_text(s) for s in briefing.sources}
    published = {s.id: s.published for s in briefing.sources if s.published}
    timed = {}
    for source, analysis in briefing.analyses.items():
        features[source].update(terms.counts(texts.get(source, ""), named[source], key_terms))
        features[source].update(f"time:{t.value}" for t in analysis.times if _DATED.match(t.value))
        if source in published:
            features[source][f"time:{published[source].isoformat()}"] += 1
        parties = list(taking_part(analysis, by_span))
        features[source].update(f"event:{family}:{entity}" for family, entity, _ in parties)
        timed[source] = occasions_of(parties)
    return features, timed


def body_text(source: Source) -> str:
    """``source.text`` with all but its headline and kept paragraphs blanked (front matter,
    boilerplate), so offsets stay those of the text. A date or outlet in the front matter is
    no key term: "published: 1998-01-14" had given every article of one month the numbers
    "01" and "1998", which alone made unrelated articles one story."""
    kept = [*source.paragraphs, *([source.title_span] if source.title_span else [])]
    if not kept:
        return source.text
    pieces, at = [], 0
    for start, end in sorted(kept):
        if end > at:
            start = max(start, at)
            pieces += [" " * (start - at), source.text[start:end]]
            at = end
    pieces.append(" " * (len(source.text) - at))
    return "".join(pieces)


def key_terms(text: str, names: list[tuple[int, int]]) -> list[str]:
    """Content words of a text outside the name spans, lower case, crudely singular."""
    words = _WORD.findall(_blanked(text, names).lower())
    return [_term_form(w) for w in words if w not in STOP_WORDS and (len(w) > 2 or w[0].isdigit())]


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with every character inside one of the (start, end) spans made a space."""
    pieces = []
    at = 0
    for start, end in sorted(spans):
        if end > at:
            start = max(start, at)
            pieces += [text[at:start], " " * (end - start)]
            at = end
    pieces.append(text[at:])
    return "".join(pieces)


def _term_form(word: str) -> str:
    """A key term's form: a number without its thousands commas, else the word's singular."""
    return word.replace(",", "") if word[0].isdigit() else singular(word)
