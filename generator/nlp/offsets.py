"""Spans found by overlap with a range: sorted start offsets and a bisection, not a scan.

Used for mentions and time expressions of a paragraph and for the mentions an
article already has; each lookup costs a logarithm plus the spans that start
within ``lookback`` characters before the range, so a long text stays linear.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence


class OffsetIndex:
    """Half-open spans ``(start, end)`` indexed by start offset."""

    def __init__(self, spans: Sequence[tuple[int, int]], lookback: int) -> None:
        """Index ``spans``; none may be longer than ``lookback`` characters."""
        self._spans = list(spans)
        self._order = sorted(range(len(self._spans)), key=lambda i: self._spans[i][0])
        self._starts = [self._spans[i][0] for i in self._order]
        self._lookback = lookback

    def overlapping(self, start: int, end: int) -> list[int]:
        """Positions (in the given order) of the spans overlapping ``[start, end)``."""
        low = bisect_left(self._starts, start - self._lookback)
        high = bisect_left(self._starts, end)
        return sorted(i for i in self._order[low:high] if start < self._spans[i][1])
