"""The sources comparison page: who and what each source mentions, and where sources disagree.

Only real disagreements are listed: two sources fill the same slot of one
fact with values that cannot both hold after resolution. So

* due dates that may name the same day ("8 August" and "Friday") are not listed;
* setters on one side are one value (``deadlines.setters.one_side``), already
  left out by ``find_disagreements``;
* an event's stated days are the times the reports attach to the event,
  without a deadline's due time in the same sentence (the day a threat was
  made is not the day it expires), and they differ only when two cannot be one
  day (``events.stated_days``, the test the event page uses too).

The disagreements go on over numbered pages (``DISAGREEMENTS_PER_PAGE`` each);
the matrix is on the first page only.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from generator.deadlines.build import Disagreement as DeadlineDisagreement
from generator.deadlines.build import find_disagreements
from generator.model import Briefing, Citation, Deadline, Entity, Event, Source
from generator.site.event_policy import event_targets
from generator.site.markup import deadline_target, source_labels
from generator.site.page import Page
from generator.site.pages.events import stated_days
from generator.site.pages.paging import Pager, pagers, split_rows
from generator.temporal.calendar import to_date

MATRIX_TYPES = ("person", "place", "organization")
MAX_ROWS_PER_TYPE = 25
MAX_SOURCE_COLUMNS = 24
"""A wider matrix is unreadable: only the newest sources get a column."""
DISAGREEMENTS_PER_PAGE = 50
"""Disagreements per page (each cites its versions' sources): the first page also holds the
matrix (about 120 KB of HTML at 24 columns), and stays under 200 KB."""


@dataclass(frozen=True)
class MatrixRow:
    """One entity (or deadline) and how often each source mentions it."""

    label: str
    """Entity name or deadline title."""
    target: str
    """Docs-relative page of the row's subject, or empty."""
    entity_id: str
    """Entity id, or empty for deadlines."""
    counts: tuple[int, ...]
    """Mentions per source, in the order of ``CompareContext.sources``."""


@dataclass(frozen=True)
class Version:
    """One way the sources state a fact."""

    wording: str
    """The version in words (TIMEX values are put into words on output)."""
    citations: tuple[Citation, ...]
    """The sentences giving this version (shown as S-labels)."""


@dataclass(frozen=True)
class Disagreement:
    """Sources that state one fact differently."""

    subject: str
    """What the fact is about (a deadline or event title)."""
    target: str
    """Docs-relative page of the subject."""
    aspect: str
    """Which fact differs: "due date", "setter", "stated day", ..."""
    versions: tuple[Version, ...]
    """Each version with the sentences giving it."""
    conflict: bool = True
    """False when the versions may agree but cannot be checked (no publication dates)."""


@dataclass(frozen=True)
class CompareContext:
    """Context of sources-compared.md."""

    sources: list[tuple[str, Source]]
    """(label, source) columns."""
    sections: list[tuple[str, list[MatrixRow]]]
    """(section title, rows): People, Places, Organisations, Deadlines."""
    disagreements: list[Disagreement]
    """Facts stated differently by different sources."""
    total_sources: int = 0
    """How many usable sources there are (more than the columns when capped)."""
    pager: Pager = Pager(1, ())
    """This page among the comparison's pages (the disagreements go on over several)."""
    total_disagreements: int = 0
    """Disagreements on all pages, given on the first page only (see ``paging.first_only``)."""


def _entity_rows(entities: list[Entity], sources: list[Source], entity_type: str) -> list[MatrixRow]:
    members = sorted((e for e in entities if e.type == entity_type), key=lambda e: -len(e.mentions))
    rows = []
    for entity in members[:MAX_ROWS_PER_TYPE]:
        per_source = Counter(m.source for m in entity.mentions)
        counts = tuple(per_source[s.id] for s in sources)
        rows.append(MatrixRow(entity.name, "", entity.id, counts))
    return rows


def _deadline_rows(deadlines: list[Deadline], sources: list[Source]) -> list[MatrixRow]:
    """The ``MAX_ROWS_PER_TYPE`` deadlines most reported by the sources shown (none unreported)."""
    rows = []
    for deadline in deadlines:
        counts = tuple(sum(r.citation.source == s.id for r in deadline.reports) for s in sources)
        if any(counts):
            rows.append(MatrixRow(deadline.title, deadline_target(deadline), "", counts))
    return sorted(rows, key=lambda row: -sum(row.counts))[:MAX_ROWS_PER_TYPE]


def _event_date_disagreement(event: Event, target: str,
                             due_times: frozenset[tuple[str, int]]) -> Disagreement | None:
    """Sources attaching days to one merged event that cannot be one day (``due_times``: deadline
    dues, left out); the test is ``events.stated_days``, shared with the event page."""
    stated = stated_days(event, due_times)
    if not stated:
        return None
    versions = tuple(Version(_day_wording(value, next(iter(wordings))),
                             tuple(dict.fromkeys(c for cites in wordings.values() for c in cites)))
                     for value, wordings in stated.items())
    return Disagreement(event.title, target, "stated day", versions)


def _day_wording(value: str, text: str) -> str:
    """A stated day as Sources compared prints it: the date when resolved, and the words."""
    return f"{value} (“{text}”)" if to_date(value) else f"“{text}”"


def real_disagreements(deadline: Deadline, by_id: dict[str, Entity]) -> list[DeadlineDisagreement]:
    """The aspects of one deadline its reports give incompatibly (``find_disagreements``, filtered)."""
    return [found for found in find_disagreements(deadline.reports, by_id) if found.conflict]


def _deadline_disagreements(deadline: Deadline, by_id: dict[str, Entity]) -> list[Disagreement]:
    """The aspects of one deadline that its reports give incompatibly."""
    return [Disagreement(deadline.title, deadline_target(deadline), found.aspect,
                         tuple(Version(words, cites) for words, cites in found.variants),
                         found.conflict)
            for found in real_disagreements(deadline, by_id)]


def compare_context(briefing: Briefing, targets: dict[str, str] | None = None) -> CompareContext:
    """Matrix of mentions per source and the disagreements found (``targets``: event id -> link
    target, see ``event_policy.event_targets``)."""
    targets = targets if targets is not None else event_targets(briefing.events, briefing.stories)
    usable = [s for s in briefing.sources if s.status == "ok"]
    ok = newest(usable, MAX_SOURCE_COLUMNS)
    labels = source_labels(briefing)
    titles = {"person": "People", "place": "Places", "organization": "Organisations"}
    sections = [(titles[t], _entity_rows(briefing.entities, ok, t)) for t in MATRIX_TYPES]
    sections.append(("Deadlines", _deadline_rows(briefing.deadlines, ok)))
    by_id = {e.id: e for e in briefing.entities}
    disagreements = [found for d in briefing.deadlines for found in _deadline_disagreements(d, by_id)]
    due_times = frozenset((r.citation.source, r.due.start) for d in briefing.deadlines
                          for r in d.reports if r.due)
    disagreements += [d for e in briefing.events
                      if (d := _event_date_disagreement(e, targets[e.id], due_times))]
    return CompareContext([(labels[s.id], s) for s in ok], sections, disagreements, len(usable))


def newest(sources: list[Source], limit: int) -> list[Source]:
    """The ``limit`` newest sources (by publication date, then file order), in file order."""
    if len(sources) <= limit:
        return sources
    order = {s.id: n for n, s in enumerate(sources)}
    ranked = sorted(sources, key=lambda s: (s.published is not None, s.published or "", order[s.id]))
    keep = {s.id for s in ranked[-limit:]}
    return [s for s in sources if s.id in keep]


def plan_compare_page(briefing: Briefing, targets: dict[str, str] | None = None) -> list[Page]:
    """sources-compared.md (the matrix and the first disagreements), and
    sources-compared/pages/<n>.md when the disagreements go on over ``DISAGREEMENTS_PER_PAGE``."""
    whole = compare_context(briefing, targets)
    runs = split_rows(whole.disagreements, DISAGREEMENTS_PER_PAGE)
    pages = pagers("sources-compared.md", len(runs))
    first = replace(whole, disagreements=runs[0], pager=pages[0],
                    total_disagreements=len(whole.disagreements))
    rest = replace(whole, sources=[], sections=[], total_sources=0)  # the matrix is on the first page
    return [Page(pager.paths[pager.number - 1], "sources_compared.md.j2",
                 first if pager.number == 1 else replace(rest, disagreements=run, pager=pager))
            for run, pager in zip(runs, pages, strict=True)]
