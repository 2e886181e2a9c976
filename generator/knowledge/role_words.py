"""Whether a role an article gives a name ("X, the party leader of Y") names a person's office
or job: read by entity typing (``resolve.typing_rules``) and by the pages that describe an
entity by its role (``site.pages.entities``)."""

from __future__ import annotations

from functools import lru_cache

from generator.knowledge.names import JOB_WORDS, PERSON_TITLES


def role_nouns(role: str) -> list[str]:
    """The words of a role before its complement ("head coach of the team" -> head, coach)."""
    words = role.lower().split()
    cut = next((i for i, w in enumerate(words) if w in ("of", "to", "for", "at", "with")), len(words))
    return words[:cut]


@lru_cache(maxsize=1 << 16)
def is_person_role(role: str) -> bool:
    """Whether a role names a person's office or job: its head noun, the last of its
    ``role_nouns`` before an "and", is a title or job word ("party leader of the region",
    "fashion model", "chair and chief executive"; not "official biography", "largest
    retailer", nor the "Ministry" of "Ministry of Trade")."""
    nouns = role_nouns(role.replace("-", " ").replace(",", " "))
    nouns = nouns[:next((i for i, w in enumerate(nouns) if w in ("and", "or")), len(nouns))]
    return bool(nouns) and (nouns[-1] in PERSON_TITLES or nouns[-1] in JOB_WORDS)
