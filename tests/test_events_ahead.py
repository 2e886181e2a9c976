"""The events of the previous build's stories worked out while this build's are grouped: a
story that came out the same is taken from that work, any other is worked out, and the events
equal those of a merge without it."""

from __future__ import annotations

import random

import pytest

from generator.events import merge as event_merge
from generator.events.cluster_memo import ClusterMemo
from generator.events.drafts import EntityNames, draft, drafted_events
from generator.model import Briefing, Entity
from tests.test_cluster_memo import PEOPLE, counted, random_reports

ENTITIES = [Entity(person, person.title(), "person", (), ()) for person in PEOPLE]


def briefing() -> Briefing:
    return Briefing("t", [], {}, entities=ENTITIES)


def stories_of(story_of: dict[str, str]) -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for source, story in sorted(story_of.items()):
        found.setdefault(story, []).append(source)
    return {story: tuple(sources) for story, sources in found.items()}


def regrouped(rng: random.Random, story_of: dict[str, str]) -> dict[str, str]:
    """The stories with one source moved to another story and the rest renumbered."""
    moved = dict(story_of)
    source = rng.choice(sorted(moved))
    moved[source] = rng.choice(sorted(set(moved.values())))
    return {source: story.replace("story-", "story-1") for source, story in moved.items()}


@pytest.mark.parametrize("seed", range(6))
def test_the_events_equal_a_merge_without_work_ahead(seed, monkeypatch):
    rng = random.Random(seed)
    reports, guessed = random_reports(rng)
    actual = regrouped(rng, guessed)
    stories = stories_of(actual)
    clusters = event_merge.story_clusters(reports, actual, ClusterMemo())
    plain = drafted_events([(members, draft(members, EntityNames.of(ENTITIES))) for members in clusters], actual)
    assert event_merge.merge(briefing(), stories, reports) == plain
    ahead = event_merge.work_ahead(reports, stories_of(guessed), ClusterMemo(), ENTITIES)
    calls = counted(ClusterMemo(), monkeypatch)
    assert event_merge.merge(briefing(), stories, reports, ClusterMemo(), ahead) == plain
    same = {tuple(sorted(s for s, story in guessed.items() if story == g)) for g in set(guessed.values())}
    changed = [sources for sources in stories.values() if tuple(sorted(sources)) not in same]
    assert len(calls) == len([s for s in changed if any(r.source in s for r in reports)])


def test_every_story_guessed_right_is_taken_from_the_work_ahead_and_kept(monkeypatch):
    reports, story_of = random_reports(random.Random(9))
    stories = stories_of(story_of)
    ahead = event_merge.work_ahead(reports, stories, ClusterMemo(), ENTITIES)
    calls = counted(ClusterMemo(), monkeypatch)
    memo = ClusterMemo()
    found = event_merge.merge(briefing(), stories, reports, memo, ahead)
    assert calls == []
    assert found == event_merge.merge(briefing(), stories, reports)
    assert memo.fresh == {work.key: work.positions for work in ahead.values()}  # the next build's memo


def test_a_report_changed_since_the_work_ahead_is_not_taken_from_it():
    reports, story_of = random_reports(random.Random(11))
    stories = stories_of(story_of)
    ahead = event_merge.work_ahead(reports[:-1], stories, ClusterMemo(), ENTITIES)  # the last one came later
    assert event_merge.merge(briefing(), stories, reports, ClusterMemo(), ahead) == \
        event_merge.merge(briefing(), stories, reports)
