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

Several things make every page cheaper to build without changing a byte of its HTML: the
plugin adds ``LeanInlinePatterns`` (with ``QuickLinkProcessor``), ``QuickTables`` and
``FigureStash`` to the Markdown extensions (``markdown_cost``), and ``MemoisedLinks``, which
resolves each relative link once per folder and build and leaves MkDocs every link it must
judge (``link_cost``); it sets the generated figures, and the parts Material's search would
read without effect (the same search index), aside while the search plugin reads a page
(``search_cost``), so plugins reading ``page.content`` in ``on_page_context`` between
priorities 50 and -50 see them as comments; ``NavMemo`` renders Material's navigation
sidebar once per folder of pages outside the nav; and the theme's files no page loads
(source maps, search languages not used) are left out of the site (``theme_files``).
Each HTML page's inline SVGs lose their namespace declarations, which only an XML parser
reads (``inline_svg``). The site carries the export gzip-compressed, as
``data/briefing.json.gz`` (``export_file``).
"""

from __future__ import annotations

import logging
import posixpath
from pathlib import Path

from jinja2 import ChoiceLoader, Environment, FileSystemLoader, PrefixLoader
from material.plugins.search.plugin import SearchPlugin as MaterialSearch
from mkdocs.config import config_options
from mkdocs.config.base import Config as MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, CombinedEvent, event_priority

from generator.config import BriefingError, Config, load_config, with_overrides
from generator.mkdocs_plugin.export_file import CompressedExport
from generator.mkdocs_plugin.inline_svg import drop_svg_namespaces
from generator.mkdocs_plugin.link_cost import MemoisedLinks
from generator.mkdocs_plugin.markdown_cost import (
    FigureStash,
    LeanInlinePatterns,
    QuickTables,
    hide_figures,
    show_figures,
)
from generator.mkdocs_plugin.search_cost import hide_unsearched, show_unsearched
from generator.mkdocs_plugin.theme_files import unloaded_theme_files
from generator.pipeline import build
from generator.publish.stamp import inputs_fingerprint

__all__ = ["BriefingPlugin", "FigureStash", "LeanInlinePatterns", "MemoisedLinks", "NavMemo", "QuickTables"]

log = logging.getLogger("mkdocs.plugins.briefing")


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


def material_search(config) -> MaterialSearch | None:
    """Material's search plugin when the site uses it (enabled), else None."""
    return next((plugin for plugin in config.plugins.values()
                 if isinstance(plugin, MaterialSearch) and plugin.config.enabled), None)


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
        self.hidden_figures: dict[str, list[str]] = {}
        self.hidden_parts: dict[str, list[str]] = {}
        self.material_search = False
        """Whether Material's search plugin reads the pages (it alone knows ``data-search-exclude``)."""
        self.export = CompressedExport()

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config):
        for extension in (LeanInlinePatterns, FigureStash, QuickTables, MemoisedLinks):
            if not any(isinstance(ext, extension) for ext in config.markdown_extensions):
                config.markdown_extensions.append(extension())
        self.material_search = material_search(config) is not None
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

    @event_priority(50)
    def _hide_figures(self, context, *, page, config, nav):
        """Before the search plugin (priority 0) reads the page: its figures set aside, and the
        parts Material's search would read without effect (``search_cost``)."""
        key = page.file.src_uri
        page.content, self.hidden_figures[key] = hide_figures(page.content or "")
        if self.material_search:
            page.content, self.hidden_parts[key] = hide_unsearched(page.content)
        return context

    @event_priority(-50)
    def _show_figures(self, context, *, page, config, nav):
        """After the search plugin: the parts and figures back in place, before the theme renders."""
        key = page.file.src_uri
        content = show_unsearched(page.content or "", self.hidden_parts.pop(key, []))
        page.content = show_figures(content, self.hidden_figures.pop(key, []))
        return context

    on_page_context = CombinedEvent(_hide_figures, _show_figures)

    def on_post_page(self, output: str, *, page, config) -> str:
        """The inline SVGs' namespace declarations dropped (``inline_svg``)."""
        return drop_svg_namespaces(output)

    def on_post_template(self, output_content: str, *, template_name: str, config) -> str:
        """As ``on_post_page``, for the theme's static HTML pages (404.html)."""
        return drop_svg_namespaces(output_content) if template_name.endswith(".html") else output_content

    def on_files(self, files, *, config):
        """The theme's files no page loads left out of the site (``theme_files``), and the
        export published compressed (``export_file``)."""
        search = material_search(config)
        languages = list(search.config.lang or []) if search else None
        for file in unloaded_theme_files(files, config.theme.dirs, languages):
            files.remove(file)
        return self.export.publish(files, config)

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
