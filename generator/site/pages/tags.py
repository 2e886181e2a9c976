"""The Tags pages: each story's event and source pages, as listed by the Material tags plugin.

Every page is also tagged with its type (Person, Event, Source, ...). When
every tagged page fits on one page (``ROWS_PER_PAGE``), tags.md lists all
tags; otherwise the type listings, which would repeat the index pages and
hold every page of the site, are left out: the listings include the story
tags only, split over numbered pages of at most ``ROWS_PER_PAGE`` tagged
pages each (one story is never split).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.model import Briefing, Story
from generator.site.page import Page
from generator.site.pages.events import story_tag
from generator.site.pages.paging import ROWS_PER_PAGE, Pager, pagers


@dataclass(frozen=True)
class TagsContext:
    """Context of one Tags page; the tags plugin writes the listing itself."""

    stories: list[Story]
    """The stories listed on this page, each a tag on its event and source pages."""
    listing: dict[str, list[str]] = field(default_factory=dict)
    """The tags plugin's listing settings: ``{"include": [the stories' tags]}``."""
    pager: Pager = Pager(1, ())
    """This page among the Tags pages."""


def story_runs(briefing: Briefing, size: int = ROWS_PER_PAGE) -> list[list[Story]]:
    """Stories in order, in runs whose tagged pages (sources, events with a page) add up to at
    most ``size``."""
    events: dict[str, int] = {}
    for event in briefing.events:
        if event.has_page:
            events[event.story] = events.get(event.story, 0) + 1
    runs: list[list[Story]] = [[]]
    count = 0
    for story in briefing.stories:
        weight = len(story.sources) + events.get(story.id, 0)
        if runs[-1] and count + weight > size:
            runs.append([])
            count = 0
        runs[-1].append(story)
        count += weight
    return runs


def tagged_pages(briefing: Briefing) -> int:
    """How many pages carry a tag: entities, events with a page, deadlines and read sources."""
    return (sum(e.has_page for e in briefing.entities) + sum(e.has_page for e in briefing.events)
            + sum(d.has_page for d in briefing.deadlines) + sum(s.status == "ok" for s in briefing.sources))


def plan_tags_pages(briefing: Briefing) -> list[Page]:
    """tags.md, and tags/pages/<n>.md when the stories' pages do not fit on one."""
    if tagged_pages(briefing) <= ROWS_PER_PAGE:
        every_tag = TagsContext(list(briefing.stories), {}, Pager(1, ("tags.md",)))
        return [Page("tags.md", "tags.md.j2", every_tag)]
    runs = story_runs(briefing)
    return [Page(pager.paths[pager.number - 1], "tags.md.j2",
                 TagsContext(run, {"include": [story_tag(s) for s in run]}, pager))
            for run, pager in zip(runs, pagers("tags.md", len(runs)), strict=True)]
