"""MkDocs' link rewriting at lower cost, with the same HTML, warnings and anchor checks.

MkDocs turns each relative ``.md`` link of a page into a URL relative to the page
(``mkdocs.structure.pages._RelativePathTreeprocessor.path_to_url``): it splits the link,
normalises the target path, looks the file up through ``pathlib`` and checks its inclusion,
for every link of every page. A generated site repeats the same links from one folder
thousands of times, so ``LinkMemo`` finds the file of each (folder, link path) once per build
and keeps MkDocs' own code for every link it does not find among the built files: broken,
absolute, external and excluded links still get MkDocs' messages, and anchors are still
recorded for ``validation: anchors``.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from typing import NamedTuple
from urllib.parse import unquote, urlunsplit
from xml.etree.ElementTree import Element

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor
from markdown.util import AMP_SUBSTITUTE
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import _RelativePathTreeprocessor
from mkdocs.utils import get_relative_url


class LinkTarget(NamedTuple):
    """Where a relative link of a page resolves: the built file and the URL's query and anchor."""

    file: File
    query: str
    anchor: str


class LinkMemo:
    """The files that the relative links seen so far in one build point to, by (source folder,
    link path): the query and anchor of a link do not change its file."""

    def __init__(self) -> None:
        self.files: Files | None = None
        self.targets: dict[tuple[str, str], File | None] = {}

    def target(self, files: Files, folder: str, url: str) -> LinkTarget | None:
        """The built file ``url`` links to from a page in ``folder``; None when MkDocs must
        judge the link itself (not a relative link to a file of the site, or an excluded one)."""
        if files is not self.files:  # a new build: other files
            self.files, self.targets = files, {}
        parts = plain_parts(url)
        if parts is None:
            return None
        path, query, anchor = parts
        key = (folder, path)
        if key not in self.targets:
            self.targets[key] = built_file(files, folder, path)
        file = self.targets[key]
        return None if file is None else LinkTarget(file, query, anchor)

    def rewriter(self, relpath: _RelativePathTreeprocessor) -> Callable[[str], str]:
        """``relpath.path_to_url``, answering from the memo when it can."""
        fallback, page, files = relpath.path_to_url, relpath.file, relpath.files
        folder = posixpath.dirname(page.src_uri)

        def path_to_url(url: str) -> str:
            target = self.target(files, folder, url)
            if target is None:
                return fallback(url)
            if target.anchor:
                relpath.links_to_anchors.setdefault(target.file, {}).setdefault(target.anchor, url)
            path = get_relative_url(target.file.url, page.url)
            return urlunsplit(("", "", path, target.query, target.anchor))

        return path_to_url


def plain_parts(url: str) -> tuple[str, str, str] | None:
    """Path, query and anchor of a relative link with a path, as ``urlsplit`` splits it; None for
    any other link (a scheme or what might be one, an absolute path, whitespace to strip ...)."""
    if ":" in url or url.startswith(("/", "\\")) or url[:1] <= " " or AMP_SUBSTITUTE in url:
        return None
    if "\t" in url or "\r" in url or "\n" in url:
        return None
    path, _, anchor = url.partition("#")
    path, _, query = path.partition("?")
    return (path, query, anchor) if path else None


def built_file(files: Files, folder: str, path: str) -> File | None:
    """The file a link ``path`` from ``folder`` points to, as ``path_to_url`` finds it; None when
    it finds none or an excluded one (it then warns)."""
    uri = posixpath.normpath(posixpath.join(folder, unquote(path)).lstrip("/"))
    file = files.get_file_from_path(uri)
    return None if file is None or file.inclusion.is_excluded() else file


def resolve(files: Files, folder: str, url: str) -> LinkTarget | None:
    """The target of a plain relative link from ``folder``, as ``path_to_url`` resolves it when it
    finds the file and warns about nothing; None otherwise (see ``LinkMemo.target``)."""
    return LinkMemo().target(files, folder, url)


class _LinkMemoPass(Treeprocessor):
    """Runs just before MkDocs' ``relpath`` pass (priority 0): hands it the memo."""

    def __init__(self, md: Markdown, memo: LinkMemo) -> None:
        super().__init__(md)
        self.memo = memo

    def run(self, root: Element) -> None:
        if "relpath" not in self.md.treeprocessors:  # Markdown outside MkDocs
            return
        relpath = self.md.treeprocessors["relpath"]
        if type(relpath) is _RelativePathTreeprocessor:
            relpath.path_to_url = self.memo.rewriter(relpath)  # type: ignore[method-assign]


class MemoisedLinks(Extension):
    """Markdown extension: MkDocs' relative links resolved once per folder and build."""

    def __init__(self) -> None:
        super().__init__()
        self.memo = LinkMemo()

    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Python-Markdown's name
        md.treeprocessors.register(_LinkMemoPass(md, self.memo), "briefing_link_memo", 0.5)
