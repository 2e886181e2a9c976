"""Pages for events and the timeline.

``plan_event_pages`` gives the Events index (events grouped by story), one page
per event at ``events/<id>.md`` and ``timeline.md``, which orders events and
deadlines by resolved date and lists the unresolved ones under the article
that reports them. Event and source pages are tagged with their story
(``story_tag``); the Tags pages are planned in ``tags.py``.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass, field

from generator.deadlines.infer import INFERRED
from generator.events.reports import different_times
from generator.model import Briefing, Citation, DateWindow, Event, Quote, Sentence, Source, Story
from generator.site.event_policy import event_anchor, event_target
from generator.site.index import BriefingIndex, index_briefing, quotes_at
from generator.site.markup import deadline_page, event_page, one_line, source_labels
from generator.site.page import Page
from generator.site.summarize import Statement, merge_statements
from generator.temporal.calendar import value_range

KIND_NAMES = {"visit": "Visit", "meeting": "Meeting", "talks": "Talks",
              "announcement": "Announcement", "attack": "Attack", "threat": "Threat",
              "sanctions": "Sanctions", "foiling": "Foiled attack"}
"""Kind -> label shown on pages."""


@dataclass(frozen=True)
class EventContext:
    """Context of one event page."""

    event: Event
    """The event."""
    kind_label: str
    """Human name of the kind ("Visit")."""
    summary: list[Statement]
    """The reporting sentences, near-duplicates merged, each citing its sources."""
    sources: list[tuple[str, Source]]
    """(label, source) of every source reporting the event."""
    quotes: list[Quote] = field(default_factory=list)
    """Quotes reported in one of the event's sentences or in the sentence right after one."""
    story: Story | None = None
    """The story the event belongs to."""
    related: list[Event] = field(default_factory=list)
    """Other events of the story sharing a participant or the place."""
    tags: list[str] = field(default_factory=list)
    """Front matter tags besides "Event": the story's title (see ``story_tag``)."""
    day_versions: list[tuple[str, tuple[Citation, ...]]] = field(default_factory=list)
    """When the reports state days that cannot be one day ("Sunday" and "Wednesday"): each
    wording with the citations of the reports using it; else empty."""


@dataclass(frozen=True)
class EventsIndexContext:
    """Context of the Events index."""

    title: str
    """Page title."""
    groups: list[tuple[Story | None, list[Event]]]
    """Events per story (None for events outside any story), in timeline order."""
    descriptions: dict[str, str] = field(default_factory=dict)
    """Event id -> the first sentence reporting it, on one line."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Event id -> the anchor of its row (links to an event without a page land there)."""


@dataclass(frozen=True)
class TimelineRow:
    """One event or deadline on the timeline."""

    title: str
    """Its title."""
    path: str
    """Docs-relative page of the event or deadline."""
    what: str
    """"event" kind label or "Deadline"."""
    date: str
    """Resolved TIMEX3 value, or "" when not resolved."""
    provenance: str
    """How the date was obtained, or the stated words when not resolved."""
    citations: tuple[Citation, ...]
    """Where the sources report it."""

    @property
    def inferred(self) -> bool:
        """True when the date is an inference (no source states it), not a stated or resolved date."""
        return self.provenance.startswith(INFERRED)


@dataclass(frozen=True)
class TimelineContext:
    """Context of the Timeline page."""

    dated: list[TimelineRow]
    """Rows with a resolved date, earliest first."""
    undated: list[tuple[str, Source, list[TimelineRow]]]
    """(label, source, rows) for undated rows, under the first source reporting them."""
    windows: dict[str, DateWindow] = field(default_factory=dict)
    """Source id -> when the undated article was probably written (inferred), if known."""


def plan_event_pages(briefing: Briefing, index: BriefingIndex | None = None) -> list[Page]:
    """Events index, one page per event, and the timeline (``index``: the planner's shared lookups)."""
    pages = [Page("events/index.md", "events_index.md.j2", index_context(briefing))]
    index = index or index_briefing(briefing)
    pages += [Page(event_page(e.id), "event.md.j2", event_context(e, briefing, index))
              for e in briefing.events if e.has_page]
    pages.append(Page("timeline.md", "timeline.md.j2", timeline_context(briefing)))
    return pages


def story_tag(story: Story) -> str:
    """The tag naming a story: "Story <n>" from its id, HTML-escaped.

    Not the story's headline: Material's search ranks tag matches very high,
    so a headline full of names as a tag on every event and source page would
    push the people's own pages down the results. The overview lists each
    story's headline next to its number. Material prints tag names without
    escaping (as it does the ``title`` meta), so the escaping happens here.
    """
    number = story.id.rsplit("-", 1)[-1]
    label = f"Story {number}" if number.isdigit() else story.id
    return html.escape(label, quote=True)


def source_story_tags(briefing: Briefing, source_id: str) -> list[str]:
    """Tags of the stories a source belongs to."""
    return [story_tag(s) for s in briefing.stories if source_id in s.sources]


def _labels(briefing: Briefing) -> dict[str, tuple[str, Source]]:
    labels = source_labels(briefing)
    return {s.id: (labels[s.id], s) for s in briefing.sources}


def event_context(event: Event, briefing: Briefing, index: BriefingIndex | None = None) -> EventContext:
    """Everything an event page shows (``index``: lookups shared by all pages)."""
    index = index or index_briefing(briefing)
    labels = index.labels
    story = index.stories.get(event.story)
    same_story = index.events_of_story.get(event.story, ()) if event.story else ()
    return EventContext(
        event=event,
        kind_label=KIND_NAMES.get(event.kind, event.kind.title()),
        summary=merge_statements(event.citations),
        sources=[labels[s] for s in dict.fromkeys(c.source for c in event.citations)],
        quotes=event_quotes(event, briefing, index),
        story=story,
        related=[e for e in same_story if e.id != event.id and _related(e, event)],
        tags=[story_tag(story)] if story else [],
        day_versions=day_versions(event),
    )


def day_versions(event: Event) -> list[tuple[str, tuple[Citation, ...]]]:
    """The reports' stated days, grouped by resolved value, when two cannot be one day."""
    grouped: dict[str, dict[str, list[Citation]]] = {}
    for time, citation in event.reported_times:
        if time.type == "DATE":
            grouped.setdefault(time.value, {}).setdefault(time.text, []).append(citation)
    values = sorted(grouped)
    if not any(different_times(a, b) for a in values for b in values if a < b):
        return []
    return [(" / ".join(f"“{w}”" for w in grouped[v]),
             tuple(dict.fromkeys(c for cites in grouped[v].values() for c in cites))) for v in values]


def event_quotes(event: Event, briefing: Briefing, index: BriefingIndex | None = None) -> list[Quote]:
    """Quotes reported in an event's sentences or in the sentence right after one.

    The following sentence counts only within the same paragraph, where a
    quote usually continues the report of the event.
    """
    index = index or index_briefing(briefing)
    sentences = set()
    for c in event.citations:
        sentences.add((c.source, c.sentence))
        following = _next_in_paragraph(index.sentences.get(c.source, {}), c.sentence)
        if following is not None:
            sentences.add((c.source, following))
    return quotes_at(index, briefing, sentences)


def _next_in_paragraph(by_index: dict[int, Sentence], index: int) -> int | None:
    here, after = by_index.get(index), by_index.get(index + 1)
    if here is None or after is None or after.is_title or after.paragraph != here.paragraph:
        return None
    return after.index


def _related(a: Event, b: Event) -> bool:
    same_place = a.place is not None and a.place == b.place
    shared = bool(set(a.participants) & set(b.participants))
    return bool(a.story) and a.story == b.story and (same_place or shared)


def index_context(briefing: Briefing) -> EventsIndexContext:
    """Events grouped by story, in story order."""
    groups: list[tuple[Story | None, list[Event]]] = []
    for story in briefing.stories:
        members = [e for e in briefing.events if e.story == story.id]
        if members:
            groups.append((story, members))
    known = {s.id for s in briefing.stories}
    loose = [e for e in briefing.events if e.story not in known]
    descriptions = {e.id: one_line(e.citations[0].text) for e in briefing.events if e.citations}
    anchors = {e.id: event_anchor(e.id) for e in briefing.events}
    return EventsIndexContext("Events", groups + ([(None, loose)] if loose else []), descriptions,
                              anchors)


def timeline_context(briefing: Briefing) -> TimelineContext:
    """Events and deadlines by resolved date; the rest grouped by article."""
    rows = [_event_row(e) for e in briefing.events] + [_deadline_row(d) for d in briefing.deadlines]
    dated = sorted((r for r in rows if r.date), key=_day)
    labels = _labels(briefing)
    undated: dict[str, list[TimelineRow]] = {}
    for row in (r for r in rows if not r.date and r.citations):
        undated.setdefault(row.citations[0].source, []).append(row)
    groups = [(*labels[s.id], undated[s.id]) for s in briefing.sources if s.id in undated]
    return TimelineContext(dated, groups, briefing.date_windows)


def _day(row: TimelineRow) -> tuple[dt.date, str]:
    span = value_range(row.date)
    return (span[0] if span else dt.date.max, row.title)


def _event_row(event: Event) -> TimelineRow:
    kind = KIND_NAMES.get(event.kind, event.kind.title())
    if event.date:
        return TimelineRow(event.title, event_target(event), kind, event.date.value,
                           event.date.provenance, event.citations)
    return TimelineRow(event.title, event_target(event), kind, "", stated_words(event),
                       event.citations)


def _deadline_row(deadline) -> TimelineRow:
    citations = tuple(r.citation for r in deadline.reports)
    due = deadline.due
    if due is not None and value_range(due.value):
        return TimelineRow(deadline.title, deadline_page(deadline.id), "Deadline", due.value,
                           due.provenance, citations)
    stated = ", ".join(f"“{r.due.text}”" for r in deadline.reports if r.due)
    return TimelineRow(deadline.title, deadline_page(deadline.id), "Deadline", "",
                       f"stated: {stated}" if stated else "no time stated", citations)


def stated_words(event: Event) -> str:
    """The time words the sources use, for an event whose date is not resolved."""
    if not event.stated_times:
        return "no time stated"
    return "stated: " + ", ".join(f"“{t.text}”" for t in event.stated_times)
