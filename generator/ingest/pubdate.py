"""Publication dates an article states itself: date lines at its top and dates in its URL path.

A date line is page furniture ("Published Sunday, Aug 4 2013, 19:30 BST",
"4 August 2013 Last updated at 19:47 GMT", "Monday 5 August 2013 08.33 BST",
"Aug. 05, 2013 | 2:47 p.m.", "2013-08-04T19:30:00Z"). It counts only when,
once the date is read, nothing but furniture words is left over (labels such as
"Published" or "Last updated at", weekday names, clock times, time zones), so
a sentence that mentions a date is never one. Tokenised text ("19: 30",
"Aug . 05 , 2013", "2 : 47 p . m .") is closed up first. The date itself is
read by python-dateutil; day, month and a four-digit year must all be written.
Numeric dates are read month first ("05/02/2013" is 2 May), as US outlets write
them; a day over 12 in first place ("25/12/2013") and a date with full stops
("04.08.2013", as European outlets write) are read day first.

``url_date`` reads the date of a URL path: /2013/08/04/, /2013/aug/04/,
/2013-08-04/ or /20130804/.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

MAX_LINE = 90
"""Longer lines are text, not a date line."""

_FURNITURE_WORDS = frozenset(
    "published updated posted last first created modified release released on at date time and "
    "am pm a.m p.m edition print online gmt utc bst cet cest eet eest msk ist hkt jst aest et est "
    "edt ct cst cdt mt mst mdt pt pst pdt z t local uk".split()
)
"""Words a date line may hold besides the date (weekdays and month names dateutil reads)."""

_GAPS = [
    (re.compile(r"(\d)\s*([:/])\s*(?=\d)"), r"\1\2"),  # "19: 30", "05 / 02 / 2013"
    # "08. 23 BST": a clock time with a gap after its full stop
    (re.compile(r"\b(\d\d?)\.\s(?=\d\d(?:\s*[ap]\.?m\b|\s+[A-Z]{2,4}\b))", re.IGNORECASE), r"\1."),
    (re.compile(r"\b([ap])\s*\.\s*m\s*\.?", re.IGNORECASE), r"\1.m."),  # "p . m ."
    (re.compile(r"\b([A-Za-z]{3,4})\s+\.(?=\s)"), r"\1."),  # "Aug . 05"
    (re.compile(r"\s+,"), ","),  # "2013 ,"
    (re.compile(r"\s*[|·•–—]\s*"), " | "),  # "Aug. 05, 2013 | 2:47 p.m."
]
_CLOCK = re.compile(
    r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d(?::[0-5]\d)?(?![.:/-]\d)\s*(?:[ap]\.?m\.?)?(?=\W|$)"
    r"|\b(?:1[0-2]|0?[1-9])\s*[ap]\.?m\.?(?=\W|$)",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)|\b\d\d?/\d\d?/\d\d\b")
"""A four-digit year, or a numeric date with a two-digit one ("04/02/07")."""
_ZONED_CLOCK = re.compile(r"\b[012]\d[0-5]\d\s+(?=[A-Z]{2,4}\b)")
"""A clock time without a colon before a time zone ("1052 GMT")."""
_SEGMENTS = re.compile(r"\||\b(?:last\s+)?(?:updated|modified)\b", re.IGNORECASE)
"""Where another part of a stamp starts ("By Jane Doe | May 2, 2013", "... Updated on ...")."""
_ISO = re.compile(r"\b((?:19|20)\d\d-[01]\d-[0-3]\d)(?:[T ][\d:.]+(?:Z|[+-]\d\d:?\d\d)?)?\b")
_URL_DATE = re.compile(
    r"/(?P<y>(?:19|20)\d\d)[/-](?P<m>[01]?\d|[A-Za-z]{3,9})[/-](?P<d>[0-3]\d(?=[/\-_.]|$)|[1-9](?=/|$))"
    r"|/(?P<y2>(?:19|20)\d\d)(?P<m2>[01]\d)(?P<d2>[0-3]\d)(?=[/\-_.]|$)"
)
_TWO_DEFAULTS = (dt.datetime(1900, 1, 1), dt.datetime(1901, 2, 2))


def close_gaps(line: str) -> str:
    """Undo the spaces tokenisation put inside times and dates ("19: 30" -> "19:30")."""
    for pattern, replacement in _GAPS:
        line = pattern.sub(replacement, line)
    return re.sub(r"\s+", " ", line).strip()


def dateline_date(line: str) -> dt.date | None:
    """The date a date line states, else None (see the module docstring).

    >>> dateline_date("Published Sunday, Aug 4 2013, 19: 30 BST")
    datetime.date(2013, 8, 4)
    >>> dateline_date("The vote on May 3, 2013 was close") is None
    True
    """
    text = close_gaps(line)
    if not text or len(text) > MAX_LINE or not _YEAR.search(text):
        return None
    if iso := _ISO.fullmatch(text):
        return _iso_day(iso[1])
    text = _CLOCK.sub(" ", _ZONED_CLOCK.sub(" ", text)).replace("(", " ").replace(")", " ")
    found = _read_date(text.replace("|", " "))
    for part in _SEGMENTS.split(text) if found is None else ():
        if _YEAR.search(part) and (found := _read_date(part)):
            break
    return found


def _iso_day(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _read_date(text: str) -> dt.date | None:
    """The date of a line stripped of clock times, if day, month and year are all written
    and every other word is furniture."""
    readings = []
    for default in _TWO_DEFAULTS:
        try:
            when, skipped = date_parser.parse(text, default=default, fuzzy_with_tokens=True,
                                              dayfirst=_day_first(text), ignoretz=True)
        except (ValueError, OverflowError):
            return None
        if not all(_is_furniture(token) for token in skipped):
            return None
        readings.append(when.date())
    first, second = readings
    return first if first == second else None  # else day or month came from the default


def _day_first(text: str) -> bool:
    """"25/12/2013" can only be day first; "05/02/2013" is read month first; a date with full
    stops ("04.08.2013") is written day first wherever it is used."""
    numeric = re.search(r"\b(\d\d?)([/.-])(\d\d?)[/.-](?:19|20)\d\d\b", text)
    return bool(numeric and (int(numeric[1]) > 12 or numeric[2] == "."))


def _is_furniture(token: str) -> bool:
    words = re.findall(r"[\w.]+", token.lower())
    return all(not word.strip(".") or word.strip(".") in _FURNITURE_WORDS for word in words)


def url_date(url: str | None) -> dt.date | None:
    """The date in a URL path ("https://example.org/2013/08/04/story"), else None."""
    match = _URL_DATE.search(url or "")
    if not match:
        return None
    year, month, day = (match["y"], match["m"], match["d"]) if match["y"] else (
        match["y2"], match["m2"], match["d2"])
    number = int(month) if month.isdigit() else _month_number(month)
    try:
        return dt.date(int(year), number, int(day)) if number else None
    except ValueError:
        return None


def _month_number(name: str) -> int | None:
    try:
        return date_parser.parse(f"1 {name} 2000").month
    except (ValueError, OverflowError):
        return None
