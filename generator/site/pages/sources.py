"""Source pages: each article sentence by sentence, and the Sources index."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.model import Briefing, Quote, Source
from generator.site.index import BriefingIndex, by_count, index_briefing
from generator.site.markup import source_page
from generator.site.page import Page
from generator.site.pages.entities import EntityRef, entity_refs
from generator.site.pages.events import story_tag
from generator.site.pages.paging import ROWS_PER_PAGE, Pager, first_only, pagers, split_rows


@dataclass(frozen=True)
class SourceContext:
    """Context of one source page."""

    source: Source
    """The source."""
    label: str
    """Short label used in citations (S1, ...)."""
    paragraphs: list[list[tuple[int, int, int]]]
    """Per paragraph, the (sentence index, start, end) of each sentence."""
    title_sentence: int | None
    """Index of the headline sentence when the title came from the text."""
    entities: list[tuple[EntityRef, int]]
    """Entities mentioned, with counts."""
    quotes: list[Quote] = field(default_factory=list)
    """Quotes this source reports."""
    tags: list[str] = field(default_factory=list)
    """Front matter tags besides "Source": the title of the story it belongs to."""


@dataclass(frozen=True)
class SourcesContext:
    """Context of the Sources index."""

    sources: list[tuple[str, Source, int, int]]
    """(label, source, sentence count, mention count) for every source on this page."""
    pager: Pager = Pager(1, ())
    """This page among the Sources pages (``ROWS_PER_PAGE`` rows each)."""
    total: int = 0
    """Sources on all pages, given on the first page only (0 on the others: ``paging.first_only``)."""


def mentions_per_source(briefing: Briefing) -> dict[str, Counter]:
    """For each source id, how often each entity is mentioned in it."""
    counts: dict[str, Counter] = {}
    for entity in briefing.entities:
        for m in entity.mentions:
            counts.setdefault(m.source, Counter())[entity.id] += 1
    return counts


def source_context(source: Source, briefing: Briefing, label: str,
                   counts: Counter | None = None, index: BriefingIndex | None = None) -> SourceContext:
    """Sentences grouped by paragraph, and the entities the source mentions."""
    index = index or index_briefing(briefing)
    analysis = briefing.analyses[source.id]
    paragraphs: dict[int, list[tuple[int, int, int]]] = {}
    title_sentence = None
    for s in analysis.sentences:
        if s.is_title:
            title_sentence = s.index
            continue
        paragraphs.setdefault(s.paragraph, []).append((s.index, s.start, s.end))
    counts = counts if counts is not None else mentions_per_source(briefing).get(source.id, Counter())
    mentioned = entity_refs(by_count([(index.entities[i], n) for i, n in counts.items() if n]))
    quotes = list(index.quotes_of_source.get(source.id, ()))
    return SourceContext(source, label, list(paragraphs.values()), title_sentence, mentioned, quotes,
                         [story_tag(s) for s in index.stories_of_source.get(source.id, ())])


def plan_source_pages(briefing: Briefing, index: BriefingIndex | None = None) -> list[Page]:
    """A page per ok source and the Sources index (``index``: the planner's shared lookups)."""
    pages, rows = [], []
    counts = mentions_per_source(briefing)
    index = index or index_briefing(briefing)
    for source in briefing.sources:
        label = index.labels[source.id][0]
        if source.status != "ok":
            rows.append((label, source, 0, 0))
            continue
        context = source_context(source, briefing, label, counts.get(source.id, Counter()), index)
        pages.append(Page(source_page(source.id), "source.md.j2", context))
        sentences = len(briefing.analyses[source.id].sentences)
        rows.append((label, source, sentences, len(briefing.analyses[source.id].mentions)))
    runs = split_rows(rows, ROWS_PER_PAGE)
    pages += [Page(pager.paths[pager.number - 1], "source_index.md.j2",
                   SourcesContext(run, pager, first_only(pager, len(rows))))
              for run, pager in zip(runs, pagers("sources/index.md", len(runs)), strict=True)]
    return pages
