"""What per-article extractors (quotes, events, deadlines) receive: one parsed paragraph.

Extractors are functions ``(Paragraph) -> list[Candidate]`` called by
``nlp.analyse`` for the title and every body paragraph. All offsets they
return are absolute offsets into ``Source.text``: add ``paragraph.offset`` to
a spaCy ``token.idx`` / ``span.start_char``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from functools import cached_property
from typing import Any

from generator.model import Citation, Mention, Sentence, Source, TimeExpression
from generator.nlp.offsets import OffsetIndex

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
    def _mention_index(self) -> OffsetIndex:
        return OffsetIndex([(m.start, m.end) for m in self.mentions], MAX_NAME_CHARS)

    @cached_property
    def _time_index(self) -> OffsetIndex:
        return OffsetIndex([(t.start, t.end) for t in self.times], MAX_TIME_CHARS)

    def times_between(self, start: int, end: int) -> list[TimeExpression]:
        """Time expressions overlapping absolute offsets [start, end), in paragraph order."""
        return [self.times[i] for i in self._time_index.overlapping(start, end)]

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

        Found by bisection (``OffsetIndex``), so a long paragraph costs no rescans.
        """
        hits = self._mention_index.overlapping(start, end)
        return self.mentions[hits[0]] if hits else None
