"""Markdown conversion at lower cost, with the same HTML: extensions the plugin adds.

``LeanInlinePatterns`` leaves out the inline patterns that cannot match on a page and reads
the common forms of a link's ``(url "title")`` with one regex (``QuickLinkProcessor``);
``FigureStash`` keeps each generated figure as one raw HTML block instead of parsing
its tags; ``hide_figures`` / ``show_figures`` keep the figures out of the search
plugin's HTML parser (a figure is never searched: its section is excluded).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from xml.etree.ElementTree import Element

from markdown import Markdown, inlinepatterns
from markdown.extensions import Extension
from markdown.extensions.tables import TableProcessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor
from markdown.util import Registry

_REFERENCE_PATTERNS = {
    (inlinepatterns.ReferenceInlineProcessor, inlinepatterns.REFERENCE_RE),
    (inlinepatterns.ShortReferenceInlineProcessor, inlinepatterns.REFERENCE_RE),
    (inlinepatterns.ImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE),
    (inlinepatterns.ShortImageReferenceInlineProcessor, inlinepatterns.IMAGE_REFERENCE_RE),
}
"""Python-Markdown's ``[text][id]``, ``[id]`` and their image forms: each reads every ``[`` of
a page and gives up unless ``id`` is a reference the page defines."""

class QuickLinkProcessor(inlinepatterns.LinkInlineProcessor):
    """Python-Markdown's link pattern, reading ``(url)`` and ``(url "title")`` with one regex
    instead of character by character; every other form goes to the original's reader.

    The regex takes only what that reader resolves the same way: a URL without spaces, quotes,
    brackets or parentheses, then optionally spaces and a title in double quotes holding no
    double quote or parenthesis, right before the closing parenthesis.
    """

    SIMPLE_LINK = re.compile(r'\(([^\s"\'()<>\\]*)(?: +"([^"()]*)")?\)')

    def getLink(self, data: str, index: int) -> tuple[str, str | None, int, bool]:  # noqa: N802
        match = self.SIMPLE_LINK.match(data, index)
        if match is None:
            return super().getLink(data, index)
        href, title = match.group(1, 2)
        if title is not None:
            title = self.RE_TITLE_CLEAN.sub(" ", inlinepatterns.dequote(self.unescape(title.strip())))
        return self.unescape(href).strip(), title, match.end(), True


_REQUIRED_TEXT = {
    (inlinepatterns.BacktickInlineProcessor, inlinepatterns.BACKTICK_RE): "`",
    (inlinepatterns.EscapeInlineProcessor, inlinepatterns.ESCAPE_RE): "\\",
    (inlinepatterns.LinkInlineProcessor, inlinepatterns.LINK_RE): "[",
    (QuickLinkProcessor, inlinepatterns.LINK_RE): "[",
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
        if "link" not in md.inlinePatterns:
            return
        link = md.inlinePatterns["link"]
        if type(link) is inlinepatterns.LinkInlineProcessor and link.pattern == inlinepatterns.LINK_RE:
            priority = next(item.priority for item in md.inlinePatterns._priority if item.name == "link")  # noqa: SLF001
            md.inlinePatterns.register(QuickLinkProcessor(inlinepatterns.LINK_RE, md), "link", priority)


class QuickTableProcessor(TableProcessor):
    """Python-Markdown's table processor, splitting a row without backticks into cells with one
    regex: its ``_split`` then cuts at every ``|`` that is not escaped (``\\|``), as this does;
    rows with backticks (a ``|`` in code stays) go to the original."""

    CELL_BREAKS = re.compile(r"\\[\\|]|\|")

    def _split(self, row: str) -> list[str]:
        if "`" in row:
            return super()._split(row)
        if "\\" not in row:
            return row.split("|")
        cells, start = [], 0
        for match in self.CELL_BREAKS.finditer(row):
            if match.group() == "|":
                cells.append(row[start:match.start()])
                start = match.end()
        return [*cells, row[start:]]


class QuickTables(Extension):
    """Markdown extension: the ``tables`` extension's rows split with one regex (same HTML)."""

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        if "table" not in md.parser.blockprocessors:
            return
        table = md.parser.blockprocessors["table"]
        if type(table) is TableProcessor:
            registry = md.parser.blockprocessors
            priority = next(item.priority for item in registry._priority if item.name == "table")  # noqa: SLF001
            registry.register(QuickTableProcessor(md.parser, table.config), "table", priority)


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


FIGURE_MARK = "<!--briefing-figure-{}-->"
"""Stands in for a figure while the search plugin reads a page."""


def hide_figures(html: str) -> tuple[str, list[str]]:
    """``html`` with each figure (``FIGURE_OPEN`` to the next ``FIGURE_CLOSE``) replaced by a
    numbered ``FIGURE_MARK``, and the figures in order."""
    out, figures, cursor = [], [], 0
    while (start := html.find(FIGURE_OPEN, cursor)) >= 0:
        end = html.find(FIGURE_CLOSE, start)
        if end < 0:
            break
        end += len(FIGURE_CLOSE)
        out += [html[cursor:start], FIGURE_MARK.format(len(figures))]
        figures.append(html[start:end])
        cursor = end
    return "".join(out) + html[cursor:], figures


def show_figures(html: str, figures: list[str]) -> str:
    """The inverse of ``hide_figures``."""
    for number, figure in enumerate(figures):
        html = html.replace(FIGURE_MARK.format(number), figure, 1)
    return html

