"""Event mentions missed on real news (ECB+ dev and training topics), each class on small
hand-written sentences: an offer of a job, a contract or a deal to someone (by its maker, so two
teams' offers to one player stay two), "they" taking no single person named before it, and a
"by" phrase the parse hangs on an active verb, which names no one taking part."""

from __future__ import annotations

import pytest

from generator.events.merge import cluster
from generator.events.reports import Report
from generator.model import Citation, EventCandidate
from tests.test_event_recall import article_events


@pytest.mark.parametrize(("text", "parties"), [
    ("The Harriers offered Tomas Varga a three-year contract on Friday.", ["Harriers", "Tomas Varga"]),
    ("The Harriers made a four-year offer to Tomas Varga on Friday.", ["Harriers", "Tomas Varga"]),
    ("Anna Keller has been offered the post of finance minister.", ["Anna Keller"]),
])  # fmt: skip
def test_an_offer_of_a_job_or_a_contract_is_an_event(nlp, text, parties):
    found = {k: p for k, _, p in article_events(nlp, text)}
    assert set(parties) <= set(found.get("offer", []))


@pytest.mark.parametrize("text", [
    "Anna Keller offered her condolences to the family of Tomas Varga.",
    "Anna Keller rejected the offer.",
    "The Harriers offered no explanation for the delay.",
    "Anna Keller has offered the job, a spokesman said.",
])  # fmt: skip
def test_an_offer_of_words_or_to_no_one_is_no_event(nlp, text):
    assert "offer" not in {k for k, _, _ in article_events(nlp, text)}


def _offer(order: int, *bodies: str) -> Report:
    citation = Citation(f"s{order}", 0, 10, "The words.", 0)
    return Report(EventCandidate("offer", "offer", citation), frozenset({"tomas-varga", *bodies}), None,
                  order, people=frozenset({"tomas-varga"}))


def test_two_teams_offers_to_one_player_stay_two_events():
    reports = [_offer(0, "harriers"), _offer(1, "harriers"), _offer(2, "rovers"), _offer(3)]
    clusters = cluster(reports, lambda report: "story")
    assert sorted(sorted(r.order for r in c) for c in clusters) in ([[0, 1, 3], [2]], [[0, 1], [2, 3]])


def test_they_takes_no_single_person_named_before_it(nlp):
    found = article_events(nlp, "Anna Keller, the police chief, said on Friday they arrested Tomas Varga in Kesmark.")
    assert ("arrest", "arrested", ["Tomas Varga"]) in found


def test_a_by_phrase_on_an_active_verb_names_no_party(nlp):
    found = article_events(nlp, "With news from the Rovers that the team has made a five-year contract "
                                "offer to Tomas Varga, the transfer rumor being reported, most recently by "
                                "Anna Keller at the Kesmark Herald, about the Rovers chasing a striker may be over.")
    assert all("Anna Keller" not in parties for _, _, parties in found)
