"""Sources of unchanged files, kept from the last build instead of read again.

Reading an article (paragraphs, furniture, title, date line) depends only on
its bytes, its file name, its id and its metadata from ``sources.yml``, and on
the code. ``SourceCache`` keeps each ok ``Source`` under a hash of exactly
those, in one checksummed pickle in the cache folder; a build stores the
sources it used, so entries of deleted or changed files drop out. A missing or
damaged file is an empty cache: it only costs time.
"""

from __future__ import annotations

import contextlib
import hashlib
from pathlib import Path
from typing import Any

from generator.model import Source
from generator.storage.atomic import write_atomic
from generator.storage.checked_pickle import dumps_checked, loads_checked

CACHE_FILE = "sources.cache"
"""The file in the cache folder (not ``*.pickle``: those are per-article analyses)."""


class SourceCache:
    """Sources by ``key``, loaded from and saved to one file."""

    def __init__(self, path: Path | None, version: str) -> None:
        """Args:
            path: the cache file (None: remember nothing).
            version: what else the sources depend on (the code's fingerprint).
        """
        self.path = path
        self.version = version
        self.known: dict[str, Source] = {}
        self.used: dict[str, Source] = {}
        if path is not None:
            with contextlib.suppress(OSError):
                loaded = loads_checked(path.read_bytes())
                self.known = loaded if isinstance(loaded, dict) else {}

    def key(self, ident: str, name: str, data: bytes, meta: dict[str, Any]) -> str:
        """Hash of everything a file's ``Source`` is read from."""
        digest = hashlib.sha256(f"{self.version}\0{ident}\0{name}\0".encode("utf-8", "surrogateescape"))
        fields = repr(sorted(meta.items(), key=lambda item: str(item[0])))
        digest.update(fields.encode("utf-8", "surrogateescape"))
        digest.update(b"\0" + data)
        return digest.hexdigest()

    def get(self, key: str) -> Source | None:
        """The source stored under ``key`` (kept for the next build), or None."""
        source = self.known.get(key)
        if isinstance(source, Source):
            self.used[key] = source
            return source
        return None

    def put(self, key: str, source: Source) -> None:
        """Remember an ok source for the next build."""
        self.used[key] = source

    def save(self) -> None:
        """Write the sources this build used, when they differ from the file's."""
        if self.path is None or self.used.keys() == self.known.keys():
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, dumps_checked(self.used))
