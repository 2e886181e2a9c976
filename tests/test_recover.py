"""Recovery of names NER missed: exact re-occurrences of resolved forms."""

from __future__ import annotations

from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source
from generator.resolve.recover import recover_mentions

TEXT = "Mira Holt met Holt's rivals. The Holt-Varga pact holds. Holtz is someone else. holt is a word."


def sentences(text):
    out, start = [], 0
    for n, part in enumerate(text.split(". ")):
        end = start + len(part) + (1 if not part.endswith(".") else 0)
        out.append(Sentence(n, start, min(end, len(text)), 0))
        start = end + 1
    return tuple(out)


def mention(text, form, occurrence=0, label="PERSON"):
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(form, start + 1)
    return Mention("a", start, start + len(form), form, label, 0)


def test_unclaimed_whole_word_occurrences_are_added():
    source = Source("a", "a.txt", "ok", text=TEXT, paragraphs=((0, len(TEXT)),))
    analysis = ArticleAnalysis("a", "", sentences(TEXT), ())
    holt = Entity("mira-holt", "Mira Holt", "person", ("Holt",),
                  (mention(TEXT, "Mira Holt"), mention(TEXT, "Holt", 1)))
    (result,) = recover_mentions([holt], [source], {"a": analysis})
    found = sorted((m.start, m.text) for m in result.mentions)
    holt_varga = TEXT.index("Holt-Varga")
    assert (holt_varga, "Holt") in found, "hyphenated compound is recovered"
    assert all(m.text != "holt" for m in result.mentions), "case-sensitive"
    assert not any(m.start == TEXT.index("Holtz") for m in result.mentions), "whole words only"
    assert [m.cues for m in result.mentions if m.start == holt_varga] == [("recovered",)]


def test_forms_shared_by_two_entities_are_not_used():
    text = "Anna Keller and Tom Keller spoke. Keller left."
    source = Source("a", "a.txt", "ok", text=text, paragraphs=((0, len(text)),))
    analysis = ArticleAnalysis("a", "", (Sentence(0, 0, 33, 0), Sentence(1, 34, len(text), 0)), ())
    anna = Entity("anna", "Anna Keller", "person", (), (Mention("a", 5, 11, "Keller", "PERSON", 0),))
    tom = Entity("tom", "Tom Keller", "person", (), (Mention("a", 20, 26, "Keller", "PERSON", 0),))
    result = recover_mentions([anna, tom], [source], {"a": analysis})
    assert [len(e.mentions) for e in result] == [1, 1]
