"""Deadlines: what is due by when, set by whom, on whom (per article), merged across sources.

Stub: returns nothing yet.
"""

from __future__ import annotations

from generator.model import Briefing, Deadline, DeadlineCandidate
from generator.paragraph import Paragraph


def find_deadlines(paragraph: Paragraph) -> list[DeadlineCandidate]:
    """Deadline statements in one paragraph."""
    return []


def merge_deadlines(briefing: Briefing) -> list[Deadline]:
    """One Deadline per real deadline, with each source's wording."""
    return []
