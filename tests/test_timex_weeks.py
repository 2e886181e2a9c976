""""the week" standing alone: a week the text speaks of without naming it.

TimeML writes its value with the week number left open in the anchor's year ("1989-WXX"): so
TimeBank does every time ("For the week, the index dropped", "the week's most active session"),
and leaves no bare "the week" untagged. "the week before the vote" and "the week ended Friday"
count from another date, "the day of the week" names no week, and "Person of the Week" is a
title. No spaCy model, no network.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

OCT = dt.date(2025, 10, 31)


@pytest.mark.parametrize("sentence", [
    "The index fell 1.2% on Friday. For the week, it dropped 3.8%.",
    "Thursday was the week's busiest session.",
    "Outflows doubled the level of the week following the squeeze.",
])
def test_the_week_alone_is_a_week_of_the_anchor_year(sentence: str) -> None:
    assert_tagged(sentence, OCT, "the week", "DATE", "2025-WXX")


def test_the_week_without_anchor_stays_open() -> None:
    assert_tagged("For the week, the index dropped 3.8%.", None, "the week", "DATE", "XXXX-WXX")


@pytest.mark.parametrize("sentence", [
    "Sales rose in the week before the vote.",
    "Sales rose in the week ended Oct. 24.",
    "Shops open any day of the week.",
    "She was named Person of the Week on the evening news.",
    "He was voted Player of the week twice.",
])
def test_the_week_counted_from_another_date_or_generic_is_not_tagged(sentence: str) -> None:
    assert [e.text for e in tag(sentence, OCT) if "week" in e.text.lower()] == []


def test_the_week_of_a_date_keeps_its_number() -> None:
    assert_tagged("A hearing is set for the week of March 6.", OCT, "the week of March 6", "DATE", "2026-W10")
