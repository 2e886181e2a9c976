"""Which events get a page of their own, and which page of the Events index lists each event.

The page-count policy for events, like the entity policy (``policy.py``):

1. an event reported by at least two sources gets a page;
2. of the events reported by one source only, the ``per_story`` most cited
   (ties by corpus order) of each story whose events at least two articles
   report get a page, so such a story has a page for its main events;
3. every other event (one source, in a story of one reporting article,
   outside any story, or beyond the ``per_story`` first) is a row of the
   Events index only: that row holds what its page would (the reporting
   sentence, kind, status, date, place and source), so a page would only
   repeat it.

Every event, with a page or not, is a row of the Events index, which is split
over numbered pages of ``EVENT_ROWS_PER_PAGE`` rows (``pages/paging.py``), in
one order (``index_order``: by story, stories in briefing order, then the
events outside any story). ``EventsIndexLayout`` decides once which page holds
each row; every link to an event goes through ``event_targets``, so a link to
an event without a page lands on the anchor of its row, on the page that
holds that row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from generator.model import Event, Story
from generator.site.markup import event_page
from generator.site.pages.paging import page_paths, split_rows
from generator.site.policy import beyond_article_cap

EVENTS_INDEX = "events/index.md"
"""Docs-relative path of the Events index (its first page)."""
EVENT_ROWS_PER_PAGE = 100
"""Rows per page of the Events index: a row carries a sentence and citations, so fewer than
``paging.ROWS_PER_PAGE`` keep a page under 200 KB of HTML. On real news (ECB+, 772 articles)
a row is about 1.2 KB of HTML and the theme's frame about 46 KB a page, so 200 rows made a
290 KB page and 100 rows make about 170 KB."""
EVENT_PAGES_PER_STORY = 1
"""Default of rule 2: single-source events given a page per story reported by two articles or more."""


def mark_event_pages(events: list[Event], per_article: int,
                     per_story: int = EVENT_PAGES_PER_STORY) -> list[Event]:
    """The events with ``has_page`` set by the policy above.

    ``per_article`` (the entity cap, ``max_pages_per_article``) bounds rule 2
    too when it is the smaller number.
    """
    told_by: dict[str, set[str]] = {}
    for event in events:
        told_by.setdefault(event.story, set()).update(c.source for c in event.citations)
    single = [e for e in events if len({c.source for c in e.citations}) == 1]
    eligible = [e for e in single if e.story and len(told_by[e.story]) >= 2]
    capped = beyond_article_cap(eligible, lambda e: {e.story}, lambda e: -len(e.citations),
                                min(per_story, per_article))
    kept = {e.id for e in eligible} - {e.id for e in capped}
    return [replace(e, has_page=len({c.source for c in e.citations}) >= 2 or e.id in kept)
            for e in events]


def event_anchor(event_id: str) -> str:
    """The anchor of an event's row on the Events index."""
    return f"event-{event_id}"


def index_order(events: Iterable[Event], stories: Iterable[Story]) -> list[Event]:
    """The Events index's rows: each story's events in story order, then events outside any story."""
    by_story: dict[str, list[Event]] = {}
    for event in events:
        by_story.setdefault(event.story, []).append(event)
    ordered = [e for story in stories for e in by_story.pop(story.id, ())]
    return ordered + [e for members in by_story.values() for e in members]


@dataclass(frozen=True)
class EventsIndexLayout:
    """The pages of the Events index and the page holding each event's row."""

    runs: list[list[Event]]
    """The events listed on each page, in index order."""
    paths: tuple[str, ...]
    """Docs-relative path of each page (the first is ``EVENTS_INDEX``)."""
    page_of: dict[str, str]
    """Event id -> the page holding its row."""


def index_layout(events: Iterable[Event], stories: Iterable[Story],
                 size: int | None = None) -> EventsIndexLayout:
    """Split the Events index's rows over its pages (``size`` rows each, default ``EVENT_ROWS_PER_PAGE``)."""
    runs = split_rows(index_order(events, stories), size or EVENT_ROWS_PER_PAGE)
    paths = page_paths(EVENTS_INDEX, len(runs))
    page_of = {e.id: path for run, path in zip(runs, paths, strict=True) for e in run}
    return EventsIndexLayout(runs, paths, page_of)


def event_target(event: Event, page_of: dict[str, str] | None = None) -> str:
    """Docs-relative link target of an event: its page, or its row on the Events index page
    holding it (``page_of``: ``EventsIndexLayout.page_of``; without it, the first page)."""
    if event.has_page:
        return event_page(event.id)
    return f"{(page_of or {}).get(event.id, EVENTS_INDEX)}#{event_anchor(event.id)}"


def event_targets(events: list[Event], stories: Iterable[Story],
                  layout: EventsIndexLayout | None = None) -> dict[str, str]:
    """Event id -> link target of every event (see ``event_target``; ``layout``: the
    ``index_layout`` of these events and stories, when already made)."""
    page_of = (layout or index_layout(events, stories)).page_of
    return {e.id: event_target(e, page_of) for e in events}
