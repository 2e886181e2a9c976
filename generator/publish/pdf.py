"""``briefing pdf``: the briefing printed to one PDF with CSS paged media (WeasyPrint).

The document is HTML rendered from the finished Briefing with the templates in
``site_templates/print`` (a ``print`` folder inside the user's ``templates``
folder is searched first), in a Jinja environment of its own with HTML
autoescaping, so article text is always escaped. WeasyPrint lays it out with
``print.css``: cover, table of contents with page numbers, running headers,
page numbers, numbered references. Rendering is offline: fonts come from the
machine (DejaVu, then generic families) and the URL fetcher refuses anything
but ``file:`` and ``data:`` addresses.
"""

from __future__ import annotations

from collections.abc import Callable
from importlib import resources
from pathlib import Path
from typing import Any

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined, select_autoescape

from generator.config import BriefingError, Config
from generator.model import Briefing
from generator.publish.pdf_document import Links, References, print_context

OFFLINE_SCHEMES = ("file", "data")
"""The only URL schemes WeasyPrint may read."""
DOCUMENT_TEMPLATE = "document.html.j2"
STYLESHEET = "print.css"


def print_dirs(user_dir: Path | None) -> list[str]:
    """Search path: the user's ``templates/print`` folder first, then the built-in one."""
    builtin = str(resources.files("site_templates") / "print")
    user = user_dir / "print" if user_dir else None
    return ([str(user)] if user and user.is_dir() else []) + [builtin]


def make_print_environment(user_dir: Path | None = None) -> Environment:
    """The Jinja environment of the print templates: HTML, autoescaped, strict."""
    return Environment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in print_dirs(user_dir)]),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def render_html(briefing: Briefing, user_dir: Path | None = None) -> str:
    """The printed document as one HTML string (stylesheet inlined)."""
    env = make_print_environment(user_dir)
    references = References(briefing)
    links = Links(briefing)
    stylesheet = env.loader.get_source(env, STYLESHEET)[0]
    return env.get_template(DOCUMENT_TEMPLATE).render(
        c=print_context(briefing),
        stylesheet=stylesheet,
        cite=references.cite,
        cites=references.cites,
        references=references,
        entity_link=links.entity,
        linked_text=links.text,
    )


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


def html_to_pdf(document: str, output: Path, base: Path) -> Path:
    """Lay the HTML out with WeasyPrint and write the PDF."""
    from weasyprint import HTML

    output.parent.mkdir(parents=True, exist_ok=True)
    HTML(string=document, base_url=base.as_uri() + "/", url_fetcher=offline_fetcher()).write_pdf(
        output)
    return output


def write_pdf(config: Config, output: Path) -> Path:
    """Collect the corpus and print it to ``output``.

    Args:
        config: The loaded configuration.
        output: Where to write the PDF (relative paths are taken from the current folder).

    Returns:
        The path written.

    Raises:
        BriefingError: If the seeds folder is missing or the PDF cannot be written.
    """
    from generator.pipeline import collect

    briefing = collect(config)
    target = output if output.is_absolute() else Path.cwd() / output
    try:
        return html_to_pdf(render_html(briefing, config.templates), target, config.root)
    except OSError as err:
        raise BriefingError(f"cannot write {target}: {err}") from err
