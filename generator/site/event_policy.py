"""Which events get a page of their own, and which page of the Events index lists each event.

The page-count policy for events, like the entity policy (``policy.py``), with
a threshold of sources that grows with the corpus as the entity threshold does
by default (``policy.sources_for_page``): two sources below 1,000 articles,
three from 1,000, four from 10,000, since the more articles there are, the more
of them must report an event for it to stand out:

1. an event reported by at least the threshold of sources gets a page;
2. of the events reported by fewer, the ``per_story`` most cited (ties by
   corpus order) of each story that at least the threshold of articles report
   get a page, so such a story has a page for its main events;
3. every other event (too few sources, in a story of too few reporting
   articles, outside any story, or beyond the ``per_story`` first) is a row of
   the Events index only: that row holds what its page would (the reporting
   sentence, kind, status, date, place and sources), so a page would only
   repeat it.

Every event, with a page or not, is a row of the Events index. The rows are
bundled by story (``index_bundles``: stories by their stable number, then the
events outside any story, by source) and the bundles packed on pages of at most
``EVENT_ROWS_PER_PAGE`` rows named after their first story (``paging.stable_runs``),
so an article added, edited or deleted changes the pages of its own stories and
leaves the others, and every link to their rows, as they were.
``EventsIndexLayout`` decides once which page holds each row; every link to an
event goes through ``event_targets``, so a link to an event without a page lands
on the anchor of its row, on the page that holds that row.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.events.stories import STORY_PREFIX
from generator.model import Event, Story, with_page_flag
from generator.site.markup import event_page
from generator.site.pages.paging import Bundle, stable_paths, stable_runs
from generator.site.policy import beyond_article_cap, sources_for_page

EVENTS_INDEX = "events/index.md"
"""Docs-relative path of the Events index (its rows, or the list of its pages of rows)."""
EVENT_ROWS_FOLDER = "events/pages"
"""Folder of the Events index's pages of rows, when there are more than one."""
OTHER_PREFIX = "other-"
"""Key prefix of the events outside any story, bundled by their first source."""
EVENT_ROWS_PER_PAGE = 100
"""Rows per page of the Events index: a row carries a sentence and citations, so fewer than
``paging.ROWS_PER_PAGE`` keep a page under 200 KB of HTML. On real news (ECB+, 772 articles)
a row is about 1.2 KB of HTML and the theme's frame about 46 KB a page, so 200 rows made a
290 KB page and 100 rows make about 170 KB."""
EVENT_PAGES_PER_STORY = 1
"""Default of rule 2: events below the threshold given a page per story enough articles report."""


def mark_event_pages(events: list[Event], per_article: int, per_story: int = EVENT_PAGES_PER_STORY,
                     articles: int = 0) -> list[Event]:
    """The events with ``has_page`` set by the policy above, for a corpus of ``articles``.

    ``per_article`` (the entity cap, ``max_pages_per_article``) bounds rule 2
    too when it is the smaller number.
    """
    needed = sources_for_page(None, articles)
    told_by: dict[str, set[str]] = {}
    reported_by = [_reported_by(event) for event in events]
    for event in events:
        told_by.setdefault(event.story, set()).update(c.source for c in event.citations)
    eligible = [e for e, sources in zip(events, reported_by, strict=True)
                if sources < needed and e.story and len(told_by[e.story]) >= needed]
    capped = beyond_article_cap(eligible, lambda e: {e.story}, lambda e: -len(e.citations),
                                min(per_story, per_article))
    kept = {e.id for e in eligible} - {e.id for e in capped}
    return [with_page_flag(e, sources >= needed or e.id in kept)
            for e, sources in zip(events, reported_by, strict=True)]


def _reported_by(event: Event) -> int:
    """How many sources report the event."""
    return len({c.source for c in event.citations})


def event_anchor(event_id: str) -> str:
    """The anchor of an event's row on the Events index."""
    return f"event-{event_id}"


def story_order(story_id: str) -> tuple[int, str]:
    """Sort key of a story id: "story-<n>" by n (ids stay the same across builds, and a new
    story gets a number above every one given before), any other id after them."""
    number = story_id.removeprefix(STORY_PREFIX)
    numbered = story_id.startswith(STORY_PREFIX) and number.isdigit()
    return (int(number), "") if numbered else (1 << 62, story_id)


def index_bundles(events: Iterable[Event], stories: Iterable[Story]) -> list[Bundle[Event]]:
    """The Events index's rows: each story's events under the story's id, stories by number;
    then the events outside any story under their first source ("other-<source id>")."""
    known = {s.id for s in stories}
    by_key: dict[str, list[Event]] = {}
    for event in events:
        source = event.citations[0].source if event.citations else ""
        key = event.story if event.story in known else f"{OTHER_PREFIX}{source}"
        by_key.setdefault(key, []).append(event)
    ordered = sorted((k for k in by_key if k in known), key=story_order)
    ordered += sorted(k for k in by_key if k not in known)
    return [Bundle(key, by_key[key]) for key in ordered]


@dataclass(frozen=True)
class EventsIndexLayout:
    """The pages of the Events index and the page holding each event's row.

    One page (``EVENTS_INDEX``) when every row fits on it; else ``EVENTS_INDEX`` lists the
    pages, and the rows are on pages named after their first bundle (``paging.stable_runs``).
    """

    runs: list[list[Bundle[Event]]]
    """The stories (bundles of events) listed on each page of rows, in index order."""
    paths: tuple[str, ...]
    """Docs-relative path of each page of rows."""
    page_of: dict[str, str]
    """Event id -> the page holding its row."""

    @property
    def contents(self) -> bool:
        """True when ``EVENTS_INDEX`` is a contents page, the rows being on other pages."""
        return self.paths != (EVENTS_INDEX,)


def index_layout(events: Iterable[Event], stories: Iterable[Story],
                 size: int | None = None) -> EventsIndexLayout:
    """Split the Events index's rows over its pages (at most ``size`` rows each, default
    ``EVENT_ROWS_PER_PAGE``)."""
    runs = stable_runs(index_bundles(events, stories), size or EVENT_ROWS_PER_PAGE)
    paths = stable_paths(EVENT_ROWS_FOLDER, runs) if len(runs) > 1 else (EVENTS_INDEX,)
    page_of = {e.id: path for run, path in zip(runs, paths, strict=False)
               for bundle in run for e in bundle.rows}
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
