"""Classes of error found reading a briefing of business news (company results, bids, analysts'
comments). All names and sentences are invented."""

from __future__ import annotations

import pytest
from test_statements import statements_of


@pytest.mark.parametrize(("text", "words"), [
    ("Harlow Mills Corp. said its profit fell 20%.", "its profit fell 20%"),
    ("Maria Lopez said regulators cleared the purchase of Banque Nordale (BN).",
     "regulators cleared the purchase of Banque Nordale (BN)"),
])  # fmt: skip
def test_statement_words_keep_a_closing_percent_sign_or_bracket(nlp, text, words):
    assert [w for w, _, _ in statements_of(nlp, text)] == [words]
