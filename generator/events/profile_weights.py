"""The TF-IDF weights of every article's profile at once, with the arithmetic of weighting
each article alone.

An article's weight of a feature is (1 + log tf) * idf, idf = log((n + prior) / df);
each kind of feature (the text before the first ":") is normalised and scaled by its
block weight, then the whole vector is normalised. ``weighted_vectors`` lays every
article's features out in one array and does each step with numpy: the logarithms come
from Python's ``math.log`` (one per distinct count and document frequency), the sums of
squares add each block's (then each vector's) squares in the order the one-article
loop adds them (``np.bincount`` adds in input order), and the vectors list their
features kinds first-seen first, as that loop does. So the weights are equal to the
last bit, and the stories do not change.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence

import numpy as np


def weighted_vectors(counts: Sequence[Mapping[str, int]], block_weights: Mapping[str, float],
                     prior: int) -> list[dict[str, float]]:
    """Feature -> weight of each article (``counts``: feature -> count in it); each vector has
    length 1 or is empty.

    Args:
        block_weights: kind of feature -> its weight in a profile.
        prior: articles added to the corpus size in the idf.
    """
    vocabulary: dict[str, int] = {}
    features = np.array([vocabulary.setdefault(k, len(vocabulary)) for c in counts for k in c],
                        dtype=np.int64)
    if not len(features):
        return [{} for _ in counts]
    article = np.repeat(np.arange(len(counts), dtype=np.int64), [len(c) for c in counts])
    held = np.bincount(features)
    idf = _logs(held, lambda df: math.log((len(counts) + prior) / df))
    tf = np.array([n for c in counts for n in c.values()], dtype=np.int64)
    weights = _logs(tf, lambda n: 1 + math.log(n)) * idf[features]
    kinds = {k: k[:k.index(":")] for k in vocabulary}
    names = sorted(set(kinds.values()))
    kind = np.array([names.index(kinds[k]) for k in vocabulary], dtype=np.int64)[features]
    block = _first_seen_groups(article * len(names) + kind)
    scaled = np.array([block_weights[k] for k in names])[kind] * weights / _norms(block, weights)[block]
    order = np.argsort(block, kind="stable")  # kinds first-seen first, each in its own order
    vector = scaled[order] / _norms(article[order], scaled[order])[article[order]]
    keys = list(vocabulary)
    kept = vector > 0
    bounds = np.searchsorted(article[order][kept], np.arange(len(counts) + 1)).tolist()
    entries = list(zip([keys[f] for f in features[order][kept].tolist()], vector[kept].tolist(), strict=True))
    return [dict(entries[bounds[n]:bounds[n + 1]]) for n in range(len(counts))]


def _logs(values: np.ndarray, log: Callable[[int], float]) -> np.ndarray:
    """``log`` of each value, worked out once per distinct value with Python's ``math.log``."""
    distinct, at = np.unique(values, return_inverse=True)
    return np.array([log(v) for v in distinct.tolist()], dtype=np.float64)[at.reshape(-1)]


def _first_seen_groups(codes: np.ndarray) -> np.ndarray:
    """Each entry's group, the groups (equal ``codes``) numbered in the order first seen."""
    _, first, at = np.unique(codes, return_index=True, return_inverse=True)
    numbers = np.empty(len(first), dtype=np.int64)
    numbers[np.argsort(first, kind="stable")] = np.arange(len(first))
    return numbers[at.reshape(-1)]


def _norms(groups: np.ndarray, values: np.ndarray) -> np.ndarray:
    """Per group, the square root of the sum of its values' squares in input order (1.0
    for a group of zeros)."""
    norms = np.sqrt(np.bincount(groups, weights=values * values))
    return np.where(norms == 0.0, 1.0, norms)
