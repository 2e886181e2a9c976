"""The overview's story sections: one per story, largest and latest first.

Each section opens with the story's period (publication dates, else inferred
windows, said to be inferred) and its lead sentences merged across outlets,
then the deadlines its articles report (due date, threatened consequences and
on whom), the positions of its main actors (quotes and reported statements),
what changed over the reports (a deadline shortened or extended), and what to
watch next (deadlines still open). Every item keeps its citations; the
template prints them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import (
    Briefing,
    Citation,
    DateWindow,
    Deadline,
    DeadlineReport,
    Event,
    ReportedStatement,
    Source,
    Story,
    TimeExpression,
)
from generator.site.statement_words import position_words
from generator.site.summarize import Statement, lead_statements
from generator.site.timewords import day_words

LEAD_SENTENCES = 3
"""Lead sentences shown per story."""
ACTORS = 4
"""Most actors whose positions are shown per story."""
POSITIONS_PER_ACTOR = 2
"""Most positions shown per actor."""
EVENTS = 5
"""Most events listed per story."""
OPEN_STATUSES = frozenset({"upcoming", "unknown", "shortened", "extended"})
"""Deadline statuses that are still worth watching."""


@dataclass(frozen=True)
class Position:
    """One statement of an actor, as the overview words it."""

    statement: ReportedStatement
    """The statement (speaker, citations)."""
    words: str
    """What the actor did, in the source's words: "denied any plans ...", "said: “...”"."""

    @property
    def lead(self) -> Citation:
        """The sentence the position is taken from (first report)."""
        return self.statement.citations[0]

    @property
    def citations(self) -> tuple[Citation, ...]:
        """Every report of the statement."""
        return tuple(self.statement.citations)


@dataclass(frozen=True)
class Change:
    """A change to a deadline that reports give (the same change from several sources is one)."""

    deadline: Deadline
    """The deadline changed."""
    change: str
    """"shortened" or "extended"."""
    previous: TimeExpression
    """The length before."""
    now: TimeExpression
    """The length after."""
    citations: tuple[Citation, ...]
    """Every report of the change."""


@dataclass(frozen=True)
class StorySection:
    """One story on the overview."""

    story: Story
    """The story (its sources and events)."""
    period: str
    """When its articles appeared, in words ("4 August 2025 to 8 August 2025"), or ""."""
    lead: list[Statement]
    """Its opening sentences, merged across outlets."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Deadlines its articles report."""
    positions: list[Position] = field(default_factory=list)
    """What its main actors said, demanded, denied or rejected."""
    changes: list[Change] = field(default_factory=list)
    """Deadlines that reports say were shortened or extended."""
    events: list[Event] = field(default_factory=list)
    """Its events, dated ones first."""
    watch: list[Deadline] = field(default_factory=list)
    """Its deadlines that are still open."""
    period_inferred: bool = False
    """True when ``period`` comes from inferred publication windows, not stated dates."""


@dataclass(frozen=True)
class _ByStory:
    """The briefing's items grouped by story once, so that each section reads only its own."""

    sources: dict[str, list[Source]]
    """Story id -> its articles, in file order."""
    deadlines: dict[str, list[Deadline]]
    """Story id -> deadlines any of its articles reports, in briefing order."""
    statements: dict[str, list[ReportedStatement]]
    """Story id -> statements any of its articles reports, in briefing order; none of a name
    several people share (``Entity.ambiguous_with``)."""
    events: dict[str, list[Event]]
    """Story id -> its events."""


def ranked_stories(briefing: Briefing) -> list[Story]:
    """The stories, the one with most articles first (the latest on a tie)."""
    latest = {s.id: _day_of(briefing, s.id, s.published) for s in briefing.sources}
    return sorted(briefing.stories, key=lambda st: (
        -len(st.sources), -max((latest[i].toordinal() for i in st.sources if latest.get(i)), default=0)))


def story_sections(briefing: Briefing, limit: int | None = None) -> list[StorySection]:
    """A section per story in ``ranked_stories`` order; only the first ``limit`` when given."""
    grouped = _group(briefing)
    return [_section(briefing, story, grouped) for story in ranked_stories(briefing)[:limit]]


def _group(briefing: Briefing) -> _ByStory:
    story_of = {source: story.id for story in briefing.stories for source in story.sources}

    def stories_of(citations) -> dict[str, None]:
        return dict.fromkeys(story_of[c.source] for c in citations if c.source in story_of)

    grouped = _ByStory(defaultdict(list), defaultdict(list), defaultdict(list), defaultdict(list))
    for source in briefing.sources:
        if source.id in story_of:
            grouped.sources[story_of[source.id]].append(source)
    for deadline in briefing.deadlines:
        for story in stories_of(r.citation for r in deadline.reports):
            grouped.deadlines[story].append(deadline)
    ambiguous = {entity.id for entity in briefing.entities if entity.ambiguous_with}
    for statement in briefing.statements:
        if statement.speaker in ambiguous:
            continue  # "Gonzalez" several people share: a position it took is nobody's in particular
        for story in stories_of(statement.citations):
            grouped.statements[story].append(statement)
    for event in briefing.events:
        grouped.events[event.story].append(event)
    return grouped


def _section(briefing: Briefing, story: Story, grouped: _ByStory) -> StorySection:
    members = set(story.sources)
    deadlines = grouped.deadlines.get(story.id, [])
    period, inferred = _period(briefing, story, grouped.sources.get(story.id, []))
    return StorySection(
        story=story,
        period=period,
        period_inferred=inferred,
        lead=lead_statements(briefing, sources=grouped.sources.get(story.id, []))[:LEAD_SENTENCES],
        deadlines=deadlines,
        positions=_positions(grouped.statements.get(story.id, [])),
        changes=_changes(deadlines, members),
        events=_events(grouped.events.get(story.id, [])),
        watch=[d for d in deadlines if d.status in OPEN_STATUSES],
    )


def _positions(mine: list[ReportedStatement]) -> list[Position]:
    """The most cited actors' statements in the story, reported (indirect) ones first."""
    weight: dict[str, int] = {}
    for statement in mine:
        weight[statement.speaker] = weight.get(statement.speaker, 0) + len(statement.citations)
    actors = sorted(weight, key=lambda a: (-weight[a], a))[:ACTORS]
    chosen = []
    for actor in actors:
        own = sorted((s for s in mine if s.speaker == actor),
                     key=lambda s: (s.kind != "indirect", -len(s.citations), s.id))
        chosen += [Position(s, position_words(s)) for s in own[:POSITIONS_PER_ACTOR]]
    return chosen


def _changes(deadlines: list[Deadline], members: set[str]) -> list[Change]:
    """One ``Change`` per deadline, kind and lengths, citing every report of it in the story."""
    found: dict[tuple, list[DeadlineReport]] = {}
    for deadline in deadlines:
        for report in deadline.reports:
            if report.change and report.previous and report.duration and report.citation.source in members:
                key = (deadline.id, report.change, report.previous.value, report.duration.value)
                found.setdefault(key, []).append(report)
    by_id = {d.id: d for d in deadlines}
    return [Change(by_id[key[0]], key[1], reports[0].previous, reports[0].duration,
                   tuple(r.citation for r in reports)) for key, reports in found.items()]


def _events(own: list[Event]) -> list[Event]:
    return sorted(own, key=lambda e: (e.date is None, -len(e.citations), e.title))[:EVENTS]


def _day_of(briefing: Briefing, source_id: str, published: dt.date | None) -> dt.date | None:
    if published:
        return published
    window = briefing.date_windows.get(source_id)
    if window is None:
        return None
    return window.earliest if window.open_end else window.latest  # not the build date


def _period(briefing: Briefing, story: Story, sources: list[Source]) -> tuple[str, bool]:
    """Publication dates of the story's articles in words, and whether they were inferred."""
    published = sorted(s.published for s in sources if s.published)
    if published:
        return _span(published[0], published[-1]), False
    windows = [briefing.date_windows[i] for i in story.sources if i in briefing.date_windows]
    return (_inferred_period(windows), True) if windows else ("", False)


def _inferred_period(windows: list[DateWindow]) -> str:
    """The days the inferred publication windows of a story's articles span. Windows that
    only the build date bounds (``DateWindow.open_end``) are left out when others are bounded;
    when none is, the period is the latest of their first days "or later": the article telling
    the most recent day as past was written then or later, and reports of one story appear
    close together (``temporal.dating.STORY_DAYS``); the build date says nothing of when."""
    bounded = [w for w in windows if not w.open_end]
    if bounded:
        return _span(min(w.earliest for w in bounded), max(w.latest for w in bounded))
    return f"{day_words(max(w.earliest for w in windows))} or later"


def _span(first: dt.date, last: dt.date) -> str:
    return day_words(first) if first == last else f"{day_words(first)} to {day_words(last)}"
