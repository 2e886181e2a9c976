"""The story pair memo: a rebuild recalls the date factors and occasions of pairs of unchanged
articles and gets the stories a build without it gets; anything stale, foreign or damaged is
ignored."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

import pytest

from generator.events.pair_memo import MEMO_FILE, PairMemo, read_memo, write_memo
from generator.events.stories import candidate_pairs, cluster_articles
from generator.events.story_profiles import Profile
from generator.events.story_pairs import PairScorer, blocked_pairs
from generator.storage import atomic
from generator.storage.checked_pickle import dumps_checked

DAY = dt.date(2026, 3, 2)


def random_profile(rng: random.Random) -> Profile:
    keys = rng.sample([f"term:{k}" for k in range(30)], rng.randrange(1, 12))
    weights = {k: rng.random() for k in keys}
    norm = sum(w * w for w in weights.values()) ** 0.5
    days = frozenset(DAY + dt.timedelta(days=rng.randrange(400)) for _ in range(rng.randrange(3)))
    values = ["2026-01-05", "2026-02-09", "2026-02-10", "XXXX-WXX-1", "XXXX-WXX-3"]
    timed = frozenset(("visit", rng.choice(["p1", "p2"]), rng.choice(values))
                      for _ in range(rng.randrange(3)))
    deadlines = frozenset(rng.sample(["d1", "d2", "d3"], rng.randrange(2)))
    years = frozenset(rng.sample(range(2020, 2027), rng.randrange(3)))
    return Profile({k: w / norm for k, w in weights.items()}, days, timed, deadlines, years)


@pytest.fixture
def worked_out(monkeypatch):
    """The pairs whose facts are worked out rather than recalled, per call."""
    calls: list[int] = []
    original = PairScorer.pair_facts

    def counting(self, pairs, timed):
        calls.append(len(pairs))
        return original(self, pairs, timed)

    monkeypatch.setattr(PairScorer, "pair_facts", counting)
    return calls


def rebuilt(before: list[Profile], after: list[Profile], tmp_path) -> tuple:
    """``candidate_pairs`` of ``after`` with the memo a build of ``before`` kept on disk."""
    memo = PairMemo()
    candidate_pairs(before, memo)
    write_memo(tmp_path, "code", memo)
    return candidate_pairs(after, read_memo(tmp_path, "code"))


@pytest.mark.parametrize("seed", range(4))
def test_a_rebuild_with_the_memo_scores_as_a_build_without_it(seed, tmp_path, worked_out):
    rng = random.Random(seed)
    before = [random_profile(rng) for _ in range(80)]
    after = before[:30] + [random_profile(rng)] + before[31:60] + before[61:] + [random_profile(rng)]
    cold = candidate_pairs(after)
    assert rebuilt(before, after, tmp_path) == cold  # scores equal to the bit, same pairs apart
    assert cold[1] and len(cold[0]) > 100
    assert worked_out[-1] < len(cold[0]) / 3  # most pairs recalled, the new articles' worked out


def test_an_edited_article_has_its_pairs_worked_out_again(tmp_path, worked_out):
    same_day = frozenset({("visit", "p1", "2026-03-02")})
    a = Profile({"term:talks": 1.0}, frozenset({DAY}), same_day, years=frozenset({2026}))
    b = replace(a, timed=same_day)
    other = Profile({"term:flood": 1.0}, frozenset({DAY}), years=frozenset({2026}))
    assert cluster_articles(["a", "b", "c"], {"a": a, "b": b, "c": other}) == [("a", "b"), ("c",)]
    memo = PairMemo()
    cluster_articles(["a", "b", "c"], {"a": a, "b": b, "c": other}, memo)
    write_memo(tmp_path, "code", memo)
    # b is edited: the same party's visit, another day; the two are two occasions now
    edited = replace(b, timed=frozenset({("visit", "p1", "2026-03-09")}))
    now = {"a": a, "b": edited, "c": other}
    groups = cluster_articles(["a", "b", "c"], now, read_memo(tmp_path, "code"))
    assert groups == [("a",), ("b",), ("c",)] == cluster_articles(["a", "b", "c"], now)
    assert worked_out[-1] == 1  # a-b again; a-c and b-c were never blocked together


def test_a_memo_of_other_code_is_ignored(tmp_path):
    rng = random.Random(7)
    profiles = [random_profile(rng) for _ in range(40)]
    memo = PairMemo()
    candidate_pairs(profiles, memo)
    write_memo(tmp_path, "code-a", memo)
    assert read_memo(tmp_path, "code-a").kept is not None
    assert read_memo(tmp_path, "code-b").kept is None


@pytest.mark.parametrize("damage", ["truncated", "flipped", "empty", "header only", "not a memo"])
def test_a_damaged_memo_is_ignored_and_written_anew(damage, tmp_path):
    rng = random.Random(3)
    profiles = [random_profile(rng) for _ in range(40)]
    memo = PairMemo()
    cold = candidate_pairs(profiles, memo)
    write_memo(tmp_path, "code", memo)
    path = tmp_path / MEMO_FILE
    whole = path.read_bytes()
    path.write_bytes({"truncated": whole[: len(whole) // 2], "flipped": whole[:-9] + b"012345678",
                      "empty": b"", "header only": b"code\n",
                      "not a memo": b"code\n" + dumps_checked({"pairs": [1, 2]})}[damage])
    damaged = read_memo(tmp_path, "code")
    assert damaged.kept is None
    assert candidate_pairs(profiles, damaged) == cold
    write_memo(tmp_path, "code", damaged)
    assert read_memo(tmp_path, "code").kept is not None


def test_a_write_that_fails_half_way_keeps_the_previous_memo(tmp_path, monkeypatch):
    rng = random.Random(5)
    profiles = [random_profile(rng) for _ in range(40)]
    memo = PairMemo()
    candidate_pairs(profiles, memo)
    write_memo(tmp_path, "code", memo)
    before = (tmp_path / MEMO_FILE).read_bytes()

    def full_disk(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_replace", full_disk)
    other = PairMemo()
    candidate_pairs(profiles[:20], other)
    write_memo(tmp_path, "code", other)  # no exception: the next build only works more
    assert (tmp_path / MEMO_FILE).read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == [MEMO_FILE]


def plain_blocking(vectors: list[dict[str, float]], limit: int, keys_each: int) -> dict[tuple[int, int], int]:
    """Pair -> the article whose blocking found it first, one pair at a time."""
    holders: dict[str, list[int]] = {}
    for n, vector in enumerate(vectors):
        for key in vector:
            holders.setdefault(key, []).append(n)
    found: dict[tuple[int, int], int] = {}
    for n, vector in enumerate(vectors):
        rare = [k for k in vector if len(holders[k]) <= limit]
        for key in sorted(rare, key=vector.__getitem__, reverse=True)[:keys_each]:
            for m in holders[key]:
                if m != n:
                    found.setdefault((min(n, m), max(n, m)), n)
    return found


@pytest.mark.parametrize(("seed", "limit", "keys_each"), [(0, 60, 12), (1, 15, 3), (2, 20, 1), (3, 60, 12)])
def test_blocked_pairs_are_found_in_order_by_their_first_finder(seed, limit, keys_each):
    rng = random.Random(seed)
    vectors = [random_profile(rng).vector for _ in range(70)] + [{}]
    pairs, finders = blocked_pairs(vectors, limit, keys_each)
    assert pairs and dict(zip(pairs, finders, strict=True)) == plain_blocking(vectors, limit, keys_each)
    assert list(zip(pairs, finders, strict=True)) == list(plain_blocking(vectors, limit, keys_each).items())
    assert blocked_pairs([{}, {}], limit, keys_each) == ([], [])
