"""Site pages with figures: the relationship graph, the places map, and per-person neighbourhoods.

The SVGs are drawn at build time (no JavaScript) by ``generator.site.figures``;
their links are raw-HTML hrefs computed by ``markup.html_href`` for the page
they sit on, since MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from markupsafe import Markup

from generator.model import Briefing, Entity
from generator.site.figures import (
    co_mention_edge,
    entity_node,
    graph_parts,
    located_places,
    places_map_svg,
    relationship_graph_svg,
)
from generator.site.index import co_mentions
from generator.site.markup import TYPE_FOLDERS, entity_page, html_href
from generator.site.memo import PageMemo, field_values
from generator.site.page import Page
from generator.svg.graph import GraphEdge, GraphNode, neighbourhood, render_graph

T = TypeVar("T", GraphNode, GraphEdge)

NEIGHBOURHOOD_SIZE = 10
MAP_MARKERS = 120
"""Most places drawn on (and listed under) the map, most mentioned first: the page stays under
200 KB (on real news, ECB+ at 772 articles, 150 places made a 200 KB page, 115 KB of it the
world outline, which does not grow); every place is on
the Places index."""


@dataclass(frozen=True)
class FigureContext:
    """Context of graph.md and map.md."""

    title: str
    """Page title."""
    svg: Markup
    """The drawing (already escaped SVG), empty when there is nothing to draw."""
    entities: list[Entity]
    """Entities drawn, for the text list under the figure."""
    more: int = 0
    """Entities left out of the drawing by its cap (listed on their index page)."""


def _link_for(by_id: dict[str, Entity], from_page: str, entity_id: str) -> str:
    """The entity's page, or its type's index page (where it is listed) when it has none."""
    entity = by_id[entity_id]
    if not entity.has_page:
        return html_href(f"{TYPE_FOLDERS[entity.type]}/index.md", from_page)
    return html_href(entity_page(entity.type, entity.id), from_page)


def _by_id(briefing: Briefing) -> dict[str, Entity]:
    """Entity id -> the first entity with that id."""
    by_id: dict[str, Entity] = {}
    for entity in briefing.entities:
        by_id.setdefault(entity.id, entity)
    return by_id


@dataclass
class PeopleGraph:
    """The co-mention graph, worked out only around the entities a page asks about (``strongest``,
    ``among``): a page's figure needs a few entities' lines, not every line of the corpus.
    Nodes are the entities sharing a sentence with another (weight: mentions), edges join two
    that share sentences (weight: how many; ``a`` < ``b``), links valid from a page in people/."""

    shared: dict[str, Counter]
    """The briefing's ``co_mentions``."""
    entities: dict[str, Entity]
    """Entity id -> the first entity with that id."""
    nodes: dict[str, GraphNode] = field(default_factory=dict)
    """The nodes made so far, by id."""

    def node(self, entity_id: str) -> GraphNode | None:
        """The entity's node, None when it shares no sentence with another."""
        if entity_id not in self.nodes:
            entity = self.entities.get(entity_id)
            if entity is None or not self.shared.get(entity_id):
                return None
            self.nodes[entity_id] = entity_node(entity, _link_for(self.entities, "people/_.md", entity_id))
        return self.nodes[entity_id]

    def strongest(self, entity_id: str, limit: int) -> list[str]:
        """The ``limit`` entities sharing most sentences with the entity (then the heavier node,
        then id): the neighbours ``svg.graph.neighbourhood`` keeps from the edges touching it,
        ranked from the counts without making an edge or a node per neighbour (a node's weight
        is its entity's mentions, ``figures.entity_node``)."""
        entities, shared = self.entities, self.shared
        ranked = [(-count, -len(entities[other].mentions), other)
                  for other, count in shared.get(entity_id, {}).items()
                  if other != entity_id and other in entities and shared.get(other)]
        return [other for _, _, other in sorted(ranked)[:limit]]

    def among(self, node_ids) -> list[GraphEdge]:
        """The edges joining two of ``node_ids``."""
        ids = sorted(set(node_ids))
        return [co_mention_edge(a, b, self.shared[a][b]) for n, a in enumerate(ids) for b in ids[n + 1:]
                if self.shared.get(a, {}).get(b)]


def people_graph(briefing: Briefing, shared: dict[str, Counter] | None = None) -> PeopleGraph:
    """The co-mention graph of the briefing (``shared``: its ``co_mentions`` when the caller
    has them)."""
    return PeopleGraph(shared if shared is not None else co_mentions(briefing), _by_id(briefing))


def neighbourhood_svg(graph: PeopleGraph, entity: Entity, memo: PageMemo | None = None) -> Markup:
    """A small graph of the entity and those it appears with most (links valid from people/;
    ``memo``: keeps the drawing, a pure function of the nodes, edges and title, between builds)."""
    drawing = neighbourhood_drawing(graph, entity)
    if drawing is None:
        return Markup("")
    inputs = (field_values(drawing.args[0]), field_values(drawing.args[1]), drawing.keywords)
    return Markup((memo or PageMemo()).get("neighbourhood", inputs, drawing))


def neighbourhood_inputs(graph: PeopleGraph, entity: Entity) -> tuple:
    """What the entity's ``neighbourhood_svg`` draws, worked out from the counts without making
    the figure's nodes and edges: its title, then for the entity and each of its ``strongest``
    neighbours the id, name, type, page and circle size step, then for each two of them the
    sentences they share (the exact count for the entity's own lines) and the line's size
    step. Equal for two builds exactly when the figure's inputs are (``()``: no figure)."""
    if graph.node(entity.id) is None:
        return ()
    kept = [entity.id, *graph.strongest(entity.id, NEIGHBOURHOOD_SIZE)]
    if len(kept) == 1:
        return ()
    people = [graph.entities[i] for i in kept]
    sizes = steps([float(len(person.mentions)) for person in people], CIRCLE_STEPS)
    nodes = [(i, p.name, p.type, p.has_page, size) for i, p, size in zip(kept, people, sizes, strict=True)]
    pairs = [(a, b, graph.shared[a].get(b, 0)) for n, a in enumerate(kept) for b in kept[n + 1:]]
    pairs = [pair for pair in pairs if pair[2]]
    lines = steps([float(count) for _, _, count in pairs], LINE_STEPS)
    return (entity.name, nodes, [(a, b, size, count if entity.id in (a, b) else None)
                                 for (a, b, count), size in zip(pairs, lines, strict=True)])


def neighbourhood_drawing(graph: PeopleGraph, entity: Entity) -> partial | None:
    """``render_graph`` with the nodes, edges and title of the entity's neighbourhood (None:
    no one appears with the entity)."""
    if graph.node(entity.id) is None:
        return None
    # The strongest neighbours (as ``neighbourhood`` over the edges touching the entity would
    # keep them), then the edges among them: the same result as ``neighbourhood`` over the
    # whole graph.
    kept = [graph.nodes[entity.id], *(graph.node(i) for i in graph.strongest(entity.id, NEIGHBOURHOOD_SIZE))]
    among = graph.among(node.id for node in kept)
    near_nodes, near_edges = neighbourhood(kept, among, entity.id, limit=NEIGHBOURHOOD_SIZE)
    if not near_edges:
        return None
    near_nodes = _in_steps(near_nodes, CIRCLE_STEPS)
    near_edges = _in_steps(_counts_at_centre(near_edges, entity.id), LINE_STEPS)
    return partial(render_graph, near_nodes, near_edges, width=640, height=420,
                   title=f"Who appears with {entity.name}", centre=entity.id, stylesheet=True,
                   tops=(float(CIRCLE_STEPS ** 2), float(LINE_STEPS ** 2)))


LINE_STEPS = 6
CIRCLE_STEPS = 9
"""Lines and circles of an "Appears with" figure come in this many sizes, on a doubling scale
fixed for every figure (1, 2, 3-4, 5-8 ... shared sentences or mentions, the last step open),
not in proportion to each exact count nor against the figure's heaviest. Scaled to each count,
one more article naming the most mentioned person changed the drawing around everyone who
appears with them (730 of 894 figures drawn again after one new article, at 2,000 articles);
in steps against the figure's heaviest, one more sentence naming two much-named people
together still rescaled every figure both appear in (345 of 1,316 people pages rewritten after
one new article, at 2,000). On a fixed scale, a figure changes when one of its own counts
crosses a step. The exact counts are in the hover text of the lines touching the page's own
entity (``_counts_at_centre``) and on the page's Related table."""


def _counts_at_centre(edges: list[GraphEdge], centre: str) -> list[GraphEdge]:
    """``edges`` with the hover text (the exact count) kept on the lines touching ``centre`` only.

    A line between two of the neighbours is drawn (in steps) but names no count: that count
    changes with every article naming both, and on a corpus with a few much-named people it
    changed the figures of everyone who appears with both of them (121 of 371 pages rewritten
    after one new article at 2,000 articles changed only there). The count is on the page of
    either neighbour."""
    return [edge if centre in (edge.a, edge.b) else GraphEdge(edge.a, edge.b, edge.weight) for edge in edges]


def _in_steps(items: list[T], count: int) -> list[T]:
    """Graph nodes or edges with their weights replaced by their ``steps`` (of ``count``)."""
    stepped = steps([item.weight for item in items], count)
    return [_weighed(item, weight) for item, weight in zip(items, stepped, strict=True)]


def steps(weights: list[float], count: int) -> list[float]:
    """Each weight as its step on a doubling scale of ``count`` steps (1: a weight up to 1,
    2: up to 2, 3: up to 4, 4: up to 8 ..., ``count``: anything above), squared, so that the
    drawing's square-root scale spaces the steps evenly; 0 for a weight of 0 or less."""
    return [float(_step(weight, count) ** 2) for weight in weights]


def _step(weight: float, count: int) -> int:
    if weight <= 0:
        return 0
    return min(count, 1 + max(0, math.ceil(math.log2(weight))))


def _weighed(item: T, weight: float) -> T:
    """``item`` with ``weight`` (``dataclasses.replace`` without its cost: a third of the
    figure's planning time)."""
    if isinstance(item, GraphNode):
        return GraphNode(item.id, item.label, item.kind, item.href, weight)  # type: ignore[return-value]
    return GraphEdge(item.a, item.b, weight, item.label)  # type: ignore[return-value]


def plan_figure_pages(briefing: Briefing, shared: dict[str, Counter] | None = None) -> list[Page]:
    """graph.md and map.md (``shared``: the briefing's ``co_mentions`` when the caller has them)."""
    by_id = _by_id(briefing)
    shared = shared if shared is not None else co_mentions(briefing)
    graph = relationship_graph_svg(briefing, partial(_link_for, by_id, "graph.md"), shared=shared)
    nodes, _ = graph_parts(briefing, lambda entity_id: "", shared=shared)
    drawn = {n.id for n in nodes}
    in_graph = [e for e in briefing.entities if e.id in drawn]
    places = [entity for entity, _ in located_places(briefing, MAP_MARKERS)]
    world = places_map_svg(briefing, partial(_link_for, by_id, "map.md"), MAP_MARKERS)
    more = len(located_places(briefing)) - len(places)
    return [
        Page("graph.md", "figure.md.j2", FigureContext("Relationship graph", Markup(graph), in_graph)),
        Page("map.md", "figure.md.j2", FigureContext("Map", Markup(world), places, more)),
    ]
