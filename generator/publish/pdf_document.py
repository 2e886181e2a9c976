"""The printed briefing's content: the context the print templates read.

Everything comes from the finished Briefing and the same page contexts the
site uses (``story_sections``, ``entity_context``, ``co_mentions``); nothing is
re-derived. How much is shown is set by a ``Budget`` (``pdf_summary``): the
default document has an executive summary, the leading stories, key actors,
deadlines, the cited sources and the references; ``FULL`` adds every entity,
event and source. Links inside the document are ``#anchor`` links:

* ``sec-<name>`` a section, ``e-<entity id>`` an entity's entry,
  ``ev-<id>`` an event, ``dl-<id>`` a deadline, ``src-<source id>`` a source
  entry, ``ref-<n>`` a numbered reference (see ``pdf_references``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from markupsafe import Markup

from generator.deadlines.build import Disagreement as DeadlineDisagreement
from generator.model import Briefing, Deadline, Event, Source
from generator.publish.pdf_references import (  # noqa: F401 (re-exported for templates and tests)
    Links,
    Printed,
    Reference,
    References,
    entry_anchor,
    words_key,
)
from generator.publish.pdf_summary import BRIEF, Budget, Summary, executive_summary, ranked_actors
from generator.quotes.statements import statements_by_speaker
from generator.site.figures import graph_parts, located_places, places_map_svg, relationship_graph_svg
from generator.site.index import co_mentions, index_briefing
from generator.site.markup import source_labels
from generator.site.page import TYPE_TITLES
from generator.site.pages.compare import real_disagreements
from generator.site.pages.entities import EntityContext, entity_context
from generator.site.pages.home import briefing_title
from generator.site.pages.story_sections import OPEN_STATUSES, StorySection, story_sections
from generator.site.timewords import day_words, moment_words, value_words

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
BRIEF_SECTIONS = ("stories", "actors", "deadlines", "sources", "references")
"""Chapters of the default document, in order."""
FULL_SECTIONS = ("stories", "deadlines", "people", "events", "places", "organisations", "groups",
                 "sources", "references")
"""Chapters of the full document (``--full``), in order."""
SECTION_TITLES = {"stories": "Stories", "actors": "Key actors", "deadlines": "Deadlines",
                  "events": "Events", "sources": "Sources", "references": "References",
                  "organisations": TYPE_TITLES["organization"], "groups": TYPE_TITLES["group"],
                  "people": TYPE_TITLES["person"], "places": TYPE_TITLES["place"]}
SECTION_TEMPLATES = {"stories": "overview.html.j2"}
"""Chapter key -> template, where it is not ``<key>.html.j2`` (entity chapters share one)."""
_SECTION_TYPES = {"people": "person", "places": "place", "organisations": "organization",
                  "groups": "group"}


@dataclass(frozen=True)
class EntitySection:
    """One section listing entities of a type."""

    key: str
    """Section key, also its anchor ``sec-<key>``."""
    title: str
    """Section heading."""
    entries: list[EntityContext]
    """The entities, most mentioned first, with their site page contexts."""


@dataclass(frozen=True)
class PrintContext:
    """Everything the print templates show."""

    title: str
    """Briefing title."""
    period: str
    """Period covered, in words."""
    built: str
    """Build date (UTC, ISO format), for the document's metadata."""
    built_words: str
    """Build time in words ("29 November 2026, 18:05 UTC"), shown on the first page."""
    counts: dict[str, int]
    """Usable sources ("sources"), skipped files ("skipped") and entities per type."""
    budget: Budget
    """What the document shows (``BRIEF`` by default, ``FULL`` with ``--full``)."""
    summary: Summary
    """The executive summary on the first page."""
    stories: list[StorySection]
    """Stories printed in full, largest and latest first."""
    story_lines: list[StorySection]
    """Further stories, listed one line each."""
    graph_svg: Markup
    """Inline SVG of the relationship graph ("" when there is none)."""
    map_svg: Markup
    """Inline SVG of the places map ("" when no place was located; full document only)."""
    graph_ids: list[str]
    """Entity ids drawn in the graph, listed under it (PDF viewers ignore SVG links)."""
    map_ids: list[str]
    """Entity ids marked on the map, listed under it."""
    deadlines: list[Deadline]
    """Deadlines printed, open ones first, then by due date."""
    disagreements: dict[str, list[DeadlineDisagreement]]
    """Deadline id -> the aspects its reports give differently, each version with its sentences."""
    events: list[Event]
    """Events by date, undated last (full document only)."""
    entity_sections: dict[str, EntitySection]
    """Entity chapters by key: "actors" in the default document, one per type in the full one."""
    sources: list[tuple[str, Source]]
    """(label, source) for every source, skipped ones included (the brief lists only cited ones)."""
    sections: list[tuple[str, str]]
    """(key, title) of every chapter in order, for the table of contents."""
    templates: dict[str, str] = field(default_factory=dict)
    """Chapter key -> template file."""
    more: dict[str, int] = field(default_factory=dict)
    """How many stories, actors and deadlines the document leaves out (keys as the lists)."""
    entries: frozenset[str] = frozenset()
    """Ids of the entities with an entry of their own (the only ones linked)."""


def period_covered(briefing: Briefing) -> str:
    """Publication date range, else the range of fully resolved dates in the text."""
    published = sorted(s.published for s in briefing.sources if s.published)
    if published:
        return _range(day_words(published[0]), day_words(published[-1]), "published")
    stated = sorted(t.value for a in briefing.analyses.values() for t in a.times
                    if _FULL_DATE.match(t.value))
    if stated:
        return _range(value_words(stated[0]), value_words(stated[-1]), "dates named in the articles")
    return "not stated (the sources carry no dates)"


def _range(first: str, last: str, basis: str) -> str:
    span = first if first == last else f"{first} to {last}"
    return f"{span} ({basis})"


def _date_key(value: str | None) -> tuple[int, str]:
    return (0, value) if value else (1, "")


def entity_sections(briefing: Briefing, budget: Budget) -> dict[str, EntitySection]:
    """Key actors (default) or a chapter per entity type (full), each entry as its site page."""
    related = co_mentions(briefing)
    index, statements = index_briefing(briefing), statements_by_speaker(briefing)

    def entries(entities) -> list[EntityContext]:
        return [entity_context(e, briefing, related[e.id], index=index, statements=statements)
                for e in entities]
    if not budget.full:
        actors = ranked_actors(briefing)[:budget.actors]
        return {"actors": EntitySection("actors", SECTION_TITLES["actors"], entries(actors))}
    ranked = sorted(briefing.entities, key=lambda e: (-len(e.mentions), e.name))
    return {key: EntitySection(key, SECTION_TITLES[key], entries(e for e in ranked if e.type == kind))
            for key, kind in _SECTION_TYPES.items()}


def printed_deadlines(briefing: Briefing, limit: int | None) -> list[Deadline]:
    """Open deadlines first, each group by due date (unresolved last); the first ``limit``."""
    return sorted(briefing.deadlines, key=lambda d: (
        d.status not in OPEN_STATUSES, _date_key(d.due.value if d.due else None)))[:limit]


def _templates(entity_chapters: dict[str, EntitySection]) -> dict[str, str]:
    """Chapter key -> template: entity chapters share one, the rest are ``<key>.html.j2``."""
    return {key: SECTION_TEMPLATES.get(key, "entities.html.j2" if key in entity_chapters
                                     else f"{key}.html.j2") for key in SECTION_TITLES}


def print_context(briefing: Briefing, budget: Budget = BRIEF) -> PrintContext:
    """The whole printed document's context, within ``budget``."""
    by_id = {e.id: e for e in briefing.entities}
    labels = source_labels(briefing)
    extra = budget.story_lines or 0
    shown = story_sections(briefing, None if budget.stories is None else budget.stories + extra)
    stories = shown[:budget.stories]
    deadlines = printed_deadlines(briefing, budget.deadlines)
    sections = entity_sections(briefing, budget)
    counts = Counter(e.type for e in briefing.entities)
    counts.update(sources=sum(s.status == "ok" for s in briefing.sources),
                  skipped=sum(s.status != "ok" for s in briefing.sources))
    more = {"stories": len(briefing.stories) - len(shown),
            "deadlines": len(briefing.deadlines) - len(deadlines),
            "actors": len(ranked_actors(briefing)) - sum(len(s.entries) for s in sections.values())}
    return PrintContext(
        title=briefing_title(briefing),
        period=period_covered(briefing),
        built=briefing.built_at.date().isoformat() if briefing.built_at else "",
        built_words=moment_words(briefing.built_at) if briefing.built_at else "not recorded",
        counts=dict(counts),
        budget=budget,
        summary=executive_summary(briefing, stories, budget),
        stories=stories,
        story_lines=shown[len(stories):],
        graph_svg=Markup(relationship_graph_svg(briefing, entry_anchor)),
        map_svg=Markup(places_map_svg(briefing, entry_anchor)) if budget.full else Markup(""),
        graph_ids=[node.id for node in graph_parts(briefing, entry_anchor)[0]],
        map_ids=[entity.id for entity, _ in located_places(briefing)] if budget.full else [],
        deadlines=deadlines,
        disagreements={d.id: real_disagreements(d, by_id) for d in deadlines},
        events=sorted(briefing.events, key=lambda e: _date_key(e.date.value if e.date else None))
        if budget.full else [],
        entity_sections=sections,
        sources=[(labels[s.id], s) for s in briefing.sources],
        sections=[(key, SECTION_TITLES[key]) for key in (FULL_SECTIONS if budget.full else BRIEF_SECTIONS)],
        templates=_templates(sections),
        more={key: n for key, n in more.items() if n > 0},
        entries=frozenset(e.entity.id for s in sections.values() for e in s.entries),
    )
