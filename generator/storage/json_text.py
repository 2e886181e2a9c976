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
from collections.abc import Callable, Iterable
from json.encoder import encode_basestring  # the C escaper when available
from typing import Any


class _Unexpected(Exception):
    """A value the fast path leaves to ``json.dumps``."""


def dumps(data: Any, indent: int = 1) -> str:
    """``json.dumps(data, ensure_ascii=False, indent=indent)``."""
    try:
        return _encoder(" " * indent)(data, "\n")
    except (_Unexpected, TypeError):  # TypeError: a key that is not a string
        return json.dumps(data, ensure_ascii=False, indent=indent)


def _encoder(step: str) -> Callable[[Any, str], str]:
    """A function that encodes a value at the depth whose line start is ``pad``, ``step``
    deeper per level. Strings, integers and null inside a list or mapping are written
    in place (most of an export's values), and each key's ``"key": `` is encoded once."""
    keys: dict[str, str] = {}

    def key_text(key: str) -> str:
        if not isinstance(key, str):
            raise _Unexpected
        text = keys[key] = encode_basestring(key) + ": "
        return text

    def items(values: Iterable[Any], inner: str) -> list[str]:
        texts = []
        for item in values:
            kind = type(item)
            texts.append(encode_basestring(item) if kind is str else int.__repr__(item) if kind is int
                         else "null" if item is None else encode(item, inner))
        return texts

    def encode(value: Any, pad: str) -> str:
        if isinstance(value, str):
            return encode_basestring(value)
        if isinstance(value, dict):
            if not value:
                return "{}"
            inner = pad + step
            texts = items(value.values(), inner)
            names = [keys.get(key) or key_text(key) for key in value]
            return "{" + inner + ("," + inner).join(map(str.__add__, names, texts)) + pad + "}"
        if isinstance(value, (list, tuple)):
            if not value:
                return "[]"
            inner = pad + step
            return "[" + inner + ("," + inner).join(items(value, inner)) + pad + "]"
        return _scalar(value)

    return encode


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
