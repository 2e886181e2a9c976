"""Linking rules for one name written in several forms (part of the resolve stage).

A name written with and without a space ("Trail Blazers", "Trailblazers"), an organisation
name of three words or more with and without a plural "s" inside ("Central Elections
Commission"), and a name NER tagged as a group in some places and as an organisation in
others ("Taliban") are one name each: the forms join. One pass over the groups, one
dictionary look-up per name. Names the user lists under ``split`` never join anything
automatically.
"""

from __future__ import annotations

from generator.knowledge import gazetteer
from generator.knowledge.plurals import singular
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.name_kinds import is_other_name
from generator.resolve.overrides import Overrides


def link_spacing_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join names written with and without a space ("Trail Blazers", "Trailblazers")."""
    first: dict[str, str] = {}
    for key in groups:
        if overrides.keeps_apart(key) or key.startswith("group:"):
            continue
        packed = key.removeprefix("place:").replace(" ", "")
        if packed in first:
            links.join(first[packed], key)
        else:
            first[packed] = key


def link_plural_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join organisation names of three words or more that differ only by a plural "s" on a word
    before the last ("Central Elections Commission", "Central Election Commission"). Two-word
    names are left apart: "Rolling Stone" is a magazine, "Rolling Stones" a band."""
    first: dict[tuple[str, ...], str] = {}
    for key, group in groups.items():
        words = group.words
        if len(words) < 3 or overrides.keeps_apart(key) or not is_other_name(group):
            continue
        singular_form = (*(singular(word) for word in words[:-1]), words[-1])
        if singular_form in first:
            links.join(first[singular_form], key)
        else:
            first[singular_form] = key


def link_label_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join a name NER tagged as a group (NORP) in some places and as an organisation in others
    ("NYPD", "Taliban"): one name, two labels. A nationality ("French") is no such name: its
    key is a demonym's, and a demonym is never an organisation's name."""
    for key, group in groups.items():
        if not key.startswith("group:") or overrides.keeps_apart(key) \
                or any(gazetteer.demonym_country(m.text) for m in group.mentions):
            continue
        name = key.removeprefix("group:")
        for other in (name, name + "s"):
            if other in groups and is_other_name(groups[other]) and not overrides.keeps_apart(other):
                links.join(other, key)
                break
