"""Quotes: span finding, attribution rules (trained parse), corpus-wide merge, and the seeds."""

from __future__ import annotations

import re

import pytest

from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Entity,
    Mention,
    QuoteCandidate,
    Source,
)
from generator.pipeline import analyse
from generator.quotes.merge import merge_quotes, same_quote
from generator.quotes.spans import quote_spans


def candidates(nlp, text: str, kind: str) -> list[QuoteCandidate]:
    """The direct quotes or indirect statements ``analyse`` finds in a text whose lines are paragraphs."""
    paragraphs = tuple((m.start(), m.end()) for m in re.finditer(r"[^\n]+", text))
    source = Source(id="t", path="t.txt", status="ok", text=text, paragraphs=paragraphs,
                    content_hash="test")
    return [q for q in analyse(source, nlp).quotes if q.kind == kind]


def quotes_of(nlp, text: str) -> list[tuple[str, str | None]]:
    """(quoted words, speaker words or None) for a text whose lines are paragraphs.

    A described speaker (no entity, only words such as "a spokeswoman") is given in brackets.
    """
    found = candidates(nlp, text, "direct")
    for quote in found:
        assert text[quote.citation.start:quote.citation.end] == quote.citation.text
        if quote.speaker:
            assert text[quote.speaker[0]:quote.speaker[1]] == quote.speaker_text
    return [(q.citation.text, (f"({q.speaker_text})" if q.described else q.speaker_text) or None)
            for q in found]


RULES = [
    ("wire copy's paired backticks and apostrophes, the players' apostrophe inside",
     "``We will not back down, and the players' union agrees,'' Maria Lopez said on Tuesday.\n"
     "``That's not the best interest of the child,'' Peter Hansen told reporters.",
     [("We will not back down, and the players' union agrees", "Maria Lopez"),
      ("That's not the best interest of the child", "Peter Hansen")]),
    ("British single quotes",
     "‘We will not back down from this fight,’ Maria Lopez said on Tuesday.",
     [("We will not back down from this fight", "Maria Lopez")]),
    ("X said",
     "“We will not back down from this fight,” Maria Lopez said on Tuesday.",
     [("We will not back down from this fight", "Maria Lopez")]),
    ("said X, an analyst",
     "“The market is nervous about the outcome,” said John Carver, an analyst at a Boston bank.",
     [("The market is nervous about the outcome", "John Carver")]),
    ("X added that (partial quote)",
     "Maria Lopez added that the plan was “a dangerous step backwards for everyone”.",
     [("a dangerous step backwards for everyone", "Maria Lopez")]),
    ("X said in an interview: colon",
     "Maria Lopez said in an interview with a local radio station: “We are ready to sign it.”",
     [("We are ready to sign it.", "Maria Lopez")]),
    ("X stated simply: colon",
     "Asked about the vote, Maria Lopez stated simply: “We will win this election easily.”",
     [("We will win this election easily.", "Maria Lopez")]),
    ("continuation in the next sentence",
     "“The talks went well,” said Maria Lopez, the foreign minister. “We expect a deal within weeks.”",
     [("The talks went well", "Maria Lopez"), ("We expect a deal within weeks.", "Maria Lopez")]),
    ("continuation in the next paragraph",
     "“The talks went well today,” said Maria Lopez.\n“We expect a deal within weeks.”",
     [("The talks went well today", "Maria Lopez"), ("We expect a deal within weeks.", "Maria Lopez")]),
    ("quote running on into the next paragraph (no closing mark)",
     "Maria Lopez said on Monday: “We will fight on until the end.\n“We will never give up, whatever it costs.”",
     [("We will fight on until the end.", "Maria Lopez"),
      ("We will never give up, whatever it costs.", "Maria Lopez")]),
    ("quote in the middle of its attribution",
     "“We will win,” Maria Lopez said, “and nobody will stop us now.”",
     [("We will win", "Maria Lopez"), ("and nobody will stop us now.", "Maria Lopez")]),
    ("pronoun -> nearest person, not the nearer organisation",
     "Peter Hansen met managers of Microsoft on Monday. “We need better tools for our engineers,” he explained.",
     [("We need better tools for our engineers", "Peter Hansen")]),
    ("pronoun -> person in the previous paragraph",
     "Peter Hansen arrived in Oslo on Monday.\n“We need better tools for our engineers,” she said.",
     [("We need better tools for our engineers", "Peter Hansen")]),
    ("pronoun -> the main-clause subject, not a nearer embedded one",
     "Maria Lopez said Peter Hansen was wrong about the budget. “He has never read it,” she added.",
     [("He has never read it", "Maria Lopez")]),
    ("quoted as saying",
     "“We are ready to sign today,” Peter Hansen was quoted as saying by a news agency.",
     [("We are ready to sign today", "Peter Hansen")]),
    ("relative pronoun speaker",
     "The plan was criticised by Peter Hansen, who replied: “I fully disagree with that view.”",
     [("I fully disagree with that view.", "Peter Hansen")]),
    ("definite role noun -> the nearest person",
     "Peter Hansen arrived in Oslo on Monday. “We are ready to talk to everyone,” the minister said.",
     [("We are ready to talk to everyone", "Peter Hansen")]),
    ("according to X",
     "“Prices will rise again next year,” according to Peter Hansen.",
     [("Prices will rise again next year", "Peter Hansen")]),
    ("straight quotes",
     '"We are ready to sign the agreement," Maria Lopez said.',
     [("We are ready to sign the agreement", "Maria Lopez")]),
    ("a name inside the quote is not the speaker",
     "“Peter Hansen is wrong about everything here,” Maria Lopez said.",
     [("Peter Hansen is wrong about everything here", "Maria Lopez")]),
    # Classes seen on unseen news (issue 10).
    ("inverted speaker after the quote, verb outside the speech lexicon",
     "“We will win this vote,” Maria Lopez said. “That is simply not true,” Peter Hansen shot back.",
     [("We will win this vote", "Maria Lopez"), ("That is simply not true", "Peter Hansen")]),
    ("inverted speaker after the quote, verb first",
     "“We will win this vote,” Maria Lopez said. “That is simply not true,” countered Peter Hansen.",
     [("We will win this vote", "Maria Lopez"), ("That is simply not true", "Peter Hansen")]),
    ("pronoun -> the earlier speaker, not a person merely named in between",
     "“We will rebuild the town,” Maria Lopez said.\nReporters later asked her about a plan drafted by "
     "Peter Hansen.\n“It is far too small,” she said.",
     [("We will rebuild the town", "Maria Lopez"), ("It is far too small", "Maria Lopez")]),
    ("pronoun -> person named more than one paragraph back",
     "His neighbour, Peter Hansen, lost his barn in the fire.\nTwo years before, he said, a fire had "
     "destroyed his house.\n“We have to rebuild everything again,” he said.",
     [("We have to rebuild everything again", "Peter Hansen")]),
    ("a quote after a colon -> the subject of the verb nearest the colon",
     "It is safe to say the town was thrilled when Peter Hansen sent out this message:\n"
     "“I will stay for one more season.”",
     [("I will stay for one more season.", "Peter Hansen")]),
    ("pronoun -> not a person the article gives the other gender",
     "Maria Lopez lost her seat on Monday.\nReporters asked Peter Hansen about Lopez's plan.\n"
     "“It will not pass,” he said.",
     [("It will not pass", "Peter Hansen")]),
    ("nominal speaker kept as a description",
     "“The company will cooperate fully with the police,” a spokeswoman said.",
     [("The company will cooperate fully with the police", "(a spokeswoman)")]),
    ("an organisation described by a noun",
     "“The deal is dead and buried for now,” the newspaper wrote.",
     [("The deal is dead and buried for now", "(the newspaper)")]),
    ("X's colleague is not X",
     "“We will appeal the ruling,” Peter Hansen’s colleague said.",
     [("We will appeal the ruling", "(Peter Hansen’s colleague)")]),
    ("a continuation keeps the described speaker",
     "“Several crucial minutes were lost,” the official said. “We could have saved them.”",
     [("Several crucial minutes were lost", "(the official)"),
      ("We could have saved them.", "(the official)")]),
    ("a quote within another person's quote belongs to the outer speaker",
     '"He kept shouting “never again” at all of us," Maria Lopez said.',
     [("He kept shouting “never again” at all of us", "Maria Lopez")]),
    ("speech verb and subject after an abbreviation split the sentence",
     "“We determined that nobody else was inside,” Sgt. Miller said.",
     [("We determined that nobody else was inside", "Miller")]),
    ("said X, where the parse hangs X under a later verb",
     "“I am very sorry for the families,” said Jane Carter, daughter of the court reporter "
     "the man murdered.",
     [("I am very sorry for the families", "Jane Carter")]),
    ("a name coordinated with a role noun",
     "“They lost a lot of money,” said local businessman and blogger Andrew Carver, "
     "a critic of the plan.",
     [("They lost a lot of money", "Andrew Carver")]),
    ("a labelling verb quotes the label it gives through 'as'",
     "Peter Hansen later dismissed concerns about the plan as “preposterous,” claiming nobody wanted it.",
     [("preposterous", "Peter Hansen")]),
    ("a paragraph ending in a colon introduces the quote that opens the next one",
     "Maria Lopez posted the following message on Monday:\n"
     "“We will never give up this fight, whatever happens.”",
     [("We will never give up this fight, whatever happens.", "Maria Lopez")]),
    ("inverted speaker with an apposition before a verb outside the lexicon",
     "“We will make no further payments,” Jane Carter, president of the dairy, "
     "notified the board on Monday.",
     [("We will make no further payments", "Jane Carter")]),
    ("a phrasal verb of saying",
     "Jane Carter pointed out that the plan was “a dangerous step backwards for everyone”.",
     [("a dangerous step backwards for everyone", "Jane Carter")]),
    ("short partial quote governed by a speech verb",
     "Maria Lopez said the talks had been “constructive”.",
     [("constructive", "Maria Lopez")]),
]

NEGATIVE = [
    ("unattributed quote stays unattributed",
     "The banner at the rally read “No more war in our country today”.",
     [("No more war in our country today", None)]),
    ("unnamed plural speaker is described, not guessed",
     "Officials said the talks were “productive and very useful for all sides”.",
     [("productive and very useful for all sides", "(Officials)")]),
    ("indefinite speaker is described, not guessed",
     "Peter Hansen left early. “This is a very bad day for all of us,” a senior official said.",
     [("This is a very bad day for all of us", "(a senior official)")]),
    ("a newly introduced role is not resolved to an earlier person",
     "Peter Hansen arrived in Oslo on Monday. “No meeting is planned for now,” the Kremlin spokesman said.",
     [("No meeting is planned for now", "(the Kremlin spokesman)")]),
    ("scare quotes without a speaker are skipped",
     "The so-called “peace plan” was rejected by parliament on Monday.",
     []),
    ("short quote under a description verb without a named subject is skipped",
     "Officials from both sides described the talks as “constructive”.",
     []),
    ("no continuation across an intervening sentence",
     "“We will win this fight,” Maria Lopez said. The crowd cheered loudly. “Nobody can stop this movement now.”",
     [("We will win this fight", "Maria Lopez"), ("Nobody can stop this movement now.", None)]),
    ("a scare quote a labelling verb does not label is skipped",
     "The ministry rejected the so-called “peace plan” on Monday.",
     []),
    ("a paragraph without a colon introduces no speaker",
     "The crowd fell silent.\n“We will never give up this fight, whatever happens.”",
     [("We will never give up this fight, whatever happens.", None)]),
    ("'pointed to' is no verb of saying",
     "Jane Carter pointed to “a dangerous step backwards for everyone”.",
     [("a dangerous step backwards for everyone", None)]),
    ("no quotes at all",
     "Maria Lopez said the talks had gone well.",
     []),
]


@pytest.mark.model
@pytest.mark.parametrize("name, text, expected", RULES + NEGATIVE, ids=[c[0] for c in RULES + NEGATIVE])
def test_attribution_rules(nlp, name, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("He said “yes, we will” today.", ["yes, we will"]),
    ('She said "we are ready," then left.', ["we are ready"]),
    ("“Unclosed quote running on", ["Unclosed quote running on"]),
    ("No quotes here at all.", []),
    ("Marks around “ 42 ” only", []),
    ("‘We will not give up,’ said the minister’s aide.", ["We will not give up"]),
    ("The envoy’s trip was ‘constructive’, officials said.", ["constructive"]),
    ("It’s the leaders’ meeting, not the envoy’s.", []),
    ("“Double,” she said, calling it ‘inner’.", ["Double"]),
])
def test_quote_spans(text, expected):
    assert [text[s.start:s.end] for s in quote_spans(text)] == expected


@pytest.mark.parametrize("a, b, same", [
    ("We will win this fight.", "we will win this fight", True),
    ("We will win this fight, whatever happens", "We will win this fight", True),
    ("We’re ready to talk", "We're ready to talk", True),
    ("We will win this fight", "They will lose this war badly", False),
    ("lead", "that will lead the Russians back", False),
])
def test_same_quote(a, b, same):
    assert same_quote(a, b) is same


def _briefing(reports: list[tuple[str, str, str | None]]) -> Briefing:
    """A briefing whose sources each report one quote: (source id, quote, speaker name or None)."""
    sources, analyses, owners = [], {}, {}
    for sid, quote, speaker in reports:
        text = f"{speaker or 'Someone'} said: “{quote}”"
        start = text.index("“") + 1
        citation = Citation(sid, start, start + len(quote), quote, 0)
        mention = Mention(sid, 0, len(speaker), speaker, "PERSON", 0) if speaker else None
        if mention:
            owners.setdefault(speaker, []).append(mention)
        candidate = QuoteCandidate(citation, (0, len(speaker)) if speaker else None, speaker or "")
        sources.append(Source(id=sid, path=f"{sid}.txt", status="ok", text=text))
        analyses[sid] = ArticleAnalysis(sid, "", (), (mention,) if mention else (), quotes=(candidate,))
    entities = [Entity(name.lower().replace(" ", "-"), name, "person", (), tuple(ms))
                for name, ms in owners.items()]
    return Briefing("t", sources, analyses, entities)


def test_merge_same_quote_across_sources():
    briefing = _briefing([("a", "We will win this fight.", "Maria Lopez"),
                          ("b", "we will win this fight", None),
                          ("c", "Prices will rise again next year", "Peter Hansen")])
    merged = merge_quotes(briefing)
    assert [(q.speaker, [c.source for c in q.citations]) for q in merged] == [
        ("maria-lopez", ["a", "b"]), ("peter-hansen", ["c"])]
    assert merged[0].id == merge_quotes(briefing)[0].id and merged[0].id.startswith("q-")


def test_merge_keeps_different_speakers_apart():
    briefing = _briefing([("a", "constructive", "Maria Lopez"), ("b", "constructive", "Peter Hansen"),
                          ("c", "We will win this fight", "Maria Lopez"),
                          ("d", "We will win this fight", "Peter Hansen")])
    merged = merge_quotes(briefing)
    assert [(q.speaker, len(q.citations)) for q in merged] == [
        ("maria-lopez", 1), ("peter-hansen", 1), ("maria-lopez", 1), ("peter-hansen", 1)]
    assert len({q.id for q in merged}) == 4


# Seeds: quote start -> surname of the speaker (None: must stay unattributed if kept).
SEED_EXPECTED = {
    ("001", "I’m hoping he can have a breakthrough"): "Whitaker",
    ("001", "I’m hoping that by the United States leaning in"): "Whitaker",
    ("001", "that are then going to be provided to Ukraine"): "Whitaker",
    ("001", "lead"): "Whitaker",
    ("001", "Negotiations are always required and important"): "Putin",
    ("001", "to the last Ukrainian"): None,
    ("003", "This visit is a last-ditch effort"): "Mangott",
    ("003", "But Moscow has made it clear for years"): "Mangott",
    ("003", "Russophobia"): "Putin",
    ("003", "preposterous"): "Witkoff",  # "he dismissed concerns ... as “preposterous”"
    ("004", "Yeah, get a deal where people stop getting killed"): "Trump",
    ("004", "secondary tariffs"): "Trump",  # "Trump has previously floated the idea of imposing “...”" (gold)
    ("004", "regime change"): "Zelenskyy",
    ("002", "constructive"): None,
    ("002", "non-negotiable security conditions"): "Russia",  # "what Russia calls “...”"
}
SEED_DIRECT = ["I’m hoping he can", "I’m hoping that by", "Negotiations are always",
               "This visit is", "But Moscow has", "Yeah, get a deal"]


def _seed_speakers(briefing) -> dict[tuple[str, str], str | None]:
    names = {e.id: e.name for e in briefing.entities}
    out = {}
    for quote in briefing.quotes:
        for citation in quote.citations:
            out[(citation.source[:3], citation.text)] = names.get(quote.speaker) if quote.speaker else None
    return out


def _expected(key: tuple[str, str]):
    source, text = key
    hits = [v for (s, start), v in SEED_EXPECTED.items() if s == source and text.startswith(start)]
    assert hits, f"unexpected quote in the seeds: {key}"
    return hits[0]


@pytest.mark.model
def test_seed_direct_quotes_go_to_the_right_people(seed_briefing):
    speakers = _seed_speakers(seed_briefing)
    for start in SEED_DIRECT:
        key = next(k for k in speakers if k[1].startswith(start))
        assert speakers[key] is not None and speakers[key].endswith(_expected(key)), (key, speakers[key])


@pytest.mark.model
def test_seed_no_quote_goes_to_a_wrong_person(seed_briefing):
    for key, name in _seed_speakers(seed_briefing).items():
        expected = _expected(key)
        assert (name is None) if expected is None else (name or "").endswith(expected), (key, name)


def test_merge_keeps_a_described_speaker_without_an_entity():
    """'Peter Hansen's colleague said' starts at Peter Hansen's mention but is not Peter Hansen."""
    text = "Peter Hansen’s colleague said: “We will appeal the ruling.”"
    start = text.index("We")
    mention = Mention("a", 0, 12, "Peter Hansen", "PERSON", 0)
    candidate = QuoteCandidate(Citation("a", start, start + 24, text[start:start + 24], 0), (0, 24),
                               "Peter Hansen’s colleague", "described", described=True)
    briefing = Briefing("t", [Source(id="a", path="a.txt", status="ok", text=text)],
                        {"a": ArticleAnalysis("a", "", (), (mention,), quotes=(candidate,))},
                        [Entity("peter-hansen", "Peter Hansen", "person", (), (mention,))])
    [quote] = merge_quotes(briefing)
    assert (quote.speaker, quote.speaker_text) == (None, "Peter Hansen’s colleague")


# --- the evaluation: scoring rule and the ECB+ gold -----------------------------------

def test_speaker_scoring_rule():
    from generator.evaluation.quotes import GoldQuote, PredictedQuote, speaker_scores

    gold = [GoldQuote("a", 10, 30, ((40, 42),), frozenset({"Doug McDermott"})),  # '..., he said'
            GoldQuote("a", 50, 70, ((80, 92),), frozenset({"the official"})),
            GoldQuote("a", 100, 120, (), frozenset())]  # nobody named
    predicted = [PredictedQuote("a", 9, 31, (40, 42), "he"),  # the gold pronoun itself
                 PredictedQuote("a", 50, 70, (0, 12), "an official"),  # same head noun
                 PredictedQuote("a", 100, 120, (0, 9), "McDermott")]  # a speaker where none is named
    scores = speaker_scores(gold, predicted)
    assert (scores.gold, scores.predicted, scores.correct) == (2, 3, 2)
    assert speaker_scores(gold, [PredictedQuote("a", 10, 30, (0, 5), "Smith")]).correct == 0


def test_ecbplus_quote_gold_holds_offsets_and_speaker_labels_only():
    import json
    from pathlib import Path

    rows = [json.loads(line) for line in
            (Path(__file__).parent / "data" / "ecbplus_quotes_gold.jsonl").read_text().splitlines()]
    assert len(rows) >= 150
    assert all(set(row) == {"doc", "start", "end", "speaker_start", "speaker_end", "speaker"} for row in rows)
    assert all(row["start"] < row["end"] and row["speaker_start"] < row["speaker_end"] for row in rows)


def test_ecbplus_quote_gold_fits_the_corpus():
    import json
    from pathlib import Path

    from generator.evaluation import ecbplus
    from generator.evaluation.quotes import last_word

    root = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "ecbplus-dev"
    if not root.is_dir():
        pytest.skip("ECB+ dev corpus not present")
    rows = [json.loads(line) for line in
            (Path(__file__).parent / "data" / "ecbplus_quotes_gold.jsonl").read_text().splitlines()]
    texts = {name: ecbplus.read_document(root / name.split("_")[0] / name).text
             for name in {row["doc"] for row in rows}}
    for row in rows:
        words = texts[row["doc"]][row["speaker_start"]:row["speaker_end"]]
        assert last_word(words) == last_word(row["speaker"]) or words.lower() in ("he", "she", "it"), row


@pytest.mark.model
def test_tokens_inside_quotes_are_found_once_per_paragraph(nlp):
    """Each verb of saying asks which tokens are quoted; the answer is computed once per paragraph
    (a scan per verb made a long paragraph quadratic)."""
    from generator.nlp.parse import parse_article
    from generator.quotes.find import find_quotes

    text = " ".join(f"Anna Berg said on day {n} that talks would resume, and “we are ready,” she added."
                    for n in range(40))
    source = Source(id="t", path="t.txt", status="ok", text=text, paragraphs=((0, len(text)),),
                    content_hash="test")
    [paragraph] = parse_article(source, nlp)
    found = find_quotes(paragraph)
    assert any(q.kind == "indirect" for q in found) and any(q.kind == "direct" for q in found)
    cached = [key for key in paragraph.doc.user_data if isinstance(key, tuple)
              and key[0] == "briefing.inside_quotes"]
    assert len(cached) == 1
