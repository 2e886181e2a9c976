"""Events, timeline and Sources compared at scale (issue 13): which events get a page, the long
lists split under the page bound, every link to a row landing on the page that holds the row."""

from __future__ import annotations

import posixpath
import re
from dataclasses import replace

import pytest

from generator.model import Citation, Event, Story, TimeExpression
from generator.publish.export import to_dict
from generator.site.event_policy import EVENTS_INDEX, event_target, index_layout, mark_event_pages
from generator.site.linker import Linker
from generator.site.pages.compare import DISAGREEMENTS_PER_PAGE, compare_context, plan_compare_page
from generator.site.pages.events import day_versions, plan_event_pages
from generator.site.planner import plan_pages
from generator.site.render import render_pages
from tests.large_briefing import large_briefing
from tests.sitecheck import published_export

MAX_PAGE = 200 * 1024
LINK = re.compile(r"\]\(([^)\s]+)")


def _event(event_id: str, sources: str, citations: int = 1, story: str = "") -> Event:
    cites = tuple(Citation(s, n, n + 1, "x", n) for s in sources for n in range(citations))
    return Event(event_id, event_id, "meeting", (), None, None, cites, story=story)


# ---------------------------------------------------------------- which events get a page


def test_an_event_gets_a_page_when_two_sources_report_it_or_it_leads_a_story_told_twice():
    events = [
        _event("shared", "ab"),                          # two sources: a page
        _event("minor", "a", 1, story="s1"),             # s1 is told by a and b ...
        _event("main", "b", 3, story="s1"),              # ... its most cited single-source event
        _event("alone", "c", 5, story="s2"),             # a story of one article: no page
        _event("loose", "d", 5),                         # outside any story: no page
    ]
    marked = {e.id: e.has_page for e in mark_event_pages(events, per_article=50)}
    assert marked == {"shared": True, "minor": False, "main": True, "alone": False, "loose": False}
    assert len(mark_event_pages(events, per_article=50)) == len(events)  # none dropped
    only_shared = {e.id for e in mark_event_pages(events, per_article=50, per_story=0) if e.has_page}
    assert only_shared == {"shared"}


@pytest.mark.parametrize("articles, pages", [
    (999, {"shared", "wide", "two", "one", "pair-lead"}),  # two sources, or lead a story two tell
    (1000, {"wide", "two"}),                               # three from 1,000 articles on
    (10_000, set()),                                       # four from 10,000
])
def test_the_event_threshold_grows_with_the_corpus_like_the_entity_threshold(articles, pages):
    events = [
        _event("shared", "ab"),                          # two sources, outside any story
        _event("wide", "abc"),                           # three sources
        _event("two", "de", 1, story="s3"),              # s3 is told by d, e and f; below three
        _event("one", "f", 1, story="s3"),               # sources "two" is its most cited event
        _event("pair-lead", "g", 2, story="s2"),         # s2 is told by g and h only
        _event("pair-minor", "h", 1, story="s2"),
    ]
    marked = mark_event_pages(events, per_article=50, articles=articles)
    assert {e.id for e in marked if e.has_page} == pages


def test_a_link_to_an_event_without_a_page_lands_on_its_row_of_the_right_index_page():
    stories = [Story(f"story-{n}", f"Story {n}", ("a",)) for n in (1, 2)]
    events = mark_event_pages([_event(f"m{n:03d}", "a", story=f"story-{1 + n // 3}") for n in range(5)]
                              + [_event("loose", "b")], 50)
    layout = index_layout(events, stories, size=3)  # story-1 fills a page; "loose" is a cut (checksum)
    assert layout.paths == ("events/pages/story-1.md", "events/pages/story-2.md", "events/pages/other-b.md")
    assert event_target(events[4], layout.page_of) == "events/pages/story-2.md#event-m004"
    assert event_target(events[5], layout.page_of) == "events/pages/other-b.md#event-loose"
    assert event_target(events[1]) == "events/index.md#event-m001"  # without a layout: the index
    assert index_layout(events, stories).paths == (EVENTS_INDEX,)  # all rows fit: one page


# ---------------------------------------------------------------- long lists split, rows found


def _big():
    briefing = large_briefing(1000)
    briefing.events = mark_event_pages(briefing.events, 50)
    return briefing


def _anchor_links(texts: dict[str, str]) -> list[tuple[str, str, str]]:
    """(page, target page, anchor) of every link to an event's row."""
    found = []
    for path, text in texts.items():
        for target in LINK.findall(text):
            if "#event-" in target:
                file, anchor = target.split("#")
                found.append((path, posixpath.normpath(posixpath.join(posixpath.dirname(path), file)),
                              anchor))
    return found


def test_events_index_and_timeline_are_split_and_every_row_link_lands_on_its_row():
    briefing = _big()
    pages = plan_pages(briefing, 1)
    texts = render_pages(pages, Linker(briefing))
    index_pages = [p for p in pages if p.template == "events_index.md.j2"]
    contents = next(p for p in pages if p.path == EVENTS_INDEX)
    assert contents.template == "events_contents.md.j2" and len(index_pages) > 1
    assert [s.path for s in contents.context.sheets] == [p.path for p in index_pages]
    listed = [e.id for p in index_pages for group in p.context.groups for e in group.events]
    assert sorted(listed) == sorted(e.id for e in briefing.events)  # each once, none lost
    timeline = [p for p in pages if p.template == "timeline.md.j2"]
    rows = [r for p in timeline for r in [*p.context.dated, *(r for g in p.context.undated for r in g[2])]]
    assert len(timeline) > 1 and len(rows) == len(briefing.events) + len(briefing.deadlines)
    assert max(len(t.encode()) for t in texts.values()) < MAX_PAGE
    links = _anchor_links(texts)
    assert len({target for _, target, _ in links}) > 2
    assert any(page.startswith("timeline") for page, _, _ in links)
    for page, target, anchor in links:
        assert f'<a id="{anchor}"></a>' in texts[target], (page, target, anchor)


def test_no_page_is_planned_for_an_event_the_policy_leaves_out():
    briefing = _big()
    paths = {p.path for p in plan_event_pages(briefing)}
    assert {e.id for e in briefing.events if f"events/{e.id}.md" in paths} == \
        {e.id for e in briefing.events if e.has_page}
    assert 0 < sum(e.has_page for e in briefing.events) < len(briefing.events)


def test_event_titles_stay_escaped_on_later_index_pages():
    briefing = _big()
    hostile = "Meeting *now* <script>x</script> [link](http://x.example)"
    last = briefing.events[-1]
    briefing.events[-1] = replace(last, title=hostile, has_page=False)
    texts = render_pages(plan_event_pages(briefing), Linker(briefing))
    page = next(path for path, text in texts.items() if f'id="event-{last.id}"' in text)
    assert page != EVENTS_INDEX
    assert r"Meeting \*now\* &lt;script&gt;x&lt;/script&gt; \[link\]\(http://x\.example\)" in texts[page]
    assert "<script>" not in texts[page]


# ---------------------------------------------------------------- stated days, Sources compared


def _disputed(briefing, n: int, days: tuple[tuple[str, str], ...]) -> Event:
    """An event of two sources whose reports attach ``days`` (words, value), one to each."""
    sources = briefing.sources[n:n + 2]
    cites = tuple(Citation(s.id, 0, 40, s.text[:40], 0) for s in sources)
    times = tuple((TimeExpression(0, 6, words, "DATE", value), cite)
                  for (words, value), cite in zip(days, cites, strict=True))
    return Event(f"visit-{n}", f"Visit {n}", "visit", (), None, None, cites,
                 tuple(t for t, _ in times), reported_times=times)


def test_the_event_page_and_sources_compared_share_one_test_of_differing_days():
    briefing = large_briefing(10)
    apart = _disputed(briefing, 0, (("Sunday", "XXXX-WXX-7"), ("Wednesday", "XXXX-WXX-3")))
    next_day = _disputed(briefing, 2, (("Aug 3", "2025-08-03"), ("Aug 4", "2025-08-04")))
    briefing.events, briefing.deadlines = [apart, next_day], []
    found = compare_context(briefing).disagreements
    assert [d.subject for d in found] == ["Visit 0"]
    assert [w for w, _ in day_versions(apart)] == ["“Wednesday”", "“Sunday”"]
    assert day_versions(next_day) == []


def test_sources_compared_is_split_with_the_matrix_on_its_first_page():
    briefing = large_briefing(DISAGREEMENTS_PER_PAGE + 12)
    days = (("Sunday", "XXXX-WXX-7"), ("Wednesday", "XXXX-WXX-3"))
    briefing.events = [_disputed(briefing, n, days) for n in range(DISAGREEMENTS_PER_PAGE + 10)]
    pages = plan_compare_page(briefing)
    assert [p.path for p in pages] == ["sources-compared.md", "sources-compared/pages/2.md"]
    assert sum(len(p.context.disagreements) for p in pages) == DISAGREEMENTS_PER_PAGE + 10
    texts = render_pages(pages, Linker(briefing))
    assert "## People" in texts["sources-compared.md"]
    assert "## People" not in texts["sources-compared/pages/2.md"]
    assert "## Where sources disagree" in texts["sources-compared/pages/2.md"]
    assert max(len(t.encode()) for t in texts.values()) < MAX_PAGE


def test_the_map_draws_the_most_mentioned_places_and_counts_the_rest(monkeypatch):
    from generator.model import Entity, Mention
    from generator.site.pages import figures

    briefing = large_briefing(10)
    places = [Entity(name.lower(), name, "place", (),
                     tuple(Mention("a0000", 0, 4, name, "GPE", 0) for _ in range(count)))
              for name, count in (("Paris", 1), ("Berlin", 3), ("Madrid", 2))]
    briefing.entities = [e for e in briefing.entities if e.type != "place"] + places
    monkeypatch.setattr(figures, "MAP_MARKERS", 2)
    page = next(p for p in figures.plan_figure_pages(briefing) if p.path == "map.md")
    assert [e.name for e in page.context.entities] == ["Berlin", "Madrid"] and page.context.more == 1
    assert "Paris (1 mention" not in page.context.svg and "Berlin (3 mentions" in page.context.svg
    text = render_pages([page], Linker(briefing))["map.md"]
    assert "And 1 more place, less often mentioned" in text and "(places/index.md)" in text


def test_the_appears_with_figure_is_drawn_for_people_named_in_two_sources_only():
    from generator.site.index import co_mentions, index_briefing
    from generator.site.pages.entities import entity_context
    from generator.site.pages.figures import people_graph

    briefing = large_briefing(300)
    person = max((e for e in briefing.entities if e.type == "person"),
                 key=lambda e: len({m.source for m in e.mentions}))
    first = person.mentions[0].source
    alone = replace(person, mentions=tuple(m for m in person.mentions if m.source == first))
    graph, index, related = people_graph(briefing), index_briefing(briefing), co_mentions(briefing)
    assert len({m.source for m in person.mentions}) >= 2
    assert entity_context(person, briefing, related[person.id], graph, index).neighbourhood
    assert not entity_context(alone, briefing, related[person.id], graph, index).neighbourhood
    assert entity_context(alone, briefing, related[person.id], graph, index).related  # still listed


def test_split_lists_build_strictly_with_every_row_anchor_found(tmp_path, monkeypatch):
    """MkDocs --strict, anchors validated: every link to a row of a later page finds it there."""
    import subprocess
    import sys

    from generator.site import event_policy
    from generator.site.pages import timeline

    monkeypatch.setattr(event_policy, "EVENT_ROWS_PER_PAGE", 8)
    monkeypatch.setattr(timeline, "TIMELINE_ROWS_PER_PAGE", 8)
    briefing = large_briefing(30)
    briefing.events = mark_event_pages(briefing.events, 50)
    texts = render_pages(plan_pages(briefing, 1), Linker(briefing))
    assert sum(p.startswith("events/pages/") for p in texts) > 3
    assert sum(p.startswith("timeline/pages/") for p in texts) > 4
    assert any("events/pages/story-" in text for path, text in texts.items() if path.startswith("timeline"))
    for path, text in texts.items():
        (tmp_path / "docs" / path).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "docs" / path).write_text(text, encoding="utf-8")
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: T\ntheme:\n  name: material\n  font: false\nplugins:\n  - tags\n"
        "markdown_extensions: [admonition, attr_list, md_in_html, tables]\n"
        "validation:\n  omitted_files: info\n  absolute_links: warn\n  unrecognized_links: warn\n"
        "  anchors: warn\n", encoding="utf-8")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=tmp_path,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Documentation built" in result.stderr


def test_the_deadlines_index_is_split_with_every_deadline_once():
    from generator.site.pages.deadlines import DEADLINE_ROWS_PER_PAGE, plan_deadline_pages

    briefing = large_briefing(2 * DEADLINE_ROWS_PER_PAGE + 50)  # a deadline every other article
    pages = [p for p in plan_deadline_pages(briefing) if p.template == "deadlines_index.md.j2"]
    assert [p.path for p in pages] == ["deadlines/index.md", "deadlines/pages/2.md"]
    listed = [row.deadline.id for p in pages for row in p.context.rows]
    assert sorted(listed) == sorted(d.id for d in briefing.deadlines)
    texts = render_pages(pages, Linker(briefing))
    assert max(len(t.encode()) for t in texts.values()) < MAX_PAGE
    assert "[previous](../index.md)" in texts["deadlines/pages/2.md"]


def test_event_rows_are_found_by_title_but_their_article_sentence_stays_out_of_search(seed_site):
    import json

    export = published_export(seed_site / "site")
    entries = json.loads((seed_site / "site" / "search" / "search_index.json").read_text())["docs"]
    rows = " ".join(e["text"] for e in entries if e["location"].startswith("events/#"))
    event = next(e for e in export["events"] if e["citations"])
    sentence = event["citations"][0]["text"].split(",")[0]  # words of the sentence the row shows
    assert event["title"] in rows and sentence not in rows
    index = (seed_site / "site" / "events" / "index.html").read_text()
    assert sentence in index  # shown on the page, only left out of the index


def test_what_changed_lists_at_most_fifty_rows_of_each_list_and_counts_the_rest():
    from generator.model import BuildSnapshot
    from generator.site.pages.changes import LIST_LIMIT, plan_changes_page

    briefing = large_briefing(LIST_LIMIT + 20)
    briefing.previous = BuildSnapshot("2025-01-01T00:00:00", {}, {}, frozenset(), frozenset(),
                                      frozenset(), {})  # a previous build with nothing in it
    page = plan_changes_page(briefing)
    assert len(page.context.added) == LIST_LIMIT and page.context.more["added"] == 20
    assert len(page.context.events) == LIST_LIMIT and page.context.more["events"] == 20
    text = render_pages([page], Linker(briefing))["changes.md"]
    assert "- … and 20 more" in text and len(re.findall(r"^- \[S\d+: ", text, re.MULTILINE)) == LIST_LIMIT


def test_the_sources_index_stays_out_of_search_but_source_pages_and_the_deadlines_index_do_not(seed_site):
    import json

    entries = json.loads((seed_site / "site" / "search" / "search_index.json").read_text())["docs"]
    folders = [e["location"].split("#")[0] for e in entries]
    assert "sources/" not in folders and "timeline/" not in folders
    assert any(f.startswith("sources/") and f != "sources/" for f in folders)
    assert any(f.startswith("deadlines/") and f != "deadlines/" for f in folders)
    assert "events/" in folders  # the Events index is searched: events without a page are rows only
    assert "deadlines/" in folders  # so is the Deadlines index: a deadline one source reports is a row
    index_text = " ".join(e["text"] for e in entries if e["location"].split("#")[0] == "deadlines/")
    export = published_export(seed_site / "site")
    assert export["deadlines"] and all(d["title"] in index_text for d in export["deadlines"])
    assert not any(d["status"] in index_text for d in export["deadlines"])  # status cells left out


def test_the_export_points_each_event_at_the_index_page_holding_its_row():
    briefing = _big()
    exported = {e["id"]: e["page"] for e in to_dict(briefing)["events"]}
    pages = plan_pages(briefing, 1)
    texts = render_pages(pages, Linker(briefing))
    later = [target for target in exported.values() if target.startswith("events/pages/")]
    assert later  # some rows live past the first index page
    for event in briefing.events:
        target, _, anchor = exported[event.id].partition("#")
        assert f'<a id="{anchor}"></a>' in texts[target] if anchor else target in texts


def test_an_event_page_links_its_story_to_the_index_page_listing_the_story():
    briefing = _big()
    pages = plan_event_pages(briefing)
    event = next(e for e in briefing.events[len(briefing.events) // 2:] if e.has_page and e.story)
    page = next(p for p in pages if p.path == f"events/{event.id}.md")
    holding = index_layout(briefing.events, briefing.stories).page_of[event.id]
    assert holding.startswith("events/pages/") and page.context.story_page == holding
    text = render_pages([page], Linker(briefing))[page.path]
    assert f"]({posixpath.relpath(holding, 'events')})”" in text
