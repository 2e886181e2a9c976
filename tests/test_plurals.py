"""One rule for English singulars, shared by the name links and the stories' key terms."""

from __future__ import annotations

import pytest

from generator.knowledge.plurals import singular


@pytest.mark.parametrize(("plural", "expected"), [
    ("elections", "election"),
    ("cities", "city"),
    ("companies", "company"),
    ("ties", "tie"),  # "-ies" after one letter: only the "s" goes
])
def test_a_regular_plural_becomes_its_singular(plural, expected):
    assert singular(plural) == expected


@pytest.mark.parametrize("word", ["news", "times", "series", "arms", "securities", "press", "campus",
                                  "crisis", "bus", "gas", "its", "election", "city"])
def test_words_that_are_no_regular_plural_stay_as_they_are(word):
    assert singular(word) == word
