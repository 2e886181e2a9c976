"""Deadline errors found on unseen wire news, each fixed as a class (hand-written sentences).

A deadline needs a demand, the party that must act and a due time, set by
someone. These sentences only look like one: a reference to a deadline by
its date, a state lasting "until" a day, a past deed done "by" a day, a
deadline that was never set; and "set <day> as the deadline" gives its due.
"""

from __future__ import annotations

import pytest

from tests.test_deadlines import deadlines_in


def due_of(candidate) -> str | None:
    return candidate.due.value if candidate.due else None


# --- "remain/stay ... until X" is how long a state lasts ---------------------------


@pytest.mark.parametrize(
    "text",
    [
        ("The judge allowed the extension of the deadline after rejecting an order that Lena Ostrova "
         "remain in Valdora until April 2 to hear the appeal."),
        ("The court extended the deadline after refusing a request that the envoy stay in Marlow "
         "until May 12 to answer questions."),
    ],
)  # fmt: skip
def test_a_state_lasting_until_a_day_is_no_deadline(nlp, text):
    assert deadlines_in(nlp, text)[1] == []


@pytest.mark.parametrize(
    ("text", "due", "demand"),
    [
        ("The union has until Friday to respond.", "XXXX-WXX-5", "respond"),
        ("The ultimatum remains in force until Friday.", "XXXX-WXX-5", None),
    ],
)  # fmt: skip
def test_until_still_gives_a_deadline_when_something_is_due(nlp, text, due, demand):
    _, [candidate] = deadlines_in(nlp, text)
    assert due_of(candidate) == due
    assert demand is None or candidate.demand == demand


# --- "by X" on a past deed reports what had happened by then ------------------------


@pytest.mark.parametrize(
    "text",
    [
        "But by Tuesday, the negotiators had hardened their position, insisting on a full refund.",
        "By Wednesday, the board dropped its demand, warning that talks would fail.",
        "By Monday, the agency had filed its reply, as the court demanded.",
    ],
)
def test_a_past_deed_by_a_day_is_no_deadline(nlp, text):
    assert deadlines_in(nlp, text)[1] == []


@pytest.mark.parametrize(
    ("text", "due", "demand"),
    [
        ("The ministry must file its reply by Monday.", "XXXX-WXX-1", "file its reply"),
        ("The strikers were ordered to return to work by Monday.", "XXXX-WXX-1", "return to work"),
        ("The council had to approve the budget by Monday.", "XXXX-WXX-1", None),
        ("Lina Dorn expected a ceasefire by Friday.", "XXXX-WXX-5", None),
    ],
)  # fmt: skip
def test_a_demanded_act_by_a_day_is_still_a_deadline(nlp, text, due, demand):
    _, [candidate] = deadlines_in(nlp, text)
    assert due_of(candidate) == due
    assert demand is None or candidate.demand == demand


