"""Long lists split over pages, so that no page grows with the corpus past a set size.

Two ways. Numbered pages (``split_rows``, ``pagers``): the first page keeps the list's
own path (the one the navigation links to); page n > 1 lives at ``<folder>/pages/<n>.md``
beside it, and every page links to every other one and to its neighbours (see
``pager.md.j2``). Stable pages (``stable_runs``, ``stable_paths``), for lists whose rows
other pages link to (the Events index, the timeline): rows come in bundles (a story's
events, a day's items) and each page is named after its first bundle, so an article added
or deleted moves no row of another stretch of the list to another page or path.
"""

from __future__ import annotations

import posixpath
import zlib
from dataclasses import dataclass
from typing import Generic, TypeVar

Row = TypeVar("Row")

ROWS_PER_PAGE = 240
"""Rows of an index table per page, under the 200 KB a page may weigh: on real news (ECB+,
772 articles) 300 rows of the People, Places and Organisations indexes made 180-190 KB pages
(about 46 KB of them the theme's frame), 240 rows make about 155 KB."""


@dataclass(frozen=True)
class Pager:
    """Where one page of a paginated list sits among the list's pages."""

    number: int
    """This page's number, from 1."""
    paths: tuple[str, ...]
    """Docs-relative path of every page of the list, in order."""

    @property
    def previous(self) -> str:
        """The page before this one, "" on the first."""
        return self.paths[self.number - 2] if self.number > 1 else ""

    @property
    def next(self) -> str:
        """The page after this one, "" on the last."""
        return self.paths[self.number] if self.number < len(self.paths) else ""


def page_paths(first: str, count: int) -> tuple[str, ...]:
    """Paths of ``count`` pages of the list whose first page is ``first`` ("people/index.md")."""
    stem = posixpath.splitext(first)[0].removesuffix("/index")
    return (first, *(f"{stem}/pages/{n}.md" for n in range(2, count + 1)))


def split_rows(rows: list[Row], size: int) -> list[list[Row]]:
    """``rows`` in runs of at most ``size`` (one empty run when there are none)."""
    size = max(size, 1)
    return [rows[start:start + size] for start in range(0, len(rows), size)] or [[]]


def first_only(pager: Pager, total: int) -> int:
    """``total`` (a list's length) for its first page, 0 for the others.

    A page after the first gives only its own rows, so that a row added or removed on another
    page leaves it unchanged (with the total on every page, one new article rewrote every
    page of the Sources, Deadlines and entity lists); the first page gives the total."""
    return total if pager.number == 1 else 0


def pagers(first: str, count: int) -> list[Pager]:
    """One pager per page of a list of ``count`` pages."""
    paths = page_paths(first, count)
    return [Pager(number, paths) for number in range(1, count + 1)]


@dataclass(frozen=True)
class Bundle(Generic[Row]):
    """Rows that stay together on one page of a list (a story's events, one day's timeline rows)."""

    key: str
    """What the bundle is, the same across builds ("story-12", "2024-03-05"); safe in a path."""
    rows: list[Row]
    """Its rows, in list order."""
    part: int = 1
    """1, or the number of this part of a bundle too long for one page."""

    @property
    def slug(self) -> str:
        """The bundle's key, with its part number from part 2 on ("story-12-2")."""
        return self.key if self.part == 1 else f"{self.key}-{self.part}"


def stable_runs(bundles: list[Bundle[Row]], limit: int) -> list[list[Bundle[Row]]]:
    """``bundles`` (in an order that stays the same across builds) packed on pages of at most
    ``limit`` rows; a bundle longer than ``limit`` is split into parts of ``limit`` rows. All
    on one page when they fit.

    A bundle starts a new page when it would overflow the page, or when it is a cut: a
    checksum of its key, read as a fraction, is below its share of a page (its rows over
    ``limit``), so pages hold about ``limit`` rows or fewer whatever the bundles weigh. Whether
    a bundle is a cut depends on that bundle alone, so the pages from one cut to the next
    depend only on the bundles between them: a bundle that grows, shrinks, appears or goes
    changes the pages of its own stretch, and the other pages keep their rows and their paths
    (``stable_paths``), and links to those rows stay the same. Splitting a fixed number of rows
    a page instead moves every later row when one row is added or removed.

    On the varied 2,000-article corpus (825 stories, 12,792 events, 100 rows a page) this
    makes 199 pages of 64 rows on average (the fewest possible: 128), and a random story
    growing, shrinking or going changes 1.1 pages and moves 0.7 other stories to another page
    on average; packing greedily makes 140 pages but moves 20 stories, one page per story 825.
    """
    if sum(len(b.rows) for b in bundles) <= limit:
        return [bundles] if bundles else []
    runs: list[list[Bundle[Row]]] = []
    for bundle in (part for whole in bundles for part in _parts(whole, limit)):
        filled = sum(len(b.rows) for b in runs[-1]) if runs else 0
        if not runs or filled + len(bundle.rows) > limit or is_cut(bundle, limit):
            runs.append([])
        runs[-1].append(bundle)
    return runs


def is_cut(bundle: Bundle, limit: int) -> bool:
    """True when ``bundle`` starts a page of ``stable_runs`` however full the page before it is."""
    return zlib.crc32(bundle.slug.encode()) < len(bundle.rows) / max(limit, 1) * 2**32


def _parts(bundle: Bundle[Row], limit: int) -> list[Bundle[Row]]:
    """A bundle in parts of at most ``limit`` rows (itself when it fits)."""
    limit = max(limit, 1)
    if len(bundle.rows) <= limit:
        return [bundle]
    return [Bundle(bundle.key, bundle.rows[start:start + limit], number)
            for number, start in enumerate(range(0, len(bundle.rows), limit), start=1)]


def stable_paths(folder: str, runs: list[list[Bundle]]) -> tuple[str, ...]:
    """Docs-relative path of each page of ``stable_runs``: ``<folder>/<slug of its first bundle>.md``."""
    return tuple(f"{folder}/{run[0].slug}.md" for run in runs)


@dataclass(frozen=True)
class ContentsRow:
    """One page of a ``stable_runs`` list, as its contents page lists it."""

    path: str
    """Docs-relative path of the page."""
    span: str
    """What the page holds, from its first bundle to its last ("Story 12 to Story 17")."""
    rows: int
    """Rows on the page."""
    note: str = ""
    """A line about the page ("" for none): the title of its first story."""


def span(first: str, last: str) -> str:
    """"<first> to <last>", or ``first`` alone when both are the same."""
    return first if first == last else f"{first} to {last}"
