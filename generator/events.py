"""Events: what happened, from trigger words and the parse (per article), merged across sources.

Stub: returns nothing yet.
"""

from __future__ import annotations

from generator.model import Briefing, Event, EventCandidate
from generator.paragraph import Paragraph


def find_events(paragraph: Paragraph) -> list[EventCandidate]:
    """Event mentions in one paragraph."""
    return []


def merge_events(briefing: Briefing) -> list[Event]:
    """One Event per real event, citing every report of it."""
    return []
