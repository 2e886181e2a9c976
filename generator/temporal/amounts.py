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
_HALVES = {"Y": "P6M", "M": "P2W", "D": "PT12H", "TH": "PT30M", "TM": "PT30S"}


def number(word: str) -> float | None:
    """Value of a number word or numeral ("ten", "twenty-five", "1,000", "3.5"); None if vague."""
    word = re.sub(r"\s+", " ", word.lower())
    if re.fullmatch(r"[\d,.]+", word):
        return float(word.replace(",", ""))
    if word in v.NUMBERS or word in v.FIXED_NUMBERS:
        return v.NUMBERS.get(word) or v.FIXED_NUMBERS[word]
    tens, _, ones = word.partition("-")
    if tens in v.TENS:
        return v.TENS[tens] + v.NUMBERS.get(ones, 0)
    return None


def duration_value(amount: float | None, code: str) -> str:
    """TIMEX3 duration for an amount of a unit code: (10, "D") -> "P10D", (None, "TH") -> "PTXH"."""
    if amount == 0.5 and code in _HALVES:
        return _HALVES[code]
    text = "X" if amount is None else f"{amount:g}"
    return f"PT{text}{code[1:]}" if code.startswith("T") else f"P{text}{code}"


def _unit_code(unit: str) -> str:
    unit = unit.lower()
    return v.UNIT_CODES.get(unit) or v.UNIT_CODES[unit.rstrip("s")]


def _point(anchor: dt.date, value: str, code: str, sign: int) -> str:
    """The date ``value`` before (sign -1) or after an anchor, at the unit's granularity."""
    if code.startswith("T"):
        return anchor.isoformat()
    day = cal.add_duration(anchor, value, sign)
    granular = {"D": day.isoformat(), "W": cal.week_value(day), "M": cal.month_value(day)}
    return granular.get(code, str(day.year)[:3] if code == "DE" else str(day.year))


def duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"ten-day", "three and a half years", "two days ago", "50-year-old"."""
    return _amount(m, ctx, False)


def in_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in two weeks": a point after the anchor unless the sentence is past or a span."""
    return _amount(m, ctx, True)


def _amount(m: re.Match[str], ctx: Context, prep: bool) -> Resolved | None:
    code, words = _unit_code(m["unit"]), m["num"].lower()
    if code == "TS" and words in ("a", "an"):
        return None  # "a second round"
    amount = number(m["num"])
    if amount is not None and (m["half"] or m["half2"]):
        amount += 0.5
    value = duration_value(amount, code)
    if words in ("a", "an") and not m["mod"] and _RATE.search(ctx.before(m, 12)):
        return "SET", value, "stated"
    tail = (m["tail"] or "").strip(" -").lower()
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
        return relative(ctx, m, sign, lambda a: _point(a, value, code, sign), "counted from it")
    return "DURATION", value, "stated"


def vague_duration(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"the coming weeks", "recent months", "for years", "months-long"."""
    if not (m["quant"] or m["long"]):
        if not re.search(r"\b(?:for|in|over|within)\s+$", ctx.before(m, 8), re.IGNORECASE):
            return None
    return "DURATION", duration_value(None, _unit_code(m["unit"])), "stated"


def set_expression(m: re.Match[str], ctx: Context) -> Resolved:
    """"weekly", "every week", "every two weeks", "twice a day", "Sundays", "every Monday"."""
    if day := m["day"] or m["days"]:
        return "SET", f"XXXX-WXX-{v.WEEKDAYS[day] + 1}", "stated"
    if m["adverb"]:
        return "SET", v.SET_ADVERBS[m["adverb"].lower()], "stated"
    unit = m["unit"].lower()
    code = {"morning": "D", "night": "D"}.get(unit) or _unit_code(unit)
    count = (m["count"] or "").lower()
    amount = 2 if count == "other" else number(count) if count else 1
    return "SET", duration_value(amount or 1, code), "stated"


def clock_time(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"3 p.m.", "15:00 GMT", "0900 GMT", "noon", "midnight"; the day is filled in later."""
    groups = m.groupdict()
    if groups.get("named"):
        clock = "24:00" if groups["named"].lower() == "midnight" else "12:00"
    else:
        hour, minute = int(groups["hour"]), int(groups["minute"] or 0)
        meridiem = (groups.get("ampm") or "").lower()[:1]
        if meridiem and not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if meridiem == "p" else 0) if meridiem else hour
        clock = f"{hour:02d}:{minute:02d}"
    return "TIME", f"@T{clock}", ""  # the day comes from temporal_anaphora


def another(m: re.Match[str], ctx: Context) -> Resolved:
    """"another week", "a further month": one more unit."""
    return "DURATION", duration_value(1, _unit_code(m["unit"])), "stated"
