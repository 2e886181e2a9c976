"""Quoted stretches of a paragraph: “curly” or "straight" quote marks (or wire copy's
``paired'' backticks and apostrophes, read as curly ones), or ‘single’ ones.

British style quotes with single marks. A closing ’ is also the apostrophe
("the envoy’s"), so a single-quoted stretch ends only at a ’ not followed by a
letter, and single marks are read only in a paragraph without double ones.

An opening mark without a closing one runs to the paragraph end (a quote that
goes on in the next paragraph). Straight-quote spans overlapping curly ones are
dropped, except that a quote within a quote belongs to the outer one ('"He kept
shouting “never again” at us," she said' is one quote); spans without a letter
are ignored. The quoted words exclude the marks, outer spaces and a trailing
comma, semicolon or colon.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.nlp.paragraph import Paragraph

TRAILING = ",;:"
_CURLY = re.compile(r"“([^“”]*)(”|$)")
_PAIRED = re.compile(r"``((?:[^`']|'(?!'))*)(''|$)")
"""Wire copy's ``...'' as the LDC and the Penn Treebank keep it: read as curly marks."""
_STRAIGHT = re.compile(r'"([^"]*)("|$)')
_SINGLE = re.compile(r"‘((?:[^‘’]|’(?=\w))*)(’(?!\w)|$)")


@dataclass(frozen=True)
class QuoteSpan:
    """One quoted stretch of a paragraph (absolute offsets into Source.text)."""

    open: int
    """Offset of the opening quote mark."""
    close: int
    """Offset just after the closing mark (or the paragraph end when unclosed)."""
    start: int
    """Start of the quoted words (marks and outer spaces removed)."""
    end: int
    """End of the quoted words (trailing comma/colon removed)."""

    def holds(self, position: int) -> bool:
        """True when an absolute offset lies between the marks."""
        return self.open <= position < self.close


def find_spans(paragraph: Paragraph) -> list[QuoteSpan]:
    """Quote spans of a parsed paragraph."""
    return quote_spans(paragraph.doc.text, paragraph.offset)


def quote_spans(text: str, offset: int = 0) -> list[QuoteSpan]:
    """Quoted stretches of a paragraph text, in text order (offsets shifted by ``offset``)."""
    curly = [_span(m, offset) for m in _CURLY.finditer(text)]
    if "``" in text:
        curly = sorted(curly + [_span(m, offset) for m in _PAIRED.finditer(text)], key=lambda s: s.open)
    if not curly and '"' not in text:
        curly = [_span(m, offset) for m in _SINGLE.finditer(text)]
    straight = [_span(m, offset) for m in _STRAIGHT.finditer(text)]
    outer = [s for s in straight if any(_within(c, s) for c in curly)]
    curly = [c for c in curly if not any(_within(c, s) for s in outer)]
    straight = [s for s in straight if s in outer
                or not any(s.open < c.close and c.open < s.close for c in curly)]
    spans = sorted(curly + straight, key=lambda s: s.open)
    return [s for s in spans if any(ch.isalpha() for ch in text[s.start - offset: s.end - offset])]


def _within(inner: QuoteSpan, outer: QuoteSpan) -> bool:
    """True when one quote lies inside another's marks (a quote within a quote)."""
    return outer.open < inner.open and inner.close < outer.close


def _span(match: re.Match, offset: int) -> QuoteSpan:
    words = match.group(1)
    lead = len(words) - len(words.lstrip())
    kept = words.strip().rstrip(TRAILING).rstrip()
    start = offset + match.start(1) + lead
    return QuoteSpan(offset + match.start(), offset + match.end(), start, start + len(kept))
