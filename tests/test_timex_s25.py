"""TIMEX3 classes of the twenty-fifth session, each a TimeML convention the TimeBank/AQUAINT gold
follows, pinned with invented sentences. No spaCy model, no network.

* A vague number of decades or centuries is a vague number of years (PXY), as a counted one is
  years ("two decades" P20Y): TimeML's duration units are those of ISO 8601.
* "It is the third day of the strike", "today is the 12th day of the siege": the day it is, the
  anchor's day; an ordinal day told of no present day ("on his first day in office", "it was the
  second day of talks") stays untagged.

Anchor: THU 2025-08-07.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

THU = dt.date(2025, 8, 7)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), [
    ("The treaty ended a decades-long border dispute.", "decades-long", "DURATION", "PXY"),
    ("For decades, the valley had no railway.", "decades", "DURATION", "PXY"),
    ("The dispute lasted two to three decades.", "two to three decades", "DURATION", "PXY"),
    ("Comets of this kind return every few decades.", "every few decades", "SET", "PXY"),
    ("The bridge stood for two decades.", "two decades", "DURATION", "P20Y"),
])
def test_decades_are_counted_in_years(sentence: str, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, THU, text, kind, value)


@pytest.mark.parametrize(("sentence", "text"), [
    ("It is the third day of the strike at the port.", "the third day"),
    ("Today is the 12th day of the siege.", "the 12th day"),
    ("It's the second straight day of protests in the capital.", "the second straight day"),
])
def test_the_nth_day_it_is_is_the_anchor_day(sentence: str, text: str) -> None:
    assert_tagged(sentence, THU, text, "DATE", "2025-08-07")


@pytest.mark.parametrize("sentence", [
    "She promised to act on her first day in office.",
    "It was the second day of talks, and both sides left early.",
])
def test_an_ordinal_day_of_no_present_day_is_not_tagged(sentence: str) -> None:
    assert [e.text for e in tag(sentence, THU) if "day" in e.text] == []
