"""Classes of error found reading a briefing of business news (company results, bids, analysts):
who "the company" and "it" are when they speak, quotes going on after a reported statement or
after their own attribution, words inside a quote taken for the speaker, statement words losing
a closing "%" or bracket, and dates that belong to another noun given to an event. All names
and sentences are invented."""

from __future__ import annotations

import pytest
from test_quotes import quotes_of
from test_statements import statements_of

from generator.events import find_events
from tests.test_deadlines import ANCHOR, deadlines_in
from tests.test_events import paragraph_of


@pytest.mark.parametrize(("text", "expected"), [
    ("Harlow Mills Corp. reported a loss. \"We are in good shape,\" the company said.",
     [("We are in good shape", "Harlow Mills Corp.")]),
    ("Brandt Plastics Inc. said sales rose. \"Prices will fall,\" the Ohio plastics maker said.",
     [("Prices will fall", "Brandt Plastics Inc.")]),
    ("Brandt Plastics Inc. said sales rose 20%.\n\"Prices will fall next year,\" it said.",
     [("Prices will fall next year", "Brandt Plastics Inc.")]),
])  # fmt: skip
def test_a_company_noun_or_it_speaking_is_the_company_named_before(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("Harlow Mills Corp. reported a loss. The company said it expects to return to profit in 1990.",
     [("it expects to return to profit in 1990", "Harlow Mills Corp.", "said")]),
    ("Harlow Mills Corp. was hurt by weak demand. Moreover, the concern said prices fell.",
     [("prices fell", "Harlow Mills Corp.", "said")]),
])  # fmt: skip
def test_the_company_said_is_a_position_of_the_company(nlp, text, expected):
    assert statements_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "described"), [
    # another company's part, not the company named before
    ("Harlow Mills Corp. bought a plant from Dessau Textil AG. \"The deal is done,\" the Dessau unit said.",
     "the Dessau unit"),
    # someone's company
    ("Harlow Mills Corp. reported a loss. \"We are in good shape,\" its parent company said.",
     "its parent company"),
    # no company named before
    ("Shares fell sharply on Friday. \"We are in good shape,\" the company said.", "the company"),
])  # fmt: skip
def test_a_company_noun_that_names_no_earlier_company_stays_described(nlp, text, described):
    assert [speaker for _, speaker in quotes_of(nlp, text)] == [f"({described})"]


def test_a_company_noun_prefers_the_company_that_is_a_subject_over_one_merely_named(nlp):
    text = ("Harlow Mills Corp. closed at $12 in trading on the Boston Stock Exchange.\n"
            "The company said it will sell its paper unit.")
    assert statements_of(nlp, text) == [("it will sell its paper unit", "Harlow Mills Corp.", "said")]


@pytest.mark.parametrize(("text", "expected"), [
    ("Mr. Pryce said future cuts would be a question of strategy. \"We don't need the cash.\"",
     [("We don't need the cash.", "Pryce")]),
    ("But this caution, Mr. Santori says, is hurting small stocks. \"It is harder to sell now.\"",
     [("It is harder to sell now.", "Santori")]),
    ("A company spokesman said the plant might never be built. \"We will look at it next year.\"",
     [("We will look at it next year.", "(A company spokesman)")]),
])  # fmt: skip
def test_a_quote_after_a_reported_statement_goes_on_with_its_speaker(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


def test_a_quote_after_a_sentence_naming_no_saying_has_no_speaker(nlp):
    assert quotes_of(nlp, "Shares fell 5% on Friday. \"We will look at it again next year.\"") == [
        ("We will look at it again next year.", None)]


def test_a_quote_goes_on_across_its_own_attribution_sentence(nlp):
    text = ("Carl Brenner, an analyst with Hale Securities, finds the offer flawed. "
            "\"How many shares will be left in 1995?\" he asked. \"Nothing stops them from buying.\"")
    assert quotes_of(nlp, text) == [("How many shares will be left in 1995?", "Carl Brenner"),
                                    ("Nothing stops them from buying.", "Carl Brenner")]


def test_a_noun_inside_the_quote_is_never_the_speaker(nlp):
    text = ("\"If you find sound, healthy companies in Norway, they are not for sale,\" said Gerald "
            "Wattley, a consultant at Oslo-based Nordic Advisory Services Inc.")
    assert quotes_of(nlp, text) == [
        ("If you find sound, healthy companies in Norway, they are not for sale", "Gerald Wattley")]


@pytest.mark.parametrize(("text", "words"), [
    ("Harlow Mills Corp. said its profit fell 20%.", "its profit fell 20%"),
    ("Maria Lopez said regulators cleared the purchase of Banque Nordale (BN).",
     "regulators cleared the purchase of Banque Nordale (BN)"),
])  # fmt: skip
def test_statement_words_keep_a_closing_percent_sign_or_bracket(nlp, text, words):
    assert [w for w, _, _ in statements_of(nlp, text)] == [words]


@pytest.mark.parametrize("text", [
    "Harlow Mills Corp. announced the sale of $50 million of notes due Oct. 15, 1999.",
    "Harlow Savings Bank announced a loss for the third quarter of $26.3 million.",
    "Harlow Mills Corp. announced a loss for its fourth quarter ended June 30.",
])  # fmt: skip
def test_a_date_of_another_noun_is_not_the_event_date(nlp, text):
    found = [e for e in find_events(paragraph_of(nlp, text)) if e.kind == "announcement"]
    assert found and found[0].time is None


@pytest.mark.parametrize(("text", "kind", "day"), [
    ("Harlow Mills Corp. bought the Dessau plant on Friday.", "acquisition", "Friday"),
    ("Harlow Mills Corp. announced on Friday a loss for its fourth quarter ended June 30.",
     "announcement", "Friday"),
    # the parse hangs the year on the name: still the verdict's date
    ("In nineteen ninety-one Walter Pike was convicted in state court of helping to defraud "
     "thousands of investors.", "verdict", "nineteen ninety-one"),
])  # fmt: skip
def test_a_date_of_the_event_itself_stays(nlp, text, kind, day):
    found = [e for e in find_events(paragraph_of(nlp, text)) if e.kind == kind]
    assert found and found[0].time is not None and found[0].time.text == day


@pytest.mark.parametrize(("text", "expected"), [
    ("Nora Blake, the chairman, left early. A company spokesman said a sale was unlikely. "
     "\"We will look at it again next year,\" he said.",
     [("We will look at it again next year", "(A company spokesman)")]),
    ("Hollis Corp. has no plans to recall its cards, the spokeswoman said, and could avoid the "
     "bugs. \"We don't see this as a major problem for us,\" she said.",
     [("We don't see this as a major problem for us", "(the spokeswoman)")]),
    # the spokeswoman is not "he"
    ("Tom Blake, the chairman, left early. A company spokeswoman said a sale was unlikely. "
     "\"We will look at it again next year,\" he said.",
     [("We will look at it again next year", "Tom Blake")]),
    # a named speaker stands between
    ("A spokesman said the plant would close. Analyst Tom Grant said the plan was weak. "
     "\"We don't see this as a problem at all,\" he said.",
     [("We don't see this as a problem at all", "Tom Grant")]),
])  # fmt: skip
def test_he_or_she_after_an_unnamed_speaker_is_that_speaker(nlp, text, expected):
    assert quotes_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    # the parse splits one clause in two at a participle: the two halves are one statement
    ("Hollis Corp. said the businesses to be acquired had revenue of $76 million.",
     [("the businesses to be acquired had revenue of $76 million", "Hollis Corp.", "said")]),
    ("Chief Inspector Tom Hale said the bomb discovered in the town was destined for an unknown target.",
     [("the bomb discovered in the town was destined for an unknown target", "Tom Hale", "said")]),
    # no reported clause: a verb with an object and its complement
    ("Velmora Trust declared it a protected site for its beauty.", []),
    # "call" with an object is no "call for"
    ("Marta Vance can call up to 200,000 reservists for up to 180 days.", []),
    # the object of "rejected" is the treaty the clause modifies, not the talks
    ("Marta Vance appeared to accept a treaty she had rejected in peace talks.", []),
    # the verb attributes a quoted utterance: the quote's business
    ("\"Fight them,\" Marta Vance urged her supporters in a radio address.", []),
])  # fmt: skip
def test_statement_words_are_a_whole_reported_clause_or_nothing(nlp, text, expected):
    assert statements_of(nlp, text) == expected


@pytest.mark.parametrize(("text", "words"), [
    ("Hollis Holdings Inc., the parent of the auction house Hollis, said its net loss for the "
     "seasonally slow third quarter narrowed from a year earlier on a leap in operating revenue.",
     "its net loss for the seasonally slow third quarter narrowed from a year earlier on a leap in "
     "operating revenue"),
    ("In the past 20 months alone, Paul Lenz, president, said the sale of $300 million of slow-growth, "
     "low-profit businesses has been more than offset by $600 million in acquisitions.",
     "the sale of $300 million of slow-growth, low-profit businesses has been more than offset by "
     "$600 million in acquisitions"),
    ("Marta Vance insisted that he resign.", "he resign"),
    ("Although profits were \" squeezed\" in 1989, mainly because of costs, Hollis Corp. said it is "
     "confident about future earnings.", "it is confident about future earnings"),
])  # fmt: skip
def test_a_finite_reported_clause_stays_a_statement(nlp, text, words):
    assert [w for w, _, _ in statements_of(nlp, text)] == [words]


@pytest.mark.parametrize(("text", "due"), [
    ("Hollis Corp. said it extended its $18-a-share offer for Dorset Inc. stock until 5 p.m. EST Aug. 29.",
     "2025-08-29T17:00"),
    ("A partnership of Vance Capital extended to Aug. 20 its $45-a-share offer for all Dorset Inc. shares.",
     "2025-08-20"),
    ("Hollis Corp. said it would extend its bid, due to expire last Thursday, to Aug. 16.", "2025-08-16"),
    ("A bid by Hollis Corp. and Vance Capital was extended to Aug. 16.", "2025-08-16"),
])  # fmt: skip
def test_an_offer_extended_to_a_day_or_hour_is_due_then(nlp, text, due):
    _, found = deadlines_in(nlp, text, published=ANCHOR)
    assert [d.due.value for d in found if d.due] == [due]


@pytest.mark.parametrize("text", [
    "He adds: \"Our fund has had positive net sales every month for the last three years -- until this month.\"",
    "The fund has had strong sales until this month.",
    "The talks were extended to Madrid.",
    # a part of a day is when something happened more often than a limit
    "Sixty residents had to leave their homes, but they had all been allowed to return by Saturday evening.",
])  # fmt: skip
def test_no_deadline_in_what_something_had_until_a_time_or_an_extension_to_no_day(nlp, text):
    assert deadlines_in(nlp, text, published=ANCHOR)[1] == []


def test_someone_who_has_until_a_day_to_act_still_has_a_deadline(nlp):
    _, found = deadlines_in(nlp, "Hollis Corp. has until Aug. 20 to respond to the offer.", published=ANCHOR)
    assert [d.due.value for d in found] == ["2025-08-20"]


def test_a_participle_hung_on_the_reported_clause_is_the_reporter_speaking(nlp):
    text = ("Tom Lenz said the independent power segment could grow to provide as much as 50% of "
            "capacity, adding: \"We expect to supply a significant share of this market.\"")
    assert quotes_of(nlp, text) == [("We expect to supply a significant share of this market.", "Tom Lenz")]


@pytest.mark.parametrize(("text", "expected"), [
    ("President Maria Lopez rolled out the red carpet for Tom Hale, welcoming him not only as a close "
     "ally, but a close friend.", []),
    ("Maria Lopez welcomed Tom Hale to the capital.", []),
    ("Maria Lopez welcomed the result of the vote.",
     [("welcomed the result of the vote", "Maria Lopez", "welcomed")]),
])  # fmt: skip
def test_welcoming_a_person_is_a_greeting_not_a_position(nlp, text, expected):
    assert statements_of(nlp, text) == expected
