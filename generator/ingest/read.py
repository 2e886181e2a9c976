"""Ingest stage: read every file in the seeds folder into a ``Source``.

A file that cannot be used becomes a ``Source`` with status "skipped" and the
reason, so nothing is dropped silently. Offsets everywhere refer to
``Source.text``: the decoded file with newlines normalised for .txt/.md, the
extracted main text for .html.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import yaml

from generator.config import BriefingError
from generator.ingest.article import ArticleText, build_source
from generator.ingest.files import (
    ARTICLE_SUFFIXES,
    HTML_SUFFIXES,
    MARKDOWN_SUFFIXES,
    METADATA_FILE,
    ArticleError,
    check_entry,
    decode,
    is_candidate,
)
from generator.ingest.html import from_html
from generator.ingest.source_cache import SourceCache
from generator.ingest.source_ids import display_name, slug_id, unique_id
from generator.model import BuildWarning, Source
from generator.storage.yaml_text import load_yaml

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)


def ingest(seeds_dir: Path, known: SourceCache | None = None) -> tuple[list[Source], list[BuildWarning]]:
    """Read all articles in ``seeds_dir``.

    Every entry of the folder becomes a Source, except ``sources.yml`` and
    hidden files not named like an article; one that is not a readable
    article (a folder, a link leading out of the folder, a bad file) is a
    skipped Source with the reason. ``known``: sources of the last build by
    content; an unchanged file's is reused (the same ``Source``) and the cache saved.

    Raises:
        BriefingError: the folder is missing or holds no files at all.
    """
    if not seeds_dir.is_dir():
        raise BriefingError(f"{seeds_dir}: seeds folder not found")
    try:
        files = sorted(p for p in seeds_dir.iterdir() if is_candidate(p))
    except OSError as err:
        raise BriefingError(f"{seeds_dir}: seeds folder cannot be read: {err.strerror or err}") from err
    if not files:
        raise BriefingError(f"{seeds_dir}: seeds folder holds no articles (.txt, .md, .html)")
    sidecar, warnings = load_sidecar(seeds_dir / METADATA_FILE, known)
    names = {p.name for p in files}
    warnings += [BuildWarning(METADATA_FILE, f"metadata for '{name}' but the seeds folder has no such file")
                 for name in sidecar if name not in names]
    sources: list[Source] = []
    seen = TakenIds()
    for path in files:
        source = read_source(path, sidecar.get(path.name, {}), seen.near(path.name, path.stem), known)
        seen.add(source.id)
        sources.append(source)
        if source.status == "skipped":
            warnings.append(BuildWarning(source.path, source.error))
        warnings += [BuildWarning(source.path, note) for note in source.notes]
    if known is not None:
        known.save()
    return sources, warnings


class TakenIds:
    """Ids of the files read so far, by lower case, for ``unique_id`` without a pass over all of them."""

    def __init__(self) -> None:
        self._ids: set[str] = set()
        self._by_lower: dict[str, set[str]] = {}

    def add(self, ident: str) -> None:
        """Record an id as taken."""
        self._ids.add(ident)
        self._by_lower.setdefault(ident.lower(), set()).add(ident)

    def near(self, name: str, stem: str) -> set[str]:
        """The taken ids ``unique_id(name, stem, taken)`` can be affected by: the stem's case-twins
        and the file's slug; it gives the same answer with these as with all."""
        slug = slug_id(name)
        return self._by_lower.get(stem.lower(), set()) | ({slug} if slug in self._ids else set())


def load_sidecar(path: Path, known: SourceCache | None = None
                 ) -> tuple[dict[str, dict[str, Any]], list[BuildWarning]]:
    """Read ``sources.yml``: a mapping of file name to metadata (``known``: the parse of the
    same text by the last build, when it kept one)."""
    if not path.is_file():
        return {}, []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        return {}, [BuildWarning(path.name, f"metadata ignored: {err}")]
    parsed = known.parsed_sidecar(text) if known is not None else None
    if parsed is None:
        parsed = parse_sidecar(path.name, text)
        if known is not None:
            known.keep_sidecar(text, parsed)
    sidecar, warnings = parsed
    return sidecar, list(warnings)


def parse_sidecar(name: str, text: str) -> tuple[dict[str, dict[str, Any]], tuple[BuildWarning, ...]]:
    """The metadata by file name in the text of ``sources.yml``, or a warning why there is none."""
    try:
        data = load_yaml(text) or {}
    except yaml.YAMLError as err:
        return {}, (BuildWarning(name, f"metadata ignored: {err}"),)
    if not isinstance(data, dict) or not all(isinstance(v, dict) for v in data.values()):
        return {}, (BuildWarning(name, "metadata ignored: expected file name -> mapping"),)
    return {str(k): v for k, v in data.items()}, ()


def read_source(path: Path, sidecar_meta: dict[str, Any], taken_ids: set[str],
                known: SourceCache | None = None) -> Source:
    """Read one file into a Source, or a skipped Source saying why.

    The id is the file name without extension when that is safe in a URL
    and not taken by another file (see ``generator.ingest.source_ids``), else a slug
    of it; ``Source.path`` is the file name made printable. With ``known``, an
    ok Source read before from the same bytes, name, id and metadata is reused.
    """
    ident, clash = unique_id(path.name, path.stem, taken_ids)
    name = display_name(path.name)
    try:
        check_entry(path)
        source = _known_source(path, ident, name, sidecar_meta, known)
    except ArticleError as err:
        return Source(id=ident, path=name, status="skipped", error=str(err))
    return replace(source, notes=(clash, *source.notes)) if clash else source


def _known_source(path: Path, ident: str, name: str, meta: dict[str, Any],
                  known: SourceCache | None) -> Source:
    """``build_source`` of the file, or the one ``known`` keeps for its content."""
    if known is None:
        return build_source(ident, name, _read_article(path), meta)
    try:
        key = known.key(ident, name, path.read_bytes(), meta)
    except OSError:
        return build_source(ident, name, _read_article(path), meta)  # reports why it cannot be read
    source = known.get(key)
    if source is None:
        source = build_source(ident, name, _read_article(path), meta)
        known.put(key, source)
    return source


def _read_article(path: Path) -> ArticleText:
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        raise ArticleError(f"unsupported file type '{suffix or path.name}' (use .txt, .md or .html)")
    text = decode(path)
    if suffix in HTML_SUFFIXES:
        return _from_html(text)
    if suffix in MARKDOWN_SUFFIXES:
        return _from_markdown(text)
    return ArticleText(text=text, meta={})


def _from_markdown(text: str) -> ArticleText:
    match = _FRONT_MATTER.match(text)
    if not match:
        return ArticleText(text=text, meta={}, markdown=True)
    try:
        meta = load_yaml(match.group(1)) or {}
    except yaml.YAMLError as err:
        raise ArticleError(f"front matter is not valid YAML: {err}") from err
    if not isinstance(meta, dict):
        raise ArticleError("front matter must be a mapping (title: ..., published: ...)")
    return ArticleText(text=text, meta=meta, body_start=match.end(), markdown=True)


def _from_html(html: str) -> ArticleText:
    text, meta = from_html(html)
    return ArticleText(text=text, meta=meta)
