"""Escaping of untrusted text and relative links."""

from __future__ import annotations

import markdown
import pytest

from generator.site.markup import external_link, link, md_escape, relative


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
