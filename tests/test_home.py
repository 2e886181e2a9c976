"""The overview page: capped lists on a large corpus, and how its sections read on the seeds."""

from __future__ import annotations

import re

import pytest

from generator.site.linker import Linker
from generator.site.page import Page
from generator.site.pages.home import DEADLINES, SOURCES, STORIES, home_context
from generator.site.render import render_pages
from tests.large_briefing import large_briefing

HOME_BYTES = 100_000
"""The overview's Markdown stays under this (the page under 200 KB with the theme around it)."""


def _home(briefing) -> str:
    page = Page("index.md", "home.md.j2", home_context(briefing))
    return render_pages([page], Linker(briefing))["index.md"]


@pytest.fixture(scope="module")
def large_home() -> tuple[object, str]:
    briefing = large_briefing(600)
    return briefing, _home(briefing)


def test_overview_of_a_large_corpus_stays_small(large_home) -> None:
    briefing, home = large_home
    assert len(home.encode()) < HOME_BYTES
    assert len(re.findall(r"^## ", home, re.M)) == STORIES + 4  # key people, deadlines, events, sources
    assert len(briefing.stories) > STORIES and len(briefing.deadlines) > DEADLINES


def test_capped_lists_say_how_many_more_and_link_to_the_index_pages(large_home) -> None:
    briefing, home = large_home
    assert f"\n\nAnd {len(briefing.stories) - STORIES} more stories" in home  # a paragraph of its own
    assert "[events by story](events/index.md)" in home
    assert f"\n\nAnd {len(briefing.deadlines) - DEADLINES} more: see [all deadlines](deadlines/index.md)" in home
    assert f"\n\nAnd {len(briefing.sources) - SOURCES} more: see [all sources](sources/index.md)" in home


def test_citations_per_item_are_capped(large_home) -> None:
    _, home = large_home
    for line in home.splitlines():
        assert len(re.findall(r"\[\\\[S\d+\\\]\]", line)) <= 5, line[:200]
    assert re.search(r"\) and \d+ more", home)


def test_a_small_corpus_lists_everything() -> None:
    briefing = large_briefing(10)
    home = _home(briefing)
    assert "more stories" not in home and "more: see" not in home
    assert home.count("](sources/a00") >= 10


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_home(seed_briefing) -> str:
    return _home(seed_briefing)


def _threatened(home: str) -> list[list[str]]:
    return [m.split(", ") for m in re.findall(r"threatened: (.*?)(?: on |; set by|\s\[)", home)]


def test_consequences_are_not_repeated_in_shorter_words(seed_home) -> None:
    lists = _threatened(seed_home)
    assert lists and any("sweeping penalties" in found for found in lists)
    for found in lists:
        words = {c: set(c.lower().split()) for c in found}
        assert not [(a, c) for a in found for c in found
                    if a != c and words[a] <= words[c]], found  # "penalties" beside "sweeping penalties"


def test_what_changed_and_what_to_watch_read_as_sentences(seed_home) -> None:
    changed = seed_home[seed_home.index("**What changed.**"):]
    assert re.search(r"shortened from 50 days to 10 days \[", changed)
    watch = re.search(r"\*\*What to watch\.\*\* (.*)", seed_home).group(1)
    assert re.search(r"due Friday 8 August 2025 \(still open, after being shortened\)", watch)
    assert "(shortened)" not in seed_home and "XXXX" not in seed_home


def test_inferred_story_period_links_to_the_timeline(seed_home) -> None:
    assert "(inferred, see the [timeline](timeline.md))" in seed_home
