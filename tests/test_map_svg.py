"""The world map SVG: valid XML, outline, marker placement, escaping, determinism."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from generator.svg.map import MapMarker, render_map

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
HOSTILE = "<script>alert(1)</script>"

PARIS = MapMarker("Paris", 48.8566, 2.3522, "places/paris.md", 5)
NEW_YORK = MapMarker("New York", 40.7128, -74.006, "places/new-york.md", 2)
CAIRO = MapMarker("Cairo", 30.0444, 31.2357, "places/cairo.md", 1)


def _centres(svg: str) -> dict[str, tuple[float, float]]:
    centres = {}
    for link in ET.fromstring(svg).iter(f"{SVG}a"):
        circle = link.find(f"{SVG}circle")
        centres[link.get(XLINK_HREF, "")] = (float(circle.get("cx")), float(circle.get("cy")))
    return centres


def test_svg_parses_with_one_link_per_marker() -> None:
    svg = render_map([PARIS, NEW_YORK, CAIRO])
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert sorted(a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")) == sorted(
        m.href for m in (PARIS, NEW_YORK, CAIRO))


def test_outline_has_country_paths() -> None:
    root = ET.fromstring(render_map([PARIS, NEW_YORK, CAIRO]))
    paths = list(root.iter(f"{SVG}path"))
    assert len(paths) > 50
    assert all(p.get("d", "").startswith("M") for p in paths)


def test_markers_sit_where_the_places_are() -> None:
    centres = _centres(render_map([PARIS, NEW_YORK, CAIRO]))
    paris, new_york, cairo = (centres[m.href] for m in (PARIS, NEW_YORK, CAIRO))
    assert paris[0] > new_york[0]
    assert paris[1] < cairo[1]
    assert cairo[0] > paris[0]


def test_world_view_uses_plate_carree() -> None:
    west = MapMarker("W", 0.0, -170.0, "w.md")
    east = MapMarker("E", 0.0, 170.0, "e.md")
    centres = _centres(render_map([west, east], width=900, height=450))
    (xw, yw), (xe, ye) = centres["w.md"], centres["e.md"]
    assert yw == ye
    assert (xe - xw) / 340 * 360 <= 900 + 1


def test_regional_story_is_cropped_to_its_markers() -> None:
    kyiv = MapMarker("Kyiv", 50.45, 30.52, "kyiv.md")
    lviv = MapMarker("Lviv", 49.84, 24.03, "lviv.md")
    centres = _centres(render_map([kyiv, lviv], width=900, height=460))
    assert centres["kyiv.md"][0] - centres["lviv.md"][0] > 100


def test_marker_size_follows_count() -> None:
    root = ET.fromstring(render_map([PARIS, CAIRO]))
    radius = {a.get(XLINK_HREF): float(a.find(f"{SVG}circle").get("r")) for a in root.iter(f"{SVG}a")}
    assert radius[PARIS.href] > radius[CAIRO.href]


def test_hostile_label_and_link_are_escaped() -> None:
    svg = render_map([MapMarker(HOSTILE, 10, 10, 'javascript:alert("x")', 1)])
    assert "<script" not in svg
    assert "&lt;script&gt;" in svg
    root = ET.fromstring(svg)
    assert [a.get(XLINK_HREF) for a in root.iter(f"{SVG}a")] == ["#"]
    titles = ["".join(t.itertext()) for t in root.iter(f"{SVG}title")]
    assert any(HOSTILE in t for t in titles)


def test_no_script_no_external_reference_no_blank_lines() -> None:
    svg = render_map([PARIS, NEW_YORK])
    assert "<script" not in svg.lower() and "<image" not in svg and "url(" not in svg
    assert "\n\n" not in svg


def test_same_input_same_bytes() -> None:
    first = render_map([PARIS, NEW_YORK, CAIRO])
    assert render_map([CAIRO, PARIS, NEW_YORK]) == first


def test_empty_map_and_out_of_range_markers() -> None:
    root = ET.fromstring(render_map([]))
    assert len(list(root.iter(f"{SVG}path"))) > 50
    bogus = MapMarker("Nowhere", 123.0, 500.0, "x.md")
    assert not list(ET.fromstring(render_map([bogus])).iter(f"{SVG}a"))
