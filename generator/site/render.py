"""Render stage: Page objects to Markdown text through Jinja2 templates.

Templates live in ``site_templates/pages`` (a user folder set with the
``templates`` setting is searched first). Every ``{{ value }}`` is escaped for
Markdown by ``finalize`` unless it is ``Markup`` built by the link helpers, so
article text can never become Markdown, HTML or template code.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from functools import lru_cache, partial
from importlib import resources
from pathlib import Path

import yaml
from jinja2 import ChoiceLoader, Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from generator.nlp.cache import code_fingerprint
from generator.site.linker import Linker
from generator.site.markup import (
    attr_escape,
    entity_page,
    external_link,
    html_text,
    link,
    md_escape,
    source_page,
)
from generator.site.memo import PageMemo
from generator.site.page import PlannedPage
from generator.site.render_memo import RecordingLinker, RenderMemo
from generator.site.statement_words import position_words
from generator.site.timewords import FILTERS as TIME_FILTERS
from generator.storage.compiled_templates import CompiledTemplates

GENERATED_MARK = "briefing"
COMPILED_TEMPLATES = "templates"
"""Folder of the compiled templates in the cache folder (compiling them is 0.2 s CPU a build)."""


def template_dirs(user_dir: Path | None) -> list[str]:
    """Search path: the user's template folder first, then the built-in one."""
    builtin = resources.files("site_templates") / "pages"
    dirs = [str(user_dir)] if user_dir and user_dir.is_dir() else []
    return dirs + [str(builtin)]


def make_environment(user_dir: Path | None = None, compiled: Path | None = None) -> Environment:
    """The Jinja environment used for every page; ``compiled``: a folder keeping the compiled
    templates for the next build (Jinja checks each against its template's text)."""
    env = Environment(
        loader=ChoiceLoader([FileSystemLoader(d) for d in template_dirs(user_dir)]),
        bytecode_cache=CompiledTemplates(compiled, code_fingerprint()) if compiled else None,
        autoescape=False,
        finalize=md_escape,
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["attr"] = lambda value: Markup(attr_escape(value))
    env.filters["html"] = lambda value: Markup(html_text(value))
    env.filters["number"] = number
    env.filters["position"] = position_words
    env.filters.update(TIME_FILTERS)
    env.filters["yaml"] = lambda value: Markup(yaml.safe_dump(value, allow_unicode=True,
                                                              default_flow_style=True).strip())
    return env


SEARCH_BOOST = {"entity.md.j2": 10, "source.md.j2": 0.5}
"""Material search boost by template: entity pages rank above the long source texts."""
SEARCH_EXCLUDED = frozenset({"timeline.md.j2", "source_index.md.j2", "report.md.j2", "report_files.md.j2"})
"""Templates whose pages stay out of the search index, which every visitor downloads and which
grows with each row: the timeline's rows repeat the Events index's (which is searched); every
source has a page of its own, found by its title, so the Sources index only repeats those pages;
the build report lists input files. The Deadlines index is searched: a deadline only one source
reports has no page, and its row is where search finds it."""


def front_matter(page: PlannedPage, title: str, tags: list[str]) -> Markup:
    """YAML front matter marking the page as generated.

    MkDocs and Material print the ``title`` meta into the page head, header and
    navigation without escaping it, so it is HTML-escaped here.
    """
    text = yaml_entry("title", html_text(title)) + yaml_entry("generated_by", GENERATED_MARK)
    if tags:
        text += _cached_entry("tags", tuple(tags))
    if page.template in SEARCH_BOOST:
        text += _cached_entry("search", (("boost", SEARCH_BOOST[page.template]),))
    elif page.template in SEARCH_EXCLUDED:
        text += _cached_entry("search", (("exclude", True),))
    return Markup("---\n" + text + "---\n")


SAFE_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
"""PyYAML's safe dumper on libyaml when built with it, else the pure-Python one."""


def yaml_entry(key: str, value: str) -> str:
    """``yaml.safe_dump({key: value}, allow_unicode=True)``, by libyaml's emitter when PyYAML
    has it (its pure-Python emitter costs about 0.5 ms a page)."""
    return yaml.dump({key: value}, Dumper=SAFE_DUMPER, allow_unicode=True)


@lru_cache(maxsize=4096)
def _cached_entry(key: str, value: tuple) -> str:
    """One front matter entry whose value repeats across pages (tags, search boost)."""
    plain = dict(value) if value and isinstance(value[0], tuple) else list(value)
    return yaml.safe_dump({key: plain}, allow_unicode=True, sort_keys=False)


def render_page(env: Environment, page: PlannedPage, linker: Linker) -> str:
    """Markdown text of one page."""
    template = env.get_template(page.template)
    return template.render(
        c=page.context,
        page_path=page.path,
        front_matter=partial(front_matter, page),
        cite=partial(linker.cite, from_page=page.path),
        cites=partial(linker.cites, from_page=page.path),
        entity_link=partial(linker.entity_link, from_page=page.path),
        linked_text=partial(linker.text, from_page=page.path),
        link_to=partial(link, from_page=page.path),
        source_page=source_page,
        event_page=linker.event_page,
        deadline_link=partial(linker.deadline_link, from_page=page.path),
        entity_page=entity_page,
        source_label=linker.source_label,
        source_link=partial(linker.source_link, from_page=page.path),
        mention_link=partial(linker.mention_link, from_page=page.path),
        esc=md_escape,
        external_link=external_link,
        fresh_set=set,
        plural=plural,
    )


def number(count: int) -> str:
    """A count as pages write it: "126", "2,893"."""
    return f"{count:,}"


def plural(count: int, word: str, words: str = "") -> str:
    """"1 mention", "2 mentions", "1,572 deadlines" (or the given plural form)."""
    return f"{number(count)} {word if count == 1 else (words or word + 's')}"


def render_pages(pages: list[PlannedPage], linker: Linker, user_dir: Path | None = None,
                 memo_folder: Path | None = None, docs: Path | None = None) -> dict[str, str]:
    """Path -> Markdown for every page, in one process; refuses two pages at one path.

    With ``memo_folder`` (the cache folder) and ``docs`` (where the previous build
    wrote the pages), a page whose inputs are unchanged is read back instead of
    rendered (``site.render_memo``). A build makes its pages in parts, side by side
    (``site.parts``).
    """
    env = make_environment(user_dir, memo_folder / COMPILED_TEMPLATES if memo_folder else None)
    memo = RenderMemo(memo_folder, docs, linker, template_dirs(user_dir))
    texts = render_with_memo(env, pages, linker, memo)
    memo.save()
    return texts


def check_unique(paths: Iterable[str]) -> None:
    """Refuse two generated pages at one path."""
    seen: set[str] = set()
    for path in paths:
        if path in seen:
            raise ValueError(f"two generated pages for {path}")
        seen.add(path)


def render_with_memo(env: Environment, pages: list[PlannedPage], linker: Linker,
                     memo: RenderMemo) -> dict[str, str]:
    """``render_pages`` with the environment and the memo given (the caller saves the memo)."""
    check_unique(page.path for page in pages)
    texts: dict[str, str] = {}
    for page in pages:
        key = memo.key(page) if memo.active else None
        text = memo.reuse(page, key)
        texts[page.path] = text if text is not None else _rendered(env, page, linker, memo, key)
    return texts


def render_changed(env: Environment, pages: list[PlannedPage], linker: Linker, memo: RenderMemo,
                   planned: PageMemo | None = None) -> tuple[dict[str, str], list[str]]:
    """Path -> Markdown of the pages rendered, in plan order, and the paths of the others: those
    docs/ holds as the memo kept them (checked there, neither decoded nor handed on).

    ``planned``: the page memo the contexts are made with; the figures and summaries a
    deferred context took from it are kept for the next build when its page is unchanged.
    """
    check_unique(page.path for page in pages)
    texts: dict[str, str] = {}
    on_disk: list[str] = []
    for page in pages:
        key = memo.key(page) if memo.active else None
        if memo.on_disk(page, key):
            on_disk.append(page.path)
            if planned is not None:
                planned.keep_previous(memo.planned(key))
        else:
            texts[page.path] = _rendered(env, page, linker, memo, key, planned)
    return texts, on_disk


def _rendered(env: Environment, page: PlannedPage, linker: Linker, memo: RenderMemo, key: str | None,
              planned: PageMemo | None = None) -> str:
    """The page rendered, noting in ``memo`` what it read through the linker (and, given the
    page memo its context is made with, the keys it took from there)."""
    recorder = RecordingLinker(linker)
    with planned.recorded() if planned is not None else contextlib.nullcontext([]) as keys:
        text = render_page(env, page, recorder)  # type: ignore[arg-type]
    memo.keep(key, tuple(sorted(recorder.read)), text, tuple(dict.fromkeys(keys)))
    return text
