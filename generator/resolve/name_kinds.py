"""What kind of name a name group is, as the linking rules ask it (part of the resolve stage).

Every linking rule first asks what a name names: a person (``is_personish``,
``is_mostly_person``), or an organisation or a place the gazetteer does not know
(``is_other_name``); and whether a longer name is a title named after a shorter one
("the Notorious Jane Roe") rather than its longer form (``titled_after``), so that it
never joins it. ``title_gender`` reads a person's gender from the titles written before
the name ("Mrs."). Shared by the person, organisation and variant links, the shared-name
decision and ``person_nouns``; cheap: each answer reads one group's mentions.
"""

from __future__ import annotations

from collections.abc import Iterable

from generator.knowledge.names import FACILITY_WORDS, ORGANISATION_WORDS, title_word_genders
from generator.resolve.name_groups import NameGroup


def is_personish(group: NameGroup) -> bool:
    """A name no gazetteer place or group whose mentions NER or a title call a person, and
    whose last word is no organisation or building word (NER tags "Hill Bible Church" a
    person now and then, and "Hill" would then join it as a family name written first)."""
    return group.place is None and not group.key.startswith("group:") and (
        group.words[-1] not in ORGANISATION_WORDS and group.words[-1] not in FACILITY_WORDS) and (
        group.label_share("PERSON") > 0 or any("title:person" in m.cues for m in group.mentions)
    )


def is_mostly_person(group: NameGroup) -> bool:
    """Half or more of the mentions are tagged PERSON or follow a person's title; a PERSON
    tag on a name written after "the" ("the Comets") is no vote: people's names take no
    article."""
    return group.remembered("mostly person", lambda: 2 * len(
        [m for m in group.mentions if (m.label == "PERSON" and "determiner" not in m.cues)
         or "title:person" in m.cues]) >= len(group.mentions))


def is_other_name(group: NameGroup) -> bool:
    """A name of an organisation or of a place the gazetteer does not know."""
    return group.place is None and not group.key.startswith("group:") and not is_mostly_person(group)


def titled_after(longer: NameGroup, name: NameGroup) -> bool:
    """``longer`` is a title mostly written after "the" that ends with ``name``, a name mostly
    written without: a film, book or group named after a person or thing ("the Notorious Jane
    Roe" for "Jane Roe"), not a longer form of the same name ("the Harbor City Rovers" for
    "the Rovers")."""
    return takes_article(longer) and not takes_article(name)


def takes_article(group: NameGroup) -> bool:
    """Half or more of the name's tagged mentions (recovered ones carry no cues) follow "the"."""
    tagged = [m for m in group.mentions if m.label]
    return bool(tagged) and 2 * len([m for m in tagged if "determiner" in m.cues]) >= len(tagged)


def title_gender(titles: Iterable[str]) -> str:
    """"m" or "f" when the titles agree on one (Mr./Mrs./Ms. ...), else ""."""
    found = {gender for title in titles for gender in title_word_genders(title)}
    return found.pop() if len(found) == 1 else ""
