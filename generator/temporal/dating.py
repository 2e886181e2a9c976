"""Inferred publication windows for articles that state no date, from their own words.

An article without metadata, date line or dated URL (see ``pubdate``) still
carries evidence of when it was written. Two kinds are used, both model-free
and read with ``temporal.tag`` (no anchor):

* A weekday written with a month and day but no year ("Friday, August 8") holds
  only in some years. The first such year from the latest year the text names
  (news names its own year or the one before) is taken, else the most recent
  one not after the build date; news reports days close to publication, so the
  article is placed within ``NEAR_DAYS`` of that day (never after the build date).
* A fully dated day in a past-tense sentence ("the accord was signed on March 3,
  2024") had happened when the article was written: publication is not before it.

Across articles, ``story_windows`` places an undated article of a story within
``STORY_DAYS`` of the middle date of the story's dated articles (most reports of
one story appear within two weeks of each other), inside its own window.

The build date bounds the latest possible day; a window that nothing else bounds
is marked ``open_end`` (an archive's article that tells a day of 2009 as past may
be from 2009 or from any year since). Every window is marked inferred and lists
its evidence in words; nothing here changes a ``Source`` or a page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Mapping, Sequence

from generator.model import DateWindow, Source, Story, TimeExpression
from generator.temporal import tagger as temporal
from generator.temporal.vocab import WEEKDAYS

NEAR_DAYS = 14
"""How far from a stated weekday-and-date the article may have been written."""
STORY_DAYS = 14
"""How far from the middle date of its story's dated articles an undated one may lie."""
HORIZON_YEARS = 40
"""How many years back a weekday-and-date is matched against the calendar."""

_MONTH_DAY = re.compile(r"XXXX-(\d\d)-(\d\d)")
_DAY = re.compile(r"\d{4}-\d\d-\d\d")
_YEAR_VALUE = re.compile(r"(?:19|20)\d\d(?:$|-)")
_WEEKDAY = re.compile(r"\b(" + "|".join(WEEKDAYS) + r")\b")


def infer_windows(sources: Iterable[Source], build_date: dt.date,
                  tagged: Mapping[str, Sequence[TimeExpression]] | None = None) -> dict[str, DateWindow]:
    """Source id -> inferred window, for every readable source without a publication date
    whose text gives any evidence (sources with a date, or with no clue, are left out).
    ``tagged``: source id -> its text's expressions tagged with no anchor, where already known."""
    windows = {}
    for source in sources:
        if source.status == "ok" and source.published is None:
            window = infer_window(source.id, source.text, build_date, (tagged or {}).get(source.id))
            if window is not None:
                windows[source.id] = window
    return windows


def infer_window(source_id: str, text: str, build_date: dt.date,
                 expressions: Sequence[TimeExpression] | None = None) -> DateWindow | None:
    """The window the text's own dates admit, or None when it gives no evidence
    (``expressions``: the text's time expressions tagged with no anchor, when known)."""
    expressions = temporal.tag(text, None) if expressions is None else expressions
    earliest, evidence = dt.date.min, [f"not after the build date {build_date}"]
    if (happened := latest_past_day(text, expressions)) is not None:
        earliest = happened[0]
        evidence.append(f"'{happened[1]}' is told as past: written on {happened[0]} or later")
    latest, named_year, bounded = build_date, latest_named_year(expressions), False
    for expression in expressions:
        if (found := weekday_date(expression, earliest, build_date, named_year)) is not None:
            bounded = True
            day, years = found
            earliest = max(earliest, day - dt.timedelta(days=NEAR_DAYS))
            latest = min(latest, day + dt.timedelta(days=NEAR_DAYS))
            which = f"the first from {named_year}, the latest year the text names" if named_year \
                else "the latest"
            evidence.append(f"'{expression.text}' falls on that weekday in {', '.join(map(str, years))}: "
                            f"{which}, {day}, give or take {NEAR_DAYS} days")
            break
    if len(evidence) == 1:
        return None  # no clue
    return DateWindow(source_id, earliest, latest, tuple(evidence), open_end=not bounded)


def weekday_date(expression: TimeExpression, earliest: dt.date, build_date: dt.date,
                 named_year: int | None = None) -> tuple[dt.date, list[int]] | None:
    """(chosen day, up to five matching years) of a weekday written with a month-day and no
    year ("Friday, August 8") that lies near or after ``earliest`` and not after the build
    date (give or take ``NEAR_DAYS``), or None. The chosen day is the first matching one in
    or after ``named_year`` (news names its own year or the one before), else the latest."""
    month_day, weekday = _MONTH_DAY.fullmatch(expression.value), _WEEKDAY.search(expression.text)
    if expression.type != "DATE" or month_day is None or weekday is None:
        return None
    month, day, wanted = int(month_day[1]), int(month_day[2]), WEEKDAYS[weekday[1]]
    near = dt.timedelta(days=NEAR_DAYS)
    days = [when for year in range(build_date.year + 1, build_date.year - HORIZON_YEARS, -1)
            if (when := _day(year, month, day)) and when.weekday() == wanted
            and when - near <= build_date and (earliest == dt.date.min or when + near >= earliest)]
    if not days:
        return None
    after = [d for d in days if named_year is not None and d.year >= named_year]
    return (after[-1] if after else days[0]), [d.year for d in days[:5]]


def latest_named_year(expressions: list[TimeExpression]) -> int | None:
    """The latest year the text writes out ("in 2010", "March 3, 2011"), or None."""
    years = [int(e.value[:4]) for e in expressions
             if e.provenance == "stated" and _YEAR_VALUE.match(e.value)]
    return max(years) if years else None


def latest_past_day(text: str, expressions: list[TimeExpression]) -> tuple[dt.date, str] | None:
    """The latest fully dated day the text tells in the past tense, with its words."""
    past = [(dt.date.fromisoformat(e.value[:10]), e.text) for e in expressions
            if e.type in ("DATE", "TIME") and _DAY.match(e.value)
            and temporal.tense_at(text, e.start, e.end) == "past"]
    return max(past) if past else None


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def story_windows(sources: Iterable[Source], stories: Iterable[Story], windows: dict[str, DateWindow],
                  build_date: dt.date) -> dict[str, DateWindow]:
    """``windows`` narrowed, and undated sources without one given one, by the dated sources
    of their story (see the module docstring); a window the story contradicts is kept as is."""
    dated = {s.id: s.published for s in sources if s.status == "ok" and s.published is not None}
    undated = {s.id for s in sources if s.status == "ok" and s.published is None}
    out = dict(windows)
    for story in stories:
        days = sorted(dated[i] for i in story.sources if i in dated)
        if not days:
            continue
        middle = days[len(days) // 2]
        clue = (f"{len(days)} other article(s) of the story are dated, the middle one {middle}: "
                f"reports of one story mostly appear within {STORY_DAYS} days of each other")
        for source_id in (i for i in story.sources if i in undated):
            own = out.get(source_id) or DateWindow(source_id, dt.date.min, build_date,
                                                   (f"not after the build date {build_date}",),
                                                   open_end=True)
            near = dt.timedelta(days=STORY_DAYS)
            out[source_id] = narrowed(source_id, own, middle - near, middle + near, clue)
    return out


def narrowed(source_id: str, own: DateWindow | None, earliest: dt.date, latest: dt.date,
             clue: str) -> DateWindow:
    """``own`` window cut to [earliest, latest] with ``clue`` added to its evidence; a window
    of the clue alone when there is none; ``own`` unchanged when the two contradict (the
    article's own evidence wins). The window stays open-ended when the clue's last day is not
    before the build date that bounded ``own``."""
    if own is None:
        return DateWindow(source_id, earliest, latest, (clue,))
    low, high = max(own.earliest, earliest), min(own.latest, latest)
    if low > high:
        return own
    still_open = own.open_end and latest >= own.latest
    return DateWindow(source_id, low, high, (*own.evidence, clue), open_end=still_open)
