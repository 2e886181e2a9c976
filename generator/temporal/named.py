"""Handlers for named parts of the calendar: quarters, halves, seasons after "the".

Holidays are in ``temporal.holidays``.

* "the fourth quarter", "the first half of 2024", "Q3": a stated year wins; otherwise
  the anchor's year, moved back a year when the sentence is past and the part has not
  begun yet, or forward when it is future and the part is over.
* "the spring", "the summer": the same rule for seasons ("in the spring" said in
  August of a plan is next year's spring).
* Habitual sentences ("usually peak in February", "every spring") keep the year
  unspecified: XXXX-02, XXXX-SP.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.temporal import rules
from generator.temporal import vocab as v
from generator.temporal.rules import UNRESOLVED, Context, Resolved

ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3,
            "4th": 4, "final": 4, "last": 4}  # fmt: skip
_OF_SOMETHING = re.compile(r"\s+of\s+(?!\$|\d)")
_WHICH_YEAR = {"this": 0, "the": 0, "last": -1, "next": 1}
_PLAY = re.compile(rf"\b(?:{v.PLAY_RE})\b", re.IGNORECASE)


def part_of_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the fourth quarter", "the first half of 2024", "Q3 2025", "the 2024 third quarter",
    "next year's first quarter", "the last half of 2024", "the first two quarters" (H1); "the third
    and fourth quarters": the first ordinal takes the unit written after the second (every such
    quarter when habitual)."""
    nth = (m["nth"] or m["pair"] or "").lower()
    if m["half"] or m["lhalf"] or m["pair"]:  # "the first two quarters" is the first half
        index = 2 if nth == "last" else ORDINALS[nth]
        if index > 2:
            return None
        code, first, last = f"H{index}", 6 * index - 5, 6 * index
    else:
        if nth == "last":
            return None  # "last quarter" is the one before this (see ``temporal_rules.period``)
        index = int(m["q"]) if m["q"] else ORDINALS[nth]
        code, first, last = f"Q{index}", 3 * index - 2, 3 * index
    if _OF_SOMETHING.match(ctx.text, m.end()) or (not m["year"] and _PLAY.search(ctx.sentence(m))):
        return None  # "the first half of the match", "a touchdown in the fourth quarter" (not "the
        # second quarter of $5 million")
    if (m["plural"] or m["lplural"]) and ctx.habitual(m):
        return "SET", f"XXXX-{code}", "stated"  # "usually in the second and fourth quarters"
    if year := m["year"] or m["pyear"]:
        return "DATE", f"{year}-{code}", "stated"
    which = (m["which"] or m["pwhich"] or "").lower()
    if which and ctx.anchor:
        year = str(ctx.anchor.year + _WHICH_YEAR[which])
        return "DATE", f"{year}-{code}", ctx.resolved(m, f"'{which} year'")
    return _this_or_adjacent_year(m, ctx, code, first, last)


def _this_or_adjacent_year(
    m: re.Match[str], ctx: Context, code: str, first: int, last: int
) -> Resolved:
    """This year's part, last year's when past and not begun, next year's when future and over
    (a quarter only once the next one is over too: its results are still to be reported)."""
    if ctx.anchor is None:
        return "DATE", f"XXXX-{code}", UNRESOLVED
    tense, month, year = ctx.tense(m), ctx.anchor.month, ctx.anchor.year
    grace = 3 if code.startswith("Q") else 0
    if tense == "past" and first > month:
        year -= 1
    elif tense == "future" and last + grace < month:
        year += 1
    return "DATE", f"{year}-{code}", ctx.resolved(m, f"{tense} tense")


def the_season(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the spring", "the summer", "in spring" (not "the fall of Kabul": a season needs no "of"
    after it); a bare season in a sentence that is neither past nor future is any such season."""
    word = (m["season"] or m["season2"]).lower()
    code, first, last = v.SEASONS[word]
    if year := m["year"] or m["year2"]:
        return "DATE", f"{year}-{code}", "stated"
    after = ctx.text[m.end() : m.end() + 6]
    if re.match(r"\s+of\b", after) or (word == "fall" and re.match(r"\s+(?:in|to|from|by)\b", after)):
        return None
    bare = not m[0].lower().startswith("the")
    if ctx.habitual(m) or (bare and ctx.tense(m) not in ("past", "future")):
        return "DATE", f"XXXX-{code}", "stated"  # "roads freeze in winter": any winter
    if code == "WI":  # December to February: treat as starting in December
        first, last = 12, 14
    return _this_or_adjacent_year(m, ctx, code, first, last)


def month_of_year(m: re.Match[str], ctx: Context) -> Resolved:
    """"January this year", "June last year", "April next year": the month in that year."""
    month, which = v.MONTHS[m["mon"]], m["which"].lower()
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}", UNRESOLVED
    year = ctx.anchor.year + _WHICH_YEAR[which]
    return "DATE", f"{year}-{month:02d}", ctx.resolved(m, f"'{which} year'")


def every_month(m: re.Match[str], ctx: Context) -> Resolved:
    """"every January", "each spring": a SET with the year unspecified."""
    word = m["what"]
    if word.lower() in v.SEASONS:
        return "SET", f"XXXX-{v.SEASONS[word.lower()][0]}", "stated"
    return "SET", f"XXXX-{v.MONTHS[word]:02d}", "stated"


def reported_quarter(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the quarter", "the latest period", "the year-ago (third) quarter", "the 1988 quarter",
    "year-earlier", "the quarter a year ago", "the corresponding period last year", "last year's
    quarter": quarters of financial reports, counted from the quarter the text reports
    on (see ``temporal_anaphora``)."""
    nth = re.split(r"[\s-]", m["unit"])[0].lower() if m["ago"] and m["unit"] else ""
    if nth in ORDINALS:  # "the year-ago third quarter": the last such quarter, a year before
        if ctx.anchor is None:
            return "DATE", f"XXXX-Q{ORDINALS[nth]}", UNRESOLVED
        year = ctx.anchor.year - (3 * ORDINALS[nth] - 2 > ctx.anchor.month) - 1
        return "DATE", f"{year}-Q{ORDINALS[nth]}", ctx.resolved(m, "the last such quarter, a year before")
    if m["ago"]:
        return "DATE", "@Q-1" if m["unit"] else "@~-P1Y", ""
    if m["lastyears"] or (m["back"] and m["det"]):
        return "DATE", "@Q-1", ""  # "the quarter a year ago", "the corresponding period last year"
    if m["year"]:
        return "DATE", f"@Q={m['year']}", ""
    if not m["det"] or (m["unit2"].lower() == "period" and not m["latest"]):
        return None  # "a quarter of the shares"; "the period" alone is too vague
    return "DATE", "@Q+0" if not m["latest"] else "@Q-0", ""  # the latest: the last one completed


_DECADES = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
            "seventies": 7, "eighties": 8, "nineties": 9}  # fmt: skip
SPELLED_YEAR_RE = (
    rf"\b(?:(?P<mon>{v.MONTH_RE})\s+(?:of\s+)?|the\s+(?P<season>spring|summer|autumn|fall|winter)\s+of\s+)?"
    rf"\b(?P<century>nineteen|twenty)[\s-](?P<tens>{v.alternation(v.TENS)})(?:[\s-](?P<ones>"
    rf"{v.alternation(list(v.NUMBERS)[:9])}))?\b|\b(?i:the)\s+(?P<decade>{v.alternation(_DECADES)})\b"
)


def spelled_year(m: re.Match[str], ctx: Context) -> Resolved:
    """"nineteen ninety-six" (1996), "twenty twenty" (2020), "the nineties" (199), with a month
    or season before it: "January nineteen ninety-seven" (1997-01), "the winter of nineteen
    ninety-four" (1994-WI)."""
    if m["decade"]:
        return "DATE", f"19{_DECADES[m['decade'].lower()]}", "stated"
    century = 19 if m["century"].lower() == "nineteen" else 20
    year = century * 100 + v.TENS[m["tens"].lower()] + v.NUMBERS.get((m["ones"] or "").lower(), 0)
    if m["mon"]:
        return "DATE", f"{year}-{v.MONTHS[m['mon'].capitalize()]:02d}", "stated"
    if m["season"]:
        return "DATE", f"{year}-{v.SEASONS[m['season'].lower()][0]}", "stated"
    return "DATE", str(year), "stated"


def century(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the 20th century" is "19" in TimeML (its hundreds), "the 11th century" "10"."""
    nth = int(m["nth"])
    return ("DATE", f"{nth - 1:02d}", "stated") if 1 <= nth <= 21 else None


_YEAR_CONTEXT = re.compile(r"\b(?:for|of|in|during|through|throughout)\s+$", re.IGNORECASE)


def the_year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the year ended June 30" (a year-long period: P1Y), "the year two thousand" (2000),
    "for the year", "earlier in the year" and "the full year" (the year of the text: the
    anchor's)."""
    if "Year" in m[0] and m.start() not in ctx.starts and not ctx.headline(m):
        return None  # a title in mid-sentence: "the Coach of the Year award"
    if m["ended"]:
        return "DURATION", "P1Y", "stated"
    if m["thousand"]:
        return "DATE", "2000", "stated"
    relative = re.match(r"\s+(?:before|after|earlier|later)\b", ctx.text[m.end() :])
    if not m["full"] and not _YEAR_CONTEXT.search(ctx.before(m, 12)) or relative:
        return None  # "the year before" counts from another date
    return rules.relative(ctx, m, 0, lambda anchor: str(anchor.year), "the year of the text")


_UNIT_CODE = {"day": "D", "week": "W", "month": "M", "year": "Y"}
_STEP = {"next": "+1", "following": "+1", "previous": "-1", "preceding": "-1", "same": "+0"}


def anaphoric(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the next day", "the following week", "the previous year", "(later) that (same) day", "the
    next morning" (placeholders counted from the last date of the text, see ``temporal_anaphora``)."""
    rel, unit = (m["rel"] or "same").lower(), m["unit"].lower()
    part = f"T{v.DAY_PARTS[unit]}" if unit in v.DAY_PARTS else ""
    code = "D" if part else _UNIT_CODE[unit]
    if rel == "next" and code != "D":
        return None  # "the next year" is a span (see ``temporal_rules.period``)
    step = _STEP[rel]
    return "TIME" if part else "DATE", f"@{step[0]}P{step[1]}{code}/{code}{part}", ""


def year_end(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"by year-end", "around year end", "since year's end": the year whose end it is (TimeML
    values "the end of the year" as the year): the last one when the sentence is past
    ("since year-end", "ended at year-end"), else the anchor's. Not "year-end results"."""
    if re.match(r"\s+[a-z]", ctx.text[m.end() :]) and not re.match(
        r"\s+(?:and|or|to|in|at|on|for|from|with|as|but|when|after|before)\b", ctx.text[m.end() :]
    ):
        return None  # an adjective: "year-end results", "the year-end rally"
    offset = -1 if ctx.tense(m) == "past" else 0
    return rules.relative(ctx, m, offset, lambda anchor: str(anchor.year + offset), "year end")


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
