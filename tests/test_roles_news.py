"""Roles and non-entities as a reader sees them (issue 11), each on a small hand-written
article: no leading article, the role noun's complement kept, no role from a title-case
headline's capitals, no blank role; abstract nouns and hyphenated group adjectives are
no entities. Every name here is invented."""

from __future__ import annotations

import pytest

from tests.test_resolve import briefing_of, entity_named
from tests.test_resolve_news import names_and_aliases

pytestmark = pytest.mark.model


def roles_of(briefing, name: str) -> set[str]:
    return {r.text for r in entity_named(briefing, name).roles}


def test_a_role_has_no_leading_article_and_cites_its_words(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Talks stall in the capital\n\n"
                 "Lukas Brenner, an Austrian political analyst, said the talks had stalled.\n\n"
                 "The head of the Port Elling Authority, Ida Sorensen, disagreed on Monday.\n",
    })
    assert "Austrian political analyst" in roles_of(b, "Lukas Brenner")
    assert "head of the Port Elling Authority" in roles_of(b, "Ida Sorensen")
    source = next(s for s in b.sources if s.id == "a")
    for entity in b.entities:
        for role in entity.roles:
            assert role.text.strip(), f"blank role of {entity.name}"
            assert not role.text.lower().startswith(("a ", "an ", "the "))
            assert source.text[role.citation.start:role.citation.end] == role.text


def test_a_role_keeps_the_complement_of_its_noun(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Vote expected to fail\n\n"
                 "The acting US envoy to the UN, Joel Marren, said the vote would fail.\n",
    })
    assert "acting US envoy to the UN" in roles_of(b, "Joel Marren")


def test_a_headline_gives_no_role_from_its_capitals(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Ridley Envoy Oskar Vale Heads To Talks\n\n"
                 "Oskar Vale, the special envoy of Alan Ridley, left for the talks on Monday.\n",
    })
    roles = {r.text for e in b.entities for r in e.roles}
    assert "Ridley Envoy" not in roles
    assert "special envoy of Alan Ridley" in roles_of(b, "Oskar Vale")


def test_abstract_nouns_and_group_adjectives_are_no_entities(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "The minister blamed Slavophobia for the crisis and warned of Franco-German "
                 "tensions. Officials in Paris said Germans and French voters were worried.\n",
    })
    assert not names_and_aliases(b) & {"Slavophobia", "Franco-German"}


def test_time_zones_are_no_entities(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Polls opened at 8:00 am local time (0300 GMT) on Sunday in Ashgabat. "
                 "Voting closed at 1300 GMT. Counting went on at 9 p.m. EST.\n",
    })
    names = names_and_aliases(b)
    assert not names & {"GMT", "EST"}
    assert "Ashgabat" in names


def test_a_role_the_name_s_own_verb_gives(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Rovers Hire Daniel Okafor As Head Coach\n\n"
                 "Daniel Okafor was introduced as the new head coach of the Rovers on Friday. "
                 "Mira Solberg is the mayor of Eastfield.\n",
    })
    assert "new head coach of the Rovers" in roles_of(b, "Daniel Okafor")
    assert "mayor of Eastfield" in roles_of(b, "Mira Solberg")
    assert "Coach" in {m.text for m in entity_named(b, "Daniel Okafor").mentions}


def test_a_title_before_a_name_is_its_role_not_the_words_before_the_title(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "The fire caused damage to Ohio Gov. Nora Vellacott's church. Neighbours built "
                 "an appalling effigy of Gov. Vellacott. Later she spoke with Secretary of State "
                 "Ida Berg. Arson is suspected in the burning of the church former vice "
                 "presidential candidate Nora Vellacott attends. The party leader Jane Doe spoke. "
                 "Nora Vellacott, her husband Ben and up to 1,000 fellow parishioners will attend.\n",
    })
    governor = roles_of(b, "Nora Vellacott")
    assert not any(role.startswith(("damage", "appalling", "her husband")) for role in governor), governor
    assert governor <= {"Ohio Gov.", "Gov.", "former vice presidential candidate",
                        "vice presidential candidate"}, governor  # not "church former vice ..."
    assert "party leader" in roles_of(b, "Jane Doe")
    assert "Secretary of State" in roles_of(b, "Ida Berg")  # a complement after the title stays


def test_a_note_in_brackets_after_a_name_is_no_role(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Running back Tomas Brill (knee) is out for the season, and Jan Novak, a "
                 "Czech political analyst, said the team would struggle.\n",
    })
    assert "knee" not in {r.text.strip("( ") for e in b.entities for r in e.roles}
    assert "Czech political analyst" in roles_of(b, "Jan Novak")


def test_an_apposition_after_of_a_thing_or_according_to_names_no_role_unless_an_office(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Police removed an effigy of Sarah Quell, part of a Halloween display in a yard, "
                 "on Monday.\n\nThe son of Tomas Brill, a retired judge, spoke at the hearing.\n\n"
                 "Instead it was, according to Sarah Quell, the offices where records were stored, "
                 "that burned.\n",
    })
    assert not {r for r in roles_of(b, "Sarah Quell") if "display" in r or "offices" in r}
    assert "retired judge" in roles_of(b, "Tomas Brill")


def test_a_denied_complement_is_no_role(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Port talks resume\n\n"
                 "Lukas Brenner is the mayor of Port Elling. "
                 "Ida Sorensen is not the mayor of Port Elling.\n\n"
                 "Oskar Vale said Norway would no longer become the victim of such raids.\n",
    })
    assert "mayor of Port Elling" in roles_of(b, "Lukas Brenner")
    assert not roles_of(b, "Ida Sorensen")
    assert entity_named(b, "Norway").type == "place"
    assert not {r.text for r in entity_named(b, "Norway").roles}


@pytest.mark.parametrize("article, holder, role, absent", [
    ("The ruling came an hour after Pavel Dorn, lawyer for the boy's father Tomas Reyes, spoke.\n\n"
     "The acting US envoy to the UN, Joel Marren, said the vote would fail.\n",
     "Joel Marren", "acting US envoy to the UN", ("Tomas Reyes", "lawyer")),  # the father is no lawyer
    ("Ida Sorensen, the head of Nord-Marine Shipping, signed the deal on Monday.\n\n"
     "Joel Marren is the founder of a group known as Al-Fajr.\n",
     "Ida Sorensen", "head of Nord-Marine Shipping", None),  # a hyphen inside a word ends no role
    ("Joel Marren is the founder of a group known as Al-Fajr.\n",
     "Joel Marren", "founder of a group known as Al-Fajr", None),
])
def test_a_role_goes_whole_to_its_holder(tmp_path, article, holder, role, absent):
    b = briefing_of(tmp_path, {"a.txt": "Talks held\n\n" + article})
    assert role in roles_of(b, holder)
    if absent:
        name, word = absent
        assert not any(word in r for r in roles_of(b, name))
