"""The build report: every input file, its status, and what missing metadata costs the reader.

An article without a publication date leaves its relative dates ("on
Sunday", "earlier this week") unplaced on the calendar, so the timeline,
event dates and deadline status are incomplete; an article without an outlet
can only be named by its title. The report counts both and says so.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.model import Briefing, Source, TimeExpression
from generator.site.markup import source_labels
from generator.site.page import Page
from generator.site.pages.paging import ROWS_PER_PAGE, Pager, pagers, split_rows
from generator.site.timewords import moment_words

EXAMPLES = 4
"""Most unresolved time words quoted per warning."""
NAMED = 40
"""Most articles named per warning (the Sources pages list them all)."""


@dataclass(frozen=True)
class MissingMetadata:
    """Usable articles lacking one piece of metadata."""

    sources: list[tuple[str, Source]]
    """(label, source) of each article lacking it."""
    unresolved: int = 0
    """Time expressions in those articles left without a calendar date."""
    examples: list[str] = field(default_factory=list)
    """A few of those time expressions as first written, distinct ignoring case."""


@dataclass(frozen=True)
class ReportContext:
    """Context of the build report."""

    briefing: Briefing
    """The whole briefing (sources with statuses, warnings)."""
    built_at: str
    """Build time in words ("29 November 2026, 18:05 UTC"), "" when not known."""
    usable: int = 0
    """How many articles were read (status ok)."""
    undated: MissingMetadata = field(default_factory=lambda: MissingMetadata([]))
    """Articles with no publication date, and the relative dates left unresolved in them."""
    no_outlet: MissingMetadata = field(default_factory=lambda: MissingMetadata([]))
    """Articles with no outlet."""
    files: list[Source] = field(default_factory=list)
    """The input files on this page of the report, skipped ones first, then in file order."""
    pager: Pager = Pager(1, ())
    """This page among the report's pages (the file table goes on over ``ROWS_PER_PAGE`` rows each)."""
    named: int = NAMED
    """Most articles a warning names."""


def unresolved(time: TimeExpression) -> bool:
    """A date or time the tagger could not place on the calendar (unknown year, week or day)."""
    return time.type in ("DATE", "TIME") and ("X" in time.value or time.value.endswith("_REF"))


def missing(briefing: Briefing, lacks) -> MissingMetadata:
    """The usable articles for which ``lacks(source)`` holds, with their unresolved times."""
    labels = source_labels(briefing)
    rows = [(labels[s.id], s) for s in briefing.sources if s.status == "ok" and lacks(s)]
    times = [t for _, s in rows if s.id in briefing.analyses
             for t in briefing.analyses[s.id].times if unresolved(t)]
    first: dict[str, str] = {}
    for time in times:
        first.setdefault(time.text.lower(), time.text)
    examples = list(first.values())[:EXAMPLES]
    return MissingMetadata(rows, len(times), examples)


@dataclass(frozen=True)
class ReportFilesContext:
    """Context of a page of the report after the first: the file table goes on.

    It holds nothing about the whole build (its time, the number of files), so that an
    article added or deleted in a stretch of the table leaves the other pages as they were
    (with the build time on every page, each build rewrote them all)."""

    files: list[Source]
    """The input files on this page, in the report's order."""
    pager: Pager
    """This page among the report's pages."""


def plan_report_pages(briefing: Briefing) -> list[Page]:
    """report.md, and report/pages/<n>.md (``ReportFilesContext``) when the file table is
    longer than one page."""
    built_at = moment_words(briefing.built_at) if briefing.built_at else ""
    context = ReportContext(briefing, built_at,
                            usable=sum(s.status == "ok" for s in briefing.sources),
                            undated=missing(briefing, lambda s: s.published is None),
                            no_outlet=missing(briefing, lambda s: not s.outlet))
    files = sorted(briefing.sources, key=lambda s: s.status == "ok")  # stable: file order within
    runs = split_rows(files, ROWS_PER_PAGE)
    pages = pagers("report.md", len(runs))
    first = Page(pages[0].paths[0], "report.md.j2", replace(context, files=runs[0], pager=pages[0]))
    return [first, *(Page(pager.paths[pager.number - 1], "report_files.md.j2", ReportFilesContext(run, pager))
                     for run, pager in zip(runs[1:], pages[1:], strict=True))]
