"""An entity's roles as a page shows them: distinct, describing it, cited ("Acting US envoy")."""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.knowledge.role_words import is_person_role
from generator.model import Citation, Entity, Role

ROLE_WORDS_MAX = 12
"""Most words of a role shown as an entity's description (see ``describes``)."""


@dataclass(frozen=True)
class RoleRow:
    """One distinct role of an entity and every citation giving it."""

    text: str
    """The role words as first written."""
    citations: tuple[Citation, ...]
    """Sentences giving the role (one per source at most)."""


def describes(text: str) -> bool:
    """Whether a role reads as a description of its entity: it starts with a letter (not
    ", 46 KOs" of "(55-3, 46 KOs)", nor "' Sept. 20 win over ...") and is a phrase, not a
    sentence the parse attached to the name (at most ``ROLE_WORDS_MAX`` words)."""
    words = text.split()
    return bool(words) and text[:1].isalpha() and len(words) <= ROLE_WORDS_MAX


def description_roles(entity: Entity) -> list[RoleRow]:
    """``first_roles`` that describe the entity (``describes``); for a person, those naming an
    office or job first ("associate director at the FBI" before "nickname for the source")."""
    rows = first_roles(entity)
    if entity.type == "person":
        rows = sorted(rows, key=lambda row: not is_person_role(row.text))  # stable: by sources next
    return rows


def first_roles(entity: Entity) -> list[RoleRow]:
    """Distinct roles (case-insensitive) that describe the entity (``describes``), each with up
    to one citation per source, the most cited first."""
    rows: dict[str, list[Role]] = {}
    for role in (r for r in entity.roles if describes(r.text)):
        key = re.sub(r"^(the|an?) ", "", role.text.lower())
        rows.setdefault(key, []).append(role)
    out = []
    for roles in rows.values():
        per_source = {r.citation.source: r.citation for r in reversed(roles)}
        out.append(RoleRow(roles[0].text, tuple(per_source.values())))
    return sorted(out, key=lambda r: -len(r.citations))


def role_phrase(text: str) -> str:
    """A role as a row description: leading article dropped, first letter capital ("Acting US envoy")."""
    bare = re.sub(r"^(the|an?)\s+", "", text.strip(), flags=re.IGNORECASE)
    return bare[:1].upper() + bare[1:]
