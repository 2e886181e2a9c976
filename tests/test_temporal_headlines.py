"""Words that look like times but name something else: capital letters tell a name ("USA
Today", "ABC's This Week", "Vision 2030") only inside a sentence (in a title-case headline every
word is capitalised, and a headline line ends where the text below it begins); a quarter or
half in a sentence about a game is a period of play; "the Christmas lights" are lights. No
spaCy model, no network.

Anchor: SUN 2012-12-23.
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag
from tests.timex_check import assert_tagged

SUN = dt.date(2012, 12, 23)

CASES = [
    # text, expected text, type, value
    ("Protest Over Shooting Of City Teen\n\nYesterday, the police explained the shooting.", "Yesterday",
     "DATE", "2012-12-22"),
    ("Minister Names New Health Chief\n\nToday, the minister named a chief.", "Today", "DATE", "2012-12-23"),
    ("Banker Jailed For Fraud In 2010 Loan Scheme", "2010", "DATE", "2010"),
    ("Singer Set As Host For 2014 Music Awards", "2014", "DATE", "2014"),
    ("Singer to Host Next Year’ s Music Awards", "Next Year", "DATE", "2013"),
    ("Club Makes Offer To Star Player (8 Years?)", "8 Years", "DURATION", "P8Y"),
]


@pytest.mark.parametrize(("text", "expected", "kind", "value"), CASES)
def test_tag(text: str, expected: str, kind: str, value: str) -> None:
    assert_tagged(text, SUN, expected, kind, value)


@pytest.mark.parametrize("sentence", [
    "The report first ran in USA Today last month.",
    "He said so on ABC's This Week program.",
    "The kingdom unveiled its Vision 2030 plan.",
    "She was interviewed on CBS's 60 Minutes program.",
    "She was named Coach of the Year on Sunday.",
])
def test_a_capitalised_name_inside_a_sentence_stays_no_time(sentence: str) -> None:
    found = [e.text for e in tag(sentence, SUN)]
    assert not {"Today", "This Week", "2030", "60 Minutes", "the Year"} & set(found), found


@pytest.mark.parametrize("sentence", [
    "A touchdown run late in the fourth quarter sealed the win.",
    "She hit a jumper with 3:10 left in the first half.",
    "A third-quarter field goal tied the game.",
])
def test_a_period_of_play_is_no_part_of_the_year(sentence: str) -> None:
    assert [e.text for e in tag(sentence, SUN)] == []


def test_a_quarter_of_the_year_in_a_report_stays() -> None:
    found = {e.text: e.value for e in tag("Profit rose in the fourth quarter and the first half.", SUN)}
    assert found == {"the fourth quarter": "2012-Q4", "the first half": "2012-H1"}


@pytest.mark.parametrize(("sentence", "holiday"), [
    ("Crowds watched the Christmas lights go on in the square on Friday.", "Christmas"),
    ("The family ate Thanksgiving dinner together.", "Thanksgiving"),
])
def test_a_thing_named_after_a_holiday_is_no_date(sentence: str, holiday: str) -> None:
    assert holiday not in [e.text for e in tag(sentence, SUN)]


def test_the_holiday_itself_stays_a_date() -> None:
    found = {e.text: e.value for e in tag("Shops close on Christmas Eve and on Christmas.", SUN)}
    assert found == {"Christmas Eve": "2012-12-24", "Christmas": "2012-12-25"}

