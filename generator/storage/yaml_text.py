"""Reading YAML written by users (briefing.yml, sources.yml, front matter) without surprises.

PyYAML turns anything shaped like a date into a ``datetime.date`` and raises
``ValueError`` when it is shaped like one but impossible (``2025-02-30``),
failing the whole file. Here such a value stays the text it was written as,
so the code reading it can skip that one field with a warning.
"""

from __future__ import annotations

from typing import Any

import yaml


def _timestamp(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    """A date or datetime, or the scalar's text when no such date exists."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError):
        return loader.construct_scalar(node)


class _Loader(yaml.SafeLoader):
    """SafeLoader whose impossible timestamps stay strings."""


class _FastLoader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
    """The same with libyaml's parser (a sources.yml of thousands of articles), when PyYAML has it."""


for _loader in (_Loader, _FastLoader):
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(text: str) -> Any:
    """Parse YAML like ``yaml.safe_load``, keeping impossible dates as text.

    libyaml parses first; text it refuses is parsed again by the pure-Python
    parser, whose error messages (with line and column) are the ones reported.

    Raises:
        yaml.YAMLError: the text is not valid YAML.
    """
    try:
        return yaml.load(text, Loader=_FastLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.YAMLError:
        return yaml.load(text, Loader=_Loader)  # noqa: S506 - a SafeLoader subclass
