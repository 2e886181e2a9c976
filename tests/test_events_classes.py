"""Event failure classes on small hand-written articles: triggers out of sense, described
participants, expected vs confirmed, differing days, one sentence cited by two events (issues 9
and 11; the event page policy is tested in test_paging_events.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.events import find_events, merge_events
from generator.events.stories import story_ids
from generator.events.triggers import family
from generator.model import Citation, Event, TimeExpression
from generator.site.pages.events import day_versions
from tests.test_events import _briefing, _candidate, paragraph_of, words


@pytest.mark.parametrize("text", [
    "Police did not arrest the gunman in Madrid on Friday.",      # negated
    "The young actor shot to fame in Madrid last year.",          # idiom: nobody is hit
    "Maria Lopez will meet the deadline set by Brussels.",        # idiom: a deadline is no one
    "The minister visited Madrid on Friday.",                     # a visit needs a name
    "The plan to kill the bill died in Madrid on Friday.",        # metaphors: no one dies
    "New sanctions hit Russia on Monday.",                        # a country is not struck
    "Prices fell sharply in Madrid on Friday.",                   # no one falls
    "Maria Lopez fell silent in Madrid on Friday.",               # no drop: an idiom
])  # fmt: skip
def test_trigger_out_of_sense_gives_no_event(nlp, text):
    assert [(e.kind, e.trigger) for e in find_events(paragraph_of(nlp, text))] == []


@pytest.mark.parametrize(("text", "kind", "described"), [
    ("A gunman opened fire at a shopping centre in Madrid on Monday.", "shooting", "gunman"),
    ("Police arrested a man in Madrid on Friday.", "arrest", "police"),
    ("Three climbers died on the mountain on Saturday.", "death", "climber"),
    ("Security guards foiled an attack on the bank on Thursday.", "foiling", "guard"),
    ("A car struck a woman in Madrid on Friday.", "hit", "woman"),
    ("A hiker died after falling from a ridge in Madrid on Friday.", "fall", "hiker"),
    ("The actor passed away in Madrid on Thursday.", "death", "actor"),
])  # fmt: skip
def test_described_participant_makes_the_main_event(nlp, text, kind, described):
    found = [e for e in find_events(paragraph_of(nlp, text)) if e.kind == kind]
    assert found and described in found[0].described and not found[0].participants


def test_a_charge_is_an_event_of_its_own_and_not_the_crime(nlp):
    found = find_events(paragraph_of(nlp, "The man was charged with murder in Madrid on Friday."))
    assert [(e.kind, e.trigger) for e in found] == [("charge", "charged")]


@pytest.mark.parametrize(("text", "kind"), [
    ("Maria Lopez was sentenced to ten years in prison in Madrid on Friday.", "sentencing"),
    ("A jury convicted John Smith of fraud in Madrid on Friday.", "verdict"),
    ("Two inmates escaped from a prison in Madrid on Sunday.", "escape"),
    ("John Smith escaped in Madrid on Sunday.", "escape"),
    ("Maria Lopez was elected mayor of Madrid on Sunday.", "election"),
    ("Halvorsen Group bought Pemberly Foods for 2 billion dollars on Monday.", "acquisition"),
    ("Protesters rallied outside the parliament in Madrid on Saturday.", "protest"),
    ("The bomb injured three people in Madrid on Friday.", "injury"),
    ("A train crashed in Madrid on Friday.", "crash"),
    ("Maria Lopez checked into a clinic in Malibu on Friday.", "admission"),
    ("A fire broke out in Madrid on Friday.", "fire"),
    ("Riots broke out in Madrid on Saturday.", "riot"),
    ("Two men robbed a bank in Madrid on Friday.", "robbery"),
    ("The Madrid Comets defeated the Lisbon Rovers on Sunday.", "victory"),
    ("The Madrid Comets won the championship in Lisbon on Sunday.", "victory"),
    ("Halvorsen Group released a security patch for its browser on Tuesday.", "launch"),
    ("John Smith was found hanged in his cell in Madrid on Sunday.", "death"),
    ("Maria Lopez overturned the ban in Madrid on Friday.", "reversal"),
    ("John Smith was arrested over the slaying of Maria Lopez in Madrid on Friday.", "killing"),
    ("Maria Lopez celebrated her win over John Smith in Madrid on Sunday.", "victory"),
    ("The ruling was revoked by Halvorsen Group in Madrid on Friday.", "reversal"),
    ("Halvorsen Group was sued by three former employees in Madrid on Monday.", "lawsuit"),
    ("Maria Lopez filed a lawsuit against Halvorsen Group in Madrid on Friday.", "lawsuit"),
    ("John Smith was extradited to Spain on Tuesday.", "extradition"),
    ("The governor pardoned John Smith on Friday.", "pardon"),
    ("Texas executed a man convicted of murder on Thursday.", "execution"),
    ("Halvorsen Group filed for bankruptcy in Madrid on Friday.", "bankruptcy"),
    ("Prosecutors appealed the verdict in Madrid on Friday.", "appeal"),
])  # fmt: skip
def test_justice_civic_business_and_accident_events(nlp, text, kind):
    assert kind in [e.kind for e in find_events(paragraph_of(nlp, text))]


@pytest.mark.parametrize("text", [
    "Maria Lopez charged the battery in Madrid on Friday.",       # "charge" needs "with"
    "Maria Lopez escaped injury in Madrid on Friday.",            # no custody
    "Gas escaped in Madrid on Friday.",                           # nobody escaped
    "Maria Lopez bought shares in Madrid on Friday.",             # shares are no one
    "Maria Lopez checked the list in Madrid on Friday.",          # nothing checked into
    "Stocks rallied in Madrid on Friday.",                        # stocks are no party
    "The minister came under fire in Madrid on Friday.",          # criticism, not a fire
    "Maria Lopez won praise in Madrid on Friday.",                # no contest
    "Maria Lopez released a statement in Madrid on Friday.",      # a statement is no product
    "The police will issue a press release in Madrid on Friday.", # a press release is no product
    "Halvorsen Group typically releases patches on Tuesdays.",    # a habit, not one event
    "Protesters hung banners in Madrid on Sunday.",               # nobody died
    "Maria Lopez reversed the car in Madrid on Friday.",          # no rule reversed
    "The team reversed course in Madrid on Friday.",              # a course is no rule
    "The rebels sued for peace in Madrid on Friday.",             # nobody sued
    "The team executed the plan in Madrid on Friday.",            # a plan is no one
    "The exploit lets an attacker execute code on Friday.",       # code is no one
    "Experts discussed bankruptcy law in Madrid on Friday.",      # no one went bankrupt
    "John Smith appealed for calm in Madrid on Friday.",          # no decision appealed
])  # fmt: skip
def test_new_triggers_out_of_sense_give_no_event(nlp, text):
    assert [(e.kind, e.trigger) for e in find_events(paragraph_of(nlp, text))] == []


def test_parties_in_talks_make_talks_without_a_setting(nlp):
    found = find_events(paragraph_of(nlp, "Maria Lopez is in talks with John Smith."))
    assert [(e.kind, len(e.participants)) for e in found] == [("talks", 2)]
    assert find_events(paragraph_of(nlp, "Maria Lopez said negotiations are hard.")) == []


def test_beating_a_person_is_no_victory(nlp):
    found = find_events(paragraph_of(nlp, "Two men beat Maria Lopez in Madrid on Friday."))
    assert "victory" not in [e.kind for e in found]


def test_a_fire_department_is_no_fire(nlp):
    found = find_events(paragraph_of(nlp, "The fire department in Madrid hired John Smith."))
    assert [e.kind for e in found] == ["appointment"]


def test_a_stated_day_places_a_fire_as_a_place_does(nlp):
    assert [e.kind for e in find_events(paragraph_of(nlp, "A fire broke out on March 3, 2013."))] == ["fire"]
    assert find_events(paragraph_of(nlp, "The fire of 2013 was remembered.")) == []  # a year: background


def test_earthquake_needs_only_a_place_or_time(nlp):
    found = find_events(paragraph_of(nlp, "An earthquake struck Madrid on Sunday."))
    assert [e.kind for e in found] == ["disaster"]
    assert find_events(paragraph_of(nlp, "The earthquake was a shock.")) == []


@pytest.mark.parametrize(("text", "status"), [
    ("Maria Lopez is expected to meet John Smith in Madrid on Friday.", "expected"),
    ("Maria Lopez will visit Madrid on Friday.", "expected"),
    ("Maria Lopez plans to visit Madrid on Friday.", "expected"),
    ("Maria Lopez met John Smith in Madrid on Friday.", "confirmed"),
    ("Maria Lopez held talks with John Smith in Madrid on Friday.", "confirmed"),
])  # fmt: skip
def test_expected_or_confirmed(nlp, text, status):
    found = find_events(paragraph_of(nlp, text))
    assert found and {e.status for e in found} == {status}


def test_expected_then_confirmed_is_flagged_when_merged():
    a, b = "Ann Lee will visit Rome.", "Ann Lee visited Rome."
    briefing = _briefing([
        ("a", a, [replace(_candidate("a", a, "visit", ["Ann Lee"], "Rome"), status="expected")]),
        ("b", b, [replace(_candidate("b", b, "visit", ["Ann Lee"], "Rome"), status="confirmed")]),
    ])
    briefing.sources = [replace(s, published=dt.date(2025, 3, d))
                        for s, d in zip(briefing.sources, (3, 6), strict=True)]
    assert [e.status for e in merge_events(briefing)] == ["expected, then confirmed"]
    briefing.analyses["a"] = replace(briefing.analyses["a"], events=())
    assert [e.status for e in merge_events(briefing)] == ["confirmed"]


def _event_with_days(*days: tuple[str, str, str]) -> Event:
    reported = []
    for source, text, value in days:
        citation = Citation(source, 0, 20, f"Ann Lee arrives {text}.", 0)
        reported.append((TimeExpression(16, 16 + len(text), text, "DATE", value), citation))
    return Event("visit", "Visit", "visit", ("ann-lee",), None, None,
                 tuple(c for _, c in reported), reported_times=tuple(reported))


def test_differing_days_are_a_disagreement_with_both_wordings_and_sources():
    versions = day_versions(_event_with_days(("a", "Sunday", "XXXX-WXX-7"),
                                             ("b", "Wednesday", "XXXX-WXX-3"),
                                             ("c", "on Sunday", "XXXX-WXX-7")))
    assert [(words, [c.source for c in cites]) for words, cites in versions] == [
        ("“Wednesday”", ["b"]), ("“Sunday” / “on Sunday”", ["a", "c"])]


def test_one_day_in_different_words_is_no_disagreement():
    assert day_versions(_event_with_days(("a", "Sunday", "2025-08-03"), ("b", "Aug 3", "2025-08-03"))) == []


def test_one_sentence_is_never_cited_by_two_events_of_one_kind():
    text = "Ann Lee and Bo Chan toured Rome."
    lee = _candidate("a", text, "visit", ["Ann Lee"], "Rome")
    chan = replace(_candidate("a", text, "visit", ["Bo Chan"], None), trigger="toured")
    later = "Bo Chan toured Rome again."
    events = merge_events(_briefing([("a", text, [lee, chan]),
                                     ("b", later, [_candidate("b", later, "visit", ["Bo Chan"], None)])]))
    cited = [(c.source, c.sentence) for e in events for c in e.citations]
    assert len(cited) == len(set(cited))


def test_one_storys_shooting_is_one_event_whoever_each_report_names():
    a, b = "Ann Lee was shot in Rome.", "Bo Chan opened fire in Rome."
    briefing = _briefing([("a", a, [_candidate("a", a, "shooting", ["Ann Lee"], "Rome")]),
                          ("b", b, [_candidate("b", b, "shooting", ["Bo Chan"], "Rome")])])
    assert len(merge_events(briefing, story_ids([("a", "b")]))) == 1
    assert len(merge_events(briefing, story_ids([("a",), ("b",)]))) == 2  # two stories: two events


def test_event_page_shows_status_and_day_disagreement_in_words():
    from generator.site.linker import Linker
    from generator.site.page import Page
    from generator.site.pages.events import event_context
    from generator.site.render import render_pages
    from tests.test_events import _quote_briefing

    briefing = _quote_briefing()
    text = briefing.sources[0].text
    sentence = briefing.analyses["a"].sentences[0]
    cites = [Citation(s, sentence.start, sentence.end, text[sentence.start:sentence.end], 0) for s in "ab"]
    times = [TimeExpression(0, 6, "Sunday", "DATE", "XXXX-WXX-7"),
             TimeExpression(0, 9, "Wednesday", "DATE", "XXXX-WXX-3")]
    event = Event("visit-to-rome", "Visit to Rome", "visit", ("ann-lee",), None, None, tuple(cites),
                  status="expected, then confirmed", reported_times=tuple(zip(times, cites, strict=True)))
    page = Page("events/visit-to-rome.md", "event.md.j2", event_context(event, briefing))
    rendered = render_pages([page], Linker(briefing))[page.path]
    assert "first reported as expected, then confirmed" in rendered
    warning = rendered.split('!!! warning "Sources disagree on the day"\n')[1].split("\n\n")[0]
    assert warning.startswith("    ")  # indented: inside the admonition
    assert "“Wednesday”" in warning and "“Sunday”" in warning
    assert "(../sources/a.md#s-0" in warning and "(../sources/b.md#s-0" in warning


def test_the_cache_key_covers_the_event_rules():
    """An edit to the event rules must re-run event finding: the per-article cache's code
    fingerprint hashes every stage's files, not only the nlp stage's."""
    import hashlib
    from pathlib import Path

    import generator
    from generator.nlp import cache

    package = Path(generator.__file__).parent
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    assert (package / "events" / "find.py").exists()
    assert cache.code_fingerprint() == digest.hexdigest()[:16]


def test_an_execution_is_in_the_killing_family():
    assert family("execution") == family("killing") == family("death")


def test_a_justice_event_s_title_names_its_party_without_saying_which_side():
    text = "Ann Lee was sued over the contract."  # sued, not suing: "Lawsuit by Ann Lee" would be false
    briefing = _briefing([("a", text, [_candidate("a", text, "lawsuit", ["Ann Lee"], None)])])
    (event,) = merge_events(briefing)
    assert event.title == "Lawsuit involving Ann Lee"


@pytest.mark.parametrize(("text", "kind", "place"), [
    ("Two bombs exploded outside the U.S. embassy in Kisumu on Friday, killing 12 people.", "killing", None),
    ("Police arrested a man at a Nairobi hotel on Friday.", "arrest", "Nairobi"),  # a city is where
])  # fmt: skip
def test_a_country_owning_the_scene_is_not_the_events_place(nlp, text, kind, place):
    paragraph = paragraph_of(nlp, text)
    found = [e for e in find_events(paragraph) if e.kind == kind]
    placed = [words(paragraph, e.place) for e in found]
    assert found and place in placed and "U.S." not in placed
