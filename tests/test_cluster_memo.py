"""The event cluster memo: each story is clustered on its own as the whole corpus would be,
a rebuild recalls the clusters of stories whose reports are unchanged and works out the
others, and a damaged, foreign or unsound memo is ignored."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from generator.events import merge as event_merge
from generator.events.cluster_memo import MEMO_FILE, ClusterMemo, read_memo, story_key, write_memo
from generator.events.joins import join_same_sentence, join_story_events
from generator.events.reports import Report
from generator.model import Citation, EventCandidate, TimeExpression

KINDS = ["visit", "meeting", "arrest", "attack", "announcement"]
PEOPLE = [f"person-{n}" for n in range(6)]
PLACES = [None, "place-a", "place-b"]
DAYS = [None, "2026-03-02", "2026-03-03", "2026-03-20"]


def random_reports(rng: random.Random, stories: int = 6, count: int = 120) -> tuple[list[Report], dict]:
    """``count`` reports in corpus order over ``stories`` stories of four articles each, and
    source id -> story id."""
    story_of = {f"s{n}": f"story-{n // 4}" for n in range(4 * stories)}
    sources = sorted(story_of)
    reports = []
    for order in range(count):
        source = rng.choice(sources)
        sentence = rng.randrange(4)
        day = rng.choice(DAYS)
        time = TimeExpression(text=day, value=day, type="DATE", start=0, end=len(day)) if day else None
        candidate = EventCandidate(kind=rng.choice(KINDS), trigger="did", time=time,
                                   citation=Citation(source, sentence, sentence + 1, "x", sentence),
                                   described=tuple(rng.sample(["gunman", "police"], rng.randrange(2))),
                                   aspect=rng.choice(["", "", "earlier"]))
        people = frozenset(rng.sample(PEOPLE, rng.randrange(3)))
        reports.append(Report(candidate, people, rng.choice(PLACES), order,
                              published=dt.date(2026, 3, 1 + rng.randrange(3)),
                              described=frozenset(candidate.described)))
    reports.sort(key=lambda r: (r.source, r.order))
    return [replace(r, order=n) for n, r in enumerate(reports)], story_of


def whole_corpus(reports: list[Report], story_of: dict) -> list[list[Report]]:
    """The clusters of every report at once, as the merge made them before stories were split."""
    story = lambda r: story_of.get(r.source, "")  # noqa: E731
    return join_same_sentence(join_story_events(event_merge.cluster(reports, story), story))


def counted(memo: ClusterMemo, monkeypatch) -> list[int]:
    """The number of reports of each story clustered anew rather than recalled."""
    calls: list[int] = []
    original = event_merge._one_story

    def counting(reports, story_id):
        calls.append(len(reports))
        return original(reports, story_id)

    monkeypatch.setattr(event_merge, "_one_story", counting)
    return calls


@pytest.mark.parametrize("seed", range(5))
def test_each_story_clustered_alone_gives_the_clusters_of_the_whole_corpus(seed):
    reports, story_of = random_reports(random.Random(seed))
    assert event_merge.story_clusters(reports, story_of, ClusterMemo()) == whole_corpus(reports, story_of)


@pytest.mark.parametrize("seed", range(5))
def test_a_rebuild_recalls_unchanged_stories_and_clusters_a_changed_one(seed, tmp_path, monkeypatch):
    rng = random.Random(seed)
    reports, story_of = random_reports(rng)
    first = ClusterMemo()
    event_merge.story_clusters(reports, story_of, first)
    write_memo(tmp_path, "code", first)
    changed = next(r for r in reports if story_of[r.source] == "story-2")
    edited = [replace(r, participants=frozenset({"someone-new"})) if r is changed else r for r in reports]
    calls = counted(first, monkeypatch)
    again = event_merge.story_clusters(edited, story_of, read_memo(tmp_path, "code"))
    assert again == whole_corpus(edited, story_of)
    assert calls == [sum(story_of[r.source] == "story-2" for r in edited)]


def test_an_added_report_and_a_renumbered_story_are_handled(tmp_path, monkeypatch):
    reports, story_of = random_reports(random.Random(7))
    memo = ClusterMemo()
    event_merge.story_clusters(reports, story_of, memo)
    renamed = {source: story.replace("story-1", "story-10") for source, story in story_of.items()}
    extra = replace(reports[-1], candidate=replace(reports[-1].candidate, kind="visit"), order=len(reports))
    calls = counted(memo, monkeypatch)
    again = event_merge.story_clusters([*reports, extra], renamed, ClusterMemo(memo.fresh))
    assert again == whole_corpus([*reports, extra], renamed)
    assert calls == [sum(renamed[r.source] == renamed[extra.source] for r in [*reports, extra])]


def test_the_key_reads_what_clustering_reads():
    reports, _ = random_reports(random.Random(3), count=10)
    key = story_key(reports)
    assert story_key(list(reports)) == key
    first = reports[0]
    for changed in (replace(first, participants=first.participants | {"other"}),
                    replace(first, place="place-z"), replace(first, published=dt.date(2020, 1, 1)),
                    replace(first, candidate=replace(first.candidate, aspect="other"))):
        assert story_key([changed, *reports[1:]]) != key
    assert story_key(reports[1:]) != key


def test_an_unsound_entry_is_worked_out_again():
    reports, story_of = random_reports(random.Random(4), stories=1, count=12)
    unsound = ClusterMemo({story_key(reports): ((0, 1),)})
    assert event_merge.story_clusters(reports, story_of, unsound) == whole_corpus(reports, story_of)


def test_a_damaged_or_foreign_memo_is_ignored(tmp_path):
    reports, story_of = random_reports(random.Random(5))
    memo = ClusterMemo()
    event_merge.story_clusters(reports, story_of, memo)
    write_memo(tmp_path, "code", memo)
    assert read_memo(tmp_path, "code").kept == memo.fresh
    assert read_memo(tmp_path, "other code").kept == {}
    data = (tmp_path / MEMO_FILE).read_bytes()
    (tmp_path / MEMO_FILE).write_bytes(data[:-20] + bytes(20))
    assert read_memo(tmp_path, "code").kept == {}
    assert read_memo(None, "code").kept == {}
