"""A year back in a sentence on several months of a report: the year, not the quarter.

"For the nine months, net rose to $5 million from $4 million a year earlier" compares the nine
months with those of the year before, which no quarter holds; TimeBank writes the year there 6
times and the reported quarter twice. Alone, after a report on a quarter, "a year earlier" stays
that quarter a year back. No spaCy model, no network.

Anchor: NOV 2025-11-05, after the third quarter closed.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.timex_check import assert_tagged

NOV = dt.date(2025, 11, 5)
REPORT = "Net income rose in the third quarter. "


@pytest.mark.parametrize(("sentence", "text"), [
    ("For the nine months, net rose to $5 million from $4 million a year earlier.", "a year earlier"),
    ("Through the first nine months, it lost $6 million, compared with earnings a year ago.", "a year ago"),
    ("In the latest nine months, exports were 45% of sales, against 40% a year earlier.", "a year earlier"),
    ("For the nine months, it lost $6 million, compared with year-earlier net income of $9 million.",
     "year-earlier"),
])
def test_a_year_back_over_several_months_is_the_year(sentence: str, text: str) -> None:
    assert_tagged(REPORT + sentence, NOV, text, "DATE", "2024")


@pytest.mark.parametrize(("sentence", "text"), [
    ("Revenue rose to $5 million from $4 million a year earlier.", "a year earlier"),
    ("Net was $2 million, compared with $1 million a year ago.", "a year ago"),
])
def test_a_year_back_after_a_quarter_is_that_quarter(sentence: str, text: str) -> None:
    assert_tagged(REPORT + sentence, NOV, text, "DATE", "2024-Q3")
