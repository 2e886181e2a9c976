"""Write generated pages into docs/ without ever touching a hand-written page.

A manifest (``docs/.briefing-manifest.json``) lists the files the last build
wrote. A path that exists but is neither in the manifest nor marked
``generated_by: briefing`` belongs to the user and is left alone (with a
warning). Files the previous build wrote and this one does not are removed.
Unchanged files are not rewritten, so ``mkdocs serve`` does not reload for
nothing.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from generator.model import BuildWarning

MANIFEST = ".briefing-manifest.json"
MARK = "generated_by: briefing"


@dataclass
class WriteResult:
    """What a write did."""

    written: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    warnings: list[BuildWarning] = field(default_factory=list)


def read_manifest(docs: Path) -> set[str]:
    """Paths the previous build generated."""
    try:
        return set(json.loads((docs / MANIFEST).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return set()


def is_generated(path: Path, manifest: set[str], rel: str) -> bool:
    """True when a file at ``path`` was written by briefing."""
    if rel in manifest:
        return True
    try:
        with path.open(encoding="utf-8") as handle:
            return MARK in handle.read(400)
    except (OSError, UnicodeDecodeError):
        return False


def write_files(docs: Path, files: dict[str, str | bytes]) -> WriteResult:
    """Write ``files`` (docs-relative path -> content) and prune stale ones."""
    result = WriteResult()
    previous = read_manifest(docs)
    owned: list[str] = []
    for rel, content in sorted(files.items()):
        target = docs / rel
        if target.exists() and not is_generated(target, previous, rel):
            result.warnings.append(BuildWarning(rel, "hand-written page kept; generated page not written"))
            continue
        owned.append(rel)
        _write_if_changed(target, content, rel, result)
    for rel in sorted(previous - set(owned)):
        if (docs / rel).is_file():
            (docs / rel).unlink()
            result.removed.append(rel)
    (docs / MANIFEST).write_text(json.dumps(owned, indent=0), encoding="utf-8")
    return result


def _write_if_changed(target: Path, content: str | bytes, rel: str, result: WriteResult) -> None:
    data = content.encode("utf-8") if isinstance(content, str) else content
    if target.is_file() and target.read_bytes() == data:
        result.unchanged.append(rel)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(data)
    result.written.append(rel)
