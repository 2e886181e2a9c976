"""Coordinated names split by ``name_groups.split_coordinations``; no model."""

from __future__ import annotations

from generator.model import Mention
from generator.resolve.name_groups import split_coordinations

TEXT = ("Dana Quell left Springfield. Months later Springfield and Quell agreed again. "
        "Marks and Spencer sold shares. Quell and Quell is a law firm.")


def at(form: str, label: str, occurrence: int = 0) -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(form, start + 1)
    return Mention("a", start, start + len(form), form, label, 0, cues=("determiner",))


def test_a_place_and_a_person_of_the_article_tagged_as_one_name_are_two():
    joined = at("Springfield and Quell", "ORG")
    found = split_coordinations([at("Dana Quell", "PERSON"), at("Quell", "PERSON", 2), joined])
    parts = [(m.text, m.label, TEXT[m.start:m.end]) for m in found[2:]]
    assert parts == [("Springfield", "ORG", "Springfield"), ("Quell", "PERSON", "Quell")]
    assert all(m.cues == () for m in found[2:])


def test_an_organisation_named_with_and_stays_whole():
    whole = [at("Dana Quell", "PERSON"), at("Marks and Spencer", "ORG"), at("Quell and Quell", "ORG")]
    assert split_coordinations(whole) == whole
