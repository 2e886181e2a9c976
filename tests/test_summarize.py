"""Summaries: near-duplicate sentences from different sources become one statement."""

from __future__ import annotations

import pytest

from generator.model import Citation
from generator.site.summarize import merge_statements, rank


def cite(source, text, sentence=0):
    return Citation(source, 0, len(text), text, sentence)


@pytest.mark.parametrize("a, b, same", [
    ("The minister resigned on Monday after a week of protests.",
     "The minister resigned on Monday after a week of protests in the capital.", True),
    ("Envoy Jane Roe, the special envoy, is set to visit Oslo on Sunday as part of efforts to end the strike.",
     "Envoy Jane Roe, the special envoy, will visit Oslo on Sunday to try for a breakthrough, according to officials.", True),
    ("The minister resigned on Monday after a week of protests.",
     "Prices of bread rose sharply in the north during the winter.", False),
    ("The envoy arrived in Oslo on Wednesday for talks with the union.",
     "The union rejected the offer and called a new strike for Friday.", False),
])
def test_near_duplicates_merge_across_sources(a, b, same):
    statements = merge_statements([cite("s1", a), cite("s2", b)])
    assert (len(statements) == 1) == same
    if same:
        assert statements[0].sources == ("s1", "s2")


def test_same_source_repeats_do_not_count_twice():
    text = "The minister resigned on Monday after a week of protests."
    (statement,) = merge_statements([cite("s1", text, 0), cite("s1", text, 5)])
    assert statement.sources == ("s1",)


def test_statements_supported_by_more_sources_rank_first():
    lone = cite("s1", "A bridge collapsed in the east of the country overnight.", 0)
    shared = [cite("s1", "Talks resumed in Oslo on Friday.", 3), cite("s2", "Talks resumed in Oslo on Friday.", 1)]
    ranked = rank(merge_statements([lone, *shared]))
    assert ranked[0].sources == ("s1", "s2")


def _reference_merge(citations: list[Citation]) -> list[tuple[Citation, ...]]:
    """``merge_statements`` as first written: each sentence against every group in turn."""
    from rapidfuzz import fuzz

    from generator.site.summarize import REWRITE_RATIO, REWRITE_TOKEN_SET, SAME_STATEMENT_SCORE

    def same(a: str, b: str) -> bool:
        ratio = fuzz.ratio(a, b, score_cutoff=REWRITE_RATIO)
        return ratio >= SAME_STATEMENT_SCORE or (ratio >= REWRITE_RATIO and fuzz.token_set_ratio(
            a, b, score_cutoff=REWRITE_TOKEN_SET) >= REWRITE_TOKEN_SET)

    groups: list[list[Citation]] = []
    for citation in citations:
        for group in groups:
            if same(group[0].text, citation.text):
                if all(c.source != citation.source for c in group):
                    group.append(citation)
                break
        else:
            groups.append([citation])
    return [tuple(group) for group in groups]


def test_merging_statements_at_once_groups_as_comparing_each_group_in_turn():
    import random

    rng = random.Random(3)
    words = "the minister said talks would resume on Monday in Geneva after a pause of two weeks".split()
    for _ in range(200):
        citations = []
        for n in range(rng.randint(1, 25)):
            sentence = [w for w in words if rng.random() < 0.8]
            if rng.random() < 0.2:
                rng.shuffle(sentence)
            citations.append(Citation(f"s{rng.randint(1, 6)}", 0, 1, " ".join(sentence), n))
        got = [s.citations for s in merge_statements(citations)]
        assert got == _reference_merge(citations)


def one_at_a_time(citations: list[Citation]) -> list[list[Citation]]:
    """The merge rule applied sentence by sentence, each scored against every group in order:
    the reference the batched ``merge_statements`` must equal."""
    from rapidfuzz import fuzz

    from generator.site.summarize import REWRITE_RATIO, REWRITE_TOKEN_SET, SAME_STATEMENT_SCORE

    groups: list[list[Citation]] = []
    for citation in citations:
        for group in groups:
            ratio = fuzz.ratio(citation.text, group[0].text)
            rewrite = ratio >= REWRITE_RATIO and fuzz.token_set_ratio(group[0].text, citation.text) >= REWRITE_TOKEN_SET
            if ratio >= SAME_STATEMENT_SCORE or rewrite:
                if citation.source not in {c.source for c in group}:
                    group.append(citation)
                break
        else:
            groups.append([citation])
    return groups


@pytest.mark.parametrize("seed", range(12))
def test_batched_merging_groups_as_one_sentence_at_a_time(seed):
    import random

    rng = random.Random(seed)
    words = "talks resumed in oslo on friday the envoy said union strike minister offer rejected".split()
    stems = [" ".join(rng.choice(words) for _ in range(rng.randint(4, 9))) for _ in range(rng.randint(2, 40))]
    early = rng.randint(1, len(stems))  # the first sentences from a few stems, the others later
    citations = []
    for n in range(rng.randint(1, 300)):  # across batches, with many new groups in a later one
        text = rng.choice(stems[:early] if n < 100 else stems)
        if rng.random() < 0.5:
            text += " " + rng.choice(words)
        citations.append(cite(f"s{rng.randint(0, 30)}", text, n))
    assert [list(s.citations) for s in merge_statements(citations)] == one_at_a_time(citations)
