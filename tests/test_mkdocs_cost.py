"""What the MkDocs plugin does to make pages cheaper to build never changes their HTML.

``LeanInlinePatterns`` leaves inline patterns out only where they cannot match: every case
converts with and without it, on hand-written Markdown using each core inline pattern and
on every generated page of the golden files. ``NavMemo`` renders Material's navigation once
for the pages outside the nav of one folder: a small site built with and without it.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from types import SimpleNamespace

import markdown
import pytest
import yaml
from mkdocs.commands.build import build
from mkdocs.config import load_config

from generator.mkdocs_plugin import BriefingPlugin, FigureStash, LeanInlinePatterns, NavMemo, QuickTables
from generator.mkdocs_plugin.markdown_cost import QuickLinkProcessor, hide_figures, show_figures
from generator.svg.graph import GraphEdge, GraphNode, render_graph

REPO = Path(__file__).resolve().parents[1]
GOLDEN_PAGES = sorted((REPO / "tests" / "golden" / "expected").rglob("*.md"))


def extensions() -> list[object]:
    """The Markdown extensions of the repository's mkdocs.yml (with their settings)."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    return list(config["markdown_extensions"])


def convert(text: str, *extra: object) -> tuple[str, markdown.Markdown]:
    """HTML of ``text`` converted as MkDocs would, with ``extra`` extensions added."""
    names, configs = [], {}
    for item in extensions():
        name = next(iter(item)) if isinstance(item, dict) else item
        names.append(name)
        if isinstance(item, dict):
            configs[name] = item[name]
    md = markdown.Markdown(extensions=[*names, *extra], extension_configs=configs)
    return md.convert(text), md


CASES = {
    "link and undefined reference": "See [a page](people/x.md \"A title\") and [not][defined].",
    "defined references": (
        "A [ref][one], a [one], ![pic][two] and ![two].\n\n[one]: a.md \"One\"\n[two]: b.png"
    ),
    "images": "An image ![alt text](pic.png) and ! [not an image](x.md).",
    "autolinks and mail": "Write to <someone@example.org> or read <https://example.org/x?a=1>.",
    "line break": "first line  \nsecond line",
    "inline html and entities": "A <span class=\"sentence\" id=\"s-1\">sentence</span> &amp; &#169; &copy;.",
    "escapes": r"Not \*emphasis\*, a \[label\] and 1\. no list \# no heading \_x\_.",
    "code": "Use `mkdocs build` or ``a `tick` inside``; \\`not code\\`.",
    "emphasis": "**Person** · *an event* and ***both*** with _under_ and __strong__.",
    "link text with markup": "[**bold** and `code` <b>html</b>](x.md) and [\\[S12\\]](s.md#s-3 \"quote\")",
    "html block with markdown": (
        '<div class="briefing-source-text" markdown data-search-exclude>\n\n'
        '<span class="sentence" id="s-1">[Name](p.md) met *someone*\\.</span>\n\n</div>'
    ),
    "attributes and table": (
        "## Summary { data-search-exclude }\n\n| Name | Sources |\n| --- | --- |\n"
        "| [A](a.md) | 3 |\n\n!!! note \"Heads up\"\n    Text with `code`."
    ),
    "no inline syntax": "Plain words only, nothing to convert here.",
    "link forms": (
        "[a](x.md) [b](x.md  \"two  spaces\") [c](x.md\"glued\") [d]( x.md) [e](<a b.md> \"t\") [f]()"
        " [g](x.md 'single') [h](x(1).md) [i](x.md \"it's (a) 'b')\") [j](x.md \"a \\\"q\\\" b\")"
        " [k](x.md \"it's o'k\") [l](x.md \"line\nbreak\") [m](x.md \"unclosed)"
        " [n](x.md#s-1?q=1 \"&amp; <b>\")"
    ),
}


@pytest.mark.parametrize("text", CASES.values(), ids=CASES.keys())
def test_same_html_as_without_the_extension(text):
    assert convert(text, LeanInlinePatterns())[0] == convert(text)[0]


@pytest.mark.parametrize("page", GOLDEN_PAGES, ids=lambda p: str(p.relative_to(REPO / "tests" / "golden")))
def test_generated_pages_convert_to_the_same_html(page):
    text = page.read_text(encoding="utf-8").split("\n---\n", 1)[-1]
    assert convert(text, LeanInlinePatterns(), FigureStash(), QuickTables())[0] == convert(text)[0]


def figure_page(closed: bool = True) -> str:
    svg = render_graph([GraphNode("a", "<b>*Ann*</b> & [x](y.md)", "person", "a.md", 2),
                        GraphNode("b", "Bo", "place", "b.md")], [GraphEdge("a", "b", 1, "_1_")])
    return ("## Appears with { data-search-exclude }\n\n<div class=\"briefing-figure\">\n" + svg
            + ("\n</div>\n\n" if closed else "\n\n") + "After the *figure* [a](a.md).\n")


@pytest.mark.parametrize("closed", [True, False], ids=["figure", "unclosed figure"])
def test_figures_are_kept_as_they_are_without_parsing(closed):
    html, md = convert(figure_page(closed), FigureStash())
    assert html == convert(figure_page(closed))[0]  # an unclosed one swallows the rest, as before
    assert md.htmlStash.rawHtmlBlocks and ("&lt;b&gt;*Ann*&lt;/b&gt;" in html) and "<em>Ann</em>" not in html
    assert ("<em>figure</em>" in html) == closed


def kept_patterns(text: str) -> list[str]:
    """Names of the inline patterns the inline pass ran with on ``text``."""
    _, md = convert(text, LeanInlinePatterns())
    return [item.name for item in md.treeprocessors["inline"].inlinePatterns._priority]


TABLES = (
    "| A | B | C |\n| --- | :-: | --: |\n| [x](x.md \"t\") | \\| escaped | a\\\\|b |\n"
    "| `code | pipe` | \\\\\\| odd | \\[S1\\] |\n| plain | cells | here |\n|| empty | |\n"
    "| \\`tick | `a\\|b` | x |\n\nA | B\n--- | ---\n1 | 2 \\| 3\n"
)


def test_tables_split_as_python_markdown_splits_them():
    html, md = convert(TABLES, QuickTables())
    assert html == convert(TABLES)[0] and html.count("<tr>") == 8
    assert type(md.parser.blockprocessors["table"]).__name__ == "QuickTableProcessor"


def test_links_read_by_the_quick_reader_and_the_rest_by_the_original():
    _, md = convert(CASES["link forms"], LeanInlinePatterns())
    link = md.inlinePatterns["link"]
    assert isinstance(link, QuickLinkProcessor)
    assert link.SIMPLE_LINK.match('(x.md "it\'s o\'k")') and link.SIMPLE_LINK.match("(x.md)")
    for other in ('(x.md "it\'s (a)")', "(<a b.md>)", "( x.md)", '(x.md"glued")', "(x(1).md)"):
        assert link.SIMPLE_LINK.match(other) is None, other


def test_patterns_that_cannot_match_are_left_out():
    kept = kept_patterns("A [link](x.md) to **someone** \\[S1\\].")
    assert {"link", "escape", "em_strong"} <= set(kept)
    left_out = {"reference", "short_reference", "image_link", "image_reference", "short_image_ref",
                "backtick", "autolink", "automail", "linebreak", "html", "entity"}
    assert not left_out & set(kept)


def test_reference_patterns_kept_when_the_page_defines_a_reference():
    kept = kept_patterns("A [ref][one].\n\n[one]: a.md")
    assert {"reference", "short_reference"} <= set(kept)


def test_plugin_adds_the_extension_once(tmp_path):
    (tmp_path / "docs").mkdir()
    config_file = tmp_path / "mkdocs.yml"
    config_file.write_text("site_name: t\nplugins:\n  - briefing:\n      enabled: false\n", encoding="utf-8")
    config = load_config(str(config_file))
    plugin = config.plugins["briefing"]
    assert isinstance(plugin, BriefingPlugin)
    for _ in range(2):
        config = plugin.on_config(config)
    assert sum(isinstance(e, LeanInlinePatterns) for e in config.markdown_extensions) == 1


def memo(files: list[str], in_nav: list[str] = ("", "people/")) -> NavMemo:
    return NavMemo(list(files) + list(in_nav), list(in_nav))


@pytest.mark.parametrize(("url", "files", "key"), [
    ("people/a/", ["people/a/", "people/b/"], "people"),
    ("people/b/", ["people/a/", "people/b/"], "people"),
    ("people/a/", ["people/a/", "people/a/photo.png"], ""),  # the folder holds another file
    ("people/", [], ""),  # a page of the nav
    ("people/a.html", ["people/a.html"], ""),  # URLs without folders: relative to people/
    ("", [], ""),  # the home page
])
def test_nav_memo_key(url, files, key):
    assert memo(files).key(SimpleNamespace(url=url)) == key


def test_nav_memo_key_empty_when_the_nav_links_into_the_folder():
    assert memo(["people/a/"], in_nav=["", "people/a/deeper/"]).key(SimpleNamespace(url="people/a/")) == ""


def write_site(root: Path, overrides: Path) -> Path:
    """A small MkDocs project: nav pages, pages outside the nav at several depths."""
    pages = {"index.md": "# Home", "people/index.md": "# People", "guide/setup.md": "# Setup",
             "people/a.md": "# A", "people/b.md": "# B", "events/x.md": "# X",
             "events/more/y.md": "# Y", "guide/z.md": "# Z"}
    for name, text in pages.items():
        (root / "docs" / name).parent.mkdir(parents=True, exist_ok=True)
        (root / "docs" / name).write_text(text + "\n\nText.\n", encoding="utf-8")
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8"))
    config["theme"]["custom_dir"] = str(overrides)
    config["plugins"] = [{"briefing": {"enabled": False}}]
    config.pop("extra_css", None)
    config["nav"] = [{"Overview": "index.md"}, {"People": "people/index.md"},
                     {"Guide": ["guide/setup.md", {"Elsewhere": "https://example.org/"}]}]
    config["not_in_nav"] = "/people/\n/events/\n/guide/z.md\n"
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config), encoding="utf-8")
    build(load_config(str(root / "mkdocs.yml")))
    return root / "site"


def test_memoised_navigation_is_the_html_of_material_on_every_page(tmp_path):
    plain = tmp_path / "plain-overrides"
    shutil.copytree(REPO / "site_templates" / "overrides", plain)
    (plain / "partials" / "nav.html").unlink()
    memoised = write_site(tmp_path / "memo", REPO / "site_templates" / "overrides")
    material = write_site(tmp_path / "material", plain)
    pages = sorted(p.relative_to(memoised) for p in memoised.rglob("*.html"))
    assert len(pages) == 9
    for page in pages:
        assert (memoised / page).read_bytes() == (material / page).read_bytes(), page


def test_figures_set_aside_for_the_search_plugin_come_back_unchanged():
    html = convert(figure_page() + "\n" + figure_page() + "\n" + figure_page(closed=False))[0]
    hidden, figures = hide_figures(html)
    assert len(figures) == 2 and "<svg" in hidden  # the unclosed one stays where it is
    assert hidden.count("<svg") == 1 and all(f.startswith('<div class="briefing-figure">') for f in figures)
    assert show_figures(hidden, figures) == html
    assert hide_figures("no figure here") == ("no figure here", [])
