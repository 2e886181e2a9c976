"""The printed briefing's content: the context the print templates read, and its links.

Everything comes from the finished Briefing and the same page contexts the
site uses (``home_context``, ``entity_context``, ``co_mentions``); nothing is
re-derived. Links inside the document are ``#anchor`` links:

* ``sec-<name>`` a section, ``e-<entity id>`` an entity's entry,
  ``ev-<id>`` an event, ``dl-<id>`` a deadline, ``src-<source id>`` a source
  entry, ``ref-<n>`` a numbered reference.

Citations become numbered references, one per cited (source, sentence), in
order of first use while the document renders; the References section, which
renders last, lists them with the sentence quoted.
"""

from __future__ import annotations

import html
import re
from bisect import bisect_left
from collections.abc import Iterable
from dataclasses import dataclass

from markupsafe import Markup

from generator.deadlines.build import Disagreement as DeadlineDisagreement
from generator.deadlines.build import find_disagreements
from generator.model import Briefing, Citation, Deadline, Event, Source
from generator.site.figures import graph_parts, located_places, places_map_svg, relationship_graph_svg
from generator.site.index import co_mentions
from generator.site.linker import Linker
from generator.site.markup import source_labels
from generator.site.page import TYPE_TITLES
from generator.site.pages.entities import EntityContext, entity_context
from generator.site.pages.home import HomeContext, briefing_title, home_context
from generator.site.timewords import day_words, moment_words, value_words

_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
SECTION_ORDER = ("overview", "deadlines", "people", "events", "places", "organisations", "groups",
                 "sources", "references")
SECTION_TITLES = {"overview": "Overview", "deadlines": "Deadlines", "events": "Events",
                  "sources": "Sources", "references": "References",
                  "organisations": TYPE_TITLES["organization"], "groups": TYPE_TITLES["group"],
                  "people": TYPE_TITLES["person"], "places": TYPE_TITLES["place"]}
_SECTION_TYPES = {"people": "person", "places": "place", "organisations": "organization",
                  "groups": "group"}


@dataclass(frozen=True)
class Reference:
    """One numbered reference: a cited sentence of a source."""

    number: int
    """Number shown in the text as [n], in order of first use."""
    source: Source
    """The source holding the sentence."""
    label: str
    """Short label of the source (S1, ...)."""
    sentence: int
    """0-based index of the sentence in the source."""
    text: str
    """The whole sentence, quoted in the reference list."""
    same_as: int = 0
    """Number of an earlier reference with the same words (syndicated copy), 0 when none."""


class References:
    """Numbers cited sentences as the document renders and lists them afterwards."""

    def __init__(self, briefing: Briefing) -> None:
        self._sources = {s.id: s for s in briefing.sources}
        self._labels = source_labels(briefing)
        self._analyses = briefing.analyses
        self._numbers: dict[tuple[str, int], int] = {}
        self._by_words: dict[str, int] = {}
        self.items: list[Reference] = []
        """Every reference handed out so far, in number order."""

    def number(self, citation: Citation) -> int:
        """The reference number of the citation's sentence, assigned at first use."""
        key = (citation.source, citation.sentence)
        if key not in self._numbers:
            source = self._sources[citation.source]
            sentence = self._analyses[citation.source].sentences[citation.sentence]
            text = source.text[sentence.start:sentence.end]
            number = len(self.items) + 1
            same_as = self._by_words.setdefault(words_key(text), number)
            self._numbers[key] = number
            self.items.append(Reference(number, source, self._labels[source.id], citation.sentence,
                                        text, same_as if same_as != number else 0))
        return self._numbers[key]

    def cite(self, citation: Citation) -> Markup:
        """``[n]`` linking to the reference entry."""
        n = self.number(citation)
        return Markup(f'<a class="ref" href="#ref-{n}">[{n}]</a>')

    def cites(self, citations: Iterable[Citation]) -> Markup:
        """Each distinct reference once, in ascending order."""
        numbers = sorted({self.number(c) for c in citations})
        return Markup("".join(f'<a class="ref" href="#ref-{n}">[{n}]</a>' for n in numbers))

    def of_source(self, source_id: str) -> list[Reference]:
        """References to one source, in number order."""
        return [r for r in self.items if r.source.id == source_id]

    def label(self, source_id: str) -> str:
        """Short label of a source (S1, ...)."""
        return self._labels[source_id]


def words_key(text: str) -> str:
    """Letters and digits of a sentence, lower case: two copies of one sentence share it."""
    return re.sub(r"[\W_]+", "", text).lower()


class Printed:
    """The sentences the document has printed in full, so each is printed once.

    Templates ask ``split`` which of a list of statements (or citations) are new;
    the rest were printed earlier and are only referred to by their reference numbers.
    """

    def __init__(self, briefing: Briefing) -> None:
        self._texts = {s.id: s.text for s in briefing.sources}
        self._seen: set[str] = set()

    def first(self, citation: Citation) -> bool:
        """True the first time a sentence (or a copy of it) is asked about, then False."""
        key = words_key(self._texts[citation.source][citation.start:citation.end])
        if key in self._seen:
            return False
        self._seen.add(key)
        return True

    def split(self, items: Iterable) -> tuple[list, list[Citation]]:
        """(items not printed yet, now marked printed; the citations of those printed before)."""
        new, again = [], []
        for item in items:
            lead = getattr(item, "lead", item)
            if self.first(lead):
                new.append(item)
            else:
                again += list(getattr(item, "citations", (item,)))
        return new, again


class Links:
    """Entity links and linked source text for the printed document (HTML, escaped)."""

    def __init__(self, briefing: Briefing) -> None:
        self._linker = Linker(briefing)
        self._texts = {s.id: s.text for s in briefing.sources}

    def entity(self, entity_id: str | None, label: str | None = None) -> Markup:
        """The entity's name linking to its entry; "" for None."""
        if entity_id is None or entity_id not in self._linker.entities:
            return Markup("")
        text = label or self._linker.entities[entity_id].name
        return Markup(f'<a class="entity" href="{html.escape(entry_anchor(entity_id))}">'
                      f"{html.escape(text)}</a>")

    def text(self, source_id: str, start: int, end: int) -> Markup:
        """Escaped source text between two offsets, first mention of each entity linked."""
        full, spans = self._texts[source_id], self._linker.spans.get(source_id, [])
        out, cursor, linked = [], start, set()
        for m_start, m_end, entity_id in spans[bisect_left(spans, (start, -1, "")):]:
            if m_start >= end or m_end > end:
                break
            if entity_id in linked or m_start < cursor:
                continue
            linked.add(entity_id)
            out += [html.escape(full[cursor:m_start]), self.entity(entity_id, full[m_start:m_end])]
            cursor = m_end
        out.append(html.escape(full[cursor:end]))
        return Markup("".join(out))


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
    """Build time in words ("29 November 2026, 18:05 UTC"), shown on the cover."""
    overview: HomeContext
    """The site's overview context: lead statements, key people, counts."""
    graph_svg: Markup
    """Inline SVG of the relationship graph ("" when there is none)."""
    map_svg: Markup
    """Inline SVG of the places map ("" when no place was located)."""
    graph_ids: list[str]
    """Entity ids drawn in the graph, listed as links under it (PDF viewers ignore SVG links)."""
    map_ids: list[str]
    """Entity ids marked on the map, listed as links under it."""
    deadlines: list[Deadline]
    """Deadlines, due date first."""
    disagreements: dict[str, list[DeadlineDisagreement]]
    """Deadline id -> the aspects its reports give differently, each version with its sentences."""
    events: list[Event]
    """Events, by date (undated last)."""
    entity_sections: dict[str, EntitySection]
    """People, places, organisations and groups sections by key."""
    sources: list[tuple[str, Source]]
    """(label, source) for every source, skipped ones included."""
    sections: list[tuple[str, str]]
    """(key, title) of every section in order, for the table of contents."""


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


def entity_sections(briefing: Briefing) -> dict[str, EntitySection]:
    """A section per entity type, each entity with the same context as its site page."""
    related = co_mentions(briefing)
    ranked = sorted(briefing.entities, key=lambda e: (-len(e.mentions), e.name))
    out = {}
    for key, entity_type in _SECTION_TYPES.items():
        entries = [entity_context(e, briefing, related[e.id]) for e in ranked
                   if e.type == entity_type]
        out[key] = EntitySection(key, SECTION_TITLES[key], entries)
    return out


def entry_anchor(entity_id: str) -> str:
    """In-document link target of an entity's entry."""
    return f"#e-{entity_id}"


def print_context(briefing: Briefing) -> PrintContext:
    """The whole printed document's context."""
    built = briefing.built_at.date().isoformat() if briefing.built_at else ""
    by_id = {e.id: e for e in briefing.entities}
    built_words = moment_words(briefing.built_at) if briefing.built_at else "not recorded"
    labels = source_labels(briefing)
    return PrintContext(
        title=briefing_title(briefing),
        period=period_covered(briefing),
        built=built,
        built_words=built_words,
        overview=home_context(briefing),
        graph_svg=Markup(relationship_graph_svg(briefing, entry_anchor)),
        map_svg=Markup(places_map_svg(briefing, entry_anchor)),
        graph_ids=[node.id for node in graph_parts(briefing, entry_anchor)[0]],
        map_ids=[entity.id for entity, _ in located_places(briefing)],
        deadlines=sorted(briefing.deadlines, key=lambda d: _date_key(d.due.value if d.due else None)),
        disagreements={d.id: find_disagreements(d.reports, by_id) for d in briefing.deadlines},
        events=sorted(briefing.events, key=lambda e: _date_key(e.date.value if e.date else None)),
        entity_sections=entity_sections(briefing),
        sources=[(labels[s.id], s) for s in briefing.sources],
        sections=[(key, SECTION_TITLES[key]) for key in SECTION_ORDER],
    )
