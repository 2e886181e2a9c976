"""Classes of error found reading a briefing of business news (company results, bids, analysts'
comments). All names and sentences are invented."""

from __future__ import annotations

import pytest
from test_statements import statements_of

from generator.events import find_events
from tests.test_events import paragraph_of


@pytest.mark.parametrize(("text", "words"), [
    ("Harlow Mills Corp. said its profit fell 20%.", "its profit fell 20%"),
    ("Maria Lopez said regulators cleared the purchase of Banque Nordale (BN).",
     "regulators cleared the purchase of Banque Nordale (BN)"),
])  # fmt: skip
def test_statement_words_keep_a_closing_percent_sign_or_bracket(nlp, text, words):
    assert [w for w, _, _ in statements_of(nlp, text)] == [words]


@pytest.mark.parametrize("text", [
    "Harlow Mills Corp. announced the sale of $50 million of notes due Oct. 15, 1999.",
    "Harlow Savings Bank announced a loss for the third quarter of $26.3 million.",
    "Harlow Mills Corp. announced a loss for its fourth quarter ended June 30.",
])  # fmt: skip
def test_a_date_of_another_noun_is_not_the_event_date(nlp, text):
    found = [e for e in find_events(paragraph_of(nlp, text)) if e.kind == "announcement"]
    assert found and found[0].time is None


@pytest.mark.parametrize(("text", "kind", "day"), [
    ("Harlow Mills Corp. bought the Dessau plant on Friday.", "acquisition", "Friday"),
    ("Harlow Mills Corp. announced on Friday a loss for its fourth quarter ended June 30.",
     "announcement", "Friday"),
    # the parse hangs the year on the name: still the verdict's date
    ("In nineteen ninety-one Walter Pike was convicted in state court of helping to defraud "
     "thousands of investors.", "verdict", "nineteen ninety-one"),
])  # fmt: skip
def test_a_date_of_the_event_itself_stays(nlp, text, kind, day):
    found = [e for e in find_events(paragraph_of(nlp, text)) if e.kind == kind]
    assert found and found[0].time is not None and found[0].time.text == day
