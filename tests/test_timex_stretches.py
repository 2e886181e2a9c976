"""Lengths inside a stretch of time, each class pinned with a hand-written sentence.

Found on TimeBank: "the first hours of the ground war" is a vague length (PTXH) as "the last
days of" is, while "the first days after the vote" stays untagged; "in the first two weeks of the
war" and "in the next two weeks" are lengths (as "over the next two weeks"), not a point two
weeks ahead; "the year-earlier nine months" is
the nine-month length, not the reported quarter a year back. Found on ECB+: "in jail, hours after he
was arrested" lost its length because the comma was read as a number. No spaCy model, no network.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

NOV = dt.date(2025, 11, 5)

CASES = [
    # sentence, anchor, expected text, type, value
    # -- the opening or closing stretch "of" something: a vague length --
    ("Prisoners were taken in the first hours of the ground war.", NOV, "the first hours", "DURATION",
     "PTXH"),
    ("He campaigned hard in the final days of the race.", NOV, "the final days", "DURATION", "PXD"),
    ("Sales were slow in the opening weeks of the season.", NOV, "the opening weeks", "DURATION", "PXW"),
    # -- "in the first/final N units": a length within the stretch, no point ahead --
    ("In the first two weeks of the war, 200 people died.", NOV, "the first two weeks", "DURATION",
     "P2W"),
    ("Turnout rose in the final three days of the campaign.", NOV, "the final three days", "DURATION",
     "P3D"),
    ("In the first few weeks of the strike, shops closed.", NOV, "the first few weeks", "DURATION", "PXW"),
    # -- a length after "year-earlier": the length, not the quarter a year back --
    ("Net rose in the third quarter. Profit fell from the year-earlier nine months.", NOV, "nine months",
     "DURATION", "P9M"),
    ("Net rose in the third quarter. Sales rose from the year-ago six months.", NOV, "six months",
     "DURATION", "P6M"),
    ("Net rose in the third quarter. Profit fell from the year-earlier period.", NOV,
     "the year-earlier period", "DATE", "2024-Q3"),
    # -- "in the next N units": the length, as "over the next N units" --
    ("They will decide in the next two weeks.", NOV, "the next two weeks", "DURATION", "P2W"),
    ("They will decide in the next few days.", NOV, "the next few days", "DURATION", "PXD"),
    # -- a bare plural unit before "after" after a comma or a full stop: a vague length (a comma
    #    or a stop is no number, as in "13 days after") --
    ("A man hanged himself in jail, hours after he was arrested.", NOV, "hours", "DURATION", "PTXH"),
    ("A new dawn. Days after the director was ousted, a new one was hired.", NOV, "Days", "DURATION",
     "PXD"),
    # -- a plain "in two weeks" still points ahead --
    ("He will return in two weeks.", NOV, "two weeks", "DATE", "2025-W47"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "text", "kind", "value"), CASES)
def test_tag(sentence: str, anchor: dt.date, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, anchor, text, kind, value)


@pytest.mark.parametrize("sentence", [
    "They met in the first days after the vote.",
    "Prices fell in the first hours after the opening.",
])
def test_an_opening_stretch_before_an_event_is_no_length(sentence: str) -> None:
    assert [e.text for e in tag(sentence, NOV)] == []


def test_the_year_earlier_before_a_length_is_no_quarter() -> None:
    text = "Net rose in the third quarter. Profit fell from the year-earlier nine months."
    found = [e.text for e in tag(text, NOV)]
    assert "the year-earlier" not in found
