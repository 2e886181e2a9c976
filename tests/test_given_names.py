"""Short forms of given names (``knowledge.given_names``): listed nicknames, beginnings,
and unlisted clipped forms with the same first letter; table-driven, no model."""

from __future__ import annotations

import pytest

from generator.knowledge.given_names import is_short_form


@pytest.mark.parametrize("short, full, same", [
    ("Sam", "Samuel", True),       # beginning of the name
    ("Bill", "William", True),     # listed nickname, no shared beginning
    ("Peggy", "Margaret", True),   # listed nickname, other first letter
    ("Mo", "Maurice", True),       # unlisted clipped form, same first letter
    ("Jon", "James", False),       # the list knows "Jon" as John's
    ("Mo", "Robert", False),       # another first letter
    ("Ed", "David", False),
    ("Maurice", "Mo", False),      # the longer name is no short form
    ("Robert", "Bill", False),     # the list relates these both ways: only the shorter is a nickname
    ("Anna", "Anna", False),       # the same name is not a short form of itself
    ("Zelo", "Zeldaran", False),   # unlisted and longer than a clipped form, no beginning
])
def test_short_forms_of_given_names(short, full, same):
    assert is_short_form(short, full) is same
