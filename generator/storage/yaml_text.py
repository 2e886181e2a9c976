"""Reading YAML written by users (briefing.yml, sources.yml, front matter) without surprises.

PyYAML turns anything shaped like a date into a ``datetime.date`` and raises
``ValueError`` when it is shaped like one but impossible (``2025-02-30``),
failing the whole file. Here such a value stays the text it was written as,
so the code reading it can skip that one field with a warning.
"""

from __future__ import annotations

from typing import Any

import yaml


class _Loader(yaml.SafeLoader):
    """SafeLoader whose impossible timestamps stay strings."""

    def construct_yaml_timestamp(self, node: yaml.Node) -> Any:  # type: ignore[override]
        """A date or datetime, or the scalar's text when no such date exists."""
        try:
            return super().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            return self.construct_scalar(node)


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def load_yaml(text: str) -> Any:
    """Parse YAML like ``yaml.safe_load``, keeping impossible dates as text.

    Raises:
        yaml.YAMLError: the text is not valid YAML.
    """
    return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
