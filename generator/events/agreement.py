"""Whether two event reports can be one happening: places and dates.

``places_agree``: equal, one missing, or a country holding the other;
``far_apart``: two places the gazetteer knows, neither holding the other, more
than ``NEARBY_KM`` apart; ``times_conflict``: stated days (or publication dates,
for reports stating no day) further apart than the windows; ``other_day``:
stated times that cannot be one day ("Friday" and "Saturday").
"""

from __future__ import annotations

import datetime as dt

from generator.events.reports import Report, different_times
from generator.knowledge import gazetteer
from generator.temporal.calendar import value_range

DATE_WINDOW_DAYS = 3
"""Reports whose resolved dates are further apart than this are different events."""

NEARBY_KM = 60
"""Places closer than this may be one scene reported differently (a city and its suburb)."""

PUBLISHED_WINDOW_DAYS = 30
"""Reports dated only by their sources' publication dates are different events when those
lie further apart (two announcements months apart are two)."""


def places_agree(a: Report, b: Report) -> bool:
    if a.place is None or b.place is None or a.place == b.place:
        return True
    return contains(a.geo, b.geo) or contains(b.geo, a.geo)


def contains(big: gazetteer.Place | None, small: gazetteer.Place | None) -> bool:
    """Whether one place holds the other: a country any place of its own, a US state the
    cities GeoNames places in it ("Mich." of a headline holds "Troy" and "Detroit")."""
    if not (big and small and big.country_code == small.country_code):
        return False
    if big.kind == "region":
        return small.kind == "city" and big.region != "" and big.region == small.region
    return big.kind == "country" and small.kind != "country"


def times_conflict(a: Report, b: Report) -> bool:
    """Clearly different dates: stated days (or the publication dates, for reports stating no
    day) further apart than the window. Unresolved words ("Tuesday" against "now") never
    conflict: one article's reports of one trip, or outlets naming different weekdays,
    stay together."""
    ra, rb = _when(a), _when(b)
    if ra is None or rb is None:
        return False
    gap = max(ra[0], rb[0]) - min(ra[1], rb[1])
    return gap > dt.timedelta(days=DATE_WINDOW_DAYS if _stated(a) and _stated(b) else PUBLISHED_WINDOW_DAYS)


def _stated(report: Report) -> bool:
    time = report.candidate.time
    return time is not None and value_range(time.value) is not None


def _when(report: Report) -> tuple[dt.date, dt.date] | None:
    """The stated day or period, else the publication day, else None."""
    time = report.candidate.time
    stated = value_range(time.value) if time else None
    if stated:
        return stated
    return (report.published, report.published) if report.published else None


def far_apart(a: Report, b: Report) -> bool:
    """Two places the gazetteer knows, neither holding the other, more than ``NEARBY_KM`` apart
    ("Atlanta" and "Detroit"; not "Detroit" and a suburb, nor a landmark it does not know)."""
    if places_agree(a, b) or a.geo is None or b.geo is None:
        return False
    if None in (a.geo.lat, a.geo.lon, b.geo.lat, b.geo.lon):
        return a.geo.country_code != b.geo.country_code
    return gazetteer.kilometres(a.geo, b.geo) > NEARBY_KM


def other_day(a: Report, b: Report) -> bool:
    """Stated times that cannot be one day ("on Friday" and "on Saturday"): without a shared
    participant, that is two happenings (two climbers dying on consecutive days)."""
    ta, tb = a.candidate.time, b.candidate.time
    return ta is not None and tb is not None and different_times(ta.value, tb.value)
