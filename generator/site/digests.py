"""Digests of the briefing's objects, each worked out once per build and shared by the planners
and the render memo (``site.render_memo``).

A digest is a short hash of an object's pickle: two objects with equal digests hold equal
values (frozen dataclasses of strings, numbers and tuples pickle the same way whenever
their values are equal). The render memo keys a page by the digests of the sources,
entities and events its context holds; a planner that can name every input of a page
keys it by their digests without making its context (``page.DeferredPage``).
"""

from __future__ import annotations

import hashlib
import pickle
from typing import Any


def digest(data: bytes) -> str:
    """A short hash of ``data``."""
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def pickle_digest(value: object) -> str:
    """The digest of ``value``'s pickle (not kept: for values made for one key)."""
    return digest(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


class Digests:
    """Digests of objects by identity, each pickled once (the object is kept with its digest, so
    that its id is not reused while the digests live)."""

    def __init__(self) -> None:
        self.known: dict[int, tuple[Any, str]] = {}

    def take(self, objects: list[object], digests: list[str]) -> None:
        """Keep ``digests`` as the digests of ``objects`` (one each, in order), worked out
        elsewhere from the same values (a forked process: ``render_memo.digests_of``)."""
        for obj, found in zip(objects, digests, strict=True):
            self.known[id(obj)] = (obj, found)

    def of(self, obj: object) -> str:
        """The digest of ``obj``'s pickle, worked out on first use."""
        found = self.known.get(id(obj))
        if found is None:
            found = self.known[id(obj)] = (obj, pickle_digest(obj))
        return found[1]
