"""Deadline errors found on unseen wire news, each fixed as a class (hand-written sentences).

A deadline needs a demand, the party that must act and a due time, set by
someone. These sentences only look like one: a reference to a deadline by
its date, a state lasting "until" a day, a past deed done "by" a day, a
deadline that was never set; and "set <day> as the deadline" gives its due.
"""

from __future__ import annotations

import pytest

from generator.deadlines import merge_deadlines
from tests.test_deadlines import briefing_of, deadlines_in, words


def due_of(candidate) -> str | None:
    return candidate.due.value if candidate.due else None


def assert_one_deadline(nlp, text: str, due: str, demand: str | None) -> None:
    """The text states one deadline, due ``due``, demanding ``demand`` (any when None)."""
    _, [candidate] = deadlines_in(nlp, text)
    assert due_of(candidate) == due
    assert demand is None or candidate.demand == demand


# --- a sentence that only refers to a dated deadline states no demand -------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("Governor Tomas Vell gave no reason for the March 3 deadline, and it is still unclear "
         "how the board will respond.", "XXXX-03-03"),
        ("The mayor offered no explanation for the June 9 deadline, and nobody knows whether "
         "the council will comply.", "XXXX-06-09"),
    ],
)  # fmt: skip
def test_a_reference_to_a_dated_deadline_has_no_demand(nlp, text, due):
    _, [candidate] = deadlines_in(nlp, text)
    assert due_of(candidate) == due
    assert candidate.demand == ""


def test_a_dated_deadline_after_a_due_preposition_still_gives_the_demand(nlp):
    text = "Secretary Lin has not said whether he will act by the May 9 deadline."
    _, [candidate] = deadlines_in(nlp, text)
    assert (due_of(candidate), candidate.demand) == ("XXXX-05-09", "act")


def test_a_reference_merges_with_the_deadline_of_its_date_in_the_same_story(nlp):
    briefing = briefing_of(nlp, {"a": (
        "Arla Venn gave Northland until March 3 to withdraw its troops. "
        "Arla Venn gave no reason for the March 3 deadline.", None)})
    [deadline] = merge_deadlines(briefing)
    assert deadline.demand == "withdraw its troops"
    assert len(deadline.reports) == 2


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
        ("The forward might remain undecided until Sunday's deadline to declare for the draft.",
         "XXXX-WXX-7", "declare for the draft"),
        ("The ultimatum remains in force until Friday.", "XXXX-WXX-5", None),
    ],
)  # fmt: skip
def test_until_still_gives_a_deadline_when_something_is_due(nlp, text, due, demand):
    assert_one_deadline(nlp, text, due, demand)


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
    assert_one_deadline(nlp, text, due, demand)


# --- a deadline that was not set, and the addressee of a report -------------------


@pytest.mark.parametrize(
    "text",
    [
        ("Pedro Alvar, head of the council, told Reuters that officials are frustrated by the "
         "governor's failure to set a new deadline and want answers."),
        "The union refused to set a deadline for the talks, Mara Lind told the Tribune.",
        "The commission did not set a deadline for the reform.",
        "The talks will continue without a deadline, Mara Lind said.",
    ],
)  # fmt: skip
def test_a_deadline_not_set_is_no_deadline(nlp, text):
    assert deadlines_in(nlp, text)[1] == []


def test_a_missed_dated_deadline_is_still_one(nlp):
    _, [candidate] = deadlines_in(nlp, "Northland failed to meet the Friday deadline.")
    assert due_of(candidate) == "XXXX-WXX-5"


@pytest.mark.parametrize(
    ("text", "bound"),
    [
        ("Pedro Alvar told Reuters that the March 3 deadline was too short.", []),
        ("Mara Lind told the Tribune that the council faces a Friday deadline.", []),
        ("Mara Lind told the Tribune that Northland must withdraw its troops by Friday.", ["Northland"]),
    ],
)  # fmt: skip
def test_the_addressee_of_a_report_is_not_bound(nlp, text, bound):
    paragraph, [candidate] = deadlines_in(nlp, text)
    assert [words(paragraph, b) for b in candidate.bound] == bound


def test_the_addressee_of_a_demand_is_bound(nlp):
    paragraph, [candidate] = deadlines_in(nlp, "Marta Rios told Reuters to withdraw the story by Friday.")
    assert [words(paragraph, b) for b in candidate.bound] == ["Reuters"]
    assert due_of(candidate) == "XXXX-WXX-5"


# --- "set <day> as the deadline" gives the due time -------------------------------


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("The Border Agency had ruled that Tomas Brell must be sent back to his mother, and set "
         "Thursday as the deadline for his return.", "XXXX-WXX-4"),
        ("They set Friday as the deadline for the payment.", "XXXX-WXX-5"),
        ("Friday was named as the deadline for the payment.", "XXXX-WXX-5"),
        ("The board set a deadline of June 30 for the bids.", "XXXX-06-30"),
    ],
)  # fmt: skip
def test_a_day_set_as_the_deadline_is_its_due_time(nlp, text, due):
    _, [candidate] = deadlines_in(nlp, text)
    assert due_of(candidate) == due


def test_a_reference_in_another_article_joins_the_one_deadline_of_its_day(nlp):
    briefing = briefing_of(nlp, {
        "a": ("Arla Venn gave Northland until March 3 to withdraw its troops.", None),
        "b": ("Officials gave no reason for the March 3 deadline, and it is unclear what will follow.", None),
        "c": ("Tomas Vell told the union to end the strike by June 9.", None),
    })  # fmt: skip
    deadlines = merge_deadlines(briefing)
    withdraw = next(d for d in deadlines if "withdraw" in d.demand)
    assert {r.citation.source for r in withdraw.reports} == {"a", "b"}
    assert len(deadlines) == 2


def test_a_reference_stays_apart_when_two_deadlines_fall_on_its_day(nlp):
    briefing = briefing_of(nlp, {
        "a": ("Arla Venn gave Northland until March 3 to withdraw its troops.", None),
        "b": ("Tomas Vell told the union to end the strike by March 3.", None),
        "c": ("Officials gave no reason for the March 3 deadline, and it is unclear what will follow.", None),
    })  # fmt: skip
    assert len(merge_deadlines(briefing)) == 3


# --- a plan or a forecast of one's own is no deadline ------------------------------


@pytest.mark.parametrize(
    "text",
    [
        ("Harbour Works has said it wants to raise its export revenue to half of its business "
         "by the end of 2031."),
        "The two firms said they expect the merger to be completed by Dec. 15.",
        "The union hopes to reach a deal by Friday.",
    ],
)  # fmt: skip
def test_a_plan_of_ones_own_or_a_forecast_is_no_deadline(nlp, text):
    assert deadlines_in(nlp, text)[1] == []


@pytest.mark.parametrize(
    ("text", "demand"),
    [
        ("The ministry wants Northland to withdraw its troops by Friday.", "withdraw its troops"),
        ("Arla Venn expects Northland to agree to a ceasefire by August 8.", "agree to a ceasefire"),
        ("Arla Venn expects a ceasefire by August 8.", "a ceasefire"),
    ],
)  # fmt: skip
def test_a_wish_another_party_is_to_meet_is_still_a_deadline(nlp, text, demand):
    assert [c.demand for c in deadlines_in(nlp, text)[1]] == [demand]
