"""Escaping of untrusted article text and building of links between pages.

Article text is untrusted. Every string a template prints goes through
``md_escape`` (Jinja ``finalize``) unless it is ``Markup`` built here from
already-escaped parts, so nothing from an article is read as Markdown, HTML
or template syntax.
"""

from __future__ import annotations

import html
import posixpath
import re
from functools import lru_cache
from urllib.parse import quote

from markupsafe import Markup

from generator.model import Briefing, Deadline

_SPACE = re.compile(r"\s+")
_HIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
"""Control characters, and bidi embeddings, overrides and isolates (they can make text display
reversed: spoofing); none of them is shown."""
_NOT_AS_SHOWN = re.compile(_HIDDEN_CHARACTERS.pattern + r"|[^\S ]|  ")
"""Anything ``display_text`` would change: a hidden character, a whitespace other than a space,
or two spaces in a row."""
_ESCAPES = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"},
                          "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#x27;"})
"""``html.escape(quote=True)``, and a backslash before each of Python-Markdown's escapable
characters (``markdown.Markdown.ESCAPED_CHARS``) and "|" (tables) of the text, which keeps them
literal: one translation of each character. The "#" of the apostrophe's "&#x27;" is not
backslashed: it cannot start a line, and backslashed it is no entity to the table of contents,
which then showed "It&amp;#x27;s" and made the anchor "itx27s"."""

TYPE_FOLDERS = {
    "person": "people",
    "organization": "organisations",
    "place": "places",
    "group": "groups",
}


def display_text(value: object) -> str:
    """Article text as shown: whitespace runs as one space, control and bidi override characters removed."""
    text = str(value)
    if not _NOT_AS_SHOWN.search(text):
        return text
    return _HIDDEN_CHARACTERS.sub("", _SPACE.sub(" ", text))


def one_line(value: object, limit: int = 140) -> str:
    """Shown text cut at a word boundary to at most ``limit`` characters, "…" marking a cut."""
    text = display_text(value).strip()
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + " …"


def md_escape(value: object) -> str:
    """Literal text for a Markdown page: HTML-escaped, Markdown specials backslashed."""
    if isinstance(value, Markup):
        return str(value)
    if value is None:
        return ""
    return display_text(value).translate(_ESCAPES)


def html_text(value: object) -> str:
    """Article text for a raw-HTML slot (MkDocs titles, an <h1>): shown text, HTML-escaped."""
    return html.escape(display_text(value).strip(), quote=True)


def attr_escape(value: object) -> str:
    """Text safe inside a double-quoted HTML attribute or a link title."""
    return html.escape(_HIDDEN_CHARACTERS.sub("", str(value)), quote=True).replace("\\", "&#92;")


def relative(target: str, from_page: str) -> str:
    """Relative Markdown link from one docs page to another (paths relative to docs/)."""
    path, _, anchor = target.partition("#")
    return _relative_path(path, _folder(from_page)) + ("#" + anchor if anchor else "")


_folder = lru_cache(maxsize=1 << 14)(posixpath.dirname)
"""``posixpath.dirname``, remembered: a page links from one folder hundreds of times."""


@lru_cache(maxsize=1 << 16)
def _relative_path(path: str, folder: str) -> str:
    """``path`` relative to ``folder`` (both docs-relative), quoted for a link; pages link to
    the same few pages from the same few folders, so this is cached."""
    return quote(relative_path(path, folder), safe="/.-_~")


def relative_path(path: str, folder: str) -> str:
    """``posixpath.relpath(path, folder)`` of two docs-relative paths, by their parts (no
    look at the working folder: the site links thousands of times per build)."""
    if ".." in path or ".." in folder or path.startswith("/") or folder.startswith("/"):
        return posixpath.relpath(path or ".", folder or ".")
    target = [part for part in path.split("/") if part not in ("", ".")]
    start = [part for part in folder.split("/") if part not in ("", ".")]
    common = 0
    while common < min(len(target), len(start)) and target[common] == start[common]:
        common += 1
    return "/".join([".."] * (len(start) - common) + target[common:]) or "."


def link(label: object, target: str, from_page: str, title: str = "") -> Markup:
    """A Markdown link with escaped label; ``target`` is a docs-relative path."""
    suffix = f' "{attr_escape(title)}"' if title else ""
    return Markup(f"[{md_escape(label)}]({relative(target, from_page)}{suffix})")


LABEL_PREFIX = "S"
"""Source labels are this prefix and a number: S1, S2, ..."""


def source_label(number: int) -> str:
    """The short label of source number ``number`` (1-based): "S1", "S2", ..."""
    return f"{LABEL_PREFIX}{number}"


def label_number(label: str) -> int | None:
    """The number of a label like "S12", None for anything else."""
    digits = label.removeprefix(LABEL_PREFIX)
    return int(digits) if label.startswith(LABEL_PREFIX) and digits.isdigit() else None


def source_labels(briefing: Briefing) -> dict[str, str]:
    """Source id -> its short label, the one numbering every page, the export and the PDF use.

    Labels are stable across builds of one docs/ folder: a source the previous
    build labelled (``briefing.previous``) keeps its label, a new one gets the
    next number after every number given before (a deleted article's number is
    not given again), in file order. Without a previous build (a clean build)
    sources are numbered in file order from S1. So deleting or adding one
    article changes no other article's label, and no page that does not show it.
    """
    previous = briefing.previous
    kept = previous.source_labels if previous else {}
    labels = {s.id: kept[s.id] for s in briefing.sources if s.id in kept}
    fresh = dict.fromkeys(s.id for s in briefing.sources if s.id not in labels)
    for number, source_id in enumerate(fresh, start=next_label(briefing, labels)):
        labels[source_id] = source_label(number)
    return labels


def next_label(briefing: Briefing, labels: dict[str, str]) -> int:
    """The number a new source gets after ``labels``: above every number given so far.

    "So far" includes the previous build's ``next_label``, so the number of
    an article deleted since is not given to another one.
    """
    numbers = [label_number(label) or 0 for label in labels.values()]
    given = briefing.previous.next_label if briefing.previous else 1
    return max([given, *(n + 1 for n in numbers)])


def entity_page(entity_type: str, entity_id: str) -> str:
    """Docs-relative path of an entity page."""
    return f"{TYPE_FOLDERS[entity_type]}/{entity_id}.md"


def source_page(source_id: str) -> str:
    """Docs-relative path of a source page."""
    return f"sources/{source_id}.md"


def event_page(event_id: str) -> str:
    """docs-relative path of an event's page."""
    return f"events/{event_id}.md"


def deadline_page(deadline_id: str) -> str:
    """docs-relative path of a deadline's page."""
    return f"deadlines/{deadline_id}.md"


def deadline_target(deadline: Deadline) -> str:
    """Docs-relative page of a deadline, "" when the page-count policy gave it none
    (``Deadline.has_page``): it is then a row of the Deadlines index, shown with its citations."""
    return deadline_page(deadline.id) if deadline.has_page else ""


def sentence_target(source_id: str, sentence: int) -> str:
    """Docs-relative path to one sentence of a source."""
    return f"{source_page(source_id)}#s-{sentence}"


def external_link(url: object) -> Markup:
    """A link to an http(s) address; any other scheme is shown as plain text."""
    text = str(url or "").strip()
    if not re.match(r"^https?://[^\s<>\"']+$", text):
        return Markup(md_escape(text))
    return Markup(f'<a href="{attr_escape(text)}" rel="noopener nofollow">{html.escape(text)}</a>')


def page_url(md_path: str) -> str:
    """Site URL of a docs page with MkDocs ``use_directory_urls: true`` ("people/a.md" -> "people/a/")."""
    path, _, anchor = md_path.partition("#")
    stem = path.removesuffix(".md")
    url = "" if stem == "index" else stem.removesuffix("/index").removesuffix("index") + "/"
    return url.lstrip("/") + ("#" + anchor if anchor else "")


def html_href(target_md: str, from_md: str) -> str:
    """Relative href for raw HTML (e.g. inline SVG), where MkDocs does not rewrite .md links."""
    target, from_url = page_url(target_md), page_url(from_md)
    path, _, anchor = target.partition("#")
    rel = relative_path(path, from_url)
    rel = "./" if rel == "." else rel + "/"
    return quote(rel, safe="/.-_~") + ("#" + anchor if anchor else "")
