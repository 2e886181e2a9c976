"""Publication windows of undated articles from a dated deadline they report by weekday.

An article that says a deadline falls "by Friday", where the deadline's date is
known (stated elsewhere, or inferred by ``deadlines.infer``), was written in the
week before that Friday: a weekday alone names the next such day. The window
is intersected with any window the article already has; a contradiction keeps
the article's own window. Every window stays marked inferred, with its evidence.
"""

from __future__ import annotations

import datetime as dt

from generator.deadlines.dates import weekday_of
from generator.model import DateWindow, Deadline, Source
from generator.temporal.calendar import to_date
from generator.temporal.dating import narrowed

WEEK = dt.timedelta(days=6)
"""A bare weekday names a day at most six days after the article was written."""


def deadline_windows(deadlines: list[Deadline], sources: list[Source],
                     windows: dict[str, DateWindow]) -> dict[str, DateWindow]:
    """``windows`` narrowed (or started) by the dated deadlines that undated articles report."""
    undated = {s.id for s in sources if s.status == "ok" and s.published is None}
    out = dict(windows)
    for deadline in deadlines:
        due = to_date(deadline.due.value) if deadline.due else None
        if due is None:
            continue
        for report in deadline.reports:
            source = report.citation.source
            if source in undated and report.due and _names_weekday_only(report.due.value, due):
                words = f"“{report.due.text}”{_counted(report.due.provenance)}"
                clue = (f"gives the deadline as a weekday ({words}), and it falls on "
                        f"{due:%A} {due.day} {due:%B %Y}: written in the week before")
                out[source] = narrowed(source, out.get(source), due - WEEK, due, clue)
    return out


def _counted(provenance: str) -> str:
    """", counted: two days after “Wednesday”" when the weekday was counted from another day."""
    return f", {provenance.split(' (')[0]}" if provenance.startswith("counted") else ""


def _names_weekday_only(value: str, due: dt.date) -> bool:
    """True for a bare weekday value ("XXXX-WXX-5") naming the deadline's weekday."""
    return to_date(value) is None and weekday_of(value) == due.isoweekday() and "-W" in value
