"""Resolution: name mentions of all articles -> entities (grouping, linking, typing, overrides, recovery)."""

from generator.resolve.entities import mention_owner, resolve
from generator.resolve.overrides import Overrides, parse_overrides
from generator.resolve.recover import recover_mentions

__all__ = ["Overrides", "mention_owner", "parse_overrides", "recover_mentions", "resolve"]
