"""Holidays: fixed-date ones ("Christmas", "the Fourth of July") and movable ones ("Easter").

* Fixed-date holidays ("Christmas", "New Year's Day", "the Fourth of July"): the day
  with a year inferred as for "December 25" (see ``temporal_rules``).
* Movable holidays ("Thanksgiving", "Easter", "Labor Day"): their day in the year
  inferred as for a fixed-date holiday.
* Habitual sentences keep the year unspecified; a thing named after a holiday
  ("the Christmas lights") is no date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from dateutil.easter import easter

from generator.temporal import calendar as cal
from generator.temporal import rules
from generator.temporal import vocab as v
from generator.temporal.rules import UNRESOLVED, Context, Resolved

HOLIDAYS = {
    "new year's day": (1, 1), "new year's eve": (12, 31), "valentine's day": (2, 14),
    "independence day": (7, 4), "fourth of july": (7, 4), "july fourth": (7, 4),
    "july 4th": (7, 4), "halloween": (10, 31), "veterans day": (11, 11),
    "christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
    "boxing day": (12, 26),
}  # fmt: skip
"""Holidays on a fixed day of the Gregorian calendar (movable feasts are left out)."""


def _holiday_pattern(name: str) -> str:
    words = re.escape(name).replace(r"\ ", r"\s+").replace("'", "['’]")
    return f"(?:the\\s+)?{words}" if "fourth of" in name else words


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> dt.date:
    """The ``nth`` (1-based; -1 the last) such weekday of a month."""
    first = dt.date(year, month, 1)
    if nth < 0:
        last = cal.shift_months(first, 1) - dt.timedelta(days=1)
        return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
    return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (nth - 1))


def _thanksgiving(year: int) -> dt.date:
    return _nth_weekday(year, 11, 3, 4)


MOVABLE: dict[str, Callable[[int], dt.date]] = {
    "thanksgiving day": _thanksgiving, "thanksgiving": _thanksgiving, "easter sunday": easter,
    "easter": easter, "good friday": lambda y: easter(y) - dt.timedelta(days=2),
    "memorial day": lambda y: _nth_weekday(y, 5, 0, -1),
    "election day": lambda y: _nth_weekday(y, 11, 0, 1) + dt.timedelta(days=1),
    "labor day": lambda y: _nth_weekday(y, 9, 0, 1),
}  # fmt: skip
"""Holidays whose day changes with the year (US Thanksgiving, Western Easter, ...)."""

HOLIDAY_RE = "|".join(_holiday_pattern(name) for name in sorted([*HOLIDAYS, *MOVABLE], key=len, reverse=True))


_HOLIDAY_THING = re.compile(rf"\s+(?:{v.HOLIDAY_THINGS_RE})\b")


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"Christmas", "Christmas Eve", "New Year's Day", "the Fourth of July", "Thanksgiving"; not
    a thing named after one ("the Christmas lights", "Thanksgiving dinner")."""
    name = re.sub(r"\s+", " ", m["name"].lower().replace("’", "'")).removeprefix("the ")
    written = re.sub(r"^the\s+", "", m["name"], flags=re.IGNORECASE)
    if not written[0].isupper() or (name == "independence day" and ctx.before(m, 3).endswith("s ")):
        return None  # lower case, or another country's ("Norway's Independence Day")
    if not m["week"] and not m["year"] and _HOLIDAY_THING.match(ctx.text, m.end()):
        return None
    if m["year"]:
        return _week_of(m, _holiday_in(name, int(m["year"]), "stated"))
    if ctx.anchor is None or ctx.habitual(m):
        how = UNRESOLVED if ctx.anchor is None else "stated"
        month, day = HOLIDAYS.get(name, (0, 0))
        return "DATE", f"XXXX-{month:02d}-{day:02d}" if month else "XXXX", how
    month, day = HOLIDAYS.get(name) or _month_day(MOVABLE[name](ctx.anchor.year))
    year = rules.year_for_day(ctx.anchor, month, day, ctx.tense(m))
    return _week_of(m, _holiday_in(name, year, ctx.resolved(m, "year inferred")))


def _week_of(m: re.Match[str], resolved: Resolved | None) -> Resolved | None:
    """"Easter week": the week holding the holiday."""
    if resolved and m["week"] and (day := cal.to_date(resolved[1])):
        return "DATE", cal.week_value(day), resolved[2]
    return resolved


def _month_day(day: dt.date) -> tuple[int, int]:
    return day.month, day.day


def _holiday_in(name: str, year: int, how: str) -> Resolved | None:
    """The holiday's day in ``year`` (None for 29 February of a common year)."""
    month, day = HOLIDAYS.get(name) or _month_day(MOVABLE[name](year))
    return rules.checked_day(year, month, day, how)

