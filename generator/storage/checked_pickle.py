"""Pickles that carry a checksum, and the per-user cache folder they may live in.

A cache file can be truncated by a kill, damaged on disk or written by
another version. ``loads_checked`` returns None for anything that is not
exactly what ``dumps_checked`` wrote (the header names the format, a sha256
covers the payload), so a damaged entry is a cache miss, never an error.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from generator.storage.atomic import write_atomic

_HEADER = b"briefing-pickle 1\n"
_DIGEST_SIZE = 64


def dumps_checked(value: Any) -> bytes:
    """``value`` pickled behind a header and the sha256 of the pickle."""
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    return _HEADER + hashlib.sha256(payload).hexdigest().encode() + b"\n" + payload


def loads_checked(data: bytes) -> Any | None:
    """The value ``dumps_checked`` pickled into ``data``, or None when ``data`` is damaged."""
    start = len(_HEADER) + _DIGEST_SIZE + 1
    if not data.startswith(_HEADER) or len(data) <= start or data[start - 1:start] != b"\n":
        return None
    payload = data[start:]
    if hashlib.sha256(payload).hexdigest().encode() != data[len(_HEADER):start - 1]:
        return None
    try:
        with paused_collector():
            return pickle.loads(payload)
    except Exception:  # noqa: BLE001 - a payload of another version of the code is a miss too
        return None


@contextlib.contextmanager
def paused_collector() -> Iterator[None]:
    """The cyclic garbage collector off inside, as it was afterwards (inside
    ``freezing_after_pauses``, with what is alive frozen).

    Unpickling (or parsing JSON) makes many objects and no cycles; with the
    collector on, every few hundred new objects start a collection that walks
    the young objects, and now and then all of them (a third of the time of
    reading 2,000 cached analyses).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if _FREEZING[0]:
            gc.freeze()
        if enabled:
            gc.enable()


_FREEZING = [False]
"""Whether ``paused_collector`` freezes as it ends (``freezing_after_pauses``)."""


@contextlib.contextmanager
def freezing_after_pauses() -> Iterator[None]:
    """Inside, ``paused_collector`` freezes what is alive (``gc.freeze``) as it ends; the
    caller unfreezes them (``gc.unfreeze``, see ``pipeline.frozen_heap``).

    A build keeps what a pause made (analyses, entities, the site's lookups) until it ends;
    left young, the collector's next two passes walked all of it to find no garbage: after
    one deleted article at 2,000 articles, six passes of 0.04-0.1 s in the building process.
    Frozen objects are still freed when no longer used; only cycles among them wait for the
    unfreeze.
    """
    before = _FREEZING[0]
    _FREEZING[0] = True
    try:
        yield
    finally:
        _FREEZING[0] = before


def read_headed(path: Path, header: str) -> Any | None:
    """The value ``write_headed`` kept in ``path`` behind the line ``header``; None when the
    file is missing or unreadable, holds another header (say, of other code or inputs: only
    that line is read) or is damaged. A file ``read_ahead`` read is not read again."""
    ahead = _READ_AHEAD.pop(path, None)
    if ahead is not None:
        line, value = ahead
        return value if line == header.encode() + b"\n" else None
    try:
        with path.open("rb") as handle:
            if handle.readline() != header.encode() + b"\n":
                return None
            return loads_checked(handle.read())
    except OSError:
        return None


_READ_AHEAD: dict[Path, tuple[bytes, Any]] = {}
"""Path -> (first line, value behind it) of the files ``read_ahead`` read and nobody took yet."""


@contextlib.contextmanager
def read_ahead(paths: Iterable[Path]) -> Iterator[None]:
    """Read the headed files at ``paths`` now, so that ``read_headed`` inside finds each value
    made (once: a second read, or a read after ``write_headed`` replaced the file, goes to
    the disk); what nobody read is dropped at the end.

    A build reads the memos of the last build this way while another process loads the
    spaCy pipeline (``executor.PipelineAhead``), instead of stage by stage after it waited.
    """
    for path in paths:
        with contextlib.suppress(OSError), path.open("rb") as handle:
            _READ_AHEAD[path] = (handle.readline(), loads_checked(handle.read()))
    try:
        yield
    finally:
        _READ_AHEAD.clear()


def write_headed(path: Path, header: str, value: Any) -> None:
    """Keep ``value`` in ``path`` (a checksummed pickle behind the line ``header``), atomically.

    Raises:
        OSError: the folder or file cannot be written; the previous file is left as it was.
    """
    _READ_AHEAD.pop(path, None)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, header.encode() + b"\n" + dumps_checked(value))



def read_cached(folder: Path | None, name: str, header: str) -> Any | None:
    """``read_headed`` of the file ``name`` in the cache ``folder``; None without a folder."""
    return read_headed(folder / name, header) if folder is not None else None


def write_cached(folder: Path | None, name: str, header: str, value: Any) -> None:
    """``write_headed`` of ``value`` to the file ``name`` in the cache ``folder``: nothing
    without a folder, and a write that fails (a full disk, no permission) only costs the next
    build the time the file would have saved."""
    if folder is None:
        return
    with contextlib.suppress(OSError):
        write_headed(folder / name, header, value)

def user_cache_dir() -> Path:
    """Per-user cache folder of briefing: ``$BRIEFING_CACHE_DIR``, else the platform's cache folder."""
    if os.environ.get("BRIEFING_CACHE_DIR"):
        return Path(os.environ["BRIEFING_CACHE_DIR"])
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA") or Path.home() / "AppData" / "Local"
    elif sys.platform == "darwin":
        base = Path.home() / "Library" / "Caches"
    else:
        base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "briefing"
