"""The reference time of a text: a date it mentioned, and values counted from one.

``as_reference`` reads a resolved calendar value (a day, week, month, quarter or year)
as a reference; ``shifted`` moves a reference by a length, at the right granularity;
``provenance`` writes how a value counted from a reference was obtained (see
``temporal.anaphora``, which walks a text's expressions).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from generator.model import TimeExpression
from generator.temporal import calendar as cal

_CALENDAR = re.compile(
    r"(?P<y>\d{4})(?:-(?P<m>\d\d)(?:-(?P<d>\d\d)(?:T.*)?)?|-W(?P<w>\d\d)(?P<we>-WE)?|-Q(?P<q>[1-4]))?"
)
_ORDER = ["D", "W", "M", "Q", "Y", "DE"]


@dataclass(frozen=True)
class Reference:
    """A date later values count from: one the text mentioned, or the anchor (``end`` -1)."""

    day: dt.date
    granularity: str
    value: str
    text: str
    start: int
    end: int
    stated: bool
    derived: bool = False
    """Counted from another date ("a year earlier"): no context for later counts by years."""


def provenance(expr: TimeExpression, ref: Reference, how: str) -> str:
    """How ``expr`` was resolved against ``ref``: the mentioned date's text, else ``how``."""
    if ref.end >= 0:
        how = f"date mentioned before: '{ref.text}'"
    return f"'{expr.text}' resolved against {ref.value} ({how})"


def as_reference(expr: TimeExpression) -> Reference | None:
    """A resolved calendar value (day, week, month, quarter, year) as a reference, else None."""
    if expr.type not in ("DATE", "TIME") or not (match := _CALENDAR.fullmatch(expr.value)):
        return None
    year = int(match["y"])
    try:
        if match["d"]:
            day, gran = dt.date(year, int(match["m"]), int(match["d"])), "D"
        elif match["w"]:
            day, gran = dt.date.fromisocalendar(year, int(match["w"]), 6 if match["we"] else 1), "W"
        elif match["m"]:
            day, gran = dt.date(year, int(match["m"]), 1), "M"
        elif match["q"]:
            day, gran = dt.date(year, 3 * int(match["q"]) - 2, 1), "Q"
        else:
            day, gran = dt.date(year, 1, 1), "Y"
    except ValueError:
        return None
    value = day.isoformat() if match["we"] else expr.value.split("T")[0]
    gran = "D" if match["we"] else gran  # a weekend counts from its Saturday
    return Reference(day, gran, value, expr.text, expr.start, expr.end, expr.provenance == "stated")


def shifted(ref: Reference, sign: int, length: str, granularity: str | None) -> str | None:
    """The reference moved by ``length`` (e.g. "P2D"), as a value of the right granularity."""
    unit = "DE" if length.endswith("DE") else length[-1]
    granularity = granularity or _granularity(ref.granularity, unit)
    if granularity is None or _ORDER.index(granularity) < _ORDER.index(ref.granularity):
        return None  # "two days later" after "in March": no day to count from
    try:
        day = cal.add_duration(ref.day, length, sign)
    except ValueError:
        return None  # "3,000 years later": beyond the calendar
    return _format(day, granularity)


def _granularity(ref: str, unit: str) -> str | None:
    """A day keeps days and weeks ("a week later" is a day); a month or quarter keeps its
    granularity when moved by months or years ("a year earlier" than a quarter is a quarter)."""
    if ref in ("M", "Q") and unit in ("M", "Y"):
        return ref
    if unit in ("D", "W"):
        return ref if ref in ("D", "W") else None
    return unit


def _format(day: dt.date, granularity: str) -> str:
    formats = {
        "D": day.isoformat(), "W": cal.week_value(day), "M": cal.month_value(day),
        "Q": f"{day.year}-Q{(day.month - 1) // 3 + 1}", "Y": str(day.year), "DE": str(day.year)[:3],
    }  # fmt: skip
    return formats[granularity]
