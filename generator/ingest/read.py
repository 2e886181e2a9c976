"""Ingest stage: read every file in the seeds folder into a ``Source``.

A file that cannot be used becomes a ``Source`` with status "skipped" and the
reason, so nothing is dropped silently. Offsets everywhere refer to
``Source.text``: the decoded file with newlines normalised for .txt/.md, the
extracted main text for .html.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import yaml
from dateutil import parser as date_parser

from generator.config import BriefingError
from generator.ingest.boilerplate import is_furniture, is_headline, is_section_end
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
from generator.ingest.pubdate import dateline_date, url_date
from generator.ingest.source_cache import SourceCache
from generator.ingest.source_ids import display_name, slug_id, unique_id
from generator.knowledge.names import normalise
from generator.model import BuildWarning, Source
from generator.storage.yaml_text import load_yaml

METADATA_KEYS = ("title", "outlet", "url", "published", "language")
MAX_TEXT_CHARS = 500_000
"""Longer texts are skipped: about 80,000 words, ten long reads; the language analysis would take minutes."""

_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?\n)---[ \t]*\n", re.S)
_MD_HEADING = re.compile(r"#{1,6}[ \t]+")  # used with .match(text, pos): anchored there


@dataclass(frozen=True)
class ArticleText:
    """Decoded text of one article and its metadata, before paragraphing."""

    text: str
    meta: dict[str, Any]
    body_start: int = 0
    markdown: bool = False


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


def build_source(source_id: str, name: str, article: ArticleText, extra: dict[str, Any]) -> Source:
    """Split an article into kept paragraphs and fill in its metadata."""
    if len(article.text) > MAX_TEXT_CHARS:
        raise ArticleError(f"text too long to analyse ({len(article.text):,} characters; at most "
                           f"{MAX_TEXT_CHARS:,}): split it into several files")
    given = {k: v for k, v in extra.items() if v is not None and v != ""}
    meta, meta_notes = usable_metadata({**article.meta, **given})
    blocks = split_paragraphs(article.text, article.body_start, article.markdown)
    paragraphs = keep_article_paragraphs(article.text, blocks)
    if not paragraphs:
        raise ArticleError("no article text left after removing page furniture")
    title, title_span, paragraphs = choose_title(article.text, paragraphs, meta)
    published, published_from, notes = publication_date(article.text, blocks, meta)
    return Source(
        id=source_id,
        path=name,
        status="ok",
        title=title,
        outlet=str(meta.get("outlet") or ""),
        url=str(meta.get("url") or ""),
        published=published,
        published_from=published_from,
        language=str(meta.get("language") or "en"),
        text=article.text,
        paragraphs=tuple(paragraphs),
        title_span=title_span,
        content_hash=content_hash(article.text, meta),
        notes=meta_notes + notes,
    )


def usable_metadata(meta: dict[str, Any]) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The known keys whose values are text, numbers or dates; a note for each other value.

    Lists and mappings (also YAML alias bombs) never reach titles or the cache key.
    """
    kept: dict[str, Any] = {}
    notes: list[str] = []
    for key in METADATA_KEYS:
        value = meta.get(key)
        if value is None or value == "":
            continue
        if not isinstance(value, (str, int, float, dt.date)) or isinstance(value, bool):
            notes.append(f"metadata '{key}' is a {type(value).__name__}, not text; ignored")
        elif key == "published" and not plausible_date(value):
            notes.append(f"metadata 'published' {value!s:.40} is outside the years {MIN_YEAR}-{MAX_YEAR}; "
                         "ignored")
        else:
            kept[key] = value
    return kept, tuple(notes)


MIN_YEAR, MAX_YEAR = 1800, 2200
"""Publication years outside this range are typing errors (0001-01-01, 9999-12-31) and ignored."""


def plausible_date(value: Any) -> bool:
    """False for a published value that is a date (or reads as one) outside ``MIN_YEAR``-``MAX_YEAR``."""
    date = parse_published(value)
    return date is None or MIN_YEAR <= date.year <= MAX_YEAR


def split_paragraphs(text: str, start: int, markdown: bool) -> list[tuple[int, int]]:
    """(start, end) of each paragraph: blank-line blocks for Markdown, lines otherwise."""
    pattern = re.compile(r"\S(?:.|\n(?!\s*\n))*" if markdown else r"[^\n]*\S[^\n]*")
    spans = []
    for match in pattern.finditer(text, start):
        begin, end = match.start(), match.end()
        heading = _MD_HEADING.match(text, begin) if markdown else None
        begin = heading.end() if heading else begin
        while end > begin and text[end - 1].isspace():
            end -= 1
        while begin < end and text[begin].isspace():
            begin += 1
        if begin < end:
            spans.append((begin, end))
    return spans


def keep_article_paragraphs(text: str, blocks: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Drop furniture and everything after a related-stories heading."""
    kept: list[tuple[int, int]] = []
    seen: set[str] = set()
    for start, end in blocks:
        paragraph = text[start:end]
        if is_section_end(paragraph):
            break
        if is_furniture(paragraph) or paragraph in seen:
            continue
        seen.add(paragraph)
        kept.append((start, end))
    return kept


def choose_title(
    text: str, paragraphs: list[tuple[int, int]], meta: dict[str, Any]
) -> tuple[str, tuple[int, int] | None, list[tuple[int, int]]]:
    """Title from metadata, else a headline-like first line, else the first sentence."""
    first_start, first_end = paragraphs[0]
    first = text[first_start:first_end]
    if meta.get("title"):
        title = str(meta["title"]).strip()
        if normalise(first) == normalise(title) and len(paragraphs) > 1:
            return title, (first_start, first_end), paragraphs[1:]  # the heading repeats the title
        return title, None, paragraphs
    if is_headline(first) and len(paragraphs) > 1:
        return first, (first_start, first_end), paragraphs[1:]
    sentence = re.split(r"(?<=[.!?])\s+(?=[A-Z“\"])", first, maxsplit=1)[0]
    return sentence.strip(), None, paragraphs


DATELINE_BLOCKS = 6
"""How many leading blocks may hold a date line that gives the publication date."""


def publication_date(text: str, blocks: list[tuple[int, int]],
                     meta: dict[str, Any]) -> tuple[dt.date | None, str, tuple[str, ...]]:
    """(date, how it was obtained, notes): metadata first, else an explicit date line of the text
    (``pubdate.dateline_date``), else a date in the URL path (``pubdate.url_date``).

    A date is never guessed from dates mentioned inside sentences; without
    metadata or a date line, relative expressions stay unresolved.
    """
    published = parse_published(meta.get("published"))
    if published is not None:
        return published, "metadata", ()
    notes: tuple[str, ...] = ()
    if meta.get("published"):
        notes = (f"published date '{meta['published']}' is not a date; relative dates stay unresolved",)
    for start, end in blocks[:DATELINE_BLOCKS]:
        found = dateline_date(text[start:end])
        if found is not None:
            return found, f"date line of the text: “{text[start:end].strip()}”", notes
    if (found := url_date(str(meta.get("url") or ""))) is not None:
        return found, f"date in the URL path: {meta['url']}", notes
    return None, "", notes


def parse_published(value: Any) -> dt.date | None:
    """A date from metadata (date, datetime or string); None when absent or invalid."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if not value:
        return None
    try:
        return date_parser.parse(str(value)).date()
    except (ValueError, OverflowError):
        return None


def content_hash(text: str, meta: dict[str, Any]) -> str:
    """sha256 over the text and its metadata: the per-article cache key."""
    payload = json.dumps(meta, sort_keys=True, default=str) + "\0" + text
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
