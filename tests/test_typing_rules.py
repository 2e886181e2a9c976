"""Entity typing by evidence (``resolve.typing_rules``): a person's role is evidence for a person."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.model import Citation, Mention, Role
from generator.resolve.typing_rules import is_person_role, vote_type


@pytest.mark.parametrize("role, person", [
    ("party leader of Kenya", True),
    ("pin-up model", True),
    ("driver", True),
    ("1950s pin-up queen and pop culture icon", True),  # the head before "and"
    ("special envoy to the UN", True),
    ("official biography", False),  # "official" is no head here
    ("largest retailer", False),
    ("Ministry of Trade", False),
    ("county seat", False),
])
def test_a_role_names_a_person_by_its_head_noun(role, person):
    assert is_person_role(role) is person


def mention(label: str, role: str = "", start: int = 0) -> Mention:
    roles = (Role(role, Citation("a", start, start + len(role), role, 0)),) if role else ()
    return Mention("a", start, start + 11, "Hanna Marsk", label, 0, roles=roles)


def test_roles_outvote_a_name_the_model_keeps_tagging_as_a_place():
    # "Hanna Marsk, the party leader of Kenya, ..." tagged GPE, as small models do with
    # unfamiliar names; one PERSON tag elsewhere.
    mentions = [mention("GPE", "party leader of Kenya", 0), mention("GPE", "ambassador", 100),
                mention("GPE", start=200), mention("PERSON", start=300)]
    assert vote_type(mentions, known_place=False) == "person"
    assert vote_type([replace(m, roles=()) for m in mentions], known_place=False) == "place"


def test_a_role_that_names_no_person_is_no_evidence():
    mentions = [mention("GPE", "county seat", 0), mention("GPE", start=100), mention("PERSON", start=200)]
    assert vote_type(mentions, known_place=False) == "place"
