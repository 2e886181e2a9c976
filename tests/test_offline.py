"""The built seed site fetches nothing from another host (no fonts, CDNs, trackers).

Fast and browser-free: every HTML, CSS and SVG file of the site is scanned
for addresses a browser would load by itself (``src``, stylesheet and icon
``href``, ``srcset``, CSS ``url()`` and ``@import``). Plain ``<a href>`` links
are not fetched and are allowed. The theme's JavaScript names a few CDN
addresses it loads only for features this site does not use; each is listed
with the check that the feature is off.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html.parser import HTMLParser
from pathlib import Path

import pytest

pytestmark = pytest.mark.model

REMOTE = re.compile(r"^\s*(?:https?:)?//", re.I)
CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""", re.I)
FETCHING_ATTRS = {"src", "srcset", "poster", "data", "background", "xlink:href"}
FETCHING_LINK_RELS = {"stylesheet", "icon", "shortcut", "apple-touch-icon", "preload",
                      "prefetch", "preconnect", "dns-prefetch", "modulepreload", "manifest"}
CDN_HOSTS = re.compile(r"https?://(?:[\w-]+\.)*(?:unpkg\.com|jsdelivr\.net|cdnjs\.cloudflare\.com|"
                       r"googleapis\.com|gstatic\.com|api\.github\.com|bootstrapcdn\.com)[^\s\"'`]*")


class FetchedUrls(HTMLParser):
    """Collects every address a browser would fetch while loading one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k.lower(): v or "" for k, v in attrs}
        self._in_style = tag == "style"
        for name in FETCHING_ATTRS & values.keys():
            self.urls += [part.split()[0] for part in values[name].split(",") if part.strip()]
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels & FETCHING_LINK_RELS:
            self.urls.append(values.get("href", ""))
        if tag == "meta" and values.get("http-equiv", "").lower() == "refresh":
            self.urls.append(values.get("content", "").partition("url=")[2])
        self.urls += css_urls(values.get("style", ""))

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.urls += css_urls(data)


def css_urls(text: str) -> list[str]:
    """Addresses in CSS ``url(...)`` and ``@import``."""
    return [a or b for a, b in CSS_URL.findall(text)]


def remote_fetches(site: Path) -> dict[str, list[str]]:
    """Site file -> remote addresses it would fetch (empty when the site is offline)."""
    found: dict[str, list[str]] = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in {".html", ".svg"}:
            parser = FetchedUrls()
            parser.feed(path.read_text(encoding="utf-8", errors="replace"))
            urls = parser.urls
        elif path.suffix == ".css":
            urls = css_urls(path.read_text(encoding="utf-8", errors="replace"))
        else:
            continue
        remote = [u for u in urls if REMOTE.match(u)]
        if remote:
            found[str(path.relative_to(site))] = remote
    return found


def all_html(site: Path) -> str:
    return "\n".join(p.read_text(encoding="utf-8") for p in site.rglob("*.html"))


#: CDN addresses in the theme's JavaScript, and why the site never loads them.
CONDITIONAL: dict[str, Callable[[str], bool]] = {
    "https://unpkg.com/mermaid": lambda html: 'class="mermaid"' not in html,
    "https://unpkg.com/resize-observer-polyfill": lambda html: True,  # only without ResizeObserver
    "https://api.github.com/": lambda html: "md-source" not in html,  # only with repo_url
}


@pytest.mark.parametrize("snippet, expected", [
    ('<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Roboto">',
     ["https://fonts.googleapis.com/css?family=Roboto"]),
    ('<link rel="preconnect" href="https://fonts.gstatic.com" crossorigin>',
     ["https://fonts.gstatic.com"]),
    ('<script src="//cdn.jsdelivr.net/x.js"></script>', ["//cdn.jsdelivr.net/x.js"]),
    ('<img srcset="https://a.example/1.png 1x, https://a.example/2.png 2x">',
     ["https://a.example/1.png", "https://a.example/2.png"]),
    ("<style>@import 'https://x.example/a.css'; b{background:url(https://x.example/b.png)}</style>",
     ["https://x.example/a.css", "https://x.example/b.png"]),
    ('<div style="background: url(&quot;https://x.example/c.png&quot;)"></div>',
     ["https://x.example/c.png"]),
    ('<a href="https://example.org/article">source</a>', []),          # a link, not a fetch
    ('<link rel="canonical" href="https://example.org/">', []),
    ('<img src="../assets/images/favicon.png">', []),                  # local
    ('<script src="assets/javascripts/bundle.js"></script>', []),
])
def test_scanner_finds_remote_fetches(tmp_path: Path, snippet: str, expected: list[str]) -> None:
    (tmp_path / "index.html").write_text(f"<html><head>{snippet}</head></html>", encoding="utf-8")
    assert remote_fetches(tmp_path).get("index.html", []) == expected


def test_built_site_fetches_nothing_remote(seed_site: Path) -> None:
    assert remote_fetches(seed_site / "site") == {}


def test_theme_javascript_cdn_addresses_are_never_used(seed_site: Path) -> None:
    site = seed_site / "site"
    html = all_html(site)
    for script in site.rglob("*.js"):
        for url in CDN_HOSTS.findall(script.read_text(encoding="utf-8", errors="replace")):
            reason = next((check for prefix, check in CONDITIONAL.items() if url.startswith(prefix)),
                          None)
            assert reason is not None, f"{script.name} may fetch {url}"
            assert reason(html), f"{script.name} will fetch {url}: its feature is on"


def test_no_google_fonts_or_external_stylesheets(seed_site: Path) -> None:
    html = all_html(seed_site / "site")
    assert "fonts.googleapis" not in html and "fonts.gstatic" not in html
