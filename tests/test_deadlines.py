"""Deadlines: wording patterns, roles, due dates, merging across sources, status, pages."""

from __future__ import annotations

import datetime as dt
import hashlib

import pytest

from generator.deadlines import find_deadlines, merge_deadlines
from generator.deadlines.build import status
from generator.deadlines.dates import compatible, describe, shift, sort_key
from generator.deadlines.evidence import concepts
from generator.model import Briefing, Citation, DeadlineReport, Source, TimeExpression
from generator.nlp.parse import Segment, parse_paragraph
from generator.pipeline import analyse
from generator.resolve.entities import resolve
from generator.resolve.overrides import Overrides
from generator.site.pages.deadlines import plan_deadline_pages
from generator.site.timewords import value_words

ANCHOR = dt.date(2025, 8, 6)  # a Wednesday


def source_of(text: str, source_id: str = "a", published: dt.date | None = None) -> Source:
    return Source(
        source_id,
        f"{source_id}.txt",
        "ok",
        text=text,
        paragraphs=((0, len(text)),),
        published=published,
        content_hash=hashlib.sha256(text.encode()).hexdigest(),
    )


def deadlines_in(nlp, text: str, published: dt.date | None = None):
    source = source_of(text, published=published)
    paragraph = parse_paragraph(source, Segment(0, len(text), 0, False), nlp(text), 0, None)
    return paragraph, find_deadlines(paragraph)


def words(paragraph, span):
    return paragraph.source.text[span[0] : span[1]] if span else None


# --- calendar helpers (no model) -------------------------------------------------


@pytest.mark.parametrize(
    ("value", "length", "expected"),
    [
        ("XXXX-WXX-3", "P2D", "XXXX-WXX-5"),
        ("XXXX-WXX-6", "P3D", "XXXX-WXX-2"),
        ("2025-08-06", "P2D", "2025-08-08"),
        ("2025-07-14", "P50D", "2025-09-02"),
        ("XXXX-08-30", "P3D", "XXXX-09-02"),
        ("XXXX-08", "P2D", None),
        ("XXXX-WXX-3", "P1M", None),
    ],
)  # fmt: skip
def test_shift(value, length, expected):
    assert shift(value, length) == expected


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        ("XXXX-08-08", "XXXX-WXX-5", True),   # no year: cannot be checked, so not a conflict
        ("2025-08-08", "XXXX-WXX-5", True),   # 8 August 2025 is a Friday
        ("2025-08-08", "XXXX-WXX-4", False),
        ("2025-08-08", "XXXX-08-08", True),
        ("2025-08-08", "2025-08-09", False),
        ("XXXX-08-08", "XXXX-08-09", False),
    ],
)  # fmt: skip
def test_compatible(a, b, expected):
    assert compatible(a, b) is expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2025-08-08", "8 August 2025"),
        ("XXXX-08-08", "8 August (year not given)"),
        ("XXXX-WXX-5", "a Friday"),
        ("P10D", "10 days"),
        ("P1W", "1 week"),
    ],
)
def test_describe(value, expected):
    assert describe(value) == expected


def test_sort_key_orders_full_dates_then_month_days_then_weekdays_then_unknown():
    values = [None, "XXXX-WXX-5", "XXXX-08-08", "2025-09-01", "2025-08-08", "XXXX-07-01"]
    assert sorted(values, key=sort_key) == [
        "2025-08-08",
        "2025-09-01",
        "XXXX-07-01",
        "XXXX-08-08",
        "XXXX-WXX-5",
        None,
    ]


@pytest.mark.parametrize(
    ("a", "b", "shared"),
    [
        ("a ceasefire", "reach a peace settlement", True),
        ("agree to a truce", "agrees to a ceasefire", True),
        ("release the hostages", "withdraw its troops", False),
    ],
)
def test_demand_concepts(a, b, shared):
    assert bool(concepts(a) & concepts(b)) is shared


# --- wording patterns (trained pipeline) -----------------------------------------


@pytest.mark.parametrize(
    ("text", "due", "length", "fragment"),
    [
        ("John Smith expects a ceasefire by August 8.", "XXXX-08-08", None, "a ceasefire by August 8"),
        ("The committee must submit its report before 30 June 2026.", "2026-06-30", None, "before 30 June 2026"),
        ("The EU gave Hungary until 30 June 2026 to repeal the law.", "2026-06-30", None, "until 30 June 2026"),
        ("Hamas has until Sunday to release the hostages, Benjamin Carter said.", "XXXX-WXX-7", None, "until Sunday"),
        ("Maria Lopez warned that unless Serbia agrees to talks by Friday, she will impose sanctions.",
         "XXXX-WXX-5", None, "unless Serbia agrees to talks by Friday"),
        ("John Smith issued a 30-day ultimatum to Iran to halt enrichment.", None, "P30D", "30-day ultimatum"),
        ("The government set a ten-day deadline for the strikers to return to work.", None, "P10D", "deadline"),
        ("John Smith gave Canada a 60-day window to accept the trade deal.", None, "P60D", "60-day window"),
        ("The ultimatum expires on 12 September 2025.", "2025-09-12", None, "expires on 12 September 2025"),
        ("John Smith shortened the deadline for a peace deal from 50 days to ten days.", None, "P10D",
         "shortened the deadline"),
        ("The minister told the unions to end the strike by Friday.", "XXXX-WXX-5", None, "by Friday"),
        ("The judge has given the defence a May 10 deadline.", "XXXX-05-10", None, "deadline"),
    ],
)  # fmt: skip
def test_wording_patterns(nlp, text, due, length, fragment):
    _, found = deadlines_in(nlp, text)
    assert len(found) == 1, found
    candidate = found[0]
    assert (candidate.due.value if candidate.due else None) == due
    assert (candidate.duration.value if candidate.duration else None) == length
    assert fragment in candidate.wording
    assert candidate.citation.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Matthew Brown said that by supporting Ukraine with arms, the US aims to encourage talks.",
        "The agreement was signed by the United States and Canada.",
        "Kyiv was calm until recently, residents said.",
        "The talks lasted until Friday.",
        "The museum will stay open until 10 September.",
        "The decision has sparked debate about the feasibility of such a tight deadline.",
        "Prices rose by 5% in the first half of the year.",
        # Event dates nothing is due by, beliefs, wishes, past times, generic deadlines (issue 10).
        "The rally took place mere days before Nov. 8, when voters must choose a new president.",
        "The company expects that power will not be fully restored before 31 December.",
        "He told reporters that he would like to sign the contract by Christmas.",
        "Doctors had to keep him in a hospital until about two weeks ago.",
        "The rule was reversed following a 30-day comment period.",
        "Recent changes create unrealistic deadlines for scientific consultations.",
    ],
)
def test_not_deadlines(nlp, text):
    assert deadlines_in(nlp, text)[1] == []


@pytest.mark.parametrize(
    ("text", "setter", "bound", "demand"),
    [
        (("President Donald Brown has warned that unless Moscow agrees to a ceasefire by Friday, "
         "his administration will implement sanctions."), "Donald Brown", ["Moscow"], "agrees to a ceasefire"),
        (("Steve Carter arrived in Paris on Wednesday, two days ahead of a deadline set by "
         "President John Smith for Russia to agree to a ceasefire or face new sanctions."),
         "John Smith", ["Russia"], "agree to a ceasefire"),
        ("The talks came days before a White House-imposed deadline for Russia to agree to a ceasefire.",
         "White House", ["Russia"], "agree to a ceasefire"),
        (("John Smith dramatically shortened his original 50-day window for Russia and Ukraine to reach "
         "a peace settlement to just ten days."), "John Smith", ["Russia", "Ukraine"], "reach a peace settlement"),
        ("The EU gave Hungary until 30 June 2026 to repeal the law.", "EU", ["Hungary"], "repeal the law"),
    ],
)  # fmt: skip
def test_setter_bound_demand(nlp, text, setter, bound, demand):
    paragraph, found = deadlines_in(nlp, text)
    candidate = found[0]
    assert words(paragraph, candidate.setter) == setter
    assert [words(paragraph, b) for b in candidate.bound] == bound
    assert candidate.demand == demand


@pytest.mark.parametrize(
    ("text", "consequences"),
    [
        (("John Smith shortened his 50-day window for Russia to reach a deal to ten days, warning that "
         "failure would trigger sweeping penalties, including 100% tariffs and secondary sanctions."),
         {"sweeping penalties", "100% tariffs", "secondary sanctions"}),
        ("Maria Lopez set a deadline for Serbia to agree to talks or face economic consequences.",
         {"economic consequences"}),
        ("John Smith expects a ceasefire by August 8.", set()),
    ],
)  # fmt: skip
def test_consequences(nlp, text, consequences):
    assert set(deadlines_in(nlp, text)[1][0].consequences) == consequences


def test_change_from_to(nlp):
    _, [candidate] = deadlines_in(
        nlp,
        "Earlier this week, John Smith cut the timeline for Russia to reach "
        "a peace agreement from an initial 50-day window to just ten days.",
    )
    assert candidate.change == "shortened"
    assert (candidate.previous.value, candidate.duration.value) == ("P50D", "P10D")


def test_extension(nlp):
    paragraph, [candidate] = deadlines_in(
        nlp, "The European Commission extended the deadline for Poland to 30 June 2026."
    )
    assert candidate.change == "extended"
    assert candidate.due.value == "2026-06-30"
    assert [words(paragraph, b) for b in candidate.bound] == ["Poland"]


def test_days_ahead_of_deadline_counts_from_the_stated_day(nlp):
    text = (
        "Steve Carter arrived in Paris on Wednesday, just two days ahead of a deadline set by "
        "John Smith for Russia to agree to a ceasefire."
    )
    _, [undated] = deadlines_in(nlp, text)
    _, [dated] = deadlines_in(nlp, text, published=ANCHOR)
    assert undated.due.value == "XXXX-WXX-5"
    assert dated.due.value == "2025-08-08"
    assert "two days after" in dated.due.provenance


# --- merging and status ------------------------------------------------------------


def briefing_of(nlp, texts: dict[str, tuple[str, dt.date | None]]) -> Briefing:
    sources = [source_of(text, sid, published) for sid, (text, published) in texts.items()]
    analyses = {s.id: analyse(s, nlp) for s in sources}
    return Briefing("t", sources, analyses, entities=resolve(analyses.values(), Overrides()))


def test_reports_of_one_deadline_merge_with_disagreements(nlp):
    briefing = briefing_of(nlp, {
        "a": (("Earlier this week, John Smith shortened his 50-day window for Russia to reach a peace "
              "settlement to just ten days, threatening 100% tariffs. John Smith expects a ceasefire by August 8."), None),
        "b": (("Steve Carter arrived in Paris on Wednesday, two days ahead of a deadline set by "
              "President John Smith for Russia to agree to a ceasefire or face sweeping sanctions."), None),
        "c": ("John Smith warned that unless Moscow agrees to a ceasefire by Friday, he will impose sanctions.", None),
        "d": ("Maria Lopez gave Serbia until 30 June 2026 to withdraw its troops from Kosovo.", None),
    })  # fmt: skip
    deadlines = merge_deadlines(briefing)
    assert len(deadlines) == 2
    ceasefire = next(d for d in deadlines if "ceasefire" in d.demand)
    assert {r.citation.source for r in ceasefire.reports} == {"a", "b", "c"}
    assert ceasefire.due.value == "XXXX-08-08"
    assert ceasefire.setter == "john-smith"
    named = {c.lower() for c in ceasefire.consequences}
    assert {"100% tariffs", "sweeping sanctions"} <= named and "sanctions" not in named  # the precise one
    assert ceasefire.status == "shortened"
    assert any("due date" in note for note in ceasefire.disagreements)
    other = next(d for d in deadlines if d is not ceasefire)
    assert other.due.value == "2026-06-30" and {r.citation.source for r in other.reports} == {"d"}


def test_conflicting_due_dates_stay_apart(nlp):
    briefing = briefing_of(nlp, {
        "a": ("John Smith expects a ceasefire by 8 August 2025.", None),
        "b": ("John Smith expects a ceasefire by 20 September 2025.", None),
    })  # fmt: skip
    assert len(merge_deadlines(briefing)) == 2


@pytest.mark.parametrize(
    ("published", "expected"),
    [(dt.date(2025, 8, 1), "upcoming"), (dt.date(2025, 8, 10), "passed"), (None, "unknown")],
)
def test_status_against_newest_article(nlp, published, expected):
    briefing = briefing_of(
        nlp, {"a": ("John Smith gave Russia until August 8 to agree to a ceasefire.", published)}
    )
    [deadline] = merge_deadlines(briefing)
    assert deadline.status == expected


def _report(due: str | None, change: str = "") -> DeadlineReport:
    time = TimeExpression(0, 1, "x", "DATE", due) if due else None
    return DeadlineReport(Citation("a", 0, 1, "x", 0), time, change=change)


@pytest.mark.parametrize(
    ("due", "change", "newest", "expected"),
    [
        ("2025-08-08", "", dt.date(2025, 8, 6), "upcoming"),
        ("2025-08-08", "", dt.date(2025, 8, 9), "passed"),
        ("2025-08-08", "shortened", dt.date(2025, 8, 9), "passed"),
        ("2025-08-08", "extended", dt.date(2025, 8, 6), "extended"),
        ("XXXX-08-08", "shortened", None, "shortened"),
        ("XXXX-08-08", "", None, "unknown"),
        (None, "", dt.date(2025, 8, 6), "unknown"),
    ],
)  # fmt: skip
def test_status_rules(due, change, newest, expected):
    report = _report(due, change)
    assert status(report.due, (report,), newest) == expected


# --- the seeds -----------------------------------------------------------------------


def seed_due(briefing) -> str:
    """The seed deadline's due value: its year is inferred while 2025 is recent (see deadlines.infer)."""
    return "2025-08-08" if briefing.built_at.year <= 2029 else "XXXX-08-08"


def test_seeds_form_one_deadline_due_8_august(seed_briefing):
    deadlines = seed_briefing.deadlines
    assert len(deadlines) == 1
    [deadline] = deadlines
    sources = {r.citation.source[:3] for r in deadline.reports}
    assert sources == {"000", "001", "003", "004"}
    # No article states the year; "August 8" and "Friday" agree only with 2025 among recent years.
    assert deadline.due.value == seed_due(seed_briefing)
    assert deadline.setter == "donald-trump"
    assert "russia" in deadline.bound
    assert "ceasefire" in deadline.demand
    consequences = " ".join(deadline.consequences).lower()
    assert "sanctions" in consequences and "tariffs" in consequences
    assert deadline.status == "shortened"
    assert any("due date" in note for note in deadline.disagreements)
    shortened = [r for r in deadline.reports if r.change == "shortened" and r.previous]
    assert {(r.previous.value, r.duration.value) for r in shortened} == {("P50D", "P10D")}


def test_seed_deadline_pages(seed_briefing):
    pages = {p.path: p for p in plan_deadline_pages(seed_briefing)}
    [deadline] = seed_briefing.deadlines
    index = pages["deadlines/index.md"].context
    assert [row.deadline.id for row in index.rows] == [deadline.id]
    page = pages[f"deadlines/{deadline.id}.md"].context
    assert len(page.reports) == len(deadline.reports)
    words = value_words("2025-08-08") if seed_due(seed_briefing) == "2025-08-08" else "8 August, year not stated"
    assert page.due.text == words and page.due.citations
    assert {d.aspect for d in page.disagreements} >= {"due date"}
    assert all(
        line.citations for line in [page.setter, page.demand, *page.bound, *page.consequences]
    )
