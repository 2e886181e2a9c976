"""Coordinated names split by ``name_groups.split_coordinations``; mentions bucketed by
``group_mentions``; no model."""

from __future__ import annotations

from generator.model import Mention
from generator.resolve.name_groups import (
    NameGroup,
    group_key,
    group_mentions,
    join_split_names,
    speaking_family_names,
    split_coordinations,
)
from generator.resolve.name_kinds import is_mostly_person

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


def test_a_family_name_of_a_person_of_the_article_splits_the_name_it_is_coordinated_in():
    joined = at("Springfield and Quell", "ORG")
    found = split_coordinations([at("Dana Quell", "PERSON"), joined])
    assert [(m.text, m.label) for m in found[1:]] == [("Springfield", "ORG"), ("Quell", "PERSON")]


def test_an_organisation_named_with_and_stays_whole():
    whole = [at("Dana Quell", "PERSON"), at("Marks and Spencer", "ORG"), at("Quell and Quell", "ORG")]
    assert split_coordinations(whole) == whole


def test_group_mentions_buckets_each_mention_under_its_own_key():
    """Keys are worked out once per (text, label, person title cue): mentions differing in one
    of them, or only in what the key does not read, still land where ``group_key`` puts them."""
    mentions = [Mention("a", 0, 5, "Paris", "GPE", 0), Mention("b", 0, 5, "Paris", "PERSON", 0),
                Mention("c", 0, 5, "Paris", "GPE", 0, cues=("title:person",)),
                Mention("d", 9, 14, "Paris", "GPE", 3, title="Mayor"),
                Mention("e", 0, 6, "French", "NORP", 0), Mention("f", 0, 6, "French", "ORG", 0),
                Mention("g", 0, 9, "Dana Doe", "PERSON", 0), Mention("h", 4, 13, "Dana Doe", "ORG", 1)]
    groups = group_mentions(mentions)
    placed = {m.source: key for key, group in groups.items() for m in group.mentions}
    assert placed == {m.source: group_key(m)[0] for m in mentions}
    assert len(set(placed.values())) >= 4  # the label and the cue do change some keys



def test_what_a_group_works_out_of_its_mentions_follows_them_when_they_change():
    def worked_out(group: NameGroup) -> tuple[float, str, bool]:
        return group.label_share("PERSON"), group.usual_form, is_mostly_person(group)

    quell = NameGroup("quell", [at("Quell", "ORG")])
    assert worked_out(quell) == (0.0, "Quell", False)
    quell.mentions.append(Mention("a", 0, 10, "Dana Quell", "PERSON", 0))
    quell.mentions.append(Mention("a", 0, 10, "Dana Quell", "PERSON", 0))
    assert worked_out(quell) == (2 / 3, "Dana Quell", True), "appended mentions count"
    quell.mentions = [at("Quell", "ORG"), at("Quell", "GPE", 1)]
    assert worked_out(quell) == (0.0, "Quell", False), "a new list counts"


def test_a_company_is_compared_without_its_legal_form():
    def key(text: str, label: str = "ORG") -> str:
        return group_key(Mention("a", 0, len(text), text, label, 0))[0]

    assert key("Quellwerk Corp.") == key("Quellwerk Inc") == key("Quellwerk") == "quellwerk"
    assert key("Dantry Motor Co Ltd") == key("Dantry Motor Company") == "dantry motor"
    assert key("Quellwerk Widgets, Inc.") == "quellwerk widgets"
    # a word that some country's list holds as a legal form, or nothing left: kept
    assert key("Lakeside Spa") == "lakeside spa" and key("Inc.") == "inc"
    assert key("Dana Co", "PERSON") == "dana co"  # people have no legal form


def test_a_speaking_place_name_is_the_person_of_that_family_name_in_the_article():
    def m(text: str, label: str, *cues: str) -> Mention:
        return Mention("a", 0, len(text), text, label, 0, cues=cues)

    found = speaking_family_names([m("Pedro Toledo", "PERSON", "title:person"),
                                   m("Toledo", "GPE", "verb:said"), m("Toledo", "GPE", "prep:place"),
                                   m("Moscow", "GPE", "verb:said")])
    assert [x.label for x in found] == ["PERSON", "PERSON", "GPE", "GPE"]
    alone = [m("Moscow", "GPE", "verb:said")]
    assert speaking_family_names(alone) == alone


def test_a_name_the_model_split_after_a_title_is_joined_and_then_speaks():
    # "Harbour Commissioner Ines Varga urged calm. ... Varga said ..." with "Varga" tagged a place
    mentions = [Mention("a", 21, 25, "Ines", "PERSON", 0, cues=("title:person",)),
                Mention("a", 26, 31, "Varga", "GPE", 0, cues=("title:person", "verb:said")),
                Mention("a", 60, 65, "Varga", "GPE", 1, cues=("verb:said",)),
                Mention("a", 80, 84, "Lena", "PERSON", 2),  # no title: "Lena Oslo" stays two names
                Mention("a", 85, 89, "Oslo", "GPE", 2)]
    joined = speaking_family_names(join_split_names(mentions))
    assert [(m.text, m.label) for m in joined] == [
        ("Ines Varga", "PERSON"), ("Varga", "PERSON"), ("Lena", "PERSON"), ("Oslo", "GPE")]
    assert joined[0].start == 21 and joined[0].end == 31
