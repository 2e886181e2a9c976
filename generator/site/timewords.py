"""Times in words: TIMEX3 values and dates as a reader reads them.

A reader never sees a TIMEX3 code. ``value_words`` turns one value into words
("2025-08-08" -> "Friday 8 August 2025", "XXXX-08-08" -> "8 August, year not
stated", "XXXX-WXX-5" -> "Friday, week not stated", "P10D" -> "10 days");
``plain_words`` rewrites every value embedded in a sentence made by an
earlier stage (a provenance note, a status); ``day_words`` and ``moment_words``
write dates and build times. Both the site and the PDF templates use these as
filters (``when``, ``words``, ``day``, ``moment``).
"""

from __future__ import annotations

import datetime as dt
import re

from generator.model import DateWindow

_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_ORDINALS = {"1": "first", "2": "second", "3": "third", "4": "fourth"}
_SEASONS = {"SP": "spring", "SU": "summer", "FA": "autumn", "WI": "winter"}
_PARTS_OF_DAY = {"MO": "morning", "AF": "afternoon", "EV": "evening", "NI": "night", "DT": "daytime"}
_REFS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}
_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day", "DE": "decade", "CE": "century",
          "H": "hour", "TM": "minute", "S": "second"}
_UNIT_PLURALS = {"century": "centuries"}

_YEAR = r"(?P<year>\d{4}|XXXX)"
_CLOCK = r"(?:T(?P<clock>\d\d(?::\d\d){0,2}|MO|AF|EV|NI|DT))?"
_DAY_VALUE = re.compile(_YEAR + r"(?:-(?P<month>\d\d|XX)(?:-(?P<day>\d\d|XX))?)?" + _CLOCK)
_WEEK_VALUE = re.compile(_YEAR + r"-W(?P<week>\d\d|XX)(?:-(?P<weekday>[1-7]|WE))?" + _CLOCK)
_PART_VALUE = re.compile(_YEAR + r"-(?:Q(?P<quarter>[1-4])|H(?P<half>[12])|(?P<season>SP|SU|FA|WI))")
_DECADE_VALUE = re.compile(r"(?P<decade>\d{3})X")
_DURATION_VALUE = re.compile(r"P(?P<date>(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|[YMWD]))*)"
                             r"(?:T(?P<time>(?:(?:\d+(?:\.\d+)?|X)[HMS])+))?")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)(DE|CE|[YMWDHS])")

EMBEDDED_VALUE = re.compile(
    r"(?<![\w-])(?:"
    r"(?:\d{4}|XXXX)-(?:W(?:\d\d|XX)(?:-(?:[1-7]|WE))?|Q[1-4]|H[12]|SP|SU|FA|WI|(?:\d\d|XX)(?:-(?:\d\d|XX))?)"
    r"(?:T(?:\d\d(?::\d\d){0,2}|MO|AF|EV|NI|DT))?"
    r"|P(?:(?:\d+(?:\.\d+)?|X)(?:DE|CE|[YMWD]))+(?:T(?:(?:\d+(?:\.\d+)?|X)[HMS])+)?"
    r"|PT(?:(?:\d+(?:\.\d+)?|X)[HMS])+"
    r"|(?:PRESENT|PAST|FUTURE)_REF|XXXX"
    r")(?![\w-])")
"""A TIMEX3 value inside running text (a bare year such as "2025" is left alone: it reads as words)."""


def day_words(day: dt.date) -> str:
    """A calendar day in words: "Friday 8 August 2025"."""
    return f"{_WEEKDAYS[day.weekday()]} {day.day} {_MONTHS[day.month - 1]} {day.year}"


def window_words(window: DateWindow) -> str:
    """When an undated article was probably written: "Probably written between Friday 1 August
    2025 and Friday 8 August 2025", or "Written on Sunday 22 February 2009 or later" when only
    the build date bounds the window (``DateWindow.open_end``)."""
    if window.open_end:
        return f"Written on {day_words(window.earliest)} or later"
    return f"Probably written between {day_words(window.earliest)} and {day_words(window.latest)}"


def moment_words(moment: dt.datetime) -> str:
    """A build time in words, in UTC: "29 November 2026, 18:05 UTC"."""
    utc = moment.astimezone(dt.timezone.utc) if moment.tzinfo else moment
    return f"{utc.day} {_MONTHS[utc.month - 1]} {utc.year}, {utc:%H:%M} UTC"


def value_words(value: str) -> str:
    """One TIMEX3 value in words, saying what is not known; never the code itself."""
    value = value.strip()
    if value in _REFS:
        return _REFS[value]
    for pattern, words in ((_WEEK_VALUE, _week_words), (_DAY_VALUE, _day_value_words),
                           (_PART_VALUE, _part_words), (_DECADE_VALUE, _decade_words),
                           (_DURATION_VALUE, _duration_words)):
        match = pattern.fullmatch(value)
        if match and (text := words(match)):
            return text
    return "a time that could not be read"


def plain_words(text: str) -> str:
    """A sentence with every embedded TIMEX3 value replaced by its words."""
    return EMBEDDED_VALUE.sub(lambda match: value_words(match[0]), str(text))


def time_words(time: object) -> str:
    """A time expression (anything with a ``value``) in words; "" for None."""
    if time is None:
        return ""
    return value_words(str(getattr(time, "value", time)))


def _known(part: str | None) -> bool:
    return part is not None and "X" not in part


def _with_clock(words: str, clock: str | None) -> str:
    if not clock:
        return words
    return f"{words}, {_PARTS_OF_DAY.get(clock, clock)}"


def _day_value_words(match: re.Match) -> str:
    year, month, day = match["year"], match["month"], match["day"]
    if _known(year) and _known(month) and _known(day):
        try:
            return _with_clock(day_words(dt.date(int(year), int(month), int(day))), match["clock"])
        except ValueError:
            return ""
    if not _known(month):
        if day is None and month is None:
            return year if _known(year) else "a year not stated"
        return _with_clock("a day not stated", match["clock"])
    month_name = _MONTHS[int(month) - 1] if 1 <= int(month) <= 12 else ""
    if not month_name:
        return ""
    if day is None:
        return f"{month_name} {year}" if _known(year) else f"{month_name}, year not stated"
    if not _known(day):
        return f"a day in {month_name}" + (f" {year}" if _known(year) else ", year not stated")
    if _known(year):
        return ""
    return _with_clock(f"{int(day)} {month_name}, year not stated", match["clock"])


def _week_words(match: re.Match) -> str:
    year, week, weekday = match["year"], match["week"], match["weekday"]
    if _known(year) and _known(week):
        monday = _iso_monday(int(year), int(week))
        if monday is None:
            return ""
        if weekday == "WE":
            return f"the weekend of {day_words(monday + dt.timedelta(days=5))}"
        if weekday:
            return _with_clock(day_words(monday + dt.timedelta(days=int(weekday) - 1)), match["clock"])
        return f"the week of {day_words(monday)}"
    if weekday == "WE":
        return "a weekend, date not stated"
    if weekday:
        return _with_clock(f"{_WEEKDAYS[int(weekday) - 1]}, week not stated", match["clock"])
    return "a week not stated"


def _iso_monday(year: int, week: int) -> dt.date | None:
    try:
        return dt.date.fromisocalendar(year, week, 1)
    except ValueError:
        return None


def _part_words(match: re.Match) -> str:
    year = match["year"] if _known(match["year"]) else ""
    if match["quarter"]:
        words = f"the {_ORDINALS[match['quarter']]} quarter"
    elif match["half"]:
        words = f"the {_ORDINALS[match['half']]} half"
    else:
        words = _SEASONS[match["season"]]
        return f"{words} {year}" if year else f"{words}, year not stated"
    return f"{words} of {year}" if year else f"{words}, year not stated"


def _decade_words(match: re.Match) -> str:
    return f"the {match['decade']}0s"


def _duration_words(match: re.Match) -> str:
    parts = [(n, unit) for n, unit in _DURATION_PART.findall(match["date"] or "")]
    parts += [(n, "TM" if unit == "M" else unit) for n, unit in _DURATION_PART.findall(match["time"] or "")]
    if not parts:
        return ""
    return " and ".join(_amount(n, _UNITS[unit]) for n, unit in parts)


def _amount(number: str, unit: str) -> str:
    plural = _UNIT_PLURALS.get(unit, unit + "s")
    if number == "X":
        return f"some {plural}"
    return f"{number} {unit if number == '1' else plural}"


FILTERS = {"when": time_words, "words": plain_words, "day": day_words, "moment": moment_words,
           "window": window_words}
"""Template filters of the site and print environments: ``{{ event.date | when }}``,
``{{ note | words }}``, ``{{ source.published | day }}``, ``{{ built | moment }}``."""
