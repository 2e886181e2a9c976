"""A common word NER tags as a name only because it opens a sentence is no name."""

from __future__ import annotations

import pytest

from generator.model import Source
from generator.pipeline import analyse

pytestmark = pytest.mark.model


def mentioned(nlp, *paragraphs: str) -> set[str]:
    """The name mentions of an article of ``paragraphs``."""
    text, spans, at = "", [], 0
    for paragraph in paragraphs:
        spans.append((at, at + len(paragraph)))
        text += paragraph + "\n\n"
        at = len(text)
    source = Source("a", "a.txt", "ok", text=text, paragraphs=tuple(spans))
    return {m.text for m in analyse(source, nlp).mentions}


def test_a_word_the_article_also_writes_in_lower_case_is_no_name_at_a_sentence_start(nlp):
    found = mentioned(nlp, "Arson is suspected in the burning of the church Sarah Quell attends.",
                      "Investigators said arson was likely, given that the fire started at night.")
    assert "Arson" not in found and "Sarah Quell" in found


def test_a_family_name_that_is_also_a_word_stays_a_name(nlp):
    found = mentioned(nlp, "Brown said the talks would resume on Monday.",
                      "Talks with Nora Brown and her aides ran late, and the brown folders stayed shut.")
    assert "Brown" in found
