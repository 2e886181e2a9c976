"""``MemoisedLinks`` rewrites MkDocs' relative links as MkDocs does, and leaves it every link it
must judge: a small site built with and without the plugin gives the same HTML and the same
warnings (broken links, missing anchors, excluded targets), and ``--strict`` still fails on them.
The site has a section excluded from search, so the same comparison covers the parts that the
plugin hides from Material's search (``search_cost``): the same search index and HTML, but for
the namespace declarations the plugin drops from inline SVG (``inline_svg``).
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urlsplit

import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from generator.mkdocs_plugin.inline_svg import drop_svg_namespaces
from generator.mkdocs_plugin.link_cost import LinkMemo, plain_parts, resolve

GOOD_PAGES = {
    "index.md": "# Home\n\n[Ann](people/ann.md) and [her roles](people/ann.md#roles) "
                "[again](people/ann.md#roles \"A title\") [the event](events/x.md?v=1#when).\n",
    "people/ann.md": "# Ann\n\n## Roles\n\n[Bo](bo.md) [Bo's summary](bo.md#summary) [home](../index.md) "
                     "[the event](../events/x.md#when) [itself](ann.md) [up here](#roles) "
                     "[spaced](bo%20b.md) ![a picture](../pic.png)\n",
    "people/bo.md": "# Bo\n\n## Summary\n\n[Ann](ann.md#roles) [the event](../events/x.md) "
                    "[elsewhere](https://example.org/a.md)\n\n## Unsearched { data-search-exclude }\n\n"
                    "- [Ann](ann.md) *said*\n\n<div class=\"x\" markdown data-search-exclude=\"1\">\n\n"
                    "[Bo B](bo%20b.md)\n\n</div>\n\n## Searched\n\nWords.\n",
    "people/bo b.md": "# Bo B\n\n[Ann](ann.md)\n",
    "events/x.md": "# X\n\n## When\n\n[Ann](../people/ann.md#roles) [Bo](../people/bo.md#summary)\n",
}

BAD_LINKS = (
    "[no anchor](people/ann.md#nowhere) [no page](people/zed.md) [a draft](drafts/d.md) "
    "[absolute](/people/ann.md) [a folder](people/) [no such heading](#nothing) "
    "[mail](someone@example.org)\n"
)


def write_site(root: Path, pages: dict[str, str], plugin: bool, strict: bool = False) -> Path:
    """A small MkDocs project with ``pages`` (and a picture and an excluded draft)."""
    for name, text in {**pages, "drafts/d.md": "# Draft\n"}.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text, encoding="utf-8")
    (root / "docs" / "pic.png").write_bytes(b"\x89PNG\r\n")
    config = {
        "site_name": "t", "theme": {"name": "material"}, "strict": strict, "exclude_docs": "drafts/\n",
        "plugins": [{"briefing": {"enabled": False}}, "search"] if plugin else ["search"],
        "markdown_extensions": ["attr_list", "md_in_html", "toc"],
        "validation": {"omitted_files": "info", "absolute_links": "warn", "unrecognized_links": "warn",
                       "anchors": "warn"},
    }
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    return root


def built(root: Path, caplog: pytest.LogCaptureFixture) -> tuple[dict[str, bytes], list[str]]:
    """The site's files and the warnings MkDocs logged while building it."""
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="mkdocs"):
        build(load_config(str(root / "mkdocs.yml")))
    site = root / "site"
    files = {p.relative_to(site).as_posix(): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    routine = ("Documentation built", "Building documentation", "Cleaning")
    messages = [r.getMessage() for r in caplog.records
                if r.levelno >= logging.INFO and not r.getMessage().startswith(routine)]
    return files, messages


@pytest.mark.parametrize("pages", [GOOD_PAGES, {**GOOD_PAGES, "hand.md": "# Hand\n\n" + BAD_LINKS}],
                         ids=["good links", "bad links"])
def test_same_site_and_messages_as_mkdocs(tmp_path, caplog, pages):
    plain = built(write_site(tmp_path / "plain", pages, plugin=False), caplog)
    memoised = built(write_site(tmp_path / "memo", pages, plugin=True), caplog)
    left_out = {name for name in plain[0] if name.endswith(".map") or "/lunr/" in name}
    assert left_out  # the theme's files no page loads (``theme_files``): the one difference
    assert sorted(memoised[0]) == sorted(set(plain[0]) - left_out)
    for name, content in memoised[0].items():  # the inline SVGs without namespaces (``inline_svg``)
        expected = drop_svg_namespaces(plain[0][name].decode()).encode() if name.endswith(".html") \
            else plain[0][name]
        assert expected == content, name
    assert memoised[1] == plain[1]
    if len(pages) > len(GOOD_PAGES):
        assert len(plain[1]) >= 6 and any("nowhere" in m for m in plain[1])


def test_strict_build_still_fails_on_a_broken_anchor_in_a_hand_written_page(tmp_path, caplog):
    pages = {**GOOD_PAGES, "hand.md": "# Hand\n\n[no anchor](people/ann.md#nowhere)\n"}
    with pytest.raises(Abort):
        built(write_site(tmp_path / "strict", pages, plugin=True, strict=True), caplog)
    assert any("does not contain an anchor '#nowhere'" in r.getMessage() for r in caplog.records)
    built(write_site(tmp_path / "fine", GOOD_PAGES, plugin=True, strict=True), caplog)


def site_files(*uris: str) -> Files:
    return Files([File(uri, "/docs", "/site", use_directory_urls=True) for uri in uris])


def test_resolve_finds_only_plain_links_to_built_files():
    files = site_files("index.md", "people/ann.md", "events/x.md")
    target = resolve(files, "people", "../events/x.md?v=1#when")
    assert target is not None and target.file.src_uri == "events/x.md"
    assert (target.query, target.anchor) == ("v=1", "when")
    for url in ("zed.md", "https://example.org/a.md", "/people/ann.md", "#roles", "mailto:a@b.org", "../"):
        assert resolve(files, "people", url) is None, url


@pytest.mark.parametrize("url", ["a.md", "a.md#x?y", "a.md?q#f", "a.md#", "a.md??q", "a%20b.md#s-1",
                                 "../x/y.md?v=1", "a b.md", "./a.md#"])
def test_plain_links_split_as_urlsplit_splits_them(url):
    split = urlsplit(url)
    assert plain_parts(url) == (split.path, split.query, split.fragment)


@pytest.mark.parametrize("url", ["https://x.org/a.md", "mailto:a@b.org", "//x.org/a.md", "/a.md", "\\a.md",
                                 " a.md", "a\t.md", "#top", "?q=1", "a:b.md", ""])
def test_other_links_are_left_to_mkdocs(url):
    assert plain_parts(url) is None


def test_memo_starts_again_with_the_files_of_another_build():
    memo = LinkMemo()
    first = site_files("index.md", "people/ann.md")
    assert memo.target(first, "", "people/ann.md").file.src_uri == "people/ann.md"
    assert memo.target(site_files("index.md"), "", "people/ann.md") is None
    assert list(memo.targets) == [("", "people/ann.md")]
