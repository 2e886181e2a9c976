"""Resolution: one entity per real person, organisation and place."""

from __future__ import annotations

import pytest

from generator.config import load_config
from generator.pipeline import collect
from tests.conftest import make_project

pytestmark = pytest.mark.model


def briefing_of(tmp_path, articles: dict[str, str], config: str = ""):
    root = make_project(tmp_path, seeds=None, config=config)
    (root / "seeds").mkdir()
    for name, text in articles.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    return collect(load_config(root=root), warn=lambda m: None)


def entity_named(briefing, name):
    found = [e for e in briefing.entities if e.name == name]
    assert len(found) == 1, f"{name}: {[(e.name, e.type) for e in briefing.entities]}"
    return found[0]


def owner_of(briefing, text):
    return {e.name for e in briefing.entities if any(m.text == text for m in e.mentions)}


def test_surname_links_to_full_name_across_articles(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Senator Maria Delgado said on Monday that the bill would pass.\n",
        "b.txt": "Delgado told reporters the vote was close. Ms. Delgado left early.\n",
    })
    person = entity_named(b, "Maria Delgado")
    assert person.type == "person"
    assert {m.source for m in person.mentions} == {"a", "b"}
    assert owner_of(b, "Delgado") == {"Maria Delgado"}


def test_two_people_sharing_a_surname_stay_apart(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Governor Anna Keller met Mayor Thomas Keller in the city hall on Monday.\n"
                 "Keller said the meeting went well.\n",
    })
    assert entity_named(b, "Anna Keller").id != entity_named(b, "Thomas Keller").id
    assert "Keller" not in entity_named(b, "Anna Keller").aliases
    assert "Keller" not in entity_named(b, "Thomas Keller").aliases
    shared = entity_named(b, "Keller")
    assert set(shared.ambiguous_with) == {entity_named(b, n).id for n in ("Anna Keller", "Thomas Keller")}


def test_two_family_names_one_letter_apart_are_two_people(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Tourism Minister Andrew Dorsom visited Delhi on Friday. Dorsom said flights would rise.\n",
        "b.txt": "Analyst George Dorsomm downplayed the sales figures. Dorsomm said prices would fall.\n",
    })
    assert entity_named(b, "Andrew Dorsom").id != entity_named(b, "George Dorsomm").id
    assert owner_of(b, "Dorsom") == {"Andrew Dorsom"} and owner_of(b, "Dorsomm") == {"George Dorsomm"}


def test_a_shared_surname_goes_to_the_only_person_its_article_named_before_it(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Governor Anna Keller died on Monday at her home in the capital, her office said.\n"
                 "Keller had led the state for two terms.\n"
                 "She is survived by her husband, Thomas Keller, and two daughters.\n"
                 "Keller said the family was grateful for the messages.\n",
    })
    text = b.sources[0].text

    def owner_at(phrase: str) -> str:  # the entity of the "Keller" starting the phrase
        start = text.index(phrase)
        return next(e.name for e in b.entities for m in e.mentions if m.start == start)

    assert entity_named(b, "Anna Keller").id != entity_named(b, "Thomas Keller").id
    assert owner_at("Keller had led") == "Anna Keller"  # only she was named before it
    assert owner_at("Keller said the family") == "Keller"  # both were: left undecided


def test_place_spelling_variants_merge_by_gazetteer(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "Talks between delegations resumed in Kiev on Monday, officials said.\n",
        "b.txt": "The delegation arrived in Kyiv after a long journey from the west.\n",
    })
    place = entity_named(b, "Kyiv")
    assert place.type == "place" and {m.text for m in place.mentions} == {"Kiev", "Kyiv"}


def test_country_abbreviations_merge(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "The U.S. trade office said the United States would respond. US officials agreed.\n",
    })
    assert {m.text for m in entity_named(b, "United States").mentions} >= {"U.S.", "United States", "US"}


def test_titles_and_possessives_are_stripped(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "President Elena Varga's plan was welcomed. Mr. Jonas Berg, the finance minister, "
                 "said Varga's deadline was too short.\n",
    })
    assert entity_named(b, "Elena Varga").type == "person"
    assert entity_named(b, "Jonas Berg").type == "person"
    names = {e.name for e in b.entities}
    assert not any(n.startswith(("President", "Mr")) or n.endswith("'s") for n in names)


def test_roles_come_from_the_text_with_citations(tmp_path):
    b = briefing_of(tmp_path, {
        "a.txt": "\"We will not give up,\" said Lukas Brenner, an Austrian political analyst.\n",
    })
    person = entity_named(b, "Lukas Brenner")
    role = next(r for r in person.roles if "analyst" in r.text)
    source = next(s for s in b.sources if s.id == "a")
    assert source.text[role.citation.start:role.citation.end] == role.text


def test_user_overrides_merge_rename_retype_ignore_split(tmp_path):
    config = ("entities:\n  merge: [[Jonathan Smythe, Jon Smith]]\n  rename: {Jonathan Smythe: J. Smythe}\n"
              "  retype: {Microsoft: place}\n  ignore: [Google Inc]\n  split: [Delgado]\n")
    b = briefing_of(tmp_path, {
        "a.txt": "Jonathan Smythe said profits rose. Jon Smith hired staff in Paris. Microsoft and "
                 "Google Inc agreed.\nSenator Maria Delgado praised the firm. Ms. Delgado left early.\n",
    }, config)
    person = entity_named(b, "J. Smythe")
    assert {m.text for m in person.mentions} == {"Jonathan Smythe", "Jon Smith"}
    assert entity_named(b, "Microsoft").type == "place"
    assert not owner_of(b, "Google Inc")
    assert owner_of(b, "Delgado") == {"Delgado"}, "split keeps the surname apart"


def test_unknown_override_key_is_an_error(tmp_path):
    from generator.config import BriefingError

    with pytest.raises(BriefingError, match="unknown key"):
        briefing_of(tmp_path, {"a.txt": "Text about Paris and its mayor.\n"}, "entities:\n  mrege: []\n")


# --- the seeds -------------------------------------------------------------

SEED_PEOPLE = {
    "Donald Trump", "Steve Witkoff", "Vladimir Putin", "Matthew Whitaker", "Kirill Dmitriev",
    "Emmanuel Macron", "Gerhard Mangott", "John Kelley", "Tucker Carlson", "Yuri Ushakov",
}


def test_seed_people_each_have_exactly_one_entity(seed_briefing):
    people = [e for e in seed_briefing.entities if e.type == "person"]
    names = [e.name for e in people]
    for name in SEED_PEOPLE:
        assert names.count(name) == 1, f"{name} in {names}"
    assert sum(n.startswith("Volodymyr Zelensk") for n in names) == 1


def test_nothing_but_people_under_people(seed_briefing):
    from generator.knowledge.gazetteer import lookup

    people = [e.name for e in seed_briefing.entities if e.type == "person"]
    assert not [n for n in people if lookup(n)], "no place is listed as a person"
    assert "Steve Witkoff Heads" not in people
    assert all(len(n.split()) >= 2 for n in people), people


@pytest.mark.parametrize("canonical, variants", [
    ("Steve Witkoff", {"Witkoff"}),
    ("Donald Trump", {"Trump"}),
    ("Vladimir Putin", {"Putin"}),
    ("Kyiv", {"Kiev"}),
    ("United States", {"U.S.", "US"}),
])
def test_seed_alias_groups_are_merged(seed_briefing, canonical, variants):
    entity = entity_named(seed_briefing, canonical)
    assert variants <= {m.text for m in entity.mentions}


def test_seed_zelensky_spellings_are_one_person(seed_briefing):
    (zelensky,) = [e for e in seed_briefing.entities if e.name.startswith("Volodymyr Zelensk")]
    assert {"Zelensky", "Volodymyr Zelensky", "Volodymyr Zelenskyy"} <= {m.text for m in zelensky.mentions}


def test_seed_people_have_roles(seed_briefing):
    for name in ("Steve Witkoff", "Vladimir Putin", "Matthew Whitaker", "Gerhard Mangott"):
        assert entity_named(seed_briefing, name).roles, name


def test_seed_groups_are_not_places(seed_briefing):
    groups = {e.name for e in seed_briefing.entities if e.type == "group"}
    places = {e.name for e in seed_briefing.entities if e.type == "place"}
    assert {"Russian", "Ukrainian"} <= groups
    assert not {"Russian", "Ukrainian", "European"} & places
    assert entity_named(seed_briefing, "Russian").country == entity_named(seed_briefing, "Russia").id


@pytest.mark.parametrize("first, second, full, short", [
    # a family name written first
    ("Chinese President Xi Jinping met the delegation in Beijing on Monday.",
     "President Xi said the talks were useful. Xi left on Tuesday.", "Xi Jinping", "Xi"),
    # a family name of two words: the only full name ending with both
    ("Police arrested Marco Lo Verde, a businessman, in Palermo on Monday.",
     "Prosecutors said Lo Verde had run the family's affairs for a decade.", "Marco Lo Verde", "Lo Verde"),
])
def test_a_family_name_links_to_the_only_full_name_it_belongs_to(tmp_path, first, second, full, short):
    b = briefing_of(tmp_path, {"a.txt": first + "\n", "b.txt": second + "\n"})
    person = entity_named(b, full)
    assert {m.source for m in person.mentions} == {"a", "b"}
    assert owner_of(b, short) == {full}


@pytest.mark.parametrize("a, b, same", [
    ("volodymyr zelensky", "volodymyr zelenskyy", True),
    ("donald j trump", "donald trump", True),
    ("john f kennedy", "john kennedy", True),
    ("john kelly", "john kelley jr", False),
    ("anna keller", "thomas keller", False),
    ("maria de la cruz", "maria cruz", False),
    ("john kelly", "jane kelly", False),
])
def test_person_spelling_variants(a, b, same):
    from generator.resolve.person_links import is_spelling_variant

    assert is_spelling_variant(a, b) == same
