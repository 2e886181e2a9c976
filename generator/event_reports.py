"""Event mentions with their names resolved: the unit the corpus-wide event merge clusters.

``resolve_reports`` turns every per-article ``EventCandidate`` into a ``Report``
holding entity ids (via the mention offsets resolve kept), the gazetteer entry
of its place and its source's publication date. A leaf module: the event merge
and anything else reading reports import it, and it imports neither.
"""

from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from generator import event_triggers as lex
from generator import gazetteer
from generator.model import Briefing, EventCandidate


@dataclass(frozen=True)
class Report:
    """One event mention with its names resolved to entity ids."""

    candidate: EventCandidate
    """The per-article mention."""
    participants: frozenset[str]
    """Entity ids taking part."""
    place: str | None
    """Entity id of the place."""
    order: int
    """Position in corpus order (source file order, then text order)."""
    geo: gazetteer.Place | None = None
    """The gazetteer's entry for the place, for containment (city in country)."""
    published: dt.date | None = None
    """Publication date of the reporting source, when known."""

    @property
    def source(self) -> str:
        """Id of the source reporting it."""
        return self.candidate.citation.source

    @property
    def family(self) -> str:
        """Merge family of the kind."""
        return lex.family(self.candidate.kind)


def resolve_reports(briefing: Briefing) -> list[Report]:
    """Every event candidate of every analysed source, with entity ids."""
    by_span = {(m.source, m.start, m.end): e for e in briefing.entities for m in e.mentions}
    reports = []
    for source in briefing.sources:
        analysis = briefing.analyses.get(source.id)
        for candidate in analysis.events if analysis else ():
            reports.append(_report(candidate, by_span, len(reports), source.published))
    return reports


def _report(candidate: EventCandidate, by_span: dict, order: int, published: dt.date | None) -> Report:
    source = candidate.citation.source
    people = [by_span.get((source, *span)) for span in candidate.participants]
    place = by_span.get((source, *candidate.place)) if candidate.place else None
    if place is not None and place.type != "place":
        people.append(place)
        place = None
    ids = frozenset(e.id for e in people if e is not None)
    if place is None:
        return Report(candidate, ids, None, order, published=published)
    return Report(candidate, ids, place.id, order, _lookup(place.name), published)


@functools.lru_cache(maxsize=4096)
def _lookup(name: str) -> gazetteer.Place | None:
    return gazetteer.lookup(name)
