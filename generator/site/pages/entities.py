"""Page plan: which pages the site has and the documented context of each.

``plan_pages`` turns a finished Briefing into ``Page`` objects (path, template,
context); ``render`` turns those into Markdown. Each page type has one
context dataclass; templates read only its fields and the link helpers
(``cite``, ``cites``, ``entity_link``, ``linked_text``, ``link_to``) that
``render`` binds to the page's own path.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from generator.site.markup import TYPE_FOLDERS, entity_page
from generator.model import Briefing, Citation, Deadline, Entity, Event, Quote, Role, Source
from generator.site.index import BriefingIndex, index_briefing
from generator.site.summarize import Statement, entity_summary

TYPE_TITLES = {
    "person": "People",
    "organization": "Organisations",
    "place": "Places",
    "group": "Groups",
}
TYPE_SINGULAR = {"person": "Person", "organization": "Organisation", "place": "Place", "group": "Group"}


@dataclass(frozen=True)
class Page:
    """One generated Markdown page."""

    path: str
    """Path relative to docs/, e.g. "people/jane-doe.md"."""
    template: str
    """Template file name in site_templates/pages/."""
    context: Any
    """The page's context dataclass."""


@dataclass(frozen=True)
class RoleRow:
    """One distinct role of an entity and every citation giving it."""

    text: str
    """The role words as first written."""
    citations: tuple[Citation, ...]
    """Sentences giving the role (one per source at most)."""


@dataclass(frozen=True)
class MentionRow:
    """Mentions of an entity in one source."""

    source: Source
    """The source."""
    citations: tuple[Citation, ...]
    """Each mention, as a citation of its words."""


@dataclass(frozen=True)
class EntityContext:
    """Context of a person, organisation, place or group page."""

    entity: Entity
    """The entity."""
    type_label: str
    """Human name of the type ("Person")."""
    roles: list[RoleRow]
    """Distinct roles with citations."""
    summary: list[Statement]
    """Cited statements about the entity."""
    related: list[tuple[Entity, int]]
    """Entities sharing sentences with this one, with the count of shared sentences."""
    mention_rows: list[MentionRow]
    """Per-source mention table."""
    quotes: list[Quote] = field(default_factory=list)
    """Quotes the entity is the speaker of, in source order."""
    events: list[Event] = field(default_factory=list)
    """Events the entity takes part in or that happen at the place."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Deadlines the entity set, is bound by, or that concern the place."""
    neighbourhood: str = ""
    """Inline SVG of who the entity appears with (people only)."""


@dataclass(frozen=True)
class IndexRow:
    """One entity on its type's index page."""

    entity: Entity
    """The entity."""
    description: str
    """First role, or empty."""
    sources: int
    """How many sources mention it."""


@dataclass(frozen=True)
class IndexContext:
    """Context of a People/Organisations/Places/Groups index page."""

    title: str
    """Page title."""
    entity_type: str
    """The type listed."""
    rows: list[IndexRow]
    """Entities, most mentioned first."""
    min_mentions: int
    """Threshold below which entities get no page of their own."""


@dataclass(frozen=True)
class ReportContext:
    """Context of the build report."""

    briefing: Briefing
    """The whole briefing (sources with statuses, warnings)."""
    built_at: str
    """Build time, ISO format."""


def first_roles(entity: Entity) -> list[RoleRow]:
    """Distinct roles (case-insensitive), each with up to one citation per source."""
    rows: dict[str, list[Role]] = {}
    for role in entity.roles:
        key = re.sub(r"^(the|an?) ", "", role.text.lower())
        rows.setdefault(key, []).append(role)
    out = []
    for roles in rows.values():
        per_source = {r.citation.source: r.citation for r in reversed(roles)}
        out.append(RoleRow(roles[0].text, tuple(per_source.values())))
    return sorted(out, key=lambda r: -len(r.citations))


def co_mentions(briefing: Briefing) -> dict[str, Counter]:
    """For each entity id, how many sentences it shares with each other entity."""
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for entity in briefing.entities:
        for m in entity.mentions:
            by_sentence.setdefault((m.source, m.sentence), set()).add(entity.id)
    counts: dict[str, Counter] = {e.id: Counter() for e in briefing.entities}
    for ids in by_sentence.values():
        for a in ids:
            counts[a].update(sorted(ids - {a}))  # sorted: ties keep one order on every run
    return counts


def entity_context(entity: Entity, briefing: Briefing, related: Counter,
                   graph: tuple[list, list] | None = None,
                   index: BriefingIndex | None = None) -> EntityContext:
    """Everything an entity page shows (``index``: lookups shared by all pages)."""
    index = index or index_briefing(briefing)
    per_source: dict[str, list[Citation]] = {}
    for m in entity.mentions:
        per_source.setdefault(m.source, []).append(Citation(m.source, m.start, m.end, m.text, m.sentence))
    listed = sorted(row for sid in per_source for row in index.source_rows.get(sid, ()))
    return EntityContext(
        entity=entity,
        type_label=TYPE_SINGULAR[entity.type],
        roles=first_roles(entity),
        summary=entity_summary(entity, briefing, sources=index.sources),
        related=[(index.entities[i], n) for i, n in related.most_common(15)],
        mention_rows=[MentionRow(s, tuple(per_source[s.id])) for _, s in listed],
        quotes=list(index.quotes_by_speaker.get(entity.id, ())),
        events=list(index.events_of_entity.get(entity.id, ())),
        deadlines=list(index.deadlines_of_entity.get(entity.id, ())),
        neighbourhood=_neighbourhood(graph, entity),
    )


def _neighbourhood(graph: tuple[list, list] | None, entity: Entity) -> str:
    from generator.site.pages.figures import neighbourhood_svg

    return neighbourhood_svg(graph, entity) if graph and entity.type == "person" else ""


def index_row(entity: Entity) -> IndexRow:
    """One line on an index page."""
    roles = first_roles(entity)
    return IndexRow(entity, roles[0].text if roles else "", len({m.source for m in entity.mentions}))


def plan_entity_pages(briefing: Briefing, min_mentions: int) -> list[Page]:
    """Index page per type and a page per entity that has one."""
    from generator.site.pages.figures import people_graph

    related = co_mentions(briefing)
    graph = people_graph(briefing)
    index = index_briefing(briefing)
    pages = []
    for entity_type, title in TYPE_TITLES.items():
        members = [e for e in briefing.entities if e.type == entity_type]
        rows = [index_row(e) for e in sorted(members, key=lambda e: (-len(e.mentions), e.name))]
        folder = TYPE_FOLDERS[entity_type]
        pages.append(Page(f"{folder}/index.md", "entity_index.md.j2",
                          IndexContext(title, entity_type, rows, min_mentions)))
        for entity in members:
            if entity.has_page:
                pages.append(Page(entity_page(entity.type, entity.id), "entity.md.j2",
                                  entity_context(entity, briefing, related[entity.id], graph, index)))
    return pages


def plan_pages(briefing: Briefing, min_mentions: int) -> list[Page]:
    """Every generated page of the site."""
    from generator.site.pages.compare import plan_compare_page
    from generator.site.pages.deadlines import plan_deadline_pages
    from generator.site.pages.events import plan_event_pages, plan_tags_page
    from generator.site.pages.figures import plan_figure_pages
    from generator.site.pages.home import home_context
    from generator.site.pages.sources import plan_source_pages

    built_at = briefing.built_at.isoformat(timespec="seconds") if briefing.built_at else ""
    return [
        Page("index.md", "home.md.j2", home_context(briefing)),
        *plan_entity_pages(briefing, min_mentions),
        *plan_source_pages(briefing),
        *plan_event_pages(briefing),
        *plan_deadline_pages(briefing),
        *plan_compare_page(briefing),
        *plan_figure_pages(briefing),
        Page("report.md", "report.md.j2", ReportContext(briefing, built_at)),
        plan_tags_page(briefing),
    ]
