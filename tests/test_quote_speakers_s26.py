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
