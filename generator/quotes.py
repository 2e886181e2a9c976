"""Quotes: direct quotes with speaker attribution (per article), merged across sources.

Stub: returns nothing yet.
"""

from __future__ import annotations

from generator.model import Briefing, Quote, QuoteCandidate
from generator.paragraph import Paragraph


def find_quotes(paragraph: Paragraph) -> list[QuoteCandidate]:
    """Direct quotes in one paragraph with the words naming their speaker."""
    return []


def merge_quotes(briefing: Briefing) -> list[Quote]:
    """One Quote per distinct quotation, citing every source that reports it."""
    return []
