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

from collections.abc import Iterable
from itertools import combinations
from typing import TYPE_CHECKING

from generator.model import Briefing, Story

if TYPE_CHECKING:
    from generator.events_merge import Report

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
    """Average-linkage groups of source ids, each group in the given order."""
    groups = [[s] for s in sources]
    while len(groups) > 1:
        score, i, j = max((_linkage(groups[i], groups[j], items), i, j)
                          for i, j in combinations(range(len(groups)), 2))
        if score < STORY_SIMILARITY:
            break
        groups[i] += groups.pop(j)
    rank = {s: n for n, s in enumerate(sources)}
    ordered = [tuple(sorted(g, key=rank.__getitem__)) for g in groups]
    return sorted(ordered, key=lambda g: rank[g[0]])


def _linkage(a: list[str], b: list[str], items: dict[str, set[str]]) -> float:
    pairs = [similarity(items.get(x, set()), items.get(y, set())) for x in a for y in b]
    return sum(pairs) / len(pairs)


def story_ids(groups: Iterable[tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Story id -> sources: "story-1", "story-2", ... in order of first source."""
    return {f"story-{n}": group for n, group in enumerate(groups, start=1)}


def group_stories(briefing: Briefing) -> list[Story]:
    """The stories of a briefing whose events are merged, with their events."""
    from generator.events_merge import story_groups

    titles = {s.id: s.title for s in briefing.sources}
    stories = []
    for story_id, sources in story_ids(story_groups(briefing)).items():
        events = tuple(e.id for e in briefing.events if e.story == story_id)
        title = min((titles[s] for s in sources if titles.get(s)), key=len, default=story_id)
        stories.append(Story(story_id, title, sources, events))
    return stories
