"""TIMEX3 classes of the twenty-fifth session, each a TimeML convention the TimeBank/AQUAINT gold
follows, pinned with invented sentences. No spaCy model, no network.

* A vague number of decades or centuries is a vague number of years (PXY), as a counted one is
  years ("two decades" P20Y): TimeML's duration units are those of ISO 8601.

Anchor: THU 2025-08-07.
"""

from __future__ import annotations

import datetime as dt

import pytest

from tests.timex_check import assert_tagged

THU = dt.date(2025, 8, 7)


@pytest.mark.parametrize(("sentence", "text", "kind", "value"), [
    ("The treaty ended a decades-long border dispute.", "decades-long", "DURATION", "PXY"),
    ("For decades, the valley had no railway.", "decades", "DURATION", "PXY"),
    ("The dispute lasted two to three decades.", "two to three decades", "DURATION", "PXY"),
    ("Comets of this kind return every few decades.", "every few decades", "SET", "PXY"),
    ("The bridge stood for two decades.", "two decades", "DURATION", "P20Y"),
])
def test_decades_are_counted_in_years(sentence: str, text: str, kind: str, value: str) -> None:
    assert_tagged(sentence, THU, text, kind, value)
