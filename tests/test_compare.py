"""Sources compared: only real disagreements, from small hand-written articles (no spaCy)."""

from __future__ import annotations

import re

import pytest

from generator.deadlines.build import find_disagreements
from generator.deadlines.setters import leads, one_side
from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Deadline,
    DeadlineReport,
    Entity,
    Event,
    Role,
    Sentence,
    Source,
    TimeExpression,
)
from generator.site.pages.compare import compare_context

ARTICLES = {
    "a": "President Ada Vance set a deadline of August 8 for the union. "
         "On Monday Vance threatened sanctions unless the union agreed by Friday. "
         "Vance will visit Arlon on Sunday.",
    "b": "The Vance Office set a deadline of Friday for the union. "
         "Ada Vance threatened sanctions on Monday. "
         "Vance arrived in Arlon on Wednesday. "
         "Ada Vance said the deadline stood.",
    "c": "Bo Marra set the deadline for the union. Marra said the union had until August 15.",
}
TIMES = {  # (source, words): TIMEX value
    ("a", "August 8"): "XXXX-08-08", ("a", "Monday"): "XXXX-WXX-1", ("a", "Friday"): "XXXX-WXX-5",
    ("a", "Sunday"): "XXXX-WXX-7", ("b", "Friday"): "XXXX-WXX-5", ("b", "Monday"): "XXXX-WXX-1",
    ("b", "Wednesday"): "XXXX-WXX-3", ("c", "August 15"): "XXXX-08-15",
}


def _source(sid: str) -> Source:
    text = ARTICLES[sid]
    return Source(sid, f"{sid}.txt", "ok", title=text.split(".")[0], text=text,
                  paragraphs=((0, len(text)),), content_hash=sid)


def _sentences(text: str) -> tuple[Sentence, ...]:
    return tuple(Sentence(i, m.start(), m.end(), 0) for i, m in enumerate(re.finditer(r"[^.]+\.", text)))


def _analysis(sid: str) -> ArticleAnalysis:
    text = ARTICLES[sid]
    times = tuple(TimeExpression(text.index(words), text.index(words) + len(words), words, "DATE", value)
                  for (source, words), value in TIMES.items() if source == sid)
    sentences = tuple(Sentence(s.index, s.start + (text[s.start] == " "), s.end, 0)
                      for s in _sentences(text))
    return ArticleAnalysis(sid, sid, sentences, (), times)


def cite(sid: str, sentence: int) -> Citation:
    s = _analysis(sid).sentences[sentence]
    return Citation(sid, s.start, s.end, ARTICLES[sid][s.start:s.end], sentence)


def time(sid: str, words: str) -> TimeExpression:
    return next(t for t in _analysis(sid).times if t.text == words)


ADA = Entity("ada-vance", "Ada Vance", "person", ("Vance",), (), (Role("President", cite("a", 0)),))
OFFICE = Entity("vance-office", "Vance Office", "organization", (), ())
BO = Entity("bo-marra", "Bo Marra", "person", ("Marra",), ())
BY_ID = {e.id: e for e in (ADA, OFFICE, BO)}


def report(sid: str, sentence: int, setter: str, due: TimeExpression | None = None) -> DeadlineReport:
    return DeadlineReport(cite(sid, sentence), due, "a deadline", setter=setter)


def deadline(*reports: DeadlineReport) -> Deadline:
    return Deadline("deadline-for-the-union", "Deadline for the union", reports[0].setter, (), "",
                    (), reports[0].due, "upcoming", tuple(reports))


def briefing(deadlines=(), events=()) -> Briefing:
    return Briefing("Test", [_source(s) for s in ARTICLES], {s: _analysis(s) for s in ARTICLES},
                    [ADA, OFFICE, BO], list(events), list(deadlines))


def aspects(b: Briefing) -> list[tuple[str, str]]:
    return [(d.subject, d.aspect) for d in compare_context(b).disagreements]


def test_hand_written_offsets_hold() -> None:
    assert cite("b", 2).text == "Vance arrived in Arlon on Wednesday."
    assert [t.text for t in _analysis("a").times] == ["August 8", "Monday", "Friday", "Sunday"]


# ---------------------------------------------------------------- setters: one side or two


def test_a_person_and_an_office_one_source_names_both_are_one_side() -> None:
    found = deadline(report("a", 0, ADA.id), report("b", 0, OFFICE.id), report("b", 3, ADA.id))
    assert one_side(found.reports, BY_ID)
    assert aspects(briefing([found])) == []
    # the deadline page and the export read the same list: no setter disagreement there either
    assert "setter" not in {d.aspect for d in find_disagreements(found.reports, BY_ID)}


def test_a_person_whose_role_names_the_organisation_is_on_its_side() -> None:
    head = Entity(ADA.id, ADA.name, "person", (), (), (Role("head of the Vance Office", cite("a", 0)),))
    assert leads(head, OFFICE) and not leads(ADA, OFFICE) and not leads(OFFICE, head)
    found = deadline(report("a", 0, ADA.id), report("b", 0, OFFICE.id))
    assert one_side(found.reports, {**BY_ID, ADA.id: head})
    assert not one_side(found.reports, BY_ID)  # nothing ties them: two sides


def test_two_people_named_by_different_sources_disagree() -> None:
    found = deadline(report("a", 0, ADA.id), report("c", 0, BO.id))
    assert aspects(briefing([found])) == [("Deadline for the union", "setter")]


# ---------------------------------------------------------------- due dates


def test_due_dates_that_may_name_one_day_are_no_disagreement() -> None:
    found = deadline(report("a", 0, ADA.id, time("a", "August 8")),
                     report("b", 0, ADA.id, time("b", "Friday")))
    assert aspects(briefing([found])) == []


def test_different_days_of_the_month_disagree() -> None:
    found = deadline(report("a", 0, ADA.id, time("a", "August 8")),
                     report("c", 1, ADA.id, time("c", "August 15")))
    assert aspects(briefing([found])) == [("Deadline for the union", "due date")]


# ---------------------------------------------------------------- events' stated days


def _event(title: str, citations, times) -> Event:
    """An event whose reports attach ``times``, each to the citation holding it (as the merge does)."""
    reported = tuple((t, next(c for c in citations if c.start <= t.start < c.end)) for t in times)
    return Event(title.lower().replace(" ", "-"), title, "visit", (ADA.id,), None, None, tuple(citations),
                 tuple(times), reported_times=reported)


def test_the_day_a_threat_was_made_is_not_the_day_it_expires() -> None:
    threat = _event("Threat by Ada Vance", [cite("a", 1), cite("b", 1)],
                    [time("a", "Monday"), time("a", "Friday")])
    due = deadline(report("a", 1, ADA.id, time("a", "Friday")))
    assert aspects(briefing([due], [threat])) == []
    # Without the deadline, Friday is another stated day of the threat: then they differ.
    assert aspects(briefing([], [threat])) == [("Threat by Ada Vance", "stated day")]


@pytest.mark.parametrize(("b_words", "expected"), [
    ("Wednesday", [("Visit to Arlon", "stated day")]),  # Sunday and Wednesday: both wordings shown
    (None, []),  # one stated day
])
def test_incompatible_stated_days_of_one_event_disagree(b_words, expected) -> None:
    times = [time("a", "Sunday")] + ([time("b", b_words)] if b_words else [])
    visit = _event("Visit to Arlon", [cite("a", 2), cite("b", 2)], times)
    b = briefing([], [visit])
    assert aspects(b) == expected
    if expected:
        wordings = [v.wording for v in compare_context(b).disagreements[0].versions]
        assert sorted(wordings) == ["“Sunday”", "“Wednesday”"]
