"""A wire story's dateline on a line of its own ("NAIROBI, Kenya (AP) _") is no sentence of the
story: never its title, its lead or a statement about a place. A story is named by one of its
articles' titles in mixed case before one in capitals (the shape of wire copy seen on unseen news)."""

from __future__ import annotations

import pytest

from generator.ingest.boilerplate import dateline_length, is_dateline
from generator.ingest.read import ingest
from generator.events.stories import group_stories
from generator.model import Briefing, Source
from generator.pipeline import analyse
from generator.site.summarize import lead_statements

DATELINES = [
    "NAIROBI, Kenya (AP) _",
    "PORT LOUIS, Mauritius (AP) --",
    "SPRINGFIELD, Ill. (AP) --",
    "GENEVA, March 3 (Xinhua) --",
    "OSLO (Reuters) -",
    "LIMA, June 9 —",
]
NOT_DATELINES = [
    "A CITY HOLDS ITS BREATH",  # an all-capitals headline: no agency, no dash
    "UNESCO",  # a lone word
    "Floods close the port of Lima, officials say",
    "Storm warning issued for the coast (AP)",  # a headline ending in the agency, not in capitals
    "OSLO, Norway (AP) _ The fishing fleet stayed in port on Monday.",  # dateline and story on one line
]


@pytest.mark.parametrize("line", DATELINES)
def test_datelines_are_recognised(line):
    assert is_dateline(line)


@pytest.mark.parametrize("line", NOT_DATELINES)
def test_other_lines_are_no_datelines(line):
    assert not is_dateline(line)


STORY = ("OSLO, Norway (AP) _\n"
         "The fishing fleet of Tromso stayed in port on Monday as a storm hit the coast.\n"
         "Harbour master Kari Berg said the boats would sail again on Wednesday.\n")


def _source(tmp_path, text: str = STORY):
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    (seeds / "fleet.txt").write_text(text, encoding="utf-8")
    return ingest(seeds)[0][0]


def test_the_title_passes_over_the_dateline(tmp_path):
    source = _source(tmp_path)
    assert source.title == "The fishing fleet of Tromso stayed in port on Monday as a storm hit the coast."


def test_a_headline_after_the_dateline_is_the_title_and_the_dateline_stays_text(tmp_path):
    source = _source(tmp_path, "OSLO, Norway (AP) _\nStorm keeps the fishing fleet in port\n"
                               "The fishing fleet stayed in port on Monday.\n")
    assert source.title == "Storm keeps the fishing fleet in port"
    assert [source.text[a:b] for a, b in source.paragraphs] == [
        "OSLO, Norway (AP) _", "The fishing fleet stayed in port on Monday."]


@pytest.mark.model
def test_the_dateline_is_no_body_sentence_and_does_not_lead(tmp_path, nlp):
    source = _source(tmp_path)
    analysis = analyse(source, nlp)
    assert [(source.text[s.start:s.end], s.is_title) for s in analysis.sentences][:2] == [
        ("OSLO, Norway (AP) _", True),
        ("The fishing fleet of Tromso stayed in port on Monday as a storm hit the coast.", False)]
    briefing = Briefing(title="t", sources=[source], analyses={source.id: analysis})
    leads = lead_statements(briefing)
    assert leads[0].lead.text.startswith("The fishing fleet")
    assert not any("(AP)" in s.lead.text for s in leads)
    assert any(m.text == "OSLO" for m in analysis.mentions)  # the place is still named


def _titled(source_id: str, title: str) -> Source:
    return Source(id=source_id, path=f"{source_id}.txt", status="ok", text=title, title=title)


def test_a_story_is_named_by_a_title_in_mixed_case_before_one_in_capitals():
    briefing = Briefing(title="t", sources=[_titled("a", "A CITY HOLDS ITS BREATH"),
                                            _titled("b", "Storm keeps the fishing fleet in port"),
                                            _titled("c", "FLEET STAYS IN PORT")], analyses={})
    assert [s.title for s in group_stories(briefing, {"story-1": ("a", "b", "c"),
                                                      "story-2": ("a", "c")})] == [
        "Storm keeps the fishing fleet in port", "FLEET STAYS IN PORT"]


@pytest.mark.model
def test_a_dateline_the_parse_makes_the_first_sentence_does_not_lead(tmp_path, nlp):
    source = _source(tmp_path, "Fleet stays in port\nOSLO, Norway (AP)_ The fishing fleet of Tromso stayed in "
                               "port on Monday as a storm hit the coast. Boats sail again on Wednesday.\n")
    analysis = analyse(source, nlp)
    body = [source.text[s.start:s.end] for s in analysis.sentences if not s.is_title]
    assert not any("(AP)" in sentence and len(sentence) < 25 for sentence in body)
    leads = lead_statements(Briefing(title="t", sources=[source], analyses={source.id: analysis}))
    assert not any(s.lead.text.strip() == "OSLO, Norway (AP)_" for s in leads)


@pytest.mark.parametrize("text, dateline", [
    ("CANBERRA, Australia (AP)_ Lorne Air will double its flights.", "CANBERRA, Australia (AP)_ "),
    ("MOSCOW (AP)_ The mayor opened the bridge.", "MOSCOW (AP)_ "),
    ("O'BRIEN POINT, Alaska (AP)_ Ice closed the harbor.", "O'BRIEN POINT, Alaska (AP)_ "),
    ("GENEVA, March 3 (Xinhua) -- Talks resumed.", "GENEVA, March 3 (Xinhua) -- "),
    ("U.S. - China talks resumed on Monday.", ""),  # initials: no dateline
    ("NATO - the alliance - met.", ""),  # no capital after the dash
    ("President Ola Brenn said the talks went well.", ""),
])
def test_a_dateline_the_first_sentence_runs_on_from_is_measured(text, dateline):
    assert text[:dateline_length(text)] == dateline


INLINE = ("OSLO, Norway (AP)_ The fishing fleet of Tromso stayed in port on Monday as a storm hit the "
          "coast. Harbour master Kari Berg said the boats would sail again on Wednesday.\n")


def test_the_title_leaves_out_a_dateline_the_first_sentence_runs_on_from(tmp_path):
    source = _source(tmp_path, INLINE)
    assert source.title == "The fishing fleet of Tromso stayed in port on Monday as a storm hit the coast."


@pytest.mark.model
def test_the_lead_leaves_out_a_dateline_the_first_sentence_runs_on_from(tmp_path, nlp):
    source = _source(tmp_path, INLINE)
    analysis = analyse(source, nlp)
    leads = lead_statements(Briefing(title="t", sources=[source], analyses={source.id: analysis}))
    first = leads[0].citations[0]
    assert first.text.startswith("The fishing fleet") and source.text[first.start:first.end] == first.text
