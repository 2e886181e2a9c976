"""Headline names trimmed by ``name_groups.trim_headline_spillover``; no model."""

from __future__ import annotations

from generator.model import ArticleAnalysis, Mention, Sentence
from generator.resolve.name_groups import trim_headline_spillover

TITLE = "Dana Quell Joins Harbor City Rovers"
BODY = "The Harbor City Rovers signed Dana Quell. Fans in Harbor City cheered. Quell arrives Monday."
TEXT = f"{TITLE}\n\n{BODY}"


def at(form: str, sentence: int, occurrence: int = 0, label: str = "ORG") -> Mention:
    start = -1
    for _ in range(occurrence + 1):
        start = TEXT.index(form, start + 1)
    return Mention("a", start, start + len(form), form, label, sentence)


def analysis(*mentions: Mention) -> ArticleAnalysis:
    sentences = (Sentence(0, 0, len(TITLE), -1, is_title=True), Sentence(1, len(TITLE) + 2, len(TEXT), 0))
    return ArticleAnalysis("a", "", sentences, mentions)


def test_a_headline_name_running_into_a_word_is_cut_to_the_body_name():
    trimmed = trim_headline_spillover(analysis(at("Dana Quell Joins", 0, label="PERSON"),
                                               at("Dana Quell", 1, 1, "PERSON")))
    assert [m.text for m in trimmed if m.sentence == 0] == ["Dana Quell"]


def test_a_headline_name_the_body_writes_whole_is_kept():
    trimmed = trim_headline_spillover(analysis(at("Harbor City Rovers", 0), at("Harbor City Rovers", 1, 1),
                                               at("Harbor City", 1, 2, "GPE")))
    assert [m.text for m in trimmed if m.sentence == 0] == ["Harbor City Rovers"]
