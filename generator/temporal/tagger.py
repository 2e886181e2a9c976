"""Temporal stage: find time expressions in text and normalise them to TIMEX3 values.

``tag(text, anchor)`` runs a fixed table of regular expressions (compiled once,
no model, no network), keeps the longest non-overlapping matches, resolves
relative words ("Wednesday", "last week", "in two weeks") against the anchor
(the publication date) using the tense of the sentence, and joins a day with an
adjacent clock time ("Friday at 3 p.m."). A second pass (``temporal_anaphora``)
keeps a text-internal reference time: "a year earlier", "the next day" and a bare
"10 a.m." count from the last date mentioned before them (a clock time only
within its paragraph), falling back to the anchor. Every result records how its value
was obtained in ``provenance``: "stated", "'Wednesday' resolved against
2025-08-06 (past tense)", or "date not resolved" when there is no anchor and the
value stays underspecified (XXXX-08-08, XXXX-WXX-3, PAST_REF, ...).

The resolution rules are documented in ``temporal_rules`` (calendar words),
``temporal_named`` (quarters, seasons, holidays), ``temporal_anaphora`` (reference
time) and ``temporal_tense`` (tense cues); calendar helpers for the event and deadline
stages live in ``temporal_calendar`` and are re-exported here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from generator.model import TimeExpression
from generator.temporal import amounts, anaphora, named, rules
from generator.temporal import vocab as v
from generator.temporal.calendar import (
    Direction,
    add_duration,
    resolve_weekday,
    to_date,
    value_range,
)
from generator.temporal.tense import Tense, sentence_starts, tense_at

__all__ = [
    "Direction", "Tense", "TimeExpression", "add_duration", "resolve_weekday", "tag",
    "tense_at", "to_date", "value_range",
]  # fmt: skip

Handler = Callable[[re.Match[str], rules.Context], "rules.Resolved | None"]

_E, _DAY = rf"(?i:{v.EDGE_RE})", r"(?P<day>[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_WD, _YEAR = rf"(?:(?P<wd>{v.WEEKDAY_RE}),?\s+)?", rf"(?:,?\s+(?P<year>{v.YEAR_RE}))?"
_MON = rf"(?P<mon>{v.MONTH_ANY_RE})"
_NOT_A_YEAR = (
    rf"(?![\w%]|[.,:]\d|\s*(?:%|percent|per\s+cent|hours\b|hrs\b|(?:{v.TIME_ZONES})\b)"
    rf"|\s+(?:{v.COUNT_NOUNS})\b)"
)
_AMOUNT = (
    rf"(?:\b(?P<mod>{v.DURATION_MODIFIERS})\s+)?\b(?P<num>{v.NUMBER_RE})"
    rf"(?P<half>\s+and\s+a\s+half)?[\s-]+(?P<unit>{v.UNIT_RE})s?(?P<half2>[\s-]and[\s-]a[\s-]half)?"
    r"(?P<tail>-old|[\s-]long|\s+ago|\s+from\s+now|\s+later|\s+earlier)?\b"
)
_PAPERS = r"(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Sport)\b"
"""Newspaper titles after a weekday ("the Sunday Times") are not dates."""
_TZ = rf"(?:\s+(?P<tz>{v.TIME_ZONES})\b)?"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_NTH = "|".join(named.ORDINALS)

# Order matters only between equally long matches: the earlier pattern wins.
_TABLE: list[tuple[str, Handler]] = [
    (r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b", rules.full_date),
    (rf"\b{_WD}{_MON}\s+{_DAY}(?!\d){_YEAR}(?!\d)", rules.full_date),
    (rf"\b{_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}{_YEAR}(?!\w)", rules.full_date),
    (rf"\b(?:(?P<edge>{_E})\s*)?{_MON},?\s+(?:of\s+)?(?P<year>{v.YEAR_RE})(?!\w)",
     rules.month_year),
    (rf"(?<![\w$£€.,/:#])(?:(?:(?i:the)\s+)?(?P<edge>{_E}|(?i:fiscal))\s*)?(?:(?P<year>{v.YEAR_RE})|"
     rf"(?:(?i:the)\s+)?(?P<decade>1[89]\d|20\d)0s){_NOT_A_YEAR}", rules.year),
    (rf"(?:\b(?P<edge>{_E})\s*|\b(?P<rel>(?i:last|this|next|coming|past))\s+)?"
     rf"\b(?P<mon>{v.MONTH_RE})\b(?!\s*\d)", rules.month_alone),
    (rf"(?:\b(?P<rel>(?i:this|last|next|coming|past|early|late|earlier|later))\s+)?\b(?P<day>"
     rf"{v.WEEKDAY_RE})\b(?!\s+{_PAPERS})(?:\s+(?P<part>(?i:{v.DAY_PART_RE}))\b)?", rules.weekday),
    (rf"(?i)\b(?:the\s+day\s+(?P<pre>before|after)\s+)?(?P<word>today|tonight|yesterday|"
     rf"tomorrow)(?:\s+(?P<part>{v.DAY_PART_RE}))?\b", rules.day_word),
    (rf"(?i)\b(?P<word>this|last)\s+(?P<part>{v.DAY_PART_RE})\b", rules.day_word),
    (rf"(?i)\b(?:the\s+)?(?:(?P<nth>{_NTH})[\s-]+(?:quarter|(?P<half>half))|(?-i:Q(?P<q>[1-4])))\b"
     rf"(?:,?\s+(?:of\s+)?(?P<year>{v.YEAR_RE})\b|\s+of\s+(?P<which>this|last|next|the)\s+year\b)?",
     named.part_of_year),
    (rf"\b(?i:the)\s+(?P<season>{_SEASON})\b(?:\s+of\s+(?P<year>{v.YEAR_RE})\b)?", named.the_season),
    (rf"\b(?i:every|each)\s+(?P<what>{v.MONTH_RE}|{_SEASON})\b", named.every_month),
    (rf"(?i)\b(?P<name>{named.HOLIDAY_RE})\b(?:,?\s+(?P<year>{v.YEAR_RE})\b)?", named.holiday),
    (r"(?i)\b(?:the\s+(?P<rel>next|following|previous|preceding|same)|that)\s+"
     r"(?P<unit>day|week|month|year)\b", named.anaphoric),
    (r"(?i)\bovernight\b", named.overnight),
    (r"(?i)\bthe\s+day\s+(?P<rel>before|after)\b", named.day_before),
    (r"(?i)\b(?:another|a\s+further|an\s+(?:extra|additional))\s+(?P<unit>day|week|month|year|"
     r"decade)\b", amounts.another),
    (rf"(?i)(?:\b(?P<edge>{v.EDGE_RE}|earlier|later)\s+)?\b(?P<the>the\s+)?"
     r"(?P<rel>this\s+past|latest|most\s+recent|this|last|next|"
     r"past|coming|previous|current|the)\s+(?P<unit>week|month|year|quarter|decade|weekend|summer|"
     r"winter|spring|autumn|fall)\b", rules.period),
    (r"(?i)\b(?:(?P<now>now|currently|nowadays|at\s+present|at\s+the\s+moment|these\s+days|"
     r"right\s+now)|(?P<past>recently|lately|the\s+past)|(?P<future>soon|the\s+(?:near\s+|"
     r"distant\s+)?future))\b", rules.reference),
    (rf"(?i){_AMOUNT}", amounts.duration),
    (rf"(?i)\bin\s+{_AMOUNT}", amounts.in_duration),
    (r"(?i)(?:\b(?:the\s+)?(?P<quant>coming|next|past|last|recent|previous|many|several)"
     r"(?:\s+few)?\s+)?\b(?P<unit>days|weeks|months|years|decades)(?P<long>-long)?\b",
     amounts.vague_duration),
    (rf"\b(?:(?i:every|each)\s+(?P<day>{v.WEEKDAY_RE})|(?P<days>{v.WEEKDAY_RE})s)\b|"
     rf"\b(?:(?i:once|twice|thrice|(?:{v.NUMBER_RE})\s+times)\s+)?(?P<adverb>"
     rf"{v.alternation(v.SET_ADVERBS)})\b|(?i:\b(?:every|each|once\s+a|twice\s+a|(?:\w+\s+)?"
     rf"times\s+a|per)\s+(?:(?P<count>other|{v.NUMBER_RE})\s+)?(?P<unit>day|week|month|year|"
     r"decade|hour|minute|morning|night)s?\b)", amounts.set_expression),
    (r"\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.m\.|[ap]m\b))"
     + _TZ, amounts.clock_time),
    (rf"\b(?P<hour>[01]\d|2[0-3]):(?P<minute>[0-5]\d)(?!\d){_TZ}", amounts.clock_time),
    (r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?P<tz>GMT|UTC)\b", amounts.clock_time),
    (r"(?i)\b(?P<named>noon|midday|midnight)\b", amounts.clock_time),
]
_PATTERNS = [(re.compile(pattern), handler) for pattern, handler in _TABLE]
_JOIN = re.compile(r"\s*,?\s*(?:(?:at|on)\s+)?")
_CLOCK = re.compile(r"T(\d\d:\d\d)$")
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
        for order, (pattern, handler) in enumerate(_PATTERNS)
        for match in pattern.finditer(text)
        if (expression := _expression(match, handler, ctx, order))
    ]
    return anaphora.resolve(_join_clock_times(_select(found), text), text, anchor)


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


def _join_clock_times(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """Join "Friday" + "3 p.m." (either order) into one TIME on that day."""
    joined: list[TimeExpression] = []
    for expr in exprs:
        previous = joined[-1] if joined else None
        if previous and _JOIN.fullmatch(text[previous.end : expr.start]):
            merged = _merge(previous, expr, text)
            if merged:
                joined[-1] = merged
                continue
        joined.append(expr)
    return joined


def _merge(first: TimeExpression, second: TimeExpression, text: str) -> TimeExpression | None:
    for day, clock in ((first, second), (second, first)):
        time = _CLOCK.search(clock.value)
        if clock.type == "TIME" and time and day.type == "DATE" and _DAY_VALUE.fullmatch(day.value):
            value = f"{day.value}T{time[1]}"
            span = text[first.start : second.end]
            return TimeExpression(first.start, second.end, span, "TIME", value, day.provenance)
    return None
