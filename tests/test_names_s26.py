"""Name resolution faults read in the TempEval-3 wire and WSJ articles (twenty-sixth session),
each as a class, on hand-made mentions with invented names; no model."""

from __future__ import annotations

from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.overrides import Overrides
from generator.resolve.person_links import link_spelling_variants


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
