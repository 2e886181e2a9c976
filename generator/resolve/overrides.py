"""User overrides of entity resolution, read from ``briefing.yml`` -> ``entities:``.

    entities:
      merge:  [[Jon Smith, Jonathan Smythe]]  # join these names into one entity
      split:  [Doe]                    # never join this name automatically
      rename: {Jane Doe: Jane Q. Doe}  # canonical name to show
      retype: {Acme: organization}     # person | organization | place | group
      ignore: [Share]                  # drop mentions with this text

Names are compared with ``names.normalise`` (case, accents and punctuation
ignored). A merge the tool made is undone by listing a name under ``split``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, get_args

from generator.config import BriefingError
from generator.knowledge.names import normalise
from generator.model import EntityType

KEYS = ("merge", "split", "rename", "retype", "ignore")


@dataclass(frozen=True)
class Overrides:
    """Parsed ``entities:`` settings."""

    merge: tuple[tuple[str, ...], ...] = ()
    split: frozenset[str] = frozenset()
    rename: dict[str, str] = field(default_factory=dict)
    retype: dict[str, EntityType] = field(default_factory=dict)
    ignore: frozenset[str] = frozenset()

    def ignores(self, text: str) -> bool:
        """True when mentions with this text are to be dropped."""
        return bool(self.ignore) and normalise(text) in self.ignore

    def keeps_apart(self, key: str) -> bool:
        """True when the name group with this key must not be joined automatically."""
        return key in self.split

    def merge_pairs(self, keys) -> list[tuple[str, str]]:
        """Pairs of existing group keys the user asked to merge."""
        pairs = []
        for names in self.merge:
            present = [_matching_key(n, keys) for n in names]
            present = [k for k in present if k]
            pairs += [(present[0], other) for other in present[1:]]
        return pairs

    def renamed(self, name: str) -> str:
        """The user's canonical name for an entity, or ``name``."""
        return self.rename.get(normalise(name), name) if self.rename else name

    def retyped(self, name: str, entity_type: EntityType) -> EntityType:
        """The user's type for an entity, or ``entity_type``."""
        return self.retype.get(normalise(name), entity_type) if self.retype else entity_type


def _matching_key(name: str, keys) -> str | None:
    key = normalise(name)
    for candidate in (key, "place:" + key, "group:" + key):
        if candidate in keys:
            return candidate
    return None


def parse_overrides(data: dict[str, Any], where: str = "briefing.yml") -> Overrides:
    """Validate the ``entities:`` mapping; errors name the file and the key."""
    unknown = sorted(set(data) - set(KEYS))
    if unknown:
        raise BriefingError(f"{where}: entities: unknown key(s) {', '.join(unknown)}; use {KEYS}")
    types = get_args(EntityType)
    retype = {normalise(k): v for k, v in (data.get("retype") or {}).items()}
    bad = [f"{k}: {v}" for k, v in retype.items() if v not in types]
    if bad:
        raise BriefingError(f"{where}: entities: retype to an unknown type ({'; '.join(bad)}); use {types}")
    return Overrides(
        merge=tuple(tuple(group) for group in data.get("merge") or ()),
        split=frozenset(normalise(n) for n in data.get("split") or ()),
        rename={normalise(k): str(v) for k, v in (data.get("rename") or {}).items()},
        retype=retype,
        ignore=frozenset(normalise(n) for n in data.get("ignore") or ()),
    )
