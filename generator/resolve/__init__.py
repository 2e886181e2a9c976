"""Resolution: name mentions of all articles -> entities (grouping, linking, typing, overrides, recovery)."""

from generator.resolve.entities import resolve
from generator.resolve.overrides import Overrides, parse_overrides
from generator.resolve.recover import recover_mentions

__all__ = ["Overrides", "parse_overrides", "recover_mentions", "resolve"]
