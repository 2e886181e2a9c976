"""A family name alone that opens a sentence of an article never naming the person is not
recovered as that person when the corpus mostly writes the word in lower case ("Major job cuts
at ..." is no Mr. Major). All names and sentences are invented."""

from __future__ import annotations

import re

from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source
from generator.resolve.common_words import common_words
from generator.resolve.recover import recover_mentions


def article(source_id: str, text: str) -> tuple[Source, ArticleAnalysis]:
    """A source and its analysis, one sentence per full stop."""
    spans = [(m.start(), m.end()) for m in re.finditer(r"[^.]+\.?", text) if m.group().strip()]
    sentences = []
    for n, (start, end) in enumerate(spans):
        while text[start] == " ":
            start += 1
        sentences.append(Sentence(n, start, end, 0))
    source = Source(source_id, f"{source_id}.txt", "ok", text=text, paragraphs=((0, len(text)),))
    return source, ArticleAnalysis(source_id, "", tuple(sentences), ())


def person(name: str, source: Source) -> Entity:
    start = source.text.index(name)
    sentence = source.text.count(".", 0, start)
    return Entity(name.lower().replace(" ", "-"), name, "person", (),
                  (Mention(source.id, start, start + len(name), name, "PERSON", sentence),))


def recovered(entity: Entity, *articles: tuple[Source, ArticleAnalysis]) -> list[tuple[str, int]]:
    (result,) = recover_mentions([entity], [s for s, _ in articles], {s.id: a for s, a in articles})
    return sorted((m.source, m.start) for m in result.mentions if "recovered" in m.cues)


NAMED = "Prime Minister Alan Major met the union. It was a major step for the major parties."
CUTS = "Major job cuts at Harlow Mills. The firm will shed 300 workers."


def test_a_common_word_opening_a_sentence_of_an_article_without_the_person_is_not_the_person():
    named, cuts = article("a", NAMED), article("b", CUTS)
    assert recovered(person("Alan Major", named[0]), named, cuts) == []


def test_the_family_name_opening_a_sentence_stays_where_the_article_names_the_person():
    text = "Alan Major spoke. Major said the union agreed."
    named, other = article("a", text), article("b", "It was a major step for the major parties.")
    assert recovered(person("Alan Major", named[0]), named, other) == [("a", text.index("Major said"))]


def test_a_family_name_no_one_writes_in_lower_case_is_still_recovered_at_a_sentence_start():
    named = article("a", "Prime Minister Alan Brandvik met the union. It was a big step.")
    later = article("b", "Brandvik said the talks would go on. The union agreed.")
    assert recovered(person("Alan Brandvik", named[0]), named, later) == [("b", 0)]


def test_a_family_name_inside_a_sentence_is_still_recovered():
    named, inside = article("a", NAMED), article("b", "The union met Major on Friday. It was a major step.")
    assert recovered(person("Alan Major", named[0]), named, inside) == []  # the article writes "major"
    inside = article("c", "The union met Major on Friday.")
    assert recovered(person("Alan Major", named[0]), named, inside) == [("c", inside[0].text.index("Major"))]


def test_common_words_count_lower_case_against_capitals_inside_a_sentence():
    texts = ["Major cuts. The major cuts came. Mr. Major met Brandvik. Brandvik said no.",
             "It was a major blow."]
    assert common_words({"Major", "Brandvik"}, texts) == {"Major"}
    assert common_words({"Major"}, ["A major step. Mr. Major said so. Gen. Major left. They met Major."]) \
        == frozenset()


def test_a_one_word_name_is_recovered_at_a_sentence_start_whatever_the_corpus_writes():
    named = article("a", "The raid began at dawn. Rangers stormed the ship. It was a major step.")
    later = article("b", "Rangers said the crew was safe. The rangers left.")
    entity = person("Rangers", named[0])
    assert recovered(entity, named, later) == [("b", 0)]
