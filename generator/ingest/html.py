"""Article text and metadata of an HTML file.

trafilatura finds the main text and the metadata. When it finds nothing,
which happens for pages nested deeper than its parser follows (thousands of
``<div>``s), the visible text is read with the standard library's
event-based parser, which has no depth limit: block elements become
paragraphs, scripts, styles and the head are left out.
"""

from __future__ import annotations

from html.parser import HTMLParser
from typing import Any

from generator.ingest.files import ArticleError

_BLOCKS = frozenset({"p", "div", "br", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "article",
                     "section", "blockquote", "pre", "td", "th", "dd", "dt", "figcaption", "hr"})
_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})


def from_html(html: str) -> tuple[str, dict[str, Any]]:
    """(main text, metadata) of an HTML page.

    Raises:
        ArticleError: the page holds no visible text.
    """
    import trafilatura  # imported here: slow to import, needed only for HTML

    extracted = trafilatura.extract(html, include_comments=False, include_tables=False)
    if not extracted or not extracted.strip():
        extracted = visible_text(html)
    if not extracted.strip():
        raise ArticleError("no article text found in the HTML")
    meta_doc = trafilatura.extract_metadata(html)
    meta: dict[str, Any] = {}
    if meta_doc is not None:
        found = {"title": meta_doc.title, "outlet": meta_doc.sitename, "url": meta_doc.url,
                 "published": meta_doc.date}
        meta = {k: v for k, v in found.items() if v}
    return extracted, meta


class _TextParser(HTMLParser):
    """Collects visible text, one line per block element."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def visible_text(html: str) -> str:
    """The visible text of ``html``, one paragraph per line, blank lines dropped."""
    parser = _TextParser()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)
