"""Error classes of the temporal tagger, each pinned with a hand-written sentence.

Found on TimeBank/AQUAINT: the quarter of a financial report a year back (never counted from a
forecast quarter), a vague count of quarters, decades written with two digits, "that same day"
after a month, "as planned" (no tense of its own) and "then-current". Found on other news: the
fortnight. No spaCy model, no network.

Anchor: NOV 2025-11-05 (a Wednesday), after the third quarter closed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

NOV = dt.date(2025, 11, 5)
REPORT = "Net income rose in the third quarter ended Sept. 30. "
"""A report on a quarter, which the sentences after it compare with the same quarter a year back."""

CASES = [
    # sentence, anchor, expected text, type, value
    # -- the reported quarter a year back, named by a period "last year" or "a year ago" --
    (REPORT + "Profit fell from the corresponding period last year.", NOV,
     "the corresponding period last year", "DATE", "2024-Q3"),
    (REPORT + "Sales for last year's quarter were $3 million.", NOV, "last year's quarter", "DATE",
     "2024-Q3"),
    (REPORT + "For the quarter a year ago, it earned $16 million.", NOV, "the quarter a year ago",
     "DATE", "2024-Q3"),
    (REPORT + "Sales were flat compared with the same quarter of the previous year.", NOV,
     "the same quarter of the previous year", "DATE", "2024-Q3"),
    # -- a forecast for a quarter to come is no quarter the text reports on --
    ("A mill posted a drop in third-quarter profit. Analysts expect losses through the third "
     "quarter of 2026. In the year-ago period, it earned $101 million.", NOV, "the year-ago period",
     "DATE", "2024-Q3"),
    # -- a vague count of quarters before "of" is a length, not a fraction --
    ("It turned a profit after several quarters of losses.", NOV, "several quarters", "DURATION", "PXQ"),
    # -- "that (same) day" after "earlier" or "later", and after a month: a day of that month --
    ("He was shot on Oct. 23, 2024. Earlier that day, his family sent a fax.", NOV, "Earlier that day",
     "DATE", "2024-10-23"),
    ("He was shot on Friday, Oct. 3. Police came last October. The site closed that same day.", NOV,
     "that same day", "DATE", "2025-10-XX"),
    # -- "as (previously) planned" and "go ahead" tell no tense; the verb does --
    ("The match went ahead as scheduled on Sunday.", NOV, "Sunday", "DATE", "2025-11-02"),
    ("The vote will go ahead as planned on Friday.", NOV, "Friday", "DATE", "2025-11-07"),
    ("Officials met on Friday ahead of the vote.", NOV, "Friday", "DATE", "2025-10-31"),
    ("Talks resume ahead of the vote on Friday.", NOV, "Friday", "DATE", "2025-11-07"),
    # -- "then-current" is current at an earlier time, not now --
    ("He was fired by the then-current chairman.", NOV, "then-current", "DATE", "PAST_REF"),
    ("Current prices rose.", NOV, "Current", "DATE", "PRESENT_REF"),
    # -- a fortnight is two weeks --
    ("The talks lasted a fortnight.", NOV, "a fortnight", "DURATION", "P2W"),
    ("A fortnight ago, he resigned.", NOV, "A fortnight ago", "DATE", "2025-W43"),
    ("Bins are emptied every fortnight.", NOV, "every fortnight", "SET", "P2W"),
    # -- a decade written with two digits and an apostrophe --
    ("Sales were flat in the last half of the '80s.", NOV, "the '80s", "DATE", "198"),
    ("Prices rose in the mid-’70s.", NOV, "the mid-’70s", "DATE", "197"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "text", "kind", "value"), CASES)
def test_tag(sentence: str, anchor: dt.date, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, anchor, text, kind, value)


def test_last_year_alone_stays_the_year() -> None:
    found = {e.text: e.value for e in tag(REPORT + "Last year's results were poor.", NOV)}
    assert found.get("Last year") == "2024"


@pytest.mark.parametrize("sentence", ["He sang rock 'n' roll in the 80s.", "Prices in the '00s fell."])
def test_a_number_of_tens_without_apostrophe_or_century_is_no_decade(sentence: str) -> None:
    assert not [e for e in tag(sentence, NOV) if e.value in ("198", "200", "190")]


@pytest.mark.parametrize("sentence", ["Three quarters of the members voted.", "Two quarters of it sold."])
def test_a_number_of_quarters_before_of_is_a_fraction(sentence: str) -> None:
    assert not [e for e in tag(sentence, NOV) if "Q" in e.value]
