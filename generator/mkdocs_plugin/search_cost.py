"""Material's search plugin at lower cost, with the same search index and HTML.

The search plugin feeds every page's HTML to an ``html.parser`` subclass that skips
what ``data-search-exclude`` marks: an element so marked, or a section under a heading
so marked. On generated pages most of the HTML is excluded (a source's text, an entity's
summary, mentions and related lists), yet the parser still reads each of its tags.
``hide_unsearched`` sets aside the parts whose reading cannot change the index;
``show_unsearched`` puts them back, stripped of the ``data-search-*`` attributes as the
search plugin strips them from the rest of the page.

Which parts (top-level blocks of the page, so no excluded ancestor is open; the whole
page must tokenize as balanced HTML, else nothing is hidden):

- the inside of an element marked ``data-search-exclude``, when it holds no heading and
  no element of its own tag name (the parser compares elements by tag name, so an inner
  element of the same name would end the exclusion early);
- the blocks after a heading marked ``data-search-exclude`` up to the next top-level
  heading, when they hold no heading: their text only ever reaches that excluded section.

The marked element or heading itself stays, so sections and their order stay the same.
"""

from __future__ import annotations

import re

HIDDEN_MARK = "<!--briefing-unsearched-{}-->"
"""Stands in for a part of the page while the search plugin reads it."""

SEARCH_ATTRIBUTE = re.compile(r"\s?data-search-\w+=\"[^\"]+\"")
"""The attributes the search plugin removes from a page once it has read it (its own regex)."""

VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                       "param", "source", "track", "wbr"})
"""Tags without an end tag, as the search plugin's parser lists them."""

_TOKEN = re.compile(
    r"<(/?)([a-zA-Z][-.:\w]*)([^>\"']*(?:(?:\"[^\"]*\"|'[^']*')[^>\"']*)*)>|<!--.*?-->|<[a-zA-Z/!?]",
    re.DOTALL)
"""A start or end tag (group 2 its name, group 3 its attributes), a comment, or the start of
markup this module does not read (which leaves the page as it is)."""

_ATTRIBUTE = re.compile(r"([^\s/>\"'=]+)(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?")
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_UNREAD = frozenset({"script", "style", "object", "title", "textarea", "xmp", "iframe", "noembed",
                     "noframes", "noscript", "plaintext"})
"""Tags whose content the parser skips by name or (in some Python versions) reads as raw text:
pages with one are left as they are."""


def excluded(attributes: str) -> bool:
    """Whether a start tag's ``attributes`` include ``data-search-exclude``."""
    return "data-search-exclude" in attributes and any(
        name.lower() == "data-search-exclude" for name in _ATTRIBUTE.findall(attributes))


class _Scan:
    """One pass over the tags of a page, tracking the open elements and the part being hidden."""

    def __init__(self) -> None:
        self.open: list[str] = []
        self.spans: list[tuple[int, int]] = []
        self.start = -1
        """Where the part being considered starts (-1: none)."""
        self.element = ""
        """Tag name of the excluded element whose inside is considered; "" for a section."""
        self.heading_closes = ""
        """End tag name of an excluded top-level heading still open."""

    def start_tag(self, match: re.Match[str], name: str) -> None:
        if self.start >= 0 and (name in _HEADINGS or name == self.element):
            if not self.element and not self.open:  # the next section: the hidden part ends here
                self.spans.append((self.start, match.start()))
            self.start = -1
        if not self.open and self.start < 0 and excluded(match[3]):
            if name in _HEADINGS:
                self.heading_closes = name
            else:
                self.start, self.element = match.end(), name
        self.open.append(name)

    def end_tag(self, match: re.Match[str], name: str) -> bool:
        if not self.open or self.open.pop() != name:
            return False
        if not self.open:
            if self.element and self.start >= 0:
                self.spans.append((self.start, match.start()))
                self.start, self.element = -1, ""
            elif self.heading_closes == name:
                self.start, self.element, self.heading_closes = match.end(), "", ""
        return True


def unsearched_spans(html: str) -> list[tuple[int, int]]:
    """The parts of ``html`` (start, end) that the search plugin reads without effect; none when
    the page holds markup this module does not read or its tags do not balance."""
    if "data-search-exclude" not in html:
        return []
    scan = _Scan()
    for match in _TOKEN.finditer(html):
        name = match[2]
        if name is None:
            if match.group().startswith("<!--"):
                continue
            return []
        name = name.lower()
        if name in _UNREAD:
            return []
        if match[1]:
            if not scan.end_tag(match, name):
                return []
        elif name not in VOID_TAGS and not match[3].endswith("/"):
            scan.start_tag(match, name)
    if scan.open:
        return []
    if scan.start >= 0 and not scan.element:
        scan.spans.append((scan.start, len(html)))
    return [(start, end) for start, end in scan.spans if end > start]


def hide_unsearched(html: str) -> tuple[str, list[str]]:
    """``html`` with each unsearched part replaced by a numbered ``HIDDEN_MARK``, and the parts."""
    out, hidden, cursor = [], [], 0
    for start, end in unsearched_spans(html):
        out += [html[cursor:start], HIDDEN_MARK.format(len(hidden))]
        hidden.append(html[start:end])
        cursor = end
    return "".join(out) + html[cursor:], hidden


def show_unsearched(html: str, hidden: list[str]) -> str:
    """The inverse of ``hide_unsearched``, with the search plugin's attributes removed from the
    parts as the plugin removed them from the rest."""
    for number, part in enumerate(hidden):
        html = html.replace(HIDDEN_MARK.format(number), SEARCH_ATTRIBUTE.sub("", part), 1)
    return html
