"""Average-linkage clustering over sparse pair similarities, in the order a heap gives.

Up to ``DENSE_ITEMS`` items the groups' similarities are kept in a dense matrix and each
join updates its neighbours at once (numpy); more items are linked over neighbour dicts.
Both give the same merges, to the bit.

Used by the stories (``stories.cluster_articles``, with the previous build's stories kept
apart, ``stories.STORY_STICKINESS``) and by the TF-IDF story baseline of the evaluation.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Sequence

import numpy as np

Merge = tuple[int, int, float]
"""One linkage step: group ``j`` joined into group ``i`` at similarity ``s``."""

DENSE_ITEMS = 6000
"""Most items linked over a dense matrix of their groups' similarities (``_dense_linkage``,
8 bytes a pair of items: 288 MB at this size); more are linked over neighbour dicts."""


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

    Up to ``DENSE_ITEMS`` items, the groups' similarities are kept in a dense matrix
    (``_dense_linkage``): the same merges, to the bit, with each join's update done at once.
    """
    ends = np.array(list(pairs), dtype=np.int64).reshape(-1, 2)
    scores = np.fromiter(pairs.values(), dtype=np.float64, count=len(pairs))
    return linkage_of(n, ends, scores, np.array(list(apart), dtype=np.int64).reshape(-1, 2),
                      down_to, before, stickiness)


def linkage_of(n: int, pairs: np.ndarray, scores: np.ndarray, apart: np.ndarray, down_to: float = 0.0,
               before: Sequence[int] | None = None, stickiness: float = 0.0) -> list[Merge]:
    """``average_linkage`` of an (m, 2) array of pairs with their similarities ``scores`` and
    a (k, 2) array of pairs kept ``apart``."""
    if n <= DENSE_ITEMS:
        return _dense_linkage(n, pairs, scores, apart, down_to, before, stickiness)
    ends = zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True)
    listed = dict(zip(ends, scores.tolist(), strict=True))
    return _sparse_linkage(n, listed, zip(*apart.T.tolist(), strict=True), down_to, before, stickiness)


def _kept_apart(n: int, apart: Iterable[tuple[int, int]]) -> dict[int, set[int]]:
    """Item -> the items it is kept apart from."""
    blocked: dict[int, set[int]] = {i: set() for i in range(n)}
    for i, j in apart:
        blocked[i].add(j)
        blocked[j].add(i)
    return blocked


def _join_apart(blocked: dict[int, set[int]], i: int, j: int) -> None:
    """Group ``j`` joins ``i``: what was kept apart from ``j`` is now from ``i``."""
    moved = blocked.pop(j)  # kept apart from j: now from i (the others already are)
    blocked[i] |= moved
    for k in moved:
        blocked[k].discard(j)
        blocked[k].add(i)


def _sparse_linkage(n: int, pairs: dict[tuple[int, int], float], apart: Iterable[tuple[int, int]],
                    down_to: float, before: Sequence[int] | None, stickiness: float) -> list[Merge]:
    """``average_linkage`` over neighbour dicts, each group's similarities to the groups it has any to."""
    blocked = _kept_apart(n, apart)
    near: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), score in pairs.items():
        if score > 0:
            near[i][j] = near[j][i] = score
    size = dict.fromkeys(range(n), 1)
    stories = {i: frozenset({before[i]} - {-1}) for i in range(n)} if before is not None else None
    heap = [(-adjusted, i, j) for (i, j), s in pairs.items()
            if s > 0 and s >= down_to and (adjusted := s + _stickiness(stories, i, j, stickiness)) >= down_to]
    heapq.heapify(heap)
    merges: list[Merge] = []
    while heap:
        score, i, j = heapq.heappop(heap)
        stale = j not in near.get(i, {}) or near[i][j] + _stickiness(stories, i, j, stickiness) != -score
        if stale or j in blocked[i]:
            continue  # stale (one side has grown since) or kept apart
        merges.append((i, j, -score))
        _join_apart(blocked, i, j)
        if stories is not None:
            stories[i] |= stories.pop(j)
        for k, s in _joined(near, size, i, j).items():
            if (adjusted := s + _stickiness(stories, i, k, stickiness)) >= down_to:
                heapq.heappush(heap, (-adjusted, min(i, k), max(i, k)))
    return merges


def _dense_linkage(n: int, pairs: np.ndarray, scores: np.ndarray, apart: np.ndarray,
                   down_to: float, before: Sequence[int] | None, stickiness: float) -> list[Merge]:
    """``average_linkage`` over an n x n matrix of the groups' similarities (0 to a joined-away
    group). A join's new similarities are worked out for all its neighbours at once, with the
    arithmetic the neighbour dicts use (a missing similarity is 0.0 there too), so the merges
    are the same."""
    blocked = np.zeros((n, n), dtype=np.bool_)
    blocked[apart[:, 0], apart[:, 1]] = blocked[apart[:, 1], apart[:, 0]] = True
    ends, scores = pairs[scores > 0], scores[scores > 0]
    alike = np.zeros((n, n), dtype=np.float64)
    alike[ends[:, 0], ends[:, 1]] = scores
    alike[ends[:, 1], ends[:, 0]] = scores
    size = np.ones(n, dtype=np.int64)
    stories = {i: frozenset({before[i]} - {-1}) for i in range(n)} if before is not None else None
    held = _story_matrix(before) if before is not None else None
    holds = held.any(axis=1) if held is not None else None
    strong = scores >= down_to
    firsts, seconds = ends[strong].T.tolist()
    heap = [(-adjusted, i, j) for i, j, s in zip(firsts, seconds, scores[strong].tolist(), strict=True)
            if (adjusted := s + _stickiness(stories, i, j, stickiness)) >= down_to]
    heapq.heapify(heap)
    merges: list[Merge] = []
    while heap:
        score, i, j = heapq.heappop(heap)
        now = float(alike[i, j])
        if not now > 0 or now + _stickiness(stories, i, j, stickiness) != -score or blocked[i, j]:
            continue  # stale (one side has grown or gone since) or kept apart
        merges.append((i, j, -score))
        moved = np.flatnonzero(blocked[j])  # kept apart from j: now from i
        blocked[i, moved] = blocked[moved, i] = True
        blocked[j, moved] = blocked[moved, j] = False
        near, row = _joined_row(alike, size, i, j)
        adjusted = row
        if stories is not None:
            adjusted = row + _story_join(stories, held, holds, i, j, near) * -stickiness
        queued = adjusted >= down_to
        for k, s in zip(near[queued].tolist(), adjusted[queued].tolist(), strict=True):
            heapq.heappush(heap, (-s, min(i, k), max(i, k)))
    return merges


def _joined_row(alike: np.ndarray, size: np.ndarray, i: int, j: int) -> tuple[np.ndarray, np.ndarray]:
    """Join group ``j`` into ``i`` in ``alike``; the groups ``i`` is now alike to, and how alike."""
    near = np.flatnonzero((alike[i] > 0) | (alike[j] > 0))
    near = near[(near != i) & (near != j)]
    first, second = int(size[i]), int(size[j])
    row = (first * alike[i, near] + second * alike[j, near]) / (first + second)
    alike[j, near] = alike[near, j] = 0.0
    alike[i, j] = alike[j, i] = 0.0
    alike[i, near] = alike[near, i] = row
    size[i], size[j] = first + second, 0
    return near, row


def _story_matrix(before: Sequence[int]) -> np.ndarray:
    """Item x previous story: whether the item was in the story (-1: none)."""
    numbers = np.array(before, dtype=np.int64).reshape(-1)
    held = np.zeros((len(numbers), int(numbers.max(initial=-1)) + 1), dtype=np.bool_)
    held[np.flatnonzero(numbers >= 0), numbers[numbers >= 0]] = True
    return held


def _story_join(stories: dict[int, frozenset[int]], held: np.ndarray, holds: np.ndarray,
                i: int, j: int, near: np.ndarray) -> np.ndarray:
    """Group ``j``'s previous stories join ``i``'s (``held``: group x story; ``holds``: whether
    a group holds any); per group of ``near``, whether it and ``i`` both hold some and none
    in common (``_stickiness`` of each with ``i``)."""
    stories[i] |= stories[j]
    stories[j] = frozenset()
    held[i] |= held[j]
    held[j] = False
    holds[i] |= holds[j]
    holds[j] = False
    if not stories[i]:
        return np.zeros(len(near), dtype=np.bool_)
    return holds[near] & ~held[np.ix_(near, sorted(stories[i]))].any(axis=1)


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
