"""What per-article extractors (quotes, events, deadlines) receive: one parsed paragraph.

Extractors are functions ``(Paragraph) -> list[Candidate]`` called by
``nlp.analyse`` for the title and every body paragraph. All offsets they
return are absolute offsets into ``Source.text``: add ``paragraph.offset`` to
a spaCy ``token.idx`` / ``span.start_char``.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.model import Citation, Mention, Sentence, Source, TimeExpression

MAX_NAME_CHARS = 300
"""Longest name mention looked back over when finding the mention at an offset."""
MAX_TIME_CHARS = 300
"""Longest time expression looked back over when finding the times in a range."""


@dataclass(frozen=True)
class Paragraph:
    """A parsed paragraph with everything already found in it."""

    source: Source
    """The article."""
    doc: Any
    """The spaCy Doc of the paragraph text."""
    offset: int
    """Offset of doc.text inside Source.text."""
    sentences: tuple[Sentence, ...]
    """Sentences of this paragraph (absolute offsets, global indices)."""
    mentions: tuple[Mention, ...]
    """Cleaned name mentions inside this paragraph."""
    times: tuple[TimeExpression, ...]
    """Time expressions inside this paragraph (absolute offsets)."""
    previous: Paragraph | None = None
    """The paragraph before (for quotes continuing across paragraphs)."""

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]

    @cached_property
    def _mentions_by_start(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self.mentions)), key=lambda i: self.mentions[i].start)
        return [self.mentions[i].start for i in order], order

    @cached_property
    def _times_by_start(self) -> tuple[list[int], list[int]]:
        order = sorted(range(len(self.times)), key=lambda i: self.times[i].start)
        return [self.times[i].start for i in order], order

    def times_between(self, start: int, end: int) -> list[TimeExpression]:
        """Time expressions overlapping absolute offsets [start, end), in paragraph order."""
        starts, order = self._times_by_start
        low = bisect_left(starts, start - MAX_TIME_CHARS)
        return [self.times[i] for i in sorted(order[low:bisect_left(starts, end)])
                if self.times[i].end > start]

    def sentence_at(self, position: int) -> Sentence:
        """The sentence holding an absolute offset."""
        return self.sentences[max(bisect_right(self._sentence_starts, position) - 1, 0)]

    def cite(self, start: int, end: int) -> Citation:
        """Citation of absolute offsets [start, end)."""
        return Citation(self.source.id, start, end, self.source.text[start:end],
                        self.sentence_at(start).index)

    def cite_sentence(self, position: int) -> Citation:
        """Citation of the whole sentence holding an absolute offset."""
        sentence = self.sentence_at(position)
        return self.cite(sentence.start, sentence.end)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The first mention (in paragraph order) overlapping [start, end), if any.

        Looks only at mentions starting less than ``MAX_NAME_CHARS`` before
        ``start``, found by bisection, so a long paragraph costs no rescans.
        """
        starts, order = self._mentions_by_start
        low = bisect_left(starts, start - MAX_NAME_CHARS)
        high = bisect_left(starts, end)
        hits = [i for i in order[low:high] if start < self.mentions[i].end]
        return self.mentions[min(hits)] if hits else None
