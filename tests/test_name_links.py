"""Name-group linking rules (``resolve.name_links``) on hand-made mentions; no model."""

from __future__ import annotations

from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.name_links import is_mostly_person, link_name_suffixes
from generator.resolve.overrides import Overrides


def group(key: str, *mentions: tuple[str, str, tuple[str, ...]]) -> NameGroup:
    return NameGroup(key, [Mention("a", n, n + len(text), text, label, 0, cues=cues)
                           for n, (text, label, cues) in enumerate(mentions)])


def test_a_person_tag_after_the_is_no_vote_for_a_person():
    team = group("pumas", *[("Pumas", "PERSON", ("determiner",))] * 3, ("Pumas", "PERSON", ()))
    assert not is_mostly_person(team)
    assert is_mostly_person(group("quell", ("Quell", "PERSON", ()), ("Quell", "ORG", ("determiner",))))


def test_a_team_nickname_mistagged_as_a_person_joins_its_full_name():
    groups = {
        "pumas": group("pumas", *[("Pumas", "PERSON", ("determiner",))] * 3),
        "harbor city pumas": group("harbor city pumas", ("Harbor City Pumas", "ORG", ("determiner",))),
    }
    links = Links(groups)
    link_name_suffixes(groups, links, Overrides())
    assert links.find("pumas") == links.find("harbor city pumas")
