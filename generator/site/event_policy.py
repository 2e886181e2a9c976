"""Which events get a page of their own: the page-count policy for events.

Like the entity policy (``policy.py``): an event reported by at least two
sources always gets a page. Events reported by one article only are capped:
at most ``max_pages_per_article`` of them per article get a page, most cited
first (ties by corpus order), so one article listing thousands of meetings
cannot flood the site. Every event, with a page or not, stays listed with its
citations on the Events index (under the anchor ``event_anchor``), and every
link to an event goes through ``event_target``, so links to an event without
a page land on its row of the index.
"""

from __future__ import annotations

from dataclasses import replace

from generator.model import Event
from generator.site.markup import event_page
from generator.site.policy import beyond_article_cap

EVENTS_INDEX = "events/index.md"
"""Docs-relative path of the Events index."""


def mark_event_pages(events: list[Event], per_article: int) -> list[Event]:
    """The events with ``has_page`` set by the policy above."""
    capped = {e.id for e in beyond_article_cap(events, lambda e: {c.source for c in e.citations},
                                                lambda e: -len(e.citations), per_article)}
    return [replace(e, has_page=e.id not in capped) for e in events]


def event_anchor(event_id: str) -> str:
    """The anchor of an event's row on the Events index."""
    return f"event-{event_id}"


def event_target(event: Event) -> str:
    """Docs-relative link target of an event: its page, or its row on the Events index."""
    return event_page(event.id) if event.has_page else f"{EVENTS_INDEX}#{event_anchor(event.id)}"
