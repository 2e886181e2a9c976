"""Patterns and handlers of the temporal tagger: one regex per kind of expression.

Each handler turns a match into ``(type, value, provenance)`` or None to reject it.
Spans never include a leading preposition ("on", "by"); the preposition is read
as context instead. Weekdays, day words, periods and references are handled in
``temporal.relative_words``. Resolution rules for words without a year:

* month alone: "last"/"next"/"this", else past tense -> most recent such month (but a
  month one or two ahead stays ahead: a reported plan),
  future -> next one (current month included), otherwise the nearest one (at most six
  months away).
* month and day: the anchor's year, moved one year back (forward) when the
  sentence is past (future) and the day lies over 30 days the wrong way, or
  when tense is unclear and the day lies over half a year away.
"""

from __future__ import annotations

import bisect
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

from generator.model import TimexType
from generator.temporal import calendar as cal
from generator.temporal import vocab as v
from generator.temporal.tense import Tense, tense_at

Resolved = tuple[TimexType, str, str]
UNRESOLVED = "date not resolved"
_REFS = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}
_HABITUAL = re.compile(
    r"\b(?:usually|typically|normally|generally|traditionally|tends?\s+to)\b[^.;,]*$",
    re.IGNORECASE,
)
"""A habitual cue before an expression in its sentence: the year stays unspecified."""


@dataclass(frozen=True)
class Context:
    """The text being tagged, its anchor and precomputed sentence starts."""

    text: str
    anchor: dt.date | None
    starts: list[int]

    def tense(self, match: re.Match[str]) -> Tense:
        """Tense of the sentence around ``match`` (see ``temporal_tense``)."""
        return tense_at(self.text, match.start(), match.end(), self.starts)

    def habitual(self, match: re.Match[str]) -> bool:
        """True when the sentence describes something recurring ("usually peak in May")."""
        start = self.starts[bisect.bisect_right(self.starts, match.start()) - 1]
        return bool(_HABITUAL.search(self.text[start : match.start()]))

    def headline(self, match: re.Match[str]) -> bool:
        """True when ``match`` stands in a title-case line ("Bank Fined For 2010 Loan Scandal"),
        where a capital letter tells no name."""
        start = self.text.rfind("\n", 0, match.start()) + 1
        end = self.text.find("\n", match.end())
        words = re.findall(r"[^\W\d_][\w'’-]{3,}", self.text[start : end if end >= 0 else len(self.text)])
        return len(words) >= 3 and all(word[0].isupper() for word in words)

    def sentence(self, match: re.Match[str]) -> str:
        """The sentence holding ``match``."""
        index = bisect.bisect_right(self.starts, match.start())
        end = self.starts[index] if index < len(self.starts) else len(self.text)
        return self.text[self.starts[index - 1] : end]

    def before(self, match: re.Match[str], width: int = 24) -> str:
        """The ``width`` characters before the match."""
        return self.text[max(0, match.start() - width) : match.start()]

    def resolved(self, match: re.Match[str], how: str) -> str:
        """Provenance for a value computed from the anchor."""
        return f"'{match[0]}' resolved against {self.anchor} ({how})"


def relative(ctx: Context, m: re.Match[str], offset: int, value: Callable[[dt.date], str],
              how: str = "relative word", kind: TimexType = "DATE") -> Resolved:  # fmt: skip
    """Resolve an anchor-relative expression, or fall back to a *_REF value."""
    if ctx.anchor is None:
        return kind, _REFS[max(-1, min(1, offset))], UNRESOLVED
    return kind, value(ctx.anchor), ctx.resolved(m, how)



# --- explicit and partial calendar dates -------------------------------------------------


def _month(word: str) -> int:
    word = word.rstrip(".")
    return v.MONTHS.get(word) or v.MONTH_ABBREVIATIONS[word]


def full_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"August 8", "8 August 2025", "Friday, Aug. 8", "2025-08-08"; "the week of March 6" is
    the week holding that day."""
    resolved = _full_date(m, ctx)
    if resolved and m.groupdict().get("weekof") and (day := cal.to_date(resolved[1])):
        return "DATE", cal.week_value(day), resolved[2]
    return resolved


def _full_date(m: re.Match[str], ctx: Context) -> Resolved | None:
    month = int(m["mon"]) if m["mon"].isdigit() else _month(m["mon"])
    day = int(m["day"]) if m["day"].isdigit() else v.ORDINAL_DAYS[m["day"].lower()]
    if m["year"]:
        return checked_day(int(m["year"]), month, day, "stated")
    if ctx.anchor is None:
        return "DATE", f"XXXX-{month:02d}-{day:02d}", UNRESOLVED
    year = year_for_day(ctx.anchor, month, day, ctx.tense(m))
    if m["wd"] and (fitting := cal.year_with_weekday(year, month, day, v.WEEKDAYS[m["wd"]])) is not None:
        return checked_day(fitting, month, day, ctx.resolved(m, "the year whose day has that weekday"))
    return checked_day(year, month, day, ctx.resolved(m, "year inferred"))


def checked_day(year: int, month: int, day: int, how: str) -> Resolved | None:
    """A DATE for the day, or None when there is no such day (February 30)."""
    try:
        return "DATE", dt.date(year, month, day).isoformat(), how
    except ValueError:
        return None


def year_for_day(anchor: dt.date, month: int, day: int, tense: Tense) -> int:
    try:
        gap = (dt.date(anchor.year, month, day) - anchor).days
    except ValueError:
        return anchor.year
    if (tense == "past" and gap > 30) or (tense not in ("past", "future") and gap > 183):
        return anchor.year - 1
    if (tense == "future" and gap < -30) or (tense not in ("past", "future") and gap < -183):
        return anchor.year + 1
    return anchor.year


def month_year(m: re.Match[str], ctx: Context) -> Resolved:
    """"August 2025", "late May 2024"."""
    return "DATE", f"{m['year']}-{_month(m['mon']):02d}", "stated"


_NAME_BEFORE = re.compile(r"(?<![.!?:;\"“(]\s)(?<=\w\s)\b([A-Z][a-z]+)\s+$")
_CALENDAR_WORDS = frozenset({*v.MONTHS, *v.MONTH_ABBREVIATIONS, *v.WEEKDAYS, "Fiscal", "Spring", "Summer",
                             "Autumn", "Fall", "Winter", "Christmas", "Easter", "Mid", "Early", "Late"})


def year(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"2022", "mid-2026", "the 1990s" (decade value "199"), "the mid-'80s" ("198"); not a year
    in a name inside a sentence ("Vision 2030", "Orion 1980")."""
    name = _NAME_BEFORE.search(ctx.before(m, 30))
    if m["year"] and not m["edge"] and name and name[1] not in _CALENDAR_WORDS | v.TITLE_SMALL_WORDS:
        return None
    if m["decade"]:
        return "DATE", m["decade"], "stated"
    if m["short"]:
        return "DATE", f"19{m['short']}", "stated"  # "the '80s": a decade of the 1900s
    return "DATE", m["year"], "stated"


_MAY_CUE = re.compile(
    rf"\b(?:in|since|until|till|by|from|through|during|of|before|after|{v.EDGE_RE})\s*$",
    re.IGNORECASE,
)


def month_alone(m: re.Match[str], ctx: Context) -> Resolved | None:
    """"in April", "last January", "mid-August" (year from tense; "May" needs a cue)."""
    cued = bool(m["edge"] or m["rel"] or _MAY_CUE.search(ctx.before(m)))
    if not cued and (m["mon"] == "May" or re.match(r"\s+[A-Z][a-z]", ctx.text[m.end() :])):
        return None
    if not cued and m["mon"] == "March" and re.match(r"\s+(?:for|of|on|to|against)\s", ctx.text[m.end() :]):
        return None  # a protest march: "the March for Life", "the March of the Mothers"
    month, rel = v.MONTHS[m["mon"]], (m["rel"] or "").lower()
    if ctx.anchor is None or (not rel and ctx.habitual(m)):
        return "DATE", f"XXXX-{month:02d}", UNRESOLVED if ctx.anchor is None else "stated"
    current, tense = ctx.anchor.month, ctx.tense(m)
    if tense == "past" and re.search(r"\bfor\s+$", ctx.before(m, 5), re.IGNORECASE):
        tense = "unclear"  # "bookings for December": no past month implied
    shift = {"last": -(month >= current), "next": int(month <= current), "this": 0}.get(rel)
    how = f"'{rel}'" if shift is not None else f"{tense} tense"
    if shift is None:
        since = re.search(r"\bsince\s+$", ctx.before(m, 8), re.IGNORECASE)
        shift = _past_month_shift(month, current, bool(since)) if tense == "past" else 0
        shift = int(month < current) if tense == "future" else shift
        if tense in ("present", "unclear"):  # the nearest such month: "in April" said in December
            shift = -(month - current > 6) + (current - month > 6)
    return "DATE", f"{ctx.anchor.year + shift}-{month:02d}", ctx.resolved(m, how)


_PLAN_AHEAD = 2
"""In a past-tense sentence a month up to this many months ahead is a reported plan
("agreed to buy it in January", said in November): it stays ahead."""


def _past_month_shift(month: int, current: int, since: bool) -> int:
    """Years to add to the anchor's for a month named in a past-tense sentence ("since
    January" is always behind)."""
    if not since and 0 < (month - current) % 12 <= _PLAN_AHEAD:
        return int(month < current)  # just ahead, maybe across the new year
    return -(month > current)
