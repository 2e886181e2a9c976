"""Headline person nouns ("Woman Killed, Driver Charged") given to the person each
article means (part of the resolve stage).

A capitalised person noun of a headline (cue "noun:person") names someone the
report is about. Written right before a person's name ("Actress Jane Doe Dies"),
it is that person. Else, within its own article, it goes to the one person (with
a full name in the corpus) named there whom the text gives that noun as a role or
title ("Rosa Mendel, a 90-year-old grandmother"); else, for a noun with a gender
("Woman", "Father"), to the one person of that gender the article names (gender
from the pronouns after the name, cue "gender:f"/"gender:m", and from titles such
as Ms.). Undecided nouns stay together as before; undecided job words and titles
("Actress", cue "noun:job") are dropped, as no entity would be the better for
them. Cost: one pass over the groups and one look-up per noun mention.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from generator.knowledge.role_words import role_nouns
from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup, give_mention
from generator.resolve.name_kinds import is_personish, title_gender
from generator.resolve.typing_rules import vote_type

NOUN_GENDER = {
    **dict.fromkeys("woman girl mother grandmother wife daughter mom mum sister aunt niece "
                    "actress businesswoman spokeswoman congresswoman chairwoman widow".split(), "f"),
    **dict.fromkeys("man boy father grandfather husband son dad brother uncle nephew gunman "
                    "businessman spokesman congressman chairman widower".split(), "m"),
}
"""Person nouns that say the person's gender."""


@dataclass
class _Person:
    """What the decision knows of one person cluster: its gender votes and, per article,
    the nouns of the roles and titles the article gives it."""

    genders: Counter = field(default_factory=Counter)
    roles: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    @property
    def gender(self) -> str:
        """"m" or "f" when the votes lean one way, else ""."""
        (first, n), *rest = self.genders.most_common(2) or [("", 0)]
        return first if n and (not rest or rest[0][1] < n) else ""


def is_noun_mention(mention: Mention) -> bool:
    """A headline person noun ("Woman"), not a name."""
    return "noun:person" in mention.cues


def _names(group: NameGroup) -> list[Mention]:
    """The group's mentions that are names, not headline nouns."""
    return [m for m in group.mentions if not is_noun_mention(m)]


def _full_name_people(groups: dict[str, NameGroup], links: Links) -> set[str]:
    """Roots of the clusters typed person (``vote_type``) that hold a full name."""
    members: dict[str, list[Mention]] = defaultdict(list)
    full: set[str] = set()
    for key, group in groups.items():
        if group.place is None and _names(group):
            members[links.find(key)] += _names(group)
            if len(group.words) > 1 and is_personish(group):
                full.add(links.find(key))
    return {root for root in full if vote_type(members[root], known_place=False) == "person"}


def _people(groups: dict[str, NameGroup], links: Links) -> tuple[dict[str, _Person], dict[str, set[str]]]:
    """Person cluster root -> its evidence, and source -> the person roots it names
    (people with a full name somewhere in the corpus only: "Sikh" tagged as a person is none)."""
    people: dict[str, _Person] = defaultdict(_Person)
    named_in: dict[str, set[str]] = defaultdict(set)
    full_names = _full_name_people(groups, links)
    for key, group in groups.items():
        if links.find(key) not in full_names:
            continue  # a bare "Doe" NER called an organisation still names Jane Doe's cluster
        person = people[links.find(key)]
        for mention in _names(group):
            named_in[mention.source].add(links.find(key))
            person.genders.update(c.removeprefix("gender:") for c in mention.cues if c.startswith("gender:"))
            if gender := title_gender([mention.title]):
                person.genders[gender] += 2
            for role in mention.roles:
                person.roles[mention.source].update(role_nouns(role.text))
            person.roles[mention.source].update(mention.title.lower().split())
    return people, named_in


def _name_starts(groups: dict[str, NameGroup], links: Links, people: dict[str, _Person]) -> dict:
    """(source, start offset) -> person root, for every name of a person."""
    return {(m.source, m.start): links.find(key) for key, group in groups.items()
            if links.find(key) in people for m in _names(group)}


def _decide_by_place(nouns: list[Mention], starts: dict) -> dict[Mention, str]:
    """Headline nouns written right before a person's name or before another such noun
    ("Swimmer, Actress Jane Doe Dies"): that person (right to left, so chains resolve)."""
    found: dict[Mention, str] = {}
    for mention in sorted(nouns, key=lambda m: -m.start):
        for gap in (1, 2):
            root = starts.get((mention.source, mention.end + gap))
            if root is not None:
                found[mention] = starts[mention.source, mention.start] = root
                break
    return found


def _decide(mention: Mention, people: dict[str, _Person], named: set[str]) -> str | None:
    """The person root a headline noun means in its article, or None (and None for a name)."""
    if not is_noun_mention(mention):
        return None
    noun = mention.text.lower()
    gender = NOUN_GENDER.get(noun, "")
    fitting = sorted(r for r in named if not (gender and people[r].gender not in ("", gender)))
    by_role = [r for r in fitting if noun in people[r].roles.get(mention.source, ())]
    if len(by_role) == 1:
        return by_role[0]
    by_gender = [r for r in fitting if gender and people[r].gender == gender]
    return by_gender[0] if len(by_gender) == 1 and not by_role else None


def decide_person_nouns(groups: dict[str, NameGroup], links: Links) -> None:
    """Move each decided headline noun mention to a group ``<key>@<source>@<root>`` joined
    with its person; drop undecided job words; leave the other undecided nouns."""
    nouns = [key for key, group in groups.items()
             if len(group.words) == 1 and any(is_noun_mention(m) for m in group.mentions)]
    if not nouns:
        return
    people, named_in = _people(groups, links)
    placed = _decide_by_place([m for key in nouns for m in groups[key].mentions if is_noun_mention(m)],
                              _name_starts(groups, links, people))
    for key in nouns:
        kept = []
        for mention in groups[key].mentions:
            root = placed.get(mention) or _decide(mention, people, named_in.get(mention.source, set()))
            if root is not None:
                give_mention(groups, links, key, mention, root)
            elif "noun:job" not in mention.cues:  # names, and undecided nouns but job words
                kept.append(mention)
        groups[key].mentions = kept
