"""One article's text -> ``Source``: its paragraphs, its title and its content hash.

``build_source`` splits the decoded text into paragraphs (blank-line blocks for
Markdown, lines otherwise), drops page furniture, chooses the title and fills in
the metadata (see ``generator.ingest.metadata``). Offsets refer to the text as given.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass
from typing import Any

from generator.ingest.boilerplate import (
    dateline_length,
    is_dateline,
    is_furniture,
    is_headline,
    is_section_end,
)
from generator.ingest.files import ArticleError
from generator.ingest.metadata import publication_date, usable_metadata
from generator.knowledge.names import is_title_word, normalise
from generator.model import Source

MAX_TEXT_CHARS = 500_000
"""Longer texts are skipped: about 80,000 words, ten long reads; the language analysis would take minutes."""

_MD_HEADING = re.compile(r"#{1,6}[ \t]+")  # used with .match(text, pos): anchored there


@dataclass(frozen=True)
class ArticleText:
    """Decoded text of one article and its metadata, before paragraphing."""

    text: str
    meta: dict[str, Any]
    body_start: int = 0
    markdown: bool = False


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
    """Title from metadata, else a headline-like first line, else the first sentence (a wire
    dateline standing before the story, ``is_dateline``, or opening its first sentence,
    ``dateline_length``, is passed over)."""
    if meta.get("title"):
        title = str(meta["title"]).strip()
        first_start, first_end = paragraphs[0]
        if normalise(text[first_start:first_end]) == normalise(title) and len(paragraphs) > 1:
            return title, (first_start, first_end), paragraphs[1:]  # the heading repeats the title
        return title, None, paragraphs
    line = next((p for p in paragraphs if not is_dateline(text[p[0]:p[1]])), paragraphs[0])
    first = text[line[0]:line[1]]
    if is_headline(first) and len(paragraphs) > 1:
        return first, line, [p for p in paragraphs if p != line]
    return first_sentence(first[dateline_length(first):]).strip(), None, paragraphs


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z“\"])")
"""A full stop, question or exclamation mark, then space and a capital or opening quote."""


def first_sentence(line: str) -> str:
    """The line up to its first sentence end, not counting a full stop that ends a title or an
    initial before a name ("where Gov. Jane Doe ...", "J. Doe", "U.S. Navy")."""
    for end in _SENTENCE_END.finditer(line):
        word = line[:end.start()].rsplit(None, 1)[-1]
        if not _abbreviation(word):
            return line[:end.start()]
    return line


def _abbreviation(word: str) -> bool:
    """A title written short ("Gov.", "Sen.", "Dr."), an initial ("J.") or dotted capitals ("U.S.")."""
    bare = word.lstrip("(“\"'")
    if not bare.endswith("."):
        return False
    letters = bare.replace(".", "")
    return is_title_word(bare) or len(letters) == 1 or (letters.isupper() and bare.count(".") > 1)


def content_hash(text: str, meta: dict[str, Any]) -> str:
    """sha256 over the text and its metadata: the per-article cache key."""
    payload = json.dumps(meta, sort_keys=True, default=str) + "\0" + text
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()
