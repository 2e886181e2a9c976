"""Inline SVG without namespace declarations, in the site's HTML pages.

An ``<svg>`` inside an HTML page is put in the SVG namespace by the HTML parser
itself, and its ``xlink:href`` attributes in the XLink namespace, whatever the
tag declares; the ``xmlns`` and ``xmlns:xlink`` attributes only matter to an XML
parser (a standalone ``.svg`` file). Material's icons (header, search, palette
toggle; 34 bytes each, eight a page) and the generated figures carry them: dropped
from the built pages only, so the figures the PDF and the ``.svg`` files use keep
them. minify-html has no option for it.
"""

from __future__ import annotations

import re

_SVG_START_TAG = re.compile(r"<svg(?=[\s>])[^>]*>")
"""An ``<svg ...>`` start tag (no attribute value of an inline SVG's tag holds ">")."""
_NAMESPACE = r"http://www\.w3\.org/(?:2000/svg|1999/xlink)"
_NAMESPACE_DECLARATION = re.compile(
    rf"""\s+xmlns(?::xlink)?=(?:"{_NAMESPACE}"|'{_NAMESPACE}'|{_NAMESPACE}(?=[\s>]))""")
"""The SVG namespace or the XLink prefix declared, its value quoted or not (minify-html leaves
it unquoted: then it ends at a space or the tag's end, as the HTML parser reads it)."""


def _without_namespaces(tag: re.Match[str]) -> str:
    """The start tag without its namespace declarations."""
    return _NAMESPACE_DECLARATION.sub("", tag.group())


def drop_svg_namespaces(html: str) -> str:
    """``html`` with the SVG and XLink namespace declarations of every ``<svg>`` start tag
    removed; text and every other tag unchanged."""
    if "xmlns" not in html:
        return html
    return _SVG_START_TAG.sub(_without_namespaces, html)
