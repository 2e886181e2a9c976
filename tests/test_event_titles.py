"""An event's title names whom it befalls (``events.drafts``): never an organisation for an
arrest, a killing or a death, which takes part in those as the one acting."""

from __future__ import annotations

import pytest

from generator.events.drafts import EntityNames, draft
from generator.events.reports import Report
from generator.model import Citation, Entity, EventCandidate, TimeExpression

ENTITIES = [Entity("bureau", "Federal Bureau", "organization", (), ()),
            Entity("omar-said", "Omar Said", "person", (), ()),
            Entity("harbour-works", "Harbour Works", "organization", (), ())]


def report(kind: str, *participants: str) -> Report:
    citation = Citation("a", 0, 10, "The words.", 0)
    return Report(EventCandidate(kind, kind, citation), frozenset(participants), None, 0)


@pytest.mark.parametrize("kind, participants, title", [
    ("arrest", ("bureau",), "Arrest"),  # "the Federal Bureau arrested a man": not its arrest
    ("arrest", ("bureau", "omar-said"), "Arrest of Omar Said"),
    ("killing", ("bureau",), "Killing"),
    ("acquisition", ("harbour-works",), "Acquisition by Harbour Works"),  # an organisation acts here
    ("charge", ("harbour-works",), "Charges against Harbour Works"),  # and may be charged
])
def test_the_title_names_whom_it_befalls(kind, participants, title):
    assert draft([report(kind, *participants)], EntityNames.of(ENTITIES)).title == title


def timed_report(kind: str, words: str, value: str, *participants: str) -> Report:
    citation = Citation("a", 0, 10, "The words.", 0)
    time = TimeExpression(20, 20 + len(words), words, "DATE", value)
    return Report(EventCandidate(kind, kind, citation, time=time), frozenset(participants), None, 0)


@pytest.mark.parametrize("words, value, title", [
    ("today", "2031-03-12", "Arrest of Omar Said, 12 March 2031"),  # never "…, today"
    ("Thursday", "2031-03-13", "Arrest of Omar Said, 13 March 2031"),
    ("last spring", "2030-SP", "Arrest of Omar Said, last spring"),  # no one day: the words
])
def test_a_repeated_title_is_told_apart_by_the_day_it_states(words, value, title):
    assert draft([timed_report("arrest", words, value, "omar-said")],
                 EntityNames.of(ENTITIES)).distinguished == title
