"""Name resolution faults read in the TempEval-3 wire and WSJ articles (twenty-sixth session),
each as a class, on hand-made mentions with invented names; no model."""

from __future__ import annotations

import pytest
import spacy
from spacy.tokens import Doc

from generator.model import Mention
from generator.nlp.cues import type_cues
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.overrides import Overrides
from generator.resolve.person_links import link_spelling_variants
from generator.resolve.short_forms import link_head_words
from generator.resolve.typing_rules import vote_type


def named(key: str, label: str, *sources: str, text: str = "") -> NameGroup:
    """A mention of ``key`` (written ``text``, else in title case) in each article of ``sources``."""
    written = text or key.title()
    return NameGroup(key, [Mention(source, 0, len(written), written, label, 0) for source in sources])


def spelling_joined(*groups: NameGroup) -> Links:
    """The links ``link_spelling_variants`` makes over ``groups``."""
    by_key = {g.key: g for g in groups}
    links = Links(by_key)
    link_spelling_variants(by_key, links, Overrides())
    return links


def test_one_word_names_spelt_alike_in_unrelated_articles_stay_apart():
    # "its Orvel home computer" in a business story; "Orvell said" in a report on other news.
    links = spelling_joined(named("orvel", "PERSON", "tech"), named("orvell", "PERSON", "talks"),
                            named("quillon corp", "ORG", "tech"), named("brenna party", "ORG", "talks"))
    assert links.find("orvel") != links.find("orvell")


def test_a_shared_place_is_no_evidence_of_one_name():
    links = spelling_joined(named("orvel", "PERSON", "tech"), named("orvell", "PERSON", "talks"),
                            named("place:lisbon", "GPE", "tech", "talks", text="Lisbon"),
                            named("group:dutch", "NORP", "tech", "talks", text="Dutch"))
    assert links.find("orvel") != links.find("orvell")


def test_a_one_word_name_misspelt_in_reports_of_one_happening_joins():
    # Two reports of one seizure name the same ship and navy; one misspells the captain.
    links = spelling_joined(named("tarvaluddin", "PERSON", "a"), named("tarvaladdin", "PERSON", "b"),
                            named("coastal navy", "ORG", "a", "b"))
    assert links.find("tarvaluddin") == links.find("tarvaladdin")


def parsed(words: list[str], heads: list[int], deps: list[str], ents: list[str]) -> Doc:
    """A hand-made parse (``spacy.blank``: no model)."""
    return Doc(spacy.blank("en").vocab, words=words, heads=heads, deps=deps, ents=ents)


@pytest.mark.parametrize(("noun", "label", "kin"), [
    ("family", "PERSON", True), ("brothers", "ORG", True),
    ("takeover", "ORG", False),  # "the Harwood takeover": a company's
    ("relatives", "GPE", False),  # "the Lisbon relatives": the family's home, a place
])
def test_a_name_modifying_a_family_noun_is_a_familys(noun, label, kin):
    doc = parsed(["Shares", "held", "by", "the", "Harwood", noun, "rose", "."], [1, 1, 1, 5, 5, 2, 1, 1],
                 ["nsubj", "ROOT", "agent", "det", "compound", "pobj", "conj", "punct"],
                 ["O", "O", "O", "O", f"B-{label}", "O", "O", "O"])
    assert ("kin:person" in type_cues(doc.ents[0], False)) == kin


def at(source: str, text: str, label: str, *cues: str) -> Mention:
    return Mention(source, 0, len(text), text, label, 0, cues=cues)


def test_a_family_written_with_the_is_no_company():
    # "Ilse Harwood" is named once; "the Harwood family", "the Harwoods" and "the Harwood
    # associates" take an article, which alone had outvoted her as an organisation.
    mentions = [at("a", "Ilse Harwood", "PERSON", "gender:f"),
                at("b", "Harwood", "PERSON", "determiner", "kin:person"),
                at("a", "Harwoods", "NORP", "determiner"), at("a", "Harwood", "ORG", "determiner")]
    assert vote_type(mentions, known_place=False) == "person"
    company = [at("a", "Harwood Mills", "ORG"), at("a", "Harwood", "ORG", "determiner"),
               at("b", "Harwood", "ORG", "determiner")]
    assert vote_type(company, known_place=False) == "organization"


def head_word_links(*groups: NameGroup) -> Links:
    """The links ``link_head_words`` makes over ``groups``."""
    by_key = {g.key: g for g in groups}
    links = Links(by_key)
    link_head_words(by_key, links, Overrides())
    return links


def after_the(key: str, *sources: str) -> NameGroup:
    """An organisation name written after "the" once in each article of ``sources``."""
    return NameGroup(key, [at(s, key.title(), "ORG", "determiner") for s in sources])


def test_the_head_word_alone_is_the_organisation_it_heads_in_the_same_articles():
    # "the Institute" in articles writing "the Institute of Tidal Studies" (and the
    # "Institute Prize" it awards, a name the word does not head).
    links = head_word_links(after_the("institute", "a", "b", "c"),
                            after_the("institute of tidal studies", "a"),
                            after_the("institute prize", "a", "b", "c"))
    assert links.find("institute") == links.find("institute of tidal studies")
    assert links.find("institute") != links.find("institute prize")


def test_a_head_word_two_organisations_share_in_its_articles_stays_apart():
    links = head_word_links(after_the("institute", "a", "b"), after_the("institute of tidal studies", "a"),
                            after_the("institute of lake studies", "b"))
    assert len({links.find(k) for k in ("institute", "institute of tidal studies",
                                        "institute of lake studies")}) == 3
    links = head_word_links(after_the("institute", "a"), after_the("institute of tidal studies", "b"))
    assert links.find("institute") != links.find("institute of tidal studies")  # never written together


@pytest.mark.parametrize("name", ["Velmar Gulf", "Strait of Orrin", "Velmar Islands"])
def test_a_sea_or_region_written_after_the_is_a_place(name):
    mentions = [at("a", name, "LOC", "determiner"), at("b", name, "LOC", "determiner"),
                at("b", name, "GPE", "determiner", "prep:place")]
    assert vote_type(mentions, known_place=False) == "place"


def test_a_region_word_does_not_make_a_company_a_place():
    # "the Velmar Channel" tagged ORG (a broadcaster) and an unknown "the Velmar Heights" stay
    # as they were: only a location tag with a sea's or region's word drops the article's vote.
    assert vote_type([at("a", "Velmar Channel", "ORG", "determiner")] * 2, known_place=False) == "organization"
    assert vote_type([at("a", "Velmar Heights", "LOC", "determiner")] * 2, known_place=False) == "organization"


@pytest.mark.parametrize(("name", "kind"), [
    ("Upper Velmar East", "place"), ("Velmarian Midwest", "place"),
    ("South Norwegian Velmar Open", "organization"),  # a people's word: no region's name
])
def test_a_region_named_by_a_compass_word_is_a_place(name, kind):
    assert vote_type([at("a", name, "LOC", "determiner")] * 3, known_place=False) == kind


def test_the_before_a_persons_family_name_modifying_a_noun_is_the_nouns():
    # "the Harwood case", "the Harwood group": the "the" is the case's and the group's.
    person = [at("a", "Ilse Harwood", "PERSON"), at("a", "Harwood", "ORG", "determiner", "modifier"),
              at("b", "Harwood", "PERSON", "determiner", "modifier")]
    assert vote_type(person, known_place=False) == "person"
    navy = [at("a", "Velmar Navy", "ORG"), at("a", "Navy", "ORG", "determiner", "modifier"),
            at("b", "Navy", "ORG", "determiner", "modifier")]  # "the Navy ship": still a body's
    assert vote_type(navy, known_place=False) == "organization"
    airline = [at("a", "Ilse Harwood VLM", "PERSON"), *[at("a", "VLM", "ORG", "determiner", "modifier")] * 2]
    assert vote_type(airline, known_place=False) == "organization"  # capitals: an acronym


def test_an_acronym_leaves_out_a_country_abbreviation_opening_the_name():
    """ "QLB" is the "U.S. Quarry and Land Bureau", as "INS" was the U.S. immigration service's;
    a two-letter remainder ("UK Harbor Party" -> "HP") spells nothing."""
    from generator.model import Mention
    from generator.resolve.name_groups import Links, NameGroup
    from generator.resolve.organisation_links import link_acronyms
    from generator.resolve.overrides import Overrides

    def org(key: str, text: str) -> NameGroup:
        return NameGroup(key, [Mention("a", 0, len(text), text, "ORG", 0)])

    groups = {"us quarry and land bureau": org("us quarry and land bureau", "U.S. Quarry and Land Bureau"),
              "qlb": org("qlb", "QLB"),
              "uk harbor party": org("uk harbor party", "UK Harbor Party"), "hp": org("hp", "HP")}
    links = Links(groups)
    link_acronyms(groups, links, Overrides())
    assert links.find("qlb") == links.find("us quarry and land bureau")
    assert links.find("hp") != links.find("uk harbor party")
