"""Story grouping beside the deadline merge: the forked process counts the articles' other
features while the deadlines are merged here, receives the deadlines' sources, and groups
the stories a build in one process groups; a failed deadline merge fails the build instead
of leaving the forked process waiting."""

from __future__ import annotations

import datetime as dt

import pytest

from generator import executor, pipeline
from generator.events import stories, story_profiles
from generator.events.cluster_memo import ClusterMemo
from generator.model import ArticleAnalysis, Briefing, Citation, Deadline, DeadlineReport, Source

TEXTS = {"s1": "Farmers blocked the northern highway with tractors at dawn.",
         "s2": "Harbour cranes stood still as dockers walked out over pensions.",
         "s3": "Glaciers retreated faster this summer than surveyors expected."}


def briefing() -> Briefing:
    sources = [Source(sid, f"{sid}.txt", "ok", text=text) for sid, text in TEXTS.items()]
    analyses = {s.id: ArticleAnalysis(s.id, s.id, (), ()) for s in sources}
    return Briefing("t", sources, analyses, entities=[])


def shared_deadline(_: Briefing) -> list[Deadline]:
    """One deadline reported by s1 and s2: the only feature the two articles share."""
    reports = tuple(DeadlineReport(Citation(sid, 0, 10, TEXTS[sid][:10], 0), None) for sid in ("s1", "s2"))
    return [Deadline("deadline-1", "A deadline", None, (), "end the strike", (), None, "", reports)]


@pytest.mark.parametrize("cores", [1, 2])
def test_the_stories_grouped_beside_weigh_the_deadlines_merged_here(cores, monkeypatch, tmp_path):
    monkeypatch.setattr(executor, "usable_cores", lambda: cores)
    monkeypatch.setattr(pipeline, "merge_deadlines", shared_deadline)
    alone = briefing()
    alone.deadlines = shared_deadline(alone)
    expected = stories.numbered_stories(alone)
    assert sorted(expected.values()) == [("s1", "s2"), ("s3",)]  # joined by the deadline alone
    found, _, _ = pipeline.stories_beside_quotes(briefing(), tmp_path, dt.date(2026, 1, 1), ClusterMemo())
    assert found == expected


def test_the_profiles_wait_for_the_deadlines_until_every_other_feature_is_counted(monkeypatch):
    counted: list[str] = []
    original = story_profiles.article_features

    def counting(*args, **kwargs):
        counted.append("features")
        return original(*args, **kwargs)

    monkeypatch.setattr(story_profiles, "article_features", counting)

    def deadlines() -> dict[str, list[str]]:
        counted.append("deadlines")
        return {"s1": ["deadline-1"], "s2": ["deadline-1"]}

    found = story_profiles.profiles(briefing(), deadlines=deadlines)
    assert counted == ["features", "deadlines"]
    assert found["s1"].deadlines == frozenset({"deadline-1"}) and "deadline:deadline-1" in found["s2"].vector
    assert not found["s3"].deadlines


def _fails(_: Briefing) -> list[Deadline]:
    raise ValueError("the deadline merge's own error")


def test_a_failed_deadline_merge_is_raised_and_the_forked_process_does_not_wait(monkeypatch, tmp_path):
    monkeypatch.setattr(executor, "usable_cores", lambda: 2)
    monkeypatch.setattr(pipeline, "merge_deadlines", _fails)
    with pytest.raises(ValueError, match="the deadline merge's own error"):
        pipeline.stories_beside_quotes(briefing(), tmp_path, dt.date(2026, 1, 1), ClusterMemo())
