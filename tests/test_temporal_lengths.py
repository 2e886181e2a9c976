"""Lengths of time the temporal tagger once raised on or misread, each pinned with a
hand-written sentence: lengths with a half counted back from the anchor, lengths combined
in units ISO 8601 lacks (decades, centuries, quarters), bare plural lengths before "ago",
"later" or "after", points beyond the calendar, and ages written with spaced hyphens. No
spaCy model, no network.

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
    # -- lengths in units ISO 8601 lacks (decades, centuries, quarters) combine in years or months --
    ("The feud lasted two decades and three years.", "two decades and three years", "DURATION", "P23Y"),
    ("The dynasty ruled a century and a decade.", "a century and a decade", "DURATION", "P110Y"),
    ("Losses ran three quarters and two months.", "three quarters and two months", "DURATION", "P11M"),
    ("The feud began two decades and three years ago.", "two decades and three years ago", "DATE",
     "2002"),
    ("The fund closed three quarters and two months ago.", "three quarters and two months ago", "DATE",
     "2024-09"),
    # -- a length with a half, counted back from the anchor --
    ("The war ended two and a half years ago.", "two and a half years ago", "DATE", "2023"),
    ("The talks broke down a year and a half ago.", "a year and a half ago", "DATE", "2024"),
    ("The ship sank a day and a half ago.", "a day and a half ago", "DATE", "2025-08-05"),
    ("He left half a day ago.", "half a day ago", "DATE", "2025-08-07"),
    # -- a bare plural length before "ago" is some time past, as "several years ago"; before
    # "later"/"earlier" a vague length, as "a few days later" --
    ("The two sides split decades ago.", "decades ago", "DATE", "PAST_REF"),
    ("Just months ago, the firm was losing money.", "months ago", "DATE", "PAST_REF"),
    ("Several years ago the plant closed.", "Several years ago", "DATE", "PAST_REF"),
    ("Hours later, the rebels withdrew.", "Hours later", "DURATION", "PTXH"),
    ("Days earlier, he had fled the country.", "Days earlier", "DURATION", "PXD"),
    ("He died years later in exile.", "years later", "DURATION", "PXY"),
    # -- a bare plural length before "after"/"before" is a vague length; the signal stays out --
    ("The minister resigned hours after the vote.", "hours", "DURATION", "PTXH"),
    ("The grenade was thrown seconds before the blast.", "seconds", "DURATION", "PTXS"),
    ("Troops arrived 13 days after the bombing.", "13 days", "DURATION", "P13D"),
    # -- "weeklong", "yearlong" as "week-long": one unit --
    ("Police ended a weeklong manhunt.", "weeklong", "DURATION", "P1W"),
    ("A yearlong inquiry found no fault.", "yearlong", "DURATION", "P1Y"),
    # -- a point beyond the calendar (before year 1) is only past or future --
    ("Farmers settled the valley 10,000 years ago.", "10,000 years ago", "DATE", "PAST_REF"),
    # -- a count forward that would land after the report, in a sentence not about the future, is a
    # length; one that stays before the report or lies ahead is a date --
    ("Two years later, the firm collapsed.", "Two years later", "DURATION", "P2Y"),
    ("This morning, 41 years later, police have arrested a suspect.", "41 years later", "DURATION",
     "P41Y"),
    ("The court ruled on Aug. 1. Two weeks later, he appealed.", "Two weeks later", "DURATION", "P2W"),
    ("The plant opened in 2001. Two years later, it closed.", "Two years later", "DATE", "2003"),
    ("Two years later, the plant will close.", "Two years later", "DATE", "2027"),
    ("The court ruled on July 1. Two weeks later, he appealed.", "Two weeks later", "DATE", "2025-07-15"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), CASES)
def test_tag(sentence: str, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, THU, text, kind, value)


@pytest.mark.parametrize("sentence", [
    "A 45 - year - old clerk was questioned.",
    "Seventeen - year - old Ana Ruiz won the race.",
    "The 33 - year -old Canadian lost in the final.",
    "A 16-year-old boy and his mother, 52 years old, were hurt.",
])
def test_an_age_is_no_length(sentence: str) -> None:
    assert tag(sentence, THU) == []


def test_plural_units_after_a_determiner_before_a_signal_are_no_length() -> None:
    found = [e.text for e in tag("In the first days after the vote, markets were calm.", THU)]
    assert found == [], found


def test_a_length_before_a_spaced_hyphen_that_is_no_age_stays() -> None:
    found = tag("He served an eight - year term.", THU)
    assert [(e.text, e.value) for e in found] == [("eight - year", "P8Y")]
