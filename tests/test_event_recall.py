"""Event mentions the first waves missed on real news (ECB+ training topics), each class on small
hand-written articles: "was found dead", a fire, blast or attack named as the subject of what it
did to a named place or body, a victory's beaten side, blows counted, elections, admissions to
care, a pronoun whose person is named in the paragraph before, and two people's arrests by one
police force."""

from __future__ import annotations

import hashlib

import pytest

from generator.events import find_events
from generator.events.drafts import EntityNames, draft
from generator.events.merge import cluster
from generator.events.reports import Report
from generator.model import Citation, Entity, EventCandidate, Source
from generator.nlp.parse import parse_article


def article_events(nlp, *paragraphs: str) -> list[tuple[str, str, list[str]]]:
    """(kind, trigger, participants' words) of every event of an article of these paragraphs."""
    text = "\n\n".join(paragraphs)
    spans, at = [], 0
    for paragraph in paragraphs:
        spans.append((at, at + len(paragraph)))
        at += len(paragraph) + 2
    source = Source("a", "a.txt", "ok", text=text, paragraphs=tuple(spans),
                    content_hash=hashlib.sha256(text.encode()).hexdigest())
    return [(e.kind, e.trigger, [text[a:b] for a, b in e.participants])
            for paragraph in parse_article(source, nlp) for e in find_events(paragraph)]


def test_found_dead_is_a_death(nlp):
    found = article_events(nlp, "Anna Keller was found dead in a hotel room in Vienna on Tuesday.")
    assert ("death", "dead", ["Anna Keller"]) in found


def test_found_with_another_predicate_is_no_death(nlp):
    found = article_events(nlp, "Anna Keller was found guilty of fraud in Vienna on Tuesday.")
    assert all(kind != "death" for kind, _, _ in found)


@pytest.mark.parametrize(("text", "kind", "party"), [
    ("A fire destroyed the Harbourside Gospel Church in Kesmark early on Saturday.", "fire",
     "Harbourside Gospel Church"),
    ("The attack killed Tomas Varga outside his office in Kesmark.", "attack", "Tomas Varga"),
    ("An explosion damaged the Kesmark Savings Bank on Monday.", "disaster", "Kesmark Savings Bank"),
])  # fmt: skip
def test_what_an_event_did_names_its_party(nlp, text, kind, party):
    found = {k: parties for k, _, parties in article_events(nlp, text)}
    assert party in found.get(kind, [])


@pytest.mark.parametrize(("text", "party"), [
    ("The Harriers reached the final with a 31-24 victory over the Kesmark Rovers on Thursday.",
     "Kesmark Rovers"),
    ("Their 20-13 win against the Kesmark Rovers put the Harriers into the playoffs.", "Kesmark Rovers"),
])  # fmt: skip
def test_the_side_beaten_takes_part_in_a_victory(nlp, text, party):
    found = {k: parties for k, _, parties in article_events(nlp, text)}
    assert party in found.get("victory", [])



def test_a_victory_title_does_not_make_the_beaten_side_the_winner():
    beaten = Entity("kesmark-rovers", "Kesmark Rovers", "organization", (), ())
    citation = Citation("a", 0, 10, "The words.", 0)
    beating = Report(EventCandidate("victory", "victory", citation), frozenset({beaten.id}), None, 0)
    assert draft([beating], EntityNames.of([beaten])).title == "Victory involving Kesmark Rovers"


def test_what_talks_angered_takes_no_part_in_them(nlp):
    found = {k: parties for k, _, parties in article_events(nlp, "The talks in Geneva angered Maria Lopez.")}
    assert "Maria Lopez" not in found.get("talks", [])


@pytest.mark.parametrize(("text", "kind"), [
    ("Daniel Brook was shot multiple times by police in Kesmark on Saturday.", "shooting"),
    ("Anna Keller was stabbed 20 times in Vienna on Friday.", "killing"),
])  # fmt: skip
def test_blows_counted_are_one_event(nlp, text, kind):
    assert kind in {k for k, _, _ in article_events(nlp, text)}


def test_meetings_counted_stay_a_habit(nlp):
    found = article_events(nlp, "Maria Lopez met John Smith several times in Madrid.")
    assert all(kind != "meeting" for kind, _, _ in found)


@pytest.mark.parametrize("text", [
    "Parliamentary elections in Kesmark will be held on a two-party basis.",
    "The presidential election in Kesmark was hailed by the government as an exercise in democracy.",
])  # fmt: skip
def test_an_election_in_a_place_is_an_event(nlp, text):
    assert "election" in {k for k, _, _ in article_events(nlp, text)}


@pytest.mark.parametrize(("text", "admitted"), [
    ("Anna Keller entered rehab on Tuesday.", True),
    ("Anna Keller has entered the Harbourside Treatment Center in Kesmark.", True),
    ("Anna Keller entered a rehab program in Kesmark on Friday.", True),
    ("The gunman entered the building in Kesmark on Friday.", False),
    ("Anna Keller entered the race for mayor of Kesmark.", False),
])  # fmt: skip
def test_entering_care_is_an_admission(nlp, text, admitted):
    assert ("admission" in {k for k, _, _ in article_events(nlp, text)}) is admitted


@pytest.mark.parametrize("pronoun", ["He", "She"])
def test_a_pronoun_takes_the_person_subject_of_the_paragraph_before(nlp, pronoun):
    found = article_events(
        nlp,
        "Carla Benedetti, the founder of a shipping firm, had suffered from heart disease for years.",
        f"{pronoun} died in a prison hospital in Springfield, Missouri, on Monday morning, a spokesman said.")
    assert ("death", "died", ["Carla Benedetti"]) in found


def test_they_takes_no_person_from_the_paragraph_before(nlp):
    found = article_events(nlp, "Tomas Varga was the longest-serving mayor of Kesmark.",
                           "They arrested the mayor's driver in Kesmark on Friday.")
    assert all("Tomas Varga" not in parties for _, _, parties in found)


def _arrest(order: int, *people: str, agency: str | None = "highway-patrol") -> Report:
    citation = Citation(f"s{order}", 0, 10, "The words.", 0)
    parties = frozenset({*people, agency} - {None})
    return Report(EventCandidate("arrest", "arrested", citation), parties, None, order,
                  people=frozenset(people))


def test_two_peoples_arrests_by_one_agency_stay_two_events():
    reports = [_arrest(0, "jamal-doe"), _arrest(1, "jamal-doe"), _arrest(2, "vincent-roe")]
    clusters = cluster(reports, lambda report: "story")
    assert sorted(sorted(r.order for r in c) for c in clusters) == [[0, 1], [2]]


def test_an_arrest_reported_with_and_without_the_agency_is_one_event():
    reports = [_arrest(0, "jamal-doe"), _arrest(1, "jamal-doe", agency=None)]
    assert len(cluster(reports, lambda report: "story")) == 1


def test_a_pronoun_reaches_back_two_paragraphs_and_no_further(nlp):
    opening = "Tomas Varga was the longest-serving mayor of Kesmark."
    filler = "The town has about 4,000 inhabitants and a small harbour."
    closing = "He died at his home in Kesmark on Friday."
    near = article_events(nlp, opening, filler, closing)
    far = article_events(nlp, opening, filler, filler, filler, closing)
    assert ("death", "died", ["Tomas Varga"]) in near
    assert all("Tomas Varga" not in parties for _, _, parties in far)


def test_a_pronoun_of_the_other_gender_takes_no_one_from_the_paragraph_before(nlp):
    found = article_events(nlp, "Carla Benedetti sold her shipping firm in March.",
                           "He died in a prison hospital in Springfield on Monday morning.")
    assert all("Carla Benedetti" not in parties for _, _, parties in found)
