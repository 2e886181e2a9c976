"""A reported statement in words after its speaker's name (``site.statement_words``)."""

from __future__ import annotations

import pytest

from generator.model import ReportedStatement
from generator.site.statement_words import position_words


def statement(text: str, verb: str = "said", kind: str = "indirect") -> ReportedStatement:
    return ReportedStatement("st-1", "jane-doe", kind, verb, text, ())


@pytest.mark.parametrize("text, words", [
    ("No one was hurt in the fire", "said no one was hurt in the fire"),  # the clause opened its sentence
    ("A craft group was in the building", "said a craft group was in the building"),
    ("The talks would resume on Monday", "said the talks would resume on Monday"),
    ("Amos Trell had resigned", "said Amos Trell had resigned"),  # a name keeps its capital
    ("I will not run again", "said I will not run again"),
    ("May was right to call the vote", "said May was right to call the vote"),  # not a closed-class word
    ("talks would resume", "said talks would resume"),
])
def test_a_clause_that_opened_its_sentence_reads_on_after_the_verb(text: str, words: str) -> None:
    assert position_words(statement(text)) == words


def test_the_verb_is_written_once_and_a_quote_keeps_its_words() -> None:
    assert position_words(statement("rejected the threats as unlawful", verb="rejected")) \
        == "rejected the threats as unlawful"
    assert position_words(statement("“No one was hurt,”", kind="direct")) == "said: “No one was hurt,”"


@pytest.mark.parametrize("text, verb, words", [
    ("would reject any offer from the board", "reject", "would reject any offer from the board"),
    ("will strongly urge the council to act", "urge", "will strongly urge the council to act"),
    ("them of fraud", "accused", "accused them of fraud"),  # a gerund's position: the verb before
    ("the release of the prisoners", "demanded", "demanded the release of the prisoners"),
])
def test_a_verb_after_a_modal_is_not_written_again(text: str, verb: str, words: str) -> None:
    assert position_words(statement(text, verb=verb)) == words


def test_wire_copys_two_character_quotation_marks_are_dropped_too() -> None:
    assert position_words(statement("``I formally object to the moves,''", kind="direct")) \
        == "said: “I formally object to the moves,”"
    assert position_words(statement("``We back the players'", kind="direct")) == "said: “We back the players'”"
