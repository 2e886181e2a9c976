"""Text-internal reference time: values that depend on a date mentioned earlier in the text.

Handlers of anaphoric expressions return a placeholder value starting with "@":

* "@-P1Y" ("a year earlier"), "@+P2D" ("two days later"): the reference moved by a
  length, at the coarser of the reference's and the length's granularity, except
  that a week counted from a day gives a day ("a week later");
* "@+P1D/D" ("the next day"), "@-P1W/W" ("the previous week"): the same at a
  fixed granularity; "@+P0D/D" is "that day" (a day of the month or year last mentioned,
  "1998-10-XX", when that is a month or year); a part of the day may follow
  ("@+P1D/DTMO", "the next morning"; "@+P0D/DTAF", "mid-afternoon");
* "@W-4" ("the previous Friday"), "@W+0" ("the following Monday"): that weekday
  before or after the last day mentioned;
* "@T10:30" (a clock time alone): that time on the last day mentioned in the same
  paragraph, else on the anchor day.
* "@Q+0" ("the quarter"), "@Q-1" ("the year-ago quarter"), "@Q=1988" ("the 1988
  quarter"), "@Q-0" ("the latest quarter"): quarters of financial reports, counted
  from the last quarter the text stated (else the last one completed before the
  anchor); "@~-P1Y" ("a year ago"): that quarter a year before when one was stated
  shortly before, else the anchor's year minus one.

``resolve`` walks the expressions in text order. The reference starts as the
anchor and becomes each fully resolved calendar value in turn (a day, week, month,
quarter or year). It also gives a day or month written without a year ("on
Christmas Eve", "in March") the year of a date stated just before it in the same
sentence ("the last recount, in 2008, ended on Christmas Eve").
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

from generator.model import TimeExpression
from generator.temporal import amounts, holidays
from generator.temporal import calendar as cal
from generator.temporal import vocab as v
from generator.temporal.reference import Reference, as_reference, provenance, shifted
from generator.temporal.rules import UNRESOLVED
from generator.temporal.tense import tense_at

_PLACEHOLDER = re.compile(r"@(?:(?P<near>~)?(?P<sign>[+-])P(?P<n>\d+(?:\.\d+)?)(?P<unit>DE|[DWMY])"
                          r"(?:/(?P<gran>DE|[DWMQY]))?(?P<part>T(?:MO|AF|EV|NI))?|(?P<clock>T\d\d:\d\d)"
                          r"|Q(?P<q>[+-]\d|=\d{4})"
                          r"|W(?P<wsign>[+-])(?P<wday>[0-6])(?P<wpart>T[A-Z]{2})?)")  # fmt: skip
_YEARLESS = re.compile(r"\d{4}-\d\d(?:-\d\d)?")
_IN_YEAR = re.compile(r"\b(?:in|during|of)\s+$", re.IGNORECASE)
_SINCE = re.compile(r"\bsince\s+$", re.IGNORECASE)
"""A date after "since" starts a span that runs to now: a later day of the clause is not in its year."""
_NAMED = re.compile(rf"\b(?:{v.MONTH_ANY_RE})|{holidays.HOLIDAY_RE}", re.IGNORECASE)
_SAME_CLAUSE = 40
"""How far (characters) a day may follow a stated year and still take it ("in 2008, ended on
Christmas Eve"); further on, a new clause usually speaks of another time."""
_RELATIVE_WORD = re.compile(r"\b(?:last|next|this|coming|past|previous)\b", re.IGNORECASE)


def resolve(exprs: list[TimeExpression], text: str, anchor: dt.date | None) -> list[TimeExpression]:
    """Replace placeholder values using the reference time; drop what cannot be resolved."""
    refs = [Reference(anchor, "D", anchor.isoformat(), "", -1, -1, False)] if anchor else []
    out: list[TimeExpression] = []
    for expr in _quarters_ended(exprs, text):
        resolved = _resolved(expr, refs, text, anchor)
        if resolved is None:
            continue
        out.append(resolved)
        if ref := as_reference(resolved):
            refs.append(replace(ref, derived=_counted(expr.value)))
    return out


_ENDED = re.compile(r"\s+(?:ended|ending|that\s+ended|which\s+ended)\s+(?:on\s+)?")


def _quarters_ended(exprs: list[TimeExpression], text: str) -> list[TimeExpression]:
    """"the quarter ended (ending) March 31": the calendar quarter that day ends, unless the text
    named a quarter shortly before or the day ends no calendar quarter ("the quarter ended July
    31"): a fiscal quarter keeps the company's numbering."""
    out = list(exprs)
    for index, (quarter, day) in enumerate(zip(exprs, exprs[1:], strict=False)):
        last = cal.to_date(day.value) if _YEARLESS.fullmatch(day.value) and len(day.value) == 10 else None
        named = any(re.search(r"-Q\d$", e.value) and quarter.start - e.end < _QUARTER_CONTEXT
                    for e in exprs[:index])
        calendar_end = last and last.month % 3 == 0 and (last + dt.timedelta(days=1)).day == 1
        if quarter.value == "@Q+0" and calendar_end and not named and _ENDED.fullmatch(
            text, quarter.end, day.start
        ):
            how = f"'{quarter.text}' resolved against {day.value} (the quarter it ended)"
            out[index] = replace(quarter, value=f"{last.year}-Q{(last.month - 1) // 3 + 1}", provenance=how)
    return out


def _counted(placeholder: str) -> bool:
    """True for values counted from another date by a length ("@-P1Y", "@Q-1"), not for
    plain values, clock times or "the quarter" itself ("@Q+0", "@Q-0")."""
    return placeholder.startswith("@") and not placeholder.startswith(("@Q+0", "@Q-0", "@T"))


def _resolved(expr: TimeExpression, refs: list[Reference], text: str,
              anchor: dt.date | None) -> TimeExpression | None:  # fmt: skip
    match = _PLACEHOLDER.fullmatch(expr.value)
    if match is None:
        return _year_from_previous(expr, refs[-1] if refs else None, text, anchor)
    if match["clock"]:
        return _clock(expr, match["clock"], refs, text, anchor)
    if match["q"] or match["near"]:
        return _from_quarter(expr, match, refs, anchor, _over_months(expr, text))
    if match["wday"]:
        return _weekday_from(expr, match, refs)
    if not refs:
        if match["n"] == "0":
            return None
        value = "PAST_REF" if match["sign"] == "-" else "FUTURE_REF"
        return replace(expr, value=value, provenance=UNRESOLVED)
    length, sign = f"P{match['n']}{match['unit']}", int(f"{match['sign']}1")
    granularity = "Y" if match["unit"] == "Y" and _over_months(expr, text) else match["gran"]
    if (same := _day_within(expr, match, refs[-1])) is not None:
        return same
    for ref in reversed(refs):  # the last date fine enough to count from
        if ref.derived and match["unit"] == "Y":
            continue
        if (value := shifted(ref, sign, length, granularity)) is not None:
            if not granularity and _after_the_report(value, expr, text, anchor):
                length_value = amounts.duration_value(float(match["n"]), match["unit"])
                return replace(expr, type="DURATION", value=length_value, provenance="stated")
            value += match["part"] or ""
            return replace(expr, value=value, provenance=provenance(expr, ref, "counted from it"))
    return None


def _after_the_report(value: str, expr: TimeExpression, text: str, anchor: dt.date | None) -> bool:
    """True when a count forward ("two years later") lands after the anchor in a sentence not
    about the future ("Two years later, the firm collapsed", no date before it): a report tells
    no past after its own date, so the count starts from a time the text does not give and
    only the length is known."""
    span = cal.value_range(value)
    return (anchor is not None and span is not None and span[0] > anchor
            and tense_at(text, expr.start, expr.end) != "future")


def _day_within(expr: TimeExpression, match: re.Match[str], ref: Reference) -> TimeExpression | None:
    """"that (same) day" right after a month or year ("last October ... that same day"): a day
    of that month or year the text does not give ("1998-10-XX"), not an older stated day."""
    if match["n"] != "0" or match["gran"] != "D" or ref.end < 0 or ref.granularity not in ("M", "Y"):
        return None
    value = f"{ref.value}-XX" if ref.granularity == "M" else f"{ref.day.year}-XX-XX"
    return replace(expr, value=value + (match["part"] or ""), provenance=provenance(expr, ref, "a day in it"))


def _weekday_from(expr: TimeExpression, match: re.Match[str], refs: list[Reference]) -> TimeExpression:
    """"the previous Friday" (before the last day mentioned), "the following Monday" (after it)."""
    days = [r for r in refs if r.granularity == "D"]
    if not days:
        return replace(expr, value="PAST_REF" if match["wsign"] == "-" else "FUTURE_REF",
                       provenance=UNRESOLVED)
    direction: cal.Direction = "past" if match["wsign"] == "-" else "future"
    day = cal.resolve_weekday(days[-1].day, int(match["wday"]), direction, inclusive=False)
    value = f"{day.isoformat()}{match['wpart'] or ''}"
    return replace(expr, value=value, provenance=provenance(expr, days[-1], "counted from it"))


_QUARTER_CONTEXT = 600
"""How far back (characters) a stated quarter sets the context of "a year ago" and "the quarter"."""


def _from_quarter(expr: TimeExpression, match: re.Match[str], refs: list[Reference],
                  anchor: dt.date | None, over_months: bool = False) -> TimeExpression | None:  # fmt: skip
    """Financial reporting: "the quarter" is the quarter the text reports on (the last quarter
    it stated, else the last one completed before the anchor); "the year-ago quarter" and
    "a year ago" near a stated quarter are that quarter a year before; "the 1988 quarter" is
    it in 1988. Far from any stated quarter, or in a sentence on several months
    (``over_months``), "a year ago" counts from the anchor."""
    context = None if match["q"] == "-0" else _context_quarter(expr, refs)
    if match["near"] and (context is None or over_months):
        return _years_from_anchor(expr, match, anchor)
    if context is not None:
        year, quarter, how = context.day.year, (context.day.month + 2) // 3, provenance(expr, context, "")
    elif anchor is not None:
        index = anchor.year * 4 + (anchor.month - 1) // 3 - 1
        year, quarter = index // 4, index % 4 + 1
        how = f"'{expr.text}' resolved against {anchor} (the last quarter before it)"
    else:
        return None
    shift = match["q"] or f"{match['sign']}{match['n']}"
    year = int(shift[1:]) if shift[0] == "=" else year + int(float(shift))
    return replace(expr, value=f"{year}-Q{quarter}", provenance=how)


_MONTHS_REPORTED = re.compile(r"\b(?:the|first|latest)\s+(?:(?:first|latest)\s+)?(?:six|nine|\d{1,2})[\s-]"
                              r"months?\b|\bfirst\s+half\b", re.IGNORECASE)


def _over_months(expr: TimeExpression, text: str) -> bool:
    """True when the sentence reports on several months before ``expr`` ("For the nine months, net
    rose to $5 million from $4 million a year earlier"): the months of the year before are
    meant, which no quarter holds."""
    start = max(text.rfind(". ", 0, expr.start), text.rfind("\n", 0, expr.start), 0)
    return bool(_MONTHS_REPORTED.search(text, start, expr.start))


def _context_quarter(expr: TimeExpression, refs: list[Reference]) -> Reference | None:
    """The last quarter the text stated (not counted) within ``_QUARTER_CONTEXT`` before, among
    those begun by the anchor: a forecast for a quarter to come ("losses through the third quarter
    of next year") is no quarter the text reports results of."""
    anchor = refs[0].day if refs and refs[0].end < 0 else None
    return next((r for r in reversed(refs) if r.granularity == "Q" and not r.derived
                 and r.end >= 0 and expr.start - r.end < _QUARTER_CONTEXT
                 and (anchor is None or r.day <= anchor)), None)


def _years_from_anchor(expr: TimeExpression, match: re.Match[str],
                       anchor: dt.date | None) -> TimeExpression:  # fmt: skip
    """"a year ago" with no quarter around: the anchor's year moved by the years."""
    if anchor is None:
        return replace(expr, value="PAST_REF", provenance=UNRESOLVED)
    years = int(float(match["n"])) * (1 if match["sign"] == "+" else -1)
    how = f"'{expr.text}' resolved against {anchor} (counted from it)"
    return replace(expr, value=str(anchor.year + years), provenance=how)


def _clock(expr: TimeExpression, clock: str, refs: list[Reference], text: str,
           anchor: dt.date | None) -> TimeExpression:  # fmt: skip
    """A clock time on the last day of its paragraph (a past one in a past sentence)."""
    paragraph = max(text.rfind("\n", 0, expr.start), 0)
    past = tense_at(text, expr.start, expr.end) == "past"
    days = [r for r in refs if r.granularity == "D" and r.end >= paragraph]
    days = [r for r in days if not (past and anchor and r.day > anchor)]
    if days:
        return replace(expr, value=f"{days[-1].value}{clock}", provenance=provenance(expr, days[-1], ""))
    if anchor is None:
        return replace(expr, value=f"XXXX-XX-XX{clock}", provenance=UNRESOLVED)
    how = f"'{expr.text}' resolved against {anchor} (day of publication)"
    return replace(expr, value=f"{anchor}{clock}", provenance=how)


def _year_from_previous(expr: TimeExpression, previous: Reference | None, text: str,
                        anchor: dt.date | None) -> TimeExpression:  # fmt: skip
    """"The last recount, in 2008, ended on Christmas Eve": the day is in 2008."""
    if previous is None or anchor is None or previous.end < 0 or not previous.stated:
        return expr
    if not _YEARLESS.fullmatch(expr.value) or expr.provenance == "stated":
        return expr
    if not _NAMED.search(expr.text) or _RELATIVE_WORD.search(expr.text):
        return expr  # a weekday, or "last March"
    if tense_at(text, expr.start, expr.end) == "future":
        return expr  # "invited in July 1997, they will join on March 12": a day to come
    year = previous.value[:4]
    gap = text[previous.end : expr.start]
    if re.search(r"[.;!?]", gap) or len(gap) > _SAME_CLAUSE or year == expr.value[:4]:
        return expr  # another sentence, or too far to share the clause's year
    before = text[max(0, previous.start - 10) : previous.start]
    value = f"{year}{expr.value[4:]}"
    if (previous.granularity == "Y" and not _IN_YEAR.search(before)) or _SINCE.search(before) or (
        len(value) == 10 and not cal.to_date(value)
    ):
        return expr  # "since 2022", "since January 2021", or 29 February of a common year
    how = f"'{expr.text}' resolved against {previous.value} (year mentioned before: '{previous.text}')"
    return replace(expr, value=value, provenance=how)
