"""Run the build's ``collect`` over an annotated corpus written out as article files.

``collect_documents`` writes each document's text to ``<workdir>/seeds/<stem>.txt``
(with its URL in ``seeds/sources.yml`` when it has one), runs
``generator.pipeline.collect`` with default settings and no entity overrides,
and returns the Briefing. The per-article cache lives in ``<workdir>/cache`` so a
second run only re-does the corpus-wide stages. Source ids are the file stems.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Protocol

import yaml

from generator.config import Config
from generator.model import Briefing
from generator.pipeline import collect


class TextDocument(Protocol):
    """What ``collect_documents`` needs of a document."""

    name: str
    text: str
    url: str


def stem(name: str) -> str:
    """Article file stem of a document name (``1_1ecb.xml`` -> ``1_1ecb``)."""
    return Path(name).stem


def write_seeds(documents: Iterable[TextDocument], seeds: Path) -> None:
    """Each document as ``<stem>.txt``; URLs in ``sources.yml``. Removes stale files."""
    seeds.mkdir(parents=True, exist_ok=True)
    wanted = {}
    metadata = {}
    for document in documents:
        wanted[f"{stem(document.name)}.txt"] = document.text
        if document.url:
            metadata[f"{stem(document.name)}.txt"] = {"url": document.url}
    for old in seeds.iterdir():
        if old.name not in wanted and old.name != "sources.yml":
            old.unlink()
    for name, text in wanted.items():
        path = seeds / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    (seeds / "sources.yml").write_text(yaml.safe_dump(metadata, sort_keys=True), encoding="utf-8")


def collect_documents(documents: Iterable[TextDocument], workdir: str | Path | None = None,
                      cache: Path | None = None) -> Briefing:
    """The Briefing our pipeline makes of the documents (source id = file stem).

    Args:
        cache: per-article cache folder (default ``<workdir>/cache``); runs over
            overlapping documents may share one, as entries are keyed by content and source id.
    """
    root = Path(workdir or tempfile.mkdtemp(prefix="briefing-eval-"))
    write_seeds(documents, root / "seeds")
    config = Config(root=root, seeds=root / "seeds", docs=root / "docs", cache=cache or root / "cache")
    return collect(config, warn=lambda message: None)
