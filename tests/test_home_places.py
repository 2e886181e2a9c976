"""A company written with its home before it ("Kalamazoo, Mich.-based First of America said
..."): the company speaks, never the place, and the place reads as a place. All names and
sentences are invented."""

from __future__ import annotations

import pytest
import spacy
from test_quotes import quotes_of
from test_statements import statements_of

from generator.model import Source
from generator.nlp.based import based_organisation, is_home_place, name_words
from generator.pipeline import analyse


@pytest.mark.parametrize(("text", "expected"), [
    ("Kalamazoo, Mich.-based Harbor Savings Corp. said it would cut 300 jobs.",
     [("it would cut 300 jobs", "Harbor Savings Corp.", "said")]),
    ("Dayton-based Mallory Tools Inc. said profit rose 12%.",
     [("profit rose 12%", "Mallory Tools Inc.", "said")]),
])  # fmt: skip
def test_a_statement_of_a_company_with_its_home_is_the_companys(nlp, text, expected):
    assert statements_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "speaker"), [
    ("Dayton, Ohio-based Mallory said \"we will grow.\"", "Mallory"),
    ("\"We will grow,\" said Dayton, Ohio-based Mallory Tools Inc.", "Mallory Tools Inc."),
])  # fmt: skip
def test_a_quote_of_a_company_with_its_home_is_the_companys(nlp, text, speaker):
    assert [s for _, s in quotes_of(nlp, text)] == [speaker]


@pytest.mark.parametrize(("name", "speaker"), [
    ("First of Avalon", "First of Avalon Bank Corp."),  # the model tags only "Avalon" here
    ("Union of Westfield", "Union of Westfield"),  # the model tags the name here: kept
])  # fmt: skip
def test_a_home_company_the_model_cut_is_its_earlier_full_name(nlp, name, speaker):
    text = (f"{name} Bank Corp. completed its purchase of Midwest Trust Inc.\n"
            f"Kalamazoo, Mich.-based {name} said it will eliminate 13 positions.")
    assert statements_of(nlp, text) == [("it will eliminate 13 positions", speaker, "said")]


def test_it_after_a_home_company_stands_for_the_company_not_its_home(nlp):
    text = ("First of Avalon Bank Corp. completed its purchase of Midwest Trust Inc.\n"
            "Kalamazoo, Mich.-based First of Avalon said it will cut 13 jobs. "
            "But it said that severance payments will reduce its results.")
    assert [speaker for _, speaker, _ in statements_of(nlp, text)] == ["First of Avalon Bank Corp."] * 2


def test_a_place_written_as_a_home_is_a_place(nlp):
    text = "Dayton, Ohio-based Mallory said it will grow."
    source = Source(id="t", path="t.txt", status="ok", text=text,
                    paragraphs=((0, len(text)),), content_hash="test")
    cues = {m.text: m.cues for m in analyse(source, nlp).mentions}
    assert "home:place" in cues["Dayton"]


@pytest.fixture(scope="module")
def blank():
    return spacy.blank("en")


@pytest.mark.parametrize(("text", "place", "company"), [
    ("Kalamazoo, Mich.-based First of America said so.", "Kalamazoo", "First of America"),
    ("Toledo, Ohio-based Brandt Plastics Inc. said so.", "Toledo", "Brandt Plastics Inc."),
    ("New York-based Crescott Investment Associates said so.", "York", "Crescott Investment Associates"),
    ("Santa Fe, New Mexico-based Adobe Works said so.", "Fe", "Adobe Works"),
])  # fmt: skip
def test_the_company_after_a_home_place(blank, text, place, company):
    doc = blank(text)
    token = next(t for t in doc if t.text == place)
    first = based_organisation(token)
    start, end = name_words(first)
    assert text[start:end] == company


@pytest.mark.parametrize("text", [
    "Kalamazoo said the plant is based on old designs.",
    "Kalamazoo, a city-based unit, said so.",
    "Kalamazoo said web-based sales rose.",
])  # fmt: skip
def test_no_company_without_a_home_written_before_it(blank, text):
    doc = blank(text)
    assert based_organisation(doc[0]) is None
    assert not is_home_place(doc[0:1])
