"""The one check of the temporal tests' case tables: an expression is tagged with its type and value."""

from __future__ import annotations

import datetime as dt

from generator.model import TimeExpression
from generator.temporal.tagger import tag


def assert_tagged(text: str, anchor: dt.date | None, expected: str, kind: str, value: str) -> TimeExpression:
    """The expression ``expected`` that ``tag`` finds in ``text``, at its own offsets, with
    TIMEX3 type ``kind`` and value ``value``."""
    found = {e.text: e for e in tag(text, anchor)}
    assert expected in found, f"{expected!r} not among {list(found)}"
    expression = found[expected]
    assert text[expression.start:expression.end] == expected
    assert (expression.type, expression.value) == (kind, value), (
        f"{expected!r}: {expression.type} {expression.value}, not {kind} {value}")
    return expression
