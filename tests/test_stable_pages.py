"""Stable pages of long lists (issue 13): an article added or deleted rewrites the Events index
and Timeline pages of its own stories and days, and leaves the others byte-identical."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace

import pytest

from generator.model import Briefing, BuildSnapshot
from generator.site import event_policy
from generator.site.event_policy import EVENTS_INDEX, OTHER_PREFIX, index_layout, mark_event_pages
from generator.site.linker import Linker
from generator.site.markup import source_labels
from generator.site.pages import deadlines as deadlines_pages
from generator.site.pages import report, timeline
from generator.site.pages import sources as sources_pages
from generator.site.pages.deadlines import plan_deadline_pages
from generator.site.pages.events import plan_event_pages
from generator.site.pages.paging import Bundle, is_cut, stable_paths, stable_runs
from generator.site.pages.report import plan_report_pages
from generator.site.pages.sources import plan_source_pages
from generator.site.pages.timeline import TIMELINE, timeline_bundles, timeline_context
from generator.site.render import render_pages
from tests.large_briefing import large_briefing

LIMIT = 20
SIZES = [(n * 7) % 13 + 1 for n in range(80)]  # 1 to 13 rows a bundle, 560 rows


def _bundles(sizes: list[int]) -> list[Bundle[str]]:
    return [Bundle(f"story-{n}", [f"{n}.{row}" for row in range(size)]) for n, size in enumerate(sizes, 1)]


def _near(runs: list[list[Bundle]], keys: set[str], limit: int) -> set[str]:
    """Keys of the bundles of each stretch (from a page starting with a cut to the next) holding
    one of ``keys``, and of the stretch before it (which a bundle that stops being a cut joins)."""
    stretch, starts = [], []
    for number, run in enumerate(runs):
        if number == 0 or is_cut(run[0], limit):
            starts.append(number)
        stretch.append(len(starts) - 1)
    touched = {stretch[n] for n, run in enumerate(runs) if keys & {b.key for b in run}}
    near = touched | {s - 1 for s in touched}
    return {b.key for n, run in enumerate(runs) if stretch[n] in near for b in run}


def _holding(runs: list[list[Bundle]], paths: tuple[str, ...], keys: set[str]) -> set[str]:
    """Paths of the pages holding one of ``keys``."""
    return {path for run, path in zip(runs, paths, strict=True) if keys & {b.key for b in run}}


def _pages(bundles: list[Bundle[str]]) -> tuple[dict[str, list], tuple[str, ...]]:
    runs = stable_runs(bundles, LIMIT)
    paths = stable_paths("events/pages", runs)
    return dict(zip(paths, ([(b.slug, b.rows) for b in run] for run in runs), strict=True)), paths


@pytest.mark.parametrize("change", ["grow", "shrink", "remove", "insert"])
def test_a_changed_bundle_changes_only_the_pages_of_its_stretch(change):
    before = _bundles(SIZES)
    after, key = list(before), before[40].key
    if change == "grow":
        after[40] = replace(after[40], rows=[*after[40].rows, "x", "y", "z"])
    elif change == "shrink":
        after[40] = replace(after[40], rows=after[40].rows[:1])
    elif change == "remove":
        del after[40]
    else:
        key = "story-40a"
        after.insert(40, Bundle(key, ["new"] * 9))
    old, old_paths = _pages(before)
    new, new_paths = _pages(after)
    changed = {path for path in old.keys() | new.keys() if old.get(path) != new.get(path)}
    old_runs, new_runs = stable_runs(before, LIMIT), stable_runs(after, LIMIT)
    near = _near(old_runs, {key}, LIMIT) | _near(new_runs, {key}, LIMIT)
    allowed = _holding(old_runs, old_paths, near) | _holding(new_runs, new_paths, near)
    assert changed and changed <= allowed
    assert len(old.keys() - allowed) > len(old) * 3 // 4  # the other pages: same rows, same paths


def test_pages_hold_at_most_the_limit_and_long_bundles_go_on_in_parts():
    bundles = _bundles([*SIZES[:30], 3 * LIMIT + 5, *SIZES[30:]])
    runs = stable_runs(bundles, LIMIT)
    assert max(sum(len(b.rows) for b in run) for run in runs) <= LIMIT
    assert [r for run in runs for b in run for r in b.rows] == [r for b in bundles for r in b.rows]
    parts = [b.slug for run in runs for b in run if b.key == "story-31"]
    assert parts == ["story-31", "story-31-2", "story-31-3", "story-31-4"]
    assert stable_runs(bundles[:3], LIMIT) == [bundles[:3]]  # all fit: one page, no cut applies
    assert stable_runs([], LIMIT) == []


# ---------------------------------------------------------------- a briefing, rendered


GONE = "a0052"  # an article in the middle of story-11


def _without(briefing: Briefing, source_id: str) -> Briefing:
    """``briefing`` with one article deleted: its source, its events, its reports and mentions."""
    def kept(citations) -> bool:
        return all(c.source != source_id for c in citations)

    deadlines = [replace(d, reports=tuple(r for r in d.reports if r.citation.source != source_id))
                 for d in briefing.deadlines]
    return replace(
        briefing,
        sources=[s for s in briefing.sources if s.id != source_id],
        analyses={k: v for k, v in briefing.analyses.items() if k != source_id},
        entities=[replace(e, mentions=tuple(m for m in e.mentions if m.source != source_id))
                  for e in briefing.entities if any(m.source != source_id for m in e.mentions)],
        events=[e for e in briefing.events if kept(e.citations)],
        deadlines=[d for d in deadlines if d.reports],
        statements=[s for s in briefing.statements if kept(s.citations)],
        stories=[replace(s, sources=tuple(x for x in s.sources if x != source_id)) for s in briefing.stories])


def _rendered(briefing: Briefing, previous: Briefing | None) -> dict[str, str]:
    """Events index and Timeline pages, labels kept from ``previous`` as a rebuild keeps them."""
    if previous is not None:
        labels = source_labels(previous)
        briefing.previous = BuildSnapshot(None, {}, {}, frozenset(), frozenset(), frozenset(), {},
                                          source_labels=labels, next_label=len(labels) + 1)
    briefing.events = mark_event_pages(briefing.events, 50)
    pages = [p for p in plan_event_pages(briefing) if p.template != "event.md.j2"]
    return render_pages(pages, Linker(briefing))


def _allowed(*briefings: Briefing) -> set[str]:
    """Pages the deleted article may change: those of its story's and its days' stretches."""
    event_keys = {s.id for s in briefings[0].stories if GONE in s.sources} | {OTHER_PREFIX + GONE}
    layouts = [index_layout(b.events, b.stories) for b in briefings]
    limit = event_policy.EVENT_ROWS_PER_PAGE
    near = set().union(*(_near(layout.runs, event_keys, limit) for layout in layouts))
    allowed = set().union(*(_holding(layout.runs, layout.paths, near) for layout in layouts))
    limit = timeline.TIMELINE_ROWS_PER_PAGE
    timelines = [timeline_bundles(timeline_context(b, {e.id: "" for e in b.events})) for b in briefings]
    days = {b.key for bundles in timelines for b in bundles
            if any(c.source == GONE for _, row in b.rows for c in row.citations)}
    runs = [stable_runs(bundles, limit) for bundles in timelines]
    near = set().union(*(_near(r, days | {timeline.UNDATED_PREFIX + GONE}, limit) for r in runs))
    paths = [stable_paths(timeline.TIMELINE_FOLDER, r) for r in runs]
    return allowed | set().union(*(_holding(r, p, near) for r, p in zip(runs, paths, strict=True)))


@pytest.mark.parametrize("direction", ["delete", "add"])
def test_an_article_added_or_deleted_leaves_the_pages_of_other_stories_byte_identical(monkeypatch, direction):
    monkeypatch.setattr(event_policy, "EVENT_ROWS_PER_PAGE", 12)
    monkeypatch.setattr(timeline, "TIMELINE_ROWS_PER_PAGE", 12)
    full = large_briefing(150)
    allowed = _allowed(full, _without(full, GONE))
    if direction == "delete":
        before = _rendered(full, None)
        after = _rendered(_without(full, GONE), full)
    else:
        base = _without(full, GONE)
        before = _rendered(base, None)
        after = _rendered(full, base)
    rows = {path for path in before if path.startswith(("events/pages/", "timeline/pages/"))}
    changed = {path for path in rows | after.keys() if before.get(path) != after.get(path)}
    assert changed - allowed <= {EVENTS_INDEX, TIMELINE}  # besides the two lists of pages
    assert any(p.startswith("events/pages/") for p in changed) and len(rows - changed) > len(rows) // 2


# ------------------------------------------------- the pages of plain lists after the first


def _list_pages(briefing: Briefing, previous: Briefing | None) -> dict[str, str]:
    """The Sources index and build report pages, labels kept from ``previous``."""
    if previous is not None:
        labels = source_labels(previous)
        briefing.previous = BuildSnapshot(None, {}, {}, frozenset(), frozenset(), frozenset(), {},
                                          source_labels=labels, next_label=len(labels) + 1)
    pages = [p for p in plan_source_pages(briefing) if p.template == "source_index.md.j2"]
    return render_pages(pages + plan_report_pages(briefing), Linker(briefing))


def test_an_article_added_at_the_end_leaves_the_middle_pages_of_the_sources_and_report_unchanged(monkeypatch):
    """A page after the first gives only its own rows: neither the number of files nor the build
    time, which changed every page at each build."""
    monkeypatch.setattr(sources_pages, "ROWS_PER_PAGE", 20)
    monkeypatch.setattr(report, "ROWS_PER_PAGE", 20)
    full = large_briefing(150)
    last = full.sources[-1].id
    base = _without(full, last)
    full = replace(full, built_at=full.built_at + dt.timedelta(days=1))
    before, after = _list_pages(base, None), _list_pages(full, base)
    assert before.keys() == after.keys() and len(before) == 16  # 8 pages of each list
    changed = {path for path in before if before[path] != after[path]}
    assert changed == {"sources/index.md", "sources/pages/8.md", "report.md", "report/pages/8.md"}
    assert "150 sources" in after["sources/index.md"] and "149 sources" in before["sources/index.md"]
    assert "150 input files" in after["report.md"] and "Sources in file order, 20 on this page." in after[
        "sources/pages/4.md"]


def test_each_page_of_a_paged_list_gives_its_row_count_in_a_paragraph_of_its_own(monkeypatch):
    """The count line ends with a conditional (the total on the first page only): what follows
    it (the pager, a note) must still start a new paragraph, not run on in the same one; and
    so must the note after the pager at the foot of the Sources list."""
    monkeypatch.setattr(sources_pages, "ROWS_PER_PAGE", 40)
    monkeypatch.setattr(deadlines_pages, "DEADLINE_ROWS_PER_PAGE", 5)
    briefing = large_briefing(150)
    pages = [p for p in [*plan_source_pages(briefing), *plan_deadline_pages(briefing)]
             if p.template in ("source_index.md.j2", "deadlines_index.md.j2")]
    rendered = render_pages(pages, Linker(briefing))
    assert {path.split("/")[0] for path in rendered} == {"sources", "deadlines"} and len(rendered) > 4
    for path, text in rendered.items():
        assert "on this page.\n\n" in text, path
        assert not re.search(r"\]\([^)]*\)\n[A-Z]", text), path  # a link line running into a sentence
