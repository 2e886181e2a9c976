"""The quote keys' matches kept between builds: a rebuild after quotes are added, edited or
removed groups its reports as a build without the memo (and as comparing all pairs)."""

from __future__ import annotations

import random

import pytest

from generator.quotes import blocking
from generator.quotes.match_memo import QuoteMatchMemo, read_memo, write_memo
from generator.quotes.merge import _same_key, group_reports
from tests.test_quote_blocking import HAND_WRITTEN, all_pairs_groups, candidate, mutated, texts_of


def random_reports(rng: random.Random, count: int) -> list:
    vocabulary = "we will not back down the talks have failed and are leaving table now a an it".split()
    bases = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 14))) for _ in range(20)]
    reports = []
    for _ in range(count):
        text = rng.choice(bases)
        reports.append((candidate(mutated(rng, text) if rng.random() < 0.6 else text),
                        rng.choice([None, "p1", "p2"])))
    return reports


def changed(rng: random.Random, reports: list) -> list:
    """A few reports removed, edited and added."""
    kept = [r for r in reports if rng.random() > 0.1]
    edited = [(candidate(mutated(rng, c.citation.text)), who) if rng.random() < 0.1 else (c, who)
              for c, who in kept]
    return edited + random_reports(rng, rng.randint(1, 12))


def rebuilt(before: list, after: list, tmp_path) -> list:
    """``group_reports`` of ``after`` with the memo a build of ``before`` kept on disk."""
    memo = QuoteMatchMemo()
    group_reports(before, memo)
    write_memo(tmp_path, "code", memo)
    return group_reports(after, read_memo(tmp_path, "code"))


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("one_by_one", [True, False])
def test_a_rebuild_groups_as_a_build_without_the_memo(seed, one_by_one, monkeypatch, tmp_path):
    if not one_by_one:  # every new key looked up in the index
        monkeypatch.setattr(blocking, "BRUTE_FORCE_PAIRS", 0)
    rng = random.Random(seed)
    before = random_reports(rng, 120)
    after = changed(rng, before)
    assert texts_of(rebuilt(before, after, tmp_path)) == texts_of(group_reports(after))
    assert texts_of(group_reports(after)) == texts_of(all_pairs_groups(after))


def test_an_edited_quote_no_longer_joins_what_it_matched(tmp_path):
    before = [(candidate(text), who) for text, who in HAND_WRITTEN[:4]]
    assert len(group_reports(before)) == 1  # near-equal or contained, speakers compatible
    after = [before[0], (candidate("Harbour cranes stood still all night long."), None), *before[2:]]
    grouped = texts_of(rebuilt(before, after, tmp_path))
    assert grouped == texts_of(all_pairs_groups(after))
    assert ["Harbour cranes stood still all night long."] in grouped


def test_the_matches_of_kept_keys_are_recalled_and_only_new_keys_compared():
    compared: list[tuple[str, str]] = []

    def same(a: str, b: str) -> bool:
        compared.append((a, b))
        return _same_key(a, b)

    kept = blocking.same_quotation_keys(["we will not back down", "we will not back down now"], same, {})
    compared.clear()
    found = blocking.same_quotation_keys(["we will not back down now", "the talks failed"], same, kept)
    assert found == {"we will not back down now": ("we will not back down now",),
                     "the talks failed": ("the talks failed",)}
    assert {a for a, _ in compared} == {"the talks failed"}


def test_a_memo_of_other_code_is_ignored(tmp_path):
    memo = QuoteMatchMemo()
    group_reports([(candidate("We will not back down."), None)], memo)
    write_memo(tmp_path, "code", memo)
    assert read_memo(tmp_path, "code").kept == memo.fresh != {}
    assert read_memo(tmp_path, "other code").kept == {}
