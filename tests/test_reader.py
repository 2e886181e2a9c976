"""What a reader sees: times in words, citation tooltips, paragraphs, index descriptions, the title.

Checked on the built seed site (``seed_site``) and on a small hand-written
corpus with two stories and publication dates (``tests/data/reader``: four
articles, one plain-text file without date or outlet), built the same way
with ``mkdocs build --strict``.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import lxml.html
import pytest
import yaml

from generator.model import Briefing, Source, Story
from generator.site.linker import hover_preview
from generator.site.pages.entity_roles import role_phrase
from generator.site.pages.home import briefing_title
from generator.site.timewords import moment_words, plain_words, value_words
from tests.conftest import REPO, make_project

READER_CORPUS = REPO / "tests" / "data" / "reader"

TIMEX_CODE = re.compile(
    r"\b(?:\d{4}|XXXX)-(?:\d\d|XX|W\d\d|WXX|Q[1-4]|H[12]|SP|SU|FA|WI)\b"
    r"|\bPT?(?:\d+(?:\.\d+)?|X)(?:DE|CE|[YMWDHS])\b"
    r"|\b(?:PRESENT|PAST|FUTURE)_REF\b|\bXXXX\b")
"""The shape of a TIMEX3 value (written independently of ``generator.site.timewords``)."""


# ---------------------------------------------------------------- reading built pages


class _Text(HTMLParser):
    """Text nodes a reader sees (not scripts or styles)."""

    def __init__(self) -> None:
        super().__init__()
        self.nodes: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        self._hidden += tag in ("script", "style")

    def handle_endtag(self, tag):
        self._hidden -= tag in ("script", "style")

    def handle_data(self, data):
        if not self._hidden and data.strip():
            self.nodes.append(data)


def text_nodes(page: Path) -> list[str]:
    parser = _Text()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser.nodes


def briefing_pages(site: Path) -> list[Path]:
    """Every generated HTML page (the hand-written guide and 404 left out)."""
    return [p for p in sorted(site.rglob("*.html"))
            if "guide" not in p.relative_to(site).parts and p.name != "404.html"]


def codes_shown(site: Path) -> list[str]:
    return [f"{page.relative_to(site)}: {node.strip()[:100]!r}"
            for page in briefing_pages(site) for node in text_nodes(page) if TIMEX_CODE.search(node)]


def build_site(root: Path, seeds: Path, config: str = "") -> Path:
    """``seeds`` built with ``mkdocs build --strict`` in a fresh project; returns the project."""
    make_project(root, seeds, config)
    nav_free = re.sub(r"\n  - Guide: .*\n", "\n",
                      (REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    (root / "mkdocs.yml").write_text(nav_free.replace("custom_dir: site_templates/overrides",
                                                      "custom_dir: overrides"), encoding="utf-8")
    shutil.copytree(REPO / "site_templates" / "overrides", root / "overrides")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return root


@pytest.fixture(scope="module")
def reader_site(tmp_path_factory) -> Path:
    """The hand-written corpus built into a site (no ``briefing.yml``); returns the project."""
    return build_site(tmp_path_factory.mktemp("reader-site"), READER_CORPUS)


# ---------------------------------------------------------------- times in words


@pytest.mark.parametrize(("value", "words"), [
    ("2025-08-08", "Friday 8 August 2025"),
    ("XXXX-08-08", "8 August, year not stated"),
    ("XXXX-WXX-5", "Friday, week not stated"),
    ("2025-W32", "the week of Monday 4 August 2025"),
    ("2025-W32-5", "Friday 8 August 2025"),
    ("2025-W32-WE", "the weekend of Saturday 9 August 2025"),
    ("XXXX-WXX-WE", "a weekend, date not stated"),
    ("2025-08", "August 2025"),
    ("XXXX-04", "April, year not stated"),
    ("2025-08-06TEV", "Wednesday 6 August 2025, evening"),
    ("XXXX-XX-XXT15:00", "a day not stated, 15:00"),
    ("2025-Q3", "the third quarter of 2025"),
    ("2025-SU", "summer 2025"),
    ("199X", "the 1990s"),
    ("P10D", "10 days"),
    ("P1W", "1 week"),
    ("PXD", "some days"),
    ("P1Y6M", "1 year and 6 months"),
    ("PT5H", "5 hours"),
    ("PT30M", "30 minutes"),
    ("PRESENT_REF", "now"),
    ("XXXX", "a year not stated"),
    ("2025", "2025"),
    ("2025-02-30", "a time that could not be read"),  # no such day: never echoed back
    ("nonsense", "a time that could not be read"),
])
def test_value_words(value: str, words: str) -> None:
    assert value_words(value) == words
    assert not TIMEX_CODE.search(value_words(value))


@pytest.mark.parametrize(("text", "expected"), [
    ("'Wednesday' resolved against 2025-08-06 (publication date)",
     "'Wednesday' resolved against Wednesday 6 August 2025 (publication date)"),
    ("counted: two days after “Wednesday” (resolved against XXXX-WXX-3)",
     "counted: two days after “Wednesday” (resolved against Wednesday, week not stated)"),
    ("shortened from P50D to P10D", "shortened from 50 days to 10 days"),
    ("upcoming", "upcoming"),
    ("in 2025, file A-2025-08-08x", "in 2025, file A-2025-08-08x"),  # a year and a file name stay
])
def test_plain_words_rewrites_embedded_values(text: str, expected: str) -> None:
    assert plain_words(text) == expected


def test_moment_words_is_utc_to_the_minute() -> None:
    moment = dt.datetime(2026, 11, 29, 19, 5, 59, tzinfo=dt.timezone(dt.timedelta(hours=1)))
    assert moment_words(moment) == "29 November 2026, 18:05 UTC"


def test_seed_site_shows_no_timex_code(seed_site) -> None:
    assert codes_shown(seed_site / "site") == []


def test_reader_site_shows_no_timex_code_and_dates_in_words(reader_site) -> None:
    site = reader_site / "site"
    assert codes_shown(site) == []
    timeline = " ".join(text_nodes(site / "timeline" / "index.html"))
    assert "Wednesday 5 March 2025" in timeline  # "on Wednesday" in articles of 3 and 6 March
    sources = " ".join(text_nodes(site / "sources" / "index.html"))
    assert "Monday 3 March 2025" in sources and "not given" in sources


# ---------------------------------------------------------------- citations and source labels


class _Anchors(HTMLParser):
    """Links with their title and text, and the text of every ``s-<n>`` sentence anchor."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[tuple[str, str, str]] = []
        self.sentences: dict[str, str] = {}
        self._open: list[tuple[str, str, int]] = []  # (id, tag, depth) of open sentence anchors
        self._link: list[str] | None = None
        self._depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self._depth += 1
        if tag == "a" and attributes.get("href"):
            self._link = [attributes["href"], attributes.get("title") or "", ""]
        if re.fullmatch(r"s-\d+", attributes.get("id") or ""):
            self.sentences[attributes["id"]] = ""
            self._open.append((attributes["id"], tag, self._depth))

    def handle_endtag(self, tag):
        if self._open and self._open[-1][1:] == (tag, self._depth):
            self._open.pop()
        if tag == "a" and self._link is not None:
            self.links.append(tuple(self._link))
            self._link = None
        self._depth -= 1

    def handle_data(self, data):
        for anchor, _, _ in self._open:
            self.sentences[anchor] += data
        if self._link is not None:
            self._link[2] += data


def anchors(page: Path) -> _Anchors:
    parser = _Anchors()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def normalised(text: str) -> str:
    return " ".join(text.split())


def citation_tooltips(site: Path) -> list[tuple[str, str, str]]:
    """(page, title, cited sentence) for every link to a sentence anchor in the site."""
    sentences = {page.parent.name: anchors(page).sentences
                 for page in (site / "sources").glob("*/index.html")}
    found = []
    for page in briefing_pages(site):
        for href, title, _ in anchors(page).links:
            match = re.search(r"sources/([^/]+)/#(s-\d+)$", href)
            if match:
                found.append((str(page.relative_to(site)), title,
                              sentences[match[1]][match[2]]))
    return found


@pytest.mark.parametrize("which", ["seed_site", "reader_site"])
def test_citation_tooltips_are_the_cited_sentences(which, request) -> None:
    site = request.getfixturevalue(which) / "site"
    tooltips = citation_tooltips(site)
    assert len([t for t in tooltips if t[1]]) > 20
    wrong = [(page, title, sentence) for page, title, sentence in tooltips
             if title and normalised(title) != hover_preview(normalised(sentence))]
    assert wrong == []  # the cited sentence, its first words (``linker.HOVER_PREVIEW``) when long
    assert any(title.endswith(" …") for _, title, _ in tooltips)
    # a citation without a hover title cites a sentence whose preview the page shows already
    def bare(text: str) -> str:  # text nodes split at links: compare without any whitespace
        return "".join(text.split())

    texts = {page: bare("".join(text_nodes(site / page))) for page, title, _ in tooltips if not title}
    unshown = [(page, sentence) for page, title, sentence in tooltips
               if not title and bare(hover_preview(sentence).removesuffix(" …")) not in texts[page]]
    assert texts and unshown == []


@pytest.mark.parametrize("which", ["seed_site", "reader_site"])
def test_sources_are_named_by_label_with_title_and_outlet_on_hover(which, request) -> None:
    project = request.getfixturevalue(which)
    ids = [p.stem for p in sorted((project / "seeds").iterdir()) if p.suffix in (".txt", ".md")]
    site = project / "site"
    shown = [f"{page.relative_to(site)}: {node.strip()[:80]!r}" for page in briefing_pages(site)
             if page.relative_to(site).parts[0] not in ("report", "sources")  # list the files
             for node in text_nodes(page) if any(source_id in node for source_id in ids)]
    assert shown == []  # no file name used as a source's name outside the file listings
    home = anchors(site / "index.html")
    labelled = [(text, title) for href, title, text in home.links
                if re.fullmatch(r"S\d+", text) and "#" not in href]
    assert labelled and all(title for _, title in labelled)
    compared = anchors(site / "sources-compared" / "index.html")
    headers = [(text, title) for href, title, text in compared.links if re.fullmatch(r"S\d+", text)]
    assert len(headers) >= len(ids) and all(title for _, title in headers)


# ---------------------------------------------------------------- source pages


def _paragraphs(page: str) -> list[str]:
    """The text of each <p> that holds sentence anchors (an HTML5 parser: the minified
    pages leave out optional closing tags)."""
    return [normalised(p.text_content()) for p in lxml.html.fromstring(page).iter("p")
            if p.xpath('.//span[@class="sentence"]')]


@pytest.mark.parametrize("which", ["seed_site", "reader_site"])
def test_source_pages_keep_their_paragraphs(which, request) -> None:
    """Each paragraph on a source page is one whole line of the article, in the article's order."""
    project = request.getfixturevalue(which)
    export = json.loads((project / "docs" / "data" / "briefing.json").read_text(encoding="utf-8"))
    for source in (s for s in export["sources"] if s["status"] == "ok"):
        shown = _paragraphs((project / "site" / "sources" / source["id"] / "index.html").read_text("utf-8"))
        lines = [normalised(line) for line in source["text"].splitlines() if line.strip()]
        assert shown == [line for line in lines if line in shown], source["id"]
        assert len(shown) >= 3, source["id"]  # every article of both corpora has three or more


# ---------------------------------------------------------------- build report


def report_text(project: Path) -> str:
    return normalised(" ".join(text_nodes(project / "site" / "report" / "index.html")))


def test_report_warns_that_the_seeds_carry_no_dates_or_outlets(seed_site) -> None:
    text = report_text(seed_site)
    assert re.search(r"Built \d{1,2} [A-Z][a-z]+ \d{4}, \d\d:\d\d UTC\.", text)
    assert "5 of 5 articles without a publication date" in text
    assert re.search(r"\d+ time expressions left unresolved \(“", text)
    assert "the timeline, event dates and deadline status are incomplete" in text
    assert "5 of 5 articles without an outlet" in text
    assert "None." not in text.split("Warnings", 1)[1]
    page = (seed_site / "site" / "report" / "index.html").read_text(encoding="utf-8")
    boxes = re.findall(r'<div class="admonition warning">(.*?)</div>', page, re.S)
    assert len(boxes) == 2 and "left unresolved" in boxes[0] and "S5</a>" in boxes[1]


def test_report_names_only_the_article_lacking_metadata(reader_site) -> None:
    text = report_text(reader_site)
    assert "1 of 4 articles without a publication date Articles: S3 (03-port-strike.txt)" in text
    assert "1 of 4 articles without an outlet Articles: S3 (03-port-strike.txt)" in text
    assert "“Tuesday”" in text  # "on Tuesday" in the undated article


# ---------------------------------------------------------------- index pages


def _table_rows(page: str) -> list[list[str]]:
    """Header and cell texts of every table row (an HTML5 parser, as ``_paragraphs``)."""
    return [[normalised(cell.text_content()) for cell in row if cell.tag in ("td", "th")]
            for row in lxml.html.fromstring(page).iter("tr")]


INDEX_PAGES = ("people", "organisations", "places", "groups", "events", "deadlines")


@pytest.mark.parametrize("which", ["seed_site", "reader_site"])
def test_index_pages_describe_every_row(which, request) -> None:
    site = request.getfixturevalue(which) / "site"
    described = 0
    for folder in INDEX_PAGES:
        header, *rows = _table_rows((site / folder / "index.html").read_text(encoding="utf-8")) or [[]]
        assert not rows or any(h in ("Description", "What the sources report", "Threatened consequences")
                               for h in header), folder
        for row in rows:
            if row == header:
                continue
            assert len(row) == len(header) and all(cell not in ("", "—") for cell in row), (folder, row)
            described += 1
    assert described >= 10


# ---------------------------------------------------------------- the title


def _story_briefing(title: str, stories: list[tuple[str, tuple[str, ...]]],
                    published: dict[str, dt.date] | None = None) -> Briefing:
    dates = published or {}
    sources = [Source(i, f"{i}.txt", "ok", title=i, published=dates.get(i)) for i in "abcde"]
    return Briefing(title, sources, {}, stories=[Story(f"story-{n}", headline, ids)
                                                 for n, (headline, ids) in enumerate(stories, 1)])


@pytest.mark.parametrize(("title", "stories", "published", "expected"), [
    ("Set by hand", [("Big story", ("a", "b", "c"))], None, "Set by hand"),
    ("", [("Small", ("a",)), ("Big story", ("b", "c")), ("Other", ("d",))], None, "Big story"),
    ("Briefing", [("Small", ("a",)), ("Big story", ("b", "c"))], None, "Big story"),  # the default
    ("", [("Late", ("d", "e")), ("Early", ("a", "b"))], None, "Late"),  # tie: the latest file
    ("", [("Dated late", ("a", "b")), ("Undated", ("d", "e"))],
     {"a": dt.date(2025, 3, 9)}, "Dated late"),  # tie: the latest publication date
    ("", [], None, "Briefing"),
    ("  ", [("Only", ("a",))], None, "Only"),
])
def test_title_is_configured_else_the_largest_story(title, stories, published, expected) -> None:
    assert briefing_title(_story_briefing(title, stories, published)) == expected


def home_heading(project: Path) -> str:
    page = (project / "site" / "index.html").read_text(encoding="utf-8")
    return normalised(html.unescape(re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)[1]))


def test_unconfigured_site_is_titled_by_its_largest_story(reader_site) -> None:
    export = json.loads((reader_site / "docs" / "data" / "briefing.json").read_text("utf-8"))
    largest = max(len(story["sources"]) for story in export["stories"])
    assert largest >= 2
    headlines = {story["title"] for story in export["stories"] if len(story["sources"]) == largest}
    assert home_heading(reader_site) in headlines


def test_configured_title_wins(seed_site) -> None:
    configured = yaml.safe_load((seed_site / "briefing.yml").read_text(encoding="utf-8"))["title"]
    assert home_heading(seed_site) == configured


@pytest.mark.parametrize(("role", "phrase"), [
    ("an Austrian political analyst", "Austrian political analyst"),
    ("The acting US envoy", "Acting US envoy"),
    ("the head of the Port Elling Authority", "Head of the Port Elling Authority"),
    ("US Ambassador to NATO", "US Ambassador to NATO"),
    ("anchor of the evening news", "Anchor of the evening news"),  # "an" only as a word
])
def test_role_phrase(role: str, phrase: str) -> None:
    assert role_phrase(role) == phrase
