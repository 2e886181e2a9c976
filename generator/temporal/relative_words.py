"""Handlers of words counted from the anchor: weekdays, day words, periods and references.

Each handler turns a match into ``(type, value, provenance)`` or None to reject it
(see ``temporal.rules``, which holds the ``Context`` they read). Resolution rule for a
weekday:

* weekday: "last"/"next" mean the first such day before/after the anchor day
  ("next Friday" on a Thursday is the day after); otherwise the sentence tense picks
  the most recent (past) or coming (future) such day, the anchor day included;
  present or unclear tense picks the nearest one, within three days.
"""

from __future__ import annotations

import datetime as dt
import re

from generator.model import TimexType
from generator.temporal import calendar as cal
from generator.temporal import vocab as v
from generator.temporal.rules import UNRESOLVED, Context, Resolved, relative
from generator.temporal.tense import Tense

_DIRECTION: dict[Tense, cal.Direction] = {"past": "past", "future": "future"}


def _direction(tense: Tense) -> tuple[cal.Direction, str]:
    return _DIRECTION.get(tense, "nearest"), f"{tense} tense"


def weekday(m: re.Match[str], ctx: Context) -> Resolved:
    """"Wednesday", "last Friday", "Sunday night" (direction from the sentence tense); "the
    previous Friday" and "the following Monday" count from the day last mentioned."""
    day, rel = v.WEEKDAYS[m["day"]], (m["rel"] or "").lower()
    kind: TimexType = "TIME" if m["part"] else "DATE"
    part = f"T{v.DAY_PARTS[m['part'].lower()]}" if m["part"] else ""
    if m["anaphoric"]:  # "the previous Friday": counted from the day last mentioned
        return kind, f"@W{'+' if rel.endswith('following') else '-'}{day}{part}", ""
    if ctx.anchor is None:
        return kind, f"XXXX-WXX-{day + 1}{part}", UNRESOLVED
    if rel in ("last", "past", "next", "coming"):
        direction: cal.Direction = "past" if rel in ("last", "past") else "future"
        found = cal.resolve_weekday(ctx.anchor, day, direction, inclusive=rel == "coming")
        return kind, f"{found}{part}", ctx.resolved(m, f"'{rel}'")
    direction, how = _direction(ctx.tense(m))
    if ctx.text.startswith(("'s", "’s"), m.end()) and not rel:
        direction, how = "past", "possessive: a day that has happened"  # "Friday's vote"
    if rel == "this" and direction == "nearest":
        direction, how = "future", "'this'"
    return kind, f"{cal.resolve_weekday(ctx.anchor, day, direction)}{part}", ctx.resolved(m, how)


_IT_IS = re.compile(r"\b(?:(?:it|today|this)\s+is|it['’]s)\s+$", re.IGNORECASE)


def nth_day(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"It's the second day of the offensive", "today is the eighth day of the strike": the day it
    is, the anchor's; an ordinal day said of no day ("on his first day in office") is left out."""
    if not _IT_IS.search(ctx.before(m, 12)):
        return None
    return relative(ctx, m, 0, lambda anchor: anchor.isoformat(), "the day it is")


_ERA = re.compile(rf"['’]s\s+(?:[a-z]+\s+)?(?:{v.ERA_NOUNS_RE})\b")
_DAY_WORDS = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1, "this": 0, "last": -1}


def day_word(m: re.Match[str], ctx: Context) -> Resolved:
    """"today", "yesterday morning", "tonight", "last night", "the day before yesterday"; not a
    title ("USA Today", "VOA Today") nor the present age ("today's youth")."""
    if (m["word"][0].isupper() and re.search(r"\b[A-Z][\w&]*[ \t]+$", ctx.before(m, 12))
            and not ctx.headline(m)):
        return None  # a capitalised word after another one on its line, inside a sentence: a name
    word = m["word"].lower()
    if word == "today" and not m["part"] and _ERA.match(ctx.text, m.end()):
        return None  # "today's youth", "in today's world": the present age, not the day
    if (word in ("today", "tomorrow") and not m["part"] and re.search(r"\bof\s+$", ctx.before(m, 4))
            and not ctx.text.startswith(("'s", "’s"), m.end())):
        return "DATE", "PRESENT_REF" if word == "today" else "FUTURE_REF", "stated"  # "the world of tomorrow"
    pre = (m.groupdict().get("pre") or "").lower()
    offset = _DAY_WORDS[word] + {"before": -1, "after": 1}.get(pre, 0)
    part = (m["part"] or ("night" if word == "tonight" else "")).lower()
    kind: TimexType = "TIME" if part else "DATE"
    suffix = f"T{v.DAY_PARTS[part]}" if part else ""

    def value(anchor: dt.date) -> str:
        return f"{anchor + dt.timedelta(days=offset)}{suffix}"

    return relative(ctx, m, offset, value, kind=kind)


_OFFSETS = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1,
            "coming": 1, "this past": -1, "latest": -1, "most recent": -1}  # fmt: skip


def period(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"this week", "earlier this month", "last year", "next summer", "the weekend"; "the past
    week" and "the next year" are the week before and the year after, as "last week" and "next
    year" (TimeML values them as dates, not lengths); "over the past decade" is ten years."""
    if (m["unit"][0].isupper() and m["rel"][0].isupper() and m.start() not in ctx.starts
            and not ctx.headline(m)):
        return None  # a title in the middle of a sentence ("on ABC's This Week")
    rel, unit = re.sub(r"\s+", " ", m["rel"].lower()), m["unit"].lower()
    if rel == "the" and unit == "week" and not m["edge"]:
        return _the_week(m, ctx)
    if rel == "the" and not m["edge"] and unit != "weekend":
        return None
    if rel == "the" and unit == "weekend":
        return _the_weekend(m, ctx)
    offset = _OFFSETS.get(rel, 0)
    if unit == "decade" and offset and re.search(r"\b(?:over|for|during|throughout)\s+$", ctx.before(m, 12),
                                                 re.IGNORECASE):
        return "DURATION", "P10Y", "stated"  # "over the past decade": ten years, not the 2010s
    return relative(ctx, m, offset, lambda a: _period_value(a, unit, offset), f"'{rel}'")


_WEEK_COUNTED = re.compile(r"\s+(?:of|before|after|ended|ending|earlier|later)\b", re.IGNORECASE)


def _the_week(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"For the week, the index fell", "the week's busiest session": a week the text speaks of
    without naming it; TimeML leaves its number open in the anchor's year ("2013-WXX"). Not "the
    week before the vote" or "the week ended Friday" (counted from another date), nor "the day of
    the week", nor a title ("Person of the Week", "Player of the week")."""
    if _WEEK_COUNTED.match(ctx.text, m.end()) or m["unit"][0].isupper() or re.search(
        r"\b(?:(?i:days?|time)|[A-Z]\w*)\s+of\s+$", ctx.before(m, 16)
    ):
        return None
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX", UNRESOLVED
    return "DATE", f"{ctx.anchor.year}-WXX", ctx.resolved(m, "week not named")


def _the_weekend(m: re.Match[str], ctx: Context) -> Resolved:
    if ctx.anchor is None:
        return "DATE", "XXXX-WXX-WE", UNRESOLVED
    direction, how = _direction(ctx.tense(m))
    saturday = cal.resolve_weekday(ctx.anchor, 5, direction)
    return "DATE", f"{cal.week_value(saturday)}-WE", ctx.resolved(m, how)


def _period_value(anchor: dt.date, unit: str, offset: int) -> str:
    if unit in ("week", "weekend"):
        week = cal.week_value(anchor + dt.timedelta(weeks=offset))
        return f"{week}-WE" if unit == "weekend" else week
    if unit == "month":
        return cal.month_value(cal.shift_months(anchor, offset))
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + offset
        return f"{index // 4}-Q{index % 4 + 1}"
    if unit == "year":
        return str(anchor.year + offset)
    if unit == "decade":
        return str(anchor.year // 10 + offset)
    code, first, last = v.SEASONS[unit]  # "last summer" is this year's once it is over
    started = anchor.month >= first if code != "WI" else anchor.month in (12,)
    ended = anchor.month > last and code != "WI"
    shift = offset + (offset < 0 and ended) - (offset > 0 and not started)
    return f"{anchor.year + shift}-{code}"


_SOON_RELATION = re.compile(r"\s+(?:after|afterwards?|before|thereafter)\b", re.IGNORECASE)


def reference(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"now", "currently", "recently", "soon", "the past", "the future", "the then-current"."""
    if m["future"] and m["future"].lower() == "soon":
        if ctx.before(m, 3).lower() == "as " or ctx.text[m.end() : m.end() + 3] == " as":
            return None
        modal = re.search(r"\b(?:will|would|may|might|could|should|shall|must)\s+$", ctx.before(m, 10))
        if _SOON_RELATION.match(ctx.text, m.end()) or (not modal and ctx.tense(m) == "past"):
            return None  # "soon after the vote" relates two events; "soon became" is no future
    if m["adj"] and not re.match(r"\s+[a-z]", ctx.text[m.end() :]):
        return None  # "current" only before a noun ("current prices")
    if m["then"]:  # "the then-current chairman": current at a time before now, not now
        return "DATE", "PAST_REF", "stated"
    value = "PRESENT_REF" if m["now"] else "PAST_REF" if m["past"] else "FUTURE_REF"
    return "DATE", value, "stated"
