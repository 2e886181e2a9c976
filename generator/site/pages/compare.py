"""The sources comparison page: who and what each source mentions, and where sources disagree."""

from __future__ import annotations

from dataclasses import dataclass

from generator.site.markup import source_labels
from generator.model import Briefing, Deadline, Entity, Event, Source
from generator.site.pages.entities import Page

MATRIX_TYPES = ("person", "place", "organization")
MAX_ROWS_PER_TYPE = 25
MAX_SOURCE_COLUMNS = 24
"""A wider matrix is unreadable: only the newest sources get a column."""


@dataclass(frozen=True)
class MatrixRow:
    """One entity (or deadline) and how often each source mentions it."""

    label: str
    """Entity name or deadline title."""
    target: str
    """Docs-relative page of the row's subject, or empty."""
    entity_id: str
    """Entity id, or empty for deadlines."""
    counts: tuple[int, ...]
    """Mentions per source, in the order of ``CompareContext.sources``."""


@dataclass(frozen=True)
class Disagreement:
    """Sources that state one fact differently."""

    subject: str
    """What the fact is about (a deadline or event title)."""
    target: str
    """Docs-relative page of the subject."""
    notes: tuple[str, ...]
    """What differs, in plain words."""


@dataclass(frozen=True)
class CompareContext:
    """Context of sources-compared.md."""

    sources: list[tuple[str, Source]]
    """(label, source) columns."""
    sections: list[tuple[str, list[MatrixRow]]]
    """(section title, rows): People, Places, Organisations, Deadlines."""
    disagreements: list[Disagreement]
    """Facts stated differently by different sources."""
    total_sources: int = 0
    """How many usable sources there are (more than the columns when capped)."""


def _entity_rows(entities: list[Entity], sources: list[Source], entity_type: str) -> list[MatrixRow]:
    members = sorted((e for e in entities if e.type == entity_type), key=lambda e: -len(e.mentions))
    rows = []
    for entity in members[:MAX_ROWS_PER_TYPE]:
        counts = tuple(sum(m.source == s.id for m in entity.mentions) for s in sources)
        rows.append(MatrixRow(entity.name, "", entity.id, counts))
    return rows


def _deadline_rows(deadlines: list[Deadline], sources: list[Source]) -> list[MatrixRow]:
    rows = []
    for deadline in deadlines:
        counts = tuple(sum(r.citation.source == s.id for r in deadline.reports) for s in sources)
        rows.append(MatrixRow(deadline.title, f"deadlines/{deadline.id}.md", "", counts))
    return rows


def _event_date_disagreement(event: Event, briefing: Briefing) -> Disagreement | None:
    """Sources giving different weekdays/dates inside one merged event's sentences."""
    stated = {}
    for citation in event.citations:
        analysis = briefing.analyses[citation.source]
        for time in analysis.times:
            if citation.start <= time.start < citation.end and time.type == "DATE":
                stated.setdefault(time.text.lower(), set()).add(citation.source)
    if len(stated) < 2:
        return None
    notes = tuple(f"“{words}” ({', '.join(sorted(ids))})" for words, ids in sorted(stated.items()))
    return Disagreement(event.title, f"events/{event.id}.md", notes)


def compare_context(briefing: Briefing) -> CompareContext:
    """Matrix of mentions per source and the disagreements found."""
    usable = [s for s in briefing.sources if s.status == "ok"]
    ok = newest(usable, MAX_SOURCE_COLUMNS)
    labels = source_labels(briefing.sources)
    titles = {"person": "People", "place": "Places", "organization": "Organisations"}
    sections = [(titles[t], _entity_rows(briefing.entities, ok, t)) for t in MATRIX_TYPES]
    sections.append(("Deadlines", _deadline_rows(briefing.deadlines, ok)))
    disagreements = [Disagreement(d.title, f"deadlines/{d.id}.md", d.disagreements)
                     for d in briefing.deadlines if d.disagreements]
    disagreements += [d for e in briefing.events if (d := _event_date_disagreement(e, briefing))]
    return CompareContext([(labels[s.id], s) for s in ok], sections, disagreements, len(usable))


def newest(sources: list[Source], limit: int) -> list[Source]:
    """The ``limit`` newest sources (by publication date, then file order), in file order."""
    if len(sources) <= limit:
        return sources
    order = {s.id: n for n, s in enumerate(sources)}
    ranked = sorted(sources, key=lambda s: (s.published is not None, s.published or "", order[s.id]))
    keep = {s.id for s in ranked[-limit:]}
    return [s for s in sources if s.id in keep]


def plan_compare_page(briefing: Briefing) -> list[Page]:
    """The single comparison page."""
    return [Page("sources-compared.md", "sources_compared.md.j2", compare_context(briefing))]
