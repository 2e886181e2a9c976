"""Corpus-wide merge of event mentions into events.

Each ``EventCandidate`` becomes a ``Report`` (``event_reports``) with entity
ids. Reports are clustered greedily, most specific first:
a report joins the best-scoring cluster it is *compatible* with, else starts
one. Compatible means, against every member:

* same trigger family (talks and meetings are one family) and same aspect
  (an "earlier" visit never joins the current one);
* same story (articles about the same sequence of events, see ``stories``);
* places equal, or one missing, or one a country holding the other;
* participants overlap; a report naming nobody fits a cluster of its own
  article, one sharing a described participant ("the gunman") or, with
  places all round, one at the same place; the weak cases need the same day;
* no clearly different dates: stated days more than ``DATE_WINDOW_DAYS``
  apart, or (for a report stating no day) publication dates more than
  ``PUBLISHED_WINDOW_DAYS`` apart. Words that resolve to no day ("Tuesday"
  without a publication date, "now") never conflict: one article's reports of
  one trip stay one event, and outlets naming different weekdays may disagree.

Then ``join_story_events`` joins, within one story, the clusters of a violent,
legal or job happening (reports naming the victim, the suspect or the police)
unless places lie clearly apart or days differ: a story's main event exists once;
``join_same_sentence`` joins clusters of one family citing one sentence (``joins``).

Stories (``stories.story_groups``, by article content) are found first.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable
from functools import partial

from generator.events import triggers as lex
from generator.events.agreement import contains, other_day, places_agree, times_conflict
from generator.events.cluster_memo import ClusterMemo
from generator.events.joins import join_same_sentence, join_story_events
from generator.events.reports import Report, resolve_reports
from generator.events.stories import numbered_stories
from generator.knowledge.names import slugify
from generator.model import Briefing, Entity, Event, TimeExpression
from generator.temporal.calendar import value_range


def merge(briefing: Briefing, stories: dict[str, tuple[str, ...]] | None = None,
          reports: list[Report] | None = None, memo: ClusterMemo | None = None) -> list[Event]:
    """Events of the whole corpus, each citing every report of it.

    Args:
        briefing: The briefing with entities resolved.
        stories: ``numbered_stories(briefing)`` when the caller already has them.
        reports: ``resolve_reports(briefing)`` when the caller already has them.
        memo: the previous build's clusters (``cluster_memo``); this build's are added to it.
    """
    reports = resolve_reports(briefing) if reports is None else reports
    stories = numbered_stories(briefing) if stories is None else stories
    story_of = {source: sid for sid, sources in stories.items() for source in sources}
    clusters = story_clusters(reports, story_of, memo or ClusterMemo())
    return build_events(clusters, briefing.entities, story_of)


def story_clusters(reports: list[Report], story_of: dict[str, str], memo: ClusterMemo) -> list[list[Report]]:
    """The clusters of every story (``cluster`` and the joins), by order of first report.

    Nothing joins reports of two stories, so each story is clustered on its own, and
    a story whose reports are as they were in the previous build is not clustered again.
    """
    by_story: dict[str, list[Report]] = {}
    for report in reports:
        by_story.setdefault(story_of.get(report.source, ""), []).append(report)
    found = []
    for story_id, members in by_story.items():
        found += memo.clusters(members, partial(_one_story, story_id=story_id))
    return sorted(found, key=lambda members: members[0].order)


def _one_story(reports: list[Report], story_id: str) -> list[list[Report]]:
    """The clusters of the reports of one story (``cluster``, then the joins)."""
    story = lambda _: story_id  # noqa: E731
    return join_same_sentence(join_story_events(cluster(reports, story), story))


def cluster(reports: list[Report], story) -> list[list[Report]]:
    """Greedy clustering, most specific reports first.

    Only clusters that could be compatible are tested (``_Candidates``), in the
    order they were started, so the outcome is that of testing every cluster.
    """
    clusters: list[list[Report]] = []
    index = _Candidates(story)
    for report in sorted(reports, key=lambda r: (-_specificity(r), r.order)):
        fits = [n for n in index.candidates(report) if _compatible(report, clusters[n], story)]
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
    gazetteer entry has the same country code (``agreement.places_agree``).
    """

    def __init__(self, story) -> None:
        self.story = story
        self.clusters: dict[tuple, set[int]] = {}

    def _keys(self, report: Report, participants: bool, places: bool) -> list[tuple]:
        bucket = (report.family, report.candidate.aspect, self.story(report))
        keys = [(bucket, "who", p) for p in report.participants] if participants else []
        keys += [(bucket, "described", d) for d in report.described]
        keys.append((bucket, "source", report.source))
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


def _compatible(report: Report, members: list[Report], story) -> bool:
    first = members[0]
    if (report.family, report.candidate.aspect, story(report)) != (
            first.family, first.candidate.aspect, story(first)):
        return False
    if not all(places_agree(report, m) for m in members):
        return False
    if not _participants_agree(report, members):
        return False
    return not any(times_conflict(report, m) for m in members)


def _participants_agree(report: Report, members: list[Report]) -> bool:
    """Named participants in common; else (one side names no one) the same article, a described
    participant in common, or places on every report."""
    together = frozenset().union(*(m.participants for m in members))
    if report.participants and together:
        return bool(report.participants & together)
    weak = any(m.source == report.source for m in members) or bool(
        report.described & frozenset().union(*(m.described for m in members)))
    if weak:  # the same article or a described participant: enough unless the days differ
        return not any(other_day(report, m) for m in members)
    places = {m.place for m in members} | {report.place}
    return None not in places


def _score(report: Report, members: list[Report]) -> int:
    together = frozenset().union(*(m.participants for m in members))
    same_place = any(m.place == report.place and report.place for m in members)
    return len(report.participants & together) + 2 * same_place


def build_events(clusters: list[list[Report]], entities: list[Entity],
                 story_of: dict[str, str]) -> list[Event]:
    """One Event per cluster, with unique ids and generated titles."""
    names = {e.id: e.name for e in entities}
    places = [_main_place(members) for members in clusters]
    kinds = [_most_common(r.candidate.kind for r in members) for members in clusters]
    titles = [_title(*told, names) for told in zip(clusters, kinds, places, strict=True)]
    repeated = Counter(titles)
    events, used = [], Counter[str]()
    for members, title, kind, place in zip(clusters, titles, kinds, places, strict=True):
        if repeated[title] > 1:
            title = _distinguished(title, members)
        slug = slugify(title) or "event"
        used[slug] += 1
        event_id = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        events.append(_event(event_id, title, members, (kind, place), story_of))
    return sorted(events, key=_event_order)


def _event(event_id: str, title: str, members: list[Report], kind_place: tuple[str, str | None],
           story_of: dict[str, str]) -> Event:
    """The event of a cluster; ``kind_place``: its most reported kind and its ``_main_place``."""
    cites = {(r.source, r.candidate.citation.sentence): r.candidate.citation for r in members}
    times = {(t.text, t.value): t for r in members if (t := r.candidate.time) is not None}
    return Event(
        id=event_id,
        title=title,
        kind=kind_place[0],
        participants=_ranked(p for r in members for p in r.participants),
        place=kind_place[1],
        date=resolved_date(list(times.values())),
        citations=tuple(cites.values()),
        stated_times=tuple(times.values()),
        story=story_of.get(members[0].source, ""),
        described=_ranked(d for r in members for d in r.described),
        status=status(members),
        reported_times=tuple((t, r.candidate.citation) for r in members if (t := r.candidate.time)),
    )


def status(members: list[Report]) -> str:
    """"expected, then confirmed" when the first report expects it and a later one confirms it;
    else "confirmed" if any report does, "expected" if one expects it, "" if none tells."""
    told = sorted((r for r in members if r.candidate.status),
                  key=lambda r: (r.published or dt.date.min, r.order))
    kinds = [r.candidate.status for r in told]
    if "confirmed" in kinds and "expected" in kinds and kinds[0] == "expected":
        return "expected, then confirmed"
    return "confirmed" if "confirmed" in kinds else (kinds[0] if kinds else "")


def _ranked(ids) -> tuple[str, ...]:
    """Most reported first; ties by id, so the order never depends on set iteration."""
    counts = _counts(ids)
    return tuple(sorted(counts, key=lambda i: (-counts[i], i)))


def _counts(values: Iterable[str]) -> dict[str, int]:
    """How often each value occurs, in order of first occurrence (``Counter`` without its
    overhead, which showed on the thousands of one-report events of a large corpus)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _most_common(values: Iterable[str]) -> str:
    """The most frequent value, the first seen among equals (as ``Counter.most_common``)."""
    counts = _counts(values)
    return max(counts, key=counts.__getitem__)


def _main_place(members: list[Report]) -> str | None:
    """The most reported place; among equals, the one inside the other."""
    placed = [r for r in members if r.place]
    if not placed:
        return None
    counts = _counts(r.place for r in placed)
    geo = {r.place: r.geo for r in placed}
    return max(counts, key=lambda p: (counts[p], any(contains(geo[o], geo[p]) for o in counts)))


def resolved_date(times: list[TimeExpression]) -> TimeExpression | None:
    """The most reported time that names a calendar day or period, else None."""
    resolved = [t for t in times if value_range(t.value)]
    if not resolved:
        return None
    best = _most_common(t.value for t in resolved)
    return next(t for t in resolved if t.value == best)


def _title(members: list[Report], kind: str, place: str | None, names: dict[str, str]) -> str:
    """The title of a cluster whose most reported kind is ``kind`` and main place ``place``."""
    word, at, by = lex.KIND_LABELS.get(kind, (kind.title(), "in", "by"))
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
