"""Event mentions with their names resolved: the unit the corpus-wide event merge clusters.

``resolve_reports`` turns every per-article ``EventCandidate`` into a ``Report``
holding entity ids (via the mention offsets resolve kept), the gazetteer entry
of its place and its source's publication date. ``taking_part`` and
``dated_occasions`` give what one article's event mentions say (who takes part;
on which day a party visits or meets), which story grouping weighs, and
``different_occasions`` tells two articles' dated visits apart. A leaf module:
the event merge and the stories import it, and it imports neither.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from generator.events import triggers as lex
from generator.knowledge import gazetteer
from generator.model import ArticleAnalysis, Briefing, EventCandidate
from generator.temporal.calendar import value_range

OCCASIONS = {"visit": "encounter", "meeting": "encounter"}
"""Event families whose dated mentions tell occasions apart (a visit and the meeting held on
it are one); announcements, attacks or threats at several dates may be one story."""

_WEEKDAY = re.compile(r"^XXXX-WXX-\d$")


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
    described: frozenset[str] = frozenset()
    """Lemmas of participants described but not named ("gunman")."""
    people: frozenset[str] = frozenset()
    """The ``participants`` that are people."""

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
    by_span = briefing.mention_index()
    homonyms = _homonyms(by_span)
    reports = []
    for source in briefing.sources:
        analysis = briefing.analyses.get(source.id)
        for candidate in analysis.events if analysis else ():
            report = _report(candidate, by_span, len(reports), source.published)
            if (source.id, report.place) in homonyms:
                report = replace(report, geo=homonyms[(source.id, report.place)])
            reports.append(report)
    return reports


def _homonyms(by_span: dict) -> dict[tuple[str, str], gazetteer.Place]:
    """(source id, place id) -> the gazetteer entry of a city a name also has in another country,
    taken there: a city no other place of its article shares a country with, named no more often
    than the places of the country the article's other places mostly lie in, and a city's name
    there too, within ``HOMONYM_KM`` of one of them ("Cambridge" beside "Boston" is the one in
    Massachusetts, though the English town is what the name alone looks up; a city named more
    often than the article's places abroad stays where the name alone puts it)."""
    named: dict[str, dict[str, tuple[str, gazetteer.Place, int]]] = {}  # source -> place id -> ...
    for (source, _, _), entity in by_span.items():
        geo = _lookup(entity.name) if entity.type == "place" else None
        if geo is not None:
            places = named.setdefault(source, {})
            places[entity.id] = (entity.name, geo, places.get(entity.id, ("", geo, 0))[2] + 1)
    found = {}
    for source, places in named.items():
        for place, (name, geo, times) in places.items():
            there = _homonym_abroad(place, name, geo, times, places)
            if there is not None:
                found[(source, place)] = there
    return found


def _homonym_abroad(place: str, name: str, geo: gazetteer.Place, times: int,
                    places: dict[str, tuple[str, gazetteer.Place, int]]) -> gazetteer.Place | None:
    """The city ``name`` in the country of its article's other ``places`` (``_homonyms``)."""
    abroad: dict[str, int] = {}
    for other, (_, g, n) in places.items():
        if other != place:
            abroad[g.country_code] = abroad.get(g.country_code, 0) + n
    if geo.kind != "city" or geo.country_code in abroad or not abroad:
        return None
    country = max(abroad, key=lambda c: abroad[c])
    there = gazetteer.city_in(name, country) if abroad[country] >= times else None
    near = there is not None and any(
        g.country_code == country and gazetteer.kilometres(g, there) <= HOMONYM_KM
        for other, (_, g, _) in places.items() if other != place)
    return there if near else None


HOMONYM_KM = 100
"""How near one of its article's other places a city of the same name must lie to be taken for
the one meant (``_homonyms``: "Paris" beside "Washington" stays in France)."""


def _report(candidate: EventCandidate, by_span: dict, order: int, published: dt.date | None) -> Report:
    source = candidate.citation.source
    people = [by_span.get((source, *span)) for span in candidate.participants]
    place = by_span.get((source, *candidate.place)) if candidate.place else None
    if place is not None and place.type != "place":
        people.append(place)
        place = None
    ids = frozenset(e.id for e in people if e is not None)
    persons = frozenset(e.id for e in people if e is not None and e.type == "person")
    described = frozenset(candidate.described)
    if place is None:
        return Report(candidate, ids, None, order, published=published, described=described, people=persons)
    return Report(candidate, ids, place.id, order, _lookup(place.name), published, described, persons)


@functools.lru_cache(maxsize=4096)
def _lookup(name: str) -> gazetteer.Place | None:
    return gazetteer.lookup(name)


def taking_part(analysis: ArticleAnalysis, by_span: dict) -> Iterator[tuple[str, str, EventCandidate]]:
    """(event family, entity id, mention) for each current event mention and who or where it involves."""
    for event in analysis.events:
        if not event.aspect:
            for span in [*event.participants, *([event.place] if event.place else [])]:
                if (key := (analysis.source, *span)) in by_span:
                    yield lex.family(event.kind), by_span[key], event


def dated_occasions(analysis: ArticleAnalysis, by_span: dict) -> frozenset[tuple[str, str, str]]:
    """(occasion, entity id, time value) of an article's current dated visits and meetings."""
    return occasions_of(taking_part(analysis, by_span))


def occasions_of(parties: Iterable[tuple[str, str, EventCandidate]]) -> frozenset[tuple[str, str, str]]:
    """``dated_occasions`` of an article's ``taking_part``."""
    return frozenset((OCCASIONS[family], entity, event.time.value) for family, entity, event in parties
                     if event.time is not None and family in OCCASIONS)


def different_occasions(a: frozenset[tuple[str, str, str]], b: frozenset[tuple[str, str, str]]) -> bool:
    """Whether two articles' ``dated_occasions`` put one party's visit or meeting on
    different days only: two occasions."""
    return parties_apart(times_by_party(a), times_by_party(b))


def parties_apart(mine: dict[tuple[str, str], set[str]], theirs: dict[tuple[str, str], set[str]],
                  different: Callable[[str, str], bool] | None = None) -> bool:
    """``different_occasions`` of two articles' ``times_by_party`` (``different``: a stand-in
    for ``different_times``, e.g. a memoised one)."""
    different = different or different_times
    return any(all(different(u, v) for u in values for v in theirs[key])
               for key, values in mine.items() if key in theirs)


def times_by_party(timed: frozenset[tuple[str, str, str]]) -> dict[tuple[str, str], set[str]]:
    """(occasion, entity) -> the time values of an article's ``dated_occasions``."""
    found: dict[tuple[str, str], set[str]] = {}
    for occasion, entity, value in timed:
        found.setdefault((occasion, entity), set()).add(value)
    return found


def different_times(a: str, b: str,
                    span: Callable[[str], tuple[dt.date, dt.date] | None] = value_range) -> bool:
    """Two stated times that cannot be one day: days (or weeks) apart, or two different weekdays.
    ``span``: a stand-in for ``value_range`` (e.g. a memoised one)."""
    ra, rb = span(a), span(b)
    if ra and rb and max(ra[1] - ra[0], rb[1] - rb[0]).days < 7:
        return (max(ra[0], rb[0]) - min(ra[1], rb[1])).days > 1
    return a != b and bool(_WEEKDAY.match(a)) and bool(_WEEKDAY.match(b))
