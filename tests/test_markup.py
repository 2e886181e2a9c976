"""Escaping of untrusted text and relative links."""

from __future__ import annotations

import html
import posixpath
import random
import re

import markdown
import pytest

from generator.site.markup import display_text, external_link, link, md_escape, relative, relative_path
from generator.site.render import make_environment, plural


@pytest.mark.parametrize("text", [
    "<script>alert(1)</script>",
    "**bold** _it_ `code`",
    "[x](javascript:alert(1))",
    "# heading",
    "1. list item",
    "- bullet",
    "> quote",
    "a | b | c",
    "<img src=x onerror=alert(1)>",
    "&amp; &lt; entities",
    "![img](http://example.com/x.png)",
    "\\*escaped\\*",
])
def test_escaped_text_renders_literally(text):
    html = markdown.markdown(md_escape(text), extensions=["tables", "attr_list", "md_in_html"])
    assert not any(tag in html for tag in ("<script", "<strong", "<em", "<code", "<a ", "<img", "<h1",
                                           "<ol", "<ul", "<blockquote", "<table"))
    plain = html.removeprefix("<p>").removesuffix("</p>")
    import html as html_lib

    assert html_lib.unescape(plain) == text


def test_relative_links_between_pages():
    assert relative("people/a.md", "places/b.md") == "../people/a.md"
    assert relative("sources/x.md#s-3", "index.md") == "sources/x.md#s-3"
    assert relative("people/a b.md", "index.md") == "people/a%20b.md"


def test_link_escapes_label_and_title():
    out = link("*A* [b]", "people/a.md", "index.md", title='say "hi"')
    assert out == '[\\*A\\* \\[b\\]](people/a.md "say &quot;hi&quot;")'


@pytest.mark.parametrize("url, is_link", [
    ("https://example.com/a?b=1", True),
    ("http://example.com", True),
    ("javascript:alert(1)", False),
    ("data:text/html,<script>", False),
    ("https://x.com/\"><script>", False),
])
def test_only_http_urls_become_links(url, is_link):
    out = str(external_link(url))
    assert out.startswith("<a href=") == is_link
    assert "<script" not in out


def _reference_display_text(value: object) -> str:
    """``display_text`` as it was written first: two substitutions on every string."""
    hidden = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
    return hidden.sub("", re.sub(r"\s+", " ", str(value)))


def _reference_md_escape(value: object) -> str:
    """``md_escape`` in two steps: a backslash before each Markdown special of the text, then
    html.escape (so the "#" of the apostrophe's "&#x27;" is not backslashed)."""
    text = re.sub(r"([\\`*_{}\[\]()#+\-.!|])", r"\\\1", _reference_display_text(value))
    return html.escape(text, quote=True)


def test_escaping_by_one_translation_equals_the_two_step_escape_on_random_text():
    alphabet = "ab Z9\\`*_{}[]()#+-.!|><&\"'  \t\n\r\x0b\x0c\x00\x1f\x85\xa0\u2028\u202e\u2066éß“”"
    rng = random.Random(7)
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert display_text(text) == _reference_display_text(text), repr(text)
        assert md_escape(text) == _reference_md_escape(text), repr(text)


def test_relative_path_is_posix_relpath_of_docs_paths():
    """The site's own relative path gives what ``posixpath.relpath`` gives, on every shape of
    path a page may link: nested, equal, sibling, empty, "." and ".." parts, absolute ones."""
    parts = ["people", "pages", "a.md", "b", "", ".", ".."]
    shuffle = random.Random(7)
    for _ in range(20_000):
        path = "/".join(shuffle.choice(parts) for _ in range(shuffle.randint(0, 4)))
        folder = "/".join(shuffle.choice(parts) for _ in range(shuffle.randint(0, 4)))
        assert relative_path(path, folder) == posixpath.relpath(path or ".", folder or "."), (path, folder)


def test_counts_of_a_thousand_and_more_are_written_with_a_comma():
    assert plural(1, "source") == "1 source"
    assert plural(2893, "name") == "2,893 names"
    assert plural(1000, "entry", "entries") == "1,000 entries"
    template = make_environment().from_string('{{ n | number }} people')
    assert template.render(n=2893) == "2,893 people" and template.render(n=126) == "126 people"


def test_an_apostrophe_in_a_heading_keeps_the_table_of_contents_and_anchor_clean():
    import markdown

    parser = markdown.Markdown(extensions=["toc"])
    parser.convert("## " + md_escape("It's Bo's \"last\" deal & more"))
    (heading,) = parser.toc_tokens
    assert heading["id"] == "its-bos-last-deal-more"  # was "itx27s-box27s-..."
    assert html.unescape(heading["name"]) == "It's Bo's \"last\" deal & more"  # was "It&#x27;s ..."
