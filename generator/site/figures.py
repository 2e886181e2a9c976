"""Figures drawn from a finished Briefing: the relationship graph and the places map.

Both the PDF and the site pages can use these; the caller says where each
entity links to (``link_for``), so the same drawing works with relative ``.md``
links on the site and ``#anchor`` links in the printed document. Nodes and
edges come from sentence co-mentions (``generator.site.pages.entities.co_mentions``);
markers come from place entities the offline gazetteer can locate.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable

from generator.knowledge import gazetteer
from generator.model import Briefing, Entity
from generator.site.index import co_mentions
from generator.svg.graph import GraphEdge, GraphNode, render_graph
from generator.svg.map import MapMarker, render_map

LinkFor = Callable[[str], str]
"""Maps an entity id to the link target of its node or marker."""

GRAPH_NODES = 24
"""Most entities drawn in the relationship graph, most mentioned first."""


def graph_parts(briefing: Briefing, link_for: LinkFor, limit: int = GRAPH_NODES,
                shared: dict[str, Counter] | None = None) -> tuple[list[GraphNode], list[GraphEdge]]:
    """Nodes for the most mentioned entities that share a sentence with another, and their edges.

    Args:
        briefing: The finished briefing.
        link_for: Link target of each entity id.
        limit: Most nodes kept.
        shared: ``co_mentions(briefing)`` when the caller has it already.

    Returns:
        The nodes (weight: mentions) and the edges (weight: sentences shared).
    """
    shared = shared if shared is not None else co_mentions(briefing)
    connected = [e for e in briefing.entities if shared.get(e.id)]
    kept = sorted(connected, key=lambda e: (-len(e.mentions), e.name))[:limit]
    ids = {e.id for e in kept}
    nodes = [entity_node(e, link_for(e.id)) for e in kept]
    edges = []
    for entity in kept:
        for other, count in sorted(shared[entity.id].items()):
            if other in ids and entity.id < other:
                edges.append(co_mention_edge(entity.id, other, count))
    return nodes, edges


def entity_node(entity: Entity, link: str) -> GraphNode:
    """The graph node of an entity (weight: its mentions), linking to ``link``."""
    return GraphNode(entity.id, entity.name, entity.type, link, float(len(entity.mentions)))


def co_mention_edge(first: str, second: str, count: int) -> GraphEdge:
    """The edge of two entities sharing ``count`` sentences, its ends in id order, its hover
    text the count."""
    return GraphEdge(min(first, second), max(first, second), float(count),
                     f"{count} sentence{'s' if count != 1 else ''} together")


def relationship_graph_svg(briefing: Briefing, link_for: LinkFor, limit: int = GRAPH_NODES,
                           shared: dict[str, Counter] | None = None) -> str:
    """The relationship graph as inline SVG; empty when no two entities share a sentence
    (``shared``: as in ``graph_parts``)."""
    nodes, edges = graph_parts(briefing, link_for, limit, shared)
    if not edges:
        return ""
    return render_graph(nodes, edges, title="Who appears with whom")


def locate(entity: Entity) -> gazetteer.Place | None:
    """The gazetteer place of a place entity, trying its name then its aliases."""
    for name in (entity.name, *entity.aliases):
        place = gazetteer.lookup(name)
        if place is not None and place.lat is not None and place.lon is not None:
            return place
    return None


def located_places(briefing: Briefing, limit: int | None = None) -> list[tuple[Entity, gazetteer.Place]]:
    """Place entities the gazetteer can put on a map, with their gazetteer place; with
    ``limit``, the ``limit`` most mentioned of them (ties by name), in corpus order."""
    found = [(e, place) for e in briefing.entities if e.type == "place" and (place := locate(e))]
    if limit is not None and len(found) > limit:
        kept = {id(e) for e, _ in sorted(found, key=lambda row: (-len(row[0].mentions), row[0].name))[:limit]}
        found = [(e, place) for e, place in found if id(e) in kept]
    return found


def map_markers(briefing: Briefing, link_for: LinkFor, limit: int | None = None) -> list[MapMarker]:
    """One marker per located place entity (see ``located_places``), sized by mentions."""
    return [MapMarker(entity.name, float(place.lat), float(place.lon), link_for(entity.id),
                      len(entity.mentions))
            for entity, place in located_places(briefing, limit)
            if place.lat is not None and place.lon is not None]


def places_map_svg(briefing: Briefing, link_for: LinkFor, limit: int | None = None) -> str:
    """The places map as inline SVG (``limit``: most markers); empty when no place could be located."""
    markers = map_markers(briefing, link_for, limit)
    return render_map(markers) if markers else ""
