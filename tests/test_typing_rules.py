"""Entity typing by evidence (``resolve.typing_rules``): a person's role is evidence for a person,
and an outlet the metadata names is an organisation."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.knowledge.role_words import is_person_role
from generator.model import Citation, Mention, Role
from generator.resolve.entities import build_entity
from generator.resolve.name_groups import NameGroup
from generator.resolve.overrides import Overrides
from generator.resolve.typing_rules import outlet_key, vote_type


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


def test_a_name_the_metadata_gives_as_an_outlet_is_an_organisation():
    said = [Mention("a", 50, 65, "Evening Courier", "PERSON", 1, cues=("verb:said",)),
            Mention("b", 80, 95, "Evening Courier", "PERSON", 2)]
    groups = [NameGroup("evening courier", said)]
    assert build_entity(groups, Overrides()).type == "person"  # what the model's tags say
    outlets = frozenset({outlet_key("The Evening Courier")})
    assert build_entity(groups, Overrides(), outlets).type == "organization"
    retyped = Overrides(retype={"evening courier": "person"})  # the user's word is final
    assert build_entity(groups, retyped, outlets).type == "person"


def test_an_outlet_named_like_no_mention_changes_nothing():
    groups = [NameGroup("jane doe", [Mention("a", 0, 8, "Jane Doe", "PERSON", 0)])]
    assert build_entity(groups, Overrides(), frozenset({outlet_key("Doe Weekly")})).type == "person"


def test_an_initialism_written_with_spaces_is_no_full_name_that_outvotes_the_rest():
    # "F. B. I." tagged PERSON four times, "Federal Bureau of Investigation" ORG three times:
    # the initialism is no full name, and "Bureau of ..." is an organisation's head word.
    initials = [Mention("a", i * 20, i * 20 + 8, "F. B. I.", "PERSON", 0) for i in range(4)]
    spelled = [Mention("b", i * 40, i * 40 + 31, "Federal Bureau of Investigation", "ORG", 0)
               for i in range(3)]
    assert vote_type(initials + spelled, known_place=False) == "organization"


@pytest.mark.parametrize("name, kind", [
    ("University of Texas", "organization"),
    ("Department of the Interior", "organization"),
    ("Bank of America", "organization"),
    ("Gulf of Aden", "place"),  # no organisation word before "of"
    ("Duke of Edinburgh", "person"),
])
def test_an_organisation_word_before_of_makes_an_organisation(name, kind):
    label = {"place": "LOC", "person": "PERSON"}.get(kind, "PERSON")  # the model's tag, if wrong
    mentions = [Mention("a", 0, len(name), name, label, 0)]
    assert vote_type(mentions, known_place=False) == kind


def test_a_person_tag_on_a_name_written_after_the_is_no_vote():
    # "the Harbor Herons beat ...": small models tag a team's nickname PERSON; people's names
    # take no article, so those tags are no evidence, while the article still counts for an
    # organisation.
    def herons(label: str, start: int, *cues: str) -> Mention:
        return Mention("a", start, start + 13, "Harbor Herons", label, 0, cues=cues)

    mentions = [herons("PERSON", 0, "determiner"), herons("PERSON", 100, "determiner"),
                herons("PERSON", 200), herons("PERSON", 300)]
    assert vote_type(mentions, known_place=False) == "organization"
    assert vote_type([replace(m, cues=()) for m in mentions], known_place=False) == "person"


def test_the_pronouns_after_a_name_count_for_a_person():
    # "Hanna Marsk ... she said": the model tags the name ORG three times, PERSON twice, and
    # each PERSON tag is followed by "she" or "her".
    person = [replace(mention("PERSON", start=n), cues=("gender:f",)) for n in (0, 100)]
    mentions = [*person, *(mention("ORG", start=n) for n in (200, 300, 400))]
    assert vote_type(mentions, known_place=False) == "person"
    assert vote_type([replace(m, cues=()) for m in mentions], known_place=False) == "organization"


def test_a_family_name_alone_lends_its_cues_to_a_full_name_the_model_tags_an_organisation():
    # "Hanna Marsk" tagged ORG every time; "Ms. Marsk ... she" tagged as a person: only
    # full names vote with their tags (NER reads a bare "Marsk" less well), but what the
    # text says of the bare name (a title, "she") still counts.
    full = [Mention("a", n * 20, n * 20 + 11, "Hanna Marsk", "ORG", 0) for n in range(4)]
    bare = [Mention("a", 200 + n * 20, 205 + n * 20, "Marsk", "PERSON", 0,
                    cues=("title:person",) if n % 2 else ("gender:f",)) for n in range(3)]
    assert vote_type(full, known_place=False) == "organization"
    assert vote_type(full + bare, known_place=False) == "person"


def test_a_known_place_written_after_the_stays_a_place():
    # "the U.S." dozens of times, and one full name the model tags as an organisation
    mentions = [Mention("a", n * 20, n * 20 + 4, "U.S.", "GPE", n, cues=("determiner",)) for n in range(30)]
    mentions += [Mention("a", 700 + n * 20, 704 + n * 20, "U.S.", "GPE", 35 + n, cues=("prep:place",))
                 for n in range(5)]  # "in the U.S."
    mentions.append(Mention("a", 900, 910, "U.S. Coast", "ORG", 45))
    assert vote_type(mentions, known_place=True) == "place"
    assert vote_type(mentions, known_place=False) == "organization"  # "the Acme": an organisation
