"""Pages for deadlines: the index sorted by due date and one page per deadline.

Each deadline page shows who set it on whom, what is demanded, the threatened
consequences, the due time with how it was obtained, its status against the
newest article, reported changes, where sources disagree, and every source's
wording side by side. Every line cites the sentences it rests on.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from generator.deadlines.dates import compatible
from generator.deadlines.merge import Disagreement, find_disagreements, timing
from generator.model import Briefing, Citation, Deadline, DeadlineReport, Source
from generator.site.index import BriefingIndex, index_briefing
from generator.site.markup import deadline_page
from generator.site.page import Page
from generator.site.pages.paging import Pager, first_only, pagers, split_rows
from generator.site.timewords import day_words, value_words

DEADLINE_ROWS_PER_PAGE = 100
"""Rows per page of the Deadlines index: a row carries up to five citations, each titled with its
sentence, so fewer rows than ``paging.ROWS_PER_PAGE`` keep a page under 200 KB of HTML."""


@dataclass(frozen=True)
class DeadlineRow:
    """One deadline on the index."""

    deadline: Deadline
    """The deadline."""
    due: str
    """Due time in words, or "not stated"."""


@dataclass(frozen=True)
class DeadlinesIndexContext:
    """Context of the Deadlines index."""

    title: str
    """Page title."""
    rows: list[DeadlineRow]
    """Deadlines, earliest due first, unknown due dates last."""
    newest: str
    """Publication date of the newest article in words, or "" when none is dated."""
    pager: Pager = Pager(1, ())
    """This page among the index's pages (``DEADLINE_ROWS_PER_PAGE`` rows each)."""
    total: int = 0
    """Deadlines on all pages, given on the first page only (0 on the others: ``paging.first_only``)."""


@dataclass(frozen=True)
class CitedLine:
    """A statement on a deadline page with the sentences supporting it."""

    text: str
    """What is stated (plain text, escaped on output)."""
    citations: tuple[Citation, ...]
    """Sentences supporting it."""
    entity: str | None = None
    """Entity id to link instead of the text, if the line names one."""


@dataclass(frozen=True)
class ReportRow:
    """One source's wording of the deadline."""

    report: DeadlineReport
    """The report."""
    source: Source
    """Its source."""
    due: str
    """Due time as the source gives it, in words ("" when none)."""
    length: str
    """Length as the source gives it, in words ("" when none)."""


@dataclass(frozen=True)
class DeadlineContext:
    """Context of one deadline page."""

    deadline: Deadline
    """The merged deadline."""
    setter: CitedLine | None
    """Who set it, with the sentences naming that setter."""
    bound: list[CitedLine]
    """Who must act, each with the sentences naming it."""
    demand: CitedLine | None
    """What is demanded."""
    consequences: list[CitedLine]
    """Threatened consequences."""
    due: CitedLine | None
    """Due time in words with the sentences giving it."""
    due_provenance: str
    """How the due value was obtained."""
    timing: str
    """Due time against the newest article, in words."""
    changes: list[CitedLine]
    """Reported changes ("shortened from 50 days to 10 days")."""
    disagreements: list[Disagreement]
    """Aspects the sources give differently, with the sentences for each version."""
    reports: list[ReportRow]
    """Every source's wording, side by side."""


def plan_deadline_pages(briefing: Briefing, index: BriefingIndex | None = None) -> list[Page]:
    """Deadlines index (sorted by due date, split over pages of ``DEADLINE_ROWS_PER_PAGE`` rows) and a
    page per deadline the page-count policy gives one (``index``: the planner's lookups)."""
    index = index or index_briefing(briefing)
    newest = max((s.published for s in briefing.sources if s.published), default=None)
    rows = [DeadlineRow(d, value_words(d.due.value) if d.due else "not stated") for d in briefing.deadlines]
    runs = split_rows(rows, DEADLINE_ROWS_PER_PAGE)
    index_pages = [
        Page(pager.paths[pager.number - 1], "deadlines_index.md.j2",
             DeadlinesIndexContext("Deadlines", run, day_words(newest) if newest else "", pager,
                                   first_only(pager, len(rows))))
        for run, pager in zip(runs, pagers("deadlines/index.md", len(runs)), strict=True)
    ]
    return index_pages + [
        Page(deadline_page(d.id), "deadline.md.j2", deadline_context(d, briefing, newest, index))
        for d in briefing.deadlines if d.has_page
    ]


def deadline_context(
    deadline: Deadline, briefing: Briefing, newest: dt.date | None, index: BriefingIndex | None = None
) -> DeadlineContext:
    """Everything one deadline page shows (``index``: lookups shared by all pages)."""
    index = index or index_briefing(briefing)
    cites = tuple(r.citation for r in deadline.reports)
    due = deadline.due
    return DeadlineContext(
        deadline=deadline,
        setter=named_line(deadline.setter, index, cites) if deadline.setter else None,
        bound=[named_line(i, index, cites) for i in deadline.bound],
        demand=CitedLine(deadline.demand, containing(deadline.demand, cites))
        if deadline.demand
        else None,
        consequences=[CitedLine(c, containing(c, cites)) for c in deadline.consequences],
        due=CitedLine(
            value_words(due.value),
            tuple(r.citation for r in deadline.reports if r.due and compatible(r.due.value, due.value)),
        )
        if due
        else None,
        due_provenance=due.provenance if due else "",
        timing=timing(due, newest),
        changes=change_lines(deadline.reports),
        disagreements=find_disagreements(deadline.reports, index.entities),
        reports=[
            ReportRow(
                r,
                index.sources[r.citation.source],
                value_words(r.due.value) if r.due else "",
                value_words(r.duration.value) if r.duration else "",
            )
            for r in deadline.reports
        ],
    )


def named_line(entity_id: str, index: BriefingIndex, cites: tuple[Citation, ...]) -> CitedLine:
    """An entity with the report sentences that mention it (all reports if none do)."""
    own = tuple(c for c in cites if entity_id in index.entities_at.get((c.source, c.sentence), ()))
    return CitedLine(index.entities[entity_id].name, own or cites, entity_id)


def containing(words: str, cites: tuple[Citation, ...]) -> tuple[Citation, ...]:
    """Citations whose sentence holds the words (case-insensitive), else all of them."""
    own = tuple(c for c in cites if words.lower() in c.text.lower())
    return own or cites


def change_lines(reports: tuple[DeadlineReport, ...]) -> list[CitedLine]:
    """Distinct reported changes, each with the sentences reporting it."""
    grouped: dict[str, list[Citation]] = {}
    for r in reports:
        if not r.change:
            continue
        text = r.change
        text += f" from {value_words(r.previous.value)}" if r.previous else ""
        text += f" to {value_words(r.duration.value)}" if r.duration else ""
        grouped.setdefault(text, []).append(r.citation)
    return [CitedLine(text, tuple(c)) for text, c in grouped.items()]
