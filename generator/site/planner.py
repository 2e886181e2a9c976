"""Page plan: which pages the site has, one registry over every page module.

``plan_pages`` turns a finished Briefing into ``Page`` objects (path, template,
context); ``render`` turns those into Markdown. Each page type has one
context dataclass in its module under ``site/pages/``; templates read only its
fields and the link helpers (``cite``, ``cites``, ``entity_link``,
``linked_text``, ``link_to``) that ``render`` binds to the page's own path.
The pages come in ``PARTS`` that can be planned apart (``plan_part``), so that
separate processes can each make some of them (``site.parts``).
This module imports every page module; none imports it back.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.model import Briefing
from generator.site.index import BriefingIndex, index_briefing
from generator.site.memo import PageMemo
from generator.site.page import DeferredPage, Page, PlannedPage
from generator.site.pages.changes import plan_changes_page
from generator.site.pages.compare import plan_compare_page
from generator.site.pages.deadlines import plan_deadline_pages
from generator.site.pages.entities import plan_entity_page_share
from generator.site.pages.entity_indexes import plan_entity_indexes, summaries
from generator.site.pages.events import plan_event_pages
from generator.site.pages.figures import plan_figure_pages
from generator.site.pages.home import home_context
from generator.site.pages.report import plan_report_pages
from generator.site.pages.sources import plan_source_pages
from generator.site.pages.tags import plan_tags_pages
from generator.storage.checked_pickle import paused_collector

Pages = list[PlannedPage]

PartPlanner = Callable[[Briefing, int, BriefingIndex, PageMemo], Pages]


def _entity_pages(number: int, count: int) -> PartPlanner:
    def share(briefing: Briefing, min_mentions: int, index: BriefingIndex, memo: PageMemo) -> Pages:
        return plan_entity_page_share(briefing, index, memo, (number, count))
    return share


def _home_and_indexes(briefing: Briefing, min_mentions: int, index: BriefingIndex,
                      memo: PageMemo) -> Pages:
    summary = summaries(briefing, index, memo)  # the key people's, worked out once for both
    return [Page("index.md", "home.md.j2", home_context(briefing, summary)),
            *plan_entity_indexes(briefing, min_mentions, index, memo, summary)]


def _sources(briefing: Briefing, min_mentions: int, index: BriefingIndex, memo: PageMemo) -> Pages:
    return plan_source_pages(briefing, index)


def _events(briefing: Briefing, min_mentions: int, index: BriefingIndex, memo: PageMemo) -> Pages:
    return plan_event_pages(briefing, index)


def _the_rest(briefing: Briefing, min_mentions: int, index: BriefingIndex, memo: PageMemo) -> Pages:
    return [
        *plan_deadline_pages(briefing, index),
        *plan_compare_page(briefing, index.event_targets),
        *plan_figure_pages(briefing, index.co_mentions),
        *plan_report_pages(briefing),
        plan_changes_page(briefing),
        *plan_tags_pages(briefing),
    ]


PARTS: dict[str, PartPlanner] = {
    "entity pages, first quarter": _entity_pages(0, 4),
    "events and timeline": _events,
    "home and entity indexes": _home_and_indexes,
    "sources": _sources,
    "deadlines, figures and the rest": _the_rest,
    "entity pages, second quarter": _entity_pages(1, 4),
    "entity pages, third quarter": _entity_pages(2, 4),
    "entity pages, fourth quarter": _entity_pages(3, 4),
}
"""The site's pages in parts planned independently of each other (each part's planner reads
the finished briefing and the lookups of ``index_briefing`` only). Forked processes take them
in this order (``pipeline.made_pages``), a free process the next: the costly parts first and
the entity pages in quarters, three of them last, so that two processes end about together
both in a cold build and in a rebuild after one new article. At 2,000 articles a rebuild's
parts cost 1.40 (the first quarter, which holds the most named entity), 1.03, 1.03, 0.78,
0.88 and 0.4-0.6 s CPU in this order, a cold build's 2.5, 4.9, 2.0, 3.5, 1.2 and 1.6-1.8 s;
with the other three quarters between the costly parts, one process of a rebuild ended
0.74 s after the other."""


def plan_pages(briefing: Briefing, min_mentions: int, memo_folder: Path | None = None) -> Pages:
    """Every generated page of the site (the lookups of ``index_briefing`` built once for all).

    Args:
        memo_folder: the build's cache folder, where costly parts of pages (figures,
            summaries) are kept between builds (``site.memo``); None computes everything.
    """
    memo = PageMemo(memo_folder)
    with paused_collector():
        index = index_briefing(briefing)
    pages = [page for part in PARTS for page in plan_part(briefing, part, min_mentions, index, memo)]
    for page in pages:  # deferred contexts made now, so that the memo keeps their figures
        if isinstance(page, DeferredPage):
            page.make()
    memo.save()
    return pages


def plan_part(briefing: Briefing, part: str, min_mentions: int, index: BriefingIndex,
              memo: PageMemo) -> Pages:
    """The pages of one of the ``PARTS``."""
    # Planning makes no cycles; even with the build's rare full collections
    # (``pipeline.BUILD_GC_THRESHOLD``) the young ones cost about a tenth of its CPU.
    with paused_collector():
        return PARTS[part](briefing, min_mentions, index, memo)
