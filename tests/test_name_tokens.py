"""The words of a name inside an entity span (``nlp.name_tokens``), on parsed sentences."""

from __future__ import annotations

import pytest

from generator.model import Source
from generator.nlp.name_tokens import name_tokens


@pytest.mark.parametrize("sentence, span, name", [
    ("He watched Catching Fire - - the sequel - - twice .", "Catching Fire - -", "Catching Fire"),
    ("The director - - John Mitchell - - resigned .", "- - John Mitchell - -", "John Mitchell"),
    ("Jane Doe , the mayor , spoke .", "Jane Doe", "Jane Doe"),
])
def test_punctuation_at_the_ends_of_a_span_is_no_part_of_the_name(nlp, sentence, span, name):
    doc = nlp(sentence)
    start = sentence.index(span)
    ent = doc.char_span(start, start + len(span), label="PERSON", alignment_mode="expand")
    source = Source("a", "a.txt", "ok", text=sentence, paragraphs=((0, len(sentence)),))
    tokens, _ = name_tokens(ent, source, 0)
    assert sentence[tokens[0].idx:tokens[-1].idx + len(tokens[-1])] == name
