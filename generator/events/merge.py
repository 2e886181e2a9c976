"""Corpus-wide merge of event mentions into events.

Each ``EventCandidate`` becomes a ``Report`` with entity ids (via the mention
offsets resolve kept). Reports are clustered greedily, most specific first:
a report joins the best-scoring cluster it is *compatible* with, else starts
one. Compatible means, against every member:

* same trigger family (talks and meetings are one family) and same aspect
  (an "earlier" visit never joins the current one);
* same story (articles about the same sequence of events, see ``stories``);
* places equal, or one missing, or one a country holding the other;
* participants overlap (a report naming nobody needs the same place);
* no conflicting times: resolved days more than ``DATE_WINDOW_DAYS`` apart, or
  two different times stated by the same source (one article does not
  disagree with itself; different sources naming different weekdays may, so
  that alone keeps nothing apart).

Stories are found first from a strict pass (no story constraint, and any two
different stated times conflict), whose clusters tell which articles report
the same events.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections import Counter
from dataclasses import dataclass

from generator.events import triggers as lex
from generator.knowledge import gazetteer
from generator.knowledge.names import slugify
from generator.model import Briefing, Entity, Event, EventCandidate, TimeExpression
from generator.temporal.calendar import value_range

DATE_WINDOW_DAYS = 3
"""Reports whose resolved dates are further apart than this are different events."""


@dataclass(frozen=True)
class Report:
    """One event mention with its names resolved to entity ids."""

    candidate: EventCandidate
    """The per-article mention."""
    participants: frozenset[str]
    """Entity ids taking part."""
    place: str | None
    """Entity id of the place."""
    order: int
    """Position in corpus order (source file order, then text order)."""
    geo: gazetteer.Place | None = None
    """The gazetteer's entry for the place, for containment (city in country)."""

    @property
    def source(self) -> str:
        """Id of the source reporting it."""
        return self.candidate.citation.source

    @property
    def family(self) -> str:
        """Merge family of the kind."""
        return lex.family(self.candidate.kind)


def merge(briefing: Briefing, groups: list[tuple[str, ...]] | None = None) -> list[Event]:
    """Events of the whole corpus, each citing every report of it.

    Args:
        briefing: The briefing with entities resolved.
        groups: ``story_groups(briefing)`` when the caller already has them.
    """
    from generator.events.stories import story_ids

    reports = resolve_reports(briefing)
    groups = story_groups(briefing, reports) if groups is None else groups
    story_of = {source: sid for sid, sources in story_ids(groups).items() for source in sources}
    clusters = cluster(reports, lambda r: story_of.get(r.source, ""), strict=False)
    return build_events(clusters, briefing.entities, story_of)


def story_groups(briefing: Briefing, reports: list[Report] | None = None) -> list[tuple[str, ...]]:
    """Groups of source ids about the same sequence of events."""
    from generator.events.stories import article_items, cluster_articles

    reports = resolve_reports(briefing) if reports is None else reports
    clusters = cluster(reports, lambda r: "", strict=True)
    ok = [s.id for s in briefing.sources if s.status == "ok" and s.id in briefing.analyses]
    return cluster_articles(ok, article_items(clusters, briefing))


def resolve_reports(briefing: Briefing) -> list[Report]:
    """Every event candidate of every analysed source, with entity ids."""
    by_span = {(m.source, m.start, m.end): e for e in briefing.entities for m in e.mentions}
    reports = []
    for source in briefing.sources:
        analysis = briefing.analyses.get(source.id)
        for candidate in analysis.events if analysis else ():
            reports.append(_report(candidate, by_span, len(reports)))
    return reports


def _report(candidate: EventCandidate, by_span: dict, order: int) -> Report:
    source = candidate.citation.source
    people = [by_span.get((source, *span)) for span in candidate.participants]
    place = by_span.get((source, *candidate.place)) if candidate.place else None
    if place is not None and place.type != "place":
        people.append(place)
        place = None
    ids = frozenset(e.id for e in people if e is not None)
    if place is None:
        return Report(candidate, ids, None, order)
    return Report(candidate, ids, place.id, order, _lookup(place.name))


def cluster(reports: list[Report], story, strict: bool) -> list[list[Report]]:
    """Greedy clustering, most specific reports first.

    Only clusters that could be compatible are tested (``_Candidates``), in the
    order they were started, so the outcome is that of testing every cluster.
    """
    clusters: list[list[Report]] = []
    index = _Candidates(story)
    for report in sorted(reports, key=lambda r: (-_specificity(r), r.order)):
        fits = [n for n in index.candidates(report) if _compatible(report, clusters[n], story, strict)]
        if fits:
            best = max(fits, key=lambda n: _score(report, clusters[n]))
            clusters[best].append(report)
        else:
            best = len(clusters)
            clusters.append([report])
        index.add(report, best, first=not fits)
    for members in clusters:
        members.sort(key=lambda r: r.order)
    return sorted(clusters, key=lambda c: c[0].order)


class _Candidates:
    """Clusters a report may be compatible with, found by the keys compatibility needs.

    A compatible cluster has the report's family, aspect and story, and either
    shares a participant with it or (``_participants_agree`` then needs places
    all round) has a first member whose place equals the report's or whose
    gazetteer entry has the same country code (``_places_agree``).
    """

    def __init__(self, story) -> None:
        self.story = story
        self.clusters: dict[tuple, set[int]] = {}

    def _keys(self, report: Report, participants: bool, places: bool) -> list[tuple]:
        bucket = (report.family, report.candidate.aspect, self.story(report))
        keys = [(bucket, "who", p) for p in report.participants] if participants else []
        if places and report.place is not None:
            keys.append((bucket, "place", report.place))
            if report.geo is not None:
                keys.append((bucket, "country", report.geo.country_code))
        return keys

    def candidates(self, report: Report) -> list[int]:
        """Numbers of the clusters to test, in the order they were started."""
        keys = self._keys(report, participants=True, places=True)
        return sorted(set().union(*(self.clusters.get(key, ()) for key in keys)))

    def add(self, report: Report, number: int, first: bool) -> None:
        """Record that ``report`` is in cluster ``number`` (``first``: it started it)."""
        for key in self._keys(report, participants=True, places=first):
            self.clusters.setdefault(key, set()).add(number)


def _specificity(report: Report) -> int:
    c = report.candidate
    return len(report.participants) + 2 * (report.place is not None) + (c.time is not None)


def _compatible(report: Report, members: list[Report], story, strict: bool) -> bool:
    first = members[0]
    if (report.family, report.candidate.aspect, story(report)) != (
            first.family, first.candidate.aspect, story(first)):
        return False
    if not all(_places_agree(report, m) for m in members):
        return False
    if not _participants_agree(report, members):
        return False
    return not any(_times_conflict(report, m, strict) for m in members)


def _participants_agree(report: Report, members: list[Report]) -> bool:
    together = frozenset().union(*(m.participants for m in members))
    if report.participants and together:
        return bool(report.participants & together)
    places = {m.place for m in members} | {report.place}
    return None not in places


def _places_agree(a: Report, b: Report) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    return _contains(a.geo, b.geo) or _contains(b.geo, a.geo)


@functools.lru_cache(maxsize=4096)
def _lookup(name: str) -> gazetteer.Place | None:
    return gazetteer.lookup(name)


def _contains(big: gazetteer.Place | None, small: gazetteer.Place | None) -> bool:
    """Whether one place (a country) holds the other."""
    return bool(big and small and big.kind == "country" and small.kind != "country"
                and big.country_code == small.country_code)


def _times_conflict(a: Report, b: Report, strict: bool) -> bool:
    ta, tb = a.candidate.time, b.candidate.time
    if ta is None or tb is None:
        return False
    ra, rb = value_range(ta.value), value_range(tb.value)
    if ra and rb:
        gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
        return gap > dt.timedelta(days=DATE_WINDOW_DAYS)
    return ta.value != tb.value and (strict or a.source == b.source)


def _score(report: Report, members: list[Report]) -> int:
    together = frozenset().union(*(m.participants for m in members))
    same_place = any(m.place == report.place and report.place for m in members)
    return len(report.participants & together) + 2 * same_place


def build_events(clusters: list[list[Report]], entities: list[Entity],
                 story_of: dict[str, str]) -> list[Event]:
    """One Event per cluster, with unique ids and generated titles."""
    names = {e.id: e.name for e in entities}
    titles = [_title(members, names) for members in clusters]
    repeated = Counter(titles)
    events, used = [], Counter[str]()
    for members, title in zip(clusters, titles, strict=True):
        if repeated[title] > 1:
            title = _distinguished(title, members)
        slug = slugify(title) or "event"
        used[slug] += 1
        event_id = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        events.append(_event(event_id, title, members, story_of))
    return sorted(events, key=_event_order)


def _event(event_id: str, title: str, members: list[Report], story_of: dict[str, str]) -> Event:
    cites = {(r.source, r.candidate.citation.sentence): r.candidate.citation for r in members}
    times = {(t.text, t.value): t for r in members if (t := r.candidate.time) is not None}
    return Event(
        id=event_id,
        title=title,
        kind=Counter(r.candidate.kind for r in members).most_common(1)[0][0],
        participants=_ranked(p for r in members for p in r.participants),
        place=_main_place(members),
        date=resolved_date(list(times.values())),
        citations=tuple(cites.values()),
        stated_times=tuple(times.values()),
        story=story_of.get(members[0].source, ""),
    )


def _ranked(ids) -> tuple[str, ...]:
    """Most reported first; ties by id, so the order never depends on set iteration."""
    counts = Counter(ids)
    return tuple(sorted(counts, key=lambda i: (-counts[i], i)))


def _main_place(members: list[Report]) -> str | None:
    """The most reported place; among equals, the one inside the other."""
    placed = [r for r in members if r.place]
    if not placed:
        return None
    counts = Counter(r.place for r in placed)
    geo = {r.place: r.geo for r in placed}
    return max(counts, key=lambda p: (counts[p], any(_contains(geo[o], geo[p]) for o in counts)))


def resolved_date(times: list[TimeExpression]) -> TimeExpression | None:
    """The most reported time that names a calendar day or period, else None."""
    resolved = [t for t in times if value_range(t.value)]
    if not resolved:
        return None
    best = Counter(t.value for t in resolved).most_common(1)[0][0]
    return next(t for t in resolved if t.value == best)


def _title(members: list[Report], names: dict[str, str]) -> str:
    kind = Counter(r.candidate.kind for r in members).most_common(1)[0][0]
    word, at, by = lex.KIND_LABELS.get(kind, (kind.title(), "in", "by"))
    place = _main_place(members)
    if members[0].candidate.aspect == "earlier":
        word = f"Earlier {word.lower()}"
    if place:
        return f"{word} {at} {names.get(place, place)}"
    people = [names.get(p, p) for p in _ranked(p for r in members for p in r.participants)]
    if lex.family(kind) == "meeting" and len(people) > 1:
        return f"{word} of {people[0]} and {people[1]}"
    return f"{word} {by} {people[0]}" if people else word


def _distinguished(title: str, members: list[Report]) -> str:
    """A repeated title with the first stated time ("Visit to X, Tuesday")."""
    times = [r.candidate.time.text for r in members if r.candidate.time]
    return f"{title}, {times[0]}" if times else title


def _event_order(event: Event) -> tuple:
    day = value_range(event.date.value)[0] if event.date else dt.date.max
    first = event.citations[0]
    return (day, first.source, first.sentence)
