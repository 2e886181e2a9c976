"""A merged deadline's title names what is demanded, else who set it or when it falls due."""

from __future__ import annotations

import pytest

from generator.deadlines.build import best_demand, deadline_title
from generator.deadlines.find import demands_something
from generator.model import TimeExpression


@pytest.mark.parametrize("words, demands", [
    ("a deadline", False),  # "the judge has given him a May 10 deadline": the noun itself
    ("the 30-day window", False),
    ("told lawmakers in Berlin", False),  # a reporting verb's phrase
    ("respond to the allegations", True),
    ("withdraw its troops", True),
])
def test_a_demand_asks_for_something(words: str, demands: bool) -> None:
    assert demands_something(words) is demands


def test_without_a_demand_the_title_names_the_party_the_setter_or_the_due_time() -> None:
    due = TimeExpression(0, 6, "May 10", "DATE", "2013-05-10")
    assert deadline_title("respond to the allegations", [], "", due) == "Deadline: respond to the allegations"
    assert deadline_title("leave", ["Northland"], "", due) == "Deadline for Northland: leave"
    assert deadline_title("", ["Northland"], "Amos Trell", due) == "Deadline for Northland"
    assert deadline_title("", [], "Amos Trell", due) == "Deadline set by Amos Trell"
    assert deadline_title("", [], "", due) == "Deadline of May 10"
    assert deadline_title("", [], "", None) == "Deadline"


def test_of_equal_demands_the_one_in_lower_case_is_the_title_s():
    assert best_demand(["Act", "act"]) == "act"  # a title-case headline, then the body
    assert best_demand(["withdraw its troops", "Withdraw", "withdraw its troops"]) == "withdraw its troops"
