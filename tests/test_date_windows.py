"""Undated articles get a publication window from a dated deadline they give only as a weekday."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.deadlines.dating import deadline_windows
from generator.model import (
    Briefing,
    Citation,
    DateWindow,
    Deadline,
    DeadlineReport,
    Source,
    Story,
    TimeExpression,
)
from generator.pipeline import analyse
from generator.site.pages.story_sections import story_sections
from generator.site.timewords import window_words
from generator.temporal import dating, tag
from generator.temporal.dating import infer_windows


def source(sid: str, published: dt.date | None = None) -> Source:
    return Source(sid, f"{sid}.txt", "ok", text="x", published=published)


def deadline(due: str | None, *reports: tuple[str, str, str]) -> Deadline:
    rows = tuple(
        DeadlineReport(Citation(sid, 0, 1, "x", 0), TimeExpression(0, 1, words, "DATE", value))
        for sid, value, words in reports
    )
    due_time = TimeExpression(0, 1, "x", "DATE", due) if due else None
    return Deadline("d", "D", None, (), "", (), due_time, "unknown", rows)


def test_a_weekday_report_of_a_dated_deadline_places_the_article_in_the_week_before():
    windows = deadline_windows([deadline("2025-08-08", ("a", "XXXX-WXX-5", "Friday"))], [source("a")], {})
    assert (windows["a"].earliest, windows["a"].latest) == (dt.date(2025, 8, 2), dt.date(2025, 8, 8))
    assert windows["a"].inferred and "Friday" in windows["a"].evidence[0]


@pytest.mark.parametrize(
    "due, report, published",
    [
        (None, ("a", "XXXX-WXX-5", "Friday"), None),  # deadline not dated
        ("2025-08-08", ("a", "XXXX-WXX-4", "Thursday"), None),  # another weekday
        ("2025-08-08", ("a", "XXXX-08-08", "August 8"), None),  # not a bare weekday
        ("2025-08-08", ("a", "XXXX-WXX-5", "Friday"), dt.date(2025, 8, 5)),  # the article is dated
    ],
)
def test_no_window_without_a_clear_clue(due, report, published):
    assert deadline_windows([deadline(due, report)], [source("a", published)], {}) == {}


def test_an_own_window_is_narrowed_and_a_contradiction_keeps_it():
    own = DateWindow("a", dt.date(2025, 8, 5), dt.date(2025, 8, 20), ("own clue",))
    narrowed = deadline_windows(
        [deadline("2025-08-08", ("a", "XXXX-WXX-5", "Friday"))], [source("a")], {"a": own}
    )
    assert (narrowed["a"].earliest, narrowed["a"].latest) == (dt.date(2025, 8, 5), dt.date(2025, 8, 8))
    assert narrowed["a"].evidence[0] == "own clue" and len(narrowed["a"].evidence) == 2
    far = DateWindow("a", dt.date(2025, 9, 1), dt.date(2025, 9, 20), ("own clue",))
    kept = deadline_windows(
        [deadline("2025-08-08", ("a", "XXXX-WXX-5", "Friday"))], [source("a")], {"a": far}
    )
    assert kept["a"] == far


@pytest.mark.model
def test_seed_articles_that_give_the_deadline_as_friday_are_dated_as_inferred(seed_briefing):
    if not 2025 <= seed_briefing.built_at.year <= 2029:
        pytest.skip("the seeds' Friday 8 August is recent only until 2029")
    windows = seed_briefing.date_windows
    assert windows and all(w.inferred and w.latest == dt.date(2025, 8, 8) for w in windows.values())


@pytest.mark.model
def test_the_seed_timeline_marks_inferred_dates_and_windows(seed_site):
    timeline = (seed_site / "docs" / "timeline.md").read_text(encoding="utf-8")
    if "2025" not in timeline:
        pytest.skip("the seeds' Friday 8 August is recent only until 2029")
    dated = [line for line in timeline.splitlines() if line.startswith("| ") and "2025" in line]
    assert dated and all("| inferred |" in line for line in dated)  # no seed states a year
    assert "Probably written between" in timeline and "(inferred: " in timeline
    deadline = next((seed_site / "docs" / "deadlines").glob("deadline-*.md")).read_text(encoding="utf-8")
    assert "2025" in deadline and "inferred" in deadline


def test_an_undated_article_keeps_its_whole_text_tagged_and_rebuilds_reuse_it(nlp, monkeypatch):
    text = "Talks resumed on Friday, August 8.\n\nThe envoy had arrived the day before."
    undated = Source("u", "u.txt", "ok", text=text, paragraphs=((0, 34), (36, len(text))))
    dated = replace(undated, id="d", published=dt.date(2025, 8, 8))
    analysis = analyse(undated, nlp)
    assert analysis.undated_times == tuple(tag(text, None)) and analysis.undated_times
    assert analyse(dated, nlp).undated_times is None
    expected = infer_windows([undated], dt.date(2026, 1, 1))
    assert expected["u"].inferred

    def no_tagging(*args):
        raise AssertionError("the text was tagged again")

    monkeypatch.setattr(dating.temporal, "tag", no_tagging)
    assert infer_windows([undated], dt.date(2026, 1, 1), {"u": analysis.undated_times}) == expected


BUILT = dt.date(2026, 12, 1)


def test_a_window_only_the_build_date_bounds_is_open_ended():
    past = dating.infer_window("a", "The accord was signed on March 3, 2009, officials said.", BUILT)
    weekday = dating.infer_window("b", "Talks resume on Friday, August 8, the envoy said.", BUILT)
    assert past.open_end and (past.earliest, past.latest) == (dt.date(2009, 3, 3), BUILT)
    assert not weekday.open_end and weekday.latest < BUILT


def test_a_clue_that_bounds_the_last_day_closes_an_open_window():
    own = DateWindow("a", dt.date(2009, 3, 3), BUILT, ("told as past",), open_end=True)
    closed = dating.narrowed("a", own, dt.date(2009, 3, 10), dt.date(2009, 4, 7), "story clue")
    still_open = dating.narrowed("a", own, dt.date(2026, 11, 20), dt.date(2026, 12, 18), "recent story")
    assert not closed.open_end and closed.latest == dt.date(2009, 4, 7)
    assert still_open.open_end and still_open.latest == BUILT


def test_an_open_window_reads_as_a_first_day_and_a_closed_one_as_a_span():
    assert window_words(DateWindow("a", dt.date(2009, 2, 22), BUILT, ("x",), open_end=True)) \
        == "Written on Sunday 22 February 2009 or later"
    assert window_words(DateWindow("a", dt.date(2025, 8, 1), dt.date(2025, 8, 8), ("x",))) \
        == "Probably written between Friday 1 August 2025 and Friday 8 August 2025"


def _story_period(windows: dict[str, DateWindow]) -> tuple[str, bool]:
    sources = [source(sid) for sid in ("a", "b", "c")]
    briefing = Briefing(title="t", sources=sources, analyses={}, entities=[],
                        stories=[Story("s1", "Story", tuple(s.id for s in sources))], date_windows=windows)
    section = story_sections(briefing)[0]
    return section.period, section.period_inferred


def test_a_story_period_leaves_out_windows_only_the_build_date_bounds():
    windows = {"a": DateWindow("a", dt.date(1974, 8, 9), BUILT, ("x",), open_end=True),
               "b": DateWindow("b", dt.date(2013, 4, 19), dt.date(2013, 5, 16), ("x",)),
               "c": DateWindow("c", dt.date(2013, 4, 25), dt.date(2013, 5, 20), ("x",))}
    assert _story_period(windows) == ("Friday 19 April 2013 to Monday 20 May 2013", True)
    open_only = {"a": windows["a"],
                 "b": DateWindow("b", dt.date(2009, 2, 22), BUILT, ("x",), open_end=True)}
    assert _story_period(open_only) == ("Sunday 22 February 2009 or later", True)
