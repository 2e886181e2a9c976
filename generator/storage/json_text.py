"""JSON text exactly as ``json.dumps(data, ensure_ascii=False, indent=N)`` writes it, faster.

With an indent, the standard library encodes in pure Python, through one
generator per list and mapping; the export of a large corpus holds millions of
values. ``dumps`` walks the data with one recursive function and encodes strings
with the standard library's C escaper, so its text is the same, character for
character. Data it does not expect (keys that are not strings, objects
``json`` cannot encode, numbers that are not finite) goes to ``json.dumps`` itself.
"""

from __future__ import annotations

import json
import math
from json.encoder import encode_basestring  # the C escaper when available
from typing import Any


class _Unexpected(Exception):
    """A value the fast path leaves to ``json.dumps``."""


def dumps(data: Any, indent: int = 1) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``."""
    try:
        return _encode(data, "\n", " " * indent)
    except (_Unexpected, TypeError):  # TypeError: a key that is not a string
        return json.dumps(data, ensure_ascii=False, indent=indent)


def _encode(value: Any, pad: str, step: str) -> str:
    """``value`` encoded at the depth whose line start is ``pad``."""
    if isinstance(value, str):
        return encode_basestring(value)
    if isinstance(value, dict):
        if not value:
            return "{}"
        inner = pad + step
        items = (encode_basestring(key) + ": " + (encode_basestring(item) if type(item) is str
                                                  else _encode(item, inner, step))
                 for key, item in value.items())
        return "{" + inner + ("," + inner).join(items) + pad + "}"
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        inner = pad + step
        return "[" + inner + ("," + inner).join(_encode(item, inner, step) for item in value) + pad + "]"
    return _scalar(value)


def _scalar(value: Any) -> str:
    """A number, true, false or null."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return int.__repr__(value)
    if isinstance(value, float) and math.isfinite(value):
        return float.__repr__(value)
    raise _Unexpected
