"""Candidate pairs for the quote merge without comparing every quote with every other.

Two quote keys (``merge.quote_key``: lower case, words joined by one space)
are the same quotation when they are equal, when ``fuzz.ratio`` is at least
``SAME_QUOTE_RATIO``, or when the shorter, of more than ``SHORT_QUOTE_WORDS``
words, is a run of the longer's words. ``KeyIndex`` returns, for a new key,
every earlier key that can pass that test (a superset; the merge then runs the
test itself), from three indexes that miss no pair:

* equal keys: a dictionary;
* word runs: each key under every window of ``WINDOW`` words (a contained
  key's first window is one of them), and under its own first window (a
  container's windows find it);
* near-equal keys: a ratio of 90 allows an indel distance of at most a tenth
  of both lengths, which bounds the length difference, and the Levenshtein
  distance ``k`` is as small, so the two
  keys share at least ``max(len) - Q + 1 - Q * k`` character ``Q``-grams
  (Ukkonen's q-gram lemma, counted with repeats). Keys sharing at least ``t``
  grams share one of their first ``len - t + 1`` grams in any fixed order
  (prefix filtering), so only those, rarest first, are indexed and probed.
  Keys too short for the bound to be positive are compared with all such keys.

``same_quotation_keys`` gives each key of a build the keys that are the same
quotation, comparing only the keys the previous build did not hold.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping
from functools import lru_cache

Q = 3
"""Length of the character grams of the near-equal index."""
WINDOW = 4
"""Words per window of the word-run index: one more than ``SHORT_QUOTE_WORDS``."""
MAX_DISTANCE_SHARE = 0.1
"""Largest indel distance over the summed lengths of two keys with a ratio of 90."""

Token = tuple[str, int]
"""A gram and how many times it occurred before in the key (grams counted with repeats)."""


def grams(key: str) -> list[Token]:
    """The key's ``Q``-grams, each numbered by its earlier occurrences."""
    seen: Counter[str] = Counter()
    out = []
    for i in range(len(key) - Q + 1):
        gram = key[i: i + Q]
        out.append((gram, seen[gram]))
        seen[gram] += 1
    return out


def near_lengths(length: int) -> tuple[int, int]:
    """Shortest and longest length of a key near-equal to one of ``length`` characters: their
    difference is at most the indel distance allowed (plus one for rounding)."""
    low = max(0, math.floor(length * (1 - MAX_DISTANCE_SHARE) / (1 + MAX_DISTANCE_SHARE)) - 1)
    return low, math.ceil(length * (1 + MAX_DISTANCE_SHARE) / (1 - MAX_DISTANCE_SHARE)) + 1


@lru_cache(maxsize=4096)
def shared_grams_bound(length: int) -> int:
    """Fewest grams a key of ``length`` characters shares with any near-equal key (may be <= 0):
    the smallest of Ukkonen's bound over the lengths ``near_lengths`` allows."""
    low, high = near_lengths(length)
    return min(max(length, other) - Q + 1 - Q * (math.floor(MAX_DISTANCE_SHARE * (length + other)) + 1)
               for other in range(low, high + 1))


class GramOrder:
    """Grams rarest first over every key, and each key's prefix grams in that order; one
    order serves every index of the same keys."""

    def __init__(self, all_keys: Iterable[str]) -> None:
        """``all_keys``: every key that will be added."""
        self._rarity: Counter[Token] = Counter(t for key in set(all_keys) for t in set(grams(key)))
        self._prefixes: dict[str, tuple[list[Token], bool]] = {}

    def prefix_of(self, key: str) -> tuple[list[Token], bool]:
        """The rarest grams a near-equal key must share one of, and whether that bound holds
        (False: a key too short for it; all its grams, and it is compared with every short key)."""
        if key not in self._prefixes:
            self._prefixes[key] = self._rarest_grams(key)
        return self._prefixes[key]

    def _rarest_grams(self, key: str) -> tuple[list[Token], bool]:
        bound = shared_grams_bound(len(key))
        tokens = sorted(grams(key), key=lambda t: (self._rarity[t], t))
        if bound <= 0:
            return tokens, False
        return tokens[: len(tokens) - bound + 1], True


class KeyIndex:
    """The keys added so far, by number, for finding an added key's possible matches."""

    def __init__(self, all_keys: Iterable[str] | GramOrder) -> None:
        """``all_keys``: every key that will be added (fixes the rarest-first gram order), or their
        ``GramOrder``."""
        self._order = all_keys if isinstance(all_keys, GramOrder) else GramOrder(all_keys)
        self._equal: dict[str, list[int]] = defaultdict(list)
        self._windows: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._first_window: dict[tuple[str, ...], list[int]] = defaultdict(list)
        self._prefix: dict[Token, list[int]] = defaultdict(list)
        self._short: dict[int, list[int]] = defaultdict(list)  # by length
        self._lengths: dict[int, int] = {}

    def candidates(self, key: str) -> set[int]:
        """Numbers of added keys that may be the same quotation as ``key`` (empty keys: none)."""
        if not key:
            return set()
        found = set(self._equal.get(key, ()))
        words = key.split(" ")
        found.update(self._windows.get(tuple(words[:WINDOW]), ()) if len(words) >= WINDOW else ())
        for i in range(len(words) - WINDOW + 1):
            found.update(self._first_window.get(tuple(words[i: i + WINDOW]), ()))
        prefix, bounded = self._order.prefix_of(key)
        low, high = near_lengths(len(key))
        near: set[int] = set()
        for token in prefix:
            near.update(self._prefix.get(token, ()))
        near = {number for number in near if low <= self._lengths[number] <= high}
        if not bounded:
            for length in range(low, high + 1):
                near.update(self._short.get(length, ()))
        return found | near

    def add(self, number: int, key: str) -> None:
        """Index ``key`` under ``number``."""
        if not key:
            return
        self._equal[key].append(number)
        self._lengths[number] = len(key)
        words = key.split(" ")
        for i in range(len(words) - WINDOW + 1):
            self._windows[tuple(words[i: i + WINDOW])].append(number)
        if len(words) >= WINDOW:
            self._first_window[tuple(words[:WINDOW])].append(number)
        prefix, bounded = self._order.prefix_of(key)
        for token in prefix:
            self._prefix[token].append(number)
        if not bounded:
            self._short[len(key)].append(number)


BRUTE_FORCE_PAIRS = 200_000
"""Most comparisons of new keys with every key that ``same_quotation_keys`` makes one by one;
more new keys are looked up in a ``KeyIndex`` of every key."""


def same_quotation_keys(keys: list[str], same: Callable[[str, str], bool],
                        kept: Mapping[str, tuple[str, ...]]) -> dict[str, tuple[str, ...]]:
    """Each of the distinct, non-empty ``keys`` -> the keys among them that are the same
    quotation (``same``, a symmetric test; a key is its own quotation).

    ``kept``: the same of the previous build's keys among themselves. A kept key's matches
    are its kept matches still present (the previous build compared it with every key it
    held) and the new keys matching it; only the new keys are compared with every key, one
    by one when few (``BRUTE_FORCE_PAIRS``), else with those a ``KeyIndex`` proposes.
    """
    present = set(keys)
    found = {key: [m for m in kept[key] if m in present] for key in keys if key in kept}
    new = [key for key in keys if key not in found]
    if len(new) * len(keys) <= BRUTE_FORCE_PAIRS:
        mates = {key: [other for other in keys if same(key, other)] for key in new}
    else:
        index = KeyIndex(keys)
        for number, key in enumerate(keys):
            index.add(number, key)
        mates = {key: [keys[n] for n in sorted(index.candidates(key)) if same(key, keys[n])] for key in new}
    for key, matching in mates.items():
        found[key] = matching
        for other in matching:
            if other not in mates:
                found[other].append(key)
    return {key: tuple(matching) for key, matching in found.items()}
