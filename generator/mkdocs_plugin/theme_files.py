"""Theme files no page of the site loads, left out of it (``unloaded_theme_files``).

Material copies all of its assets into every site, about 2.2 MB, whatever the
site uses:

- source maps (``*.map``) of its scripts and stylesheets, read only by a
  browser's developer tools (1.3 MB);
- the search index's language support under ``assets/javascripts/lunr/``
  (0.9 MB): its search worker loads those scripts only for languages other than
  English (``lunr.<lang>.min.js``, with ``lunr.stemmer.support.min.js``, and
  ``lunr.multi.min.js`` for several languages), so a site searched in English
  alone loads none of them. With any other language every one of them is kept.

Only the theme's own files go (a file of the same name in docs/ is the user's
and stays).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from mkdocs.structure.files import File

THEME_ASSETS = ("assets/javascripts/", "assets/stylesheets/")
"""Folders of the theme's scripts and stylesheets (and their source maps)."""
SEARCH_LANGUAGES = "assets/javascripts/lunr/"
"""Folder of the search worker's language support."""


def unloaded_theme_files(files: Iterable[File], theme_dirs: Iterable[str],
                         search_languages: list[str] | None) -> list[File]:
    """The theme's files no page loads: source maps, and the search language support when
    the site is searched in English alone (``search_languages`` None: no search, keep it)."""
    dirs = [Path(d).resolve() for d in theme_dirs]
    english_only = search_languages is not None and set(search_languages) <= {"en"}
    return [file for file in files if (
        (file.src_uri.startswith(THEME_ASSETS) and file.src_uri.endswith(".map"))
        or (english_only and file.src_uri.startswith(SEARCH_LANGUAGES))) and _from_theme(file, dirs)]


def _from_theme(file: File, theme_dirs: list[Path]) -> bool:
    """Whether ``file`` is copied from one of the theme's folders (not from docs/)."""
    if not file.abs_src_path:
        return False
    source = Path(file.abs_src_path).resolve()
    return any(source.is_relative_to(d) for d in theme_dirs)
