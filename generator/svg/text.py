"""Safe text for hand-written SVG: escaping, link targets and readable labels.

Article text is untrusted, so every label and link that goes into an SVG
passes through here. The SVG this produces has no script and no external
reference, and it renders the same in a browser page, inlined in MkDocs
Markdown (wrap it in a ``<div>``: Python-Markdown does not treat ``<svg>`` as a
block element) and in WeasyPrint.
"""

from __future__ import annotations

import re
from xml.sax.saxutils import escape

_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_UNSAFE_SCHEME = re.compile(r"^\s*(javascript|vbscript|data|file)\s*:", re.IGNORECASE)
LABEL_SIZE = 11.0
"""Font size every label inherits from the ``<svg>`` element unless it states its own."""
INK = "#1a1a1a"
"""Colour of the labels' glyphs."""
TEXT_DEFAULTS = f'font-family="Helvetica, Arial, sans-serif" font-size="{LABEL_SIZE:g}" fill="{INK}"'
"""Text attributes set once on the ``<svg>`` element and inherited by every label (every
shape states its own fill). Not ``text-anchor``: WeasyPrint applies an inherited anchor to
a link's shapes too, shifting the circle of a linked node off its place, so a label inside a
link states its own (``text_element``)."""
HALO = 'fill="#fff" stroke="#fff" stroke-width="3" stroke-linejoin="round"'
"""Paint of a label's halo: a white copy of its glyphs, outlined, drawn underneath them. A
second copy is used instead of ``paint-order`` because WeasyPrint and some viewers ignore
that property, which would paint the halo over the glyphs."""


def text(value: str) -> str:
    """Escape text content for XML, dropping characters XML cannot hold."""
    return escape(_INVALID_XML.sub("", value))


def attr(value: str) -> str:
    """Escape a value for a double-quoted XML attribute."""
    return escape(_INVALID_XML.sub("", value), {'"': "&quot;", "\n": "&#10;", "\t": "&#9;"})


def href(value: str) -> str:
    """Escape a link target, replacing script-capable schemes with "#"."""
    return attr("#" if _UNSAFE_SCHEME.match(value) else value)


def num(value: float) -> str:
    """Format a coordinate with one decimal, without "-0.0" or trailing ".0"."""
    rounded = round(value, 1)
    if rounded == 0:
        return "0"
    return f"{rounded:.1f}".removesuffix(".0")


def text_element(x: float, y: float, content: str, size: float = LABEL_SIZE, anchor: str = "start",
                 css_class: str = "", hidden: bool = False, inherited_size: float = LABEL_SIZE,
                 inherited_anchor: str = "start") -> str:
    """One ``<text>`` stating only what it does not inherit.

    ``inherited_size`` and ``inherited_anchor`` are what the enclosing elements give it
    ("start" is SVG's initial anchor). ``hidden`` adds ``display="none"``: a stylesheet may
    show the text (a presentation attribute yields to any CSS rule).
    """
    own = f' class="{attr(css_class)}"' if css_class else ""
    own += f' x="{num(x)}" y="{num(y)}"'
    if anchor != inherited_anchor:
        own += f' text-anchor="{anchor}"'
    if num(size) != num(inherited_size):
        own += f' font-size="{num(size)}"'
    if hidden:
        own += ' display="none"'
    return f"<text{own}>{text(content)}</text>"


def open_svg(width: int, height: int, title: str, css_class: str, style: str = "") -> str:
    """The opening ``<svg>`` tag plus an accessible ``<title>``.

    The drawing fills its container up to its natural width and takes its height
    from the ``viewBox`` ratio; a fixed ``height`` would leave empty bands in
    WeasyPrint when the page is narrower than the drawing. The labels inherit
    ``TEXT_DEFAULTS`` from it. ``style``: more declarations for its ``style`` attribute
    (e.g. a custom property a page's stylesheet reads).
    """
    more = f";{attr(style)}" if style else ""
    return (f'<svg xmlns="http://www.w3.org/2000/svg" '
            f'xmlns:xlink="http://www.w3.org/1999/xlink" class="{attr(css_class)}" '
            f'width="100%" viewBox="0 0 {width} {height}" style="max-width:{width}px{more}" '
            f'{TEXT_DEFAULTS} role="img">\n<title>{text(title)}</title>')
