"""Reading a built MkDocs site: pages, links, anchors (stdlib only)."""

from __future__ import annotations

import gzip
import json
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit


class Html5Parser(HTMLParser):
    """``HTMLParser`` reading ``<title>`` and ``<textarea>`` as text up to their end tag, as HTML5
    (and every browser) does: a minified page may print ``<`` unescaped there, which the stdlib
    parser of Python 3.11 would otherwise take for markup. Their text is passed on undecoded."""

    CDATA_CONTENT_ELEMENTS = (*HTMLParser.CDATA_CONTENT_ELEMENTS, "title", "textarea")


class _PageParser(Html5Parser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        href = attributes.get("href") or attributes.get("xlink:href")  # SVG links use xlink:href
        if tag == "a" and href:
            self.links.append(href)


def parse(page: Path) -> _PageParser:
    parser = _PageParser()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, page: Path, href: str) -> tuple[Path | None, str]:
    """The file an internal href points at (None for external links) and its fragment."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc or href.startswith(("mailto:", "javascript:")):
        return None, ""
    if not parts.path:
        return page, parts.fragment
    base = site.resolve() if parts.path.startswith("/") else page.parent
    target = (base / unquote(parts.path).lstrip("/")).resolve()
    if target.is_dir() or parts.path.endswith("/"):
        target = target / "index.html"
    return target, parts.fragment


def broken_links(site: Path) -> list[str]:
    """Every internal link or #anchor in the site that does not resolve."""
    parsed = {page.resolve(): parse(page) for page in site.rglob("*.html") if page.name != "404.html"}
    broken = []
    for page, info in parsed.items():
        for href in info.links:
            target, fragment = target_file(site, page, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no such page)")
            elif fragment and target.suffix == ".html" and fragment not in parsed[target].ids:
                broken.append(f"{page.relative_to(site.resolve())}: {href} (no such anchor)")
    return broken


def published_export(site: Path) -> dict:
    """The export as the site publishes it: ``data/briefing.json.gz``, gzip-compressed JSON."""
    return json.loads(gzip.decompress((site / "data" / "briefing.json.gz").read_bytes()))
