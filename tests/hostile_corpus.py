"""A seeds folder of hostile inputs: odd file names, encodings, markup and metadata.

``HOSTILE_FILES`` maps a file name to its bytes; ``write_hostile_seeds`` also
adds what cannot be a plain file (a folder named like an article, symlinks).
Each article body is ordinary news English around the hostile part, so the
language analysis has sentences and names to work on.
"""

from __future__ import annotations

import os
from pathlib import Path

BODY = ("Foreign ministers met in Geneva on Monday to discuss the ceasefire. "
        "Maria Lopez, the envoy of the United Nations, said talks would resume on Friday.")


def article(hostile: str, body: str = BODY) -> bytes:
    """An article whose first paragraph is ``hostile`` and whose body is plain news text."""
    return f"{hostile}\n\n{body}\n".encode()


YAML_BOMB = """---
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
title: *g
---
"""

HTML_PAGE = """<html><head><title>Ceasefire talks <script>alert('title')</script></title>
<style>body { background: url(javascript:alert(1)) }</style>
<script>alert('head')</script></head>
<body><article><h1>Ceasefire talks resume in Geneva</h1>
<p onclick="alert('p')">Foreign ministers met in Geneva on Monday to discuss the ceasefire,
officials said after a long meeting at the palace.</p>
<script>alert('body')</script>
<iframe src="https://example.org/evil"></iframe>
<p>Maria Lopez, the envoy of the United Nations, said talks would resume on Friday
<a href="javascript:alert('a')">javascript link</a> and
<img src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+" onerror="alert('img')">
<a href="data:text/html,<script>alert(3)</script>">data link</a>.</p>
</article></body></html>
"""

MKDOCS_SYNTAX = """--8<-- "/etc/passwd"
--8<-- "mkdocs.yml"

!!! note "Injected admonition"
    Text inside :material-alert: an admonition [TOC]

<!-- material/tags -->

Officials met {: onclick="alert(1)" } in Geneva {: #s-0 .md-button onmouseover=alert(2) }

[x]: javascript:alert(1)
[y]: data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==
See [the file][x] and [the other][y] and <javascript:alert(4)> and <https://example.org>.
"""

JINJA = ("Officials said {{ 7*7 }} and {% for x in range(3) %}loop{% endfor %} {# comment #} "
         "{{ config.__class__ }} {% raw %}raw{% endraw %} ${{ c }} {{ cite(c) }}.")

HOSTILE_FILES: dict[str, bytes] = {
    "with space.txt": article("Talks with a space in the file name"),
    "unicodé 日本語.txt": article("Talks with unicode in the file name"),
    "hash#tag.txt": article("Talks with a hash in the file name"),
    "what?.txt": article("Talks with a question mark in the file name"),
    "per%20cent%2F.txt": article("Talks with percent escapes in the file name"),
    "a&b;c.txt": article("Talks with an ampersand in the file name"),
    "-leading-dash.txt": article("Talks with a leading dash in the file name"),
    "quote'\"<b>.txt": article("Talks with quotes and angle brackets in the file name"),
    "dot.name.v2.txt": article("Talks with dots in the file name"),
    ("long" * 60) + ".txt": article("Talks with a very long file name"),
    "case.txt": article("Talks in the lower-case file"),
    "CASE.txt": article("Talks in the upper-case file"),
    "zero\u200bwidth\u202eevil.txt": article("Talks with zero\u200bwidth and \u202ebidi override title"),
    "index.txt": article("Talks in a file called index"),
    "huge.txt": ("Officials met in Geneva and said the talks went well. " * 40000).encode(),
    "punctuation.txt": b"!!! ... ??? --- *** ### ((( ))) [[[ ]]] {{{ }}} <<< >>> ;;; :::\n",
    "script.html": HTML_PAGE.encode(),
    "yaml-bomb.md": (YAML_BOMB + "Officials met in Geneva on Monday.\n").encode(),
    "python-tag.md": (b"---\ntitle: !!python/object/apply:os.system ['echo pwned']\n---\n"
                      b"Officials met in Geneva on Monday.\n"),
    "python-name.md": (b"---\ntitle: !!python/name:os.system\n---\nOfficials met in Geneva.\n"),
    "script-title.md": (b"---\ntitle: \"<script>alert('t')</script> {{ 7*7 }} **bold** [x](javascript:y)\"\n"
                        b"outlet: \"<img src=x onerror=alert(1)>\"\n"
                        b"url: \"javascript:alert(1)\"\n---\n") + BODY.encode(),
    "bidi-title.md": ("---\ntitle: \"Ceasefire \u202eeurt si siht\u202c talks\u200b resume\"\n---\n"
                      + BODY).encode(),
    "list-front-matter.md": b"---\n- a\n- b\n---\nOfficials met in Geneva.\n",
    "markdown-syntax.md": (MKDOCS_SYNTAX + "\n" + BODY).encode(),
    "mkdocs-syntax.txt": (MKDOCS_SYNTAX + "\n" + BODY).encode(),
    "jinja.txt": article(JINJA),
    "jinja.title.md": ("---\ntitle: \"{{ 7*7 }} {% if true %}yes{% endif %} {# c #}\"\n---\n"
                       + BODY).encode(),
    "entities.txt": article("Officials wrote &#x3C;script&#x3E;alert(1)&#x3C;/script&#x3E; "
                            "and &lt;iframe src=x&gt; and &amp;lt;b&amp;gt; in Geneva."),
    "html-in-text.txt": article("Officials </title></textarea><script>alert(1)</script> <style>*{display:none}</style> "
                                "<iframe src=//evil></iframe> <a href=javascript:alert(2)>x</a> "
                                "<svg onload=alert(3)> <img src=x onerror=alert(4)> "
                                "<div markdown=1>**b**</div> in Geneva."),
    "crlf.txt": b"Talks resume in Geneva\r\n\r\nForeign ministers met in Geneva on Monday.\r\n"
                b"Maria Lopez said talks would resume.\r\n",
    "lone-cr.txt": b"Talks resume in Geneva\r\rForeign ministers met in Geneva on Monday.\r"
                   b"Maria Lopez said talks would resume.\r",
    "utf16.txt": "\ufeffTalks resume in Geneva\n\nForeign ministers met in Geneva.\n".encode("utf-16-le"),
    "utf8-bom.txt": "\ufeffTalks resume in Geneva\n\nForeign ministers met in Geneva.\n".encode("utf-8"),
    "new\nline.txt": article("Talks with a newline in the file name"),
    "pipe|back\\slash.txt": article("Talks with a pipe and a backslash in the file name"),
    "control.txt": article("Talks\x0b resumed \x1b[31m in Geneva \x07 on Monday\x0c after \x7f a pause."),
    "breakout.md": article("</span></p><!-- unclosed comment\n```\n<div>\n| a | b |\n|---|---|\n"
                           "* list\n> quote\n    indented code\n1. one"),
    "names.txt": article("Zoë Ångström-Ñúñez met Мария Иванова and 习近平 in Zürich on Monday. "
                         "Мария Иванова said Zoë Ångström-Ñúñez agreed."),
    "sources.yml": b"- not\n- a\n- mapping\n",
}
"""File name -> bytes of every hostile file written as a plain file."""

EXPECTED_SKIPS = {
    "python-tag.md": "front matter",
    "python-name.md": "front matter",
    "list-front-matter.md": "front matter",
    "punctuation.txt": "",
    "x.txt": "folder",
    "passwd-link.txt": "symbolic link",
    "dangling-link.txt": "symbolic link",
    "loop-a.txt": "loops",
    "loop-b.txt": "loops",
}
"""File name -> a word its skip reason must contain ("" when it may be ok or skipped)."""


def write_hostile_seeds(seeds: Path) -> list[str]:
    """Write the hostile corpus into ``seeds``; returns every entry name an article could be."""
    seeds.mkdir(parents=True, exist_ok=True)
    for name, data in HOSTILE_FILES.items():
        (seeds / name).write_bytes(data)
    (seeds / "x.txt").mkdir()
    (seeds / "x.txt" / "inner.txt").write_bytes(article("Talks in a nested folder"))
    os.symlink("/etc/passwd", seeds / "passwd-link.txt")
    os.symlink(seeds / "missing-target.txt", seeds / "dangling-link.txt")
    os.symlink("loop-b.txt", seeds / "loop-a.txt")
    os.symlink("loop-a.txt", seeds / "loop-b.txt")
    os.symlink("crlf.txt", seeds / "inside-link.txt")
    return sorted(p.name for p in seeds.iterdir() if p.name != "sources.yml")
