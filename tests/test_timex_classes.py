"""Error classes of the temporal tagger found on TimeBank/AQUAINT, each pinned with a
hand-written sentence: year ends, parts of the day, the day before or after a day, bare
seasons, holiday weeks, titles ending in "Today" and tense cues that do or do not carry
tense. No spaCy model, no network.

Anchors: MON 2025-08-04, THU 2025-08-07, FEB 2025-02-10 (a Monday).
"""

from __future__ import annotations

import datetime as dt

import pytest

from generator.temporal.tagger import tag, tense_at
from tests.timex_check import assert_tagged

MON, THU, FEB = dt.date(2025, 8, 4), dt.date(2025, 8, 7), dt.date(2025, 2, 10)

CASES = [
    # sentence, anchor, expected text, type, value
    # -- vague lengths: "over the years", "the weeks ahead"; a SET of quarters --
    ("Over the years, many patients died waiting.", THU, "years", "DURATION", "PXY"),
    ("Funds face more selling in the weeks ahead.", THU, "weeks ahead", "DURATION", "PXW"),
    ("The company must pay $100 million in interest every quarter.", THU, "every quarter", "SET", "P1Q"),
    # -- "the first two quarters" of a year are its first half --
    ("Output fell in the first two quarters of 1990.", THU, "the first two quarters of 1990", "DATE",
     "1990-H1"),
    ("Lawyers emerged from their third day-long meeting.", THU, "day-long", "DURATION", "P1D"),
    ("The war ended a decades-long feud.", THU, "decades-long", "DURATION", "PXY"),
    # -- "the near term", "in the short term": a time to come --
    ("Analysts see no rebound in the near term.", THU, "the near term", "DATE", "FUTURE_REF"),
    ("The plan placates holders in the short term, but not later.", THU, "the short term", "DATE",
     "FUTURE_REF"),
    # -- "one day" after a modal or "to": some future day, not a length --
    ("He hopes to one day lead the party.", THU, "one day", "DATE", "FUTURE_REF"),
    ("One day, the country will join the alliance.", THU, "One day", "DATE", "FUTURE_REF"),
    ("The strike will last one day.", THU, "one day", "DURATION", "P1D"),
    ("He was sentenced to one day in jail.", THU, "one day", "DURATION", "P1D"),
    # -- the end of a year: the year, the last one when the sentence looks back --
    ("The sale should close by year-end.", THU, "year-end", "DATE", "2025"),
    ("The deal is expected to close around year end.", THU, "year end", "DATE", "2025"),
    ("New rules should be in place by year's end.", THU, "year's end", "DATE", "2025"),
    ("The index has risen 4% since year-end.", THU, "year-end", "DATE", "2024"),
    # -- a part of the day counted from the day stated before it --
    ("He was arrested on Aug. 1. He appeared in court the next morning.", THU,
     "the next morning", "TIME", "2025-08-02TMO"),
    ("Rebels crossed the border on July 30. That night, the army withdrew.", THU,
     "That night", "TIME", "2025-07-30TNI"),
    # -- the day before or after a stated day --
    ("The day before last Tuesday's hearing, he met the judge.", THU,
     "The day before last Tuesday", "DATE", "2025-08-04"),
    ("Talks resume the day after Aug. 12.", THU, "the day after Aug. 12", "DATE", "2025-08-13"),
    # -- a part of the day alone: of the day last mentioned, joined with an adjacent day --
    ("Markets fell on Monday before recovering by mid-afternoon.", THU, "mid-afternoon", "TIME",
     "2025-08-04TAF"),
    ("Dealers placed heavy orders in the morning.", THU, "the morning", "TIME", "2025-08-07TMO"),
    ("In London at mid-afternoon yesterday, shares were up.", THU, "mid-afternoon yesterday",
     "TIME", "2025-08-06TAF"),
    # -- a scheduled present ("expires", "begins") points ahead past a parenthetical --
    ("The truce, agreed in late July, expires on Sunday.", THU, "Sunday", "DATE", "2025-08-10"),
    # -- "since" a month: a later month of the clause does not take its year --
    ("He has been in office since January 2021 and faces re-election in November.", THU,
     "November", "DATE", "2025-11"),
    # -- a bare season after a preposition: that season by tense, any such season otherwise --
    ("The new season starts in spring.", THU, "spring", "DATE", "2026-SP"),
    ("Prices fell in spring.", THU, "spring", "DATE", "2025-SP"),
    ("Roads freeze in winter.", THU, "winter", "DATE", "XXXX-WI"),
    ("In summer 2024 the plant closed.", THU, "summer 2024", "DATE", "2024-SU"),
    # -- "the previous Friday", "the following Monday": from the day last mentioned --
    ("The index closed on Friday, down 4% from the previous Friday.", THU, "the previous Friday",
     "DATE", "2025-07-25"),
    ("He was arrested on July 2 and charged the following Monday.", THU, "the following Monday",
     "DATE", "2025-07-07"),
    # -- a relative clause between commas keeps its tense to itself --
    ("Officials expect the talks, which began Sunday, to end Friday.", THU, "Friday", "DATE",
     "2025-08-08"),
    ("He succeeds Doe, who stepped down as chairman, president and chief executive in March.", THU,
     "March", "DATE", "2025-03"),
    ("The minister is due in Brussels on Monday.", THU, "Monday", "DATE", "2025-08-11"),
    # -- "scheduled for November" points ahead; "bookings for December" said in the past does not
    ("Elections are scheduled for November.", FEB, "November", "DATE", "2025-11"),
    ("Bookings for December fell, the hotel said.", FEB, "December", "DATE", "2024-12"),
    # -- "the quarter ending March 31" is the calendar quarter that day ends --
    ("Results for the quarter ending March 31 are due in May.", FEB, "the quarter", "DATE",
     "2025-Q1"),
    # -- time granted up to a limit, to act by then, lies ahead even in a past sentence --
    ("The mayor gave the union until Friday to agree to a deal.", THU, "Friday", "DATE",
     "2025-08-08"),
    ("They worked until Tuesday to finish it, officials said.", THU, "Tuesday", "DATE",
     "2025-08-05"),
    # -- a sentence that opens with "by" and tells the past: a limit that has passed --
    ("By 6 p.m. Wednesday, the fire was contained.", THU, "6 p.m. Wednesday", "TIME",
     "2025-08-06T18:00"),
    ("By Friday, the fire will be contained.", THU, "Friday", "DATE", "2025-08-08"),
    ("The report was due by Friday.", THU, "Friday", "DATE", "2025-08-08"),
    # -- a verb after a comma belongs to the next clause --
    ("The deadline, which expires on Friday, was set last month.", THU, "Friday", "DATE",
     "2025-08-08"),
    # -- a negated "could" is a failed attempt, in the past; a bare one points ahead --
    ("Neither he nor his aides could be reached Wednesday.", THU, "Wednesday", "DATE",
     "2025-08-06"),
    ("The Senate could vote Friday.", THU, "Friday", "DATE", "2025-08-08"),
    # -- "of today", "of tomorrow" after a noun is the present or the future, not a day --
    ("He would have chosen the people of tomorrow.", THU, "tomorrow", "DATE", "FUTURE_REF"),
    ("The results of today's vote are due.", THU, "today", "DATE", "2025-08-07"),
    # -- "over the past decade" is ten years; "every few years" a vague set --
    ("Over the past decade, emissions fell.", THU, "the past decade", "DURATION", "P10Y"),
    ("Every few years the law is revised.", THU, "Every few years", "SET", "PXY"),
    # -- a weekday with a plural part of the day recurs --
    ("The club opens on Friday nights.", THU, "Friday nights", "SET", "XXXX-WXX-5TNI"),
    # -- a holiday week is the week holding the holiday --
    ("Pilgrims gathered during Easter week 2024.", THU, "Easter week 2024", "DATE", "2024-W13"),
]  # fmt: skip


@pytest.mark.parametrize(("sentence", "anchor", "text", "kind", "value"), CASES)
def test_tag(sentence: str, anchor: dt.date, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, anchor, text, kind, value)


@pytest.mark.parametrize("sentence", ["USA Today reported the figures.", "This is VOA Today."])
def test_a_title_ending_in_today_is_no_time(sentence: str) -> None:
    assert tag(sentence, THU) == []


def test_today_after_a_sentence_is_the_day() -> None:
    found = tag("Shares fell on Wednesday. Today, they recovered.", THU)
    assert [(e.text, e.value) for e in found] == [("Wednesday", "2025-08-06"), ("Today", "2025-08-07")]


@pytest.mark.parametrize("sentence", [
    "The kingdom launched Vision 2030 to diversify its economy.",
    "The Paris 2024 Olympics drew record crowds.",
])  # fmt: skip
def test_a_year_inside_a_name_is_no_time(sentence: str) -> None:
    assert tag(sentence, THU) == []


def test_a_year_after_a_sentence_opening_word_is_a_year() -> None:
    assert [(e.text, e.value) for e in tag("In 2024, sales rose.", THU)] == [("2024", "2024")]


@pytest.mark.parametrize("sentence", ["It cut its short-term debt.", "It holds the long term debt."])
def test_a_term_before_a_noun_is_no_time(sentence: str) -> None:
    assert tag(sentence, THU) == []


def test_the_days_before_an_event_are_no_length() -> None:
    assert tag("His car was seen in the days before the shooting.", THU) == []


def test_a_part_of_the_day_before_a_noun_is_no_time() -> None:
    assert tag("He watched the evening news with the morning papers.", THU) == []


@pytest.mark.parametrize("sentence", [
    "The year-end results disappointed investors.",
    "Traders expect a year-end rally.",
])  # fmt: skip
def test_year_end_before_a_noun_is_no_time(sentence: str) -> None:
    assert not [e for e in tag(sentence, THU) if "year" in e.text.lower()]


def test_a_converted_cue_does_not_turn_later_cues_past() -> None:
    """"had been due to" is a past cue; the "will" after it still points ahead."""
    sentence = "The loan had been due to expire in May, and officials will meet Friday."
    start = sentence.index("Friday")
    assert tense_at(sentence, start, start + len("Friday")) == "future"


def test_an_attributive_participle_carries_no_tense() -> None:
    """"the hastily planned trip" describes the trip; it does not put Friday ahead."""
    sentence = "On Friday, the minister set off on a hastily planned trip."
    assert tense_at(sentence, 3, 9) != "future"
    (friday,) = [e for e in tag(sentence, MON) if e.text == "Friday"]
    assert friday.value == "2025-08-01"
