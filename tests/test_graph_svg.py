"""The relationship graph SVG: valid XML, links, escaping, layout and determinism."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from generator.svg.graph import KIND_COLOURS, GraphEdge, GraphNode, neighbourhood, render_graph

SVG = "{http://www.w3.org/2000/svg}"
XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
HOSTILE = "<script>alert(1)</script>"


def _nodes() -> list[GraphNode]:
    return [
        GraphNode("alice", "Alice Example", "person", "people/alice.md", 5),
        GraphNode("acme", "Acme & Co", "organization", "orgs/acme.md", 3),
        GraphNode("kyiv", "Kyiv", "place", "places/kyiv.md", 2),
        GraphNode("bad", HOSTILE, "group", 'x.md?a="1"', 1),
        GraphNode("alone", "Alone", "event", "events/alone.md", 1),
    ]


def _edges() -> list[GraphEdge]:
    return [GraphEdge("alice", "acme", 4, "works at"), GraphEdge("alice", "kyiv", 1),
            GraphEdge("acme", "bad", 2, HOSTILE)]


def _links(svg: str) -> list[str]:
    return [a.get(XLINK_HREF, "") for a in ET.fromstring(svg).iter(f"{SVG}a")]


def test_svg_parses_and_has_one_link_per_node() -> None:
    svg = render_graph(_nodes(), _edges())
    root = ET.fromstring(svg)
    assert root.tag == f"{SVG}svg"
    assert sorted(_links(svg)) == sorted(n.href for n in _nodes())
    assert len(list(root.iter(f"{SVG}circle"))) >= len(_nodes())
    assert sum(len(segments(path)) for path in edge_paths(root)) == len(_edges())


def edge_paths(root: ET.Element) -> list[ET.Element]:
    """The paths drawing the edges: those of the group that paints no fill."""
    return [path for g in root.iter(f"{SVG}g") if g.get("fill") == "none" for path in g.iter(f"{SVG}path")]


def segments(path: ET.Element) -> list[tuple[float, ...]]:
    """The straight segments "Mx yLx y" of a path."""
    numbers = r"(-?[\d.]+) (-?[\d.]+)"
    return [tuple(map(float, m)) for m in re.findall(f"M{numbers}L{numbers}", path.get("d"))]


def test_edges_alike_share_one_path_and_its_tooltip() -> None:
    nodes = [GraphNode(i, i.upper(), "person", f"{i}/", 1.0) for i in "abcd"]
    edges = [GraphEdge("a", "b", 1, "1 sentence together"), GraphEdge("c", "d", 1, "1 sentence together"),
             GraphEdge("a", "c", 1, "once more"), GraphEdge("b", "d", 3, "3 sentences together")]
    paths = edge_paths(ET.fromstring(render_graph(nodes, edges)))
    drawn = {p.findtext(f"{SVG}title"): (len(segments(p)), float(p.get("stroke-width"))) for p in paths}
    assert len(paths) == 3 and {k: n for k, (n, _) in drawn.items()} == {
        "1 sentence together": 2, "once more": 1, "3 sentences together": 1}
    assert drawn["1 sentence together"][1] == drawn["once more"][1] < drawn["3 sentences together"][1]


def test_hostile_label_is_escaped_not_markup() -> None:
    svg = render_graph(_nodes(), _edges())
    assert "<script" not in svg
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in svg
    texts = ["".join(t.itertext()) for t in ET.fromstring(svg).iter(f"{SVG}text")]
    assert HOSTILE in texts


def test_script_links_are_neutralised() -> None:
    nodes = [GraphNode("x", "X", "person", "javascript:alert(1)", 1)]
    assert _links(render_graph(nodes, [])) == ["#"]


def test_no_script_no_external_reference_no_blank_lines() -> None:
    svg = render_graph(_nodes(), _edges())
    assert "<script" not in svg.lower() and "<image" not in svg and "@import" not in svg
    assert "\n\n" not in svg


def test_weight_sets_circle_size_and_edge_width() -> None:
    root = ET.fromstring(render_graph(_nodes(), _edges()))
    radius = {a.get(XLINK_HREF): float(a.find(f"{SVG}circle").get("r")) for a in root.iter(f"{SVG}a")}
    assert radius["people/alice.md"] > radius["places/kyiv.md"]
    widths = sorted(float(path.get("stroke-width")) for path in edge_paths(root))
    assert widths[0] < widths[-1]


def test_nodes_lie_inside_the_drawing() -> None:
    root = ET.fromstring(render_graph(_nodes(), _edges(), width=400, height=300))
    for circle in root.iter(f"{SVG}circle"):
        assert 0 <= float(circle.get("cx")) <= 400 and 0 <= float(circle.get("cy")) <= 300


def test_same_input_same_bytes() -> None:
    first = render_graph(_nodes(), _edges())
    assert render_graph(_nodes(), _edges()) == first
    assert render_graph(list(reversed(_nodes())), list(reversed(_edges()))) == first


def test_empty_and_single_node_graphs() -> None:
    ET.fromstring(render_graph([], []))
    single = render_graph([GraphNode("a", "A", "person", "a.md", 1)], [])
    assert _links(single) == ["a.md"]


def test_bad_input_fails_loudly() -> None:
    with pytest.raises(ValueError, match="unknown node"):
        render_graph(_nodes(), [GraphEdge("alice", "nobody", 1)])
    with pytest.raises(ValueError, match="duplicate"):
        render_graph([*_nodes(), _nodes()[0]], [])


def test_neighbourhood_keeps_centre_and_strongest_neighbours() -> None:
    nodes, edges = neighbourhood(_nodes(), _edges(), "alice", limit=1)
    assert [n.id for n in nodes] == ["alice", "acme"]
    assert [(e.a, e.b) for e in edges] == [("alice", "acme")]
    nodes, edges = neighbourhood(_nodes(), _edges(), "alice")
    assert {n.id for n in nodes} == {"alice", "acme", "kyiv"}
    assert len(edges) == 2
    assert neighbourhood(_nodes(), _edges(), "alone") == ([_nodes()[4]], [])
    with pytest.raises(KeyError):
        neighbourhood(_nodes(), _edges(), "nobody")


def test_centred_layout_puts_the_centre_in_the_middle_and_others_on_a_ring():
    import math

    nodes = [GraphNode(i, i.upper(), "person", f"../{i}/", 1.0) for i in ("c", "a", "b", "d")]
    edges = [GraphEdge("c", "a", 3.0), GraphEdge("c", "b", 1.0), GraphEdge("c", "d", 2.0)]
    root = ET.fromstring(render_graph(nodes, edges, width=600, height=400, centre="c"))
    centres = {a.get(XLINK_HREF): (float(a.find(f"{SVG}circle").get("cx")), float(a.find(f"{SVG}circle").get("cy")))
               for a in root.iter(f"{SVG}a")}
    cx, cy = centres["../c/"]
    assert abs(cx - 300) < 1
    ring = [centres[f"../{i}/"] for i in ("a", "d", "b")]
    distances = [math.hypot((x - cx) / 1, (y - cy) / 1) for x, y in ring]
    assert min(distances) > 50
    assert ring[0][1] < cy, "the strongest tie is drawn at the top"


def _inherited(path: list[ET.Element], name: str) -> str | None:
    """The value of a presentation attribute as SVG inheritance gives it at the end of ``path``."""
    return next((element.get(name) for element in reversed(path) if element.get(name)), None)


def ancestry(root: ET.Element) -> dict[ET.Element, list[ET.Element]]:
    """Each element -> the path from the root down to it."""
    paths = {root: [root]}
    for parent in root.iter():
        for child in parent:
            paths[child] = [*paths[parent], child]
    return paths


def test_labels_inherit_font_and_size_and_no_link_inherits_an_anchor() -> None:
    root = ET.fromstring(render_graph(_nodes(), _edges()))
    paths = ancestry(root)
    texts = [paths[t] for t in root.iter(f"{SVG}text")]
    assert texts
    for path in texts:
        assert _inherited(path, "font-family") and float(_inherited(path, "font-size")) > 0
        assert _inherited(path, "fill")
    # WeasyPrint applies an inherited text-anchor to a link's circle too (it drew nodes off their
    # place), so no link and no shape may carry or inherit one
    shapes = [paths[e] for e in root.iter() if e.tag in (f"{SVG}a", f"{SVG}circle", f"{SVG}path")]
    assert shapes and not any(_inherited(path, "text-anchor") for path in shapes)
    # edges take their colour from their group and fill nothing
    assert all(_inherited(paths[p], "stroke") and _inherited(paths[p], "fill") == "none"
               for p in edge_paths(root))


def drawn_texts(svg: str, css_class: str) -> list[tuple[str | None, ...]]:
    """(text, x, y, anchor, size) of the texts of one class, or in a group of that class, with
    the anchor and size they inherit ("start" being SVG's initial anchor)."""
    root = ET.fromstring(svg)
    paths = ancestry(root)
    return sorted((t.text or "", t.get("x"), t.get("y"), _inherited(paths[t], "text-anchor") or "start",
                   _inherited(paths[t], "font-size")) for t in root.iter(f"{SVG}text")
                  if any(e.get("class") == css_class for e in paths[t]))


@pytest.mark.parametrize("label, halo", [("label", "label-halo"), ("label-phone", "label-phone-halo")])
def test_each_label_has_a_halo_drawn_in_the_same_place_size_and_anchor(label: str, halo: str) -> None:
    nodes = [*_nodes(), GraphNode("far", "A Rather Long Name Here", "place", "far.md", 4)]
    svg = render_graph(nodes, [*_edges(), GraphEdge("far", "kyiv", 2)], width=640, height=420)
    labels = drawn_texts(svg, label)
    assert labels and drawn_texts(svg, halo) == labels
    assert len({anchor for *_, anchor, _ in labels}) > 1  # not every label is centred


CSS = (Path(__file__).resolve().parents[1] / "site_templates" / "briefing.css").read_text()


def css_rule(selector: str) -> dict[str, str]:
    """The declarations of the site stylesheet's rule for exactly ``selector``."""
    body = re.search(re.escape(selector) + r" \{([^}]*)\}", CSS).group(1)
    return dict(tuple(part.strip() for part in d.split(":", 1)) for d in body.split(";") if d.strip())


def test_styled_by_the_page_the_labels_are_the_same_and_the_stylesheet_paints_the_rest() -> None:
    nodes = [*_nodes(), GraphNode("odd", "Odd One", "vessel", "odd.md", 2)]  # a kind without colour
    edges = [*_edges(), GraphEdge("odd", "alice", 1)]
    drawn, styled = (render_graph(nodes, edges, width=640, height=420, centre="alice", stylesheet=s)
                     for s in (False, True))
    for label in ("label", "label-phone"):
        assert [t[:4] for t in drawn_texts(styled, label)] == [t[:4] for t in drawn_texts(drawn, label)]
    assert not drawn_texts(styled, "label-halo") and not drawn_texts(styled, "label-phone-halo")
    root = ET.fromstring(styled)
    assert not [g for g in root.iter(f"{SVG}g") if g.get("stroke") == "#fff"]  # no halo copies at all
    assert not [t for t in root.iter(f"{SVG}text") if t.get("display") or t.get("font-size")]
    circles = [c for a in root.iter(f"{SVG}a") for c in a.iter(f"{SVG}circle")]
    assert len(circles) == len(nodes) and not [c for c in circles if c.get("fill") or c.get("stroke")]
    assert len(styled) < 0.7 * len(drawn)
    # What the drawing no longer states, the site's stylesheet does, with the same values:
    assert re.search(r"\.briefing-figure svg text \{[^}]*paint-order: stroke;[^}]*stroke: #fff", CSS)
    phone_sizes = {size for *_, size in drawn_texts(drawn, "label-phone")}
    assert f"--phone-size:{phone_sizes.pop()}px" in root.get("style") and not phone_sizes
    assert css_rule(".briefing-graph.styled .label-phone") == {"font-size": "var(--phone-size)"}
    assert css_rule(".briefing-figure .label-phone") == {"display": "none"}
    paint = css_rule(".briefing-graph.styled .node circle")
    assert (paint["fill"], paint["stroke"], paint["stroke-width"]) == ("#7f7f7f", "#fff", "1.5px")
    drawn_paint = {a.get("class"): a.find(f"{SVG}circle").get("fill")
                   for a in ET.fromstring(drawn).iter(f"{SVG}a")}
    for css_class, fill in drawn_paint.items():
        kind = css_class.split()[1]
        expected = css_rule(f".briefing-graph.styled .{kind} circle")["fill"] if kind != "node-vessel" \
            else paint["fill"]
        assert expected == fill, kind
    for kind, colour in KIND_COLOURS.items():
        assert css_rule(f".briefing-graph.styled .node-{kind} circle") == {"fill": colour}
