"""A deadline's year inferred from a month-day and a weekday its sources give, marked as inferred."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.deadlines.infer import INFERRED, infer_due_years, matching_years
from generator.model import Citation, Deadline, DeadlineReport, TimeExpression

BUILT = dt.date(2026, 11, 29)


def report(value: str | None, words: str = "") -> DeadlineReport:
    due = TimeExpression(0, len(words), words, "DATE", value) if value else None
    return DeadlineReport(Citation("s", 0, 1, "x", 0), due)


def deadline(*reports: DeadlineReport) -> Deadline:
    due = next((r.due for r in reports if r.due), None)
    return Deadline("d", "Deadline", None, (), "", (), due, "unknown", reports)


def test_weekday_and_month_day_agree_in_one_recent_year():
    [inferred] = infer_due_years([deadline(report("XXXX-08-08", "August 8"), report("XXXX-WXX-5", "Friday"))],
                                 BUILT)
    assert inferred.due.value == "2025-08-08"
    assert inferred.due.provenance.startswith(INFERRED)
    assert "August 8" in inferred.due.provenance and "Friday" in inferred.due.provenance


@pytest.mark.parametrize("reports", [
    (report("XXXX-08-08", "August 8"),),  # no weekday
    (report("XXXX-WXX-5", "Friday"),),  # no month-day
    (report("XXXX-08-08", "August 8"), report("XXXX-08-09", "August 9"), report("XXXX-WXX-5", "Friday")),
    (report("XXXX-08-08", "August 8"), report("XXXX-WXX-5", "Friday"), report("XXXX-WXX-4", "Thursday")),
    (report("XXXX-08-08", "August 8"), report("XXXX-WXX-7", "Sunday")),  # Sunday: 2021 and 2027 both fit
])
def test_nothing_is_inferred_without_one_clear_answer(reports):
    [result] = infer_due_years([deadline(*reports)], BUILT)
    assert result.due is None or not result.due.provenance.startswith(INFERRED)


def test_a_stated_year_is_kept():
    [result] = infer_due_years([deadline(report("2024-08-08", "August 8, 2024"), report("XXXX-WXX-5", "Friday"))],
                               BUILT)
    assert result.due.value == "2024-08-08" and result.due.provenance == "stated"


def test_matching_years_skips_29_february_in_common_years():
    assert matching_years(2, 29, 4, dt.date(2026, 1, 1)) == [2024]


@pytest.mark.model
def test_the_seed_deadline_is_dated_as_inferred(seed_briefing):
    if not 2025 <= seed_briefing.built_at.year <= 2029:
        pytest.skip("the seeds' Friday 8 August is recent only until 2029")
    [due] = [d.due for d in seed_briefing.deadlines if d.due and d.due.value == "2025-08-08"]
    assert due.provenance.startswith(INFERRED)
