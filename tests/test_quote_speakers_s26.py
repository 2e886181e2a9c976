"""Quote speakers a reader names but the attribution rules missed, seen on wire news nobody tuned
on (the TempEval-3 AQUAINT articles made into a briefing): each case is invented, each failed
before the twenty-sixth session."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of

from generator.knowledge.names import TITLE_ABBREVIATIONS
from generator.nlp.abbreviations import written_forms

CASES = [
    ("an abbreviated title before the speaker ends no sentence",
     "``I can confirm that a man was arrested and the police were involved'' in making the arrest, "
     "police spokesman Capt. Tom Brell said.",
     [("I can confirm that a man was arrested and the police were involved", "Tom Brell")]),
    ("an inverted verb of exclaiming",
     "``Hooray,'' exclaimed Hartley Vance, a daughter of the valley, who later moved away.",
     [("Hooray", "Hartley Vance")]),
    ("'said' with a noun phrase the parse made the subject of a participle after it",
     "``Nothing is settled about his return,'' said a government statement, read on Wednesday night.",
     [("Nothing is settled about his return", "(a government statement)")]),
    ("a colon after a verb that is no verb of saying",
     "Marco Delane, a spokesman for the family, dismissed the criticism: "
     "``The boy is surrounded by love and cared for.''",
     [("The boy is surrounded by love and cared for.", "Marco Delane")]),
    ("'she' is not judged by her brother's 'he' (one family name, two people)",
     "She is Marco Ilvane's younger sister, Rosa. Rosa Ilvane is a beloved member of this community.\n"
     "Marco Ilvane said he would not come. He said he was busy. Ilvane said he had no plans.\n"
     "``I do not know what he thinks,'' Rosa Ilvane said.\n"
     "Dressed in a dark blazer, the sister of the mayor walked around the shop talking with customers.\n"
     "She said she talks to family members back home. ``I have sisters that I still speak to,'' she said.",
     [("I do not know what he thinks", "Rosa Ilvane"),
      ("I have sisters that I still speak to", "Rosa Ilvane")]),
    ("a company citing words",
     "Revenue declined 8%. Dunmore Corp. cited \"a general softening in the demand for office products.\"",
     [("a general softening in the demand for office products.", "Dunmore Corp.")]),
    ("a described speaker opening the attribution, a participle before 'said'",
     "``It looks as though they panicked,'' a detective, speaking on condition of anonymity, "
     "said of the robbers.",
     [("It looks as though they panicked", "(a detective)")]),
]


@pytest.mark.model
@pytest.mark.parametrize("name, text, expected", CASES, ids=[c[0] for c in CASES])
def test_speaker_named(nlp, name, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.model
def test_a_told_object_is_no_speaker(nlp):
    """The noun phrase after a verb of saying is no speaker when it is the verb's object."""
    text = "``We are ready for the vote on Friday,'' telling reporters the plan was done."
    assert quotes_of(nlp, text) == [("We are ready for the vote on Friday", None)]


@pytest.mark.model
@pytest.mark.parametrize("abbreviation", sorted(TITLE_ABBREVIATIONS))
def test_abbreviated_titles_stay_one_token_and_one_sentence(nlp, abbreviation):
    for form in written_forms(abbreviation):
        doc = nlp(f"The suspect was arrested by {form} Tom Brell of the county police on Monday.")
        assert form in [t.text for t in doc]
        assert len(list(doc.sents)) == 1


@pytest.mark.model
@pytest.mark.parametrize("text, name, gender", [
    ("Rosa Ilvane believes the child should be raised by his father in Lisbon.", "Rosa Ilvane", ""),
    ("Rosa Ilvane believes that he should be raised in Lisbon.", "Rosa Ilvane", "m"),
    ("Rosa Ilvane said she would stay in Lisbon.", "Rosa Ilvane", ""),
    ("Rosa Ilvane stayed in Lisbon, where she ran a pharmacy.", "Rosa Ilvane", "f"),
])
def test_a_pronoun_after_a_person_noun_gives_no_gender_to_the_name(nlp, text, name, gender):
    """The first pronoun after a name gives its gender only when no person is named or described
    between them ("the child ... his father" is the child's)."""
    from generator.nlp.cues import type_cues

    ent = next(e for e in nlp(text).ents if e.text == name)
    found = [c.removeprefix("gender:") for c in type_cues(ent, False) if c.startswith("gender:")]
    assert found == ([gender] if gender else [])


def test_a_verb_of_saying_tagged_a_noun_counts_when_it_has_a_subject():
    """The small tagger sometimes makes "calls" a noun although it heads the sentence's subject
    ("Foreign Minister X calls the plan “a mistake”"): with a subject it is a verb of saying;
    "the calls" without one is not."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from generator.quotes.speakers import is_speech_verb

    words = ["Minister", "Orlov", "calls", "the", "plan", "a", "mistake"]
    predicate = Doc(Vocab(), words=words, pos=["PROPN", "PROPN", "NOUN", "DET", "NOUN", "DET", "NOUN"],
                    heads=[1, 2, 2, 4, 2, 6, 2],
                    deps=["compound", "nsubj", "ROOT", "det", "dobj", "det", "oprd"],
                    lemmas=["Minister", "Orlov", "call", "the", "plan", "a", "mistake"])
    assert is_speech_verb(predicate[2])
    plain = Doc(Vocab(), words=["the", "calls", "stopped"], pos=["DET", "NOUN", "VERB"],
                heads=[1, 2, 2], deps=["det", "nsubj", "ROOT"], lemmas=["the", "call", "stop"])
    assert not is_speech_verb(plain[1])
