"""Page plan: which pages the site has, one registry over every page module.

``plan_pages`` turns a finished Briefing into ``Page`` objects (path, template,
context); ``render`` turns those into Markdown. Each page type has one
context dataclass in its module under ``site/pages/``; templates read only its
fields and the link helpers (``cite``, ``cites``, ``entity_link``,
``linked_text``, ``link_to``) that ``render`` binds to the page's own path.
This module imports every page module; none imports it back.
"""

from __future__ import annotations

from pathlib import Path

from generator.model import Briefing
from generator.site.index import index_briefing
from generator.site.memo import PageMemo
from generator.site.page import Page
from generator.site.pages.changes import plan_changes_page
from generator.site.pages.compare import plan_compare_page
from generator.site.pages.deadlines import plan_deadline_pages
from generator.site.pages.entities import plan_entity_pages
from generator.site.pages.events import plan_event_pages
from generator.site.pages.figures import plan_figure_pages
from generator.site.pages.home import home_context
from generator.site.pages.report import plan_report_pages
from generator.site.pages.sources import plan_source_pages
from generator.site.pages.tags import plan_tags_pages
from generator.storage.checked_pickle import paused_collector


def plan_pages(briefing: Briefing, min_mentions: int, memo_folder: Path | None = None) -> list[Page]:
    """Every generated page of the site (the lookups of ``index_briefing`` built once for all).

    Args:
        memo_folder: the build's cache folder, where costly parts of pages (figures,
            summaries) are kept between builds (``site.memo``); None computes everything.
    """
    # Planning makes no cycles; even with the build's rare full collections
    # (``pipeline.BUILD_GC_THRESHOLD``) the young ones cost about a tenth of its CPU.
    with paused_collector():
        return _plan_all(briefing, min_mentions, PageMemo(memo_folder))


def _plan_all(briefing: Briefing, min_mentions: int, memo: PageMemo) -> list[Page]:
    """``plan_pages`` with the memo read."""
    index = index_briefing(briefing)
    pages = [
        Page("index.md", "home.md.j2", home_context(briefing)),
        *plan_entity_pages(briefing, min_mentions, index, memo),
        *plan_source_pages(briefing, index),
        *plan_event_pages(briefing, index),
        *plan_deadline_pages(briefing, index),
        *plan_compare_page(briefing, index.event_targets),
        *plan_figure_pages(briefing, index.co_mentions),
        *plan_report_pages(briefing),
        plan_changes_page(briefing),
        *plan_tags_pages(briefing),
    ]
    memo.save()
    return pages
