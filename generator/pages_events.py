"""Pages for events and the timeline.

Stub: the Events index only.
"""

from __future__ import annotations

from generator.model import Briefing
from generator.pages import Page, PlaceholderContext


def plan_event_pages(briefing: Briefing) -> list[Page]:
    """Events index, one page per event, and the timeline."""
    return [Page("events/index.md", "events_index.md.j2", PlaceholderContext("Events", briefing.events))]
