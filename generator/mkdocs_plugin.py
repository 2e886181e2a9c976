"""MkDocs plugin ``briefing``: regenerate pages before every MkDocs build.

With ``plugins: [briefing]`` in mkdocs.yml, ``mkdocs build``, ``mkdocs serve``
and ``mkdocs gh-deploy`` run the same build step as ``briefing build``.
During ``mkdocs serve`` the seeds folder, the template folder and the config
file are watched, so editing an article regenerates the pages and the browser
reloads. A build is skipped when its inputs have not changed, which also stops
the pages it writes from triggering another build. While serving, a failed
build (a bad config or template) is logged and the last good pages stay up;
a bad article never fails the build: it is listed on the build report page.
Another build of the same project running at the same time (see
``generator.publish.lock``) is a failed build too: logged while serving, an error
otherwise.

Three things make every page cheaper to build without changing a byte of its HTML: the
plugin adds ``LeanInlinePatterns`` and ``FigureStash`` to the Markdown extensions, and
``NavMemo`` renders Material's navigation sidebar once per folder of pages outside the nav.
"""

from __future__ import annotations

import logging
import posixpath
from collections.abc import Callable
from pathlib import Path
from xml.etree.ElementTree import Element

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from markdown import Markdown, inlinepatterns
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import Registry
from mkdocs.config import config_options
from mkdocs.config.base import Config as MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin

from generator.config import BriefingError, Config, load_config, with_overrides
from generator.pipeline import build, inputs_fingerprint

log = logging.getLogger("mkdocs.plugins.briefing")

_REFERENCE_PATTERNS = {
    (inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE),
    (inlinepatterns.ShortReferenceInlineProcessor, inlinepatterns.REFERENCE_RE),
    (inlinepatterns.ImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE),
    (inlinepatterns.ShortImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE),
}
"""Python-Markdown's ``[text][id]``, ``[id]`` and their image forms: each reads every ``[`` of
a page and gives up unless ``id`` is a reference the page defines."""

_REQUIRED_TEXT = {
    (inlinepatterns.BacktickInlineProcessor, inlinepatterns.BACKTICK_RE): "`",
    (inlinepatterns.EscapeInlineProcessor, inlinepatterns.ESCAPE_RE): "\\",
    (inlinepatterns.LinkInlineProcessor, inlinepatterns.LINK_RE): "[",
    (inlinepatterns.ImageInlineProcessor, inlinepatterns.IMAGE_LINK_RE): "![",
    (inlinepatterns.AutolinkInlineProcessor, inlinepatterns.AUTOLINK_RE): "<",
    (inlinepatterns.AutomailInlineProcessor, inlinepatterns.AUTOMAIL_RE): "<",
    (inlinepatterns.SubstituteTagInlineProcessor, inlinepatterns.LINE_BREAK_RE): "  \n",
    (inlinepatterns.HtmlInlineProcessor, inlinepatterns.HTML_RE): "<",
    (inlinepatterns.HtmlInlineProcessor, inlinepatterns.ENTITY_RE): "&",
    (inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE): "[",
    (inlinepatterns.ShortReferenceInlineProcessor, inlinepatterns.REFERENCE_RE): "[",
    (inlinepatterns.ImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE): "![",
    (inlinepatterns.ShortImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE): "![",
}
"""Text without which a core inline pattern (its class and regex) cannot match: each regex
starts with this literal text."""


class FrozenPatterns(Registry):
    """The inline patterns of one page, in priority order, read by position without re-sorting.

    Python-Markdown's inline pass reads its pattern registry by position once per pattern and
    text node (millions of reads on a large site); ``Registry`` checks its order on each read.
    """

    def __init__(self, patterns: Registry, kept: Callable[[object], bool]) -> None:
        super().__init__()
        for item in patterns._priority:  # noqa: SLF001 - the registry's (name, priority) list
            if kept(patterns[item.name]):
                self.register(patterns[item.name], item.name, item.priority)
        self._sort()
        self.in_order = [self._data[item.name] for item in self._priority]

    def __getitem__(self, key):  # type: ignore[override]
        if type(key) is int:
            return self.in_order[key]
        return super().__getitem__(key)


class _LeanInlinePass(Treeprocessor):
    """Runs after the block parser, just before the inline pass (priority 20): hands it a frozen
    list of the page's inline patterns without those that cannot match on this page.

    Inline patterns only ever read the text of the tree's elements (raw HTML is stashed away
    as placeholders), and the text they pass on is cut from that text; so a core pattern whose
    regex needs a ``[``, ``<``, backtick ... absent from all of it, or a reference pattern on a
    page defining no reference, cannot match anywhere, and the HTML stays the same without it.
    """

    def run(self, root: Element) -> None:
        text = "".join(root.itertext())
        inline = self.md.treeprocessors["inline"]
        inline.inlinePatterns = FrozenPatterns(self.md.inlinePatterns, lambda p: self.can_match(p, text))

    def can_match(self, pattern: object, text: str) -> bool:
        """False when ``pattern`` is a core pattern that cannot match in ``text`` on this page."""
        key = (type(pattern), getattr(pattern, "pattern", None))
        if key in _REFERENCE_PATTERNS and not self.md.references:
            return False
        required = _REQUIRED_TEXT.get(key)
        return required is None or required in text


class LeanInlinePatterns(Extension):
    """Markdown extension: the same HTML, converted with fewer pattern attempts per text node."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_LeanInlinePass(md), "briefing_lean_inline", 20.5)


FIGURE_OPEN, FIGURE_CLOSE = '<div class="briefing-figure">', "</div>"
"""The lines that open and close a generated figure (an SVG drawing) in the page templates."""


class _FigureStashPass(Preprocessor):
    """Runs before the raw HTML pass (priority 20): stores each generated figure as one block of
    raw HTML, as that pass would, without parsing the drawing's hundreds of tags one by one.

    A figure is the lines from ``FIGURE_OPEN`` to the next ``FIGURE_CLOSE``, written by the
    templates at the start of a line with blank lines around; its markup is built and escaped
    by ``generator.svg`` and holds no Markdown, so the HTML stays the same.
    """

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        figure: list[str] | None = None
        for line in lines:
            if figure is None and line == FIGURE_OPEN:
                figure = [line]
            elif figure is not None:
                figure.append(line)
                if line == FIGURE_CLOSE:
                    out += ["", self.md.htmlStash.store("\n".join(figure) + "\n"), ""]
                    figure = None
            else:
                out.append(line)
        return out + (figure or [])


class FigureStash(Extension):
    """Markdown extension: generated figures kept as raw HTML without parsing them."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.preprocessors.register(_FigureStashPass(md), "briefing_figure_stash", 25)


def url_parts(url: str) -> tuple[str, ...]:
    """Path components of a site URL, as ``mkdocs.utils.get_relative_url`` splits them."""
    path = posixpath.normpath("/" + url)[1:]
    return tuple(path.split("/")) if path else ()


def nav_urls(items: list) -> list[str]:
    """URLs of every page and link of a navigation tree."""
    urls = []
    for item in items:
        if getattr(item, "children", None):
            urls += nav_urls(item.children)
        elif getattr(item, "url", None) is not None:
            urls.append(item.url)
    return urls


class NavMemo:
    """Material's navigation sidebar, rendered once for all the pages outside the nav that sit
    in folders of one parent (``people/a/``, ``people/b/`` ...).

    The sidebar of a page outside the nav marks no item active, and its links are relative to
    the page's folder: from ``people/a/`` and ``people/b/`` they climb out of the folder alike,
    unless the target lies inside it, which ``key`` rules out. The template
    ``partials/nav.html`` of the overrides reads and fills ``rendered``.
    """

    def __init__(self, file_urls: list[str], in_nav: list[str]) -> None:
        self.rendered: dict[str, str] = {}
        self.holding: set[tuple[str, ...]] = set()
        """Folders holding another file, page or link target."""
        for url in file_urls:
            parts = url_parts(url)
            self.holding.update(parts[:end] for end in range(len(parts)))
        for url in in_nav:
            parts = url_parts(url)
            self.holding.update(parts[:end] for end in range(len(parts) + 1))

    def key(self, page) -> str:
        """Key of ``page``'s sidebar among the memoised ones; "" when it must be rendered."""
        parts = url_parts(page.url)
        if not parts or "." in parts[-1] or parts in self.holding:
            return ""
        return "/".join(parts[:-1])


class BriefingPluginConfig(MkDocsConfig):
    """Options of the plugin in mkdocs.yml."""

    config_file = config_options.Type(str, default="briefing.yml")
    enabled = config_options.Type(bool, default=True)


class BriefingPlugin(BasePlugin[BriefingPluginConfig]):
    """Runs ``generator.pipeline.build`` as the first step of an MkDocs build."""

    def __init__(self) -> None:
        self.briefing_config: Config | None = None
        self.last_inputs = ""
        self.serving = False
        self.server = None
        self.watched: set[str] = set()
        self.nav_urls: list[str] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        for extension in (LeanInlinePatterns, FigureStash):
            if not any(isinstance(ext, extension) for ext in config.markdown_extensions):
                config.markdown_extensions.append(extension())
        root = Path(config.config_file_path or ".").resolve().parent
        path = root / self.config.config_file
        try:
            loaded = load_config(path if path.is_file() else None, root=root)
        except Exception as err:  # also a bug: `mkdocs serve` must keep serving the last good pages
            if not self.serving or self.briefing_config is None:
                if isinstance(err, BriefingError):
                    raise PluginError(str(err)) from err
                raise
            # A failed build would make `mkdocs serve` hold every request until a good one.
            log.error("briefing: %s (the last good configuration is used)", err)
            return config
        self.briefing_config = with_overrides(loaded, docs=Path(config.docs_dir))
        self.watch_inputs()
        return config

    def on_pre_build(self, *, config) -> None:
        if not self.config.enabled or self.briefing_config is None:
            return
        fingerprint = inputs_fingerprint(self.briefing_config)
        if fingerprint == self.last_inputs:
            return
        try:
            result = build(self.briefing_config, warn=log.warning)
        except BriefingError as err:
            if not self.serving:
                raise PluginError(str(err)) from err
            log.error("briefing: %s (pages from the last good build are kept)", err)
            return
        except Exception:  # a bug must not leave `mkdocs serve` holding every request
            if not self.serving:
                raise
            log.exception("briefing: build failed (pages from the last good build are kept)")
            return
        self.last_inputs = fingerprint
        # Bad articles are input, not site errors: they are listed on the build
        # report page, and logged at INFO so `mkdocs build --strict` still passes.
        for source in result.skipped:
            log.info("briefing: skipped %s: %s (see the build report page)", source.path, source.error)
        log.info("briefing: %d pages written, %d unchanged", len(result.written.written),
                 len(result.written.unchanged))

    def on_nav(self, nav, *, config, files):
        self.nav_urls = nav_urls(nav.items)
        homepage = (config.extra or {}).get("homepage")
        if homepage:
            self.nav_urls.append(str(homepage))
        return nav

    def on_env(self, env: Environment, *, config, files) -> Environment:
        """Let the overrides include the theme's own templates as ``theme/...`` and memoise the
        navigation sidebar (``NavMemo``)."""
        theme_dirs = [d for d in config.theme.dirs if d != config.theme.custom_dir]
        env.loader = ChoiceLoader([env.loader, PrefixLoader({"theme": FileSystemLoader(theme_dirs)})])
        env.globals["briefing_nav_memo"] = NavMemo([file.url for file in files], self.nav_urls)
        return env

    def on_serve(self, server, *, config, builder):
        self.server = server
        self.watch_inputs()
        return server

    def watch_inputs(self) -> None:
        """During serve, watch the seeds, templates and config, also those a config edit names."""
        if self.server is None or self.briefing_config is None:
            return
        cfg = self.briefing_config
        for path in (cfg.seeds, cfg.templates, cfg.config_file):
            if path is not None and path.exists() and str(path) not in self.watched:
                self.server.watch(str(path))
                self.watched.add(str(path))
