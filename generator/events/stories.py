"""Stories: groups of articles about the same sequence of events.

An article is described by the *items* it reports: the event clusters of the
strict first pass in ``events_merge`` (earlier occurrences left out: a
background mention of a past visit does not make two articles one story) and
the deadlines it states, keyed by who set them. Two articles are as similar as
the Jaccard overlap of their items; articles are joined bottom-up by average
linkage while the best pair of groups is at least ``STORY_SIMILARITY`` alike
(average rather than single linkage, so one shared background event does not
chain two stories together).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from typing import TYPE_CHECKING

from generator.model import Briefing, Story

if TYPE_CHECKING:
    from generator.events.merge import Report

STORY_SIMILARITY = 0.2
"""Least average item overlap (Jaccard) for two groups of articles to be one story."""


def article_items(clusters: list[list[Report]], briefing: Briefing) -> dict[str, set[str]]:
    """Source id -> the events (strict clusters) and deadline setters it reports."""
    items: dict[str, set[str]] = {}
    for index, members in enumerate(clusters):
        if members[0].candidate.aspect:
            continue
        for report in members:
            items.setdefault(report.source, set()).add(f"event:{index}")
    by_span = {(m.source, m.start, m.end): e.id for e in briefing.entities for m in e.mentions}
    for source, analysis in briefing.analyses.items():
        for deadline in analysis.deadlines:
            setter = by_span.get((source, *deadline.setter)) if deadline.setter else None
            if setter:
                items.setdefault(source, set()).add(f"deadline:{setter}")
    return items


def similarity(a: set[str], b: set[str]) -> float:
    """Jaccard overlap of two item sets (0 when both are empty)."""
    return len(a & b) / len(a | b) if a | b else 0.0


def cluster_articles(sources: list[str], items: dict[str, set[str]]) -> list[tuple[str, ...]]:
    """Average-linkage groups of source ids, each group in the given order.

    Each step joins the most alike pair of groups (among equals, the later
    pair in list order). Groups that share no item are 0 alike and never
    join, so only pairs sharing an item are scored, each again only when one
    of its groups has grown.
    """
    linkage = _Linkage(sources, items)
    while (pair := linkage.best()) is not None:
        linkage.join(*pair)
    rank = {s: n for n, s in enumerate(sources)}
    ordered = [tuple(sorted(g, key=rank.__getitem__)) for g in linkage.groups.values()]
    return sorted(ordered, key=lambda g: rank[g[0]])


class _Linkage:
    """Groups keyed by the position of their first source, with a heap of scored pairs."""

    def __init__(self, sources: list[str], items: dict[str, set[str]]) -> None:
        self.items = items
        self.groups = {n: [s] for n, s in enumerate(sources)}
        self.version = dict.fromkeys(self.groups, 0)
        self.holders: dict[str, set[int]] = {}
        for n, source in enumerate(sources):
            for item in items.get(source, ()):
                self.holders.setdefault(item, set()).add(n)
        self.heap: list[tuple[float, int, int, int, int]] = []
        for n in self.groups:
            self._score_pairs(n, later_only=True)

    def _score_pairs(self, n: int, later_only: bool = False) -> None:
        """Push the score of group ``n`` with every group sharing an item with it."""
        shared = set().union(*(self.holders[item] for s in self.groups[n]
                               for item in self.items.get(s, ())))
        for m in sorted(shared - {n}):
            if later_only and m < n:
                continue
            i, j = min(n, m), max(n, m)
            score = _linkage(self.groups[i], self.groups[j], self.items)
            heapq.heappush(self.heap, (-score, -i, -j, self.version[i], self.version[j]))

    def best(self) -> tuple[int, int] | None:
        """The pair to join next, or None when no pair is alike enough."""
        while self.heap:
            score, i, j, version_i, version_j = self.heap[0]
            i, j = -i, -j
            if self.version.get(i) == version_i and self.version.get(j) == version_j:
                return (i, j) if -score >= STORY_SIMILARITY else None
            heapq.heappop(self.heap)
        return None

    def join(self, i: int, j: int) -> None:
        """Join group ``j`` into group ``i`` (i < j), as the list version does."""
        moved = self.groups.pop(j)
        del self.version[j]
        self.groups[i] += moved
        self.version[i] += 1
        for item in {it for s in moved for it in self.items.get(s, ())}:
            self.holders[item].discard(j)
            self.holders[item].add(i)
        self._score_pairs(i)


def _linkage(a: list[str], b: list[str], items: dict[str, set[str]]) -> float:
    pairs = [similarity(items.get(x, set()), items.get(y, set())) for x in a for y in b]
    return sum(pairs) / len(pairs)


def story_ids(groups: Iterable[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Story id -> sources: "story-1", "story-2", ... in order of first source."""
    return {f"story-{n}": group for n, group in enumerate(groups, start=1)}


def group_stories(briefing: Briefing, groups: list[tuple[str, ...]] | None = None) -> list[Story]:
    """The stories of a briefing whose events are merged, with their events.

    Args:
        briefing: The briefing after ``merge_events``.
        groups: ``story_groups(briefing)`` when the caller already has them.
    """
    from generator.events.merge import story_groups

    titles = {s.id: s.title for s in briefing.sources}
    events_of: dict[str, list[str]] = {}
    for event in briefing.events:
        events_of.setdefault(event.story, []).append(event.id)
    stories = []
    groups = story_groups(briefing) if groups is None else groups
    for story_id, sources in story_ids(groups).items():
        events = tuple(events_of.get(story_id, ()))
        title = min((titles[s] for s in sources if titles.get(s)), key=len, default=story_id)
        stories.append(Story(story_id, title, sources, events))
    return stories
