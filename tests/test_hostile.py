"""Hostile input end to end: ingest -> build -> ``mkdocs build --strict`` -> export -> PDF.

One shared build reads every file of ``tests/hostile_corpus.py`` from one seeds
folder; a few cases that need a folder of their own are built alone. The
standards checked: the build finishes; every file is on the site or on the
build report with its reason; nothing from an article is live markup in any
page or in the search index; links resolve; the export validates and its
offsets hold; unsafe file names get safe ids while the export keeps the name.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from generator.config import load_config
from generator.ingest.read import ingest
from generator.ingest.source_ids import is_safe_id, slug_id
from generator.pipeline import build
from generator.site.markup import md_escape
from tests.conftest import REPO, make_project
from tests.hostile_corpus import BODY, EXPECTED_SKIPS, article, write_hostile_seeds
from tests.sitecheck import Html5Parser, broken_links, published_export

LIVE_TAGS = {"iframe", "img", "object", "embed", "frame", "base", "style", "meta", "link"}
HEAD_TAGS = {"meta", "link", "style"}
"""Of LIVE_TAGS, those the theme (or the print stylesheet) may put in the page head."""
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "srcdoc"}
THEME_LOGO = "assets/images/logo.svg"
"""The image the theme itself prints in every page's header and navigation (``theme.logo``)."""


class _Elements(Html5Parser):
    """Every element a browser would create, with the text of scripts."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[str, dict, list[str]]] = []
        self.in_body = False

    def handle_starttag(self, tag, attrs):
        self.in_body = self.in_body or tag == "body"
        self.found.append((tag, dict(attrs), [str(self.in_body)]))

    def handle_data(self, data):
        if self.found and self.found[-1][0] == "script":
            self.found[-1][2].append(data)


def live_markup(html: str) -> list[str]:
    """What in ``html`` could run or load something that the theme does not put there itself."""
    parser = _Elements()
    parser.feed(html)
    bad = []
    for tag, attrs, (in_body, *script) in parser.found:
        theme_logo = (tag == "img" and attrs.get("alt") == "logo"
                      and re.fullmatch(r"/?(\.\./)*" + re.escape(THEME_LOGO), attrs.get("src", "")))
        if tag in LIVE_TAGS and (in_body == "True" or tag not in HEAD_TAGS) and not theme_logo:
            bad.append(f"<{tag}> {attrs}")
        if tag == "script" and ("alert" in "".join(script)
                                or "assets/javascripts" not in attrs.get("src", "assets/javascripts")):
            bad.append(f"<script> {attrs} {''.join(script)[:80]}")
        bad += [f"<{tag} {name}={value!r}>" for name, value in attrs.items()
                if name.startswith("on") or (name in URL_ATTRIBUTES and re.match(
                    r"\s*(javascript|data|vbscript):", value or "", re.I))]
    return bad


def mkdocs_project(root: Path) -> Path:
    """The repository's mkdocs.yml, theme overrides and guide in ``root``."""
    mkdocs_yml = (REPO / "mkdocs.yml").read_text().replace("custom_dir: site_templates/overrides",
                                                           "custom_dir: overrides")
    (root / "mkdocs.yml").write_text(mkdocs_yml)
    (root / "briefing.yml").write_text("title: Hostile <script>alert(0)</script>\n"
                                       "min_mentions_for_page: 1\n")
    shutil.copytree(REPO / "site_templates" / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs" / "guide", root / "docs" / "guide")
    return root


def build_site(root: Path):
    """``pipeline.build`` then ``mkdocs build --strict``; returns the BuildResult."""
    result = build(load_config(root=root), warn=lambda message: None)
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stderr[-3000:]
    return result


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """(project root, BuildResult, entry names) of the whole hostile corpus built once."""
    root = mkdocs_project(make_project(tmp_path_factory.mktemp("hostile"), seeds=None))
    names = write_hostile_seeds(root / "seeds")
    return root, build_site(root), names


@pytest.fixture(scope="module")
def export(hostile):
    root = hostile[0]
    return published_export(root / "site")


# ---------------------------------------------------------------- every file accounted for


@pytest.mark.model
def test_every_entry_is_on_the_site_or_on_the_report(hostile):
    root, result, names = hostile
    by_path = {s.path: s for s in result.briefing.sources}
    assert sorted(by_path) == names, "one Source per entry of the seeds folder"
    report = (root / "docs" / "report.md").read_text(encoding="utf-8")
    for name, source in by_path.items():
        assert md_escape(name) in report, name
        if source.status == "ok":
            assert (root / "site" / "sources" / source.id / "index.html").is_file(), name
        else:
            assert source.error and md_escape(source.error) in report, name


@pytest.mark.model
@pytest.mark.parametrize("name, reason", sorted(EXPECTED_SKIPS.items()))
def test_bad_entries_are_skipped_with_their_reason(hostile, name, reason):
    source = next(s for s in hostile[1].briefing.sources if s.path == name)
    if reason:
        assert source.status == "skipped" and reason in source.error


@pytest.mark.model
@pytest.mark.parametrize("name", ["utf16.txt", "utf8-bom.txt", "crlf.txt", "lone-cr.txt",
                                  "script.html", "bidi-title.md", "script-title.md", "jinja.txt",
                                  "markdown-syntax.md", "mkdocs-syntax.txt", "entities.txt",
                                  "inside-link.txt"])
def test_odd_but_readable_articles_are_read(hostile, name):
    source = next(s for s in hostile[1].briefing.sources if s.path == name)
    assert source.status == "ok", source.error
    assert "\r" not in source.text and "\ufeff" not in source.text
    assert "Geneva" in source.text


@pytest.mark.model
def test_too_long_article_is_skipped_not_analysed(hostile):
    source = next(s for s in hostile[1].briefing.sources if s.path == "huge.txt")
    assert source.status == "skipped" and "too long" in source.error


@pytest.mark.model
def test_yaml_alias_bomb_title_is_ignored_with_a_note(hostile):
    source = next(s for s in hostile[1].briefing.sources if s.path == "yaml-bomb.md")
    assert source.status == "ok" and len(source.title) < 200
    assert any("'title' is a list" in w.message for w in hostile[1].briefing.warnings)


@pytest.mark.model
def test_a_list_as_sources_yml_is_a_warning(hostile):
    assert any(w.source == "sources.yml" and "ignored" in w.message
               for w in hostile[1].briefing.warnings)


@pytest.mark.model
def test_nothing_outside_the_seeds_folder_is_read(hostile):
    root = hostile[0]
    passwd = Path("/etc/passwd").read_text().splitlines()[0]
    for path in (root / "site").rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".md", ".xml"}:
            assert passwd not in path.read_text(encoding="utf-8", errors="replace"), path


# ---------------------------------------------------------------- ids, paths and links


@pytest.mark.model
def test_unsafe_file_names_get_safe_ids_and_keep_their_name(hostile, export):
    sources = {s["path"]: s for s in export["sources"]}
    for path, source in sources.items():
        assert is_safe_id(source["id"]), path
        if source["page"]:
            assert source["page"] == f"sources/{source['id']}.md"
    for safe in ("dot.name.v2.txt", "CASE.txt", "crlf.txt", "script.html"):
        assert sources[safe]["id"] == safe.rsplit(".", 1)[0]
    for unsafe in ("with space.txt", "hash#tag.txt", "what?.txt", "index.txt", "case.txt",
                   "-leading-dash.txt", "per%20cent%2F.txt", "zero\u200bwidth\u202eevil.txt"):
        assert sources[unsafe]["id"] == slug_id(unsafe), unsafe
    assert len({s["id"].lower() for s in sources.values()}) == len(sources), "no case-twins"


@pytest.mark.model
def test_every_link_and_anchor_resolves(hostile):
    assert broken_links(hostile[0] / "site") == []


# ---------------------------------------------------------------- nothing runs


@pytest.mark.model
def test_no_live_markup_from_article_text_in_any_page(hostile):
    site = hostile[0] / "site"
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 30
    found = {str(p.relative_to(site)): bad for p in pages if (bad := live_markup(p.read_text()))}
    assert found == {}


@pytest.mark.model
def test_no_live_markup_in_the_search_index(hostile):
    index = json.loads((hostile[0] / "site" / "search" / "search_index.json").read_text())
    found = [(doc["location"], bad) for doc in index["docs"]
             if (bad := live_markup(doc["title"] + doc["text"]))]
    assert found == []


@pytest.mark.model
def test_template_and_mkdocs_syntax_stays_literal(hostile):
    site = hostile[0] / "site" / "sources"
    jinja = (site / "jinja" / "index.html").read_text()
    assert "{{ 7*7 }}" in jinja and "{% for x in range(3) %}" in jinja and "{# comment #}" in jinja
    syntax = (site / "mkdocs-syntax" / "index.html").read_text()
    assert "--8&lt;--" in syntax and "root:x:" not in syntax
    assert 'class="admonition' not in syntax and "[TOC]" in syntax
    assert ":material-alert:" in syntax and "md-button" not in re.sub(r"[^<]*md-button[^<]*<", "", syntax)


@pytest.mark.model
def test_bidi_overrides_do_not_reach_the_page(hostile):
    page = (hostile[0] / "site" / "sources" / "bidi-title" / "index.html").read_text()
    assert "\u202e" not in page and "eurt si siht" in page


# ---------------------------------------------------------------- export


@pytest.mark.model
def test_export_validates_and_offsets_hold(hostile, export):
    import jsonschema

    schema = json.loads((REPO / "generator" / "schema" / "briefing.schema.json").read_text())
    jsonschema.validate(export, schema)
    texts = {s["id"]: s["text"] for s in export["sources"]}
    spans = [m for e in export["entities"] for m in e["mentions"] + e["roles"]]
    spans += [c for ev in export["events"] for c in ev["citations"]]
    spans += [c for q in export["quotes"] for c in q["citations"]]
    spans += [r for d in export["deadlines"] for r in d["reports"]]
    assert len(spans) > 50
    for span in spans:
        assert texts[span["source"]][span["start"]:span["end"]] == span["text"], span


# ---------------------------------------------------------------- PDF


@pytest.mark.model
def test_pdf_of_the_hostile_corpus(hostile, tmp_path):
    from pypdf import PdfReader

    from generator.pipeline import collect, write_pdf
    from generator.publish.pdf import render_html

    config = load_config(root=hostile[0])
    assert live_markup(render_html(collect(config, warn=lambda m: None))) == []
    pdf = write_pdf(config, tmp_path / "hostile.pdf", full=True)  # every source and entity
    text = re.sub(r"[\x00\s]", "", "".join(page.extract_text() for page in PdfReader(pdf).pages))
    assert "MariaLopez" in text
    assert "<script>alert(1)</script>" in text, "shown as text, not dropped"


# ---------------------------------------------------------------- folders of their own


@pytest.mark.model
@pytest.mark.parametrize("files", [
    {"index.md": article("Talks in a file called index")},
    {"README.txt": article("Talks in a readme"), "readme.md": article("Talks in a readme twin")},
    {"only-bad.txt": b"\x00\x01binary", "what?.md": article("Talks with a question mark")},
])
def test_single_case_builds(tmp_path, files):
    root = mkdocs_project(make_project(tmp_path, seeds=None))
    (root / "seeds").mkdir()
    for name, data in files.items():
        (root / "seeds" / name).write_bytes(data)
    result = build_site(root)
    assert {s.path for s in result.briefing.sources} == set(files)
    for source in result.briefing.sources:
        ok = (root / "site" / "sources" / source.id / "index.html").is_file()
        assert ok == (source.status == "ok"), source
    assert broken_links(root / "site") == []


def _unreadable(monkeypatch, name: str) -> None:
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path.name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)


@pytest.mark.parametrize("name, make, reason", [
    ("locked.txt", lambda p: p.write_bytes(article("x")), "Permission denied"),
    ("fifo.txt", lambda p: os.mkfifo(p), "not a regular file"),
    (".hidden.txt", lambda p: p.write_bytes(article("x")), "hidden file"),
    ("sub.md", lambda p: p.mkdir(), "a folder"),
])
def test_entries_that_are_not_readable_articles(tmp_path, monkeypatch, name, make, reason):
    (tmp_path / "good.txt").write_bytes(article("Good"))
    make(tmp_path / name)
    _unreadable(monkeypatch, "locked.txt")  # chmod 000 does not stop root, who runs the tests
    sources, warnings = ingest(tmp_path)
    bad = next(s for s in sources if s.path == name)
    assert bad.status == "skipped" and reason in bad.error
    assert next(s for s in sources if s.path == "good.txt").status == "ok"
    assert [w.source for w in warnings] == [name]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads a chmod 000 file; "
                    "test_entries_that_are_not_readable_articles simulates it")
def test_a_file_without_read_permission_is_skipped(tmp_path):
    (tmp_path / "good.txt").write_bytes(article("Good"))
    (tmp_path / "locked.txt").write_bytes(article("Locked"))
    (tmp_path / "locked.txt").chmod(0)
    sources, _ = ingest(tmp_path)
    assert [(s.path, s.status) for s in sources] == [("good.txt", "ok"), ("locked.txt", "skipped")]
    assert "Permission denied" in sources[1].error


@pytest.mark.parametrize("sidecar, expected", [
    (b"- a list\n", "expected file name -> mapping"),
    (b"good.txt: {title: [unclosed\n", "metadata ignored"),
    (b"good.txt: !!python/object/apply:os.system ['echo x']\n", "metadata ignored"),
    (b"missing.txt: {title: Gone}\n", "no such file"),
    (b"good.txt: {title: [a, b]}\n", "'title' is a list"),
])
def test_bad_sources_yml_is_a_warning_and_the_build_goes_on(tmp_path, sidecar, expected):
    (tmp_path / "good.txt").write_bytes(article("Good"))
    (tmp_path / "sources.yml").write_bytes(sidecar)
    sources, warnings = ingest(tmp_path)
    assert [s.status for s in sources] == ["ok"]
    assert any(expected in w.message for w in warnings), warnings


# ---------------------------------------------------------------- unit rules


@pytest.mark.parametrize("stem, taken, safe", [
    ("000_09cc2c73f72bfd97", [], True),
    ("dot.name.v2", [], True),
    ("CASE", [], True),
    ("case", ["CASE"], False),
    ("index", [], False),
    ("Readme", [], False),
    ("nul", [], False),
    ("with space", [], False),
    ("hash#tag", [], False),
    ("what?", [], False),
    ("per%20", [], False),
    ("-dash", [], False),
    (".hidden", [], False),
    ("trailing.", [], False),
    ("unicodé", [], False),
    ("x" * 81, [], False),
    ("", [], False),
])
def test_safe_id_rule(stem, taken, safe):
    assert is_safe_id(stem, taken) is safe


def test_slug_ids_are_safe_stable_and_distinct():
    names = ["with space.txt", "with space.md", "日本語.txt", "#.txt", "a" * 300 + ".txt"]
    slugs = [slug_id(n) for n in names]
    assert all(is_safe_id(s) for s in slugs) and len(set(slugs)) == len(slugs)
    assert slugs == [slug_id(n) for n in names]
    assert slug_id("日本語.txt").startswith("source-")


def test_display_text_drops_bidi_overrides_but_keeps_the_words():
    assert md_escape("a\u202eb\u2066c\u202c") == "abc"
    assert md_escape("a\x1b[31mb\x07\x7f\x0bc") == "a\\[31mb c"
    assert md_escape(BODY.split(".")[0]) .startswith("Foreign ministers")


@pytest.mark.parametrize("html, bad", [
    ('<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>', False),
    ('<a href="../x/" title="&lt;img onerror=alert(1)&gt;">x</a>', False),
    ('<script src="assets/javascripts/bundle.js"></script>', False),
    ("<p><script>alert(1)</script></p>", True),
    ('<a href=" JavaScript:alert(1)">x</a>', True),
    ('<a href="data:text/html,x">x</a>', True),
    ('<span onclick="x">y</span>', True),
    ("<body><img src=x></body>", True),
    ("<body><style>*{}</style></body>", True),
])
def test_live_markup_finds_what_would_run(html, bad):
    assert bool(live_markup(html)) is bad


def test_an_entity_named_like_a_section_index_gets_its_own_page_name():
    from generator.knowledge.names import slugify
    from generator.site.markup import entity_page

    assert slugify("Index") == "index-1" and slugify("Indexes") == "indexes"
    assert entity_page("person", slugify("Index")) != "people/index.md"


@pytest.mark.parametrize("data, expected", [
    ("\ufeffTalks in Geneva.\r\nMore talks.".encode("utf-16-le"), "Talks in Geneva.\nMore talks."),
    ("\ufeffTalks in Geneva.\rMore talks.".encode("utf-16-be"), "Talks in Geneva.\nMore talks."),
    ("\ufeffTalks in Geneva.".encode(), "Talks in Geneva."),
    (b"\xff\xfe\x00\x00", "binary file"),
    ("\ufeffTalks".encode("utf-16-le") + b"\x00", "not UTF-16"),
    (b"\xff\xfeT\x00\x00\x00", "binary file"),
])
def test_decoding_of_byte_order_marks(tmp_path, data, expected):
    from generator.ingest.files import ArticleError, decode

    (tmp_path / "a.txt").write_bytes(data)
    try:
        assert decode(tmp_path / "a.txt") == expected
    except ArticleError as err:
        assert expected in str(err)
