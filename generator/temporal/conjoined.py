"""Time expressions joined by "and", "or" and commas, after the table's matches are chosen.

TimeML tags each member of a coordination on its own ("Monday and Tuesday" are two
TIMEX3s) but lets the members share what is written once:

* "the third and fourth quarters (of 2024)": the first ordinal takes the unit and the year
  written after the last one;
* "Monday and Tuesday nights": the bare weekday takes the part of the day of the
  last member, and its SET type when that member is plural ("flights leave on
  Monday and Tuesday nights" is every Monday night);
* "two years and three months": one length, P2Y3M ("one week and two days" is P9D,
  "two hours and 30 minutes" PT2H30M); "two years and three months ago" is one date;
* "the next year or so", "1994 or later", "1990 and beyond": the words that leave the
  end open belong to the expression (TimeML's mod APPROX, ON_OR_AFTER), its value
  unchanged.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from generator.model import TimeExpression
from generator.temporal import amounts
from generator.temporal import calendar as cal
from generator.temporal import vocab as v

_LIST_GAP = re.compile(r"\s*,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+")
_BARE_WEEKDAY = re.compile(rf"(?:{v.WEEKDAY_RE})")
_PART = re.compile(r"T(?:MO|AF|EV|NI)$")
_WEEKDAY_FIRST = re.compile(rf"(?:{v.WEEKDAY_RE})\b")


def shared_day_parts(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"Monday and Tuesday nights": each bare weekday of the list takes the last one's part
    of the day (and its SET type)."""
    out = list(exprs)
    for index in range(len(out) - 2, -1, -1):
        first, last = out[index], out[index + 1]
        part = _PART.search(last.value)
        if not (part and _WEEKDAY_FIRST.match(last.text) and _BARE_WEEKDAY.fullmatch(first.text)
                and _LIST_GAP.fullmatch(text, first.end, last.start)):
            continue
        if last.type == "SET":
            value = f"XXXX-WXX-{v.WEEKDAYS[first.text] + 1}{part[0]}"
        elif cal.to_date(first.value) or first.value.startswith("XXXX-WXX-"):
            value = f"{first.value}{part[0]}"
        else:
            continue
        out[index] = replace(first, type=last.type, value=value)
    return out


_PART_OF_YEAR = re.compile(r"(\d{4}|XXXX)-([QH]\d)")
_OWN_YEAR = re.compile(r"\d{4}|year|\b(?:next|last|this|previous|coming|past|current|latest)\b",
                       re.IGNORECASE)
"""A quarter that names its year, or one counted from the anchor ("the next quarter"), keeps it."""


def shared_years(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"the third and fourth quarters (of 2024)": each earlier member takes the last one's year."""
    out = list(exprs)
    for index in range(len(out) - 2, -1, -1):
        first, last = out[index], out[index + 1]
        mine, theirs = _PART_OF_YEAR.fullmatch(first.value), _PART_OF_YEAR.fullmatch(last.value)
        if (mine and theirs and not _OWN_YEAR.search(first.text)
                and _LIST_GAP.fullmatch(text, first.end, last.start)):
            out[index] = replace(first, value=f"{theirs[1]}-{mine[2]}", provenance=last.provenance)
    return out


_LENGTH = re.compile(rf"(?i)(?P<num>{v.NUMBER_RE})[\s-]+(?P<unit>{v.UNIT_RE})s?"
                     r"(?P<tail>\s+(?:ago|from\s+now))?")
_AND = re.compile(r",?\s+and\s+")
_ORDER = ["CE", "DE", "Y", "Q", "M", "W", "D", "TH", "TM", "TS"]
_IN_ISO_UNITS = {"CE": ("Y", 100), "DE": ("Y", 10), "Q": ("M", 3)}
"""TimeML units that ISO 8601 lacks, as multiples of one it has: a decade is ten years."""


def combined_lengths(exprs: list[TimeExpression], text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """"two years and three months" (P2Y3M), "two years and three months ago" (that month)."""
    out: list[TimeExpression] = []
    for expr in exprs:
        previous = out[-1] if out else None
        merged = _combined(previous, expr, text, anchor) if previous else None
        if merged:
            out[-1] = merged
        else:
            out.append(expr)
    return out


def _combined(first: TimeExpression, second: TimeExpression, text: str,
              anchor: dt.date | None) -> TimeExpression | None:  # fmt: skip
    big, small = _LENGTH.fullmatch(first.text), _LENGTH.fullmatch(second.text)
    if not (big and small and first.type == "DURATION" and not big["tail"]
            and _AND.fullmatch(text, first.end, second.start)):
        return None
    parts = [_part(big), _part(small)]
    if None in parts or _ORDER.index(parts[0][1]) >= _ORDER.index(parts[1][1]):  # type: ignore[index]
        return None  # "ten years and 20 years": a list, not one length
    span = text[first.start : second.end]
    if not small["tail"]:
        return TimeExpression(first.start, second.end, span, "DURATION", _value(parts), "stated")  # type: ignore[arg-type]
    point = _point(parts, anchor, -1 if small["tail"].strip().startswith("ago") else 1)  # type: ignore[arg-type]
    if point is None:
        return None
    return TimeExpression(first.start, second.end, span, "DATE", point,
                          f"'{span}' resolved against {anchor} (counted from it)")


def _part(match: re.Match[str]) -> tuple[float, str] | None:
    amount, code = amounts.number(match["num"]), amounts.unit_code(match["unit"])
    return None if amount is None else (amount, code)


def _value(parts: list[tuple[float, str]]) -> str:
    """P2Y3M, P9D (weeks with days become days), PT2H30M, P3DT4H."""
    counts: dict[str, float] = {}
    for amount, code in parts:
        unit, factor = _IN_ISO_UNITS.get(code, (code, 1))
        counts[unit] = counts.get(unit, 0) + amount * factor
    if "W" in counts and "D" in counts:
        counts["D"] += 7 * counts.pop("W")
    date = "".join(f"{counts[u]:g}{u}" for u in ("Y", "M", "W", "D") if u in counts)
    clock = "".join(f"{counts[u]:g}{u[1]}" for u in ("TH", "TM", "TS") if u in counts)
    return f"P{date}{'T' + clock if clock else ''}"


def _point(parts: list[tuple[float, str]], anchor: dt.date | None, sign: int) -> str | None:
    """The day that far before (after) the anchor, at the finer member's granularity."""
    if anchor is None:
        return "PAST_REF" if sign < 0 else "FUTURE_REF"
    day = anchor
    for amount, code in parts:
        if code.startswith("T") or amount % 1:
            return None
        unit, factor = _IN_ISO_UNITS.get(code, (code, 1))
        try:
            day = cal.add_duration(day, f"P{amount * factor:g}{unit}", sign)
        except ValueError:
            return None  # beyond the calendar: two lengths, not one date
    finest = parts[-1][1]
    formats = {"D": day.isoformat(), "W": cal.week_value(day), "M": cal.month_value(day)}
    return formats.get(finest, str(day.year))


_OPEN_END = re.compile(
    r"\s+(?:or\s+so|or\s+(?:later|earlier|sooner|more|longer|before|after)|and\s+(?:beyond|later|after"
    r"|earlier|before|longer))\b(?=\s*(?:[^\w\s]|$)|\s+(?:and|or|but|in|at|for|to|when|if|as)\b)",
    re.IGNORECASE,
)
"""An open end closes its phrase: "until 1994 or later." but not "two years and later became"."""
_CALENDAR_OR_LENGTH = re.compile(r"\d{4}|P[\dX]")


def open_ends(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"the next year or so", "1994 or later", "1990 and beyond": the span takes the open end."""
    out = []
    for index, expr in enumerate(exprs):
        match = _OPEN_END.match(text, expr.end)
        following = exprs[index + 1].start if index + 1 < len(exprs) else len(text)
        if match and match.end() <= following and _CALENDAR_OR_LENGTH.match(expr.value):
            expr = replace(expr, end=match.end(), text=text[expr.start : match.end()])
        out.append(expr)
    return out
