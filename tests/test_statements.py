"""Reported statements: extraction (trained parse), merge per actor, export and the actor page."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from test_quotes import candidates

from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Entity,
    Mention,
    QuoteCandidate,
    Sentence,
    Source,
)
from generator.quotes.statements import merge_statements, statements_by_speaker


def statements_of(nlp, text: str) -> list[tuple[str, str, str]]:
    """(stated words, speaker words, verb) of the indirect statements in a text (lines = paragraphs)."""
    found = candidates(nlp, text, "indirect")
    for statement in found:
        assert text[statement.citation.start:statement.citation.end] == statement.citation.text
    return [(s.citation.text, s.speaker_text, s.cue) for s in found]


STATEMENTS = [
    ("position verb: the verb phrase",
     "Russia has rejected the threats as unlawful.",
     [("rejected the threats as unlawful", "Russia", "rejected")]),
    ("X said that ...: the clause without 'that'",
     "Maria Lopez said that the talks had failed.",
     [("the talks had failed", "Maria Lopez", "said")]),
    ("X demanded ...",
     "Peter Hansen demanded the immediate release of the prisoners.",
     [("demanded the immediate release of the prisoners", "Peter Hansen", "demanded")]),
    ("X denied ...",
     "Peter Hansen denied the accusations.",
     [("denied the accusations", "Peter Hansen", "denied")]),
    ("a position inside another actor's reported clause is that actor's statement",
     "Maria Lopez said Russia rejected the plan.",
     [("Russia rejected the plan", "Maria Lopez", "said")]),
    ("refusing to say is the position, not what was not said",
     "Peter Hansen refused to say who had ordered the strike.",
     [("refused to say who had ordered the strike", "Peter Hansen", "refused")]),
    ("the person told stands before the clause, so that it reads after the verb",
     "Maria Lopez told the court on Monday that the talks had failed.",
     [("the court on Monday that the talks had failed", "Maria Lopez", "told")]),
    ("a gerund reads in the past tense after the speaker",
     "Maria Lopez left the meeting early, saying the talks had failed.",
     [("the talks had failed", "Maria Lopez", "said")]),
    ("pronoun subject resolved to the person",
     "Peter Hansen arrived in Oslo on Monday. He called for an immediate ceasefire.",
     [("called for an immediate ceasefire", "Peter Hansen", "called")]),
    ("a clause opening with the subject 'That' keeps it",
     "Peter Hansen arrived on Monday. That's not what the law says, Hansen told reporters in Oslo.",
     [("That's not what the law says", "Hansen", "told")]),
    ("a modal stays before a base form, which would not read after the name alone",
     "Peter Hansen would reject any offer from the board.",
     [("would reject any offer from the board", "Peter Hansen", "reject")]),
    ("'will' before a position verb",
     "Maria Lopez will urge the council to act.",
     [("will urge the council to act", "Maria Lopez", "urge")]),
    ("an infinitive of purpose: its verb in the past tense before the words after it",
     "Peter Hansen joined a march through the capital on Sunday to demand the release of the prisoners.",
     [("the release of the prisoners", "Peter Hansen", "demanded")]),
    ("a gerund with no auxiliary: its verb in the past tense before the words after it",
     "Juan Perez lashed out at his cousins on Sunday, accusing them of fraud.",
     [("them of fraud", "Juan Perez", "accused")]),
    ("'she' after a sister of a man the article calls 'he' is the sister; a pronoun in a quote, "
     "or opening the sentence after a name in a phrase, tells no one's gender",
     "Tomas Ruiz leads the union. Ruiz said he would strike.\n"
     "“Nobody talks to Tomas, because he never listens,” Elena Ruiz said. “He talks and he decides.”\n"
     "Elena Ruiz said she has not visited the union office of Pablo Ortiz. Although she backs the "
     "cause of Pablo Ortiz, she said she prefers to keep a low profile.",
     [("he would strike", "Ruiz", "said"),
      ("she has not visited the union office of Pablo Ortiz", "Elena Ruiz", "said"),
      ("she prefers to keep a low profile", "Elena Ruiz", "said")]),
    ("a past participle reads alone: the auxiliary is left out",
     "Peter Hansen has repeatedly denied the charges.",
     [("denied the charges", "Peter Hansen", "denied")]),
    ("a saying verb in a relative clause inside the clause is no statement of its own",
     "Maria Lopez said the vote was delayed after talks with the mayor, who Lopez said is ready to resign.",
     [("the vote was delayed after talks with the mayor, who Lopez said is ready to resign",
       "Maria Lopez", "said")]),
]

NOT_STATEMENTS = [
    ("a negated saying verb states nothing",
     "Peter Hansen did not say when the talks would resume."),
    ("words in quote marks are a direct quote, not an indirect statement",
     "Maria Lopez said the plan was “a dangerous step backwards for everyone”."),
    ("no named actor",
     "Officials said the talks had failed."),
    ("a verb under a preposition is no statement",
     "Peter Hansen avoided a crisis by rejecting the offer."),
    ("'call' without 'for' takes no position",
     "Maria Lopez called him on Monday."),
    ("declining to say states nothing",
     "The pastor, Amos Trell, declined to say whether the hall had received any recent threats."),
    ("an indirect question is no statement",
     "Maria Lopez will say on Monday whether the plant will close."),
    ("a clause whose subject the parse gave the saying verb reads as no statement",
     "Trell said the nondenominational church, which he described as \"just a local church,\" "
     "is about 30 years old."),
    ("a saying verb inside a relative clause tells of the relative pronoun's antecedent",
     "Maria Lopez met the miner's brother, who Lopez said is eager to see him freed."),
    ("a name inside the reported words is not who said them",
     "The appeal is slim.\nIt's too late to argue Tomas Reyes may suffer privation or oppression in a failed state."),
    ("nor when the name is a given name alone",
     "The appeal is slim.\nIt's not enough to claim Lucia may suffer in prison."),
    ("a relative clause whose subject is 'which'",
     "The board sold the plant, which Peter Hansen said was worth far more."),
]


@pytest.mark.model
@pytest.mark.parametrize("name, text, expected", STATEMENTS, ids=[c[0] for c in STATEMENTS])
def test_indirect_statements(nlp, name, text, expected):
    assert statements_of(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("name, text", NOT_STATEMENTS, ids=[c[0] for c in NOT_STATEMENTS])
def test_not_statements(nlp, name, text):
    assert statements_of(nlp, text) == []


TEXT = "Ann Lee said the <b>port</b> must reopen. Ann Lee said: “We are ready.”"


def _briefing(text: str = TEXT) -> Briefing:
    """One source by Ann Lee: an indirect statement, a direct quote, and a described speaker's quote."""
    mentions = tuple(Mention("a", m.start(), m.end(), "Ann Lee", "PERSON", 0)
                     for m in re.finditer("Ann Lee", text))
    clause = text.index("the <b>port")
    quote = text.index("We are")

    def cite(start: int, end: int) -> Citation:
        return Citation("a", start, end, text[start:end], 0)

    candidates = (
        QuoteCandidate(cite(quote, quote + 12), (mentions[1].start, mentions[1].end), "Ann Lee", "X said"),
        QuoteCandidate(cite(clause, clause + 27), (0, 7), "Ann Lee", "said", kind="indirect"),
        QuoteCandidate(cite(clause, clause + 27), (0, 7), "his colleague", "described",
                       described=True),
    )
    source = Source(id="a", path="a.txt", status="ok", text=text, title="Port dispute")
    analysis = ArticleAnalysis("a", "", (Sentence(0, 0, len(text), 0),), mentions, quotes=candidates)
    entity = Entity("ann-lee", "Ann Lee", "person", (), mentions)
    briefing = Briefing("t", [source], {"a": analysis}, [entity])
    briefing.statements = merge_statements(briefing)  # as the pipeline does after resolution
    return briefing


def test_merge_gives_each_actor_direct_and_indirect_statements():
    statements = merge_statements(_briefing())
    assert Counter((s.speaker, s.kind) for s in statements) == {("ann-lee", "direct"): 1,
                                                                 ("ann-lee", "indirect"): 1}
    indirect = next(s for s in statements if s.kind == "indirect")
    assert indirect.verb == "said" and indirect.text == "the <b>port</b> must reopen"
    assert indirect.citations[0].source == "a"


def test_described_speaker_is_no_actor():
    briefing = _briefing()
    assert set(statements_by_speaker(briefing)) == {"ann-lee"}


def test_export_lists_statements_valid_against_the_schema():
    import json

    import jsonschema

    from generator.publish.export import schema_text, to_dict

    data = to_dict(_briefing())
    assert {(s["kind"], s["speaker"]) for s in data["statements"]} == {("direct", "ann-lee"),
                                                                       ("indirect", "ann-lee")}
    jsonschema.validate(data, json.loads(schema_text()))


def test_actor_page_shows_positions_escaped_with_citations():
    from collections import Counter as Co

    from generator.site.linker import Linker
    from generator.site.page import Page
    from generator.site.pages.entities import entity_context
    from generator.site.render import render_pages

    briefing = _briefing()
    entity = briefing.entities[0]
    page = Page("people/ann-lee.md", "entity.md.j2", entity_context(entity, briefing, Co()))
    text = render_pages([page], Linker(briefing))[page.path]
    positions = text.split("## Positions")[1].split("\n## ")[0]
    assert "- said the &lt;b&gt;port&lt;/b&gt; must reopen [" in positions
    assert "<b>" not in positions
    assert "(../sources/a.md#s-0 " in positions
