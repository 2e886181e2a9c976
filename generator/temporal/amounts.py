"""Handlers for amounts of time: durations ("ten-day", "two days ago"), sets and clock times."""

from __future__ import annotations

import datetime as dt
import re

from generator.temporal import calendar as cal
from generator.temporal import vocab as v
from generator.temporal.rules import Context, Resolved, relative

_SPAN_CUE = re.compile(
    r"\b(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th)|"
    r"time|ever|most|least|only|highest|lowest|largest|biggest|worst|best|longest|"
    r"deadliest|strongest|weakest)\b[^,.;]*$",
    re.IGNORECASE,
)
"""Words that make "in two years" a span ("the first time in two years"), not a point."""
_RATE = re.compile(
    r"(?:\d|%|\b(?:billion|million|thousand|dollars|euros|pounds|barrels|tons|tonnes|times))\s*$"
)
"""Before "a year" these make a rate ("$10 billion a year"): a SET, not a duration."""
_BEFORE_NOUN = re.compile(r"\s+(?!(?:and|or|to|in|by|at|for|since|until|through)\b)[a-z]+")
_LENGTH_CUE = re.compile(r"\b(?:for|in|over|within|after|lasted|lasts|last|took|takes|spent)\s+$",
                         re.IGNORECASE)
"""Words before a bare plural unit that make it a length ("for days", "lasted minutes")."""
_OLD = re.compile(r"(?:\s+|\s*-\s*)old\b")
"""An age after the unit: "52 years old", and "a 45 - year - old clerk" as text joined from tokens
or typed with spaced hyphens writes it."""
_OF = re.compile(r"\s+of\b")
_YEARS = {"DE": 10, "CE": 100}
_HALVES = {"Y": "P6M", "M": "P2W", "D": "PT12H", "TH": "PT30M", "TM": "PT30S"}
_HALF_UNITS = {"Y": "6M", "D": "T12H", "TH": "30M", "TM": "30S"}
"""Units whose half is a whole number of the next smaller unit, and that half."""


def number(word: str) -> float | None:
    """Value of a number word or numeral ("ten", "twenty-five", "1,000", "3.5"); None if vague."""
    word = re.sub(r"\s+", " ", word.lower())
    if word.split(" ")[0] in v.TENS:
        word = word.replace(" ", "-")  # "twenty four"
    if re.fullmatch(r"[\d,.]+", word):
        return float(word.replace(",", ""))
    if word in v.NUMBERS or word in v.FIXED_NUMBERS:
        return v.NUMBERS.get(word) or v.FIXED_NUMBERS[word]
    tens, _, ones = word.partition("-")
    if tens in v.TENS:
        return v.TENS[tens] + v.NUMBERS.get(ones, 0)
    return None


def duration_value(amount: float | None, code: str) -> str:
    """TIMEX3 duration for an amount of a unit code: (10, "D") -> "P10D", (None, "TH") -> "PTXH",
    (1, "DE") -> "P10Y", (None, "DE") -> "PXY"."""
    if amount is not None and amount % 1 == 0.5 and amount > 0.5 and code in _HALF_UNITS:
        half = _HALF_UNITS[code]  # "2 1/2 years" is P2Y6M, as TimeBank writes it
        return f"{duration_value(int(amount), code)}{half}"
    if amount == 0.5 and code in _HALVES:
        return _HALVES[code]
    if code in _YEARS:  # "a decade" is P10Y in TimeML, "decades" a vague number of years (PXY)
        amount, code = None if amount is None else amount * _YEARS[code], "Y"
    text = "X" if amount is None else f"{amount:g}"
    return f"PT{text}{code[1:]}" if code.startswith("T") else f"P{text}{code}"


def unit_code(unit: str) -> str:
    unit = unit.lower()
    return v.UNIT_CODES.get(unit) or v.UNIT_CODES[unit.rstrip("s")]


def _point(anchor: dt.date, value: str, code: str, sign: int) -> str:
    """The date ``value`` before (sign -1) or after an anchor, at the unit's granularity; a
    time beyond the calendar ("10,000 years ago") is only past or future."""
    if code.startswith("T") or value.startswith("PT"):  # "two hours ago", "half a day ago"
        return anchor.isoformat()
    try:
        day = cal.add_duration(anchor, value, sign)
    except ValueError:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    granular = {"D": day.isoformat(), "W": cal.week_value(day), "M": cal.month_value(day)}
    return granular.get(code, str(day.year))


def duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"ten-day", "three and a half years", "two days ago" (not an age: "50-year-old")."""
    return _amount(m, ctx, False)


def in_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in two weeks": a point after the anchor unless the sentence is past or a span."""
    return _amount(m, ctx, True)


def _amount(m: re.Match[str], ctx: Context, prep: bool) -> Resolved | None:
    code, words = unit_code(m["unit"]), m["num"].lower()
    if m["unit"].istitle() and m.start() not in ctx.starts and not ctx.headline(m):
        return None  # a title in mid-sentence: CBS's "60 Minutes", "48 Hours"
    if code == "TS" and words in ("a", "an"):
        return None  # "a second round"
    if words in ("a", "an") and ctx.text.startswith("s", m.end("unit")):
        return None  # "a decades-long feud": the article of the noun, no count
    fraction = _OF.match(ctx.text, m.end()) and number(words) is not None
    if code == "Q" and (words in ("a", "an") or m["tail"] or prep or fraction):
        return None  # "a quarter of the votes", "three quarters of them": fractions; "several
        # quarters of losses" (no number of fourths) and "two quarters" are lengths
    if prep and (m["mod"] or "").lower().rpartition(" ")[2] in _WITHIN:
        return None  # "in the past four years", "in the two weeks since", "in the first two weeks
        # of the war": a length up to now or within a stretch, no point ahead
    amount = None if m["low"] or m["low2"] or m["high"] else number(m["num"])  # a range: a vague length
    if amount is not None and (m["half"] or m["half2"]):
        amount += 0.5
    if amount is not None:
        amount *= v.UNIT_MULTIPLES.get(m["unit"].lower().rstrip("s"), 1)  # "a fortnight": two weeks
    value = duration_value(amount, code)
    tail = re.sub(r"^or\s+so\s+", "", (m["tail"] or "").strip(" -").lower())  # "a week or so ago"
    if tail == "old" or _OLD.match(ctx.text, m.end()):
        return None  # an age ("a 50-year-old man", "52 years old") is no time expression in TimeML
    if words in ("a", "an") and not m["mod"] and not tail and _RATE.search(ctx.before(m, 12)):
        return "SET", value, "stated"
    if _someday(m, ctx, tail):
        return "DATE", "FUTURE_REF", "stated"
    if tail in ("later", "earlier"):
        if amount is None or "X" in value or code.startswith("T"):
            return "DURATION", value, "stated"
        return "DATE", f"@{'-' if tail == 'earlier' else '+'}{value}", ""  # see temporal_anaphora
    if tail in ("ago", "from now") or prep:
        sign = -1 if tail == "ago" else 1
        if prep and (ctx.tense(m) == "past" or _SPAN_CUE.search(ctx.before(m, 40))):
            return None  # "the first time in two years": let the bare duration match
        if amount is None or "X" in value:
            return "DATE", "PAST_REF" if sign < 0 else "FUTURE_REF", "stated"
        if tail == "ago" and code == "Y" and amount == 1:
            return "DATE", f"@~-P{amount:g}Y", ""  # near a stated quarter, that quarter
        return relative(ctx, m, sign, lambda a: _point(a, value, code, sign), "counted from it")
    return "DURATION", value, "stated"


_DETERMINED = re.compile(r"(?:\b(?:the|those|these)\s+(?:[\w-]+\s+)?|\d[\d,.]*\s+)$", re.IGNORECASE)
"""A determiner or a number before a bare plural unit: "in the first days after", "13 days after"."""
_WITHIN = frozenset("past last previous the first final same next coming following".split())
"""After "in" and before a length, a stretch ("in the past four years", "in the first two weeks of
the war", "in the next two weeks": P2W, as TimeBank writes "the next N units" always), not a point
that far ahead ("in two weeks")."""
_OPENING = frozenset({"first", "final", "opening", "closing"})
_OF = re.compile(r"\s+of\b")
"""After "the first/final hours": "of" the stretch they open or close ("the first hours of the war")."""
_OVER_THE = re.compile(r"\b(?:over|through|throughout)\s+the\s+$", re.IGNORECASE)
"""Before a bare plural unit after "the": a length ("over the years"), unlike "in the days before"."""


_SOMEDAY_BEFORE = re.compile(
    r"\b(?:will|would|could|may|might|can|should|(?:hopes?|hoped|wants?|plans?|aims?|dreams?|wish(?:es)?|like)"
    r"\s+to)\s+$", re.IGNORECASE)
"""A modal or a wish right before "one day" ("hopes to one day lead"), not "sentenced to one day"."""
_CLAUSE_START = re.compile(r"(?:^|[^\w\s]|\b(?:and|but))\s*$", re.IGNORECASE)


def _someday(m: re.Match[str], ctx: Context, tail: str) -> bool:
    """"will one day lead the party", "hopes to one day return", "One day, we will win": some
    future day, not a length."""
    if tail or m[0].lower() != "one day":
        return False
    before = ctx.before(m, 12)
    return bool(_SOMEDAY_BEFORE.search(before) or (_CLAUSE_START.search(before) and ctx.tense(m) == "future"))


def vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the coming weeks", "recent months", "the first hours of the war", "for years", "months-long",
    "lasted minutes", "over the years", "the weeks ahead"; "years ago" is some time past (PAST_REF, as
    "several years ago"), "hours later" and "hours after the vote" a vague length (as "a few hours after")."""
    before = ctx.before(m, 16)
    if (m["quant"] or "").lower() in _OPENING and not _OF.match(ctx.text, m.end()):
        return None  # "the first days after the vote": a stretch before an event, no length
    if m["tail"] == "ago":
        return "DATE", "PAST_REF", "stated"
    if m["signal"] and not m["quant"] and _DETERMINED.search(ctx.before(m, 30)):
        return None  # "in the (first) days before the vote": a stretch of time, no length
    if not (m["quant"] or m["long"] or m["tail"] or m["signal"] or _LENGTH_CUE.search(before)
            or _OVER_THE.search(before) or (m["ahead"] and before.lower().endswith("the "))):
        return None
    return "DURATION", duration_value(None, unit_code(m["unit"])), "stated"


def set_expression(m: re.Match[str], ctx: Context) -> Resolved:
    """"weekly", "every week", "every two weeks", "twice a day", "Sundays", "every Monday",
    "Friday nights"."""
    if day := m["day"] or m["days"]:
        part = f"T{v.DAY_PARTS[m['parts'].lower()]}" if m["parts"] else ""
        return "SET", f"XXXX-WXX-{v.WEEKDAYS[day] + 1}{part}", "stated"  # "Tuesday nights"
    if m["adverb"]:
        if m["adverb"].lower() == "quarterly" and _BEFORE_NOUN.match(ctx.text, m.end()):
            return None  # "a quarterly dividend", "quarterly results": a kind of report
        return "SET", v.SET_ADVERBS[m["adverb"].lower()], "stated"
    unit = m["unit"].lower()
    code = {"morning": "D", "night": "D"}.get(unit) or unit_code(unit)
    count = (m["count"] or "").lower()
    amount = 2 if count == "other" else number(count) if count else 1
    if amount is not None:
        amount *= v.UNIT_MULTIPLES.get(unit.rstrip("s"), 1)  # "every fortnight": every two weeks
    return "SET", duration_value(amount, code), "stated"  # "every few years": PXY


def clock_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"3 p.m.", "15:00 GMT", "0900 GMT", "noon", "midnight"; the day is filled in later."""
    groups = m.groupdict()
    if groups.get("named"):
        if re.search(r"\bhigh\s+$", ctx.before(m, 6), re.IGNORECASE):
            return None  # "high noon": a figure of speech (or a film title)
        clock = "24:00" if groups["named"].lower() == "midnight" else "12:00"
    else:
        hour, minute = int(groups["hour"]), int(groups["minute"] or 0)
        meridiem = (groups.get("ampm") or "").lower()[:1]
        if meridiem and not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0) if meridiem else hour
        clock = f"{hour:02d}:{minute:02d}"
    return "TIME", f"@T{clock}", ""  # the day comes from temporal_anaphora


def clock_in_part(m: re.Match[str], ctx: Context) -> Resolved:
    """"4 in the morning" (04:00), "8 in the evening" (20:00)."""
    hour = int(m["hour"]) % 12 + (0 if m["part"].lower() == "morning" else 12)
    return "TIME", f"@T{hour:02d}:{int(m['minute'] or 0):02d}", ""


_PART_ENDS = re.compile(r"\s*(?:[^\w\s]|$)|\s+(?:and|but|or|to|on|in|at|as|after|before|while|when|"
                        r"with|from|because|until|by|for|local|[A-Z]|yesterday|today|\d)")
"""What may follow a part of the day standing alone ("by mid-afternoon, ..."), unlike a noun
("the evening news", "the morning session")."""


def day_part(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"by mid-afternoon", "late morning", "in the morning": that part of the day last mentioned
    (see ``temporal_anaphora``), else of the anchor day."""
    if not _PART_ENDS.match(ctx.text, m.end()):
        return None
    return "TIME", f"@+P0D/DT{v.DAY_PARTS[m['part'].lower()]}", ""


def clock_duration(m: re.Match[str], ctx: Context) -> Resolved:
    """"3:07:35" (a race time) is a length; with a time zone ("14:30:05 GMT") a time of day."""
    hours, minutes, seconds = int(m["h"]), int(m["m"]), int(m["s"])
    if m["tz"] and hours < 24:
        return "TIME", f"@T{hours:02d}:{minutes:02d}", ""
    parts = [f"{n}{unit}" for n, unit in ((hours, "H"), (minutes, "M"), (seconds, "S")) if n]
    return "DURATION", f"PT{''.join(parts) or '0S'}", "stated"


def another(m: re.Match[str], ctx: Context) -> Resolved:
    """"another week", "a further month", "a day-long meeting": one (more) unit."""
    return "DURATION", duration_value(1, unit_code(m["unit"] or m["long"])), "stated"
