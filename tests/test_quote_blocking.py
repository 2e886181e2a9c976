"""The blocked quote merge makes the groups that comparing each quote with every group made."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from generator.model import Citation, QuoteCandidate
from generator.quotes.blocking import KeyIndex
from generator.quotes.merge import _compatible, _same_key, group_reports, quote_key


def candidate(text: str) -> QuoteCandidate:
    return QuoteCandidate(Citation("a", 0, len(text), text, 0), (0, 1), "X", "said")


def all_pairs_groups(reports):
    """The previous merge: the first group with any compatible report of the same quotation."""
    groups = []
    for cand, speaker in reports:
        key = quote_key(cand.citation.text)
        for group in groups:
            if any(_compatible(cand, speaker, other, who)
                   and _same_key(key, quote_key(other.citation.text)) for other, who in group):
                group.append((cand, speaker))
                break
        else:
            groups.append([(cand, speaker)])
    return groups


def texts_of(groups):
    return [[c.citation.text for c, _ in group] for group in groups]


HAND_WRITTEN = [
    ("We will not back down from this fight.", "p1"),
    ("“We will not back down from this fight,”", None),
    ("We will not back down from this fght.", "p2"),  # near-equal, other speaker: no merge with p1
    ("We will not back down", "p1"),  # contained, four words
    ("not back down", "p1"),  # contained, too short to merge by containment
    ("not back down", "p2"),
    ("The talks have failed and we are leaving the table now.", None),
    ("Today the talks have failed and we are leaving the table now, she said.", "p3"),
    ("The talks have failed and we are leaving the table now.", "p4"),
    ("ok", None),
    ("OK!", None),
    ("", None),
    ("...", "p1"),
    ("Regime change", "p5"),
    ("regime change", "p5"),
    ("regime change", "p6"),
]


def test_hand_written_reports_group_as_with_all_pairs():
    reports = [(candidate(text), who) for text, who in HAND_WRITTEN]
    assert texts_of(group_reports(reports)) == texts_of(all_pairs_groups(reports))


def test_near_equal_and_contained_quotes_merge_unless_speakers_differ():
    reports = [(candidate(text), who) for text, who in HAND_WRITTEN[:4]]
    unnamed_first = [reports[0], reports[2], reports[1], reports[3]]
    assert texts_of(group_reports(reports[:1] + reports[2:])) == [
        [HAND_WRITTEN[0][0], HAND_WRITTEN[3][0]], [HAND_WRITTEN[2][0]]]
    assert texts_of(group_reports(unnamed_first)) == [
        [HAND_WRITTEN[0][0], HAND_WRITTEN[1][0], HAND_WRITTEN[3][0]], [HAND_WRITTEN[2][0]]]


def mutated(rng: random.Random, text: str) -> str:
    """``text`` with a few character edits, a cut, or an added lead."""
    choice = rng.random()
    if choice < 0.4:
        chars = list(text)
        for _ in range(rng.randint(1, max(1, len(chars) // 12))):
            position = rng.randrange(len(chars) + 1)
            if rng.random() < 0.5 and position < len(chars):
                del chars[position]
            else:
                chars.insert(position, rng.choice("abcdefgh ,"))
        return "".join(chars)
    words = text.split()
    if choice < 0.7:
        start = rng.randrange(len(words))
        return " ".join(words[start: start + rng.randint(1, 8)])
    return "Officials said " + text


@pytest.mark.parametrize("seed", range(6))
def test_random_reports_group_as_with_all_pairs(seed):
    rng = random.Random(seed)
    vocabulary = "we will not back down the talks have failed and are leaving table now a an it".split()
    bases = [" ".join(rng.choice(vocabulary) for _ in range(rng.randint(1, 14))) for _ in range(25)]
    reports = []
    for _ in range(160):
        text = rng.choice(bases)
        if rng.random() < 0.6:
            text = mutated(rng, text)
        reports.append((candidate(text), rng.choice([None, "p1", "p2"])))
    assert texts_of(group_reports(reports)) == texts_of(all_pairs_groups(reports))


def test_candidates_include_every_near_equal_key():
    rng = random.Random(1)
    keys = [quote_key(" ".join(rng.choice("ab abc bcd cd d".split()) for _ in range(rng.randint(1, 20))))
            for _ in range(300)]
    keys += [quote_key(mutated(rng, key)) for key in keys if key]
    index = KeyIndex(keys)
    for number, key in enumerate(keys):
        found = index.candidates(key)
        wanted = {other for other in range(number) if key and keys[other]
                  and fuzz.ratio(key, keys[other]) >= 90}
        assert wanted <= found, key
        index.add(number, key)
