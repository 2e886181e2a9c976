"""Generic English trigger lexicons for the event stage.

A trigger is a verb or noun that names an event; its *family* (kind) decides
which mentions may merge and how the event is titled. Nothing here knows any
corpus: the lists are ordinary English words for visits, meetings, talks,
announcements, attacks, threats and sanctions.
"""

from __future__ import annotations

VERB_TRIGGERS: dict[str, str] = {
    "visit": "visit", "travel": "visit", "arrive": "visit", "head": "visit", "fly": "visit",
    "tour": "visit", "meet": "meeting", "host": "meeting", "welcome": "meeting",
    "negotiate": "talks", "talk": "talks",
    "announce": "announcement", "unveil": "announcement", "proclaim": "announcement",
    "attack": "attack", "bomb": "attack", "shell": "attack", "invade": "attack",
    "assault": "attack", "raid": "attack", "threaten": "threat", "warn": "threat",
    "sanction": "sanctions",
}  # fmt: skip
"""Verb lemma -> event kind."""

NEEDS_DESTINATION = frozenset({"head", "fly", "travel"})
"""Verbs that are events only with a destination ("heads to X", not "heads the fund")."""

DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into", "for"})
"""Prepositions introducing a destination."""

NEEDS_PARTNER = frozenset({"negotiate", "talk"})
"""Verbs that are events only with a "with" partner ("talked with X", not "talked about")."""

NEEDS_SETTING = frozenset({"talks"})
"""Kinds whose noun triggers need a place or a time ("negotiations" is often abstract)."""

NOUN_TRIGGERS: dict[str, str] = {
    "visit": "visit", "trip": "visit", "journey": "visit", "arrival": "visit", "tour": "visit",
    "meeting": "meeting", "summit": "meeting", "encounter": "meeting", "audience": "meeting",
    "talks": "talks", "negotiations": "talks", "discussions": "talks",
    "announcement": "announcement", "declaration": "announcement",
    "attack": "attack", "assault": "attack", "strike": "attack", "strikes": "attack",
    "bombing": "attack", "invasion": "attack", "offensive": "attack", "raid": "attack",
    "shelling": "attack", "threat": "threat", "threats": "threat", "ultimatum": "threat",
}  # fmt: skip
"""Noun form (lower case, as written) -> event kind."""

SANCTION_NOUNS = frozenset({"sanction", "sanctions", "tariff", "tariffs", "embargo", "penalties"})
"""Nouns naming economic measures."""

SANCTION_VERBS = frozenset({"impose", "implement", "introduce", "levy", "slap", "expand",
                            "extend", "tighten", "lift", "ease", "announce"})
"""Verbs that turn a measure noun into a sanctions event ("imposed tariffs")."""

LIGHT_VERBS = frozenset({"hold", "have", "attend", "host", "conduct", "make", "pay", "begin",
                         "launch", "stage", "carry", "join", "open", "resume", "engage"})
"""Verbs whose subject takes part in their noun trigger ("held a meeting")."""

PARTICIPANT_PREPS = frozenset({"with", "between", "among", "by"})
"""Prepositions introducing other participants."""

PLACE_PREPS = frozenset({"in", "to", "at", "into", "across", "on"})
"""Prepositions introducing the place (or target: "attack on X")."""

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""NER labels of place mentions."""

EARLIER_ADJECTIVES = frozenset({"last", "previous", "prior", "earlier", "past", "former"})
"""Adjectives on a noun trigger marking an earlier occurrence ("his last visit")."""

EARLIER_ADVERBS = frozenset({"previously", "formerly"})
"""Adverbs on a verb trigger marking an earlier occurrence ("previously met")."""

REPEATED_MODIFIERS = frozenset({"several", "multiple", "many", "numerous", "various",
                                "repeated", "frequent", "occasions", "regularly", "often",
                                "repeatedly", "times"})
"""Words marking habitual or repeated events, which are not one event."""

NEED_PARTICIPANTS = frozenset({"announcement", "threat", "sanctions"})
"""Kinds that are kept only when someone is named as taking part."""

FAMILIES: dict[str, str] = {"talks": "meeting"}
"""Kinds that merge with each other: talks and meetings are one family."""

KIND_LABELS: dict[str, tuple[str, str, str]] = {
    "visit": ("Visit", "to", "by"), "meeting": ("Meeting", "in", "with"),
    "talks": ("Talks", "in", "with"), "announcement": ("Announcement", "in", "by"),
    "attack": ("Attack", "on", "by"), "threat": ("Threat", "against", "by"),
    "sanctions": ("Sanctions", "on", "by"),
}  # fmt: skip
"""Kind -> (title word, preposition before the place, before a participant) for titles."""


def family(kind: str) -> str:
    """The merge family of a kind."""
    return FAMILIES.get(kind, kind)


def headline_verbs() -> dict[str, str]:
    """Third-person forms of trigger verbs as written in title-case headlines ("Heads")."""
    forms = {}
    for lemma, kind in VERB_TRIGGERS.items():
        suffix = "es" if lemma.endswith(("sh", "ch", "s", "x")) else "s"
        forms[lemma + suffix] = kind
    return forms
