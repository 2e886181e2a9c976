"""Which entries of the seeds folder are articles, and reading their bytes as text.

Every entry is a candidate except ``sources.yml`` and hidden files whose
name is not an article's; ``check_entry`` refuses what is not a plain file
inside the folder (a sub-folder, a link leading out of it, a pipe) and
``decode`` what is not text, each with the reason for the build report.
"""

from __future__ import annotations

import codecs
from pathlib import Path

TEXT_SUFFIXES = {".txt"}
MARKDOWN_SUFFIXES = {".md", ".markdown"}
HTML_SUFFIXES = {".html", ".htm"}
ARTICLE_SUFFIXES = TEXT_SUFFIXES | MARKDOWN_SUFFIXES | HTML_SUFFIXES
METADATA_FILE = "sources.yml"
MAX_FILE_BYTES = 25_000_000
"""Larger files are skipped: no news article is that long."""
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


class ArticleError(Exception):
    """Why one file cannot be read as an article."""


def is_candidate(path: Path) -> bool:
    """Every entry but sources.yml and hidden files not named like an article."""
    if path.name == METADATA_FILE:
        return False
    return not path.name.startswith(".") or path.suffix.lower() in ARTICLE_SUFFIXES


def check_entry(path: Path) -> None:
    """Raise ArticleError unless ``path`` is a plain, visible file inside its folder."""
    if path.is_symlink():
        try:
            target = path.resolve()
        except (OSError, RuntimeError) as err:  # RuntimeError: a loop, before Python 3.13
            raise ArticleError("symbolic link that loops back on itself") from err
        if not target.exists():
            raise ArticleError("symbolic link to a missing file")
        if not target.is_relative_to(path.parent.resolve()):
            raise ArticleError("symbolic link to a file outside the seeds folder: not read")
    if path.is_dir():
        raise ArticleError("a folder, not a file: articles in sub-folders are not read")
    if not path.is_file():
        raise ArticleError("not a regular file")
    if path.name.startswith("."):
        raise ArticleError("hidden file (its name starts with '.'): rename it to include it")
    if path.stat().st_size > MAX_FILE_BYTES:
        raise ArticleError(f"file too large ({path.stat().st_size} bytes; at most {MAX_FILE_BYTES})")


def decode(path: Path) -> str:
    """Decode a file as UTF-8 (UTF-16 with a byte order mark) with normalised newlines, or say why not."""
    try:
        data = path.read_bytes()
    except OSError as err:
        raise ArticleError(f"cannot read file: {err.strerror or err}") from err
    if not data.strip():
        raise ArticleError("empty file")
    codec = "utf-16" if data.startswith(_UTF16_BOMS) else "utf-8-sig"
    if b"\x00" in data and codec == "utf-8-sig":
        raise ArticleError("binary file (contains NUL bytes), not text")
    try:
        text = data.decode(codec)
    except UnicodeDecodeError as err:
        name = "UTF-8" if codec == "utf-8-sig" else "UTF-16"
        raise ArticleError(
            f"not {name} text: byte 0x{data[err.start]:02x} at offset {err.start} cannot be decoded"
        ) from err
    if "\x00" in text:
        raise ArticleError("binary file (contains NUL characters), not text")
    return text.replace("\r\n", "\n").replace("\r", "\n")
