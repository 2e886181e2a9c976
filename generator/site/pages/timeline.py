"""The Timeline: events and deadlines by resolved date, the unresolved ones under the article
reporting them, split by day and article over pages of at most ``TIMELINE_ROWS_PER_PAGE`` rows
(``paging.stable_runs``: an added or deleted article changes the pages of its own days only).

Each event row links where ``event_policy.event_targets`` says: its page, or its row on the
Events index page holding it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from generator.deadlines.infer import INFERRED
from generator.events.triggers import kind_label
from generator.model import Briefing, Citation, DateWindow, Event, Source
from generator.site.event_policy import event_targets
from generator.site.markup import deadline_target, source_labels
from generator.site.page import Page
from generator.site.pages.paging import (
    Bundle,
    ContentsRow,
    span,
    stable_paths,
    stable_runs,
)
from generator.site.timewords import value_words
from generator.temporal.calendar import to_date, value_range

TIMELINE = "timeline.md"
"""Docs-relative path of the Timeline (its rows, or the list of its pages)."""
TIMELINE_FOLDER = "timeline/pages"
"""Folder of the Timeline's pages of rows, when there are more than one."""
UNDATED_PREFIX = "undated-"
"""Key prefix of the rows without a resolved date, bundled by the article reporting them."""
NOT_DATED = "not dated: "
"""How page titles name the rows whose date was not resolved, before the article's label."""
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
    contents: str = ""
    """The page listing the Timeline's pages ("" when the timeline fits on one page)."""
    title: str = ""
    """What the page holds ("5 March 2024 to 9 April 2024"), when the timeline is split."""


@dataclass(frozen=True)
class TimelineContentsContext:
    """Context of timeline.md when the timeline's rows are on several pages."""

    sheets: list[ContentsRow]
    """One row per page: its first and last day (or article, for undated rows)."""


def plan_timeline_pages(briefing: Briefing, targets: dict[str, str]) -> list[Page]:
    """timeline.md; when its rows outgrow one page (``TIMELINE_ROWS_PER_PAGE``), timeline.md
    lists the pages holding them, each named after its first day or article (``stable_runs``)."""
    whole = timeline_context(briefing, targets)
    runs = stable_runs(timeline_bundles(whole), TIMELINE_ROWS_PER_PAGE)
    if len(runs) <= 1:
        return [Page(TIMELINE, "timeline.md.j2", whole)]
    paths = stable_paths(TIMELINE_FOLDER, runs)
    pages = [Page(path, "timeline.md.j2", _timeline_page(whole, run))
             for run, path in zip(runs, paths, strict=True)]
    sheets = [ContentsRow(path, sheet_span(run), sum(len(b.rows) for b in run))
              for run, path in zip(runs, paths, strict=True)]
    return [Page(TIMELINE, "timeline_contents.md.j2", TimelineContentsContext(sheets)), *pages]


def timeline_bundles(whole: TimelineContext) -> list[Bundle[tuple]]:
    """The timeline's rows bundled by day (key "2024-03-05"), then the undated ones by the
    article reporting them (key "undated-<source id>"); each row with its article group
    (None for a dated row)."""
    by_day: dict[str, list[tuple]] = {}
    for row in whole.dated:
        by_day.setdefault(_day(row)[0].isoformat(), []).append((None, row))
    bundles = [Bundle(day, rows) for day, rows in by_day.items()]
    return bundles + [Bundle(f"{UNDATED_PREFIX}{source.id}", [((label, source), row) for row in rows])
                      for label, source, rows in whole.undated]


def sheet_span(run: list[Bundle[tuple]]) -> str:
    """What a page of the timeline holds: "5 March 2024 to 9 April 2024", "not dated: S12 to
    S40", "1974 to 30 May 2025; not dated: S1 to S9"."""
    dated = [bundle for bundle in run if bundle.rows[0][0] is None]
    labels = [group[0] for group in (bundle.rows[0][0] for bundle in run) if group is not None]
    parts = [span(_dated_label(dated[0]), _dated_label(dated[-1]))] if dated else []
    parts += [NOT_DATED + span(labels[0], labels[-1])] if labels else []
    return "; ".join(parts)


def _dated_label(bundle: Bundle[tuple]) -> str:
    """A day's bundle as page titles name it: "5 March 2024"; a row dated only by its year,
    month or quarter by those ("1974", "March 2009"), not by the first day they hold."""
    day = dt.date.fromisoformat(bundle.key)
    if day == dt.date.max:
        return "no calendar day"
    value = bundle.rows[0][1].date
    return f"{day.day} {day:%B %Y}" if to_date(value) else value_words(value)


def _timeline_page(whole: TimelineContext, run: list[Bundle[tuple]]) -> TimelineContext:
    """The part of the timeline on one page: its dated rows, its undated rows under their article."""
    undated: list[tuple[str, Source, list[TimelineRow]]] = []
    dated: list[TimelineRow] = []
    for bundle in run:
        rows = [row for _, row in bundle.rows]
        group = bundle.rows[0][0]
        if group is None:
            dated += rows
        else:
            undated.append((*group, rows))
    windows = {s.id: whole.windows[s.id] for _, s, _ in undated if s.id in whole.windows}
    return TimelineContext(dated, undated, windows, TIMELINE, sheet_span(run))


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


def _day(row: TimelineRow) -> tuple[dt.date, str, str]:
    span = value_range(row.date)
    return (span[0] if span else dt.date.max, row.title, row.path)


def _event_row(event: Event, target: str) -> TimelineRow:
    kind = kind_label(event.kind)
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
