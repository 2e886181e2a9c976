"""The relationship graph SVG: valid XML, links, escaping, layout and determinism."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from generator.svg.graph import GraphEdge, GraphNode, neighbourhood, render_graph

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
    assert len(list(root.iter(f"{SVG}line"))) == len(_edges())


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
    widths = sorted(float(line.get("stroke-width")) for line in root.iter(f"{SVG}line"))
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


def test_labels_get_font_and_size_by_inheritance_and_state_their_own_anchor() -> None:
    root = ET.fromstring(render_graph(_nodes(), _edges()))
    paths = [[root, a, text] for a in root.iter(f"{SVG}a") for text in a.iter(f"{SVG}text")]
    paths += [[root, g, text] for g in root.iter(f"{SVG}g") for text in g.iter(f"{SVG}text")]
    assert paths
    for path in paths:
        assert _inherited(path, "font-family") and float(_inherited(path, "font-size")) > 0
    # WeasyPrint applies an inherited text-anchor to a link's circle too (it drew nodes off their
    # place), so only text elements may carry one
    assert all(e.tag == f"{SVG}text" for e in root.iter() if e.get("text-anchor"))
    assert all(text.get("text-anchor") for text in root.iter(f"{SVG}text"))
    # edges take their colour from their group
    assert all(_inherited([root, g, line], "stroke") for g in root.iter(f"{SVG}g")
               for line in g.iter(f"{SVG}line"))
