"""An entity's description in index rows and the PDF: a role that reads as one."""

from __future__ import annotations

from generator.model import Citation, Entity, Role
from generator.site.pages.entity_indexes import index_row
from generator.site.pages.entity_roles import first_roles


def entity(kind: str, *roles: tuple[str, str]) -> Entity:
    """An entity with roles given as (text, source id)."""
    given = tuple(Role(text, Citation(source, 0, 1, "x", 0)) for text, source in roles)
    return Entity("e", "Amos Trell", kind, (), (), roles=given)


def test_punctuation_first_and_sentence_long_roles_describe_nothing() -> None:
    boxer = entity("person", (", 46 KOs", "a"), (", 46 KOs", "b"), ("heavyweight champion", "c"))
    assert index_row(boxer).description == "Heavyweight champion"
    long = "the reigning national player of the year finished 7-for-14 from the field and had nine rebounds"
    assert [row.text for row in first_roles(entity("person", (long, "a"), ("' Sept. 20 win", "b")))] == []


def test_a_person_is_described_by_an_office_or_job_before_more_cited_roles() -> None:
    person = entity("person", ("nickname for the source", "a"), ("nickname for the source", "b"),
                    ("associate director at the bureau", "c"))
    assert index_row(person).description == "Associate director at the bureau"
    company = entity("organization", ("the largest retailer", "a"), ("the largest retailer", "b"),
                     ("chief executive", "c"))  # no person: most cited first
    assert index_row(company).description == "Largest retailer"
