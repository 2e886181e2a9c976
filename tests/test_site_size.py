"""Site size bounds (issue 13): paginated lists, a lean search index, no per-page log lines."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from dataclasses import replace

from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Entity,
    Event,
    Mention,
    Role,
    Sentence,
    Source,
    Story,
)
from generator.site.linker import Linker
from generator.site.pages.entities import CITE_LIMIT, LIST_LIMIT, plan_entity_pages
from generator.site.pages.paging import ROWS_PER_PAGE, Pager, page_paths, split_rows
from generator.site.pages.report import plan_report_pages
from generator.site.pages.sources import plan_source_pages
from generator.site.pages.tags import plan_tags_pages, story_runs
from generator.site.render import render_pages
from tests.sitecheck import published_export

MAX_PAGE = 200 * 1024


def test_pages_of_a_list_link_their_neighbours():
    paths = page_paths("people/index.md", 3)
    assert paths == ("people/index.md", "people/pages/2.md", "people/pages/3.md")
    assert (Pager(1, paths).previous, Pager(1, paths).next) == ("", "people/pages/2.md")
    assert (Pager(3, paths).previous, Pager(3, paths).next) == ("people/pages/2.md", "")
    assert split_rows(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert split_rows([], 2) == [[]]


def crowd(count: int) -> Briefing:
    """``count`` people with a role, each named in two sources, and a story per source."""
    sources = [Source(f"src{n}", f"src{n}.txt", "ok", title=f"Report {n}", text="x" * 40)
               for n in range(count)]
    people = [Entity(f"person-{n:04d}", f"Person {n:04d}", "person", (f"Alias {n:04d}",),
                     tuple(Mention(f"src{(n + k) % count}", 0, 5, "Name", "person", sentence=0)
                           for k in range(2)),
                     roles=(Role("harbour master", Citation(f"src{n}", 0, 5, "Name", 0)),),
                     has_page=False)  # listed only: the index pages are what is measured
              for n in range(count)]
    stories = [Story(f"story-{n + 1}", f"Story title {n}", (f"src{n}",)) for n in range(count)]
    analyses = {s.id: ArticleAnalysis(s.id, "h", (Sentence(0, 0, 40, 0),), ()) for s in sources}
    return Briefing("t", sources, analyses, entities=people, stories=stories)


def test_a_long_entity_index_is_split_and_every_page_stays_under_the_bound():
    briefing = crowd(2 * ROWS_PER_PAGE + 5)
    pages = [p for p in plan_entity_pages(briefing, 1) if p.template == "entity_index.md.j2"
             and p.context.entity_type == "person"]
    assert [p.path for p in pages] == list(page_paths("people/index.md", 3))
    listed = [row.entity.id for p in pages for row in p.context.rows]
    assert sorted(listed) == sorted(e.id for e in briefing.entities)  # each once, none lost
    texts = render_pages(pages, Linker(briefing))
    assert max(len(t.encode()) for t in texts.values()) < MAX_PAGE
    second = texts["people/pages/2.md"]
    assert "[previous](../index.md)" in second and "[next](3.md)" in second


def test_tags_pages_list_stories_only_once_the_site_outgrows_one_page():
    small = plan_tags_pages(crowd(3))
    assert [p.path for p in small] == ["tags.md"] and small[0].context.listing == {}
    big = crowd(ROWS_PER_PAGE + 10)
    pages = plan_tags_pages(big)
    assert len(pages) == 2 and pages[1].path == "tags/pages/2.md"
    included = [tag for p in pages for tag in p.context.listing["include"]]
    assert included == [f"Story {n + 1}" for n in range(len(big.stories))]


def test_a_story_is_never_split_across_tags_pages():
    briefing = crowd(4)
    briefing.events = [Event(f"e{n}", "Visit", "visit", (), None, None, (), story="story-2")
                       for n in range(5)]
    runs = story_runs(briefing, size=4)
    assert [[s.id for s in run] for run in runs] == [["story-1"], ["story-2"], ["story-3", "story-4"]]


def search_entries(seed_site) -> list[dict]:
    return json.loads((seed_site / "site" / "search" / "search_index.json").read_text())["docs"]


def test_search_keeps_source_titles_and_aliases_but_not_the_article_text(seed_site):
    export = published_export(seed_site / "site")
    entries = search_entries(seed_site)
    text = " ".join(e["title"] + " " + e["text"] for e in entries)
    source = next(s for s in export["sources"] if s["status"] == "ok")
    page = [e for e in entries if e["location"].startswith(f"sources/{source['id']}/")]
    assert page and source["title"].split()[0] in page[0]["title"]
    body = re.sub(r"\s+", " ", source["text"]).strip().split(". ")[1]  # a sentence of the text
    assert body not in " ".join(e["text"] for e in page)
    aliased = [e for e in export["entities"] if e["page"] and e["aliases"]]
    assert aliased and all(alias in text for e in aliased for alias in e["aliases"])


def test_figures_are_drawn_on_their_pages_but_kept_out_of_the_search_index(seed_site):
    graph = next(e for e in search_entries(seed_site) if e["location"] == "graph/")
    assert "sentences together" not in graph["text"] and "Who appears with whom" in graph["text"]
    html = (seed_site / "site" / "graph" / "index.html").read_text(encoding="utf-8")
    assert "class=briefing-graph" in html and "sentences together" in html
    assert "briefing-figure-" not in html  # no placeholder left behind


def test_mkdocs_logs_no_line_per_page_outside_the_nav(seed_site, tmp_path):
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--site-dir", str(tmp_path / "site")],
                            cwd=seed_site, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "not included in the" not in result.stderr
    assert "Documentation built" in result.stderr  # the log was captured


def test_an_entity_named_everywhere_gets_a_page_of_bounded_size():
    count = 3 * LIST_LIMIT
    text = "Mara Quill, the harbour master, spoke again."
    sources = [Source(f"s{n:03d}", f"s{n:03d}.txt", "ok", title=f"Report {n}", text=text)
               for n in range(count)]
    analyses = {s.id: ArticleAnalysis(s.id, "h", (Sentence(0, 0, len(text), 0),), ()) for s in sources}
    mentions = tuple(Mention(s.id, 0, 10, "Mara Quill", "person", sentence=0) for s in sources)
    roles = tuple(Role(f"harbour master {n}", Citation(s.id, 12, 32, "the harbour master", 0))
                  for n, s in enumerate(sources))
    person = Entity("mara-quill", "Mara Quill", "person", (), mentions, roles)
    briefing = Briefing("t", sources, analyses, entities=[person])
    page = next(p for p in plan_entity_pages(briefing, 1) if p.path == "people/mara-quill.md")
    assert len(page.context.mention_rows) == LIST_LIMIT
    assert page.context.more == {"roles": count - LIST_LIMIT, "mention_rows": count - LIST_LIMIT}
    assert all(len({c.source for c in s.citations}) <= CITE_LIMIT for s in page.context.summary)
    rendered = render_pages([page], Linker(briefing))["people/mara-quill.md"]
    assert f"and {count - LIST_LIMIT} more sources" in rendered
    assert len(rendered.encode()) < MAX_PAGE


def test_the_sources_index_and_the_build_report_are_split_with_every_file_once():
    briefing = crowd(ROWS_PER_PAGE + 5)
    briefing.sources.append(Source("broken", "broken.bin", "skipped", error="binary file"))
    indexes = [p for p in plan_source_pages(briefing) if p.template == "source_index.md.j2"]
    assert [p.path for p in indexes] == ["sources/index.md", "sources/pages/2.md"]
    assert sum(len(p.context.sources) for p in indexes) == len(briefing.sources)
    reports = plan_report_pages(briefing)
    assert [p.path for p in reports] == ["report.md", "report/pages/2.md"]
    files = [s.path for p in reports for s in p.context.files]
    assert files[0] == "broken.bin" and sorted(files) == sorted(s.path for s in briefing.sources)
    texts = render_pages(indexes + reports, Linker(briefing))
    assert max(len(t.encode()) for t in texts.values()) < MAX_PAGE
    assert "## Warnings" in texts["report.md"] and "## Warnings" not in texts["report/pages/2.md"]


def test_capped_citations_show_one_link_per_source_and_count_the_other_sources():
    briefing = crowd(8)
    linker = Linker(briefing)
    citations = [Citation(f"src{n % 7}", 0, 5, "Name", 0) for n in range(14)]  # 7 sources, each twice
    capped = str(linker.cites(citations, "index.md", limit=5))
    assert capped.count("](") == 5 and capped.endswith(" and 2 more")
    assert str(linker.cites(citations, "index.md")).count("](") == 7
    assert "more" not in str(linker.cites(citations[:5], "index.md", limit=5))


def test_a_cited_sentence_shown_beside_its_link_is_not_repeated_as_its_hover_title():
    briefing = crowd(3)
    briefing.sources = [replace(s, text="Ann met Bo in Oslo. Bo left.") for s in briefing.sources]
    briefing.analyses = {s.id: ArticleAnalysis(s.id, "h", (Sentence(0, 0, 19, 0), Sentence(1, 20, 28, 1)), ())
                         for s in briefing.sources}
    linker = Linker(briefing)
    whole, part, other = Citation("src0", 0, 19, "Ann met Bo in Oslo.", 0), Citation("src0", 0, 7, "Ann met", 0), \
        Citation("src1", 20, 28, "Bo left.", 1)
    shown_whole = str(linker.cites([whole, other], "index.md", shown=whole))
    assert '#s-0)' in shown_whole and '"Bo left."' in shown_whole  # the other source keeps its hover
    assert '"Ann met Bo in Oslo."' in str(linker.cites([part, other], "index.md", shown=part))  # only part shown
    assert '"Ann met Bo in Oslo."' not in str(linker.cites([whole], "index.md", shown="Ann met Bo in Oslo."))
