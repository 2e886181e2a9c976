"""Scoring many pairs of article profiles at once, with the arithmetic of scoring them one by one.

``stories.similarity`` of two profiles is the sum, in the order of the smaller
vector's features, of the products of their weights, times the date penalty.
``PairScorer.similarities`` computes every listed pair's sum with numpy
array operations, the pairs of one leading (smaller) vector at a time: the other
vectors' weights of its features are read at once from a dense matrix of the
weights of every vector (over the features of a batch of leaders), and each
pair's products are added one after the other (``np.cumsum``). Each pair's sum
then adds the same products in the same order as the one-by-one loop (a feature
missing from the larger vector adds 0.0, which changes no sum; so features held
by one vector only are left out altogether), so the scores are equal to the last
bit and the stories do not change.
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from generator.events.pair_memo import PairFacts, article_key
from generator.events.reports import different_times, parties_apart, times_by_party
from generator.temporal.calendar import value_range

DATE_GAP_DAYS = 90
"""Articles dated further apart than this are less alike (``DATE_PENALTY``)."""

DATE_PENALTY = 0.5
"""Factor on the similarity of two articles dated more than ``DATE_GAP_DAYS`` apart."""

YEAR_PENALTY = 0.75
"""Factor on the similarity of two articles not both dated by day whose latest years differ
and neither of which states the other's latest year (``year_factor``): two similar
happenings years apart, such as one coach's hiring and his firing, are less alike. Chosen on
ECB+ (story B-cubed F1 with factors 1 / 0.75 / 0.5): dev topics as one corpus 0.910 / 0.934 /
0.955, each dev topic alone (mean) 0.935 / 0.930 / 0.905; the training topics as one corpus
0.896 at 0.75 against 0.878 without it, each training topic alone unchanged."""


def date_factor(first: Sequence[int], second: Sequence[int],
                first_years: frozenset[int], second_years: frozenset[int]) -> float:
    """``DATE_PENALTY`` when both articles are dated and no two of their days (sorted day
    ordinals) are within ``DATE_GAP_DAYS``; else ``year_factor`` when not both are dated by
    day; else 1."""
    if not first or not second:
        return year_factor(first_years, second_years)
    for day in first:
        at = bisect.bisect_left(second, day - DATE_GAP_DAYS)
        if at < len(second) and second[at] <= day + DATE_GAP_DAYS:
            return 1.0
    return DATE_PENALTY


def year_factor(first: frozenset[int], second: frozenset[int]) -> float:
    """``YEAR_PENALTY`` when each article states years but neither states the other's latest."""
    if first and second and max(first) not in second and max(second) not in first:
        return YEAR_PENALTY
    return 1.0


def blocked_pairs(vectors: Sequence[dict[str, float]], limit: int,
                  keys_each: int) -> tuple[list[tuple[int, int]], list[int]]:
    """The pairs (a < b) of articles one of which holds the other's feature among its
    ``keys_each`` heaviest held by at most ``limit`` articles, in the order they are first
    found going through the articles in order (each one's features heaviest first, ties in
    the vector's order; each feature's holders in order), and the article that found each (its
    vector leads the pair's sum when the two are of one length, see ``PairScorer``)."""
    pairs, finders = blocked_pair_arrays(vectors, limit, keys_each)
    return list(zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True)), finders.tolist()


@dataclass(frozen=True)
class LaidOut:
    """Sparse vectors laid out one after the other, each in its own order."""

    features: np.ndarray
    """The number of each entry's feature (numbered as first seen)."""
    weights: np.ndarray
    """The weight of each entry."""
    sizes: np.ndarray
    """How many entries each vector has."""
    width: int
    """How many features there are."""


def laid_out(vectors: Sequence[dict[str, float]] | LaidOut) -> LaidOut:
    """Feature -> weight ``vectors`` laid out (as they are when already laid out)."""
    if isinstance(vectors, LaidOut):
        return vectors
    vocabulary: dict[str, int] = {}
    features = np.array([vocabulary.setdefault(k, len(vocabulary)) for v in vectors for k in v],
                        dtype=np.int64)
    weights = np.array([w for v in vectors for w in v.values()], dtype=np.float64)
    return LaidOut(features, weights, np.array([len(v) for v in vectors], dtype=np.int64), len(vocabulary))


def blocked_pair_arrays(vectors: Sequence[dict[str, float]] | LaidOut, limit: int,
                        keys_each: int) -> tuple[np.ndarray, np.ndarray]:
    """``blocked_pairs`` as an (m, 2) array of pairs and an array of their finders."""
    vectors = laid_out(vectors)
    features, weights = vectors.features, vectors.weights
    owner = np.repeat(np.arange(len(vectors.sizes), dtype=np.int64), vectors.sizes)
    held = np.bincount(features, minlength=vectors.width)
    rare = np.flatnonzero(held[features] <= limit)
    rare = rare[np.lexsort((rare, -weights[rare], owner[rare]))]  # per article: heaviest first
    first_of = np.searchsorted(owner[rare], owner[rare])  # each entry's article's first rare entry
    keys = rare[np.arange(len(rare)) - first_of < keys_each]
    holders = owner[np.argsort(features, kind="stable")]  # by feature, each in article order
    starts = np.concatenate(([0], np.cumsum(held)[:-1])).astype(np.int64)
    counts = held[features[keys]]
    if not counts.sum():
        return np.zeros((0, 2), dtype=np.int64), np.zeros(0, dtype=np.int64)
    offsets = np.concatenate(([0], np.cumsum(counts)[:-1])).astype(np.int64)
    others = holders[np.repeat(starts[features[keys]] - offsets, counts) + np.arange(int(counts.sum()))]
    finder = np.repeat(owner[keys], counts)
    others, finder = others[others != finder], finder[others != finder]
    low, high = np.minimum(others, finder), np.maximum(others, finder)
    first = np.sort(np.unique(low * len(vectors.sizes) + high, return_index=True)[1])  # first finds, in order
    return np.stack((low[first], high[first]), axis=1), finder[first]


class PairScorer:
    """Cosine similarities of pairs of sparse vectors, with the date penalty."""

    DENSE_CELLS = 1 << 24
    """Most weights (8 bytes each) laid out at once: a batch of leading vectors reads the
    other vectors' weights of the batch's features from a matrix of at most this many."""

    def __init__(self, vectors: Sequence[dict[str, float]] | LaidOut, days: Sequence[frozenset[dt.date]],
                 years: Sequence[frozenset[int]]) -> None:
        """``vectors``: feature -> weight of each article (or ``laid_out``); ``days``: the days
        each states; ``years``: its publication year and the years its dates state."""
        vectors = laid_out(vectors)
        features, count = vectors.features, len(vectors.sizes)
        self.sizes = vectors.sizes  # the smaller vector leads a sum
        shared = np.bincount(features, minlength=vectors.width)[features] > 1  # in two vectors or more
        kept = np.cumsum(np.bincount(features[shared], minlength=vectors.width) > 0) - 1
        self.features = kept[features[shared]]  # a feature of one vector adds only 0.0 products: left out
        self.weights = vectors.weights[shared]
        owner = np.repeat(np.arange(count, dtype=np.int64), self.sizes)
        self.owner = owner[shared]  # the article of each entry
        self.lengths = np.bincount(self.owner, minlength=count).astype(np.int64)
        self.starts = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)
        self.width = max(1, int(kept[-1]) + 1 if len(kept) else 1)
        self.days = [sorted(day.toordinal() for day in d) for d in days]
        self.years = years

    def similarities(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """``stories.similarity(a, b)`` of each (a, b) pair of article numbers."""
        return [dot * self._date_factor(a, b) for dot, (a, b) in zip(self.dots(pairs), pairs, strict=True)]

    def dots(self, pairs: Sequence[tuple[int, int]]) -> list[float]:
        """The cosine of each (a, b) pair of article numbers, without the date factor."""
        return self.dot_array(np.array(pairs, dtype=np.int64).reshape(-1, 2)).tolist()

    def dot_array(self, pairs: np.ndarray) -> np.ndarray:
        """``dots`` of an (m, 2) array of pairs, as an array."""
        if not len(pairs):
            return np.zeros(0, dtype=np.float64)
        first, second = pairs.T
        swap = self.sizes[second] < self.sizes[first]  # the smaller vector leads; ties: the first
        small, big = np.where(swap, second, first), np.where(swap, first, second)
        order = np.argsort(small, kind="stable")
        leaders, at = np.unique(small[order], return_index=True)
        bounds = [*at.tolist(), len(order)]
        starts, lengths = self.starts[leaders].tolist(), self.lengths[leaders].tolist()
        dots = np.zeros(len(small), dtype=np.float64)
        batches = self._batches(starts, lengths)
        rows = min(self.width, max(self._most_features(), max(lengths, default=0)))  # one leader at least
        columns = np.zeros((rows, len(self.lengths)), dtype=np.float64)
        for batch in batches:
            column_of, written = self._weights_of(self.features[np.concatenate(
                [np.arange(starts[n], starts[n] + lengths[n], dtype=np.int64) for n in batch])], columns)
            for n in batch:
                start, length = starts[n], lengths[n]
                if length:
                    mine = order[bounds[n]:bounds[n + 1]]
                    products = self.weights[start:start + length, None] * columns[
                        column_of[self.features[start:start + length], None], big[mine]]
                    dots[mine] = np.cumsum(products, axis=0)[-1]  # added one after the other
            columns[written] = 0.0
        return dots

    def _most_features(self) -> int:
        """Most features of a batch of leading vectors (``DENSE_CELLS``)."""
        return max(1, self.DENSE_CELLS // max(1, len(self.lengths)))

    def _batches(self, starts: list[int], lengths: list[int]) -> list[range]:
        """Runs of leading vectors (their entries: ``starts``, ``lengths``) whose features
        together, times the number of articles, make at most ``DENSE_CELLS`` weights (one
        leader at least)."""
        most = self._most_features()
        seen = np.zeros(self.width, dtype=np.bool_)
        batches, first, held = [], 0, 0
        for n, (start, length) in enumerate(zip(starts, lengths, strict=True)):
            features = self.features[start:start + length]
            new = int((~seen[features]).sum())
            if held + new > most and n > first:
                batches.append(range(first, n))
                seen[:], first, new = False, n, length
            seen[features] = True
            held = held + new if n > first else new
        return [*batches, range(first, len(starts))] if starts else batches

    def _weights_of(self, features: np.ndarray, columns: np.ndarray,
                    ) -> tuple[np.ndarray, tuple[np.ndarray, np.ndarray]]:
        """Write every vector's weights of ``features`` into the rows of ``columns`` (feature
        x article, all 0.0); the row of each feature number (-1 for the others), and the
        cells written."""
        column_of = np.full(self.width, -1, dtype=np.int64)
        wanted = np.unique(features)
        column_of[wanted] = np.arange(len(wanted))
        inside = column_of[self.features] >= 0
        written = (column_of[self.features[inside]], self.owner[inside])
        columns[written] = self.weights[inside]
        return column_of, written

    def _date_factor(self, a: int, b: int) -> float:
        """``date_factor`` of articles ``a`` and ``b``."""
        return date_factor(self.days[a], self.days[b], self.years[a], self.years[b])

    def memo_keys(self, timed: Sequence[frozenset[tuple[str, str, str]]]) -> list[int]:
        """``pair_memo.article_key`` of each article, with its dated occasions ``timed``."""
        return [article_key(d, y, t) for d, y, t in zip(self.days, self.years, timed, strict=True)]

    def pair_facts(self, pairs: Sequence[tuple[int, int]],
                   timed: Sequence[frozenset[tuple[str, str, str]]]) -> PairFacts:
        """Date factor and ``parted`` of each (a, b) pair of article numbers."""
        return [self._date_factor(a, b) for a, b in pairs], parted(pairs, timed)


def parted(pairs: Iterable[tuple[int, int]], timed: Sequence[frozenset[tuple[str, str, str]]]) -> list[bool]:
    """Whether each pair's articles report one party's visit or meeting on different days
    only (``reports.different_occasions`` of their dated occasions ``timed``)."""
    parties = [times_by_party(t) for t in timed]
    span = functools.lru_cache(maxsize=None)(value_range)  # this build's few distinct values
    different = functools.lru_cache(maxsize=None)(functools.partial(different_times, span=span))
    return [bool(parties[a]) and bool(parties[b]) and not parties[a].keys().isdisjoint(parties[b])
            and parties_apart(parties[a], parties[b], different) for a, b in pairs]


def apart_pairs(pairs: Iterable[tuple[int, int]], timed: Sequence[frozenset[tuple[str, str, str]]],
                deadlines: Sequence[frozenset[str]]) -> set[tuple[int, int]]:
    """The pairs whose articles are ``story_profiles.Profile.apart``: ``parted``, and no deadline
    in common."""
    pairs = list(pairs)
    return without_common_deadline(pairs, parted(pairs, timed), deadlines)


def without_common_deadline(pairs: Iterable[tuple[int, int]], parted_pairs: Iterable[bool],
                            deadlines: Sequence[frozenset[str]]) -> set[tuple[int, int]]:
    """The ``parted`` pairs whose articles report no deadline in common."""
    return {(a, b) for (a, b), apart in zip(pairs, parted_pairs, strict=True)
            if apart and not deadlines[a] & deadlines[b]}


def apart_array(pairs: np.ndarray, parted_pairs: np.ndarray,
                deadlines: Sequence[frozenset[str]]) -> np.ndarray:
    """``without_common_deadline`` of an (m, 2) array of pairs, as a (k, 2) array in their order."""
    reporting = np.array([bool(d) for d in deadlines], dtype=np.bool_)
    both = parted_pairs & reporting[pairs[:, 0]] & reporting[pairs[:, 1]] if len(pairs) else parted_pairs
    both_at = np.flatnonzero(both)  # only these can share a deadline
    sharing = np.isin(_pair_codes(pairs[both_at], len(deadlines)),
                      _pair_codes(sharing_pairs(deadlines), len(deadlines)))
    kept = parted_pairs.copy()
    kept[both_at[sharing]] = False
    return pairs[kept].reshape(-1, 2)


def sharing_pairs(deadlines: Sequence[frozenset[str]]) -> np.ndarray:
    """Every pair of articles reporting a deadline in common, as an (m, 2) array (with repeats).

    Worked out from each deadline's reporting articles, which are few: intersecting the two
    articles' sets pair by pair, in Python, cost a third of story grouping at 2,000 articles."""
    holders: dict[str, list[int]] = {}
    for article, reported in enumerate(deadlines):
        for deadline in reported:
            holders.setdefault(deadline, []).append(article)
    pairs = []
    for articles in holders.values():
        group = np.array(articles, dtype=np.int64)
        first, second = np.triu_indices(len(group), 1)  # each pair once (none for one article)
        pairs.append(np.stack((group[first], group[second]), axis=1))
    return np.concatenate(pairs) if pairs else np.empty((0, 2), dtype=np.int64)


def _pair_codes(pairs: np.ndarray, count: int) -> np.ndarray:
    """One integer per unordered pair of ``count`` articles."""
    pairs = pairs.reshape(-1, 2).astype(np.int64)
    return pairs.min(axis=1) * count + pairs.max(axis=1)
