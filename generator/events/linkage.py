"""Average-linkage clustering over sparse pair similarities, in the order a heap gives.

Used by the stories (``stories.cluster_articles``, with the previous build's stories kept
apart, ``stories.STORY_STICKINESS``) and by the TF-IDF story baseline of the evaluation.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

Merge = tuple[int, int, float]
"""One linkage step: group ``j`` joined into group ``i`` at similarity ``s``."""


def average_linkage(n: int, pairs: dict[tuple[int, int], float],
                    apart: Iterable[tuple[int, int]] = (), down_to: float = 0.0,
                    before: Sequence[int] | None = None, stickiness: float = 0.0) -> list[Merge]:
    """Average-linkage merges of ``n`` items, most alike first; unlisted pairs are 0 alike.

    Groups are named by their smallest item. A joined group's similarity to a
    third is the size-weighted mean of its parts' (Lance-Williams), so only
    neighbours of the joined groups are updated. Among equal similarities the
    pair with the smaller numbers joins first. Two groups holding a pair of
    ``apart`` items never join. Merges stop below ``down_to``: a mean is never
    above its parts, so every later merge would be below it too, and pairs less
    alike are never queued (``cut`` at ``down_to`` or above gives the same groups).

    ``before``: each item's story in the previous build (a number; -1 for none). Two
    groups that both hold items of previous stories, but of none in common, are then as
    alike as their mean similarity minus ``stickiness`` (``_stickiness``); the merges
    record that score.
    """
    blocked: dict[int, set[int]] = {i: set() for i in range(n)}
    for i, j in apart:
        blocked[i].add(j)
        blocked[j].add(i)
    near: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), score in pairs.items():
        if score > 0:
            near[i][j] = near[j][i] = score
    size = dict.fromkeys(range(n), 1)
    stories = {i: frozenset({before[i]} - {-1}) for i in range(n)} if before is not None else None
    heap = [(-adjusted, i, j) for (i, j), s in pairs.items()
            if s > 0 and (adjusted := s + _stickiness(stories, i, j, stickiness)) >= down_to]
    heapq.heapify(heap)
    merges: list[Merge] = []
    while heap:
        score, i, j = heapq.heappop(heap)
        stale = j not in near.get(i, {}) or near[i][j] + _stickiness(stories, i, j, stickiness) != -score
        if stale or j in blocked[i]:
            continue  # stale (one side has grown since) or kept apart
        merges.append((i, j, -score))
        moved = blocked.pop(j)  # kept apart from j: now from i (the others already are)
        blocked[i] |= moved
        for k in moved:
            blocked[k].discard(j)
            blocked[k].add(i)
        if stories is not None:
            stories[i] |= stories.pop(j)
        for k, s in _joined(near, size, i, j).items():
            if (adjusted := s + _stickiness(stories, i, k, stickiness)) >= down_to:
                heapq.heappush(heap, (-adjusted, min(i, k), max(i, k)))
    return merges


def _stickiness(stories: dict[int, frozenset[int]] | None, i: int, j: int, amount: float) -> float:
    """What groups ``i`` and ``j`` add to their similarity for the previous build's stories
    of their items: minus ``amount`` when both had some and none in common, else 0 (and 0
    without ``stories``)."""
    if stories is None or not stories[i] or not stories[j] or stories[i] & stories[j]:
        return 0.0
    return -amount


def _joined(near: dict[int, dict[int, float]], size: dict[int, int], i: int, j: int) -> dict[int, float]:
    """Join group ``j`` into ``i``; the new similarities of ``i`` to its neighbours."""
    a, b = near.pop(i), near.pop(j)
    a.pop(j, None)
    b.pop(i, None)
    first, second = size[i], size[j]
    total = first + second
    scores = {k: (first * s + second * b.get(k, 0.0)) / total for k, s in a.items()}
    scores.update({k: (first * 0.0 + second * s) / total for k, s in b.items() if k not in a})
    for k, s in scores.items():
        row = near[k]
        row.pop(j, None)
        row[i] = s
    near[i] = scores
    size[i] = total
    del size[j]
    return scores


def cut(n: int, merges: Iterable[Merge], threshold: float) -> list[list[int]]:
    """Groups of items after the merges at least ``threshold`` alike, each sorted, by first item."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for i, j, score in merges:
        if score >= threshold:
            parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for x in range(n):
        groups.setdefault(root(x), []).append(x)
    return sorted(groups.values(), key=lambda g: g[0])
