"""Clock times and dates in text with the gaps that joining tokens leaves (ECB+ articles,
datelines copied from pages): "7 p. m.", "2: 16pm", "19: 30 BST", "Nov.21". No spaCy
model, no network.

Anchor: SUN 2013-08-04.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

SUN = dt.date(2013, 8, 4)

CASES = [
    # sentence, expected text, type, value
    ("The car hit her at about 7 p. m. on Friday.", "7 p. m. on Friday", "TIME", "2013-08-02T19:00"),
    ("The ferry left shortly after 9 a. m.", "9 a. m.", "TIME", "2013-08-04T09:00"),
    ("The blaze broke out at 3: 33 a. m. in a warehouse.", "3: 33 a. m.", "TIME",
     "2013-08-04T03:33"),
    ("Update at 2: 16pm Friday: the vote was delayed.", "2: 16pm Friday", "TIME", "2013-08-02T14:16"),
    ("The statement came at 10 a.m Friday.", "10 a.m Friday", "TIME", "2013-08-02T10:00"),
    ("Published Sunday, Aug 4 2013, 19: 30 BST", "Sunday, Aug 4 2013, 19: 30 BST", "TIME",
     "2013-08-04T19:30"),
    ("Posted Nov.21, 2012 at 10:31 AM", "Nov.21, 2012 at 10:31 AM", "TIME", "2012-11-21T10:31"),
]


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), CASES)
def test_tag(sentence: str, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, SUN, text, kind, value)


@pytest.mark.parametrize("sentence", [
    "The score was 21: 17 at halftime.",  # a spaced colon without a time zone or a.m./p.m.
    "He read John 3: 16 aloud.",
    "The pm said so.",
])
def test_numbers_with_a_spaced_colon_are_no_clock_time(sentence: str) -> None:
    assert tag(sentence, SUN) == []
