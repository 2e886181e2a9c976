"""Two parties' deadlines due the same day are two deadlines: two companies' offers expiring on
one day do not merge, nor does a statement naming no one with another party's deadline
(``deadlines.evidence.other_owners``); a month alone names no deadline a reference could join.
All names and sentences are invented."""

from __future__ import annotations

import datetime as dt

from generator.deadlines import merge_deadlines
from generator.deadlines.build import Report
from generator.deadlines.evidence import other_owners, score
from generator.model import Citation, DeadlineCandidate, TimeExpression
from tests.test_deadlines import briefing_of

PUBLISHED = dt.date(1989, 11, 2)


def sources_by_due(deadlines) -> list[tuple[str | None, list[str]]]:
    return sorted((d.due.value if d.due else None, sorted(r.citation.source for r in d.reports))
                  for d in deadlines)


def test_two_companies_offers_due_one_day_stay_apart(nlp):
    briefing = briefing_of(nlp, {
        "a": ("Harlow Mills Corp. said it extended its $18-a-share offer for Brandt Plastics Inc. "
              "until Nov. 9. The offer had been set to expire Nov. 6.", PUBLISHED),
        "b": ("Dessau Textil AG said it would extend its bid for Kemper Ltd., due to expire last "
              "Thursday, to Nov. 6.", PUBLISHED),
    })  # fmt: skip
    assert sources_by_due(merge_deadlines(briefing)) == [
        ("1989-11-06", ["a"]), ("1989-11-06", ["b"]), ("1989-11-09", ["a"])]


def test_a_month_alone_joins_no_deadline_of_that_month(nlp):
    briefing = briefing_of(nlp, {
        "a": ("The offer, advertised in today's newspapers, is scheduled to expire at the end of "
              "November.", PUBLISHED),
        "b": ("Arla Venn gave Northland until the end of November to withdraw its troops.", PUBLISHED),
    })  # fmt: skip
    assert len(merge_deadlines(briefing)) == 2


def report(source: str, owner: tuple[str, str] | None, setter: str | None = None) -> Report:
    due = TimeExpression(0, 6, "Nov. 6", "DATE", "1989-11-06")
    candidate = DeadlineCandidate(Citation(source, 0, 6, "Nov. 6", 0), "by", due=due)
    return Report(candidate, setter, ("northland",), frozenset({"withdraw"}), frozenset(), owner)


def test_owners_of_one_type_rule_a_pair_out_an_office_and_a_person_do_not():
    company, other = ("harlow-mills", "organization"), ("dessau-textil", "organization")
    person, office = ("arla-venn", "person"), ("the-palace", "organization")
    assert other_owners(company, other) and not other_owners(company, company)
    assert not other_owners(office, person) and not other_owners(None, company)
    assert score(report("a", company, company[0]), report("b", other, other[0])) is None
    assert score(report("a", office, office[0]), report("b", person, person[0])) is not None
