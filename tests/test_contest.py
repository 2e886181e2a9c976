"""Place names read as sides of a sports contest (``nlp.contest``), on parsed sentences."""

from __future__ import annotations

import pytest

from generator.nlp.contest import is_side_of_contest


@pytest.mark.parametrize("sentence, place, side", [
    ("The Herons lost their last game against Denver on Sunday.", "Denver", True),
    ("It was their fifth straight win over Denver.", "Denver", True),
    ("Denver won 31-24 in overtime.", "Denver", True),
    ("The Herons beat Denver and Boston last week.", "Boston", True),
    ("Fans in Denver were angry about the new stadium.", "Denver", False),
    ("The Herons play their next game at Denver on Sunday.", "Denver", False),  # where, not whom
    ("The mayor of Denver spoke on Sunday.", "Denver", False),
])
def test_a_place_is_a_side_only_in_a_contest(nlp, sentence, place, side):
    doc = nlp(sentence)
    (ent,) = [e for e in doc.ents if e.text == place]
    assert is_side_of_contest(ent) is side
