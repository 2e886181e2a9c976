"""The overview page: the situation in one screen."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field

from generator.model import Briefing, Deadline, Event, Source, Story
from generator.site.markup import source_labels
from generator.site.pages.entity_indexes import IndexRow, Summary, index_row
from generator.site.pages.story_sections import StorySection, story_sections
from generator.site.summarize import Statement, lead_statements

KEY_PEOPLE = 8
STORIES = 8
"""Stories given a section on the overview; the rest are counted and linked (page size)."""
DEADLINES = 10
"""Deadlines listed on the overview, soonest first; the rest are on the deadlines index."""
SOURCES = 20
"""Sources listed on the overview; the rest are on the sources index."""
DEFAULT_TITLE = "Briefing"
"""The ``title`` setting's default: it means "not configured", and is shown only when there is no story."""
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
    story_sections: list[StorySection] = field(default_factory=list)
    """One section per story, largest and latest first (see ``story_sections``), at most ``STORIES``."""
    more: dict[str, int] = field(default_factory=dict)
    """How many stories, deadlines and sources the overview leaves out (keys as the list names)."""


def _deadline_order(deadline: Deadline) -> tuple:
    return (deadline.due is None or deadline.due.value.startswith("X"),
            deadline.due.value if deadline.due else "", deadline.title)


def _event_order(event: Event) -> tuple:
    resolved = event.date is not None and event.date.value[:1].isdigit()
    value = event.date.value if resolved and event.date else ""
    return (not resolved, "".join(chr(255 - ord(c)) for c in value), -len(event.citations), event.title)


def briefing_title(briefing: Briefing) -> str:
    """The configured title; else the largest story's headline (latest on a tie); else "Briefing".

    Precedence as documented in docs/guide/configuration.md: a ``title`` other than
    the default is used as it is.
    """
    if briefing.title.strip() and briefing.title.strip() != DEFAULT_TITLE:
        return briefing.title
    order = {s.id: (s.published is not None, s.published or dt.date.min, n)
             for n, s in enumerate(briefing.sources)}
    ranked = sorted(briefing.stories, key=lambda story: (
        len(story.sources), max((order[i] for i in story.sources if i in order), default=())))
    return ranked[-1].title if ranked and ranked[-1].title.strip() else DEFAULT_TITLE


def home_context(briefing: Briefing, summary: Summary | None = None) -> HomeContext:
    """The overview: lead statements, key people, deadlines, events, stories, sources
    (``summary``: the entities' summaries, when the caller keeps them)."""
    people = sorted((e for e in briefing.entities  # a name several people share is no key person
                     if e.type == "person" and e.has_page and not e.ambiguous_with),
                    key=lambda e: -len(e.mentions))
    labels = source_labels(briefing)
    ok = [(labels[s.id], s) for s in briefing.sources if s.status == "ok"]
    counts = Counter(e.type for e in briefing.entities)
    counts["sources"] = len(ok)
    more = {"stories": len(briefing.stories) - STORIES, "deadlines": len(briefing.deadlines) - DEADLINES,
            "sources": len(ok) - SOURCES}
    return HomeContext(
        title=briefing_title(briefing),
        statements=[] if briefing.stories else lead_statements(briefing),
        key_people=[index_row(e, briefing, summary=summary) for e in people[:KEY_PEOPLE]],
        counts=dict(counts),
        sources=ok[:SOURCES],
        skipped=sum(s.status != "ok" for s in briefing.sources),
        stories=briefing.stories,
        deadlines=sorted(briefing.deadlines, key=_deadline_order)[:DEADLINES],
        events=sorted(briefing.events, key=_event_order)[:LATEST_EVENTS],
        story_sections=story_sections(briefing, STORIES),
        more={key: n for key, n in more.items() if n > 0},
    )
