"""The year of a deadline that no source states, inferred from weekday and date together.

Sources often give a due day without a year: one writes "by August 8", another
"by Friday". A month-day and a weekday from the reports of one deadline hold
together in only some years; when exactly one year within ``RECENT_YEARS``
before the build (or the year after it) fits, the deadline gets that date,
marked as inferred with its evidence in the provenance. Nothing is inferred
when the reports disagree (two different month-days or weekdays) or when no
year, or more than one, fits.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from generator.deadlines.dates import month_day, weekday_of
from generator.model import Deadline, DeadlineReport, TimeExpression
from generator.temporal.calendar import to_date

RECENT_YEARS = 5
"""How many years before the build year are searched (news is about recent events)."""
INFERRED = "inferred: "
"""Prefix of the provenance of an inferred value."""
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def infer_due_years(deadlines: list[Deadline], build_date: dt.date) -> list[Deadline]:
    """The deadlines, each whose year can be told from its reports given a full due date."""
    return [_with_year(d, build_date) for d in deadlines]


def _with_year(deadline: Deadline, build_date: dt.date) -> Deadline:
    if deadline.due is not None and to_date(deadline.due.value) is not None:
        return deadline
    clue = _clues(deadline.reports)
    if clue is None:
        return deadline
    (month, day), weekday, words = clue
    years = matching_years(month, day, weekday, build_date)
    if len(years) != 1:
        return deadline
    due = dt.date(years[0], month, day)
    base = deadline.due or TimeExpression(0, 0, words, "DATE", due.isoformat())
    how = (f"{INFERRED}{day} {due:%B} falls on a {_WEEKDAYS[weekday - 1]} in {years[0]} only, "
           f"of {build_date.year - RECENT_YEARS}–{build_date.year + 1} (the sources say “{words}”)")
    return replace(deadline, due=replace(base, value=due.isoformat(), provenance=how))


def matching_years(month: int, day: int, weekday: int, build_date: dt.date) -> list[int]:
    """Years near the build date in which month/day falls on the ISO weekday."""
    found = []
    for year in range(build_date.year - RECENT_YEARS, build_date.year + 2):
        try:
            if dt.date(year, month, day).isoweekday() == weekday:
                found.append(year)
        except ValueError:  # 29 February in a common year
            continue
    return found


def _clues(reports: tuple[DeadlineReport, ...]) -> tuple[tuple[int, int], int, str] | None:
    """The one month-day and the one weekday the reports give, with their words; None if not both."""
    days = {month_day(r.due.value): r.due.text for r in reports if r.due and month_day(r.due.value)}
    weekdays = {weekday_of(r.due.value): r.due.text for r in reports if r.due and weekday_of(r.due.value)}
    if len(days) != 1 or len(weekdays) != 1:
        return None
    (md, md_words), (weekday, weekday_words) = next(iter(days.items())), next(iter(weekdays.items()))
    return md, weekday, f"{md_words}” and “{weekday_words}"
