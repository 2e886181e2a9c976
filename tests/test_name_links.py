"""Name-group linking rules (``resolve.name_kinds``, ``person_links``, ``organisation_links``,
``variant_links``) on hand-made mentions; no model."""

from __future__ import annotations

from generator.knowledge import gazetteer
from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup, group_mentions
from generator.resolve.name_kinds import is_mostly_person, is_personish
from generator.resolve.organisation_links import link_acronyms, link_department_forms, link_name_suffixes
from generator.resolve.overrides import Overrides
from generator.resolve.person_links import (
    link_initialled_given_names,
    link_misspelt_given_names,
    link_surnames,
)
from generator.resolve.variant_links import link_label_variants, link_plural_variants


def group(key: str, *mentions: tuple[str, str, tuple[str, ...]]) -> NameGroup:
    return NameGroup(key, [Mention("a", n, n + len(text), text, label, 0, cues=cues)
                           for n, (text, label, cues) in enumerate(mentions)])


def named(key: str, label: str, *sources: str, text: str = "") -> NameGroup:
    """A mention of ``key`` (written ``text``, else in title case) in each article of ``sources``."""
    written = text or key.title()
    return NameGroup(key, [Mention(source, 0, len(written), written, label, 0) for source in sources])


def test_a_person_tag_after_the_is_no_vote_for_a_person():
    team = group("pumas", *[("Pumas", "PERSON", ("determiner",))] * 3, ("Pumas", "PERSON", ()))
    assert not is_mostly_person(team)
    assert is_mostly_person(group("quell", ("Quell", "PERSON", ()), ("Quell", "ORG", ("determiner",))))


def test_a_team_nickname_mistagged_as_a_person_joins_its_full_name():
    groups = {
        "pumas": group("pumas", *[("Pumas", "PERSON", ("determiner",))] * 3),
        "harbor city pumas": group("harbor city pumas", ("Harbor City Pumas", "ORG", ("determiner",))),
    }
    links = Links(groups)
    link_name_suffixes(groups, links, Overrides())
    assert links.find("pumas") == links.find("harbor city pumas")


def test_a_place_is_no_family_name_of_an_organisation_named_after_it():
    # NER tags the town and, once, the church named after it as people; "Hill" must not
    # join "Hill Bible Church" as a family name written first ("Xi" of "Xi Jinping" does).
    groups = {
        "hill": group("hill", ("Hill", "PERSON", ()), ("Hill", "GPE", ("prep:place",))),
        "hill bible church": group("hill bible church", ("Hill Bible Church", "ORG", ()),
                                   ("Hill Bible Church", "PERSON", ())),
        "xi": group("xi", ("Xi", "PERSON", ())),
        "xi jinping": group("xi jinping", ("Xi Jinping", "PERSON", ())),
    }
    links = Links(groups)
    link_surnames(groups, links, Overrides())
    assert links.find("hill") != links.find("hill bible church")
    assert links.find("xi") == links.find("xi jinping")
    assert not is_personish(groups["hill bible church"])


def test_a_title_written_after_the_is_not_the_name_it_ends_with():
    # "The Fabled Tilda Marsh" (a film) and "The True Tilda Marsh" (a book) both end with the
    # name of the person they are about; the person's own mentions must stay hers, whether
    # the parse tags her a person or, as small models often do, an organisation.
    person = [("Tilda Marsh", "PERSON", ()), ("Tilda Marsh", "ORG", ()),
              ("Tilda Marsh", "ORG", ("determiner",))]  # "the Tilda Marsh look"
    film = [("Fabled Tilda Marsh", "ORG", ("determiner",)), ("Fabled Tilda Marsh", "", ())]
    for short_label in ("PERSON", "ORG"):
        groups = {
            "tilda marsh": group("tilda marsh", *[(t, short_label, c) for t, _, c in person]),
            "fabled tilda marsh": group("fabled tilda marsh", *film),
            "harbor city pumas": group("harbor city pumas", ("Harbor City Pumas", "ORG", ("determiner",))),
            "pumas": group("pumas", ("Pumas", "ORG", ("determiner",))),
        }
        links = Links(groups)
        ambiguous = link_surnames(groups, links, Overrides())
        ambiguous.update(link_name_suffixes(groups, links, Overrides()))
        assert links.find("tilda marsh") != links.find("fabled tilda marsh")
        assert "tilda marsh" not in ambiguous
        assert links.find("pumas") == links.find("harbor city pumas")  # both take "the"


def test_a_given_name_written_as_its_initial_joins_the_only_name_spelling_it_out():
    groups = {key: group(key, (key.title(), "PERSON", ())) for key in (
        "q dalton reeve", "quentin dalton reeve",  # the same man
        "t ada lund", "tessa ada lund", "tilly ada lund",  # two women the initial may mean
        "h ward",  # two words: "H. Ward" may be anyone of that family
        "harriet ward")}
    links = Links(groups)
    link_initialled_given_names(groups, links, Overrides())
    assert links.find("q dalton reeve") == links.find("quentin dalton reeve")
    assert links.find("t ada lund") not in {links.find("tessa ada lund"), links.find("tilly ada lund")}
    assert links.find("h ward") != links.find("harriet ward")


def test_a_generation_mark_tagged_on_its_own_names_nobody():
    mentions = [Mention("a", 0, 15, "Q. Dalton Reeve", "PERSON", 0),
                Mention("a", 17, 20, "Sr.", "GPE", 0), Mention("a", 40, 49, "Lund, Jr.", "PERSON", 0)]
    assert sorted(group_mentions(mentions)) == ["lund jr", "q dalton reeve"]


def test_a_misspelt_given_name_joins_unless_one_article_names_both():
    groups = {
        "annabelle quist": named("annabelle quist", "PERSON", "a", "b"),
        "anabelle quist": named("anabelle quist", "PERSON", "c"),
        "daniel roe": named("daniel roe", "PERSON", "d"),
        "daniela roe": named("daniela roe", "PERSON", "d"),  # side by side
        "michael tarn": named("michael tarn", "PERSON", "e"),
        "michelle tarn": named("michelle tarn", "PERSON", "f"),
    }
    links = Links(groups)
    link_misspelt_given_names(groups, links, Overrides())
    assert links.find("annabelle quist") == links.find("anabelle quist")
    assert links.find("daniel roe") != links.find("daniela roe")
    assert links.find("michael tarn") != links.find("michelle tarn")


def test_an_acronym_may_spell_the_article_of_a_title():
    groups = {
        "quill courier": group("quill courier", ("Quill Courier", "ORG", ("determiner",))),
        "tqc": group("tqc", ("TQC", "ORG", ())),
        "harbor reserve board": group("harbor reserve board", ("Harbor Reserve Board", "ORG", ())),
        "thrb": group("thrb", ("THRB", "ORG", ())),  # no "the" before the board's name
        "dune county trust": group("dune county trust", ("Dune County Trust", "ORG", ("determiner",))),
        "dct": group("dct", ("DCT", "ORG", ())),
    }
    links = Links(groups)
    link_acronyms(groups, links, Overrides())
    assert links.find("tqc") == links.find("quill courier")
    assert links.find("thrb") != links.find("harbor reserve board")
    assert links.find("dct") == links.find("dune county trust")  # the initials alone first


def test_a_given_name_alone_joins_the_one_person_its_articles_name():
    groups = {
        "tilda marsh": named("tilda marsh", "PERSON", "a", "b"), "tilda": named("tilda", "GPE", "a", "b"),
        "orla vance": named("orla vance", "PERSON", "a"),
        "orla": named("orla", "ORG", "a", "c"),  # article "c" names no Orla Vance
        "brin cole": named("brin cole", "PERSON", "d"), "brin hale": named("brin hale", "PERSON", "d"),
        "brin": named("brin", "GPE", "d"),  # two people of that given name
    }
    links = Links(groups)
    link_surnames(groups, links, Overrides())
    assert links.find("tilda") == links.find("tilda marsh")
    assert links.find("orla") != links.find("orla vance")
    assert links.find("brin") not in {links.find("brin cole"), links.find("brin hale")}


def test_a_department_written_without_department_is_the_same_organisation():
    groups = {
        "staunton police department": group("staunton police department",
                                            ("Staunton Police Department", "ORG", ("determiner",))),
        "staunton police": group("staunton police", ("Staunton Police", "ORG", ())),
        "state department": group("state department", ("State Department", "ORG", ("determiner",))),
        "state": group("state", ("State", "ORG", ())),
        "harbor fire department": group("harbor fire department", ("Harbor Fire Department", "ORG", ())),
        "harbor fire": group("harbor fire", *[("Harbor Fire", "PERSON", ())] * 2),  # a person's name
    }
    links = Links(groups)
    link_department_forms(groups, links, Overrides())
    assert links.find("staunton police") == links.find("staunton police department")
    assert links.find("state") != links.find("state department")  # two words: never written short
    assert links.find("harbor fire") != links.find("harbor fire department")


def test_a_police_department_s_initials_spell_its_d():
    groups = {
        "new york police": group("new york police", ("New York Police", "ORG", ())),
        "nypd": group("nypd", ("NYPD", "ORG", ())),
        "dune county trust": group("dune county trust", ("Dune County Trust", "ORG", ())),
        "dctd": group("dctd", ("DCTD", "ORG", ())),  # the D stands for a police department only
    }
    links = Links(groups)
    link_acronyms(groups, links, Overrides())
    assert links.find("nypd") == links.find("new york police")
    assert links.find("dctd") != links.find("dune county trust")


def test_a_plural_s_inside_a_long_organisation_name_is_the_same_organisation():
    groups = {
        "central election commission": group("central election commission",
                                             ("Central Election Commission", "ORG", ())),
        "central elections commission": group("central elections commission",
                                              ("Central Elections Commission", "ORG", ())),
        "rolling stone": group("rolling stone", ("Rolling Stone", "ORG", ())),
        "rolling stones": group("rolling stones", ("Rolling Stones", "ORG", ())),  # a band, not the magazine
        "harbor news service": group("harbor news service", ("Harbor News Service", "ORG", ())),
        "harbor new service": group("harbor new service", ("Harbor New Service", "ORG", ())),  # no plural
        "national industries board": group("national industries board",
                                           ("National Industries Board", "ORG", ())),
        "national industry board": group("national industry board", ("National Industry Board", "ORG", ())),
        "state securities office": group("state securities office", ("State Securities Office", "ORG", ())),
        "state security office": group("state security office", ("State Security Office", "ORG", ())),
    }
    links = Links(groups)
    link_plural_variants(groups, links, Overrides())
    assert links.find("central elections commission") == links.find("central election commission")
    assert links.find("national industries board") == links.find("national industry board")
    assert links.find("state securities office") != links.find("state security office")  # another sense
    assert links.find("rolling stone") != links.find("rolling stones")
    assert links.find("harbor news service") != links.find("harbor new service")


def test_an_acronym_several_names_spell_goes_to_the_one_its_article_names():
    groups = {
        "central election commission": named("central election commission", "ORG", "a"),
        "cis executive committee": named("cis executive committee", "ORG", "b",
                                         text="CIS Executive Committee"),
        "cec": named("cec", "ORG", "a", "b", "c", text="CEC"),
    }
    links = Links(groups)
    link_acronyms(groups, links, Overrides())
    owner = {m.source: links.find(key)
             for key, g in groups.items() if key.startswith("cec") for m in g.mentions}
    assert owner["a"] == links.find("central election commission")
    assert owner["b"] == links.find("cis executive committee")
    assert owner["c"] == links.find("cec") not in (links.find("central election commission"),
                                                  links.find("cis executive committee"))


def test_a_name_tagged_a_group_here_and_an_organisation_there_is_one_name():
    groups = {
        "group:nypd": group("group:nypd", ("NYPD", "NORP", ())),
        "nypd": group("nypd", ("NYPD", "ORG", ()), ("NYPD", "ORG", ())),
        "group:taliban": group("group:taliban", ("Taliban", "NORP", ())),
        "talibans": group("talibans", ("Talibans", "ORG", ())),
        "group:french": group("group:french", ("French", "NORP", ())),
        "french": group("french", ("French", "ORG", ())),  # a nationality is no organisation's name
    }
    links = Links(groups)
    link_label_variants(groups, links, Overrides())
    assert links.find("group:nypd") == links.find("nypd")
    assert links.find("group:taliban") == links.find("talibans")
    assert links.find("group:french") != links.find("french")


def test_a_place_is_not_the_short_form_of_a_part_of_it_or_a_place_beside_it():
    groups = {
        "america": group("america", ("America", "GPE", ())),
        "central america": group("central america", ("Central America", "LOC", ())),
        "sudan": group("sudan", ("Sudan", "ORG", ())),
        "south sudan": group("south sudan", ("South Sudan", "ORG", ())),
        "rovers": group("rovers", ("Rovers", "ORG", ())),
        "harbor city rovers": group("harbor city rovers", ("Harbor City Rovers", "ORG", ())),
    }
    links = Links(groups)
    link_name_suffixes(groups, links, Overrides())
    assert links.find("america") != links.find("central america")
    assert links.find("sudan") != links.find("south sudan")
    assert links.find("rovers") == links.find("harbor city rovers")


def test_a_place_is_not_the_short_form_of_an_organisation_named_after_it():
    groups = {
        "tellmark": group("tellmark", ("Tellmark", "GPE", ()), ("Tellmark", "GPE", ())),
        "first of tellmark": group("first of tellmark", ("First of Tellmark", "ORG", ())),
        "mount ember": group("mount ember", ("Mount Ember", "LOC", ())),
        "grey mount ember": group("grey mount ember", ("Grey Mount Ember", "LOC", ())),
        "harriers": group("harriers", ("Harriers", "ORG", ())),
        "dunmore harriers": group("dunmore harriers", ("Dunmore Harriers", "ORG", ())),
    }
    links = Links(groups)
    link_name_suffixes(groups, links, Overrides())
    assert links.find("tellmark") != links.find("first of tellmark")  # the country is not the bank
    assert links.find("mount ember") == links.find("grey mount ember")
    assert links.find("harriers") == links.find("dunmore harriers")


def test_a_compass_word_alone_is_no_short_form():
    groups = {
        "west": group("west", ("West", "LOC", ()), ("West", "LOC", ())),
        "tellmark west": group("tellmark west", ("Tellmark West", "LOC", ()), ("Tellmark West", "", ())),
        "north": group("north", ("North", "ORG", ())),
        "harbor north": group("harbor north", ("Harbor North", "ORG", ())),
    }
    links = Links(groups)
    link_name_suffixes(groups, links, Overrides())
    assert links.find("west") != links.find("tellmark west")  # "the West" is no airline
    assert links.find("north") != links.find("harbor north")



def test_an_acronym_that_is_a_known_place_spells_no_organisation():
    place = gazetteer.lookup("United States")
    country = group("us", ("US", "GPE", ()))
    country.place = place
    groups = {"us": country, "ulm shipping": group("ulm shipping", ("ULM Shipping", "ORG", ())),
              "ups": group("ups", ("UPS", "ORG", ())),
              "united parcel service": group("united parcel service", ("United Parcel Service", "ORG", ()))}
    links = Links(groups)
    link_acronyms(groups, links, Overrides())
    assert links.find("us") != links.find("ulm shipping")
    assert links.find("ups") == links.find("united parcel service")
