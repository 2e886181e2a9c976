"""The Timeline: events and deadlines by resolved date, the unresolved ones under the article
reporting them, split over numbered pages of ``TIMELINE_ROWS_PER_PAGE`` rows.

Each event row links where ``event_policy.event_targets`` says: its page, or its row on the
Events index page holding it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.deadlines.infer import INFERRED
from generator.model import Briefing, Citation, DateWindow, Event, Source
from generator.site.event_policy import event_targets
from generator.site.markup import deadline_target, source_labels
from generator.site.page import Page
from generator.site.pages.paging import Pager, pagers, split_rows
from generator.temporal.calendar import value_range

KIND_NAMES = {"visit": "Visit", "meeting": "Meeting", "talks": "Talks",
              "announcement": "Announcement", "attack": "Attack", "threat": "Threat",
              "sanctions": "Sanctions", "foiling": "Foiled attack"}
"""Kind -> label shown on pages."""
TIMELINE_ROWS_PER_PAGE = 100
"""Rows per Timeline page (each row cites its sources): under 200 KB of HTML a page. On real
news (ECB+, 772 articles) 200 rows made a 219 KB page (46 KB of it the theme's frame)."""


@dataclass(frozen=True)
class TimelineRow:
    """One event or deadline on the timeline."""

    title: str
    """Its title."""
    path: str
    """Docs-relative page of the event or deadline, "" for a deadline without a page."""
    what: str
    """"event" kind label or "Deadline"."""
    date: str
    """Resolved TIMEX3 value, or "" when not resolved."""
    provenance: str
    """How the date was obtained, or the stated words when not resolved."""
    citations: tuple[Citation, ...]
    """Where the sources report it."""

    @property
    def inferred(self) -> bool:
        """True when the date is an inference (no source states it), not a stated or resolved date."""
        return self.provenance.startswith(INFERRED)


@dataclass(frozen=True)
class TimelineContext:
    """Context of the Timeline page."""

    dated: list[TimelineRow]
    """Rows with a resolved date, earliest first."""
    undated: list[tuple[str, Source, list[TimelineRow]]]
    """(label, source, rows) for undated rows, under the first source reporting them."""
    windows: dict[str, DateWindow] = field(default_factory=dict)
    """Source id -> when the undated article was probably written (inferred), if known."""
    pager: Pager = Pager(1, ())
    """This page among the Timeline's pages (``TIMELINE_ROWS_PER_PAGE`` rows each)."""


def plan_timeline_pages(briefing: Briefing, targets: dict[str, str]) -> list[Page]:
    """timeline.md, and timeline/pages/<n>.md when it holds more than ``TIMELINE_ROWS_PER_PAGE`` rows."""
    whole = timeline_context(briefing, targets)
    flat = [(None, row) for row in whole.dated] + [
        ((label, source), row) for label, source, rows in whole.undated for row in rows]
    runs = split_rows(flat, TIMELINE_ROWS_PER_PAGE)
    return [Page(pager.paths[pager.number - 1], "timeline.md.j2", _timeline_page(whole, run, pager))
            for run, pager in zip(runs, pagers("timeline.md", len(runs)), strict=True)]


def _timeline_page(whole: TimelineContext, run: list, pager: Pager) -> TimelineContext:
    """The part of the timeline on one page: its dated rows, its undated rows under their article."""
    undated: list[tuple[str, Source, list[TimelineRow]]] = []
    for group, row in run:
        if group is None:
            continue
        if not undated or undated[-1][1] is not group[1]:
            undated.append((*group, []))
        undated[-1][2].append(row)
    windows = {s.id: whole.windows[s.id] for _, s, _ in undated if s.id in whole.windows}
    return TimelineContext([row for group, row in run if group is None], undated, windows, pager)


def timeline_context(briefing: Briefing, targets: dict[str, str] | None = None) -> TimelineContext:
    """Events and deadlines by resolved date; the rest grouped by article
    (``targets``: event id -> link target, see ``event_policy.event_targets``)."""
    targets = targets if targets is not None else event_targets(briefing.events, briefing.stories)
    rows = [_event_row(e, targets[e.id]) for e in briefing.events]
    rows += [_deadline_row(d) for d in briefing.deadlines]
    dated = sorted((r for r in rows if r.date), key=_day)
    labels = source_labels(briefing)
    undated: dict[str, list[TimelineRow]] = {}
    for row in (r for r in rows if not r.date and r.citations):
        undated.setdefault(row.citations[0].source, []).append(row)
    groups = [(labels[s.id], s, undated[s.id]) for s in briefing.sources if s.id in undated]
    return TimelineContext(dated, groups, briefing.date_windows)


def _day(row: TimelineRow) -> tuple[dt.date, str]:
    span = value_range(row.date)
    return (span[0] if span else dt.date.max, row.title)


def _event_row(event: Event, target: str) -> TimelineRow:
    kind = KIND_NAMES.get(event.kind, event.kind.title())
    if event.date:
        return TimelineRow(event.title, target, kind, event.date.value, event.date.provenance,
                           event.citations)
    return TimelineRow(event.title, target, kind, "", stated_words(event), event.citations)


def _deadline_row(deadline) -> TimelineRow:
    citations = tuple(r.citation for r in deadline.reports)
    due = deadline.due
    if due is not None and value_range(due.value):
        return TimelineRow(deadline.title, deadline_target(deadline), "Deadline", due.value,
                           due.provenance, citations)
    stated = ", ".join(f"“{r.due.text}”" for r in deadline.reports if r.due)
    return TimelineRow(deadline.title, deadline_target(deadline), "Deadline", "",
                       f"stated: {stated}" if stated else "no time stated", citations)


def stated_words(event: Event) -> str:
    """The time words the sources use, for an event whose date is not resolved."""
    if not event.stated_times:
        return "no time stated"
    return "stated: " + ", ".join(f"“{t.text}”" for t in event.stated_times)
