"""``briefing pdf``: the briefing printed to one PDF with CSS paged media (WeasyPrint).

The document is HTML rendered from the finished Briefing with the templates in
``site_templates/print`` (a ``print`` folder inside the user's ``templates``
folder is searched first), in a Jinja environment of its own with HTML
autoescaping, so article text is always escaped. WeasyPrint lays it out with
``print.css``: cover, table of contents with page numbers, running headers,
page numbers, numbered references. Rendering is offline: fonts come from the
machine (DejaVu, then generic families) and the URL fetcher refuses anything
but ``file:`` and ``data:`` addresses.

The default document is a briefing of at most ``MAX_PAGES`` pages at any corpus
size: its lists are capped by a ``Budget`` (``pdf_summary``), and when a laid-out
document is still longer the budget is halved and the document laid out again.
``full=True`` (``briefing pdf --full``) prints everything, however long.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.config import BriefingError, Config
from generator.model import Briefing
from generator.publish.pdf_document import Links, PrintContext, Printed, References, print_context
from generator.publish.pdf_summary import BRIEF, FULL, Budget, Summary, shortened
from generator.site.statement_words import unquoted
from generator.site.timewords import FILTERS as TIME_FILTERS

OFFLINE_SCHEMES = ("file", "data")
"""The only URL schemes WeasyPrint may read."""
DOCUMENT_TEMPLATE = "document.html.j2"
STYLESHEET = "print.css"
MAX_PAGES = 80
"""Most pages of the default document."""
LAYOUT_ATTEMPTS = 4
"""Layouts tried, each with a halved budget, before the shortest is printed."""


def print_dirs(user_dir: Path | None) -> list[str]:
    """Search path: the user's ``templates/print`` folder first, then the built-in one."""
    builtin = str(resources.files("site_templates") / "print")
    user = user_dir / "print" if user_dir else None
    return ([str(user)] if user and user.is_dir() else []) + [builtin]


def make_print_environment(user_dir: Path | None = None) -> Environment:
    """The Jinja environment of the print templates: HTML, autoescaped, strict."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in print_dirs(user_dir)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(TIME_FILTERS)
    env.filters["unquoted"] = unquoted
    return env


def render_html(briefing: Briefing, user_dir: Path | None = None, budget: Budget = BRIEF) -> str:
    """The printed document as one HTML string (stylesheet inlined), within ``budget``."""
    return render_document(make_print_environment(user_dir), briefing, print_context(briefing, budget))


def render_document(env: Environment, briefing: Briefing, context: PrintContext,
                    summary_only: bool = False) -> str:
    """The document of ``context`` as HTML; ``summary_only``: the cover and executive summary alone."""
    budget = context.budget
    references = References(briefing, budget.cites)
    links = Links(briefing, None if budget.full else context.entries)
    stylesheet = env.loader.get_source(env, STYLESHEET)[0]
    return env.get_template(DOCUMENT_TEMPLATE).render(
        c=context,
        summary_only=summary_only,
        stylesheet=stylesheet,
        cite=references.cite,
        cites=references.cites,
        labels=references.labels,
        references=references,
        printed=Printed(briefing),
        entity_link=links.entity,
        linked_text=links.text,
    )


def one_page_summary(env: Environment, briefing: Briefing, context: PrintContext, base: Path) -> PrintContext:
    """The context with its executive summary shortened, a line at a time, until the cover
    and the summary fit the first page (long story leads can push its last lines over).

    Each try lays out the cover and summary alone (a page or two); the summary has about
    fifteen lines by default, so there are at most that many tries.
    """
    summary: Summary | None = context.summary
    while summary is not None:
        context = replace(context, summary=summary)
        if len(layout(render_document(env, briefing, context, summary_only=True), base).pages) <= 1:
            break
        summary = shortened(summary)
    return context


def offline_fetcher() -> Callable[[str], Any]:
    """A WeasyPrint URL fetcher that reads only ``file:`` and ``data:`` addresses."""
    try:
        from weasyprint.urls import URLFetcher
    except ImportError:  # WeasyPrint < 68 takes a plain function
        from weasyprint import default_url_fetcher

        def fetch(url: str, *args, **kwargs) -> dict:
            if url.split(":", 1)[0].lower() not in OFFLINE_SCHEMES:
                raise ValueError(f"offline build: not fetching {url}")
            return default_url_fetcher(url, *args, **kwargs)

        return fetch
    return URLFetcher(allowed_protocols=OFFLINE_SCHEMES)


def layout(document: str, base: Path) -> Any:
    """The HTML laid out by WeasyPrint (a ``weasyprint.Document``: ``pages``, ``write_pdf``)."""
    from weasyprint import HTML

    return HTML(string=document, base_url=base.as_uri() + "/", url_fetcher=offline_fetcher()).render()


def bounded_layout(briefing: Briefing, user_dir: Path | None, base: Path, full: bool = False) -> Any:
    """The laid-out document: everything when ``full``, else within ``MAX_PAGES`` pages, its
    executive summary on the first page (``one_page_summary``).

    The default budget is tightened (halved) until the layout fits; after
    ``LAYOUT_ATTEMPTS`` the last, shortest layout is returned.
    """
    env = make_print_environment(user_dir)
    budget = FULL if full else BRIEF
    for _ in range(LAYOUT_ATTEMPTS):
        context = print_context(briefing, budget)
        if not full:
            context = one_page_summary(env, briefing, context, base)
        document = layout(render_document(env, briefing, context), base)
        if full or len(document.pages) <= MAX_PAGES:
            break
        budget = budget.tighter()
    return document


def write_pdf(briefing: Briefing, config: Config, output: Path, full: bool = False) -> Path:
    """Print a collected briefing to ``output``.

    Args:
        briefing: The collected corpus (``pipeline.collect``).
        config: The loaded configuration (templates folder, project root).
        output: Where to write the PDF (relative paths are taken from the current folder).
        full: Print every entity, event and source (no page bound).

    Returns:
        The path written.

    Raises:
        BriefingError: If the PDF cannot be written.
    """
    target = output if output.is_absolute() else Path.cwd() / output
    try:
        document = bounded_layout(briefing, config.templates, config.root, full)
        target.parent.mkdir(parents=True, exist_ok=True)
        document.write_pdf(target)
        return target
    except OSError as err:
        raise BriefingError(f"cannot write {target}: {err}") from err
