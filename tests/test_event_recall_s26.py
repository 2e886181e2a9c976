"""Merge faults exposed by event mentions found on real news (ECB+ dev and training topics),
each class on small hand-written sentences: a nationality as a noun ("Briton") names no one; a
possessive pronoun after a verb's preposition stands for the verb's subject ("his brother fell
to his death" is no death of the one speaking); a city name is read as the city near its
article's other places ("Cambridge" beside "Boston"), not a bigger namesake abroad."""

from __future__ import annotations

from generator.events.reports import _homonyms
from generator.model import Entity, Mention
from tests.test_event_recall import article_events


def test_a_nationality_noun_names_no_one(nlp):
    found = article_events(nlp, "A Briton was killed in an avalanche in Switzerland on Friday.")
    assert all("Briton" not in parties for _, _, parties in found)


def test_a_brothers_death_is_not_the_survivors(nlp):
    found = article_events(nlp, "Tomas Varga spoke about seeing his brother plunge to his death on Thursday.")
    assert all("Tomas Varga" not in parties for kind, _, parties in found if kind == "death")


def test_her_death_after_her_fall_is_hers(nlp):
    found = article_events(nlp, "Anna Keller fell to her death from a ridge on Friday.")
    assert ("death", "death", ["Anna Keller"]) in found


def _place(name: str, source: str, *starts: int) -> Entity:
    mentions = tuple(Mention(source, s, s + len(name), name, "GPE", 0) for s in starts)
    return Entity(name.lower(), name, "place", (name,), mentions)


def test_a_city_name_is_read_as_the_city_near_the_articles_other_places():
    boston, cambridge = _place("Boston", "a", 0, 50), _place("Cambridge", "a", 100)
    found = _homonyms({("a", 0, 6): boston, ("a", 50, 56): boston, ("a", 100, 109): cambridge})
    assert found[("a", "cambridge")].country_code == "US"
    assert ("a", "boston") not in found


def test_a_city_far_from_the_articles_other_places_keeps_its_entry():
    paris, chicago = _place("Paris", "a", 100), _place("Chicago", "a", 0)
    assert _homonyms({("a", 0, 7): chicago, ("a", 100, 105): paris}) == {}
