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


def known_entity(name: str, kind: str, label: str, form: str = "") -> Entity:
    """An entity known by ``form`` (its name), from a mention in another article."""
    elsewhere = Mention("b", 0, 1, form or name, label, 0)
    return Entity(name.lower().replace(" ", "-"), name, kind, (), (elsewhere,))


def test_a_one_word_common_name_inside_a_longer_capitalised_name_is_not_recovered():
    text = ("Obama Signs Endangered Species Act\n"
            "Attorney General Jane Roe spoke. The Washington Post said Washington agreed. "
            "President Obama and the Endangered Species Act. Obama left. Coach Kent Fired. "
            "The general said endangered birds need care.")
    title_end = text.index("\n")
    spans, start = [(0, title_end)], title_end + 1
    for part in text[start:].split(". "):
        spans.append((start, min(start + len(part) + 1, len(text))))
        start += len(part) + 2
    analysis = ArticleAnalysis("a", "", tuple(Sentence(n, s, e, 0, is_title=n == 0)
                                              for n, (s, e) in enumerate(spans)), ())
    source = Source("a", "a.txt", "ok", text=text, paragraphs=((0, len(text)),))
    known = [known_entity("Washington", "place", "GPE"), known_entity("Obama", "person", "PERSON"),
             known_entity("General", "person", "PERSON"), known_entity("Endangered", "organization", "ORG"),
             known_entity("Mo Kent", "person", "PERSON", form="Kent")]
    found = {e.name: sorted(text[m.start:m.end + 6] for m in e.mentions if m.source == "a")
             for e in recover_mentions(known, [source], {"a": analysis})}
    assert found["Washington"] == ["Washington Post ", "Washington agree"]  # never a common word
    assert found["Obama"] == ["Obama Signs", "Obama and t", "Obama left."]  # the title line, after a title
    assert found["General"] == []  # "Attorney General Jane Roe"
    assert found["Endangered"] == ["Endangered Speci"]  # only in the title line
    assert found["Mo Kent"] == ["Kent Fired"]  # a name of more words than one: used everywhere
