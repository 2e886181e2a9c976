"""Handlers for named parts of the calendar: quarters, halves, seasons after "the", holidays.

* "the fourth quarter", "the first half of 2024", "Q3": a stated year wins; otherwise
  the anchor's year, moved back a year when the sentence is past and the part has not
  begun yet, or forward when it is future and the part is over.
* "the spring", "the summer": the same rule for seasons ("in the spring" said in
  August of a plan is next year's spring).
* Fixed-date holidays ("Christmas", "New Year's Day", "the Fourth of July"): the day
  with a year inferred as for "December 25" (see ``temporal_rules``).
* Habitual sentences ("usually peak in February", "every spring") keep the year
  unspecified: XXXX-02, XXXX-SP.
"""

from __future__ import annotations

import datetime as dt
import re

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


HOLIDAY_RE = "|".join(_holiday_pattern(name) for name in sorted(HOLIDAYS, key=len, reverse=True))
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4}  # fmt: skip
_WHICH_YEAR = {"this": 0, "the": 0, "last": -1, "next": 1}


def part_of_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the fourth quarter", "the first half of 2024", "Q3 2025", "the third quarter"."""
    if m["half"]:
        index = ORDINALS[m["nth"].lower()]
        if index > 2:
            return None
        code, first, last = f"H{index}", 6 * index - 5, 6 * index
    else:
        index = int(m["q"]) if m["q"] else ORDINALS[m["nth"].lower()]
        code, first, last = f"Q{index}", 3 * index - 2, 3 * index
    if re.match(r"\s+of\b", ctx.text[m.end() :]):
        return None  # "the first half of the match"
    if m["year"]:
        return "DATE", f"{m['year']}-{code}", "stated"
    if m["which"] and ctx.anchor:
        year = ctx.anchor.year + _WHICH_YEAR[m["which"].lower()]
        return "DATE", f"{year}-{code}", ctx.resolved(m, f"'{m['which'].lower()} year'")
    return _this_or_adjacent_year(m, ctx, code, first, last)


def _this_or_adjacent_year(
    m: re.Match[str], ctx: Context, code: str, first: int, last: int
) -> Resolved:
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", UNRESOLVED
    tense, month, year = ctx.tense(m), ctx.anchor.month, ctx.anchor.year
    if tense == "past" and first > month:
        year -= 1
    elif tense == "future" and last < month:
        year += 1
    return "DATE", f"{year}-{code}", ctx.resolved(m, f"{tense} tense")


def the_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the spring", "the summer" (not "the fall of Kabul": a season needs no "of" after it)."""
    word = m["season"].lower()
    code, first, last = v.SEASONS[word]
    if m["year"]:
        return "DATE", f"{m['year']}-{code}", "stated"
    after = ctx.text[m.end() : m.end() + 6]
    if re.match(r"\s+of\b", after) or (word == "fall" and re.match(r"\s+(?:in|to|from|by)\b", after)):
        return None
    if ctx.habitual(m):
        return "DATE", f"XXXX-{code}", "stated"
    if code == "WI":  # December to February: treat as starting in December
        first, last = 12, 14
    return _this_or_adjacent_year(m, ctx, code, first, last)


def every_month(m: re.Match[str], ctx: Context) -> Resolved:
    """"every January", "each spring": a SET with the year unspecified."""
    word = m["what"]
    if word.lower() in v.SEASONS:
        return "SET", f"XXXX-{v.SEASONS[word.lower()][0]}", "stated"
    return "SET", f"XXXX-{v.MONTHS[word]:02d}", "stated"


def holiday(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"Christmas", "Christmas Eve", "New Year's Day", "the Fourth of July"."""
    name = re.sub(r"\s+", " ", m["name"].lower().replace("’", "'")).removeprefix("the ")
    month, day = HOLIDAYS[name]
    written = re.sub(r"^the\s+", "", m["name"], flags=re.IGNORECASE)
    if not written[0].isupper() or (name == "independence day" and ctx.before(m, 3).endswith("s ")):
        return None  # lower case, or another country's ("Norway's Independence Day")
    if m["year"]:
        return rules.checked_day(int(m["year"]), month, day, "stated")
    if ctx.anchor is None or ctx.habitual(m):
        how = UNRESOLVED if ctx.anchor is None else "stated"
        return "DATE", f"XXXX-{month:02d}-{day:02d}", how
    year = rules.year_for_day(ctx.anchor, month, day, ctx.tense(m))
    return rules.checked_day(year, month, day, ctx.resolved(m, "year inferred"))


_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_STEP = {"next": "+1", "following": "+1", "previous": "-1", "preceding": "-1", "same": "+0"}


def anaphoric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the next day", "the following week", "the previous year", "that day" (placeholders
    counted from the last date of the text, see ``temporal_anaphora``)."""
    rel, code = (m["rel"] or "same").lower(), _UNIT_CODE[m["unit"].lower()]
    if rel == "next" and code != "D":
        return None  # "the next year" is a span (see ``temporal_rules.period``)
    step = _STEP[rel]
    return "DATE", f"@{step[0]}P{step[1]}{code}/{code}", ""


_NIGHT_CONTEXT = re.compile(
    r"\s*(?:[^\w\s]|$)|\s+(?:and|but|or|to|on|in|at|as|after|before|while|when|with|from|into|"
    r"because|amid|despite|so|until|by|for|local|[A-Z])",
)


def overnight(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"fighting raged overnight": the night before the anchor (the coming one if future);
    not "overnight rates" or "an overnight stay"."""
    if not _NIGHT_CONTEXT.match(ctx.text, m.end()) or re.search(r"\b(?:an?|the)\s+$", ctx.before(m, 5)):
        return None
    offset = 0 if ctx.tense(m) == "future" else -1
    return rules.relative(ctx, m, offset, lambda a: f"{a + dt.timedelta(days=offset)}TNI",
                          kind="TIME")


def day_before(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the day before", "the day after" standing alone (not "the day before the vote")."""
    if not _NIGHT_CONTEXT.match(ctx.text, m.end()) or re.match(r"\s+[A-Z]", ctx.text[m.end() :]):
        return None
    return "DATE", "@-P1D/D" if m["rel"].lower() == "before" else "@+P1D/D", ""
