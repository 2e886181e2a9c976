"""Short forms of English given names ("Bill" for William, "Ro" for Roland).

The pairs come from the ``nicknames`` package (a maintained, hand-curated list
of English given names and their nicknames). A short name that list does not
know at all, of at most ``CLIPPED_NAME_MAX`` letters, is read as a clipped
form of a longer given name with the same first letter ("Ro" for Roland): the
list covers the established nicknames, and clipping a name to its first
sound is how new ones are made. Nothing here names a person.
"""

from __future__ import annotations

from functools import cache

from nicknames import NickNamer

CLIPPED_NAME_MAX = 3
"""Longest unlisted given name read as a clipped form of a longer one."""


@cache
def _nick_namer() -> NickNamer:
    """The package's lookup tables, read once."""
    return NickNamer()


def is_listed_nickname(short: str, full: str) -> bool:
    """True when the nickname list gives the shorter ``short`` as a nickname of ``full``
    ("bill", "william"). Only the shorter name may be the nickname: the list also relates
    some names both ways ("robert" to "bill")."""
    return len(short) < len(full) and short.lower() in _nick_namer().nicknames_of(full)


def is_known_name(name: str) -> bool:
    """True when the nickname list knows ``name`` as a given name or a nickname."""
    namer = _nick_namer()
    return bool(namer.canonicals_of(name) or namer.nicknames_of(name))


def is_short_form(short: str, full: str) -> bool:
    """``short`` may stand for the longer given name ``full``: its beginning ("sam",
    "samuel"), a listed nickname ("bill", "william"), or an unlisted clipped form of at
    most ``CLIPPED_NAME_MAX`` letters with the same first letter ("ro", "roland").
    "jon" is no "james": the list knows "jon" as John's."""
    short, full = short.lower(), full.lower()
    if not short or len(full) <= len(short):
        return False
    return full.startswith(short) or is_listed_nickname(short, full) or (
        len(short) <= CLIPPED_NAME_MAX and short[0] == full[0] and not is_known_name(short))
