"""Resolution: name mentions of all articles -> entities (grouping, linking, typing, overrides, recovery)."""

from generator.resolve.entities import resolve
from generator.resolve.overrides import Overrides, parse_overrides
from generator.resolve.recover import recover_mentions
from generator.resolve.typing_rules import outlet_key

__all__ = ["Overrides", "outlet_key", "parse_overrides", "recover_mentions", "resolve"]
