"""Corpus-wide merge of event mentions into events.

Each ``EventCandidate`` becomes a ``Report`` (``event_reports``) with entity
ids. Reports are clustered greedily, most specific first:
a report joins the best-scoring cluster it is *compatible* with, else starts
one. Compatible means, against every member:

* same trigger family (talks and meetings are one family) and same aspect
  (an "earlier" visit never joins the current one);
* same story (articles about the same sequence of events, see ``stories``);
* places equal, or one missing, or one a country holding the other;
* participants overlap (people, when both sides name people); a report
  naming nobody fits a cluster of its own article, one sharing a described
  participant ("the gunman") or, with places all round, one at the same
  place; the weak cases need the same day;
* no clearly different dates: stated days more than ``DATE_WINDOW_DAYS``
  apart, or (for a report stating no day) publication dates more than
  ``PUBLISHED_WINDOW_DAYS`` apart. Words that resolve to no day ("Tuesday"
  without a publication date, "now") never conflict: one article's reports of
  one trip stay one event, and outlets naming different weekdays may disagree.

Then ``join_story_events`` joins, within one story, the clusters of a violent,
legal or job happening (reports naming the victim, the suspect or the police)
unless places lie clearly apart or days differ: a story's main event exists once;
``join_same_sentence`` joins clusters of one family citing one sentence (``joins``).

Stories (``stories.story_groups``, by article content) are found first. Each
story is clustered on its own (``story_work``: recalled from ``cluster_memo``
when its reports are as in the previous build) and its clusters drafted as
events (``drafts``); ``work_ahead`` does that for the previous build's stories
while this build's are grouped, and the stories that came out the same are
taken from it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import partial

from generator.events import triggers as lex
from generator.events.agreement import other_day, places_agree, times_conflict
from generator.events.cluster_memo import ClusterMemo, Positions
from generator.events.drafts import Draft, EntityNames, draft, drafted_events
from generator.events.joins import join_same_sentence, join_story_events
from generator.events.reports import Report, resolve_reports
from generator.events.stories import numbered_stories
from generator.model import Briefing, Entity, Event


def merge(briefing: Briefing, stories: dict[str, tuple[str, ...]] | None = None,
          reports: list[Report] | None = None, memo: ClusterMemo | None = None,
          ahead: Mapping[tuple[int, ...], StoryWork] | None = None) -> list[Event]:
    """Events of the whole corpus, each citing every report of it.

    Args:
        briefing: The briefing with entities resolved.
        stories: ``numbered_stories(briefing)`` when the caller already has them.
        reports: ``resolve_reports(briefing)`` when the caller already has them.
        memo: the previous build's clusters (``cluster_memo``); this build's are added to it.
        ahead: ``work_ahead`` of stories guessed before they were grouped: a story whose
            reports are those of one of them is not worked out again.
    """
    reports = resolve_reports(briefing) if reports is None else reports
    stories = numbered_stories(briefing) if stories is None else stories
    story_of = {source: sid for sid, sources in stories.items() for source in sources}
    known = EntityNames.of(briefing.entities)
    found: list[tuple[list[Report], Draft]] = [
        pair for work in _story_works(reports, story_of, memo or ClusterMemo(), known, ahead)
        for pair in zip(work.clusters, work.drafts, strict=True)]
    return drafted_events(sorted(found, key=lambda pair: pair[0][0].order), story_of)


@dataclass(frozen=True)
class StoryWork:
    """What the event merge works out for the reports of one story."""

    key: str
    """``cluster_memo.story_key`` of the reports."""
    positions: Positions
    """The clusters as positions into the reports."""
    clusters: list[list[Report]]
    """The clusters, by order of first report."""
    drafts: list[Draft]
    """The draft of each cluster's event."""


def work_ahead(reports: list[Report], guessed: Mapping[str, Iterable[str]], memo: ClusterMemo,
               entities: list[Entity]) -> dict[tuple[int, ...], StoryWork]:
    """``story_work`` of the stories ``guessed`` (story id -> sources; the previous build's,
    while this build's are grouped), by the ``order`` of their reports."""
    story_of = {source: sid for sid, sources in guessed.items() for source in sources}
    known = EntityNames.of(entities)
    return {tuple(r.order for r in members): story_work(members, sid, memo, known)
            for sid, members in _by_story(reports, story_of).items() if sid}


def _by_story(reports: list[Report], story_of: Mapping[str, str]) -> dict[str, list[Report]]:
    """Story id ("" for none) -> its reports, in corpus order."""
    by_story: dict[str, list[Report]] = {}
    for report in reports:
        by_story.setdefault(story_of.get(report.source, ""), []).append(report)
    return by_story


def story_work(reports: list[Report], story_id: str, memo: ClusterMemo, known: EntityNames) -> StoryWork:
    """The clusters of one story's reports (recalled from ``memo`` when kept there, else
    ``cluster`` and the joins; not kept again) and their events' drafts (``known``: the
    entities' names and places). Nothing joins reports of two stories, so each story is
    clustered on its own."""
    key, positions = memo.recall(reports, partial(_one_story, story_id=story_id))
    clusters = sorted(([reports[n] for n in members] for members in positions), key=lambda c: c[0].order)
    return StoryWork(key, positions, clusters, [draft(members, known) for members in clusters])


def _story_works(reports: list[Report], story_of: Mapping[str, str], memo: ClusterMemo,
                 known: EntityNames, ahead: Mapping[tuple[int, ...], StoryWork] | None = None,
                 ) -> Iterator[StoryWork]:
    """``story_work`` of each story, taken from ``ahead`` when its reports are those of a story
    worked out there, and kept in ``memo`` for the next build."""
    for story_id, members in _by_story(reports, story_of).items():
        work = (ahead or {}).get(tuple(r.order for r in members))
        work = work or story_work(members, story_id, memo, known)
        memo.keep(work.key, work.positions)
        yield work


def story_clusters(reports: list[Report], story_of: dict[str, str], memo: ClusterMemo) -> list[list[Report]]:
    """The clusters of every story (``cluster`` and the joins), by order of first report;
    a story whose reports are as they were in the previous build is not clustered again."""
    found = [members for work in _story_works(reports, story_of, memo, EntityNames({}))
             for members in work.clusters]
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
    """Named participants in common, and a person in common when both sides name people (two
    players' arrests by one police force are two arrests); else (one side names no one) the
    same article, a described participant in common, or places on every report."""
    together = frozenset().union(*(m.participants for m in members))
    if report.participants and together:
        if report.people:
            people = frozenset().union(*(m.people for m in members))
            if people and not report.people & people:
                return False  # other people, whatever the organisations or places they share
        if report.family in lex.RECIPIENT_KINDS and not _same_bodies(report, members):
            return False  # two teams' offers to one player are two offers
        return bool(report.participants & together)
    weak = any(m.source == report.source for m in members) or bool(
        report.described & frozenset().union(*(m.described for m in members)))
    if weak:  # the same article or a described participant: enough unless the days differ
        return not any(other_day(report, m) for m in members)
    places = {m.place for m in members} | {report.place}
    return None not in places


def _same_bodies(report: Report, members: list[Report]) -> bool:
    """Whether a report and a cluster name an organisation in common, or one side names none
    (the named participants that are no people: "the Harriers offered X", "the Rovers offered X"
    are two offers)."""
    bodies = report.participants - report.people
    theirs = frozenset().union(*(m.participants - m.people for m in members))
    return not bodies or not theirs or bool(bodies & theirs)


def _score(report: Report, members: list[Report]) -> int:
    together = frozenset().union(*(m.participants for m in members))
    same_place = any(m.place == report.place and report.place for m in members)
    return len(report.participants & together) + 2 * same_place
