"""What story grouping worked out for pairs of articles, kept between builds where it cannot change.

A pair's similarity is the cosine of the two articles' TF-IDF vectors times
their date factor, and the pair is kept apart when the two report one party's
visit or meeting on different days and share no deadline. The cosine depends on
the whole corpus (every document frequency and the corpus size change when an
article is added or removed), so it is computed on every build. The date
factor (``story_pairs.date_factor``) and whether the two report one party's
occasion on different days (``story_pairs.parted``) depend on nothing but the
two articles' days, years and dated occasions: ``article_key`` digests those,
and a pair's two facts are kept under its two keys. A rebuild works them out
only for the pairs whose key pair it has not seen (the new or edited articles'
pairs, or pairs of articles whose resolved parties changed); deadlines are
corpus-wide and checked on every build.

Kept in the cache folder (``MEMO_FILE``), with the articles' key terms
(``term_memo``), behind a line naming the code (a memo of other code is
ignored), as a checksummed pickle written atomically; a missing, damaged or
foreign file is ignored and written anew. Only the pairs and articles of the
last build are kept, so the file does not grow from build to build.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from generator.events.term_memo import TermMemo, well_formed
from generator.storage.checked_pickle import read_cached, write_cached

MEMO_FILE = "story-pairs.memo"
"""The memo of the last build's pairs, in the cache folder."""

PairFacts = tuple[list[float], list[bool]]
"""Date factor and ``story_pairs.parted`` of each of a list of pairs."""


def article_key(days: Sequence[int], years: frozenset[int], timed: frozenset[tuple[str, str, str]]) -> int:
    """64-bit digest of what a pair's facts depend on in one article: its days (sorted
    ordinals), years and dated occasions."""
    text = repr((tuple(days), tuple(sorted(years)), tuple(sorted(timed))))
    digest = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest()
    return int.from_bytes(digest, "little")


@dataclass(frozen=True)
class KeptPairs:
    """The facts of one build's pairs. A pair is named by the positions of its two
    articles' keys in ``keys``: smaller position * 2**32 + larger (the facts are symmetric)."""

    keys: np.ndarray
    """The articles' ``article_key`` values, sorted, each once (uint64)."""
    codes: np.ndarray
    """The pairs' names, sorted, each once (int64)."""
    factors: np.ndarray
    """Date factor of each pair of ``codes`` (float64)."""
    parted: np.ndarray
    """``story_pairs.parted`` of each pair of ``codes`` (bool)."""

    def well_formed(self) -> bool:
        """Whether the arrays are of the types and lengths this code writes."""
        arrays = (self.keys, self.codes, self.factors, self.parted)
        if not all(isinstance(a, np.ndarray) and a.ndim == 1 for a in arrays):
            return False
        return (self.keys.dtype == np.uint64 and self.codes.dtype == np.int64
                and self.factors.dtype == np.float64 and self.parted.dtype == np.bool_
                and len(self.codes) == len(self.factors) == len(self.parted))

    def recall(self, keys: np.ndarray, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """For (a, b) article positions ``pairs`` (with ``keys`` per article): which pairs
        are kept, and the factors and ``parted`` of those."""
        at = np.minimum(np.searchsorted(self.keys, keys), max(0, len(self.keys) - 1))
        ids = np.where(self.keys[at] == keys, at, -1) if len(self.keys) else np.full(len(keys), -1)
        codes, known = _codes(ids, pairs)
        found = np.minimum(np.searchsorted(self.codes, codes), max(0, len(self.codes) - 1))
        hit = known & (self.codes[found] == codes) if len(self.codes) else np.zeros(len(pairs), bool)
        return hit, self.factors[found[hit]], self.parted[found[hit]]


def kept_pairs(keys: np.ndarray, pairs: np.ndarray, factors: np.ndarray, parted: np.ndarray) -> KeptPairs:
    """The memo of one build's ``pairs`` of article positions, ``keys`` per article."""
    table = np.unique(keys)
    codes, _ = _codes(np.searchsorted(table, keys), pairs)
    codes, first = np.unique(codes, return_index=True)  # equal keys, equal facts
    return KeptPairs(table, codes, factors[first], parted[first])


def _codes(ids: np.ndarray, pairs: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Names of ``pairs`` from the key position ``ids`` of each article, and which pairs
    have both positions (-1: a key the table lacks)."""
    first, second = ids[pairs[:, 0]], ids[pairs[:, 1]]
    return (np.minimum(first, second) << 32) | np.maximum(first, second), (first >= 0) & (second >= 0)


@dataclass
class PairMemo:
    """The previous build's pairs (if any) and, once grouping ran, this build's."""

    kept: KeptPairs | None = None
    """Read from the cache folder; None when there was no usable memo."""
    fresh: KeptPairs | None = field(default=None, repr=False)
    """This build's pairs, for the next build (``write_memo``)."""
    terms: TermMemo = field(default_factory=TermMemo, repr=False)
    """The articles' key terms, the previous build's and this build's."""

    def facts(self, pairs: Sequence[tuple[int, int]] | np.ndarray, keys: Sequence[int],
              work_out: Callable[[list[tuple[int, int]]], PairFacts]) -> tuple[np.ndarray, np.ndarray]:
        """Date factor and ``parted`` of each pair of article positions (arrays): kept ones
        recalled, the rest from ``work_out``; this build's pairs become ``fresh``."""
        table = np.array(keys, dtype=np.uint64)
        positions = np.array(pairs, dtype=np.int64).reshape(-1, 2)
        factors, parted = np.empty(len(pairs), dtype=np.float64), np.zeros(len(pairs), dtype=np.bool_)
        hit = np.zeros(len(pairs), dtype=np.bool_)
        if self.kept is not None and len(pairs):
            hit, kept_factors, kept_parted = self.kept.recall(table, positions)
            factors[hit], parted[hit] = kept_factors, kept_parted
        missing = np.flatnonzero(~hit)
        new_factors, new_parted = work_out([(a, b) for a, b in positions[missing].tolist()])
        factors[missing], parted[missing] = new_factors, new_parted
        self.fresh = kept_pairs(table, positions, factors, parted)
        return factors, parted


def read_memo(folder: Path | None, fingerprint: str) -> PairMemo:
    """The memo kept in ``folder`` by a build of the code ``fingerprint``, else an empty one."""
    kept = read_cached(folder, MEMO_FILE, fingerprint)
    if not (isinstance(kept, tuple) and len(kept) == 2):
        return PairMemo()
    pairs, terms = kept
    return PairMemo(pairs if isinstance(pairs, KeptPairs) and pairs.well_formed() else None,
                    terms=TermMemo(terms if well_formed(terms) else {}))


def write_memo(folder: Path | None, fingerprint: str, memo: PairMemo) -> None:
    """Keep this build's pairs in ``folder``; a failed write only costs the next build time."""
    if memo.fresh is not None:
        write_cached(folder, MEMO_FILE, fingerprint, (memo.fresh, memo.terms.fresh))
