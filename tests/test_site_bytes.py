"""Repeated bytes of the site (issue 13): hover previews of cited sentences, inline SVG without
namespace declarations, and the people pages' figure styled by the site's stylesheet."""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser
from pathlib import Path

import markdown
import pytest
from playwright.sync_api import sync_playwright

from generator.mkdocs_plugin.inline_svg import drop_svg_namespaces
from generator.model import ArticleAnalysis, Briefing, Citation, Sentence, Source
from generator.publish.pdf_references import entry_anchor
from generator.site.figures import relationship_graph_svg
from generator.site.linker import HOVER_PREVIEW, Linker
from generator.site.markup import one_line
from generator.svg.graph import KIND_COLOURS
from generator.svg.labels import phone_size

SHORT = "Ann met Bo in Oslo."
LONG = ("The minister said on Tuesday that the talks with the neighbouring governments would resume "
        "next month after a pause of several weeks.")
HOSTILE = ('He wrote "<script>alert(1)</script>" & left \\ the room, and then, as the reporters '
           'watched, "<b>stop</b>" was all he said before <img src=x onerror=alert(2)> closed it.')


def briefing_of(*sentences: str) -> Briefing:
    """One source whose sentences are ``sentences``, each a sentence of its analysis."""
    text = " ".join(sentences)
    spans, start = [], 0
    for index, sentence in enumerate(sentences):
        spans.append(Sentence(index, start, start + len(sentence), 0))
        start += len(sentence) + 1
    source = Source("src0", "src0.txt", "ok", title="Report", text=text)
    return Briefing("t", [source], {"src0": ArticleAnalysis("src0", "h", tuple(spans), ())})


def citation_of(briefing: Briefing, index: int) -> Citation:
    """A citation of the first three words of sentence ``index``."""
    sentence = briefing.analyses["src0"].sentences[index]
    words = " ".join(briefing.sources[0].text[sentence.start:sentence.end].split()[:3])
    return Citation("src0", sentence.start, sentence.start + len(words), words, index)


class Anchors(HTMLParser):
    """The ``title`` of every ``<a>`` and every other tag seen, as the browser parses them."""

    def __init__(self) -> None:
        super().__init__()
        self.titles: list[str] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        if tag == "a":
            self.titles.append(dict(attrs).get("title", ""))


def anchors(markdown_text: str) -> Anchors:
    """The links of a Markdown snippet as Python-Markdown renders them."""
    parser = Anchors()
    parser.feed(markdown.markdown(str(markdown_text)))
    return parser


@pytest.mark.parametrize("helper", ["cite", "mention_link"])
def test_a_long_cited_sentence_is_previewed_up_to_a_word_and_a_short_one_whole(helper):
    briefing = briefing_of(SHORT, LONG)
    linker = Linker(briefing)
    short, long = (anchors(getattr(linker, helper)(citation_of(briefing, i), "index.md")).titles[0]
                   for i in (0, 1))
    assert short == SHORT
    assert long.endswith(" …") and len(long) <= HOVER_PREVIEW + 2
    kept = long.removesuffix(" …")
    assert LONG.startswith(kept) and LONG[len(kept)] == " "  # cut between two words
    assert len(kept) > HOVER_PREVIEW - 15  # as many whole words as fit


QUOTED = ("“We will not sign this agreement,” the minister of the neighbouring country told reporters "
          "on Friday.")


@pytest.mark.parametrize("shown, titled", [
    (LONG, False),  # the whole sentence beside the link
    (one_line(LONG, 100), False),  # its start, cut a little later than the preview
    ("We heard: " + LONG[:90], False),  # the preview's words inside the text shown
    (one_line(LONG, 60), True),  # less than the preview: the hover tells more
    ("talks with the neighbouring governments", True),  # a part: the hover gives its context
])
def test_a_citation_has_no_preview_of_what_is_shown_beside_it(shown, titled):
    briefing = briefing_of(LONG)
    linker = Linker(briefing)
    titles = anchors(linker.cites([citation_of(briefing, 0)], "index.md", shown=shown)).titles
    assert titles == [one_line(LONG, HOVER_PREVIEW)] if titled else titles == [""]


def test_a_quote_shown_keeps_the_preview_that_names_its_speaker():
    briefing = briefing_of(QUOTED)
    linker = Linker(briefing)
    shown = "“We will not sign this agreement”"
    title = anchors(linker.cites([citation_of(briefing, 0)], "index.md", shown=shown)).titles[0]
    assert title.startswith("“We will not sign this agreement,” the minister") and title.endswith(" …")


def test_a_preview_of_hostile_text_stays_one_escaped_attribute():
    briefing = briefing_of(HOSTILE)
    linker = Linker(briefing)
    markup = linker.cite(citation_of(briefing, 0), "index.md")
    title = re.search(r' "(.*)"\)$', str(markup)).group(1)
    assert not set('<>"') & set(title) and "\\" not in title  # nothing that ends the attribute
    parsed = anchors(markup)
    assert parsed.tags == ["p", "a"]  # no tag of the article's text became markup
    assert HOSTILE.startswith(parsed.titles[0].removesuffix(" …"))
    assert html.unescape(title) == parsed.titles[0].replace("&#92;", "\\")


INLINE = ('<p>Icons <svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M0 0"/></svg>'
          "<svg viewbox=\"0 0 640 420\" class=briefing-graph width=100% xmlns=http://www.w3.org/2000/svg "
          "xmlns:xlink=http://www.w3.org/1999/xlink><a xlink:href=../a/><circle r=5 /></a></svg>"
          "<svg xmlns='http://www.w3.org/2000/svg'></svg>")


def test_inline_svg_loses_only_its_namespace_declarations():
    assert drop_svg_namespaces(INLINE) == (
        '<p>Icons <svg viewBox="0 0 24 24"><path d="M0 0"/></svg>'
        "<svg viewbox=\"0 0 640 420\" class=briefing-graph width=100%><a xlink:href=../a/>"
        "<circle r=5 /></a></svg><svg></svg>")


@pytest.mark.parametrize("page", [
    "<p>Write xmlns=http://www.w3.org/2000/svg on a standalone file.</p>",
    '<code>&lt;svg xmlns="http://www.w3.org/2000/svg"&gt;</code>',
    '<svg-icon xmlns="http://www.w3.org/2000/svg"></svg-icon>',
    '<math xmlns="http://www.w3.org/1998/Math/MathML"></math>',
    "<svg xmlns=http://www.w3.org/2000/svg/></svg>",  # unquoted: the value is ".../svg/", kept
    '<svg xmlns="http://example.org/other"></svg>',
])
def test_text_and_other_tags_keep_their_bytes(page):
    assert drop_svg_namespaces(page) == page


def test_built_pages_inline_svg_without_namespaces_and_the_pdf_figures_keep_them(seed_site):
    pages = list((seed_site / "site").rglob("*.html"))
    tags = [tag for page in pages for tag in re.findall(r"<svg[\s>][^>]*>", page.read_text("utf-8"))]
    assert len(tags) > len(pages) and not [tag for tag in tags if "xmlns" in tag]
    graph = (seed_site / "site" / "graph" / "index.html").read_text("utf-8")
    assert "class=briefing-graph" in graph and "xlink:href=" in graph


def test_the_pdf_figures_declare_their_namespaces(seed_briefing):
    drawing = relationship_graph_svg(seed_briefing, entry_anchor)
    assert drawing.startswith('<svg xmlns="http://www.w3.org/2000/svg" '
                              'xmlns:xlink="http://www.w3.org/1999/xlink"')


def styled_figure_page(seed_site) -> Path:
    """A built person page with a "Who appears with" figure."""
    pages = sorted((seed_site / "site" / "people").glob("*/index.html"))
    return next(p for p in pages if re.search(r"class=\"?briefing-graph styled", p.read_text("utf-8")))


def test_a_person_figure_states_no_paint_of_its_own(seed_site):
    html_text = styled_figure_page(seed_site).read_text("utf-8")
    figure = re.search(r"<svg[^>]*briefing-graph styled.*?</svg>", html_text, re.S).group()
    assert "--phone-size:" in figure and "<circle" in figure
    assert not re.search(r"<circle[^>]*stroke=", figure)  # paint from the stylesheet
    assert not re.search(r"<text[^>]*(display|font-size)=", figure)


FIGURE_STYLE_JS = """() => [...document.querySelectorAll('svg.styled a.node')].map(a => {
  const circle = getComputedStyle(a.querySelector('circle'));
  const shown = [...a.querySelectorAll('text')].filter(t => getComputedStyle(t).display !== 'none');
  return [a.getAttribute('class').split(' ')[1].slice(5), circle.fill, circle.stroke, circle.strokeWidth,
          shown.map(t => [t.getAttribute('class'), getComputedStyle(t).fontSize])];
})"""
PHONE_SIZE_JS = ("() => getComputedStyle(document.querySelector('svg.styled'))"
                 ".getPropertyValue('--phone-size')")


def rgb(colour: str) -> str:
    """"#1f77b4" as a browser's computed style gives it."""
    return "rgb({}, {}, {})".format(*(int(colour[i:i + 2], 16) for i in (1, 3, 5)))


@pytest.mark.browser
def test_the_stylesheet_paints_a_person_figure_on_desktop_and_phone(seed_site):
    url = styled_figure_page(seed_site).as_uri()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=["--no-sandbox"])
        seen = {}
        for width in (1280, 390):
            page = browser.new_page(viewport={"width": width, "height": 900})
            page.goto(url)
            seen[width] = page.evaluate(FIGURE_STYLE_JS), page.evaluate(PHONE_SIZE_JS).strip()
        browser.close()
    for width, (nodes, phone_px) in seen.items():
        assert nodes and phone_px == f"{phone_size(640):g}px"
        for kind, fill, stroke, stroke_width, shown in nodes:
            assert (fill, stroke, stroke_width) == (rgb(KIND_COLOURS[kind]), "rgb(255, 255, 255)", "1.5px")
            wanted = ["label", "11px"] if width == 1280 else ["label-phone", phone_px]
            assert all(shown_as == wanted for shown_as in shown)
    assert all(any(shown for *_, shown in seen[width][0]) for width in seen)  # labels shown on both
