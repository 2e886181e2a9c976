"""The site made in parts: each part of ``planner.PARTS`` is planned and rendered on its own,
in forked processes side by side when the machine has the cores.

Planning and rendering were one process's work after the corpus stages, about
7 of the 17 s of a rebuild after one new article at 2,000 articles (most pages
planned, keyed and found unchanged). The parts need nothing from each other but
the finished briefing and the lookups of ``index_briefing``, which forked
processes inherit (nothing is pickled on the way in); what comes back is each
part's Markdown and the memo entries it used (``PageMemo``, ``RenderMemo``),
saved by this process once every part is in. The caller's other work (the
export) runs here meanwhile. With one core, or without ``fork``, the parts are
made one after the other in this process, with the same result.
"""

from __future__ import annotations

import contextlib
import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from jinja2 import Environment, TemplateError

from generator.model import Briefing
from generator.site.index import BriefingIndex, index_briefing
from generator.site.linker import Linker
from generator.site.memo import PageMemo
from generator.site.planner import PARTS, plan_part
from generator.site.render import (
    COMPILED_TEMPLATES,
    check_unique,
    make_environment,
    render_with_memo,
    template_dirs,
)
from generator.site.render_memo import RenderMemo
from generator.storage.checked_pickle import paused_collector

T = TypeVar("T")


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
class MadePart:
    """One part's pages and the memo entries it used."""

    texts: dict[str, str]
    """Docs-relative path -> Markdown, in plan order."""
    planned: dict[str, Any]
    """The ``PageMemo`` entries the part used."""
    rendered: dict[str, Any]
    """The ``RenderMemo`` entries the part used."""


def site_job(briefing: Briefing, min_mentions: int, templates: Path | None = None,
             cache: Path | None = None, docs: Path | None = None) -> SiteJob:
    """The job of making the site of ``briefing`` (``cache``: the cache folder keeping the memos
    and compiled templates, None keeps nothing; ``docs``: where the previous pages are)."""
    with paused_collector():
        index = index_briefing(briefing)
        linker = Linker(briefing)
    environment = make_environment(templates, cache / COMPILED_TEMPLATES if cache else None)
    for name in environment.list_templates(filter_func=lambda name: name.endswith(".j2")):
        with contextlib.suppress(TemplateError):  # a page using it reports the error
            environment.get_template(name)  # compiled (and kept) here, not by each forked process
    return SiteJob(briefing, min_mentions, index, linker, environment, PageMemo(cache),
                   RenderMemo(cache, docs, linker, template_dirs(templates)))


def make_part(job: SiteJob, part: str) -> MadePart:
    """Plan and render one part, with memos of its own."""
    planned, rendered = job.page_memo.fresh(), job.render_memo.fresh()
    pages = plan_part(job.briefing, part, job.min_mentions, job.index, planned)
    texts = render_with_memo(job.environment, pages, job.linker, rendered)
    return MadePart(texts, planned.used, rendered.used)


def make_site(job: SiteJob, processes: int = 1,
              alongside: Callable[[], T] = lambda: None) -> tuple[dict[str, str], T]:
    """Path -> Markdown of every page in site order, and what ``alongside()`` returned.

    With ``processes`` > 1 and ``fork``, the parts are made by that many forked
    processes while this one runs ``alongside``; the memos are saved here after.

    Raises:
        ValueError: two parts planned a page at one path.
    """
    if processes < 2 or "fork" not in multiprocessing.get_all_start_methods():
        made = [make_part(job, part) for part in PARTS]
        other = alongside()
    else:
        made, other = _forked(job, processes, alongside)
    check_unique(path for part in made for path in part.texts)
    for part in made:
        job.page_memo.add(part.planned)
        job.render_memo.add(part.rendered)
    job.page_memo.save()
    job.render_memo.save()
    return {path: text for part in made for path, text in part.texts.items()}, other


_JOB: SiteJob | None = None
"""The job forked processes inherit."""


def _forked(job: SiteJob, processes: int, alongside: Callable[[], T]) -> tuple[list[MadePart], T]:
    """The parts made by forked processes (one part at a time each, in ``PARTS`` order), and
    ``alongside()`` run here meanwhile. A process that dies raises ``BrokenProcessPool``."""
    global _JOB
    _JOB = job
    context = multiprocessing.get_context("fork")
    try:
        with ProcessPoolExecutor(min(processes, len(PARTS)), mp_context=context) as pool:
            made = [pool.submit(_make_inherited, part) for part in PARTS]  # the first forks them all
            other = alongside()
            return [future.result() for future in made], other
    finally:
        _JOB = None


def _make_inherited(part: str) -> MadePart:
    """In a forked process: one part of the inherited job."""
    assert _JOB is not None
    return make_part(_JOB, part)
