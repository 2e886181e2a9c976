"""Whole-word occurrences of a set of written forms in a text, by one Aho-Corasick pass
(part of the resolve stage: mention recovery, see ``recover``)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import ahocorasick


def _is_word(char: str) -> bool:
    """True for a character regular expressions count as ``\\w``."""
    return char.isalnum() or char == "_"


def _bounded(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` neither starts nor ends inside a word."""
    return (start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end]))


class FormScanner:
    """Every whole-word occurrence of a set of forms in one pass over a text.

    Finds what ``(?<!\\w)(?:form|form|...)(?!\\w)`` with the forms longest first finds
    with ``finditer``: scanning left to right, at each position the longest form that
    starts and ends at a word boundary, then on after its end (no overlaps).
    """

    def __init__(self, forms: Iterable[str]) -> None:
        """Build the automaton over ``forms`` (non-empty strings)."""
        self._automaton = ahocorasick.Automaton()
        for form in forms:
            self._automaton.add_word(form, len(form))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def hits(self, text: str) -> list[tuple[int, int]]:
        """``(start, end)`` of every whole-word occurrence, those inside longer ones included."""
        if self._empty:
            return []
        return [(last + 1 - length, last + 1) for last, length in self._automaton.iter(text)
                if _bounded(text, last + 1 - length, last + 1)]

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each occurrence, left to right."""
        return leftmost_longest(self.hits(text))

    def whole_words(self, text: str) -> frozenset[str]:
        """The forms written whole-word in ``text`` (whether or not a longer one covers them)."""
        return frozenset(text[start:end] for start, end in self.hits(text))


def leftmost_longest(hits: Iterable[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """Of ``hits`` (``FormScanner.hits``), left to right the longest at each start that begins
    after the previous one's end."""
    longest: dict[int, int] = {}
    for start, end in hits:
        longest[start] = max(end, longest.get(start, end))
    position = 0
    for start in sorted(longest):
        if start >= position:
            position = longest[start]
            yield start, position
