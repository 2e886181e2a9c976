"""Calendar arithmetic over TIMEX3 values, shared by the temporal, event and deadline stages.

Weekdays are numbered as in ``datetime.date.weekday()``: Monday is 0, Sunday is 6.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re
from typing import Literal

Direction = Literal["past", "future", "nearest"]

_DURATION = re.compile(r"P(?:\d+(?:\.\d+)?(?:DE|CE|D|W|M|Y))+(?:T\d+(?:\.\d+)?H)?")
_DURATION_PART = re.compile(r"(?P<n>\d+(?:\.\d+)?)(?P<unit>DE|CE|D|W|M|Y|H)")
_UNIT_DAYS = {"D": 1, "W": 7, "H": 1 / 24}
_UNIT_MONTHS = {"M": 1, "Y": 12, "DE": 120, "CE": 1200}
_DAY = re.compile(r"(\d{4})-(\d\d)-(\d\d)(?:T.*)?")
_WEEK = re.compile(r"(\d{4})-W(\d\d)(-WE)?")
_MONTH = re.compile(r"(\d{4})-(\d\d)")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")
_YEAR = re.compile(r"(\d{4})")


def resolve_weekday(
    anchor: dt.date, weekday: int, direction: Direction, *, inclusive: bool = True
) -> dt.date:
    """Find the day with the given weekday closest to ``anchor`` in one direction.

    Args:
        anchor: The reference day, usually the publication date.
        weekday: 0 (Monday) to 6 (Sunday).
        direction: "past" for the most recent such day, "future" for the coming
            one, "nearest" for whichever lies within three days either way.
        inclusive: Whether ``anchor`` itself counts when it has that weekday
            ("said on Wednesday" in a Wednesday article means that day).

    Returns:
        The resolved day.
    """
    ahead = (weekday - anchor.weekday()) % 7
    if ahead == 0 and not inclusive:
        ahead = 7 if direction == "future" else -7
    elif direction == "past" or (direction == "nearest" and ahead > 3):
        ahead = ahead - 7 if ahead else 0
    return anchor + dt.timedelta(days=ahead)


def year_with_weekday(year: int, month: int, day: int, weekday: int) -> int | None:
    """The year nearest ``year`` (it, the one before, the one after) in which the day falls on
    ``weekday`` ("Sunday, Aug. 4" said in 2024: 2024, not 2023), None when none of them fits."""
    for candidate in (year, year - 1, year + 1):
        try:
            if dt.date(candidate, month, day).weekday() == weekday:
                return candidate
        except ValueError:
            continue
    return None


def shift_months(day: dt.date, months: int) -> dt.date:
    """Move ``day`` by whole months, clamping to the month's last day (Jan 31 + 1 = Feb 28)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return dt.date(year, month + 1, min(day.day, last))


def add_duration(day: dt.date, value: str, sign: int = 1) -> dt.date:
    """Add (or with ``sign=-1`` subtract) a TIMEX3 calendar duration to a day.

    Args:
        day: The start day.
        value: A duration such as "P10D", "P2W", "P3M", "P1.5Y", "P1DE", or one of several
            units ("P1Y6M" for "a year and a half", "P1DT12H" for "a day and a half").
        sign: 1 to move forward, -1 to move back.

    Returns:
        The resulting day; months are moved first, then days, and fractional months
        and hours are rounded to whole days.

    Raises:
        ValueError: ``value`` is not a fully specified calendar duration
            (e.g. "PXD" or a time-of-day duration such as "PT10H"), or the day it leads
            to lies outside years 1 to 9999.
    """
    if not _DURATION.fullmatch(value):
        raise ValueError(f"not a calendar duration: {value!r}")
    months = days = 0.0
    for part in _DURATION_PART.finditer(value):
        n, unit = float(part["n"]), part["unit"]
        if unit in _UNIT_DAYS:
            days += n * _UNIT_DAYS[unit]
        else:
            months += n * _UNIT_MONTHS[unit]
    whole = int(months)
    days += (months - whole) * 30.44
    try:
        return shift_months(day, sign * whole) + dt.timedelta(days=sign * round(days))
    except (ValueError, OverflowError) as error:  # "10,000 years ago": before year 1
        raise ValueError(f"{value!r} from {day} leaves the calendar") from error


def to_date(value: str) -> dt.date | None:
    """Return the day named by a fully specified TIMEX3 value, else None.

    "2025-08-08" and "2025-08-08T15:00" give a date; "XXXX-08-08", "2025-W32",
    "2025-08", "PAST_REF" and durations give None (see ``value_range``).
    """
    match = _DAY.fullmatch(value)
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


@functools.lru_cache(maxsize=1 << 16)
def value_range(value: str) -> tuple[dt.date, dt.date] | None:
    """Return the first and last day covered by a TIMEX3 date value, else None.

    Handles days, ISO weeks ("2025-W32", weekends "2025-W32-WE"), months,
    quarters and years; underspecified values, references and durations give None.
    Memoised: the corpus-wide merges ask for the same few thousand values again and again.
    """
    day = to_date(value)
    if day:
        return day, day
    if match := _WEEK.fullmatch(value):
        monday = dt.date.fromisocalendar(int(match[1]), int(match[2]), 1)
        first = monday + dt.timedelta(days=5 if match[3] else 0)
        return first, monday + dt.timedelta(days=6)
    if match := _MONTH.fullmatch(value):
        return _span(int(match[1]), int(match[2]), 1)
    if match := _QUARTER.fullmatch(value):
        return _span(int(match[1]), 3 * int(match[2]) - 2, 3)
    if match := _YEAR.fullmatch(value):
        return dt.date(int(value), 1, 1), dt.date(int(value), 12, 31)
    return None


def _span(year: int, month: int, months: int) -> tuple[dt.date, dt.date]:
    first = dt.date(year, month, 1)
    return first, shift_months(first, months) - dt.timedelta(days=1)


def week_value(day: dt.date) -> str:
    """Return the ISO week holding ``day`` as a TIMEX3 value, e.g. "2025-W32"."""
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


def month_value(day: dt.date) -> str:
    """Return the month holding ``day`` as a TIMEX3 value, e.g. "2025-08"."""
    return f"{day.year}-{day.month:02d}"
