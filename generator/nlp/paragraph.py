"""What per-article extractors (quotes, events, deadlines) receive: one parsed paragraph.

Extractors are functions ``(Paragraph) -> list[Candidate]`` called by
``nlp.analyse`` for the title and every body paragraph. All offsets they
return are absolute offsets into ``Source.text``: add ``paragraph.offset`` to
a spaCy ``token.idx`` / ``span.start_char``.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass
from typing import Any

from generator.model import Citation, Mention, Sentence, Source, TimeExpression


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

    def sentence_at(self, position: int) -> Sentence:
        """The sentence holding an absolute offset."""
        starts = [s.start for s in self.sentences]
        return self.sentences[max(bisect_right(starts, position) - 1, 0)]

    def cite(self, start: int, end: int) -> Citation:
        """Citation of absolute offsets [start, end)."""
        return Citation(self.source.id, start, end, self.source.text[start:end],
                        self.sentence_at(start).index)

    def cite_sentence(self, position: int) -> Citation:
        """Citation of the whole sentence holding an absolute offset."""
        sentence = self.sentence_at(position)
        return self.cite(sentence.start, sentence.end)

    def mention_at(self, start: int, end: int) -> Mention | None:
        """The mention overlapping [start, end), if any."""
        for mention in self.mentions:
            if mention.start < end and start < mention.end:
                return mention
        return None
