"""The words of a name inside an entity span (``nlp.name_tokens``), on parsed sentences."""

from __future__ import annotations

import pytest

from generator.model import Source
from generator.nlp.name_tokens import name_tokens


def name_in(nlp, sentence: str, span: str, label: str) -> tuple[str, list[str]]:
    """The name ``name_tokens`` keeps of ``span`` tagged ``label`` in ``sentence``, and the
    words it strips as titles."""
    doc = nlp(sentence)
    start = sentence.index(span)
    ent = doc.char_span(start, start + len(span), label=label, alignment_mode="expand")
    source = Source("a", "a.txt", "ok", text=sentence, paragraphs=((0, len(sentence)),))
    tokens, stripped = name_tokens(ent, source, 0)
    return sentence[tokens[0].idx:tokens[-1].idx + len(tokens[-1])], stripped


@pytest.mark.parametrize("sentence, span, name", [
    ("He watched Silver Harbor - - the sequel - - twice .", "Silver Harbor - -", "Silver Harbor"),
    ("The director - - Amos Trell - - resigned .", "- - Amos Trell - -", "Amos Trell"),
    ("Jane Doe , the mayor , spoke .", "Jane Doe", "Jane Doe"),
])
def test_punctuation_at_the_ends_of_a_span_is_no_part_of_the_name(nlp, sentence, span, name):
    assert name_in(nlp, sentence, span, "PERSON")[0] == name


@pytest.mark.parametrize("sentence, span, label, name", [
    ("She was walking along 117th Street near 97th Avenue .", "117th Street", "FAC", "117th Street"),
    ("The shooting occurred in the 12200 block of 223rd Street .", "223rd Street", "FAC", "223rd Street"),
    ("Police said comedian Jane Doe was not hurt .", "comedian Jane Doe", "PERSON", "Jane Doe"),
])
def test_a_number_before_a_name_is_part_of_it_but_a_lower_case_word_is_not(nlp, sentence, span, label, name):
    assert name_in(nlp, sentence, span, label)[0] == name


@pytest.mark.parametrize("sentence, span, name, title", [
    ("Coroner Amos Trell said the cause was not known .", "Coroner Amos Trell", "Amos Trell", "Coroner"),
    ("The service was led by Archbishop Jane Doe on Sunday .", "Archbishop Jane Doe", "Jane Doe", "Archbishop"),
    ("Councilwoman Rita Vell voted against the plan .", "Councilwoman Rita Vell", "Rita Vell", "Councilwoman"),
])
def test_an_office_written_before_a_name_is_its_title_not_part_of_it(nlp, sentence, span, name, title):
    assert name_in(nlp, sentence, span, "PERSON") == (name, [title])


@pytest.mark.model
@pytest.mark.parametrize("text, span, name", [
    ("Director of the Norwegian Coastal Administration (NCA) Kari Berg spoke.",
     "the Norwegian Coastal Administration (NCA", "Norwegian Coastal Administration"),
    ("They met NCA) Director Kari Berg.", "NCA) Director Kari Berg", "Kari Berg"),
    ("Officials of the Coastal Administration (NCA) spoke.",
     "the Coastal Administration (NCA)", "Coastal Administration"),
])
def test_a_name_never_holds_half_a_bracket(nlp, text, span, name):
    """A model span that stops inside brackets ("... (FBI" of "(FBI) Director X") is cut
    before the bracket it opens, or after the one it closes (an acronym in brackets after the
    name, whose closing bracket is punctuation at the span's end, goes with it)."""
    doc = nlp(text)
    start = text.index(span)
    ent = doc.char_span(start, start + len(span), label="PERSON" if "Berg" in span else "ORG")
    source = Source(id="t", path="t.txt", status="ok", text=text, paragraphs=((0, len(text)),))
    tokens, _ = name_tokens(ent, source, 0)
    assert text[tokens[0].idx: tokens[-1].idx + len(tokens[-1].text)] == name
