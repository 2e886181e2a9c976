"""Entity typing by evidence: a vote over every mention, not one NER tag.

Weights (per mention):
- NER label: PERSON -> person, ORG -> organization, GPE/LOC/FAC -> place,
  NORP -> group (1 point each); a PERSON tag on a name written after "the" ("the
  Comets") is none: people's names take no article.
- "title:person" cue (President X, Mr. X, X's role words): person +2.
- A role the text gives the mention whose nouns hold a title or job word ("X, the
  party leader of Y", "the driver, X", "X, a fashion model"): person +2, as a title.
- "verb:said" cue (X said/told/warned): person +0.5, organization +0.5.
- "gender:f"/"gender:m" cue (a "she"/"he" after a PERSON-tagged name, ``nlp.cues``): person
  +1, so the tags of a name the model also reads as an organisation do not outvote it.
- "prep:place" cue (in X, to X, from X): place +1.
- "head:organization" cue (X shares, X's chief executive): organization +1.5.
- "determiner" cue (the X, the X's): organization +1.5 (people's names take no article);
  none for a gazetteer place ("the United States") or a name tagged a place (LOC, GPE) whose
  last word, or word before "of", is a sea's or region's ("the Velmar Gulf", "the Strait of
  Orrin"), or tagged LOC and named by a compass word ("the Far North"): their usual article.
- "kin:person" cue (the X family, the X brothers: a family noun the name modifies): person
  +1.5, and the mention's "the", the noun's, is no organisation's. Nor is the "the" before a
  family name alone modifying a noun ("modifier" cue: "the Doe case", "the Doe group") when
  most of the cluster's full names are tagged PERSON ("Jane Doe"); a name in capitals is an
  acronym, no family name ("the VLM flight").
- "state:place" cue (X, N.H. / the N.H. itself): place +3.
- "home:place" cue (X-based Y, X, N.H.-based Y: where Y is based): place +3.
- The name's last word, or its word before "of", is an organisation word ("Department",
  "Foundation", "Bureau of Statistics", "University of Leeds"): organization +2; its
  last word is a building or venue word ("Dome", "Stadium"): place +2.
- The place gazetteer knows the name: place gets +1 per mention, so only
  strong person evidence (titles) outweighs it.

A name the corpus's own metadata gives as an article's outlet is an organisation whatever
the vote (``resolve.entities.build_entity``): small models read "told the Daily
Clarion" as a person as often as not, and the metadata knows better.

When a cluster holds multi-word forms (full names; an initialism written with spaces,
"A. B. C.", is none), only their NER labels and last words vote: NER is far more reliable
on "Jane Doe" than on a bare "Doe", which small models often tag as an organisation. What
the text says around every mention (the cues and roles above) counts whatever the form:
"Ms. Doe ... she" is as much evidence as "Jane Doe ... she", and a model that tags "Jane
Doe" an organisation every time would otherwise outvote it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from functools import lru_cache

from generator.knowledge import gazetteer
from generator.knowledge.names import (
    COMPASS_WORDS,
    FACILITY_WORDS,
    GEOGRAPHIC_WORDS,
    ORGANISATION_WORDS,
    last_word,
    normalise,
)
from generator.knowledge.role_words import is_person_role
from generator.model import EntityType, Mention

LABEL_TYPES: dict[str, EntityType] = {
    "PERSON": "person",
    "ORG": "organization",
    "GPE": "place",
    "LOC": "place",
    "FAC": "place",
    "NORP": "group",
}
CUE_WEIGHTS: dict[str, dict[EntityType, float]] = {
    "title:person": {"person": 2.0},
    "verb:said": {"person": 0.5, "organization": 0.5},
    "prep:place": {"place": 1.0},
    "head:organization": {"organization": 1.5},
    "determiner": {"organization": 1.5},
    "state:place": {"place": 3.0},
    "home:place": {"place": 3.0},
    "kin:person": {"person": 1.5},
    "gender:f": {"person": 1.0},
    "gender:m": {"person": 1.0},
}
ROLE_WEIGHT = 2.0
"""Points for person per mention given a person's role (``is_person_role``), as for a title."""
SUFFIX_WEIGHT = 2.0
"""Points for the type a name's last word gives ("... Department": organization,
"... Stadium": place)."""


def voters(mentions: Sequence[Mention]) -> Sequence[Mention]:
    """Full-name mentions when there are any, else all mentions."""
    full = [m for m in mentions if m.label != "NORP" and _is_full_name(m.text)]
    return full or mentions


@lru_cache(maxsize=1 << 16)
def _is_full_name(text: str) -> bool:
    """More than one word, and not an initialism written with spaces ("A. B. C.")."""
    words = text.split()
    return len(words) > 1 and not all(len(word.rstrip(".")) <= 1 for word in words)


def type_scores(mentions: Sequence[Mention], known_place: bool) -> Counter:
    """Evidence points per entity type."""
    points: dict[EntityType, float] = {}  # a plain dict: a Counter's += is Python code
    voting = voters(mentions)
    for mention in voting:
        kind = LABEL_TYPES.get(mention.label, "organization")
        if not (kind == "person" and "determiner" in mention.cues):  # "the Comets": no person's name
            points[kind] = points.get(kind, 0) + 1.0
        suffix_type = _suffix_type(mention.text)
        if suffix_type:
            points[suffix_type] = points.get(suffix_type, 0) + SUFFIX_WEIGHT
    persons = _full_names_person(voting)
    for mention in mentions:
        for cue in mention.cues:
            if cue == "determiner" and (
                    known_place or _article_of_noun(mention, persons) or _is_sea(mention)):
                continue  # "the United States", "the Velmar Gulf": a place's usual article
            for entity_type, weight in CUE_WEIGHTS.get(cue, _NO_WEIGHTS).items():
                points[entity_type] = points.get(entity_type, 0) + weight
        if any(is_person_role(role.text) for role in mention.roles):
            points["person"] = points.get("person", 0) + ROLE_WEIGHT
    if known_place:
        points["place"] = points.get("place", 0) + len(voting)
    return Counter(points)


_NO_WEIGHTS: dict[EntityType, float] = {}


def _full_names_person(voting: Sequence[Mention]) -> bool:
    """Whether ``voting`` (``voters``) are full names, most of them tagged PERSON."""
    full = [m for m in voting if _is_full_name(m.text)]
    return 2 * len([m for m in full if m.label == "PERSON"]) > len(full) > 0


def _article_of_noun(mention: Mention, persons: bool) -> bool:
    """Whether the "the" before ``mention`` is a noun's after it: a family noun ("the Doe
    family"), or any noun after a family name alone of a person's full names (``persons``)."""
    return "kin:person" in mention.cues or (
        persons and "modifier" in mention.cues and " " not in mention.text and not mention.text.isupper())


@lru_cache(maxsize=1 << 16)
def _suffix_type(text: str) -> EntityType | None:
    """The type a name's last word gives ("... Department": organization, "... Stadium":
    place), else None; kept per written form, as every cluster's vote asks again."""
    word = last_word(text)
    if word in ORGANISATION_WORDS or _head_before_of(text) in ORGANISATION_WORDS:
        return "organization"  # "... Department", "Bureau of Statistics", "University of Leeds"
    return "place" if word in FACILITY_WORDS else None


def _is_sea(mention: Mention) -> bool:
    """A name tagged LOC or GPE ending with, or headed before "of" by, a sea's or region's word
    (``GEOGRAPHIC_WORDS``: "the Velmar Gulf", "the Gulf of Orrin"), or one tagged LOC that a
    compass word names ("the Far North", "the Velmar Southwest"; not "the South Norwegian Open", whose
    compass word makes a people's name)."""
    if mention.label == "LOC" and _compass_region(mention.text):
        return True
    return mention.label in ("LOC", "GPE") and (
        last_word(mention.text) in GEOGRAPHIC_WORDS or _head_before_of(mention.text) in GEOGRAPHIC_WORDS)


@lru_cache(maxsize=1 << 12)
def _compass_region(text: str) -> bool:
    """A name with a compass word (``COMPASS_WORDS``) and no people's adjective ("Norwegian")."""
    words = text.split()
    return any(w.lower() in COMPASS_WORDS for w in words) and not any(
        gazetteer.demonym_country(w) for w in words)


def _head_before_of(text: str) -> str:
    """The word before a name's first "of", lower case ("bureau" of "National Bureau of
    Statistics"), or ""."""
    words = text.lower().split()
    at = words.index("of") if "of" in words else 0
    return words[at - 1] if at > 0 else ""


def vote_type(mentions: Sequence[Mention], known_place: bool) -> EntityType:
    """The type with most evidence; ties go person > organization > place > group."""
    scores = type_scores(mentions, known_place)
    order: list[EntityType] = ["person", "organization", "place", "group"]
    return max(order, key=lambda t: (scores[t], -order.index(t)))


@lru_cache(maxsize=1 << 16)
def outlet_key(name: str) -> str:
    """Comparison key of an outlet's name, written in metadata or in the text: normalised,
    without a leading "the" ("The Daily Clarion" and "Daily Clarion" are one outlet)."""
    key = normalise(name)
    return key[4:] if key.startswith("the ") else key
