"""Which entities get a page of their own: the page-count policy.

An entity gets a page when it matters to the briefing:

1. it has at least ``min_mentions_for_page`` mentions, and
2. it is named in at least ``min_sources_for_page`` sources, where having a
   role ("the port director") and being the speaker of a direct quote (an
   actor the sources present and let speak) counts as one source more.

``min_sources_for_page`` is "auto" by default (``sources_for_page``): 2 below
1,000 articles, and one more for each tenfold growth of the corpus, since the
more articles there are, the more of them a name must appear in to stand out
(3 from 1,000 articles, 4 from 10,000).

Entities named in one article only are then capped: at most
``max_pages_per_article`` of them per article get a page, most mentioned first
(ties by name), so one article naming thousands of people cannot flood the
site. Every entity, with a page or not, stays listed (and searchable) on its
type's index page; a name without a page is printed as plain text elsewhere.

A deadline gets a page when at least two sources report it (or
``min_sources_for_page`` when set to a number; ``mark_deadline_pages``): few
deadlines are reported, and each matters; every other deadline is a row of the Deadlines
index, which holds what such a page would (due time, demand, setter, bound,
consequences, status and the reporting sentence), and links to it land on
that sentence (``markup.deadline_target``).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any, TypeVar

from generator.model import ArticleAnalysis, Deadline, Entity, with_page_flag

Item = TypeVar("Item")
AUTO_MIN_SOURCES = 2
"""Sources an entity or deadline needs for a page when ``min_sources_for_page`` is "auto",
below 1,000 articles."""


def sources_for_page(setting: int | None, articles: int) -> int:
    """The entity threshold in force: ``setting``, or for "auto" (None) one more per digit past three."""
    if setting is not None:
        return setting
    return AUTO_MIN_SOURCES + max(0, len(str(max(articles, 1))) - 3)


def sources_for_deadline_page(setting: int | None) -> int:
    """The deadline threshold in force: ``setting``, or for "auto" (None) two sources."""
    return AUTO_MIN_SOURCES if setting is None else setting


def quoted_entities(entities: list[Entity], analyses: Iterable[ArticleAnalysis]) -> set[str]:
    """Ids of the entities one of whose mentions overlaps the speaker words of a direct quote."""
    speakers: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for analysis in analyses:
        speakers[analysis.source] += [q.speaker for q in analysis.quotes if q.speaker]
    return {e.id for e in entities
            if any(start < m.end and m.start < end
                   for m in e.mentions for start, end in speakers.get(m.source, ()))}


def matters(entity: Entity, min_sources: int, quoted: set[str]) -> bool:
    """Rule 2 above: named across sources, a role and a quote counting as one more."""
    named_in = len({m.source for m in entity.mentions})
    actor = bool(entity.roles) and entity.id in quoted
    return named_in + actor >= min_sources


def beyond_article_cap(items: Iterable[Item], sources: Callable[[Item], set[str]],
                       rank: Callable[[Item], Any], per_article: int) -> list[Item]:
    """Items named by one article only that rank after that article's first ``per_article``.

    ``sources`` gives the articles an item is named in; ``rank`` sorts an
    article's items (ties keep the order of ``items``).
    """
    by_article: dict[str, list[Item]] = defaultdict(list)
    for item in items:
        named_in = sources(item)
        if len(named_in) == 1:
            by_article[next(iter(named_in))].append(item)
    return [item for members in by_article.values() for item in sorted(members, key=rank)[per_article:]]


def mark_pages(entities: list[Entity], min_mentions: int, per_article: int,
               min_sources: int = 1, quoted: set[str] | None = None) -> list[Entity]:
    """The entities with ``has_page`` set by the policy above (``quoted``: see ``quoted_entities``)."""
    return flag_pages(entities, entities_with_pages(entities, min_mentions, per_article, min_sources, quoted))


def entities_with_pages(entities: list[Entity], min_mentions: int, per_article: int,
                        min_sources: int = 1, quoted: set[str] | None = None) -> set[str]:
    """Ids of the entities the policy above gives a page (``mark_pages`` sets their flag)."""
    quoted = quoted or set()
    eligible = {e.id for e in entities
                if len(e.mentions) >= min_mentions and matters(e, min_sources, quoted)}
    capped = beyond_article_cap([e for e in entities if e.id in eligible],
                                lambda e: {m.source for m in e.mentions},
                                lambda e: (-len(e.mentions), e.name, e.id), per_article)
    return eligible - {e.id for e in capped}


def flag_pages(entities: list[Entity], with_pages: set[str]) -> list[Entity]:
    """The entities with ``has_page`` set when their id is in ``with_pages``."""
    return [with_page_flag(e, e.id in with_pages) for e in entities]


def mark_deadline_pages(deadlines: list[Deadline], min_sources: int) -> list[Deadline]:
    """The deadlines with ``has_page`` set: reported by at least ``min_sources`` sources."""
    return [with_page_flag(d, not d.reports or len({r.citation.source for r in d.reports}) >= min_sources)
            for d in deadlines]
