"""Which entities get a page of their own: the page-count policy.

An entity gets a page when it has at least ``min_mentions_for_page`` mentions.
Entities named in one article only are capped: at most
``max_pages_per_article`` of them per article get a page, most mentioned first
(ties by name), so one article naming thousands of people cannot flood the
site. Every entity, with a page or not, stays listed on its type's index page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace

from generator.model import Entity


def mark_pages(entities: list[Entity], min_mentions: int, per_article: int) -> list[Entity]:
    """The entities with ``has_page`` set by the policy above."""
    eligible = {e.id for e in entities if len(e.mentions) >= min_mentions}
    by_article: dict[str, list[Entity]] = defaultdict(list)
    for entity in entities:
        sources = {m.source for m in entity.mentions}
        if entity.id in eligible and len(sources) == 1:
            by_article[sources.pop()].append(entity)
    for members in by_article.values():
        ranked = sorted(members, key=lambda e: (-len(e.mentions), e.name, e.id))
        eligible -= {e.id for e in ranked[per_article:]}
    return [replace(e, has_page=e.id in eligible) for e in entities]
