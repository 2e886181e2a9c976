"""Write generated files into docs/ without ever touching a hand-written page.

A manifest (``docs/.briefing-manifest.json``) lists every file briefing
generated, of every kind (pages, the JSON export and its schema, the
stylesheet). A file is briefing's when the manifest lists it, when it opens
with one of the ``SIGNATURES`` (``generated_by: briefing`` on pages) or when
it already holds exactly the generated content; any other existing file
belongs to the user and is left alone (with a warning). Unchanged files are
not rewritten, so ``mkdocs serve`` does not reload for nothing.

The write is crash-safe, in four steps:

1. the manifest is rewritten to list the old and the new files, so whatever
   happens next, every generated file stays known as generated;
2. every changed file is written to a hidden temporary file beside it; a full
   disk or any error here removes the temporaries and leaves docs/ exactly as
   the previous build left it;
3. the temporaries are renamed over their targets (each rename is atomic);
4. files the previous build wrote and this one does not are removed and the
   manifest is rewritten to list this build's files only.

A kill during step 3 leaves a mix of old and new files, all listed in the
manifest; the next build rewrites them.
"""

from __future__ import annotations

import json
import stat as stat_module
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import OutputError
from generator.model import BuildWarning
from generator.storage.atomic import commit, discard, remove_stale_temporaries, write_atomic, write_temporary

MANIFEST = ".briefing-manifest.json"
MARK = "generated_by: briefing"
SIGNATURES = (MARK.encode(), b'{"schema_version":', b'{\n "schema_version":',
              b'"$id": "briefing.schema.json"', b"/* Briefing styles")
"""Openings that mark a file as generated: pages, the export (compact, or indented as builds
before 30 November 2026 wrote it), its schema, the stylesheet.

They recognise files of earlier builds that a manifest does not list (an older
version wrote the manifest last, so a killed build could leave files unlisted)."""


@dataclass
class WriteResult:
    """What a write did."""

    written: list[str] = field(default_factory=list)
    """Docs-relative paths written (new or changed content)."""
    unchanged: list[str] = field(default_factory=list)
    """Paths whose content was already up to date."""
    removed: list[str] = field(default_factory=list)
    """Paths the previous build wrote and this one no longer does."""
    warnings: list[BuildWarning] = field(default_factory=list)
    """Hand-written files kept instead of a generated one."""


def read_manifest(docs: Path) -> set[str]:
    """Paths the previous build generated (empty when the manifest is missing or damaged)."""
    try:
        listed = json.loads((docs / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return set()
    return {p for p in listed if isinstance(p, str)} if isinstance(listed, list) else set()


def is_generated(path: Path, manifest: set[str], rel: str, data: bytes = b"") -> bool:
    """True when a file at ``path`` was written by briefing (listed, marked or identical)."""
    if rel in manifest:
        return True
    try:
        with path.open("rb") as handle:
            head = handle.read(max(400, len(data) + 1))
    except OSError:
        return False
    return head == data or any(mark in head[:400] for mark in SIGNATURES)


def write_files(docs: Path, files: dict[str, str | bytes], current: Iterable[str] = ()) -> WriteResult:
    """Write ``files`` (docs-relative path -> content) crash-safely and prune stale ones.

    ``current``: paths of further files this build generates which the caller found in docs/
    holding their content already (``site.render_memo``): kept as they are, not read again.

    Raises:
        OutputError: docs/ cannot be written (a full disk, no permission);
            the files of the previous build are then left as they were.
    """
    result = WriteResult()
    previous = read_manifest(docs)
    remove_stale_temporaries(docs)
    encoded = {rel: c.encode("utf-8") if isinstance(c, str) else c for rel, c in sorted(files.items())}
    owned = _owned(docs, encoded, previous, result)
    changed = _changed(docs, owned, encoded, result)
    kept = sorted(set(current) - set(encoded))
    result.unchanged.extend(kept)
    owned += kept
    try:
        _write_manifest(docs, previous | set(owned))
        _commit_all(docs, _write_temporaries(docs, changed, encoded))
        result.written.extend(changed)
        _prune(docs, previous - set(owned), result)
        _write_manifest(docs, set(owned))
    except OSError as err:
        raise OutputError(f"{err.filename or docs}: cannot write: {err.strerror or err}. No file was "
                          "left half-written and the previous pages and export are kept; free some "
                          "space (or fix the permission) and build again") from err
    return result


def _owned(docs: Path, encoded: dict[str, bytes], previous: set[str], result: WriteResult) -> list[str]:
    """Paths briefing may write: new ones and its own; a hand-written file is kept with a warning."""
    owned = []
    for rel, data in encoded.items():
        target = docs / rel
        if rel not in previous and target.exists() and not is_generated(target, previous, rel, data):
            result.warnings.append(BuildWarning(rel, "hand-written page kept; generated page not written"))
        else:
            owned.append(rel)
    return owned


def _changed(docs: Path, owned: list[str], encoded: dict[str, bytes], result: WriteResult) -> list[str]:
    """Owned paths whose content differs from what is on disk; the others are recorded unchanged."""
    changed = []
    for rel in owned:
        if _holds(docs / rel, encoded[rel]):
            result.unchanged.append(rel)
        else:
            changed.append(rel)
    return changed


def _holds(target: Path, data: bytes) -> bool:
    """Whether ``target`` is a file holding exactly ``data`` (read only when the size matches)."""
    try:
        stat = target.stat()
        return stat_module.S_ISREG(stat.st_mode) and stat.st_size == len(data) and target.read_bytes() == data
    except OSError:
        return False


def _prune(docs: Path, stale: set[str], result: WriteResult) -> None:
    for rel in sorted(stale):
        if (docs / rel).is_file():
            (docs / rel).unlink()
            result.removed.append(rel)


def _write_manifest(docs: Path, paths: set[str]) -> None:
    write_atomic(docs / MANIFEST, json.dumps(sorted(paths), indent=0).encode("utf-8"))


def _write_temporaries(docs: Path, changed: list[str], encoded: dict[str, bytes]) -> dict[str, Path]:
    """Write every changed file to its temporary file; on any failure remove them all."""
    temps: dict[str, Path] = {}
    try:
        for rel in changed:
            temps[rel] = write_temporary(docs / rel, encoded[rel])
    except BaseException:
        discard(temps.values())
        raise
    return temps


def _commit_all(docs: Path, temps: dict[str, Path]) -> None:
    """Rename every temporary file over its target; on a failure remove the rest."""
    pending = dict(temps)
    try:
        for rel in temps:
            commit(pending.pop(rel), docs / rel)
    except BaseException:
        discard(pending.values())
        raise
