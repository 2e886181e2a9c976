"""Site pages with figures: the relationship graph, the places map, and per-person neighbourhoods.

The SVGs are drawn at build time (no JavaScript) by ``generator.figures``;
their links are raw-HTML hrefs computed by ``markup.html_href`` for the page
they sit on, since MkDocs does not rewrite links inside raw HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from markupsafe import Markup

from generator.figures import graph_parts, located_places, places_map_svg, relationship_graph_svg
from generator.graph_svg import neighbourhood, render_graph
from generator.markup import entity_page, html_href
from generator.model import Briefing, Entity
from generator.pages import Page

NEIGHBOURHOOD_SIZE = 10


@dataclass(frozen=True)
class FigureContext:
    """Context of graph.md and map.md."""

    title: str
    """Page title."""
    svg: Markup
    """The drawing (already escaped SVG), empty when there is nothing to draw."""
    entities: list[Entity]
    """Entities drawn, for the text list under the figure."""


def _link_for(briefing: Briefing, from_page: str, entity_id: str) -> str:
    entity = next(e for e in briefing.entities if e.id == entity_id)
    return html_href(entity_page(entity.type, entity.id), from_page)


def people_graph(briefing: Briefing) -> tuple[list, list]:
    """The whole co-mention graph with links as seen from a page in people/."""
    return graph_parts(briefing, partial(_link_for, briefing, "people/_.md"),
                       limit=len(briefing.entities))


def neighbourhood_svg(graph: tuple[list, list], entity: Entity) -> Markup:
    """A small graph of the entity and those it appears with most (links valid from people/)."""
    nodes, edges = graph
    if not any(n.id == entity.id for n in nodes):
        return Markup("")
    near_nodes, near_edges = neighbourhood(nodes, edges, entity.id, limit=NEIGHBOURHOOD_SIZE)
    if not near_edges:
        return Markup("")
    return Markup(render_graph(near_nodes, near_edges, width=640, height=420,
                               title=f"Who appears with {entity.name}"))


def plan_figure_pages(briefing: Briefing) -> list[Page]:
    """graph.md and map.md."""
    graph = relationship_graph_svg(briefing, partial(_link_for, briefing, "graph.md"))
    nodes, _ = graph_parts(briefing, lambda entity_id: "")
    drawn = {n.id for n in nodes}
    in_graph = [e for e in briefing.entities if e.id in drawn]
    places = [entity for entity, _ in located_places(briefing)]
    world = places_map_svg(briefing, partial(_link_for, briefing, "map.md"))
    return [
        Page("graph.md", "figure.md.j2", FigureContext("Relationship graph", Markup(graph), in_graph)),
        Page("map.md", "figure.md.j2", FigureContext("Map", Markup(world), places)),
    ]
