"""Stable story ids: "story-N" survives adding and deleting articles (issue 13).

Stories used to be numbered by their first article, so deleting the first
article of an early story renumbered every later story and rewrote every event
page tagged with one. Now a story keeps the id of the previous build's story it
shares most articles with; new stories get numbers above every number used.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.config import load_config
from generator.events.stories import story_ids
from generator.model import BuildSnapshot
from generator.pipeline import build
from generator.publish.snapshot import read_snapshot
from tests.conftest import make_project


def snapshot(stories: dict[str, set[str]]) -> BuildSnapshot:
    return BuildSnapshot(None, {}, {}, frozenset(), frozenset(), frozenset(), {},
                         stories={sid: frozenset(s) for sid, s in stories.items()})


def test_without_a_previous_build_stories_are_numbered_in_order():
    assert story_ids([("a", "b"), ("c",)]) == {"story-1": ("a", "b"), "story-2": ("c",)}


def test_deleting_the_first_story_keeps_the_others_ids():
    before = snapshot({"story-1": {"a"}, "story-2": {"b", "c"}, "story-3": {"d"}})
    assert story_ids([("b", "c"), ("d",)], before) == {"story-2": ("b", "c"), "story-3": ("d",)}


def test_a_new_story_gets_a_number_above_every_one_used_before():
    before = snapshot({"story-1": {"a"}, "story-4": {"b"}})
    assert story_ids([("a",), ("new",), ("b",)], before) == {
        "story-1": ("a",), "story-5": ("new",), "story-4": ("b",)}


def test_a_split_story_keeps_its_id_for_the_larger_part():
    before = snapshot({"story-1": {"a", "b", "c"}})
    assert story_ids([("a",), ("b", "c")], before) == {"story-2": ("a",), "story-1": ("b", "c")}


def test_merged_stories_keep_one_id_and_retire_the_other():
    before = snapshot({"story-1": {"a"}, "story-2": {"b", "c"}})
    assert story_ids([("a", "b", "c")], before) == {"story-2": ("a", "b", "c")}


def test_malformed_previous_ids_are_not_kept():
    assert story_ids([("a",)], snapshot({"x": {"a"}})) == {"story-1": ("a",)}


ARTICLES = {
    "a1.txt": "The Ostrava Philharmonic opened its season on Friday under conductor Lucian Marek. "
              "Marek said the orchestra would tour Japan in the spring.\n",
    "b1.txt": "Harbour workers in Velmora walked out on Monday. Union leader Dorota Kwiatek said the "
              "strike would last until wages rise.\n",
    "b2.txt": "The Velmora harbour strike entered its second day. Dorota Kwiatek told reporters the "
              "union would not back down.\n",
}


@pytest.mark.model
def test_a_rebuild_after_deleting_the_first_story_keeps_the_other_story_id(tmp_path):
    root = make_project(tmp_path / "p", seeds=None)
    (root / "seeds").mkdir()
    for name, text in ARTICLES.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    first = build(load_config(root=root), warn=lambda m: None, now=now).briefing
    strike = next(st.id for st in first.stories if "b1" in st.sources)
    assert strike != "story-1" and read_snapshot(root / "docs").stories[strike] == {"b1", "b2"}
    (root / "seeds" / "a1.txt").unlink()
    second = build(load_config(root=root), warn=lambda m: None, now=now).briefing
    assert [(st.id, set(st.sources)) for st in second.stories] == [(strike, {"b1", "b2"})]
