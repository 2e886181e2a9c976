"""The default PDF is a briefing: executive summary first, bounded length, S-labels, quotes once."""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path
from types import SimpleNamespace

import pytest
from pypdf import PdfReader

import generator.publish.pdf as pdf
from generator.cli import EXIT_OK, main
from generator.config import load_config
from generator.model import Citation
from generator.publish.pdf import MAX_PAGES, bounded_layout, render_html
from generator.publish.pdf_references import Links, References, shortened
from generator.publish.pdf_summary import BRIEF, FULL, Summary
from generator.publish.pdf_summary import shortened as shortened_summary
from generator.site.statement_words import unquoted
from tests.conftest import make_project
from tests.large_briefing import large_briefing

DOUBLED_QUOTES = re.compile(r".{0,20}[“”\"„][“”\"„].{0,20}")


def _page_texts(path: Path) -> list[str]:
    raw = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout.split("\f")
    return [re.sub(r"\s+", " ", text) for text in raw[:len(PdfReader(path).pages)]]


def _summary(html: str) -> str:
    return html[html.index('id="sec-summary"'):html.index('id="contents"')]


# ---------------------------------------------------------------- a large corpus


@pytest.fixture(scope="module")
def large():
    return large_briefing(120)  # printed in full: about 120 pages


@pytest.fixture(scope="module")
def large_pages(large, tmp_path_factory) -> list[str]:
    path = tmp_path_factory.mktemp("large") / "brief.pdf"
    bounded_layout(large, None, path.parent).write_pdf(path)
    return _page_texts(path)


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_default_pdf_of_a_large_corpus_is_bounded(large, large_pages) -> None:
    full = render_html(large, budget=FULL)
    # Everything would be printed in full without the bound: every source, entity and event.
    assert full.count('<li id="src-') == 120 and full.count('class="item entity"') == len(large.entities)
    assert full.count('class="item event"') == 120
    assert len(large_pages) <= MAX_PAGES
    assert "Executive summary" in large_pages[0] and "Contents" in large_pages[1]
    assert "More stories" in " ".join(large_pages)  # past the stories printed in full, one line each


class _Laid:
    """A stand-in for WeasyPrint's layout: one page per 8,000 characters of HTML."""

    def __init__(self, document: str, base: Path) -> None:
        self.pages = [None] * (len(document) // 8000 + 1)


def test_a_layout_over_the_bound_is_laid_out_again_with_less(monkeypatch, tmp_path) -> None:
    briefing = large_briefing(120)
    monkeypatch.setattr(pdf, "layout", _Laid)
    first = len(bounded_layout(briefing, None, tmp_path).pages)
    monkeypatch.setattr(pdf, "MAX_PAGES", first // 2)
    assert len(bounded_layout(briefing, None, tmp_path).pages) <= first // 2
    assert len(bounded_layout(briefing, None, tmp_path, full=True).pages) > first  # --full: no bound


def test_a_summary_too_long_for_the_first_page_is_shortened_to_fit(large, monkeypatch, tmp_path) -> None:
    asked = replace(BRIEF, summary_stories=12, summary_deadlines=12, summary_actors=12)
    monkeypatch.setattr(pdf, "BRIEF", asked)
    too_long = pdf.layout(pdf.render_html(large, budget=asked), tmp_path)
    assert _chapter_pages(too_long)["Contents"] > 1  # the summary alone ran over the first page
    document = bounded_layout(large, None, tmp_path)
    assert _chapter_pages(document)["Contents"] == 1
    path = tmp_path / "brief.pdf"
    document.write_pdf(path)
    shown = PdfReader(path).pages[0].extract_text()
    assert "Key actors" in shown and "more open" in shown


def _chapter_pages(document) -> dict[str, int]:
    return {label: place[0] for label, place, *_ in document.make_bookmark_tree()}


def test_shortening_a_summary_drops_the_last_line_of_its_longest_list() -> None:
    summary = Summary(stories=["s1", "s2", "s3"], deadlines=["d1", "d2", "d3"], actors=["a1", "a2"],
                      more={"stories": 4})
    once = shortened_summary(summary)  # a tie: deadlines go before stories
    assert (once.stories, once.deadlines, once.actors) == (["s1", "s2", "s3"], ["d1", "d2"], ["a1", "a2"])
    assert once.more == {"stories": 4, "deadlines": 1}  # counted among the open deadlines left out
    twice = shortened_summary(once)
    assert twice.stories == ["s1", "s2"] and twice.more == {"stories": 5, "deadlines": 1}
    assert shortened_summary(twice).actors == ["a1"]  # actors go first on a tie, uncounted
    assert shortened_summary(Summary(["s"], ["d"], ["a"])) is None


def test_summary_lines_cite_sources_by_label(large) -> None:
    summary = _summary(render_html(large))
    lines = re.findall(r"<li>(.*?)</li>", summary, re.S)
    assert len(lines) == BRIEF.summary_stories + BRIEF.summary_deadlines + BRIEF.summary_actors
    assert all(re.search(r'class="labels">\[<a class="label-ref" href="#src-[^"]+">S\d+</a>', line)
               for line in lines)


def test_each_clause_cites_a_bounded_number_of_references(large) -> None:
    html = render_html(large)
    runs = re.findall(r'((?:<a class="ref" href="#ref-\d+">\[\d+\]</a>)+)', html)
    assert runs and max(run.count('class="ref"') for run in runs) <= BRIEF.cites
    assert '<span class="more"> +' in html  # the rest counted


def test_cites_counts_sentences_past_the_limit() -> None:
    briefing = large_briefing(10)
    citations = [Citation(s.id, 0, 5, "x", 0) for s in briefing.sources[:5]]
    refs = References(briefing, limit=2)
    assert str(refs.cites(citations + citations[:1])) == (
        '<a class="ref" href="#ref-1">[1]</a><a class="ref" href="#ref-2">[2]</a>'
        '<span class="more"> +3 more</span>')
    assert len(refs.items) == 2 and list(refs.cited) == [s.id for s in briefing.sources[:2]]
    assert str(refs.labels(citations, limit=4)).endswith("S4</a> +1]</span>")


@pytest.mark.parametrize(("text", "expected"), [
    ("“This visit is a last-ditch effort”", "This visit is a last-ditch effort"),
    ('"We will not yield."', "We will not yield."),
    ("no marks at all", "no marks at all"),
])
def test_unquoted(text: str, expected: str) -> None:
    assert unquoted(text) == expected


def test_linked_text_is_on_one_line() -> None:
    briefing = large_briefing(1)
    source = briefing.sources[0]
    broken = replace(source, text=source.text.replace(" met ", "\nmet\u2028", 1))  # offsets kept
    briefing.sources[0] = broken
    text = str(Links(briefing).text(source.id, 0, broken.text.index(".") + 1))
    assert " met " in text and "\n" not in text and "\u2028" not in text


def test_long_references_are_cut_at_a_word() -> None:
    text = "word " * 200
    cut = shortened(text, 50)
    assert len(cut) <= 52 and cut.endswith(" …") and "wor …" not in cut


# ---------------------------------------------------------------- the seeds


@pytest.fixture(scope="module")
def seed_pages(seed_briefing, tmp_path_factory) -> list[str]:
    root = make_project(tmp_path_factory.mktemp("seed-brief"))
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr("generator.pipeline.collect", lambda config, *a, **k: seed_briefing)
        patch.chdir(root)
        assert main(["pdf", "-o", "brief.pdf"]) == EXIT_OK
    return _page_texts(root / "brief.pdf")


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_executive_summary_is_on_the_first_page(seed_pages, seed_briefing) -> None:
    first = seed_pages[0]
    for heading in ("Executive summary", "Stories", "Open deadlines", "Key actors"):
        assert heading in first
    assert "due Friday 8 August 2025" in first  # the open deadline, due date in words
    assert re.search(r"\[S\d(, S\d)*( \+\d)?\]", first)
    assert seed_pages[1].count("Contents") >= 1 and "Executive summary" not in seed_pages[2]


@pytest.mark.skipif(not shutil.which("pdftotext"), reason="poppler-utils not installed")
def test_no_doubled_quotation_marks_anywhere_in_the_pdf(seed_pages) -> None:
    assert DOUBLED_QUOTES.findall(" ".join(seed_pages)) == []
    assert "“" in " ".join(seed_pages)  # quotes are printed, with single marks


def test_full_switch_reaches_the_printer(monkeypatch, tmp_path) -> None:
    seen = {}
    monkeypatch.setattr("generator.pipeline.collect", lambda config, *a, **k: SimpleNamespace())
    monkeypatch.setattr("generator.pipeline.write_pdf_file",
                        lambda briefing, config, output, full: seen.setdefault("full", full) or output)
    root = make_project(tmp_path / "p", seeds=None)
    monkeypatch.chdir(root)
    assert main(["pdf", "--full", "-o", "x.pdf"]) == EXIT_OK and seen == {"full": True}
    assert load_config(root=root).root == root
