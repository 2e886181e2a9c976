""""today's" before the people or ways of an era names the present age, not the day.

Found on AQUAINT ("today's youth", "in today's world", which TimeBank leaves untagged); "today's"
before an event or an edition stays the day. No spaCy model, no network.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

NOV = dt.date(2025, 11, 5)


@pytest.mark.parametrize("sentence", [
    "The case is for today's youth what the blockade was for their parents.",
    "Fathers and mothers are equal in today's world.",
    "Today's young people vote less.",
    "In today's dollars, the bridge cost $5 million.",
])
def test_today_of_an_era_is_no_day(sentence: str) -> None:
    assert [e.text for e in tag(sentence, NOV) if e.text.lower() == "today"] == []


@pytest.mark.parametrize(("sentence", "text"), [
    ("The offer, advertised in today's editions, expires soon.", "today"),
    ("Today's vote is the last one.", "Today"),
    ("Ministers met today.", "today"),
])
def test_today_of_an_event_is_the_day(sentence: str, text: str) -> None:
    assert_tagged(sentence, NOV, text, "DATE", "2025-11-05")
