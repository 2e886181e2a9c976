"""A dismissal befalls a person: "terminated" (or "fired", "dismissed") an acquisition, an
agreement or an offer dismisses no one (``events.parties.befalls_someone``). All names and
sentences are invented."""

from __future__ import annotations

import pytest

from generator.events import find_events
from tests.test_events import paragraph_of


def dismissals(nlp, text: str) -> list[str]:
    return [e.trigger for e in find_events(paragraph_of(nlp, text)) if e.kind == "dismissal"]


@pytest.mark.parametrize("text", [
    "Those included costs of the potential Harbor Federal Savings and Loan Association acquisition, "
    "which was terminated on Sept. 27.",
    "Harlow Mills Corp. terminated the Brandt Plastics Inc. agreement.",
    "The Brandt Plastics Inc. contract, which Harlow Mills Corp. terminated, was large.",
    "Harlow Mills Corp. dismissed the Brandt Plastics Inc. offer on Monday.",
])  # fmt: skip
def test_ending_a_deal_or_an_offer_is_no_dismissal(nlp, text):
    assert dismissals(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Peter Hansen was terminated on Friday.",
    "Harlow Mills Corp. terminated Peter Hansen, its chief executive.",
    "Harlow Mills Corp. fired its treasurer, Peter Hansen.",
    "The board terminated the coach.",
    "Harlow Mills fired 300 workers.",
    "Harlow Mills Corp. sacked Brandt Plastics Inc. as its auditor.",
])  # fmt: skip
def test_dismissing_a_person_or_people_stays_a_dismissal(nlp, text):
    assert dismissals(nlp, text) != []
