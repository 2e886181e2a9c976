"""The site made in parts: each part of ``planner.PARTS`` is planned and rendered on its own
(``make_part``), so that processes side by side can each make some (the pipeline runs them on
``executor.forked_map``); ``finish_site`` puts the parts together.

Planning and rendering were one process's work after the corpus stages, about
7 of the 17 s of a rebuild after one new article at 2,000 articles (most pages
planned, keyed and found unchanged). The parts need nothing from each other but
the finished briefing and the lookups of ``index_briefing`` (the ``SiteJob``),
which forked processes inherit; what comes back is each part's Markdown and the
memo entries it used (``PageMemo``, ``RenderMemo``), saved by ``finish_site``
once every part is in. A part writes nothing: the templates are compiled by
``site_job``, before any process forks.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, TemplateError

from generator.model import Briefing
from generator.site.index import BriefingIndex, EntityLookups, index_briefing
from generator.site.linker import Linker
from generator.site.memo import Handed, PageMemo
from generator.site.planner import plan_part
from generator.site.render import (
    COMPILED_TEMPLATES,
    check_unique,
    make_environment,
    render_changed,
    template_dirs,
)
from generator.site.render_memo import RenderMemo
from generator.storage.checked_pickle import paused_collector


@dataclass
class SiteJob:
    """Everything a part reads: made once, before any process forks."""

    briefing: Briefing
    """The finished briefing."""
    min_mentions: int
    """The ``min_mentions_for_page`` setting."""
    index: BriefingIndex
    """The briefing's lookups (``index_briefing``)."""
    linker: Linker
    """Links and citations of the finished briefing."""
    environment: Environment
    """The Jinja environment of the page templates."""
    page_memo: PageMemo
    """Figures and summaries of the previous build (``site.memo``)."""
    render_memo: RenderMemo
    """Pages of the previous build (``site.render_memo``)."""


@dataclass
class SitePages:
    """The site's pages: those rendered this build, and those docs/ holds already."""

    texts: dict[str, str]
    """Docs-relative path -> Markdown of each page rendered, in plan order of the parts."""
    on_disk: list[str]
    """Paths of the pages whose file in docs/ holds them as they would be rendered (the render
    memo checked the file's digest; the text is not read back or handed on)."""


@dataclass
class MadePart:
    """One part's pages and the memo entries it used."""

    texts: dict[str, str]
    """Docs-relative path -> Markdown of each page rendered, in plan order."""
    on_disk: list[str]
    """Paths of the part's other pages: docs/ holds each as it would be rendered."""
    planned: Handed
    """The ``PageMemo`` entries the part used (``handed_back``)."""
    rendered: Handed
    """The ``RenderMemo`` entries the part used (``handed_back``)."""


def site_job(briefing: Briefing, min_mentions: int, templates: Path | None = None,
             cache: Path | None = None, docs: Path | None = None,
             page_memo: PageMemo | None = None,
             digested: Callable[[], list[str]] | None = None,
             lookups: EntityLookups | None = None) -> SiteJob:
    """The job of making the site of ``briefing`` (``cache``: the cache folder keeping the memos
    and compiled templates, None keeps nothing; ``docs``: where the previous pages are;
    ``page_memo``: the page memo of ``cache``, when the caller read it already; ``digested``:
    gives the digests of ``render_memo.keyed_objects(briefing)`` when another process works
    them out meanwhile, see ``RenderMemo.prime``; ``lookups``: the briefing's
    ``index.entity_lookups`` when the caller worked them out already)."""
    with paused_collector():
        index = index_briefing(briefing, lookups)
        linker = Linker(briefing, index.event_targets)
    environment = make_environment(templates, cache / COMPILED_TEMPLATES if cache else None)
    for name in environment.list_templates(filter_func=lambda name: name.endswith(".j2")):
        with contextlib.suppress(TemplateError):  # a page using it reports the error
            environment.get_template(name)  # compiled (and kept) here, not by each forked process
    render_memo = RenderMemo(cache, docs, linker, template_dirs(templates), index.digests)
    with paused_collector():
        render_memo.prime(briefing, digested() if digested is not None and render_memo.active else None)
    page_memo = page_memo if page_memo is not None else PageMemo(cache)
    return SiteJob(briefing, min_mentions, index, linker, environment, page_memo, render_memo)


def make_part(job: SiteJob, part: str) -> MadePart:
    """Plan and render one part, with memos of its own."""
    planned, rendered = job.page_memo.fresh(), job.render_memo.fresh()
    pages = plan_part(job.briefing, part, job.min_mentions, job.index, planned)
    texts, on_disk = render_changed(job.environment, pages, job.linker, rendered, planned)
    return MadePart(texts, on_disk, planned.handed_back(), rendered.handed_back())


def finish_site(job: SiteJob, made: list[MadePart]) -> SitePages:
    """The pages of every part, in the order of ``made``; the memo entries every part used
    saved for the next build.

    Raises:
        ValueError: two parts planned a page at one path.
    """
    check_unique(path for part in made for path in [*part.texts, *part.on_disk])
    for part in made:
        job.page_memo.add(part.planned)
        job.render_memo.add(part.rendered)
    job.page_memo.save()
    job.render_memo.save()
    return SitePages({path: text for part in made for path, text in part.texts.items()},
                     [path for part in made for path in part.on_disk])
