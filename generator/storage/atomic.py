"""Crash-safe file writes: write a hidden temporary file beside the target, then rename it over.

A rename within one folder is atomic, so a reader (or the next build) sees
either the old file or the new one, never a half-written file, whatever
happens in between: a kill, a crash or a full disk. A temporary file a kill
leaves behind is hidden (its name starts with ``.``, which MkDocs ignores)
and removed by ``remove_stale_temporaries`` on the next build.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable
from pathlib import Path

TEMP_SUFFIX = ".briefing-tmp"
"""Ends the name of every temporary file, so stale ones can be found and removed."""

_replace = os.replace  # module attribute: the fault-injection tests interrupt writes here


def temporary_path(target: Path) -> Path:
    """The hidden temporary file ``target`` is first written to."""
    return target.with_name(f".{target.name}.{os.getpid()}{TEMP_SUFFIX}")


def write_temporary(target: Path, data: bytes) -> Path:
    """Write ``data`` to the temporary file of ``target`` (creating folders); remove it on failure.

    Raises:
        OSError: the folder or file cannot be written (disk full, no permission).
    """
    temp = temporary_path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with temp.open("wb") as handle:
            handle.write(data)
    except BaseException:
        discard(temp)
        raise
    return temp


def commit(temp: Path, target: Path) -> None:
    """Rename a written temporary file over its target."""
    try:
        _replace(temp, target)
    except BaseException:
        discard(temp)
        raise


def write_atomic(target: Path, data: bytes) -> None:
    """Replace ``target`` with ``data`` in one step: the old content stays until the new is complete."""
    commit(write_temporary(target, data), target)


def discard(paths: Path | Iterable[Path]) -> None:
    """Remove temporary files, ignoring ones already gone."""
    for path in [paths] if isinstance(paths, Path) else paths:
        with contextlib.suppress(OSError):
            path.unlink()


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Remove temporary files an interrupted build left anywhere under ``folder``."""
    if not folder.is_dir():
        return []
    stale = [p for p in folder.rglob(f".*{TEMP_SUFFIX}") if p.is_file()]
    discard(stale)
    return stale
