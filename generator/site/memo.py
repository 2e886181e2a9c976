"""Results of pure, costly page computations, kept between builds in the cache folder.

Planning draws a figure and merges a summary for thousands of entities, and a
rebuild after one new article finds almost all of them with the same inputs.
``PageMemo.get`` keys each result by a digest of the ``repr`` of *every* input
of the computation (frozen dataclasses of strings and numbers, whose ``repr``
is exact), so a result is reused only for equal inputs; the file also records
the code fingerprint (``nlp.cache.code_fingerprint``), so results of other code
are never used. It is imported by name on purpose: ``scripts/benchmark.py --workdir``
pins the fingerprint the pipeline looks up (``cache.code_fingerprint``) so that a
workdir keeps its parses across code changes, and that must not keep figures and
summaries, or compiled templates (``site.render``), of other code. A memo is kept in two
files, a base and a delta of what changed since (``MemoFiles``; the render memo is kept
the same way), each a checksummed pickle written atomically: a damaged, truncated or
foreign file is read as an empty memo (everything is computed again), never an error. Only
the results this build used are read back, so the memo does not grow with entities that
are gone.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
import pickle
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any, TypeVar

from generator.nlp.cache import code_fingerprint
from generator.storage.checked_pickle import read_headed, write_headed

MEMO_FILE = "page-memo.bin"
"""The memo's file in the cache folder (not ``*.pickle``: the NLP cache purges those)."""

T = TypeVar("T")


class PageMemo:
    """Computed results by kind and digest of inputs: the previous build's, and this build's."""

    def __init__(self, folder: Path | None = None) -> None:
        """Read the memo of ``folder`` (None: a memo that starts empty and is never saved)."""
        self.files = MemoFiles(folder / MEMO_FILE) if folder else None
        self.previous: dict[str, Any] = self.files.read() if self.files else {}
        self.used: dict[str, Any] = {}
        self.hits = 0
        self.recording: list[str] | None = None
        """Keys ``get`` is asked for while a caller records them (``recorded``)."""
        self.named: dict[str, str] = {}
        """Name of a computation of this build (``get_named``) -> the key of its inputs."""

    def get(self, kind: str, inputs: object, compute: Callable[[], T]) -> T:
        """``compute()``, or its result from the previous build when ``inputs`` are equal.

        Args:
            kind: what is computed ("svg", "summary"): results of different
                computations never share a key.
            inputs: everything ``compute`` reads, as values whose ``repr`` is exact.
        """
        return self._keyed(memo_key(kind, inputs), compute)

    def get_named(self, name: str, kind: str, inputs: Callable[[], object], compute: Callable[[], T]) -> T:
        """``get(kind, inputs(), compute)`` for a computation that ``name`` names within this
        build (an entity's summary: its id), whose key is worked out once per build: another
        process that worked it out hands it over (``take_ahead``), and the costly ``inputs``
        are not read again."""
        key = self.named.get(name)
        if key is None:
            key = self.named[name] = memo_key(kind, inputs())
        return self._keyed(key, compute)

    def _keyed(self, key: str, compute: Callable[[], T]) -> T:
        """``get`` once the key is known."""
        if self.recording is not None:
            self.recording.append(key)
        if key in self.used:
            return self.used[key]
        if key in self.previous:
            self.hits += 1
            value = self.previous[key]
        else:
            value = detached(compute())
        self.used[key] = value
        return value

    @contextlib.contextmanager
    def recorded(self) -> Iterator[list[str]]:
        """The keys ``get`` is asked for inside, in a list filled as they come."""
        self.recording = keys = []
        try:
            yield keys
        finally:
            self.recording = None

    def keep_previous(self, keys: Iterable[str]) -> None:
        """Keep for the next build the previous build's results under ``keys`` (those a page
        found unchanged was made from, so that they are there when it changes)."""
        for key in keys:
            if key not in self.used and key in self.previous:
                self.used[key] = self.previous[key]

    def fresh(self) -> PageMemo:
        """A memo reusing the same previous results that records its own (one part of the
        site, perhaps made in another process: its ``used`` is ``add``ed back)."""
        part = copy.copy(self)
        part.used, part.hits, part.recording, part.named = {}, 0, None, dict(self.named)
        return part

    def take_ahead(self, entries: dict[str, Any], named: dict[str, str] | None = None,
                   kept: Iterable[str] = ()) -> None:
        """Results another process worked out for this build (the new entries a ``fresh`` part
        handed back), for ``get`` to find as it finds the previous build's, and the keys of the
        computations it named (its ``named``); before the parts that read them are made.

        Those results, and the previous build's results under ``kept`` (the keys the part took
        from there), are kept for the next build whether or not a page reads them: the summary
        of an entity whose index row shows a role and that has no page is read by no page, and
        was worked out again by every build (782 of 4,079 entities at 2,000 articles)."""
        self.previous.update(entries)
        self.add((entries, list(kept)))  # as a part's handed back entries are kept
        self.named.update(named or {})

    def handed_back(self) -> Handed:
        """What a ``fresh`` part used, for ``add`` (see ``hand_back``)."""
        return hand_back(self.used, self.previous)

    def add(self, handed: Handed) -> None:
        """Keep the results a ``fresh`` part used (its ``handed_back``)."""
        take_back(self.used, self.previous, handed)

    def save(self) -> None:
        """Write this build's results for the next build; a failed write only costs time."""
        if self.files is not None:
            self.files.write(self.used)


def memo_key(kind: str, inputs: object) -> str:
    """The key of a ``kind`` of result of ``inputs`` (see ``PageMemo.get``)."""
    return kind + ":" + hashlib.sha256(repr(inputs).encode("utf-8", "surrogatepass")).hexdigest()


Handed = tuple[dict[str, Any], list[str]]
"""What a part made in another process hands back of the memo entries it used: those new this
build, and the keys of those it took from the previous build."""


def hand_back(used: dict[str, Any], previous: dict[str, Any]) -> Handed:
    """``used`` as ``Handed``: an entry that is the previous build's own object goes back as its
    key only (the memo that made the part holds it), so a rebuild's processes do not pickle, and
    the building process does not read back, every figure, summary and page entry they reused."""
    kept = [key for key, value in used.items() if previous.get(key) is value]
    return {key: value for key, value in used.items() if previous.get(key) is not value}, kept


def take_back(used: dict[str, Any], previous: dict[str, Any], handed: Handed) -> None:
    """Add to ``used`` the entries ``hand_back`` gave, the kept ones from ``previous``."""
    new, kept = handed
    used.update(new)
    used.update((key, previous[key]) for key in kept)


def detached(value: T) -> T:
    """A copy of ``value`` sharing no object with anything else, as a result read back from the
    memo file is. A page's render key pickles its context, and pickle writes an object shared
    within it once: a fresh result sharing citations with the briefing and the same result read
    back next build would key the page differently, and it would be rendered again."""
    return pickle.loads(pickle.dumps(value, pickle.HIGHEST_PROTOCOL))


def field_values(items: Iterable[object]) -> tuple[tuple, ...]:
    """Each dataclass's field values in order, as tuples: an exact key whose ``repr`` runs in C
    (a dataclass's own ``repr`` is Python code, a third of the planning time saved)."""
    return tuple(tuple(vars(item).values()) for item in items)


class MemoFiles:
    """The two files a memo is kept in: a base (``path``: an id and entries) and a delta
    (``delta_path``: the base's id, the keys kept, and the entries new since the base).

    ``read`` gives the base's entries under the kept keys and the delta's, and remembers the
    base; ``write`` then writes only a delta against it while it still holds most of what is
    kept. After one new article at 2,000 articles that is about 100 of 8,000 figures and
    summaries, and writing the whole page memo (8.5 MB) again took 0.09 s at the end of every
    rebuild. A new base is written when more than ``REBASE_SHARE`` of the entries are new, or
    when entries no longer used make up half the base, so the files stay near the size of what
    a build uses. A delta of another base (a write stopped between the two files) is left out:
    the base's entries alone are still right for their keys, as every entry is. Missing,
    damaged, truncated files or another fingerprint are all a miss, never an error."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._base: tuple[str, dict[str, Any]] | None = None
        """The id and entries of the base on disk, once read or written."""

    def read(self) -> dict[str, Any]:
        """The entries the last ``write`` kept, when this code wrote them, else none."""
        base = read_headed(self.path, code_fingerprint())
        delta = read_headed(delta_path(self.path), code_fingerprint())
        if not (isinstance(base, tuple) and len(base) == 2 and isinstance(base[1], dict)):
            return {}
        base_id, entries = self._base = base
        if not (isinstance(delta, tuple) and len(delta) == 3 and delta[0] == base_id):
            return dict(entries)
        _, kept, new = delta
        return {**{key: entries[key] for key in kept if key in entries}, **new}

    def write(self, entries: dict[str, Any]) -> None:
        """Keep ``entries`` for the next ``read``, atomically; a failed write only costs time.
        The entries that are not the base's own objects go to the delta, the others by key."""
        base_id, base = self._base or (None, {})
        new = {key: value for key, value in entries.items() if base.get(key) is not value}
        kept = [key for key in entries if key not in new]
        with contextlib.suppress(OSError):
            if base_id is None or len(new) > len(entries) * REBASE_SHARE or len(base) > 2 * len(kept):
                base_id = os.urandom(8).hex()
                write_headed(self.path, code_fingerprint(), (base_id, entries))
                self._base = (base_id, entries)
                new, kept = {}, list(entries)
            write_headed(delta_path(self.path), code_fingerprint(), (base_id, kept, new))


def read_memo(path: Path) -> dict[str, Any]:
    """The entries of the memo kept at ``path`` (``MemoFiles.read``)."""
    return MemoFiles(path).read()


def delta_path(path: Path) -> Path:
    """The delta file of the memo whose base is ``path``."""
    return path.with_name(path.name + ".delta")


REBASE_SHARE = 0.25
"""``MemoFiles.write`` writes a new base when more than this share of the entries is new."""
