"""A static, script-free SVG world map with linked place markers.

The outline is the country geometry that the ``countryinfo`` package ships
(Natural Earth 1:110m shapes as GeoJSON, read from the installed package: no
download, no network). It is drawn in the equirectangular (plate carrée)
projection, so x is linear in longitude and y in latitude, and is cropped to
the markers with padding, widened to the drawing's aspect ratio, so a regional
story stays readable. Same input, same bytes.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from countryinfo import CountryInfo

from generator.svg import text as svg_text
from generator.svg.labels import Mark, Placed, circle, halo_layer, label_markup, phone_size, place_labels

_WORLD = (-180.0, -58.0, 180.0, 84.0)
"""Default view (west, south, east, north): every inhabited land."""
_MIN_SPAN_LON = 24.0
_PAD_FRACTION, _PAD_MIN = 0.25, 4.0
_R_MIN, _R_MAX = 4.0, 12.0

Ring = list[tuple[float, float]]
"""A closed line of (lon, lat) points."""


@dataclass(frozen=True)
class MapMarker:
    """One place to mark on the map."""

    label: str
    """Place name shown beside the marker (untrusted; escaped on output)."""
    lat: float
    """Latitude in degrees, north positive."""
    lon: float
    """Longitude in degrees, east positive."""
    href: str
    """Link target of the marker (escaped on output)."""
    count: int = 1
    """Mentions of the place; sets the marker's size."""


@dataclass(frozen=True)
class _View:
    """The part of the world shown and how it maps to pixels."""

    west: float
    north: float
    scale: float
    """Pixels per degree, the same for longitude and latitude."""
    width: int
    """Width of the drawing in pixels."""

    def xy(self, lon: float, lat: float) -> tuple[float, float]:
        return (lon - self.west) * self.scale, (self.north - lat) * self.scale


def render_map(markers: Sequence[MapMarker], width: int = 900, height: int = 460,
               title: str = "Places in the story") -> str:
    """Draw the markers on a world outline as a standalone ``<svg>`` element.

    Args:
        markers: Places to mark; ones with latitude outside [-90, 90] or longitude
            outside [-180, 180] are left out.
        width: Width of the drawing in pixels.
        height: Height of the drawing in pixels.
        title: Accessible title of the picture.

    Returns:
        The SVG markup, without blank lines, safe to inline in HTML or Markdown.
    """
    shown = sorted((m for m in markers if -90 <= m.lat <= 90 and -180 <= m.lon <= 180),
                   key=lambda m: (-m.count, m.label, m.lat, m.lon, m.href))
    view = _view(shown, width, height)
    parts = [svg_text.open_svg(width, height, title, "briefing-map"),
             f'<rect width="{width}" height="{height}" fill="#eaf2f8"/>',
             _outline(view, width, height)]
    top = max((m.count for m in shown), default=1)
    marks = [Mark(str(n), m.label, *view.xy(m.lon, m.lat), _radius(m.count, top))
             for n, m in enumerate(shown)]
    labels = place_labels(marks, width, height, svg_text.LABEL_SIZE)
    phone = place_labels(marks, width, height, phone_size(width))
    halos = halo_layer(marks, labels, phone)
    parts += [halos] if halos else []
    parts += [_marker(m, mark, labels.get(mark.key), phone.get(mark.key))
              for m, mark in zip(shown, marks, strict=True)]
    parts.append("</svg>")
    return "\n".join(parts)


def _view(markers: Sequence[MapMarker], width: int, height: int) -> _View:
    """Fit the markers' bounding box, padded, into the drawing at one scale for both axes."""
    if not markers:
        west, south, east, north = _WORLD
    else:
        west, east = min(m.lon for m in markers), max(m.lon for m in markers)
        south, north = min(m.lat for m in markers), max(m.lat for m in markers)
        pad = max(_PAD_MIN, _PAD_FRACTION * max(east - west, north - south))
        west, east, south, north = west - pad, east + pad, south - pad, north + pad
    span_lon = max(east - west, _MIN_SPAN_LON, (north - south) * width / height)
    span_lon = min(span_lon, 360.0)
    span_lat = span_lon * height / width
    mid_lon, mid_lat = (west + east) / 2, (south + north) / 2
    west = min(max(mid_lon - span_lon / 2, -180.0), 180.0 - span_lon)
    north = min(max(mid_lat + span_lat / 2, -90.0 + span_lat), 90.0)
    return _View(west=west, north=north, scale=width / span_lon, width=width)


def _radius(count: int, top: int) -> float:
    return _R_MIN + (_R_MAX - _R_MIN) * math.sqrt(max(count, 0) / max(top, 1))


def _outline(view: _View, width: int, height: int) -> str:
    """One ``<path>`` per country that shows in the view."""
    paths = []
    for name, rings in _countries():
        data = _path_data(rings, view, width, height)
        if data:
            paths.append(f'<path d="{data}"><title>{svg_text.text(name)}</title></path>')
    return ('<g class="land" fill="#d5dbe1" fill-rule="evenodd" stroke="#ffffff" '
            'stroke-width="0.6" stroke-linejoin="round">\n' + "\n".join(paths) + "\n</g>")


def _path_data(rings: list[Ring], view: _View, width: int, height: int) -> str:
    """SVG path data for the rings that touch the view, dropping sub-pixel steps."""
    commands = []
    for ring in rings:
        points = [view.xy(lon, lat) for lon, lat in ring]
        xs, ys = [p[0] for p in points], [p[1] for p in points]
        if max(xs) < 0 or min(xs) > width or max(ys) < 0 or min(ys) > height:
            continue
        kept = _thin(points)
        if len(kept) >= 3:
            head = f"M{svg_text.num(kept[0][0])} {svg_text.num(kept[0][1])}"
            tail = "".join(f"L{svg_text.num(x)} {svg_text.num(y)}" for x, y in kept[1:])
            commands.append(head + tail + "Z")
    return "".join(commands)


def _thin(points: list[tuple[float, float]], step: float = 0.8) -> list[tuple[float, float]]:
    """Drop points closer than ``step`` pixels to the last kept one."""
    kept = [points[0]]
    for x, y in points[1:]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= step:
            kept.append((x, y))
    return kept


def _marker(marker: MapMarker, mark: Mark, label: Placed | None, phone: Placed | None) -> str:
    """The linked marker with its hover title and the labels that fit."""
    link = svg_text.href(marker.href)
    noun = "mention" if marker.count == 1 else "mentions"
    tooltip = svg_text.text(f"{marker.label} ({marker.count} {noun})")
    return (f'<a xlink:href="{link}" class="marker"><title>{tooltip}</title>'
            + circle(mark, 'fill="#c0392b" fill-opacity="0.85" stroke="#ffffff" stroke-width="1.2"')
            + label_markup(mark, label, phone) + "</a>")


@functools.cache
def _countries() -> tuple[tuple[str, list[Ring]], ...]:
    """Every country's name and rings from countryinfo, sorted by name."""
    shapes: dict[str, list[Ring]] = {}
    for row in CountryInfo.all().values():
        for name, rings in _features(row.get("geoJSON") or {}):
            shapes.setdefault(name, rings)
    return tuple(sorted(shapes.items()))


def _features(geojson: dict) -> Iterator[tuple[str, list[Ring]]]:
    """Yield (name, rings) for each Polygon or MultiPolygon feature; holes are rings too."""
    for feature in geojson.get("features", []):
        geometry = feature.get("geometry") or {}
        coords = geometry.get("coordinates") or []
        polygons = [coords] if geometry.get("type") == "Polygon" else coords
        rings = [[(float(p[0]), float(p[1])) for p in ring]
                 for polygon in polygons for ring in polygon if len(ring) >= 3]
        if rings:
            yield str((feature.get("properties") or {}).get("name", "")), rings
