"""Per-article cache of NLP results, keyed by everything the result depends on.

The key combines the source's id and ``content_hash`` (text and metadata),
the spaCy pipeline's name and version as found in its ``meta.json``, and a
fingerprint of every ``.py`` file of the generator package (sub-packages
included), so a rename, a code change or another pipeline never serves stale
results. An entry is a checksummed pickle of the ``ArticleAnalysis`` (see
``generator.storage.checked_pickle``); anything that does not check out (truncated,
a flipped bit, another format, an analysis of another source) is a miss,
never an error. Entries are written atomically, and entries no longer used
are purged after each build, so a deleted article's text does not stay on disk.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import json
from functools import cache
from pathlib import Path

from generator.config import DEFAULT_PIPELINE
from generator.model import ArticleAnalysis, Source
from generator.storage.atomic import remove_stale_temporaries, write_atomic
from generator.storage.checked_pickle import dumps_checked, loads_checked

SUFFIX = ".pickle"


@cache
def code_fingerprint() -> str:
    """Hash of every .py file of the generator package, sub-packages included."""
    package = Path(__file__).parents[1]  # generator/, not generator/nlp/
    digest = hashlib.sha256()
    for path in sorted(package.rglob("*.py")):
        digest.update(path.relative_to(package).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()[:16]


def pipeline_identity(name: str) -> str:
    """``lang_name-version`` of the pipeline ``load_pipeline(name)`` loads, read from its meta.json.

    A pipeline that is not installed falls back to the default one, as loading does.
    """
    meta = _pipeline_meta(name)
    if meta is None and name != DEFAULT_PIPELINE:
        meta = _pipeline_meta(DEFAULT_PIPELINE)
    return meta_identity(meta or {"name": name})


def meta_identity(meta: dict) -> str:
    """``lang_name-version`` from a pipeline's meta (``nlp.meta``)."""
    return f"{meta.get('lang', '')}_{meta.get('name', '')}-{meta.get('version', '')}"


def _pipeline_meta(name: str) -> dict | None:
    """The meta.json of a pipeline folder or installed package, without importing spaCy."""
    folder = Path(name).expanduser()
    if not folder.is_dir():
        try:
            spec = importlib.util.find_spec(name)
        except (ImportError, ValueError):
            return None
        locations = list(spec.submodule_search_locations or []) if spec else []
        folder = Path(locations[0]) if locations else folder
    try:
        meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return meta if isinstance(meta, dict) else None


def cache_key(source: Source, pipeline_id: str) -> str:
    """File name of the cache entry for one source."""
    raw = f"{source.id}|{source.content_hash}|{pipeline_id}|{code_fingerprint()}"
    return hashlib.sha256(raw.encode("utf-8", "surrogateescape")).hexdigest()[:32] + SUFFIX


def stored(folder: Path | None, source: Source, pipeline_id: str) -> bool:
    """Whether the cache holds an entry for the source (perhaps a damaged one: ``load`` tells)."""
    return folder is not None and (folder / cache_key(source, pipeline_id)).is_file()


def load(folder: Path | None, source: Source, pipeline_id: str) -> ArticleAnalysis | None:
    """The cached analysis, or None on a miss (missing, unreadable or damaged entry)."""
    if folder is None:
        return None
    try:
        value = loads_checked((folder / cache_key(source, pipeline_id)).read_bytes())
    except OSError:
        return None
    valid = (isinstance(value, ArticleAnalysis) and value.source == source.id
             and value.content_hash == source.content_hash)
    return value if valid else None


def store(folder: Path | None, source: Source, pipeline_id: str, analysis: ArticleAnalysis) -> None:
    """Save an analysis atomically; failures to write (a full disk) only cost speed."""
    if folder is None:
        return
    with contextlib.suppress(OSError):
        write_atomic(folder / cache_key(source, pipeline_id), dumps_checked(analysis))


def purge(folder: Path | None, keep: set[str]) -> list[str]:
    """Remove cache entries whose key is not in ``keep`` and stale temporary files."""
    if folder is None or not folder.is_dir():
        return []
    remove_stale_temporaries(folder)
    removed = []
    for path in folder.glob(f"*{SUFFIX}"):
        if path.name not in keep:
            try:
                path.unlink()
            except OSError:
                continue
            removed.append(path.name)
    return removed
