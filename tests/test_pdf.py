"""The printed briefing: HTML escaping, references, figures, and the seeds PDF itself."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pypdf import PdfReader

from generator.cli import EXIT_OK, main
from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Entity,
    Mention,
    Sentence,
    Source,
    TimeExpression,
)
from generator.publish.pdf import offline_fetcher, render_html
from generator.publish.pdf_document import (
    BRIEF_SECTIONS,
    FULL_SECTIONS,
    SECTION_TITLES,
    Links,
    References,
    period_covered,
)
from generator.publish.pdf_summary import BRIEF, FULL, ranked_actors
from generator.site.figures import graph_parts, map_markers
from generator.site.pages.home import briefing_title
from generator.site.timewords import moment_words
from tests.conftest import make_project
from tests.test_reader import TIMEX_CODE

HOSTILE = "<script>alert(1)</script>"
BODY = ("Alice Example met Bob Sample in Paris. "
        "Bob Sample wrote <img src=x onerror=alert(2)> on a sign. "
        "Alice Example left Qwzxqvy.")


# ---------------------------------------------------------------- hand-built corpus


def _sentences(text: str) -> tuple[Sentence, ...]:
    matches = re.finditer(r" ?([^.]+\.)", text)
    return tuple(Sentence(i, m.start(1), m.end(1), 0) for i, m in enumerate(matches))


def _mentions(source: str, text: str, name: str, label: str) -> tuple[Mention, ...]:
    sentences = _sentences(text)
    found = []
    for match in re.finditer(re.escape(name), text):
        sentence = next(s.index for s in sentences if s.start <= match.start() < s.end)
        found.append(Mention(source, match.start(), match.end(), name, label, sentence))
    return tuple(found)


def _entity(entity_id: str, name: str, kind: str, label: str, text: str = BODY) -> Entity:
    return Entity(entity_id, name, kind, (), _mentions("a", text, name, label))


def small_briefing(title: str = "Test briefing", published: dt.date | None = None,
                   times: tuple[TimeExpression, ...] = ()) -> Briefing:
    """One hostile article, two people, two places (one the gazetteer does not know)."""
    source = Source("a", "a.txt", "ok", title=HOSTILE, outlet="<b>Outlet</b>",
                    url="javascript:alert(3)", published=published, text=BODY,
                    paragraphs=((0, len(BODY)),), content_hash="x")
    analysis = ArticleAnalysis("a", "x", _sentences(BODY), (), times)
    entities = [_entity("alice-example", "Alice Example", "person", "PERSON"),
                _entity("bob-sample", "Bob Sample", "person", "PERSON"),
                _entity("paris", "Paris", "place", "GPE"),
                _entity("qwzxqvy", "Qwzxqvy", "place", "GPE")]
    skipped = Source("b", "b.txt", "skipped", error="binary file " + HOSTILE)
    return Briefing(title, [source, skipped], {"a": analysis}, entities,
                    built_at=dt.datetime(2025, 8, 9, 12, tzinfo=dt.timezone.utc))


def test_hand_built_corpus_offsets_hold() -> None:
    briefing = small_briefing()
    for entity in briefing.entities:
        assert all(BODY[m.start:m.end] == m.text for m in entity.mentions)
    assert len(briefing.analyses["a"].sentences) == 3


# ---------------------------------------------------------------- escaping


def test_hostile_text_is_escaped_everywhere_in_the_html() -> None:
    html = render_html(small_briefing(title=HOSTILE))
    assert "<script" not in html.lower()
    assert "<img" not in html.lower() and "<b>outlet" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(2)&gt;" in html
    assert 'href="javascript' not in html


@pytest.mark.parametrize(("budget", "sections", "none_extracted"), [
    ({}, BRIEF_SECTIONS, 1),  # deadlines
    ({"budget": FULL}, FULL_SECTIONS, 2),  # deadlines and events
])
def test_empty_briefing_prints_every_section_with_placeholders(budget, sections, none_extracted) -> None:
    html = render_html(Briefing("Empty", [], {}, built_at=dt.datetime(2025, 1, 1)), **budget)
    for key in sections:
        assert f'id="sec-{key}"' in html and f'href="#sec-{key}"' in html
    assert html.count("None extracted.") == none_extracted
    assert "No sources." in html and "Nothing cited." in html
    assert "No story could be drawn" in html and "No open deadline found." in html
    assert "briefing-graph" not in html and "briefing-map" not in html


@pytest.mark.parametrize("url", ["http://example.com/x.css", "https://example.com/font.woff",
                                 "ftp://example.com/a.png"])
def test_offline_fetcher_refuses_network_addresses(url: str) -> None:
    with pytest.raises(ValueError):
        offline_fetcher()(url)


# ---------------------------------------------------------------- references and links


def test_references_are_numbered_by_first_use_one_per_sentence() -> None:
    briefing = small_briefing()
    refs = References(briefing)
    second = Citation("a", 39, 49, "Bob Sample", 1)
    first = Citation("a", 0, 13, "Alice Example", 0)
    again = Citation("a", 50, 55, "wrote", 1)
    assert [refs.number(c) for c in (second, first, again)] == [1, 2, 1]
    assert refs.cites([second, first, again]) == ('<a class="ref" href="#ref-1">[1]</a>'
                                                  '<a class="ref" href="#ref-2">[2]</a>')
    assert [r.text for r in refs.items] == [BODY[39:95], BODY[:38]]
    assert [r.label for r in refs.of_source("a")] == ["S1", "S1"]


@pytest.mark.parametrize(("start", "end", "expected"), [
    (0, 38, ('<a class="entity" href="#e-alice-example">Alice Example</a> met '
             '<a class="entity" href="#e-bob-sample">Bob Sample</a> in '
             '<a class="entity" href="#e-paris">Paris</a>.')),
    (39, 95, ('<a class="entity" href="#e-bob-sample">Bob Sample</a> wrote '
              "&lt;img src=x onerror=alert(2)&gt; on a sign.")),
    (43, 49, "Sample"),  # a cut through a name links nothing
])
def test_linked_text_escapes_and_links_to_entries(start: int, end: int, expected: str) -> None:
    assert str(Links(small_briefing()).text("a", start, end)) == expected


@pytest.mark.parametrize(("published", "times", "expected"), [
    (dt.date(2025, 8, 6), (), "Wednesday 6 August 2025 (published)"),
    (None, (TimeExpression(0, 1, "x", "DATE", "2025-08-08"),
            TimeExpression(0, 1, "y", "DATE", "XXXX-08-01"),
            TimeExpression(0, 1, "z", "DATE", "2025-07-30")),
     "Wednesday 30 July 2025 to Friday 8 August 2025 (dates named in the articles)"),
    (None, (TimeExpression(0, 1, "x", "DATE", "XXXX-08-08"),), "not stated"),
    (None, (), "not stated"),
])
def test_period_covered(published, times, expected: str) -> None:
    assert period_covered(small_briefing(published=published, times=times)).startswith(expected)


# ---------------------------------------------------------------- figures


def test_graph_parts_link_every_node_and_join_co_mentioned_entities() -> None:
    nodes, edges = graph_parts(small_briefing(), lambda i: f"#e-{i}")
    assert {n.id: n.href for n in nodes}["alice-example"] == "#e-alice-example"
    pairs = {(e.a, e.b) for e in edges}
    assert ("alice-example", "bob-sample") in pairs and ("bob-sample", "paris") in pairs
    assert all(e.a < e.b for e in edges)
    assert len(graph_parts(small_briefing(), str, limit=2)[0]) == 2


def test_map_markers_only_for_places_the_gazetteer_knows() -> None:
    markers = map_markers(small_briefing(), lambda i: f"#e-{i}")
    assert [(m.label, m.href) for m in markers] == [("Paris", "#e-paris")]
    assert 48 < markers[0].lat < 49 and 2 < markers[0].lon < 3


# ---------------------------------------------------------------- the seeds PDF


@pytest.fixture(scope="module")
def seed_html(seed_briefing) -> str:
    return render_html(seed_briefing)


@pytest.fixture(scope="module")
def seed_pdf(seed_briefing, tmp_path_factory) -> Path:
    """The seeds printed through the CLI (``briefing pdf -o``), collected once per session."""
    root = make_project(tmp_path_factory.mktemp("seed-pdf"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.pipeline.collect", lambda config, *a, **k: seed_briefing)
        patch.chdir(root)
        assert main(["pdf", "-o", "out/briefing.pdf"]) == EXIT_OK
    return root / "out" / "briefing.pdf"


@pytest.fixture(scope="module")
def reader(seed_pdf) -> PdfReader:
    return PdfReader(seed_pdf)


@pytest.fixture(scope="module")
def pages(seed_pdf, reader) -> list[str]:
    """Text of each page, whitespace collapsed (pdftotext when installed, else pypdf)."""
    if shutil.which("pdftotext"):
        raw = subprocess.run(["pdftotext", str(seed_pdf), "-"], capture_output=True, text=True,
                             check=True).stdout.split("\f")[: len(reader.pages)]
    else:
        raw = [page.extract_text() for page in reader.pages]
    return [re.sub(r"\s+", " ", text) for text in raw]


@pytest.mark.model
def test_page_count_gives_each_section_its_own_pages(reader, seed_briefing) -> None:
    assert len(reader.pages) >= 2 + len(BRIEF_SECTIONS)
    assert reader.metadata.title == briefing_title(seed_briefing) != ""


@pytest.mark.model
def test_first_page_has_title_period_sources_and_build_date(pages, seed_briefing) -> None:
    cover = pages[0]
    ok = sum(s.status == "ok" for s in seed_briefing.sources)
    assert re.sub(r"\W", "", briefing_title(seed_briefing)) in re.sub(r"\W", "", cover)
    assert period_covered(seed_briefing) in cover and f"{ok} articles" in cover
    assert moment_words(seed_briefing.built_at) in cover
    assert "Page 1" not in cover  # no running header or folio on the first page


@pytest.mark.model
def test_contents_page_numbers_point_at_the_sections(pages, reader) -> None:
    listed = dict(re.findall(r"([A-Z][a-z]+(?: [a-z]+)?) ?\.{3,} ?(\d+)", pages[1]))
    assert set(listed) == {SECTION_TITLES[key] for key in BRIEF_SECTIONS}
    destinations = reader.named_destinations
    for key in BRIEF_SECTIONS:
        title = SECTION_TITLES[key]
        page = reader.get_destination_page_number(destinations[f"sec-{key}"])
        assert int(listed[title]) == page + 1
        assert pages[page].count(title) >= 2  # running header and heading


@pytest.mark.model
def test_every_key_actor_appears_in_the_text_and_every_person_in_the_full_one(pages, seed_briefing) -> None:
    text = " ".join(pages)
    actors = [e.name for e in ranked_actors(seed_briefing)[:BRIEF.actors]]
    assert len(actors) == BRIEF.actors
    assert [name for name in actors if name not in text] == []
    full = render_html(seed_briefing, budget=FULL)
    people = [e.name for e in seed_briefing.entities if e.type == "person"]
    assert len(people) >= 5
    assert [name for name in people if f"<h2>{name}</h2>" not in full] == []


@pytest.mark.model
def test_internal_links_resolve_to_named_destinations(reader, seed_briefing) -> None:
    targets = [annot.get_object().get("/Dest") for page in reader.pages
               for annot in page.get("/Annots") or []]
    names = set(reader.named_destinations)
    assert len(targets) > 100 and None not in targets
    assert set(targets) <= names
    actors = {f"e-{e.id}" for e in ranked_actors(seed_briefing)[:BRIEF.actors]}
    assert len(actors) >= 10 and actors <= set(targets)
    assert {"ref-1", "sec-actors", f"src-{seed_briefing.sources[0].id}"} <= set(targets)
    assert "/Outlines" in reader.trailer["/Root"]


@pytest.mark.model
def test_references_list_every_number_used(seed_html) -> None:
    used = {int(n) for n in re.findall(r'class="ref" href="#ref-(\d+)"', seed_html)}
    listed = [int(n) for n in re.findall(r'<li id="ref-(\d+)"', seed_html)]
    assert listed == sorted(used) == list(range(1, len(listed) + 1))


@pytest.mark.model
def test_graph_is_drawn_in_the_pdf_and_the_map_in_the_full_one(seed_briefing, seed_html, pages) -> None:
    assert seed_html.count('class="briefing-graph"') == 1
    assert seed_html.count('class="briefing-map"') == 0
    graph_page = next(p for p in pages if "Who appears with whom" in p)
    assert "organization" in graph_page and "person" in graph_page  # the SVG legend
    full = render_html(seed_briefing, budget=FULL)
    assert full.count('class="briefing-map"') == 1 and full.count('class="briefing-graph"') == 1
    shown = re.search(r"gazetteer could locate.*?Shown: (.*?)\.</figcaption>", full, re.S).group(1)
    assert shown.count('class="entity"') >= 3


@pytest.mark.model
def test_no_timex_code_in_the_pdf_text(pages, seed_briefing) -> None:
    shown = [match[0] for page in pages for match in TIMEX_CODE.finditer(page)]
    assert shown == []
    assert "due Friday 8 August 2025" in " ".join(pages)  # the seeds' deadline, in words
    assert "week not stated" in render_html(seed_briefing, budget=FULL)  # a report's "Friday"


def _squashed(text: str) -> str:
    """Letters and digits only, lower case: PDF text extraction breaks lines and hyphenates."""
    return re.sub(r"[\W_]+", "", text).lower()


@pytest.mark.model
def test_no_source_sentence_is_printed_more_than_twice(pages, seed_briefing) -> None:
    """Each statement once in the text and once in the references; afterwards only referred to."""
    text = _squashed(" ".join(pages))
    titles = {_squashed(s.title) for s in seed_briefing.sources}  # names of sources, not statements
    counts = {}
    for source in seed_briefing.sources:
        analysis = seed_briefing.analyses.get(source.id)
        for sentence in analysis.sentences if analysis else ():
            words = _squashed(source.text[sentence.start:sentence.end])
            if len(words) >= 40 and words not in titles and not sentence.is_title:
                counts[source.text[sentence.start:sentence.end][:60]] = text.count(words)
    assert max(counts.values()) >= 2  # the check sees sentences: cited ones are in the references
    assert {s: n for s, n in counts.items() if n > 2} == {}


@pytest.mark.model
def test_references_have_no_doubled_quotation_marks(pages) -> None:
    text = " ".join(pages)
    references = text[text.rindex("Each number in the text refers"):]
    assert re.findall(r".{0,20}[“”\"„][“”\"„].{0,20}", references) == []
    assert len(re.findall(r"\[\d+\]", references)) > 20
