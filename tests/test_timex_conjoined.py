"""Coordinated and range expressions of the temporal tagger, each pinned with a hand-written
sentence: weekdays sharing a part of the day, combined lengths, ranges of lengths, open ends
("or so", "or later"), articles and modifiers before lengths. No spaCy model, no network.

Anchor: THU 2025-08-07.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

THU = dt.date(2025, 8, 7)

CASES = [
    # sentence, expected text, type, value
    # -- a bare weekday takes the part of the day (and SET) of the last member of its list --
    ("Two flights leave on Monday and Tuesday nights.", "Monday", "SET", "XXXX-WXX-1TNI"),
    ("Two flights leave on Monday and Tuesday nights.", "Tuesday nights", "SET", "XXXX-WXX-2TNI"),
    ("The rebels attacked Monday, Tuesday and Wednesday night.", "Monday", "TIME", "2025-08-04TNI"),
    ("The rebels attacked Monday, Tuesday and Wednesday night.", "Tuesday", "TIME", "2025-08-05TNI"),
    ("Talks were held Monday and Tuesday.", "Monday", "DATE", "2025-08-04"),
    # -- listed ordinals share the unit (and the year) written after the last one --
    ("Business is usually brisk in the second and fourth quarters.", "the second", "SET", "XXXX-Q2"),
    ("Business is usually brisk in the second and fourth quarters.", "fourth quarters", "SET",
     "XXXX-Q4"),
    ("Profit fell in the first and second halves of 2024.", "the first", "DATE", "2024-H1"),
    ("Sales rose in the third and fourth quarters.", "the third", "DATE", "2024-Q3"),
    # -- "two years and three months": one length --
    ("He served two years and three months in prison.", "two years and three months", "DURATION",
     "P2Y3M"),
    ("The flight took two hours and 30 minutes.", "two hours and 30 minutes", "DURATION", "PT2H30M"),
    ("The strike lasted one week and two days.", "one week and two days", "DURATION", "P9D"),
    ("The siege lasted three days and four hours.", "three days and four hours", "DURATION", "P3DT4H"),
    ("She left two years and three months ago.", "two years and three months ago", "DATE", "2023-05"),
    # -- a range of lengths: one vague length; a point when it is "in" or "ago" --
    ("Shipments resume within two to three weeks.", "two to three weeks", "DURATION", "PXW"),
    ("He was jailed for three to five years.", "three to five years", "DURATION", "PXY"),
    ("Repairs take between two and three weeks.", "two and three weeks", "DURATION", "PXW"),
    ("Acquisitions are due during the next 12 to 18 months.", "the next 12 to 18 months", "DURATION",
     "PXM"),
    ("The appeal could take a month or two.", "a month or two", "DURATION", "PXM"),
    ("You may, in a year or two, save more lives.", "a year or two", "DATE", "FUTURE_REF"),
    ("The debt may be paid in two weeks.", "two weeks", "DATE", "2025-W34"),
    ("The wells were dry for weeks or months.", "weeks or months", "DURATION", "PXW"),
    # -- open ends belong to the expression, the value is unchanged --
    ("The plant will be closed over the next year or so.", "the next year or so", "DATE", "2026"),
    ("It will not be profitable until 1994 or later.", "1994 or later", "DATE", "1994"),
    ("The company is confident about earnings for 2026 and beyond.", "2026 and beyond", "DATE", "2026"),
    # -- "the" before a plural length belongs to it, not before a length used as a modifier --
    ("For the nine months, net income rose 4%.", "the nine months", "DURATION", "P9M"),
    ("The eight-year war ended in 1988.", "eight-year", "DURATION", "P8Y"),
    # -- a TimeML mod ("more than") belongs to the length, a focus word ("only") does not --
    ("The talks lasted more than four hours.", "more than four hours", "DURATION", "PT4H"),
    ("The talks lasted only five hours.", "five hours", "DURATION", "PT5H"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), CASES)
def test_tag(sentence: str, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, THU, text, kind, value)


def test_ordinals_listed_without_a_time_unit_are_no_time() -> None:
    assert tag("He won the second and third rounds.", THU) == []


@pytest.mark.parametrize("sentence", [
    "Prices rose ten years and 20 years after the war.",  # two lengths, not one
    "He spent two years and then three months abroad.",  # not joined by "and" alone
])
def test_lengths_that_are_not_one_length_stay_apart(sentence: str) -> None:
    assert all(" and " not in e.text for e in tag(sentence, THU))


def test_a_later_clause_is_no_open_end() -> None:
    found = [e.text for e in tag("He served two years and later became mayor.", THU)]
    assert found == ["two years"]


def test_a_year_named_by_a_relative_word_keeps_its_year() -> None:
    found = {e.text: e.value for e in tag("Profit rose in last year's third quarter and the fourth quarter "
                                          "of 2020.", THU)}
    assert found["last year's third quarter"] == "2024-Q3"


def test_two_lengths_joined_by_or_stay_two() -> None:
    found = {e.text: e.value for e in tag("It should arrive within a week or 10 days.", THU)}
    assert found == {"a week": "P1W", "10 days": "P10D"}


def test_a_weekday_not_listed_with_the_next_keeps_its_own_value() -> None:
    found = {e.text: e for e in tag("The vote is on Monday and the count on Tuesday night.", THU)}
    assert found["Monday"].type == "DATE" and not found["Monday"].value.endswith("TNI")


def test_an_open_end_before_a_comparison_is_left_out() -> None:
    found = [e.text for e in tag("Sales in 2024 or later than that were lower.", THU)]
    assert "2024" in found
