"""The corpus-wide merges give what their plain, quadratic definitions give.

Deadline clustering (``deadlines.clustering.cluster``) and story pair scoring
(``events.story_pairs``) are indexed and vectorised; here each is compared, on
random generated inputs, with the algorithm written the plain way: every pair
of clusters tried in list order, every pair of profiles scored one by one.
The story linkage and the key terms of an article are compared with their
previous versions (kept here) in the same way.
"""

from __future__ import annotations

import datetime as dt
import heapq
import random

import numpy as np
import pytest

from generator.deadlines.build import Report
from generator.deadlines.clustering import cluster
from generator.deadlines.evidence import links
from generator.events.linkage import average_linkage, cut
from generator.events.stories import candidate_pairs, similarity
from generator.events.story_profiles import Profile, key_terms
from generator.events.story_pairs import (
    YEAR_PENALTY,
    PairScorer,
    apart_array,
    apart_pairs,
    without_common_deadline,
)
from generator.model import Citation, DeadlineCandidate, TimeExpression

DUES = ["2026-03-01", "2026-03-02", "XXXX-03-01", "XXXX-WXX-5", "2026-W10-1", "XXXX-03-02"]


def plain_cluster(reports: list[Report]) -> list[list[Report]]:
    """Join the first linking pair of clusters (all pairs, list order) until none link."""
    clusters = [[r] for r in reports]
    while True:
        pair = next(((a, b) for a in range(len(clusters)) for b in range(a + 1, len(clusters))
                     if links(clusters[a], clusters[b])), None)
        if pair is None:
            return clusters
        a, b = pair
        clusters[a] += clusters.pop(b)


def random_report(rng: random.Random, n: int) -> Report:
    def time(values: list[str]) -> TimeExpression | None:
        return TimeExpression(0, 1, "x", "DATE", rng.choice(values)) if rng.random() < 0.6 else None

    candidate = DeadlineCandidate(Citation(f"s{rng.randrange(8)}", n, n + 1, f"text {n}", 0), "by",
                                  due=time(DUES), duration=time(["P7D", "P30D", "P2W"]),
                                  change="extended" if rng.random() < 0.05 else "")
    setter = rng.choice([None, "p1", "p2", "o1"])
    bound = tuple(rng.sample(["p3", "p4", "x1", "x2"], rng.randrange(3)))
    concepts = frozenset(rng.sample(["peace", "release", "vote", "budget", "payment"], rng.randrange(3)))
    countries = frozenset(rng.sample(["US", "FR"], rng.randrange(2)))
    owner = rng.choice([None, None, ("p1", "person"), ("p2", "person"), ("o1", "organization")])
    return Report(candidate, setter, bound, concepts, countries, owner)


@pytest.mark.parametrize("seed", range(40))
def test_deadline_clusters_are_those_of_trying_every_pair(seed):
    rng = random.Random(seed)
    reports = [random_report(rng, n) for n in range(rng.randrange(20, 70))]
    def numbers(clusters: list[list[Report]]) -> list[list[int]]:
        return sorted(sorted(reports.index(r) for r in c) for c in clusters)

    found = cluster(reports)
    assert numbers(found) == numbers(plain_cluster(reports))
    assert len(found) < len(reports)


def random_profile(rng: random.Random) -> Profile:
    keys = rng.sample([f"term:{k}" for k in range(40)], rng.randrange(0, 25))
    weights = {k: rng.random() for k in keys}
    norm = sum(w * w for w in weights.values()) ** 0.5 or 1.0
    start = dt.date(2026, 1, 1)
    days = frozenset(start + dt.timedelta(days=rng.randrange(400)) for _ in range(rng.randrange(3)))
    values = ["2026-01-05", "2026-02-09", "XXXX-WXX-1"]
    timed = frozenset(("visit", rng.choice(["p1", "p2"]), rng.choice(values))
                      for _ in range(rng.randrange(3)))
    deadlines = frozenset(rng.sample(["d1", "d2"], rng.randrange(2)))
    years = frozenset(rng.sample(range(2020, 2027), rng.randrange(3)))
    return Profile({k: w / norm for k, w in weights.items()}, days, timed, deadlines, years)


@pytest.mark.parametrize(("seed", "dense_cells"), [(s, c) for s in range(6) for c in (1, 200, 1 << 21)])
def test_pair_scores_equal_scoring_each_pair_alone(seed, dense_cells, monkeypatch):
    rng = random.Random(seed)
    vectors = [random_profile(rng) for _ in range(60)]
    pairs = [(a, b) for a in range(60) for b in range(60) if a != b and rng.random() < 0.2]
    monkeypatch.setattr(PairScorer, "DENSE_CELLS", dense_cells)  # one, a few or all leaders at a time
    scorer = PairScorer([p.vector for p in vectors], [p.days for p in vectors], [p.years for p in vectors])
    scores = scorer.similarities(pairs)
    assert scores == [similarity(vectors[a], vectors[b]) for a, b in pairs]  # to the bit
    assert any(0 < s < 1 and vectors[a].date_factor(vectors[b]) == YEAR_PENALTY
               for s, (a, b) in zip(scores, pairs, strict=True))  # the year rule is exercised
    apart = apart_pairs(pairs, [p.timed for p in vectors], [p.deadlines for p in vectors])
    assert apart == {(a, b) for a, b in pairs if vectors[a].apart(vectors[b])}
    assert apart  # the random profiles do hold occasions on different days


@pytest.mark.parametrize("seed", range(8))
def test_apart_array_keeps_the_parted_pairs_sharing_no_deadline_in_their_order(seed):
    rng = random.Random(seed)
    deadlines = [frozenset(f"d{rng.randrange(10)}" for _ in range(rng.randrange(4))) for _ in range(40)]
    pairs = [(a, b) for a in range(40) for b in range(40) if a != b and rng.random() < 0.3]
    parted = [rng.random() < 0.6 for _ in pairs]
    expected = without_common_deadline(pairs, parted, deadlines)
    kept = apart_array(np.array(pairs), np.array(parted), deadlines).tolist()
    assert kept == [list(pair) for pair, apart in zip(pairs, parted, strict=True) if pair in expected]
    assert any(apart and deadlines[a] & deadlines[b] for (a, b), apart in zip(pairs, parted, strict=True))
    assert len(expected) < sum(parted)  # some parted pairs share a deadline and are dropped


def test_candidate_pairs_scores_each_blocked_pair_from_its_finder():
    rng = random.Random(3)
    vectors = [random_profile(rng) for _ in range(80)]
    pairs, apart = candidate_pairs(vectors)
    assert pairs and all(score in (similarity(vectors[a], vectors[b]), similarity(vectors[b], vectors[a]))
                         for (a, b), score in pairs.items())
    assert apart == {(a, b) for a, b in pairs if vectors[a].apart(vectors[b])}


def previous_average_linkage(n: int, pairs: dict[tuple[int, int], float],
                             apart: list[tuple[int, int]], down_to: float) -> list[tuple[int, int, float]]:
    """``average_linkage`` as it was written before its join updated only what changes."""
    blocked: dict[int, set[int]] = {i: set() for i in range(n)}
    for i, j in apart:
        blocked[i].add(j)
        blocked[j].add(i)
    near: dict[int, dict[int, float]] = {i: {} for i in range(n)}
    for (i, j), score in pairs.items():
        if score > 0:
            near[i][j] = near[j][i] = score
    size = dict.fromkeys(range(n), 1)
    heap = [(-s, i, j) for (i, j), s in pairs.items() if s > 0 and s >= down_to]
    heapq.heapify(heap)
    merges = []
    while heap:
        score, i, j = heapq.heappop(heap)
        if j not in near.get(i, {}) or near[i][j] != -score or j in blocked[i]:
            continue
        merges.append((i, j, -score))
        blocked[i] |= blocked.pop(j)
        for k in blocked[i]:
            blocked[k].discard(j)
            blocked[k].add(i)
        a, b = near.pop(i), near.pop(j)
        a.pop(j, None)
        b.pop(i, None)
        total = size[i] + size[j]
        scores = {k: (size[i] * a.get(k, 0.0) + size[j] * b.get(k, 0.0)) / total for k in a.keys() | b.keys()}
        for k in a.keys() | b.keys():
            near[k].pop(i, None)
            near[k].pop(j, None)
            near[k][i] = scores[k]
        near[i] = scores
        size[i] = total
        del size[j]
        for k, s in scores.items():
            if s >= down_to:
                heapq.heappush(heap, (-s, min(i, k), max(i, k)))
    return merges


@pytest.mark.parametrize("seed", range(8))
def test_linkage_merges_as_the_previous_linkage(seed):
    rng = random.Random(seed)
    n = 90
    pairs = {(a, b): rng.choice([0.0, rng.random() * 0.3, rng.random(), 0.5]) for a in range(n)
             for b in range(a + 1, n) if rng.random() < 0.2}  # 0.5: ties
    apart = [pair for pair in pairs if rng.random() < 0.08]
    for down_to in (0.0, 0.16):
        merges = average_linkage(n, pairs, apart, down_to)
        assert merges == previous_average_linkage(n, pairs, apart, down_to)  # to the bit
        assert len(merges) > 20


@pytest.mark.parametrize("seed", range(6))
def test_linkage_stopped_at_the_threshold_cuts_the_same_groups(seed):
    rng = random.Random(seed)
    n = 70
    pairs = {(a, b): rng.choice([0.0, rng.random() * 0.4, rng.random()]) for a in range(n)
             for b in range(a + 1, n) if rng.random() < 0.15}
    apart = [pair for pair in pairs if rng.random() < 0.05]
    full = average_linkage(n, pairs, apart)
    stopped = average_linkage(n, pairs, apart, down_to=0.16)
    assert stopped == [m for m in full if m[2] >= 0.16]
    assert cut(n, stopped, 0.16) == cut(n, full, 0.16)
    assert len(cut(n, full, 0.16)) < n


def previous_key_terms_text(text: str, names: list[tuple[int, int]]) -> str:
    """The text ``story_profiles.key_terms`` read before: blanked character by character."""
    chars = list(text)
    for start, end in names:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


@pytest.mark.parametrize("seed", range(6))
def test_key_terms_blank_the_names_as_before(seed):
    rng = random.Random(seed)
    words = ["Jane", "Doe", "cities", "23,000", "talks", "the", "Springfield", "fires", "held"]
    text = " ".join(rng.choice(words) for _ in range(60))
    spans = []
    for _ in range(12):  # overlapping, nested and repeated spans, in any order
        start = rng.randrange(len(text))
        spans.append((start, min(len(text), start + rng.randrange(1, 30))))
    expected = key_terms(previous_key_terms_text(text, spans), [])
    assert key_terms(text, spans) == expected
    assert expected != key_terms(text, [])
