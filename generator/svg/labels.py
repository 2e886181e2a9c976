"""Label placement: each label beside its mark, never over another label or mark.

A greedy pass in priority order (heaviest mark first): each label tries a few
spots around its mark (below, above, right, left, then the diagonals) and
takes the first that stays inside the drawing and overlaps no mark and no
label placed before it. A label that fits nowhere is left out; its mark keeps
the full name as a hover title. The same pass at a larger font size gives the
phone labels: fewer, and readable when the drawing is shrunk to a phone's width.

Text size is estimated from the character count (``CHAR_EM`` of the font size
per character, a little wider than Helvetica's average, so estimates err on
the side of room).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from generator.svg import text as svg_text

CHAR_EM = 0.64
"""Estimated advance of one character, as a share of the font size."""
GAP = 3.0
"""Space between a mark and its label, in pixels."""
ASCENT, DESCENT = 1.0, 0.3
"""Height above and below the baseline, as shares of the font size: a browser's line box,
a little taller than the ink, so boxes measured in a browser never overlap either."""


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in drawing coordinates."""

    x0: float
    """Left edge."""
    y0: float
    """Top edge."""
    x1: float
    """Right edge."""
    y1: float
    """Bottom edge."""

    def overlaps(self, other: Box) -> bool:
        """True when the two rectangles share any area."""
        return self.x0 < other.x1 and other.x0 < self.x1 and self.y0 < other.y1 and other.y0 < self.y1

    def inside(self, width: float, height: float) -> bool:
        """True when the rectangle lies within a drawing of that size."""
        return self.x0 >= 0 and self.y0 >= 0 and self.x1 <= width and self.y1 <= height


@dataclass(frozen=True)
class Mark:
    """A round mark (node, marker) that wants a label."""

    key: str
    """Identifies the mark in the result."""
    text: str
    """The label text (already shortened for display)."""
    x: float
    """Centre, x."""
    y: float
    """Centre, y."""
    radius: float
    """Radius of the circle drawn."""

    @property
    def box(self) -> Box:
        """The circle's bounding box."""
        return Box(self.x - self.radius, self.y - self.radius, self.x + self.radius, self.y + self.radius)


@dataclass(frozen=True)
class Placed:
    """Where one label goes."""

    x: float
    """Anchor point, x."""
    y: float
    """Baseline, y."""
    anchor: str
    """SVG ``text-anchor``: "start", "middle" or "end"."""
    size: float
    """Font size in pixels."""


def text_box(x: float, y: float, text: str, size: float, anchor: str) -> Box:
    """Estimated bounds of a one-line label drawn at (x, baseline y)."""
    width = CHAR_EM * size * len(text) + 2
    left = {"start": x, "middle": x - width / 2, "end": x - width}[anchor]
    return Box(left, y - ASCENT * size, left + width, y + DESCENT * size)


def candidates(mark: Mark, size: float) -> list[Placed]:
    """Spots around a mark, most preferred first."""
    x, y, r = mark.x, mark.y, mark.radius
    middle = y + 0.35 * size
    below, above = y + r + GAP + ASCENT * size, y - r - GAP - DESCENT * size
    side = r + GAP
    return [
        Placed(x, below, "middle", size), Placed(x, above, "middle", size),
        Placed(x + side, middle, "start", size), Placed(x - side, middle, "end", size),
        Placed(x + side * 0.7, below, "start", size), Placed(x - side * 0.7, below, "end", size),
        Placed(x + side * 0.7, above, "start", size), Placed(x - side * 0.7, above, "end", size),
    ]


def place_labels(marks: Sequence[Mark], width: float, height: float, size: float,
                 reserved: Sequence[Box] = ()) -> dict[str, Placed]:
    """Label positions for the marks that fit, in the given priority order.

    Args:
        marks: Marks in priority order (the first gets the best spot).
        width: Width of the drawing.
        height: Height available for labels (leave out a legend band).
        size: Font size of the labels.
        reserved: Other areas labels must keep off (a legend, a title).

    Returns:
        Mark key -> position, for the marks whose label fits somewhere.
    """
    circles = [m.box for m in marks]
    taken = list(reserved)
    placed: dict[str, Placed] = {}
    for number, mark in enumerate(marks):
        if not mark.text:
            continue
        for spot in candidates(mark, size):
            box = text_box(spot.x, spot.y, mark.text, size, spot.anchor)
            if box.inside(width, height) and not _hits(box, taken, circles, number):
                placed[mark.key] = spot
                taken.append(box)
                break
    return placed


def phone_size(width: float, readable: float = 11.0, phone_width: float = 360.0) -> float:
    """Font size that reads as ``readable`` pixels when the drawing is shrunk to a phone's width."""
    return round(readable * max(width / phone_width, 1.0), 1)


def _hits(box: Box, labels: list[Box], circles: list[Box], own: int) -> bool:
    """True when the box overlaps a placed label or any mark but its own."""
    return any(box.overlaps(t) for t in labels) or any(
        box.overlaps(c) for i, c in enumerate(circles) if i != own)


def label_markup(mark: Mark, desktop: Placed | None, phone: Placed | None, styled: bool = False) -> str:
    """The mark's label and its phone label (hidden unless a narrow-screen stylesheet shows
    it), to go inside the mark's link; ``halo_layer`` draws their halos.

    ``styled``: the page's stylesheet hides and sizes the phone label, and the labels sit in a
    group centring them (``graph.render_graph(stylesheet=True)``), so each states its place only.
    """
    if styled:
        return "".join(svg_text.text_element(p.x, p.y, mark.text, p.size, p.anchor, css,
                                             inherited_size=p.size, inherited_anchor="middle")
                       for p, css in ((desktop, "label"), (phone, "label-phone")) if p)
    texts = [svg_text.text_element(p.x, p.y, mark.text, p.size, p.anchor, css, hide)
             for p, css, hide in ((desktop, "label", False), (phone, "label-phone", True)) if p]
    return "".join(texts)


def halo_layer(marks: Sequence[Mark], desktop: dict[str, Placed], phone: dict[str, Placed]) -> str:
    """The halos of every placed label, in one group drawn before the marks.

    A halo is a white copy of the label's glyphs, outlined, that keeps edges and
    borders off the text. Drawn separately from the marks' links, the halos share
    their paint and anchor through the group: outside any link, an inherited
    ``text-anchor`` moves no circle in WeasyPrint. The phone halos form a group
    hidden like the phone labels (the site's stylesheet shows both on narrow screens).
    Empty when no label is placed.
    """
    layers = [_halo_group(marks, desktop, "label-halo", hidden=False),
              _halo_group(marks, phone, "label-phone-halo", hidden=True)]
    body = "\n".join(layer for layer in layers if layer)
    return f'<g {svg_text.HALO} text-anchor="middle" aria-hidden="true">\n{body}\n</g>' if body else ""


def _halo_group(marks: Sequence[Mark], placed: dict[str, Placed], css_class: str, hidden: bool) -> str:
    """One class of halos: the group states the font size of its first label."""
    spots = [(m, placed[m.key]) for m in marks if m.key in placed]
    if not spots:
        return ""
    size = spots[0][1].size
    opening = f'<g class="{css_class}"'
    if svg_text.num(size) != svg_text.num(svg_text.LABEL_SIZE):
        opening += f' font-size="{svg_text.num(size)}"'
    opening += ' display="none">' if hidden else ">"
    texts = [svg_text.text_element(p.x, p.y, m.text, p.size, p.anchor, inherited_size=size,
                                   inherited_anchor="middle") for m, p in spots]
    return opening + "".join(texts) + "</g>"


def circle(mark: Mark, style: str) -> str:
    """The mark's circle; ``style`` holds its fill and stroke attributes ("": a stylesheet's)."""
    return (f'<circle cx="{svg_text.num(mark.x)}" cy="{svg_text.num(mark.y)}" '
            f'r="{svg_text.num(mark.radius)}"{" " + style if style else ""}/>')
