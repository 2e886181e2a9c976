"""The overview page: the situation in one screen."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.site.markup import source_label
from generator.model import Briefing, Deadline, Event, Source, Story
from generator.site.pages.entities import IndexRow, index_row
from generator.site.summarize import Statement, lead_statements

KEY_PEOPLE = 8
LATEST_EVENTS = 6


@dataclass(frozen=True)
class HomeContext:
    """Context of the overview page."""

    title: str
    """Briefing title."""
    statements: list[Statement]
    """The story in a few cited statements, redundancy removed across outlets."""
    key_people: list[IndexRow]
    """Most mentioned people, with their first role."""
    counts: dict[str, int]
    """Numbers of sources and of entities per type."""
    sources: list[tuple[str, Source]]
    """(label, source) for ok sources."""
    skipped: int
    """How many files were skipped."""
    stories: list[Story] = field(default_factory=list)
    """Groups of articles about the same sequence of events."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Deadlines, soonest due first, unresolved last."""
    events: list[Event] = field(default_factory=list)
    """Latest events: resolved ones newest first, then the most reported."""


def _deadline_order(deadline: Deadline) -> tuple:
    return (deadline.due is None or deadline.due.value.startswith("X"),
            deadline.due.value if deadline.due else "", deadline.title)


def _event_order(event: Event) -> tuple:
    resolved = event.date is not None and event.date.value[:1].isdigit()
    value = event.date.value if resolved and event.date else ""
    return (not resolved, "".join(chr(255 - ord(c)) for c in value), -len(event.citations), event.title)


def home_context(briefing: Briefing) -> HomeContext:
    """The overview: lead statements, key people, deadlines, events, stories, sources."""
    people = sorted((e for e in briefing.entities if e.type == "person" and e.has_page),
                    key=lambda e: -len(e.mentions))
    ok = [(source_label(n), s) for n, s in enumerate(briefing.sources) if s.status == "ok"]
    counts = Counter(e.type for e in briefing.entities)
    counts["sources"] = len(ok)
    return HomeContext(
        title=briefing.title,
        statements=lead_statements(briefing),
        key_people=[index_row(e) for e in people[:KEY_PEOPLE]],
        counts=dict(counts),
        sources=ok,
        skipped=sum(s.status != "ok" for s in briefing.sources),
        stories=briefing.stories,
        deadlines=sorted(briefing.deadlines, key=_deadline_order),
        events=sorted(briefing.events, key=_event_order)[:LATEST_EVENTS],
    )
