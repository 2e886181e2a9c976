"""A static, script-free SVG drawing of a relationship graph.

Nodes are circles sized by weight and coloured by kind, each wrapped in a link
to its page; edges are lines whose width grows with their weight. The layout is
networkx's spring layout with a fixed seed over sorted input, rounded to one
decimal, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import networkx as nx

from generator.svg import text as svg_text
from generator.svg.labels import Mark, Placed, circle, halo_layer, label_markup, phone_size, place_labels

KIND_COLOURS = {
    "person": "#1f77b4",
    "organization": "#ff7f0e",
    "place": "#2ca02c",
    "group": "#9467bd",
    "event": "#d62728",
}
"""Fill colour per node kind; other kinds are grey."""
_OTHER_COLOUR = "#7f7f7f"
_SEED = 7
_HUB = "\x00hub"  # not a valid XML character, so never a real node id
_HUB_WEIGHT = 1.0
_MARGIN_X, _MARGIN_TOP, _MARGIN_BOTTOM = 80, 30, 64
_MAX_LABEL = 28
_LEGEND_BAND = 24
_LEGEND_SIZE = 10
_R_MIN, _R_MAX = 6.0, 20.0
_W_MIN, _W_MAX = 1.0, 6.0
_EDGE_GROUP = '<g fill="none" stroke="#9aa5b1" stroke-opacity="0.8">'
"""Opens the group of edges, which inherit its stroke colour and opacity."""
_STYLED_NODES = '<g text-anchor="middle">'
"""Opens the nodes of a drawing styled by the page (``render_graph(stylesheet=True)``), whose
labels inherit their usual anchor: never for WeasyPrint (``svg.text.TEXT_DEFAULTS``)."""


@dataclass(frozen=True)
class GraphNode:
    """One entity in the graph."""

    id: str
    """Unique id; edges refer to nodes by it."""
    label: str
    """Text shown under the circle (untrusted; escaped on output)."""
    kind: str
    """"person", "organization", "place", "group" or "event"; picks the colour."""
    href: str
    """Link target of the node, e.g. "../people/jane-doe.md" (escaped on output)."""
    weight: float = 1.0
    """Importance, e.g. mention count; sets the circle's size."""


@dataclass(frozen=True)
class GraphEdge:
    """An undirected link between two nodes."""

    a: str
    """Id of one end."""
    b: str
    """Id of the other end."""
    weight: float = 1.0
    """Strength, e.g. co-mention count; sets the line width."""
    label: str = ""
    """Optional tooltip text (untrusted; escaped on output)."""


def render_graph(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], width: int = 800,
                 height: int = 600, title: str = "Relationship graph",
                 centre: str | None = None, stylesheet: bool = False,
                 tops: tuple[float, float] | None = None) -> str:
    """Draw the graph as a standalone ``<svg>`` element.

    Args:
        nodes: The nodes; ids must be unique.
        edges: Edges between listed nodes.
        width: Width of the drawing in pixels.
        height: Height of the drawing in pixels.
        title: Accessible title of the picture.
        centre: Id of a node to draw in the middle with the others on a ring
            around it, strongest tie first (a cheap, readable layout for one
            entity's neighbourhood); None for a spring layout.
        stylesheet: True for a page whose stylesheet (the site's briefing.css) styles the
            drawing, marked with the class ``styled``: it draws the labels' halos with
            ``paint-order``, paints each circle by the ``node-KIND`` class of its link, and
            hides the phone labels and sizes them (``--phone-size``, set on the ``<svg>``),
            so no mark or label states any of it: half the bytes. False for a renderer that
            reads no page CSS inside SVG (WeasyPrint): every mark states its paint, and the
            halos are white copies drawn under the labels.
        tops: the node weight drawn as the largest circle and the edge weight drawn as the
            widest line, for weights on a fixed scale (a figure then changes only where a
            weight does); None: the heaviest node and edge of this drawing.

    Returns:
        The SVG markup, without blank lines, safe to inline in HTML or Markdown.

    Raises:
        ValueError: If two nodes share an id or an edge names an unknown node.
    """
    by_id = _check(nodes, edges)
    ordered = sorted(by_id.values(), key=lambda n: n.id)
    if centre is not None and centre in by_id:
        positions = _radial_layout(ordered, edges, centre, width, height)
    else:
        positions = _layout(ordered, edges, width, height)
    node_top, edge_top = tops or (max((n.weight for n in ordered), default=0.0),
                                   max((e.weight for e in edges), default=0.0))
    radius = _scaler(node_top, _R_MIN, _R_MAX)
    stroke = _scaler(edge_top, _W_MIN, _W_MAX)
    by_weight = sorted(ordered, key=lambda n: (-n.weight, n.id))
    marks = [Mark(n.id, _short(n.label), *positions[n.id], radius(n.weight)) for n in by_weight]
    room = height - _LEGEND_BAND
    labels = place_labels(marks, width, room, svg_text.LABEL_SIZE)
    phone_px = phone_size(width)
    phone = place_labels(marks, width, room, phone_px)
    parts = [svg_text.open_svg(width, height, title, "briefing-graph styled",
                               f"--phone-size:{svg_text.num(phone_px)}px")
             if stylesheet else svg_text.open_svg(width, height, title, "briefing-graph")]
    if edges:
        parts += [_EDGE_GROUP, *_edge_paths(sorted(edges, key=_edge_key), positions, stroke), "</g>"]
    layer = "" if stylesheet else halo_layer(marks, labels, phone)
    parts += [layer] if layer else []
    drawn = [_node(node, mark, labels.get(node.id), phone.get(node.id), stylesheet)
             for node, mark in zip(by_weight, marks, strict=True)]
    parts += [_STYLED_NODES, *drawn, "</g>"] if stylesheet else drawn
    parts.append(_legend(sorted({n.kind for n in ordered}), height, halos=not stylesheet))
    parts.append("</svg>")
    return "\n".join(parts)


def neighbourhood(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge], centre_id: str,
                  limit: int = 12) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Cut out one node and its strongest neighbours, for a small per-entity graph.

    Args:
        nodes: All nodes.
        edges: All edges.
        centre_id: Id of the node in the middle.
        limit: Most neighbours to keep, strongest edge first (then heavier node,
            then id).

    Returns:
        The kept nodes (centre first) and every edge among them.

    Raises:
        KeyError: If ``centre_id`` is not among the nodes.
    """
    by_id = {n.id: n for n in nodes}
    centre = by_id[centre_id]
    strength: dict[str, float] = {}
    for edge in edges:
        if centre_id in (edge.a, edge.b) and edge.a != edge.b:
            other = edge.b if edge.a == centre_id else edge.a
            if other in by_id:
                strength[other] = strength.get(other, 0.0) + edge.weight
    ranked = sorted(strength, key=lambda i: (-strength[i], -by_id[i].weight, i))[:limit]
    kept = {centre_id, *ranked}
    sub_edges = [e for e in edges if e.a in kept and e.b in kept]
    return [centre, *(by_id[i] for i in ranked)], sorted(sub_edges, key=_edge_key)


def _check(nodes: Sequence[GraphNode], edges: Sequence[GraphEdge]) -> dict[str, GraphNode]:
    by_id: dict[str, GraphNode] = {}
    for node in nodes:
        if node.id in by_id:
            raise ValueError(f"duplicate graph node id {node.id!r}")
        by_id[node.id] = node
    for edge in edges:
        for end in (edge.a, edge.b):
            if end not in by_id:
                raise ValueError(f"graph edge {edge.a!r}-{edge.b!r} names unknown node {end!r}")
    return by_id


def _edge_key(edge: GraphEdge) -> tuple[str, str, float, str]:
    return (min(edge.a, edge.b), max(edge.a, edge.b), edge.weight, edge.label)


def _layout(nodes: list[GraphNode], edges: Sequence[GraphEdge], width: int,
            height: int) -> dict[str, tuple[float, float]]:
    """Place nodes with a seeded spring layout, scaled into the drawing's margins."""
    if not nodes:
        return {}
    graph = nx.Graph()
    graph.add_nodes_from(n.id for n in nodes)
    for edge in sorted(edges, key=_edge_key):
        if edge.a != edge.b:
            old = graph.get_edge_data(edge.a, edge.b, {"weight": 0.0})["weight"]
            graph.add_edge(edge.a, edge.b, weight=old + max(edge.weight, 0.0))
    if len(nodes) == 1:
        raw = {nodes[0].id: (0.0, 0.0)}
    else:
        _tether_components(graph)
        k = 2.0 / math.sqrt(len(nodes))
        layout = nx.spring_layout(graph, k=k, seed=_SEED, weight="weight", iterations=200)
        raw = {n.id: (float(layout[n.id][0]), float(layout[n.id][1])) for n in nodes}
    return _fit(raw, width, height)


def _radial_layout(nodes: list[GraphNode], edges: Sequence[GraphEdge], centre: str, width: int,
                   height: int) -> dict[str, tuple[float, float]]:
    """The centre in the middle, the others on a ring, strongest tie to the centre first."""
    tie = {n.id: 0.0 for n in nodes}
    for edge in edges:
        if centre in (edge.a, edge.b):
            tie[edge.b if edge.a == centre else edge.a] += edge.weight
    ring = sorted((n for n in nodes if n.id != centre), key=lambda n: (-tie[n.id], -n.weight, n.id))
    inner_w = width - 2 * _MARGIN_X
    inner_h = height - _MARGIN_TOP - _MARGIN_BOTTOM
    cx, cy = width / 2, _MARGIN_TOP + inner_h / 2
    rx, ry = inner_w / 2, inner_h / 2
    positions = {centre: (round(cx, 1), round(cy, 1))}
    for i, node in enumerate(ring):
        angle = 2 * math.pi * i / len(ring) - math.pi / 2
        positions[node.id] = (round(cx + rx * math.cos(angle), 1), round(cy + ry * math.sin(angle), 1))
    return positions


def _tether_components(graph: nx.Graph) -> None:
    """Tie every component weakly to a hidden hub so none drifts off on its own."""
    components = sorted(sorted(c) for c in nx.connected_components(graph))
    if len(components) < 2:
        return
    for component in components:
        graph.add_edge(_HUB, component[0], weight=_HUB_WEIGHT)


def _fit(raw: dict[str, tuple[float, float]], width: int,
         height: int) -> dict[str, tuple[float, float]]:
    """Scale layout coordinates into the drawing, keeping room for labels."""
    xs = [p[0] for p in raw.values()]
    ys = [p[1] for p in raw.values()]
    span_x = (max(xs) - min(xs)) or 1.0
    span_y = (max(ys) - min(ys)) or 1.0
    inner_w = width - 2 * _MARGIN_X
    inner_h = height - _MARGIN_TOP - _MARGIN_BOTTOM
    fitted = {}
    for key, (x, y) in raw.items():
        fx = _MARGIN_X + (x - min(xs)) / span_x * inner_w if len(raw) > 1 else width / 2
        fy = _MARGIN_TOP + (y - min(ys)) / span_y * inner_h if len(raw) > 1 else height / 2
        fitted[key] = (round(fx, 1), round(fy, 1))
    return fitted


def _scaler(heaviest: float, low: float, high: float) -> Callable[[float], float]:
    """Map values from 0 to ``heaviest`` onto [low, high] by square root, so area tracks the
    value (a value above ``heaviest`` gets ``high``)."""
    top = math.sqrt(max(heaviest, 0.0))

    def scale(value: float) -> float:
        if top == 0:
            return low
        return low + (high - low) * min(math.sqrt(max(value, 0.0)) / top, 1.0)

    return scale


def _edge_paths(edges: Sequence[GraphEdge], positions: dict[str, tuple[float, float]],
                stroke: Callable[[float], float]) -> list[str]:
    """One ``<path>`` per line width and tooltip, holding a segment per edge: edges that look
    alike and say the same on hover share one element (in order of first appearance)."""
    segments: dict[tuple[str, str], list[str]] = {}
    for edge in edges:
        (x1, y1), (x2, y2) = positions[edge.a], positions[edge.b]
        key = (svg_text.num(stroke(edge.weight)), edge.label)
        segments.setdefault(key, []).append(f"M{svg_text.num(x1)} {svg_text.num(y1)}"
                                            f"L{svg_text.num(x2)} {svg_text.num(y2)}")
    return [f'<path stroke-width="{width}" d="{"".join(drawn)}">'
            + (f"<title>{svg_text.text(label)}</title>" if label else "") + "</path>"
            for (width, label), drawn in segments.items()]


def _node(node: GraphNode, mark: Mark, label: Placed | None, phone: Placed | None,
          styled: bool = False) -> str:
    """The linked circle with its hover title and the labels that fit; ``styled``: painted and
    sized by the page's stylesheet (``render_graph(stylesheet=True)``)."""
    colour = KIND_COLOURS.get(node.kind, _OTHER_COLOUR)
    link = svg_text.href(node.href)
    return (f'<a xlink:href="{link}" class="node node-{svg_text.attr(node.kind)}">'
            f"<title>{svg_text.text(node.label)}</title>"
            + circle(mark, "" if styled else f'fill="{colour}" stroke="#fff" stroke-width="1.5"')
            + label_markup(mark, label, phone, styled) + "</a>")


def _short(label: str) -> str:
    """Shorten a long label for display; the full text stays in the node's title."""
    return label if len(label) <= _MAX_LABEL else label[: _MAX_LABEL - 1].rstrip() + "…"


def _legend(kinds: list[str], height: int, halos: bool = True) -> str:
    """A row of colour swatches naming the kinds present, along the bottom edge; with
    ``halos``, the names' halos (see ``labels.halo_layer``) in one group under them."""
    swatches, names, x = [], [], 10.0
    for kind in kinds:
        colour = KIND_COLOURS.get(kind, _OTHER_COLOUR)
        swatches.append(f'<circle cx="{svg_text.num(x + 5)}" cy="{height - 12}" r="5" fill="{colour}"/>')
        names.append(svg_text.text_element(x + 14, height - 8, kind, _LEGEND_SIZE,
                                           inherited_size=_LEGEND_SIZE))
        x += 26 + 5.6 * len(kind)
    if not kinds:
        return ""
    under = f'<g {svg_text.HALO} aria-hidden="true">' + "".join(names) + "</g>\n" if halos else ""
    return (f'<g class="legend" font-size="{_LEGEND_SIZE}">\n' + "".join(swatches) + "\n" + under
            + "".join(names) + "\n</g>")
