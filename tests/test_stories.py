"""Stories: articles grouped by the events they report."""

from __future__ import annotations

import pytest

from generator.events.stories import cluster_articles, similarity, story_ids


@pytest.mark.parametrize(("a", "b", "expected"), [
    ({"x", "y"}, {"x", "y"}, 1.0),
    ({"x"}, {"y"}, 0.0),
    ({"x", "y"}, {"y", "z"}, 1 / 3),
    (set(), set(), 0.0),
])
def test_similarity(a, b, expected):
    assert similarity(a, b) == pytest.approx(expected)


def test_cluster_articles_groups_by_shared_events():
    items = {
        "a": {"event:visit", "event:threat", "deadline:x"},
        "b": {"event:visit", "event:threat"},
        "c": {"event:threat", "deadline:x", "event:meeting"},
        "d": {"event:other", "event:paris"},
        "e": set(),
    }
    assert cluster_articles(list(items), items) == [("a", "b", "c"), ("d",), ("e",)]


def test_one_shared_background_event_does_not_chain_stories():
    items = {
        "a": {"e1", "e2", "e3"},
        "b": {"e1", "e2", "e3"},
        "c": {"e3", "f1", "f2", "f3", "f4"},
    }
    assert cluster_articles(list(items), items) == [("a", "b"), ("c",)]


def test_story_ids_in_order():
    assert story_ids([("a", "b"), ("c",)]) == {"story-1": ("a", "b"), "story-2": ("c",)}


def test_seed_stories(seed_briefing):
    stories = {tuple(s[:3] for s in story.sources) for story in seed_briefing.stories}
    assert ("000", "001", "003", "004") in stories
    assert ("002",) in stories
    story_of = {e.id: e.story for e in seed_briefing.events}
    for story in seed_briefing.stories:
        assert all(story_of[e] == story.id for e in story.events)
