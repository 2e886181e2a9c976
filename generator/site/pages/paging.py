"""Long lists split over numbered pages, so that no page grows with the corpus past a set size.

The first page keeps the list's own path (the one the navigation links to);
page n > 1 lives at ``<folder>/pages/<n>.md`` beside it. Every page of a list
links to every other one and to its neighbours (see ``pager.md.j2``).
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from typing import TypeVar

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


def pagers(first: str, count: int) -> list[Pager]:
    """One pager per page of a list of ``count`` pages."""
    paths = page_paths(first, count)
    return [Pager(number, paths) for number in range(1, count + 1)]
