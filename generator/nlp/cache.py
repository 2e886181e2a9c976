"""Per-article cache of NLP results, keyed by content hash.

The key combines the source's ``content_hash``, the spaCy pipeline name and
version, and a fingerprint of the generator's own code, so a code change or a
different pipeline never serves stale results. Entries are pickled
``ArticleAnalysis`` objects; an unreadable entry is treated as a miss.
"""

from __future__ import annotations

import hashlib
import pickle
from functools import cache
from pathlib import Path

from generator.model import ArticleAnalysis, Source


@cache
def code_fingerprint() -> str:
    """Hash of the generator package's source files."""
    digest = hashlib.sha256()
    for path in sorted(Path(__file__).parent.glob("*.py")):
        digest.update(path.name.encode() + path.read_bytes())
    return digest.hexdigest()[:16]


def cache_key(source: Source, pipeline_id: str) -> str:
    """File name of the cache entry for one source."""
    raw = f"{source.content_hash}|{pipeline_id}|{code_fingerprint()}"
    return hashlib.sha256(raw.encode()).hexdigest()[:32] + ".pickle"


def load(folder: Path | None, source: Source, pipeline_id: str) -> ArticleAnalysis | None:
    """The cached analysis, or None on a miss."""
    if folder is None:
        return None
    try:
        with (folder / cache_key(source, pipeline_id)).open("rb") as handle:
            value = pickle.load(handle)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        return None
    return value if isinstance(value, ArticleAnalysis) else None


def store(folder: Path | None, source: Source, pipeline_id: str, analysis: ArticleAnalysis) -> None:
    """Save an analysis; failures to write only cost speed."""
    if folder is None:
        return
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with (folder / cache_key(source, pipeline_id)).open("wb") as handle:
            pickle.dump(analysis, handle)
    except OSError:
        pass
