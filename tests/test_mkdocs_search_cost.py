"""``hide_unsearched`` only sets aside what Material's search parser reads without effect: the
parser finds the same sections (titles, text, ids) with and without the hidden parts, on
hand-written HTML with the parser's corner cases and on every generated golden page, and
``show_unsearched`` gives back the page as the search plugin leaves it.
"""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest
from material.plugins.search.plugin import Parser

from generator.mkdocs_plugin.markdown_cost import FigureStash, hide_figures
from generator.mkdocs_plugin.search_cost import SEARCH_ATTRIBUTE, hide_unsearched, show_unsearched

REPO = Path(__file__).resolve().parents[1]
GOLDEN_PAGES = sorted((REPO / "tests" / "golden" / "expected").rglob("*.md"))


def sections(html: str) -> list[tuple]:
    """What the search index takes from ``html``: each indexed section's heading, id, title, text."""
    parser = Parser()
    parser.feed(html)
    parser.close()
    return [(s.el.tag, s.id, "".join(s.title).strip(), "".join(s.text).strip())
            for s in parser.data if not s.is_excluded()]


EXCLUDED_SECTION = (
    '<h1 id="t">Title</h1>\n<p>Kept <a href="x/">text</a>.</p>\n'
    '<h2 data-search-exclude="data-search-exclude" id="summary">Summary</h2>\n'
    '<ul>\n<li>Hidden <em>item</em></li>\n</ul>\n<div class="x" data-search-exclude><p>more</p></div>\n'
    '<h2 id="roles">Roles</h2>\n<p>Kept again.</p>'
)
CASES = {
    "excluded section": EXCLUDED_SECTION,
    "excluded section at the end": (
        '<h2 id="a">A</h2>\n<p>a</p>\n<h2 id="b" data-search-exclude>B</h2>\n<p>b</p>'),
    "excluded element first, then h1": '<div data-search-exclude><p>x</p></div><h1 id="t">T</h1><p>y</p>',
    "excluded element with an inner heading": (
        '<div data-search-exclude><h3 id="in">In</h3><p>x</p></div>\n<p>after</p><h2 id="z">Z</h2>'),
    "excluded element with an element of its name": (
        '<p>a</p><div data-search-exclude><div>in</div>leaks into the index</div><p>b</p>'),
    "nested excluded element": '<div class="o"><div data-search-exclude><p>x</p></div><p>kept</p></div>',
    "excluded section with a nested heading": (
        '<h2 id="s" data-search-exclude>S</h2><div><h3 id="n">Nested</h3><p>kept</p></div><p>after</p>'),
    "text that names the attribute": '<p title="data-search-exclude">kept</p><p>data-search-exclude</p>',
    "unbalanced page": '<h2 id="s" data-search-exclude>S</h2><div><p>x</p>',
    "script": '<h2 id="s" data-search-exclude>S</h2><script>var a = "</p>";</script><h2 id="t">T</h2>',
    "void and self-closing tags": (
        '<h2 id="s" data-search-exclude>S</h2><p>a<br>b<img src="x.png"/></p><hr>\n'
        '<h2 id="t">T</h2><p>c</p>'),
}


@pytest.mark.parametrize("html", CASES.values(), ids=CASES.keys())
def test_search_finds_the_same_sections(html):
    hidden, parts = hide_unsearched(html)
    assert sections(hidden) == sections(html)
    assert show_unsearched(SEARCH_ATTRIBUTE.sub("", hidden), parts) == SEARCH_ATTRIBUTE.sub("", html)


def test_the_excluded_parts_are_set_aside():
    hidden, parts = hide_unsearched(EXCLUDED_SECTION)
    assert "Hidden" not in hidden and "more" not in hidden and "Kept again" in hidden
    assert 'id="summary"' in hidden and len(parts) == 1


@pytest.mark.parametrize("name", [
    "excluded element with an inner heading", "excluded element with an element of its name",
    "excluded section with a nested heading", "unbalanced page", "script", "text that names the attribute"])
def test_parts_the_parser_reads_with_effect_stay(name):
    assert hide_unsearched(CASES[name]) == (CASES[name], [])


def test_an_excluded_element_keeps_its_tags():
    hidden, parts = hide_unsearched('<p>a</p>\n<div class="t" data-search-exclude>\n<p>x</p>\n</div>')
    assert hidden == '<p>a</p>\n<div class="t" data-search-exclude><!--briefing-unsearched-0--></div>'
    assert parts == ["\n<p>x</p>\n"]


@pytest.mark.parametrize("page", GOLDEN_PAGES, ids=lambda p: str(p.relative_to(REPO / "tests" / "golden")))
def test_generated_pages_index_the_same(page):
    text = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    extensions = ["admonition", "attr_list", "md_in_html", "tables", "toc", FigureStash()]
    html = markdown.Markdown(extensions=extensions).convert(text)
    html = hide_figures(html)[0]
    hidden, parts = hide_unsearched(html)
    assert sections(hidden) == sections(html)
    assert show_unsearched(hidden, parts) == html
