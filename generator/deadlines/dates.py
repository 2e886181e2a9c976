"""Due dates of deadlines: which times can be due, dates counted from lengths, and comparison.

TIMEX3 values come from ``generator.temporal.tagger``. A due time may be only partly
known when articles carry no publication date: "XXXX-08-08" (8 August, year
unknown) or "XXXX-WXX-5" (a Friday). ``shift`` moves such values by a number
of days where that stays meaningful (a weekday plus two days is a weekday);
``compatible`` tells whether two values can name the same day.
"""

from __future__ import annotations

import datetime as dt
import functools
import re

from generator.model import TimeExpression
from generator.temporal.calendar import add_duration, to_date

_DUE_VALUE = re.compile(
    r"(?:\d{4}|XXXX)(?:-\d\d(?:-\d\d)?|-W(?:\d\d|XX)(?:-[1-7])?|-Q[1-4])?(?:T.*)?"
)
_LENGTH = re.compile(r"P(\d+)(D|W|M|Y)")
_CLOCK_ON_DAY = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_WEEKDAY = re.compile(r"(XXXX|\d{4})-W(XX|\d\d)-([1-7])")
_AHEAD = re.compile(
    r"^\s+(?:ahead\s+of|before|prior\s+to)\s+(?:\S+\s+){0,3}?(?:deadline|ultimatum)", re.IGNORECASE
)
COUNTED = "counted: "
"""Provenance prefix of a due time counted from another date and a length."""
_LEAP_YEAR = 2000
"""Year used for month-day arithmetic when the year is unknown (a leap year keeps 29 February)."""


def is_day_date(time: TimeExpression) -> bool:
    """A date that can be due: a day, week, month, quarter or year, not "recently"/"now"; or a
    clock time on a known day ("until 5 p.m. EST Nov. 9"), not a part of a day ("by Saturday
    evening", which tells when more often than it sets a limit) nor an hour of no day."""
    if time.type == "TIME":
        return bool(_CLOCK_ON_DAY.fullmatch(time.value))
    return time.type == "DATE" and bool(_DUE_VALUE.fullmatch(time.value))


def is_length(time: TimeExpression) -> bool:
    """A stated length in whole days, weeks, months or years ("ten days", "50-day")."""
    return time.type == "DURATION" and bool(_LENGTH.fullmatch(time.value))


def days_of(value: str) -> int | None:
    """Number of days of a day or week length, else None."""
    match = _LENGTH.fullmatch(value)
    if not match or match[2] not in "DW":
        return None
    return int(match[1]) * (7 if match[2] == "W" else 1)


def shift(value: str, length: str) -> str | None:
    """A date value moved forward by a length, or None when that cannot be known.

    >>> shift("XXXX-WXX-3", "P2D"), shift("2025-08-06", "P2D"), shift("XXXX-08-30", "P3D")
    ('XXXX-WXX-5', '2025-08-08', 'XXXX-09-02')
    """
    day = to_date(value)
    if day is not None:
        return add_duration(day, length).isoformat() if _LENGTH.fullmatch(length) else None
    days = days_of(length)
    if days is None:
        return None
    if match := _MONTH_DAY.fullmatch(value):
        moved = dt.date(_LEAP_YEAR, int(match[1]), int(match[2])) + dt.timedelta(days=days)
        return f"XXXX-{moved.month:02d}-{moved.day:02d}"
    if (match := _WEEKDAY.fullmatch(value)) and "X" in value:
        return f"{match[1]}-W{match[2]}-{(int(match[3]) - 1 + days) % 7 + 1}"
    return None


def weekday_of(value: str) -> int | None:
    """ISO weekday (1 = Monday) a value names, if known."""
    day = to_date(value)
    if day is not None:
        return day.isoweekday()
    match = _WEEKDAY.fullmatch(value)
    return int(match[3]) if match else None


def month_day(value: str) -> tuple[int, int] | None:
    """(month, day) a value names, if known."""
    day = to_date(value)
    if day is not None:
        return day.month, day.day
    match = _MONTH_DAY.fullmatch(value)
    return (int(match[1]), int(match[2])) if match else None


_day = functools.lru_cache(maxsize=1 << 14)(to_date)
"""``to_date`` remembered: ``compatible`` meets each value in many pairs."""


@functools.lru_cache(maxsize=1 << 16)
def compatible(a: str, b: str) -> bool:
    """Whether two due values can name the same day (unknown parts never conflict); remembered,
    as the deadline merge compares the same values many times."""
    if a == b:
        return True
    first, second = _day(a), _day(b)
    if first and second:
        return first == second
    pairs = ((month_day(a), month_day(b)), (weekday_of(a), weekday_of(b)))
    return all(x is None or y is None or x == y for x, y in pairs)


def specificity(value: str) -> int:
    """How precisely a value names a day: 3 full date, 2 month and day, 1 weekday, 0 other."""
    if to_date(value):
        return 3
    if month_day(value):
        return 2
    return 1 if weekday_of(value) else 0


def sort_key(value: str | None) -> tuple:
    """Order due values: full dates by date, then month-days, then weekdays, then unknown."""
    if value is None:
        return (9,)
    day = to_date(value)
    if day:
        return (0, day.toordinal())
    if md := month_day(value):
        return (1, *md)
    return (2, weekday_of(value) or 8, value)


_UNITS = {"D": "day", "W": "week", "M": "month", "Y": "year"}
_WEEKDAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def describe(value: str) -> str:
    """A TIMEX3 due or length value in words.

    "8 August 2025", "8 August (year not given)", "a Friday", "10 days".
    """
    day = to_date(value)
    if day:
        return f"{day.day} {day:%B %Y}"
    if md := month_day(value):
        return f"{md[1]} {dt.date(_LEAP_YEAR, *md):%B} (year not given)"
    if (weekday := weekday_of(value)) is not None:
        return f"a {_WEEKDAY_NAMES[weekday - 1]}"
    if match := _LENGTH.fullmatch(value):
        unit = _UNITS[match[2]]
        return f"{match[1]} {unit}{'s' if match[1] != '1' else ''}"
    return value


def derived_due(
    paragraph, sent, times: list[TimeExpression], length: TimeExpression | None
) -> tuple[TimeExpression | None, tuple[int, int] | None]:
    """A due time counted from another date: "arrived Wednesday, two days ahead of the deadline".

    Also "On Monday, X gave Y ten days": the announcement day plus the length.
    Returns the due time and the offsets of the words it was read from.
    """
    text = paragraph.source.text
    days = [t for t in times if is_day_date(t) and specificity(t.value)]
    for ahead in (t for t in times if is_length(t)):
        match = _AHEAD.match(text[ahead.end :])
        base = _nearest(days, ahead.start)
        if match and base and (value := shift(base.value, ahead.value)):
            how = f"{COUNTED}{ahead.text} after “{base.text}” ({base.provenance})"
            return _derived(ahead, value, how), (ahead.start, ahead.end + match.end())
    if length is not None and len(days) == 1 and _same_clause(paragraph, sent, days[0], length):
        value = shift(days[0].value, length.value)
        if value:
            how = f"{COUNTED}{length.text} from “{days[0].text}” ({days[0].provenance})"
            return _derived(length, value, how), None
    return None, None


def _nearest(days: list[TimeExpression], position: int) -> TimeExpression | None:
    before = [t for t in days if t.end <= position]
    return before[-1] if before else (days[0] if days else None)


def _derived(words: TimeExpression, value: str, how: str) -> TimeExpression:
    return TimeExpression(words.start, words.end, words.text, "DATE", value, how)


def _same_clause(paragraph, sent, day: TimeExpression, length: TimeExpression) -> bool:
    """Whether a day and a length hang from the same verb (the announcement)."""

    def verb_of(time: TimeExpression):
        token = next((t for t in sent if paragraph.offset + t.idx >= time.start), None)
        while token is not None and token.pos_ not in ("VERB", "AUX") and token.head.i != token.i:
            token = token.head
        return token

    return verb_of(day) is not None and verb_of(day) == verb_of(length)
