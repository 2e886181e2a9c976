"""Sources of unchanged files, kept from the last build instead of read again.

Reading an article (paragraphs, furniture, title, date line) depends only on
its bytes, its file name, its id and its metadata from ``sources.yml``, and on
the code. ``SourceCache`` keeps each ok ``Source`` under a hash of exactly
those, in one checksummed pickle in the cache folder; a build stores the
sources it used, so entries of deleted or changed files drop out. The parsed
``sources.yml`` is kept there too, under a hash of its text (parsing the YAML
of thousands of articles was most of an unchanged folder's reading time). A
missing or damaged file is an empty cache: it only costs time.
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
        self.sidecar: tuple[str, Any] | None = None
        """(hash of the text, what it parsed into) of the last build's ``sources.yml``."""
        self.sidecar_used: tuple[str, Any] | None = None
        if path is not None:
            with contextlib.suppress(OSError):
                loaded = loads_checked(path.read_bytes())
                if isinstance(loaded, dict) and isinstance(loaded.get("sources"), dict):
                    self.known, self.sidecar = loaded["sources"], loaded.get("sidecar")

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

    def parsed_sidecar(self, text: str) -> Any | None:
        """What ``text`` (a ``sources.yml``) parsed into last time, or None."""
        if self.sidecar is None or self.sidecar[0] != self._text_key(text):
            return None
        self.sidecar_used = self.sidecar
        return self.sidecar[1]

    def keep_sidecar(self, text: str, parsed: Any) -> None:
        """Remember what ``text`` parsed into, for the next build."""
        self.sidecar_used = (self._text_key(text), parsed)

    def _text_key(self, text: str) -> str:
        """Hash of a text and the code that parses it."""
        data = f"{self.version}\0{text}".encode("utf-8", "surrogateescape")
        return hashlib.sha256(data).hexdigest()

    def save(self) -> None:
        """Write the sources and sidecar this build used, when they differ from the file's."""
        same_sidecar = _text_key_of(self.sidecar_used) == _text_key_of(self.sidecar)
        if self.path is None or (self.used.keys() == self.known.keys() and same_sidecar):
            return
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            write_atomic(self.path, dumps_checked({"sources": self.used, "sidecar": self.sidecar_used}))


def _text_key_of(sidecar: tuple[str, Any] | None) -> str | None:
    """The text hash of a kept ``sources.yml`` parse (equal hashes: the same parse)."""
    return sidecar[0] if sidecar is not None else None
