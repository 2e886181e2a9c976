"""Recovery of names NER missed: exact re-occurrences of resolved forms."""

from __future__ import annotations

import pytest

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


def title_and_body(title: str, body: str, source: str = "a") -> tuple[Source, ArticleAnalysis]:
    """An article of a title line and one body sentence."""
    text = f"{title}\n{body}"
    sentences = (Sentence(0, 0, len(title), 0, is_title=True), Sentence(1, len(title) + 1, len(text), 1))
    return (Source(source, f"{source}.txt", "ok", text=text, paragraphs=((0, len(text)),)),
            ArticleAnalysis(source, "", sentences, ()))


def test_a_name_of_running_text_takes_the_place_of_a_shorter_span_in_a_title():
    source, analysis = title_and_body("Dana Quill Resigns After Vote", "Officials met on Monday.")
    other, other_analysis = title_and_body("Vote Held", "Dana Quill resigned, Quill said.", source="b")
    short = Entity("dana", "Dana", "person", (), (Mention("a", 0, 4, "Dana", "PERSON", 0),),
                   ambiguous_with=("dana-quill",))
    full = Entity("dana-quill", "Dana Quill", "person", (),
                  (Mention("b", 10, 20, "Dana Quill", "PERSON", 1),
                   Mention("b", 31, 36, "Quill", "PERSON", 1)),
                  ambiguous_with=("dana",))
    result = recover_mentions([short, full], [source, other], {"a": analysis, "b": other_analysis})
    assert [e.id for e in result] == ["dana-quill"]  # the short span's entity had no other mention
    (entity,) = result
    assert [(m.source, m.text) for m in entity.mentions if m.source == "a"] == [("a", "Dana Quill")]
    assert entity.ambiguous_with == ()  # no reference to an entity gone


def test_only_names_of_running_text_in_capitals_take_the_place_of_a_span():
    headline, headline_analysis = title_and_body("Rook Harbour Hit By Storm", "Crews worked all night.")
    careless, careless_analysis = title_and_body("Storm Hits Rook in May", "Rook in spring is calm.", "b")
    elsewhere, elsewhere_analysis = title_and_body("Rook Harbour Hit Again", "Nobody was hurt.", "c")
    rook = Entity("rook", "Rook", "place", (), (Mention("a", 0, 4, "Rook", "GPE", 0),
                                                 Mention("b", 11, 15, "Rook", "GPE", 0)))
    in_titles = Entity("rook-harbour-hit", "Rook Harbour Hit", "organization", (),
                       (Mention("c", 0, 16, "Rook Harbour Hit", "ORG", 0),))  # in a title only
    tagged_with_in = Entity("rook-in", "Rook in", "place", (), (Mention("b", 23, 30, "Rook in", "GPE", 1),))
    result = recover_mentions([rook, in_titles, tagged_with_in], [headline, careless, elsewhere],
                              {"a": headline_analysis, "b": careless_analysis, "c": elsewhere_analysis})
    found = {e.id: sorted((m.source, m.text) for m in e.mentions) for e in result}
    assert found["rook"] == [("a", "Rook"), ("b", "Rook")]  # the titles' own spans stay
    assert found["rook-harbour-hit"] == [("c", "Rook Harbour Hit")]
    assert found["rook-in"] == [("b", "Rook in")]


def test_a_name_of_several_words_takes_the_place_of_a_shorter_span_in_running_text():
    # the NER model tagged only "Tilda" of "Tilda Marsh" in one article, and as a place
    source, analysis = title_and_body("Girl Hurt", "A stray bullet struck Tilda Marsh near Rook.")
    other, other_analysis = title_and_body("Trial Opens", "Tilda Marsh was ten.", source="b")
    at = source.text.index("Tilda")
    part = Entity("tilda", "Tilda", "place", (), (Mention("a", at, at + 5, "Tilda", "GPE", 1),))
    rook = Entity("rook", "Rook", "place", (), (Mention("a", source.text.index("Rook"),
                                                         source.text.index("Rook") + 4, "Rook", "GPE", 1),))
    full = Entity("tilda-marsh", "Tilda Marsh", "person", (),
                  (Mention("b", 12, 23, "Tilda Marsh", "PERSON", 1),))
    result = recover_mentions([part, rook, full], [source, other], {"a": analysis, "b": other_analysis})
    found = {e.id: sorted((m.source, m.text) for m in e.mentions) for e in result}
    assert found == {"tilda-marsh": [("a", "Tilda Marsh"), ("b", "Tilda Marsh")], "rook": [("a", "Rook")]}


@pytest.mark.parametrize("first, second, name, form", [
    ("Pell Industries grew.", "Pell smiled.", "Nora Pell", "Nora Pell"),  # a family name alone
    ("The Surgeon General warned of risks.", "Surgeon left early.", "Ivo Surgeon", "Surgeon"),  # a role word
])  # fmt: skip
def test_a_careful_form_is_not_recovered_where_a_longer_name_goes_on(first, second, name, form):
    text = f"{first} {second}"
    source = Source("a", "a.txt", "ok", text=text, paragraphs=((0, len(text)),))
    sentences = (Sentence(0, 0, len(first), 0), Sentence(1, len(first) + 1, len(text), 0))
    analysis = ArticleAnalysis("a", "", sentences, ())
    known = Entity("known", name, "person", (), (Mention("b", 0, len(form), form, "PERSON", 0),))
    (result,) = recover_mentions([known], [source], {"a": analysis})
    assert [m.start for m in result.mentions if m.source == "a"] == [len(first) + 1]
