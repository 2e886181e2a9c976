"""Pages for deadlines.

Stub: the Deadlines index only.
"""

from __future__ import annotations

from generator.model import Briefing
from generator.pages import Page, PlaceholderContext


def plan_deadline_pages(briefing: Briefing) -> list[Page]:
    """Deadlines index (sorted by due date) and one page per deadline."""
    return [Page("deadlines/index.md", "deadlines_index.md.j2",
                 PlaceholderContext("Deadlines", briefing.deadlines))]
