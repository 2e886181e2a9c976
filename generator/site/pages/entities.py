"""Entity pages: one per person, organisation, place and group (the index page of each type is
``entity_indexes``, the roles a page lists ``entity_roles``)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import partial

from generator.model import (
    Briefing,
    Citation,
    Deadline,
    Entity,
    EntityType,
    Event,
    Quote,
    ReportedStatement,
    Source,
)
from generator.quotes.statements import statements_by_speaker
from generator.site.digests import pickle_digest
from generator.site.index import BriefingIndex, by_count, index_briefing
from generator.site.markup import entity_page
from generator.site.memo import PageMemo
from generator.site.page import TYPE_SINGULAR, TYPE_TITLES, DeferredPage, Page, PlannedPage
from generator.site.pages.entity_indexes import Summary, plan_entity_indexes, summaries
from generator.site.pages.entity_roles import RoleRow, first_roles
from generator.site.pages.figures import PeopleGraph, neighbourhood_inputs, neighbourhood_svg, people_graph
from generator.site.summarize import Statement, entity_summary

LIST_LIMIT = 25
"""Most rows of each list on an entity page (roles, mentions by source, quotes, positions,
events, deadlines): a page must not grow with the corpus; it says how many rows it leaves out."""
CITE_LIMIT = 5
"""Most sources cited for one role, summary statement or quote on an entity page."""
NEIGHBOURHOOD_MIN_SOURCES = 2
"""A person's "Appears with" figure is drawn when at least this many sources name them. For a
name from one article the Related list says the same, and the figure (about 10 KB of a 34 KB
page, and most of the page planning time) would make up a third of the people pages' size."""


@dataclass(frozen=True)
class EntityRef:
    """An entity a page only names and links (by id: the linker gives its page): not the whole
    entity, whose mention list grows with every article naming it, so that the page's context,
    and its render memo key (``site.render_memo``), change only when what it shows does."""

    id: str
    """The entity's id."""
    name: str
    """Its canonical name."""
    type: EntityType
    """"person", "organization", "place" or "group"."""


def entity_refs(rows: list[tuple[Entity, int]]) -> list[tuple[EntityRef, int]]:
    """(entity, count) rows as (reference, count) rows, in the same order."""
    return [(EntityRef(entity.id, entity.name, entity.type), count) for entity, count in rows]


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
    related: list[tuple[EntityRef, int]]
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
    positions: list[ReportedStatement] = field(default_factory=list)
    """Reported (indirect) statements the entity made, in source order; its direct ones are ``quotes``."""
    more: dict[str, int] = field(default_factory=dict)
    """List name ("roles", "mention_rows", "quotes", ...) -> rows left out by ``LIST_LIMIT``."""
    quote_sources: dict[str, Source] = field(default_factory=dict)
    """Source id -> source, for the first source of each quote (its heading names it)."""


def entity_context(entity: Entity, briefing: Briefing, related: Counter,
                   graph: PeopleGraph | None = None,
                   index: BriefingIndex | None = None,
                   statements: dict[str, list[ReportedStatement]] | None = None,
                   summary: list[Statement] | None = None,
                   memo: PageMemo | None = None) -> EntityContext:
    """Everything an entity page shows (``index``, ``statements``: lookups shared by all pages;
    ``summary``: its ``entity_summary`` when the caller has it; ``memo``: figures kept between builds)."""
    index = index or index_briefing(briefing)
    statements = statements if statements is not None else statements_by_speaker(briefing)
    per_source: dict[str, list[Citation]] = {}
    for m in entity.mentions:
        per_source.setdefault(m.source, []).append(Citation(m.source, m.start, m.end, m.text, m.sentence))
    listed = sorted(row for sid in per_source for row in index.source_rows.get(sid, ()))
    lists = {
        "roles": [RoleRow(r.text, first_sources(r.citations)) for r in first_roles(entity)],
        "mention_rows": [MentionRow(s, tuple(per_source[s.id])) for _, s in listed],
        "quotes": [replace(q, citations=first_sources(q.citations))
                   for q in index.quotes_by_speaker.get(entity.id, ())],
        "events": list(index.events_of_entity.get(entity.id, ())),
        "deadlines": list(index.deadlines_of_entity.get(entity.id, ())),
        "positions": [st for st in statements.get(entity.id, ()) if st.kind == "indirect"],
    }
    summary = summary if summary is not None else entity_summary(entity, briefing, sources=index.sources)
    return EntityContext(
        entity=entity,
        type_label=TYPE_SINGULAR[entity.type],
        summary=[replace(s, citations=first_sources(s.citations)) for s in summary],
        related=entity_refs(by_count([(index.entities[i], n) for i, n in related.items()])[:15]),
        neighbourhood=_neighbourhood(graph, entity, memo),
        more={name: len(rows) - LIST_LIMIT for name, rows in lists.items() if len(rows) > LIST_LIMIT},
        quote_sources={q.citations[0].source: index.sources[q.citations[0].source]
                       for q in lists["quotes"][:LIST_LIMIT] if q.citations[0].source in index.sources},
        **{name: rows[:LIST_LIMIT] for name, rows in lists.items()},
    )


def first_sources(citations: tuple[Citation, ...], limit: int = CITE_LIMIT) -> tuple[Citation, ...]:
    """The citations from the first ``limit`` distinct sources, in order."""
    kept: set[str] = set()
    out = []
    for citation in citations:
        if citation.source not in kept:
            if len(kept) == limit:
                continue
            kept.add(citation.source)
        out.append(citation)
    return tuple(out)


def _neighbourhood(graph: PeopleGraph | None, entity: Entity, memo: PageMemo | None) -> str:
    """The "Appears with" figure of a person named in ``NEIGHBOURHOOD_MIN_SOURCES`` sources or more."""
    if not graph or not _draws_neighbourhood(entity):
        return ""
    return neighbourhood_svg(graph, entity, memo)


def _draws_neighbourhood(entity: Entity) -> bool:
    """Whether the entity's page may have an "Appears with" figure."""
    return entity.type == "person" and len({m.source for m in entity.mentions}) >= NEIGHBOURHOOD_MIN_SOURCES


def plan_entity_pages(briefing: Briefing, min_mentions: int,
                      index: BriefingIndex | None = None, memo: PageMemo | None = None) -> list[Page]:
    """Index page per type and a page per entity that has one (``index``: the planner's lookups;
    ``memo``: summaries and figures kept between builds)."""
    index = index or index_briefing(briefing)
    summary = summaries(briefing, index, memo)
    return [*plan_entity_indexes(briefing, min_mentions, index, memo, summary),
            *plan_entity_page_share(briefing, index, memo, summary=summary)]


def plan_entity_page_share(briefing: Briefing, index: BriefingIndex, memo: PageMemo | None = None,
                           share: tuple[int, int] = (0, 1),
                           summary: Summary | None = None) -> list[PlannedPage]:
    """The pages of the entities that have one, or with ``share`` (k, n) every n-th of them
    from the k-th (so that n processes can each plan a share). Each page's context is made
    only when it is read (``DeferredPage``): a rebuild reads it only for a page whose inputs
    (``entity_page_inputs``) changed."""
    summary = summary or summaries(briefing, index, memo)
    graph = people_graph(briefing, index.co_mentions)
    statements = statements_by_speaker(briefing)
    with_page = [e for entity_type in TYPE_TITLES for e in briefing.entities
                 if e.type == entity_type and e.has_page]
    number, count = share

    def context(entity: Entity) -> EntityContext:
        return entity_context(entity, briefing, index.co_mentions[entity.id], graph, index,
                              statements, summary(entity), memo)

    return [DeferredPage(entity_page(entity.type, entity.id), "entity.md.j2",
                         entity_page_inputs(entity, briefing, index, graph, statements.get(entity.id, ())),
                         partial(context, entity))
            for entity in with_page[number::count]]


def entity_page_inputs(entity: Entity, briefing: Briefing, index: BriefingIndex, graph: PeopleGraph,
                       statements: Iterable[ReportedStatement]) -> str:
    """Digest of everything ``entity_context`` makes the entity's page from: the entity (its
    mentions, roles, names), each source naming it in corpus order (text, title, date) and its
    sentences, its quotes, events, deadlines and statements, the names and shared sentences of
    every entity it shares one with, and its neighbourhood figure's nodes and edges. A change
    to any of them changes the digest; ``tests/test_deferred_pages.py`` checks it against the
    page's context over rebuilds."""
    digests = index.digests
    named_in = dict.fromkeys(m.source for m in entity.mentions)
    rows = sorted(row for source_id in named_in for row in index.source_rows.get(source_id, ()))
    quotes = index.quotes_by_speaker.get(entity.id, ())
    quoted_in = [q.citations[0].source for q in quotes if q.citations[0].source in index.sources]
    parts = (
        digests.of(entity),
        [digests.of(source) for _, source in rows],  # every source the summary reads is one of them
        [digests.of(briefing.analyses[s].sentences) for s in named_in if s in briefing.analyses],
        [digests.of(quote) for quote in quotes],
        [digests.of(index.sources[source_id]) for source_id in quoted_in],
        [digests.of(event) for event in index.events_of_entity.get(entity.id, ())],
        [digests.of(deadline) for deadline in index.deadlines_of_entity.get(entity.id, ())],
        pickle_digest(list(statements)),
        sorted((other, count, index.entities[other].name, index.entities[other].type)
               for other, count in index.co_mentions[entity.id].items()),
        neighbourhood_inputs(graph, entity) if _draws_neighbourhood(entity) else (),
    )
    return pickle_digest(parts)
