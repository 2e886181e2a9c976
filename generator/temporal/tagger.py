"""Temporal stage: find time expressions in text and normalise them to TIMEX3 values.

``tag(text, anchor)`` runs a fixed table of regular expressions (``temporal.patterns``:
compiled once, no model, no network), keeps the longest non-overlapping matches, resolves
relative words ("Wednesday", "last week", "in two weeks") against the anchor
(the publication date) using the tense of the sentence, lets the members of a
coordination share what is written once ("Monday and Tuesday nights", "two years and
three months", see ``temporal.conjoined``) and joins a day with an adjacent clock time
("Friday at 3 p.m."). A second pass (``temporal_anaphora``)
keeps a text-internal reference time: "a year earlier", "the next day" and a bare
"10 a.m." count from the last date mentioned before them (a clock time only
within its paragraph), falling back to the anchor. Every result records how its value
was obtained in ``provenance``: "stated", "'Wednesday' resolved against
2025-08-06 (past tense)", or "date not resolved" when there is no anchor and the
value stays underspecified (XXXX-08-08, XXXX-WXX-3, PAST_REF, ...).

The resolution rules are documented in ``temporal.rules`` (calendar words),
``temporal.relative_words`` (weekdays, periods), ``temporal.named`` (quarters, seasons),
``temporal.holidays``, ``temporal.anaphora`` (reference time) and ``temporal.tense`` (tense
cues); calendar helpers for the event and deadline stages live in ``temporal.calendar`` and
are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from generator.model import TimeExpression
from generator.temporal import anaphora, conjoined, rules
from generator.temporal.calendar import (
    Direction,
    add_duration,
    resolve_weekday,
    to_date,
    value_range,
)
from generator.temporal.patterns import PATTERNS, Handler
from generator.temporal.tense import Tense, sentence_starts, tense_at

__all__ = [
    "Direction", "Tense", "TimeExpression", "add_duration", "resolve_weekday", "tag",
    "tense_at", "to_date", "value_range",
]  # fmt: skip

_JOIN = re.compile(r"\s*,?\s*(?:(?:at|on)\s+)?")
_CONVERSION = re.compile(r"\s*\([^()]{1,24}\)\s*,?\s*(?:on\s+)?")
"""A converted time between a clock time and its day ("10:35 a.m. (0735 GMT) Friday")."""
_CLOCK = re.compile(r"T(\d\d:\d\d)$")
_PART = re.compile(r"@\+P0D/DT(MO|AF|EV|NI)")
"""A part of the day standing alone ("mid-afternoon"), before it takes a day."""
_DAY_VALUE = re.compile(r"(?:[\dX]{4}-[\dX]{2}-[\dX]{2}|[\dX]{4}-W[\dX]{2}-\d)")


def tag(text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """Find the time expressions in ``text`` and normalise them to TIMEX3 values.

    Args:
        text: Any text; offsets in the result index into it.
        anchor: The day relative words are resolved against (usually the
            publication date), or None to leave them underspecified.

    Returns:
        Non-overlapping expressions in text order, each with
        ``text[start:end] == expression.text``.
    """
    ctx = rules.Context(text, anchor, sentence_starts(text))
    found = [
        expression
        for order, (pattern, handler) in enumerate(PATTERNS)
        for match in pattern.finditer(text)
        if (expression := _expression(match, handler, ctx, order))
    ]
    exprs = conjoined.shared_years(conjoined.shared_day_parts(_second_days(_select(found), text), text), text)
    exprs = conjoined.open_ends(conjoined.combined_lengths(exprs, text, anchor), text)
    exprs = _join_clock_times(exprs, text)
    return anaphora.resolve(_days_next_to(exprs, text), text, anchor)


_NEXT_TO = re.compile(r"(?i:\bthe\s+day\s+(?P<rel>before|after))\s+$")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")


def _days_next_to(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"the day before last Tuesday('s hearing)", "the day after May 3": one day from that day."""
    out = []
    for expr in exprs:
        match = _NEXT_TO.search(text, max(0, expr.start - 20), expr.start)
        day = to_date(expr.value) if _DAY.fullmatch(expr.value) else None
        if match and day and (not out or out[-1].end <= match.start()):
            shift = dt.timedelta(days=-1 if match["rel"].lower() == "before" else 1)
            expr = TimeExpression(match.start(), expr.end, text[match.start() : expr.end], "DATE",
                                  (day + shift).isoformat(), expr.provenance)
        out.append(expr)
    return out


def _expression(
    match: re.Match[str], handler: Handler, ctx: rules.Context, order: int
) -> tuple[int, TimeExpression] | None:
    resolved = handler(match, ctx)
    if resolved is None:
        return None
    kind, value, provenance = resolved
    return order, TimeExpression(match.start(), match.end(), match[0], kind, value, provenance)


def _select(found: list[tuple[int, TimeExpression]]) -> list[TimeExpression]:
    """Keep the longest matches that do not overlap a longer (or earlier-listed) one."""
    chosen: list[TimeExpression] = []
    for _, expr in sorted(found, key=lambda f: (f[1].start - f[1].end, f[0], f[1].start)):
        if all(expr.end <= c.start or c.end <= expr.start for c in chosen):
            chosen.append(expr)
    return sorted(chosen, key=lambda e: e.start)


_SECOND_DAY = re.compile(
    r"\s+(?:and|or|to|through)\s+(?P<day>[12]\d|3[01]|0?[1-9])(?![\w%:.,]\d|\w|\s*%)"
    r"(?!\s+(?!(?:in|at|on|for|when|with|and|as|after|before|to|in)\b)[a-z])"  # not "4 officials"
)
_DAY_OF_MONTH = re.compile(r"(\d{4}|XXXX)-(\d\d)-(\d\d)")


def _second_days(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"April 24 and 25", "May 3 to 5": the second day, in the first one's month."""
    out: list[TimeExpression] = []
    for index, expr in enumerate(exprs):
        out.append(expr)
        match = _SECOND_DAY.match(text, expr.end)
        month = _DAY_OF_MONTH.fullmatch(expr.value)
        following = exprs[index + 1].start if index + 1 < len(exprs) else len(text)
        if match and month and expr.text[-1].isdigit() and match.end() <= following:
            value = f"{month[1]}-{month[2]}-{int(match['day']):02d}"
            if month[1] == "XXXX" or to_date(value):
                out.append(TimeExpression(match.start("day"), match.end(), match["day"], "DATE", value,
                                          expr.provenance))
    return out


def _join_clock_times(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """Join "Friday" + "3 p.m." (either order) into one TIME on that day."""
    joined: list[TimeExpression] = []
    for expr in exprs:
        previous = joined[-1] if joined else None
        if previous and _converted(previous, expr, text) and expr.value.startswith("@T"):
            continue  # "10:35 a.m. (0735 GMT)": the same time in another zone
        if previous and _CONVERSION.fullmatch(text[previous.end : expr.start]):
            merged = _merge(previous, expr, text)
            if merged and previous.type == "TIME":  # the clock time takes the day, both stay
                joined[-1] = replace(previous, value=merged.value, provenance=merged.provenance)
        if previous and _JOIN.fullmatch(text[previous.end : expr.start]):
            merged = _merge(previous, expr, text)
            if merged:
                joined[-1] = merged
                continue
        joined.append(expr)
    return _day_from_parenthesis(joined, text)


def _day_from_parenthesis(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """A clock time takes the day of its restatement in parentheses: "4 in the morning
    (4 a.m. EDT Thursday)"."""
    for index, (clock, full) in enumerate(zip(exprs, exprs[1:], strict=False)):
        time = _CLOCK.search(clock.value)
        if time and clock.value.startswith("@T") and _converted(clock, full, text) and "T" in full.value:
            day = full.value.split("T")[0]
            exprs[index] = replace(clock, value=f"{day}T{time[1]}", provenance=full.provenance)
    return exprs


def _converted(first: TimeExpression, second: TimeExpression, text: str) -> bool:
    """True when ``second`` restates ``first``'s time, in parentheses right after it."""
    return (first.type == second.type == "TIME" and text[first.end : second.start].strip() == "("
            and text.startswith(")", second.end))


def _merge(first: TimeExpression, second: TimeExpression, text: str) -> TimeExpression | None:
    for day, clock in ((first, second), (second, first)):
        time = _CLOCK.search(clock.value) or _PART.fullmatch(clock.value)
        if clock.type == "TIME" and time and day.type == "DATE" and _DAY_VALUE.fullmatch(day.value):
            value = f"{day.value}T{time[1]}"
            span = text[first.start : second.end]
            return TimeExpression(first.start, second.end, span, "TIME", value, day.provenance)
    return None
