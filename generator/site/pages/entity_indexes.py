"""The index page of each entity type: a row per entity, with or without a page of its own,
described by its first role or the top statement about it; and the entities' summaries
(``entity_summary``), worked out once per entity for the rows and the pages."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from generator.model import Briefing, Citation, Entity, Source
from generator.site.index import BriefingIndex
from generator.site.markup import TYPE_FOLDERS, one_line
from generator.site.memo import PageMemo
from generator.site.page import TYPE_SINGULAR, TYPE_TITLES, Page
from generator.site.pages.entity_roles import description_roles, role_phrase
from generator.site.pages.paging import ROWS_PER_PAGE, Pager, first_only, pagers, split_rows
from generator.site.summarize import Statement, entity_summary


@dataclass(frozen=True)
class ListedEntity:
    """What an index row shows of an entity: not the whole entity, whose mention list the render
    memo key (``site.render_memo``) would otherwise digest for every row of every index page."""

    id: str
    """The entity's id."""
    has_page: bool
    """Whether it has a page of its own."""
    aliases: tuple[str, ...]
    """Its other names."""
    mention_count: int
    """How many mentions it has."""


@dataclass(frozen=True)
class IndexRow:
    """One entity on its type's index page."""

    entity: ListedEntity
    """The entity."""
    description: str
    """First role, else the most supported statement about it on one line, else empty."""
    sources: int
    """How many sources mention it."""
    citations: tuple[Citation, ...] = ()
    """Sentences the description rests on."""


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
    type_label: str = ""
    """Human name of the type ("Place"), for rows with neither role nor statement."""
    pager: Pager = Pager(1, ())
    """This page among the pages of the list (``ROWS_PER_PAGE`` rows each)."""
    total: int = 0
    """Entities of the type, on all pages, given on the first page only (0 on the others:
    ``paging.first_only``)."""


def index_row(entity: Entity, briefing: Briefing | None = None,
              sources: dict[str, Source] | None = None,
              summary: Callable[[Entity], list[Statement]] | None = None) -> IndexRow:
    """One line on an index page: the first role, else (given ``briefing``) the top statement
    (``summary``: gives an entity's ``entity_summary``, when the caller keeps them)."""
    count = len({m.source for m in entity.mentions})
    listed = ListedEntity(entity.id, entity.has_page, entity.aliases, len(entity.mentions))
    roles = description_roles(entity)
    if roles:
        return IndexRow(listed, role_phrase(roles[0].text), count, roles[0].citations)
    if summary is not None:
        top = summary(entity)[:1]
    else:
        top = entity_summary(entity, briefing, limit=1, sources=sources) if briefing else []
    if top:
        return IndexRow(listed, one_line(top[0].lead.text), count, top[0].citations)
    return IndexRow(listed, "", count)


Summary = Callable[[Entity], list[Statement]]
"""An entity's summary (``entity_summary``), worked out once per entity and call of a planner."""


def summaries(briefing: Briefing, index: BriefingIndex, memo: PageMemo | None) -> Summary:
    """``Summary`` over the briefing, each worked out once for the entity's index row and page."""
    summaries: dict[str, list[Statement]] = {}

    def summary(entity: Entity) -> list[Statement]:
        if entity.id not in summaries:
            summaries[entity.id] = entity_summary(entity, briefing, sources=index.sources, memo=memo)
        return summaries[entity.id]

    return summary


def summaries_ahead(briefing: Briefing, memo: PageMemo,
                    ) -> tuple[dict[str, list[Statement]], dict[str, str], list[str]]:
    """The summaries (``entity_summary``) of the listed entities that ``memo`` does not hold, as
    memo entries; the key of each listed entity's summary; the keys of those ``memo`` held:
    the arguments of ``PageMemo.take_ahead``, which keeps them all for the next build.

    An entity's mentions and their articles' sentences alone make its summary, so it can be
    worked out as soon as the names are resolved: the build does so in a process of its own
    beside the story grouping and the site's lookups (``pipeline``), not in the processes
    making the pages, where the summaries of the entities one deleted article named were a
    third of an entity-page part's time at 2,000 articles. With the keys, the pages do not
    read every entity's sentences again to find the summaries it kept.
    """
    part = memo.fresh()
    sources = {source.id: source for source in briefing.sources}
    for entity in briefing.entities:
        if entity.type in TYPE_TITLES:
            entity_summary(entity, briefing, sources=sources, memo=part)
    new, kept = part.handed_back()
    return new, part.named, kept


def plan_entity_indexes(briefing: Briefing, min_mentions: int, index: BriefingIndex,
                        memo: PageMemo | None = None, summary: Summary | None = None) -> list[Page]:
    """The index pages of each entity type, a row per entity (with or without a page)."""
    summary = summary or summaries(briefing, index, memo)
    pages = []
    for entity_type, title in TYPE_TITLES.items():
        members = [e for e in briefing.entities if e.type == entity_type]
        rows = [index_row(e, briefing, index.sources, summary)
                for e in sorted(members, key=lambda e: (-len(e.mentions), e.name, e.id))]
        runs = split_rows(rows, ROWS_PER_PAGE)
        for run, pager in zip(runs, pagers(f"{TYPE_FOLDERS[entity_type]}/index.md", len(runs)), strict=True):
            pages.append(Page(pager.paths[pager.number - 1], "entity_index.md.j2",
                              IndexContext(title, entity_type, run, min_mentions,
                                           TYPE_SINGULAR[entity_type], pager,
                                           first_only(pager, len(rows)))))
    return pages
