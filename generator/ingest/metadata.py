"""An article's metadata: which values are usable, and its publication date.

Metadata comes from front matter, the HTML page and ``sources.yml``; only the
known keys with text, number or date values are kept. The publication date is
the metadata's, else a date line of the text, else a date in the URL path.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from dateutil import parser as date_parser

from generator.ingest.pubdate import dateline_date, url_date

METADATA_KEYS = ("title", "outlet", "url", "published", "language")


def usable_metadata(meta: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The known keys whose values are text, numbers or dates; a note for each other value.

    Lists and mappings (also YAML alias bombs) never reach titles or the cache key.
    """
    kept: dict[str, Any] = {}
    notes: list[str] = []
    for key in METADATA_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float, dt.date)) or isinstance(value, bool):
            notes.append(f"metadata '{key}' is a {type(value).__name__}, not text; ignored")
        elif key == "published" and not plausible_date(value):
            notes.append(f"metadata 'published' {value!s:.40} is outside the years {MIN_YEAR}-{MAX_YEAR}; "
                         "ignored")
        else:
            kept[key] = value
    return kept, tuple(notes)


MIN_YEAR, MAX_YEAR = 1800, 2200
"""Publication years outside this range are typing errors (0001-01-01, 9999-12-31) and ignored."""


def plausible_date(value: Any) -> bool:
    """False for a published value that is a date (or reads as one) outside ``MIN_YEAR``-``MAX_YEAR``."""
    date = parse_published(value)
    return date is None or MIN_YEAR <= date.year <= MAX_YEAR


DATELINE_BLOCKS = 6
"""How many leading blocks may hold a date line that gives the publication date."""


def publication_date(text: str, blocks: list[tuple[int, int]],
                     meta: dict[str, Any]) -> tuple[dt.date | None, str, tuple[str, ...]]:
    """(date, how it was obtained, notes): metadata first, else an explicit date line of the text
    (``pubdate.dateline_date``), else a date in the URL path (``pubdate.url_date``).

    A date is never guessed from dates mentioned inside sentences; without
    metadata or a date line, relative expressions stay unresolved.
    """
    published = parse_published(meta.get("published"))
    if published is not None:
        return published, "metadata", ()
    notes: tuple[str, ...] = ()
    if meta.get("published"):
        notes = (f"published date '{meta['published']}' is not a date; relative dates stay unresolved",)
    for start, end in blocks[:DATELINE_BLOCKS]:
        found = dateline_date(text[start:end])
        if found is not None:
            return found, f"date line of the text: “{text[start:end].strip()}”", notes
    if (found := url_date(str(meta.get("url") or ""))) is not None:
        return found, f"date in the URL path: {meta['url']}", notes
    return None, "", notes


def parse_published(value: Any) -> dt.date | None:
    """A date from metadata (date, datetime or string); None when absent or invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        return None

