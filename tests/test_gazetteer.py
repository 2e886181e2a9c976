"""Outcomes of the generic gazetteer on well-known names and on ordinary words."""

from __future__ import annotations

import pytest

from generator.knowledge.gazetteer import demonym_country, is_known_place, lookup, normalize


def test_kiev_and_kyiv_are_one_city_with_coordinates() -> None:
    kyiv, kiev = lookup("Kyiv"), lookup("Kiev")
    assert kyiv is not None and kyiv == kiev
    assert kyiv.kind == "city" and kyiv.country_code == "UA"
    assert kyiv.lat == pytest.approx(50.45, abs=0.05)
    assert kyiv.lon == pytest.approx(30.52, abs=0.05)


@pytest.mark.parametrize("name", ["U.S.", "US", "USA", "U.S.A.", "United States",
                                  "the United States", "United States of America"])
def test_united_states_spellings_unify(name: str) -> None:
    place = lookup(name)
    assert place is not None
    assert (place.name, place.kind, place.country_code) == ("United States", "country", "US")


@pytest.mark.parametrize("name", ["UK", "U.K.", "Britain", "Great Britain", "United Kingdom"])
def test_united_kingdom_spellings_unify(name: str) -> None:
    place = lookup(name)
    assert place is not None and place.country_code == "GB" and place.kind == "country"


@pytest.mark.parametrize("name", ["Russia", "Russian Federation"])
def test_russia_spellings_unify(name: str) -> None:
    place = lookup(name)
    assert place is not None and (place.name, place.country_code) == ("Russia", "RU")


@pytest.mark.parametrize("word", ["Deal", "Yeah", "President", "deal", "paris", "Of", "But",
                                  "May", "March", "Sunday", "IT", "AI", "NATO", "EU", "", "  "])
def test_ordinary_words_and_acronyms_are_not_places(word: str) -> None:
    assert lookup(word) is None
    assert not is_known_place(word)


def test_country_beats_city_and_region_of_the_same_name() -> None:
    georgia = lookup("Georgia")
    assert georgia is not None and georgia.kind == "country" and georgia.country_code == "GE"


def test_most_populous_city_wins_a_shared_name() -> None:
    paris = lookup("Paris")
    assert paris is not None and paris.country_code == "FR"
    moscow = lookup("Moscow")
    assert moscow is not None and moscow.country_code == "RU"


@pytest.mark.parametrize(("name", "canonical"), [("Bombay", "Mumbai"), ("Peking", "Beijing"),
                                                 ("Odessa", "Odesa"), ("New York", "New York City")])
def test_alternate_city_names_resolve(name: str, canonical: str) -> None:
    place = lookup(name)
    assert place is not None and place.name == canonical and place.kind == "city"


@pytest.mark.parametrize(("name", "kind"), [("Europe", "continent"), ("California", "region"),
                                            ("Scotland", "region"), ("Côte d'Ivoire", "country"),
                                            ("Cote d'Ivoire", "country"), ("Zurich", "city")])
def test_kinds_and_diacritics(name: str, kind: str) -> None:
    place = lookup(name)
    assert place is not None and place.kind == kind


def test_countries_have_coordinates_and_continents_no_country_code() -> None:
    france = lookup("France")
    assert france is not None and france.lat is not None and france.lon is not None
    europe = lookup("Europe")
    assert europe is not None and europe.country_code == ""


@pytest.mark.parametrize(("word", "expected"), [
    ("Russian", "Russia"), ("Ukrainian", "Ukraine"), ("Ukrainians", "Ukraine"),
    ("American", "United States"), ("Americans", "United States"), ("European", "Europe"),
    ("African", "Africa"), ("British", "United Kingdom"), ("French", "France"),
    ("Swiss", "Switzerland"), ("Chinese", "China"), ("Israeli", "Israel"),
])
def test_demonyms(word: str, expected: str) -> None:
    place = demonym_country(word)
    assert place is not None and place.name == expected


@pytest.mark.parametrize("word", ["President", "Korean", "russian", "Deal", "Soviet", "It"])
def test_unknown_or_unsure_demonyms_give_none(word: str) -> None:
    assert demonym_country(word) is None


def test_normalize_folds_case_diacritics_punctuation_and_article() -> None:
    assert normalize("U.S.") == "us"
    assert normalize("Côte d’Ivoire") == normalize("cote d'ivoire")
    assert normalize("The Hague") == normalize("Hague")
    assert normalize("Guinea-Bissau") == "guinea bissau"


@pytest.mark.parametrize("name, place, kind, country", [
    ("Florida", "Florida", "region", "US"),  # not a Cuban town, nor a name GeoNames lists for Floridablanca
    ("Virginia", "Virginia", "region", "US"),  # not the South African town of 122,000
    ("Odessa", "Odesa", "city", "UA"),  # a world city's spelling variant still before the regions
    ("Washington", "Washington", "city", "US"),  # a city of 500,000 or more before the state
])
def test_a_state_comes_before_a_small_town_or_a_small_towns_other_name(name, place, kind, country):
    found = lookup(name)
    assert (found.name, found.kind, found.country_code) == (place, kind, country)


@pytest.mark.parametrize("written, state", [("N.Y.", "New York"), ("Calif.", "California"),
                                            ("Ala.", "Alabama"), ("D.C.", "District of Columbia")])
def test_a_us_states_ap_abbreviation_is_the_state(written, state):
    found = lookup(written)
    assert (found.name, found.kind, found.country_code) == (state, "region", "US")
    assert lookup("Fla.") == lookup("Florida")  # one place, whichever way it is written


def test_two_letter_postal_codes_are_no_places():
    """"OR", "IN", "ME" are words; only the dotted AP forms are read as states."""
    assert [lookup(code) for code in ("OR", "IN", "ME", "NY")] == [None, None, None, None]
