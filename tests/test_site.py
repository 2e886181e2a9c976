"""End to end: the seeds built with `mkdocs build --strict`, then the site checked."""

from __future__ import annotations

import gzip
import json
import re
import subprocess
import sys

import pytest
import yaml

from generator.mkdocs_plugin.export_file import CompressedExport
from tests.conftest import make_project
from tests.sitecheck import broken_links, parse, published_export

pytestmark = pytest.mark.model


def nav_files(nav):
    for item in nav:
        if isinstance(item, str):
            yield item
        else:
            for value in item.values():
                yield from (nav_files(value) if isinstance(value, list) else [value])


def test_every_nav_page_exists(seed_site):
    config = yaml.safe_load((seed_site / "mkdocs.yml").read_text().replace("!!python", "#"))
    for md in nav_files(config["nav"]):
        assert (seed_site / "docs" / md).is_file(), md
        html = md.removesuffix("index.md").removesuffix(".md")
        built = seed_site / "site" / html / "index.html" if html else seed_site / "site" / "index.html"
        assert built.is_file(), built


def test_every_internal_link_and_sentence_anchor_resolves(seed_site):
    assert broken_links(seed_site / "site") == []


def test_each_source_has_a_page_with_sentence_anchors(seed_site):
    seeds = sorted(p.stem for p in (seed_site / "seeds").glob("*.txt"))
    assert len(seeds) == 5
    for stem in seeds:
        page = seed_site / "site" / "sources" / stem / "index.html"
        ids = parse(page).ids
        assert {"s-0", "s-1", "s-2"} <= ids, stem


def test_citations_point_at_existing_sentences(seed_site):
    page = seed_site / "site" / "people" / "steve-witkoff" / "index.html"
    cites = [h for h in parse(page).links if "#s-" in h]
    assert len(cites) >= 5
    assert not broken_links(seed_site / "site")


def test_people_index_lists_the_people(seed_site):
    text = (seed_site / "docs" / "people" / "index.md").read_text()
    for name in ("Steve Witkoff", "Donald Trump", "Vladimir Putin", "Matthew Whitaker"):
        assert name in text


def test_site_publishes_the_export_compressed_byte_for_byte(seed_site):
    published = (seed_site / "site" / "data" / "briefing.json.gz").read_bytes()
    assert gzip.decompress(published) == (seed_site / "docs" / "data" / "briefing.json").read_bytes()
    assert not (seed_site / "site" / "data" / "briefing.json").exists()
    assert published[4:8] == b"\0\0\0\0"  # no time stamp: an unchanged export gives the same file


def test_compressed_export_is_made_again_only_when_the_export_changes(tmp_path):
    export = tmp_path / "briefing.json"
    export.write_text('{"a": 1}')
    published = CompressedExport()
    first = published.compressed(export)
    assert published.compressed(export) is first  # kept while the file is unchanged
    export.write_text('{"a": 22}')
    assert gzip.decompress(published.compressed(export)) == b'{"a": 22}'
    assert gzip.decompress(first) == b'{"a": 1}'


def test_export_validates_against_its_schema(seed_site):
    import jsonschema

    data = published_export(seed_site / "site")
    schema = json.loads((seed_site / "site" / "data" / "briefing.schema.json").read_text())
    jsonschema.validate(data, schema)
    texts = {s["id"]: s["text"] for s in data["sources"]}
    for entity in data["entities"]:
        for m in entity["mentions"] + entity["roles"]:
            assert texts[m["source"]][m["start"]:m["end"]] == m["text"]
    assert {s["status"] for s in data["sources"]} == {"ok"}
    assert all(s["id"] + ".txt" == s["path"] for s in data["sources"])


def test_site_search_index_finds_aliases(seed_site):
    index = json.loads((seed_site / "site" / "search" / "search_index.json").read_text())
    page = next(d for d in index["docs"] if d["location"] == "people/steve-witkoff/")
    assert "Witkoff" in page["text"]


def live_elements(html: str) -> list[tuple[str, dict]]:
    """Every element the browser would create: (tag, attributes)."""
    from html.parser import HTMLParser

    class Collect(HTMLParser):
        found: list = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    parser = Collect()
    parser.found = []
    parser.feed(html)
    return parser.found


HOSTILE = (
    "Officials <script>alert('x')</script> met {{ 7*7 }} and {% raw %} in **Paris** today.\n"
    "[click](javascript:alert(1)) <img src=x onerror=alert(2)> # not a heading | a | b |\n"
)


def test_hostile_article_text_is_escaped(tmp_path):
    root = make_project(tmp_path, seeds=None)
    (root / "seeds").mkdir()
    (root / "seeds" / "evil.txt").write_text(HOSTILE)
    (root / "seeds" / "broken.txt").write_bytes(b"\x00\x01binary")
    (root / "mkdocs.yml").write_text("site_name: T\ntheme:\n  name: material\n  font: false\nplugins:\n  - briefing\n  - search\n")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-2000:]
    html = (root / "site" / "sources" / "evil" / "index.html").read_text()
    elements = live_elements(html)
    assert not [a for tag, a in elements if any(name.startswith("on") for name in a)]
    assert not [a for tag, a in elements if (a.get("href") or "").startswith("javascript")]
    assert not [t for t, a in elements if t == "img"]
    assert "<script>alert" not in html
    assert "{{ 7*7 }}" in html and "<strong>Paris" not in html
    assert "&lt;script&gt;" in html
    report = (root / "site" / "report" / "index.html").read_text()
    assert "broken.txt" in report and "binary file" in report


def test_hand_written_pages_are_kept_and_stale_pages_removed(tmp_path):
    from generator.publish.writer import write_files

    docs = tmp_path / "docs"
    (docs / "people").mkdir(parents=True)
    (docs / "people" / "mine.md").write_text("# My notes\n")
    first = write_files(docs, {"people/mine.md": "generated", "people/old.md": "x", "index.md": "home"})
    assert (docs / "people" / "mine.md").read_text() == "# My notes\n"
    assert [w.source for w in first.warnings] == ["people/mine.md"]
    second = write_files(docs, {"index.md": "home"})
    assert not (docs / "people" / "old.md").exists() and second.removed == ["people/old.md"]
    assert second.unchanged == ["index.md"]
    assert (docs / "people" / "mine.md").exists()


def test_pages_the_caller_found_current_are_kept_owned_and_not_rewritten(tmp_path):
    from generator.publish.writer import read_manifest, write_files

    docs = tmp_path / "docs"
    write_files(docs, {"people/a.md": "a", "people/b.md": "b", "index.md": "home"})
    (docs / "people" / "a.md").chmod(0o444)  # a write would replace it; a read would not matter
    before = (docs / "people" / "a.md").stat().st_mtime_ns
    again = write_files(docs, {"index.md": "home, new"}, current=["people/a.md"])
    assert again.written == ["index.md"] and again.removed == ["people/b.md"]
    assert again.unchanged == ["people/a.md"]
    assert read_manifest(docs) == {"people/a.md", "index.md"}
    assert (docs / "people" / "a.md").stat().st_mtime_ns == before
    third = write_files(docs, {"index.md": "home, new"})  # no longer generated: removed
    assert third.removed == ["people/a.md"] and not (docs / "people" / "a.md").exists()


def test_generated_markdown_marks_itself(seed_site):
    text = (seed_site / "docs" / "people" / "steve-witkoff.md").read_text()
    assert re.match(r"---\ntitle: Steve Witkoff\ngenerated_by: briefing\n", text)


def test_graph_and_map_links_resolve(seed_site):
    for page in ("graph", "map", "people/steve-witkoff"):
        links = [h for h in parse(seed_site / "site" / page / "index.html").links if "people/" in h or "places/" in h]
        assert links, page
    assert not broken_links(seed_site / "site")


def test_tags_page_lists_each_story_with_its_event_pages(seed_site):
    export = published_export(seed_site / "site")
    stories = export["stories"]
    with_page = {e["id"] for e in export["events"] if "#" not in e["page"]}  # the rest are index rows
    page = (seed_site / "site" / "tags" / "index.html").read_text()
    sections = {}
    for chunk in page.split("<h2")[1:]:
        heading, _, rest = chunk.partition("</h2>")
        sections[re.sub(r"<[^>]+>", "", heading.partition(">")[2]).strip()] = rest.split("<h2")[0]
    assert {"Event", "Source", "Person", "Place"} <= set(sections)
    assert [s for s in stories if s["events"]]
    for story in stories:
        tag = "Story " + story["id"].rsplit("-", 1)[-1]
        links = re.findall(r'href="?\.\./events/([^/"]+)/', sections[tag])
        assert set(links) == set(story["events"]) & with_page, story["title"]
        assert all(s in sections[tag] for s in story["sources"])


def test_comparison_matrix_keeps_only_the_newest_sources():
    import datetime as dt

    from generator.model import Source
    from generator.site.pages.compare import newest

    sources = [Source(f"s{n}", f"s{n}.txt", "ok", published=dt.date(2025, 1, 1 + n % 5)) for n in range(10)]
    sources.append(Source("undated", "undated.txt", "ok"))
    kept = newest(sources, 3)
    assert [s.id for s in kept] == ["s4", "s8", "s9"]
    assert newest(sources[:2], 3) == sources[:2]
