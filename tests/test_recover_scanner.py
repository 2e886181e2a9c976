"""Mention recovery's one-pass automaton finds exactly what the regex alternation it replaced found."""

from __future__ import annotations

import random
import re

import pytest

from generator.resolve.form_scanner import FormScanner


def regex_matches(forms: list[str], text: str) -> list[tuple[int, int]]:
    """The previous implementation: one alternation, longest forms first, whole words."""
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    pattern = re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")
    return [m.span() for m in pattern.finditer(text)]


CASES = [
    (["Holt"], "Mira Holt met Holt's rivals. The Holt-Varga pact. Holtz. holt. _Holt Holt_ Holt2 2Holt"),
    (["New York", "New York Times", "York Times"], "The New York Times said New York Timesheets; York Times."),
    (["Bank of", "of England", "Bank of England"], "Bank of England, Bank of Englandish, Bank of Scotland"),
    (["U.S.", "U.S", "AT&T"], "The U.S. and AT&T; U.S.A. and U.S, then AT&Tx."),
    (["Grünewald", "São Paulo", "Paulo"], "Herr Grünewald in São Paulo; Grünewaldé; Paulo; SãoPaulo"),
    (["Anna Holt", "Holt", "Anna"], "Anna Holt and Anna Holtz and Anna; Holt Anna Holt"),
    (["CHARGERS", "Chargers"], "CHARGERS WIN: Chargers beat the chargers"),
    (["Keller", "Kellers"], "Keller Kellers Kellerman KELLER"),
    (["(AP)", "AP"], "WASHINGTON (AP) -- AP reports (AP)x"),
    (["Holt"], ""),
]


@pytest.mark.parametrize("forms, text", CASES)
def test_hand_written_cases_match_the_regex(forms, text):
    assert list(FormScanner(forms).finditer(text)) == regex_matches(forms, text)


def test_whole_words_and_case_are_kept():
    text = "Holtz holt Holt-Varga Holt's"
    found = [text[s:e] for s, e in FormScanner(["Holt"]).finditer(text)]
    assert found == ["Holt", "Holt"]


def test_the_longest_form_wins_and_matches_do_not_overlap():
    text = "the New York Times reported"
    assert [text[s:e] for s, e in FormScanner(["New York", "York Times", "New York Times"]).finditer(text)] \
        == ["New York Times"]


def test_no_forms_find_nothing():
    assert list(FormScanner([]).finditer("Anything at all")) == []


def test_random_texts_match_the_regex():
    rng = random.Random(13)
    alphabet = ["A", "b", "B", " ", "-", ".", "_", "é", "1"]
    for _ in range(400):
        forms = sorted({"".join(rng.choice(alphabet) for _ in range(rng.randint(1, 4))) for _ in range(5)})
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40)))
        assert list(FormScanner(forms).finditer(text)) == regex_matches(forms, text), (forms, text)
