"""The stories' work done at once (TF-IDF weights, pair dots, dense linkage) gives what the
plain one-at-a-time arithmetic gives, to the bit and in the same order."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest

from generator.events import linkage
from generator.events.linkage import average_linkage
from generator.events.profile_weights import weighted_vectors
from generator.events.stories import similarity
from generator.events.story_profiles import BLOCK_WEIGHTS, IDF_PRIOR, Profile
from generator.events.story_pairs import PairScorer


def plain_weighted(counts: list[Counter]) -> list[dict[str, float]]:
    """Each article's TF-IDF vector worked out alone, as ``stories`` did before."""
    df = Counter(key for features in counts for key in features)
    idf = {key: math.log((len(counts) + IDF_PRIOR) / held) for key, held in df.items()}
    vectors = []
    for features in counts:
        blocks: dict[str, dict[str, float]] = {}
        for key, tf in features.items():
            blocks.setdefault(key[:key.index(":")], {})[key] = (1 + math.log(tf)) * idf[key]
        vector = {}
        for kind, block in blocks.items():
            norm = math.sqrt(sum(w * w for w in block.values())) or 1.0
            vector.update({k: BLOCK_WEIGHTS[kind] * w / norm for k, w in block.items()})
        norm = math.sqrt(sum(w * w for w in vector.values())) or 1.0
        vectors.append({k: w / norm for k, w in vector.items() if w > 0})
    return vectors


HAND_WRITTEN = [
    [Counter({"term:vote": 3, "person:p1": 2, "term:poll": 1, "place:x": 1, "org:o": 4, "num:12": 1})],
    [Counter({"term:vote": 1, "person:p1": 1}), Counter(), Counter({"person:p1": 5, "term:vote": 2}),
     Counter({"time:2026-03-02": 1, "event:meet:p1": 2, "deadline:d1": 1, "term:vote": 7})],
    [Counter({"term:a": 1, "person:p": 1, "term:b": 2, "place:q": 1, "term:c": 1, "person:r": 3}),
     Counter({"term:b": 2, "term:a": 1, "place:q": 2, "person:r": 1}), Counter({"term:a": 1})],
    [Counter(), Counter()],
    [],
]


@pytest.mark.parametrize("counts", HAND_WRITTEN)
def test_weights_at_once_equal_each_article_weighted_alone(counts):
    found = weighted_vectors(counts, BLOCK_WEIGHTS, IDF_PRIOR)
    expected = plain_weighted(counts)
    assert [list(v.items()) for v in found] == [list(v.items()) for v in expected]  # to the bit, in order


@pytest.mark.parametrize("seed", range(5))
def test_weights_at_once_equal_on_random_counts(seed):
    rng = random.Random(seed)
    kinds = list(BLOCK_WEIGHTS)
    counts = [Counter({f"{rng.choice(kinds)}:{rng.randrange(30)}": rng.randrange(1, 6)
                       for _ in range(rng.randrange(0, 25))}) for _ in range(50)]
    found = weighted_vectors(counts, BLOCK_WEIGHTS, IDF_PRIOR)
    assert [list(v.items()) for v in found] == [list(v.items()) for v in plain_weighted(counts)]


@pytest.mark.parametrize("dense_cells", [1, 1000, 1 << 24])  # one leader at a time, a few, all at once
@pytest.mark.parametrize("seed", range(4))
def test_pair_dots_equal_the_one_by_one_sums(seed, dense_cells, monkeypatch):
    rng = random.Random(seed)
    vectors = [{f"term:{k}": rng.random() for k in rng.sample(range(40), rng.randrange(0, 20))}
               for _ in range(50)]
    vectors[7] = dict(vectors[3])  # one length: the first of the pair leads
    profiles = [Profile(v) for v in vectors]
    pairs = [(a, b) for a in range(50) for b in range(50) if a != b and rng.random() < 0.3]
    monkeypatch.setattr(PairScorer, "DENSE_CELLS", dense_cells)
    scorer = PairScorer(vectors, [frozenset()] * 50, [frozenset()] * 50)
    assert scorer.dots(pairs) == [similarity(profiles[a], profiles[b]) for a, b in pairs]  # to the bit


@pytest.mark.parametrize("dense_cells", [1, 1 << 24])
def test_pair_dots_leave_out_features_of_one_vector_only_without_changing_a_sum(dense_cells, monkeypatch):
    monkeypatch.setattr(PairScorer, "DENSE_CELLS", dense_cells)
    vectors = [{"only-a": 0.7, "x": 0.1, "y": 0.7},  # "only-a", "only-c": held by one vector
               {"y": 0.6, "x": 0.3, "z": 0.74},
               {"z": 0.5, "only-c": 0.5, "x": 0.2, "y": 0.1, "w": 0.67},
               {"w": 1.0},
               {"only-e": 1.0}]
    profiles = [Profile(v) for v in vectors]
    pairs = [(a, b) for a in range(5) for b in range(5) if a != b]
    scorer = PairScorer(vectors, [frozenset()] * 5, [frozenset()] * 5)
    assert scorer.dots(pairs) == [similarity(profiles[a], profiles[b]) for a, b in pairs]  # to the bit
    assert scorer.dots([(0, 4), (3, 4)]) == [0.0, 0.0]


def random_pairs(rng: random.Random, n: int) -> dict[tuple[int, int], float]:
    return {(a, b): rng.choice([0.0, rng.random() * 0.3, rng.random(), 0.5]) for a in range(n)
            for b in range(a + 1, n) if rng.random() < 0.2}  # 0.5: ties


@pytest.mark.parametrize("seed", range(8))
def test_dense_linkage_merges_as_the_neighbour_lists(seed, monkeypatch):
    rng = random.Random(seed)
    n = 80
    pairs = random_pairs(rng, n)
    apart = [pair for pair in pairs if rng.random() < 0.08]
    before = [rng.choice([-1, *range(12)]) for _ in range(n)]
    for down_to, story, stickiness in [(0.0, None, 0.0), (0.16, None, 0.0), (0.16, before, 0.02),
                                       (0.0, before, 0.3)]:
        dense = average_linkage(n, pairs, apart, down_to, story, stickiness)
        monkeypatch.setattr(linkage, "DENSE_ITEMS", 0)  # neighbour lists from here on
        sparse = average_linkage(n, pairs, apart, down_to, story, stickiness)
        monkeypatch.setattr(linkage, "DENSE_ITEMS", n)
        assert dense == sparse  # to the bit, in order
        assert len(dense) > 20


def test_dense_linkage_keeps_apart_what_a_joined_group_holds():
    # 0 and 1 join first; 2 is kept apart from 1, so never joins the group of 0 and 1
    pairs = {(0, 1): 0.9, (0, 2): 0.8, (1, 2): 0.7, (2, 3): 0.3}
    assert average_linkage(4, pairs, [(1, 2)]) == [(0, 1, 0.9), (2, 3, 0.3)]
    merges = average_linkage(4, pairs)
    assert [(i, j) for i, j, _ in merges] == [(0, 1), (0, 2), (0, 3)]
    assert [s for _, _, s in merges] == pytest.approx([0.9, 0.75, 0.1])  # 0.3 to one of three
