"""Pages for events.

``plan_event_pages`` gives the Events index (events grouped by story, split
over the pages ``event_policy.index_layout`` gives) and one page per event that
has one (``event_policy``) at ``events/<id>.md``; the timeline is planned in
``timeline.py`` (and returned with them). Event and source pages are tagged with their story
(``story_tag``); the Tags pages are planned in ``tags.py``.
"""

from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass, field, replace

from generator.events.reports import different_times
from generator.events.triggers import kind_label
from generator.model import Briefing, Citation, Event, Quote, Sentence, Source, Story
from generator.site.event_policy import (
    EVENTS_INDEX,
    OTHER_PREFIX,
    EventsIndexLayout,
    event_anchor,
    index_layout,
)
from generator.site.index import BriefingIndex, index_briefing, quotes_at
from generator.site.markup import event_page, one_line
from generator.site.page import Page
from generator.site.pages.paging import Bundle, ContentsRow, span
from generator.site.pages.timeline import plan_timeline_pages
from generator.site.summarize import Statement, merge_statements


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
    story_page: str = EVENTS_INDEX
    """The Events index page listing the story's events (this event's row among them)."""


@dataclass(frozen=True)
class EventsIndexGroup:
    """One story's events on a page of the Events index."""

    story: Story | None
    """The story (None for events outside any story)."""
    events: list[Event]
    """The story's events on this page, in timeline order."""
    total: int
    """The story's events on all pages."""
    continued: bool = False
    """True when the story's first events are on an earlier page."""
    label: str = ""
    """What the group is called: "Story 12", "Other events of S7"."""


@dataclass(frozen=True)
class EventsIndexContext:
    """Context of one page of the Events index's rows."""

    title: str
    """Page title."""
    groups: list[EventsIndexGroup]
    """The events on this page, per story."""
    descriptions: dict[str, str] = field(default_factory=dict)
    """Event id -> the first sentence reporting it, on one line."""
    anchors: dict[str, str] = field(default_factory=dict)
    """Event id -> the anchor of its row (links to an event without a page land there)."""
    contents: str = ""
    """The page listing the Events index's pages ("" when the rows fit on one page). No page
    number, previous or next: those would change when a page is added or removed elsewhere."""
    without_page: int = 0
    """Events on this page that have no page of their own."""


@dataclass(frozen=True)
class EventsContentsContext:
    """Context of the Events index's first page when its rows are on several pages."""

    sheets: list[ContentsRow]
    """One row per page of events: its first and last story, its first story's title."""
    total: int
    """Events on all pages."""
    stories: int
    """Stories on all pages."""


def plan_event_pages(briefing: Briefing, index: BriefingIndex | None = None) -> list[Page]:
    """Events index pages, one page per event that has one, and the timeline pages
    (``index``: the planner's shared lookups)."""
    index = index or index_briefing(briefing)
    layout = index.events_layout or index_layout(briefing.events, briefing.stories)
    pages = plan_events_index(briefing, layout, {s: label for s, (label, _) in index.labels.items()})
    pages += [Page(event_page(e.id), "event.md.j2", event_context(e, briefing, index))
              for e in briefing.events if e.has_page]
    return pages + plan_timeline_pages(briefing, index.event_targets)


def story_tag(story: Story) -> str:
    """The tag naming a story: "Story <n>" from its id, HTML-escaped.

    Not the story's headline: Material's search ranks tag matches very high,
    so a headline full of names as a tag on every event and source page would
    push the people's own pages down the results. The overview lists each
    story's headline next to its number. Material prints tag names without
    escaping (as it does the ``title`` meta), so the escaping happens here.
    """
    return html.escape(story_name(story), quote=True)


def story_name(story: Story) -> str:
    """"Story <n>" from a story's id (the id itself when it is not numbered)."""
    number = story.id.rsplit("-", 1)[-1]
    return f"Story {number}" if number.isdigit() else story.id


def source_story_tags(briefing: Briefing, source_id: str) -> list[str]:
    """Tags of the stories a source belongs to."""
    return [story_tag(s) for s in briefing.stories if source_id in s.sources]


def event_context(event: Event, briefing: Briefing, index: BriefingIndex | None = None) -> EventContext:
    """Everything an event page shows (``index``: lookups shared by all pages)."""
    index = index or index_briefing(briefing)
    labels = index.labels
    story = index.stories.get(event.story)
    same_story = index.events_of_story.get(event.story, ()) if event.story else ()
    return EventContext(
        event=event,
        kind_label=kind_label(event.kind),
        summary=merge_statements(event.citations),
        sources=[labels[s] for s in dict.fromkeys(c.source for c in event.citations)],
        quotes=event_quotes(event, briefing, index),
        story=story,
        related=[e for e in same_story if e.id != event.id and _related(e, event)],
        tags=[story_tag(story)] if story else [],
        day_versions=day_versions(event),
        story_page=(index.events_layout.page_of if index.events_layout else {}).get(event.id, EVENTS_INDEX),
    )


def stated_days(event: Event, skip: frozenset[tuple[str, int]] = frozenset()
                ) -> dict[str, dict[str, list[Citation]]]:
    """Resolved value -> wording -> citations of the days the reports attach to an event, when
    two of them cannot be one day (``events.reports.different_times``); else empty.

    The one test of "the reports disagree on the day", for the event page and Sources compared.
    ``skip`` holds (source, start) of times to leave out (a deadline's due time in the sentence).
    """
    grouped: dict[str, dict[str, list[Citation]]] = {}
    for time, citation in event.reported_times:
        if time.type == "DATE" and (citation.source, time.start) not in skip:
            grouped.setdefault(time.value, {}).setdefault(time.text, []).append(citation)
    values = sorted(grouped)
    if not any(different_times(a, b) for a in values for b in values if a < b):
        return {}
    return {value: grouped[value] for value in values}


def day_versions(event: Event) -> list[tuple[str, tuple[Citation, ...]]]:
    """The reports' stated days as the event page words them ("“Sunday” / “on Sunday”"), with
    their citations, when two cannot be one day (see ``stated_days``)."""
    return [(" / ".join(f"“{w}”" for w in wordings),
             tuple(dict.fromkeys(c for cites in wordings.values() for c in cites)))
            for wordings in stated_days(event).values()]


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


def plan_events_index(briefing: Briefing, layout: EventsIndexLayout,
                      labels: dict[str, str] | None = None) -> list[Page]:
    """The Events index, its rows on the pages ``layout`` gives (events grouped by story), and
    the list of those pages at ``EVENTS_INDEX`` when there are more than one (``labels``:
    source id -> label, naming the pages of events outside any story)."""
    labels = labels or {}
    stories = {s.id: s for s in briefing.stories}
    totals = Counter(e.story for e in briefing.events)
    contents = EVENTS_INDEX if layout.contents else ""
    pages = []
    for run, path in zip(layout.runs or [[]], layout.paths, strict=True):
        events = [e for bundle in run for e in bundle.rows]
        groups = [EventsIndexGroup(stories.get(b.key), b.rows, totals[b.key], b.part > 1,
                                   sheet_label(replace(b, part=1), stories, labels)) for b in run]
        title = f"Events: {_span(run, stories, labels)}" if contents else "Events"
        descriptions = {e.id: one_line(e.citations[0].text) for e in events if e.citations}
        context = EventsIndexContext(title, groups, descriptions, {e.id: event_anchor(e.id) for e in events},
                                     contents, sum(not e.has_page for e in events))
        pages.append(Page(path, "events_index.md.j2", context))
    if layout.contents:
        pages.insert(0, _contents_page(briefing, layout, stories, labels))
    return pages


def _contents_page(briefing: Briefing, layout: EventsIndexLayout, stories: dict[str, Story],
                   labels: dict[str, str]) -> Page:
    """``EVENTS_INDEX`` listing the pages of rows: their stories and how many events each holds."""
    sheets = []
    for run, path in zip(layout.runs, layout.paths, strict=True):
        story = stories.get(run[0].key)
        sheets.append(ContentsRow(path, _span(run, stories, labels), sum(len(b.rows) for b in run),
                                  story.title if story else ""))
    context = EventsContentsContext(sheets, len(briefing.events), len(stories))
    return Page(EVENTS_INDEX, "events_contents.md.j2", context)


def _span(run: list[Bundle[Event]], stories: dict[str, Story], labels: dict[str, str]) -> str:
    """What a page holds: its first and last bundle ("Story 12 to Story 17", see ``sheet_label``)."""
    return span(sheet_label(run[0], stories, labels), sheet_label(run[-1], stories, labels))


def sheet_label(bundle: Bundle[Event], stories: dict[str, Story], labels: dict[str, str]) -> str:
    """What a bundle of the Events index is called in page titles and the contents ("Story 12",
    "Story 12, part 2", "Other events of S7")."""
    story = stories.get(bundle.key)
    source = bundle.key.removeprefix(OTHER_PREFIX)
    label = story_name(story) if story else f"Other events of {labels.get(source, source)}"
    return label if bundle.part == 1 else f"{label}, part {bundle.part}"
