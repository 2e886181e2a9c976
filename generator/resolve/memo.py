"""What resolution worked out per name and per article, kept between builds where it cannot change.

Resolution is corpus-wide, but much of its work reads one name or one
article only, and a rebuild after one new, edited or deleted article finds
almost all of those with the same inputs:

- a mention's comparison key (``name_groups.group_key``) reads its text, its
  NER label and whether a person's title precedes it, and the gazetteer;
- what recovery finds in an article (``recover_missed.missed_mentions``) reads the
  article's text, sentences and existing mentions (their spans, their
  entities' ids) and, of the corpus's known forms, only those written
  whole-word in the text (``recover.KnownForms``). Which known forms an
  unchanged text holds is kept too: the next build scans the kept texts only
  for the forms that are new since (``recover.ScanPlan``).

A result is reused only for equal inputs (recovery: a ``digest`` of every
input). Kept in the cache folder (``MEMO_FILE``) behind a
line naming the code and the gazetteer's data (a memo of others is ignored), as
a checksummed pickle written atomically: a missing, damaged or foreign file only
costs time. Only what this build used is written back, so the file does not grow.
"""

from __future__ import annotations

import hashlib
import marshal
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TypeVar

from generator.knowledge.gazetteer import Place
from generator.knowledge.gazetteer_index import index_cache_path
from generator.model import Mention
from generator.nlp.cache import code_fingerprint
from generator.storage.checked_pickle import read_cached, write_cached

MEMO_FILE = "resolve-memo.bin"
"""The memo's file in the cache folder (not ``*.pickle``: the NLP cache purges those)."""

K = TypeVar("K")
V = TypeVar("V")

GroupReads = tuple[str, str, bool]
"""What ``group_key`` reads of a mention: text, NER label, a person's title before it."""
GroupKey = tuple[str, Place | None]
"""``group_key``'s result: the comparison key and the gazetteer place."""
Recovered = tuple[tuple[str, Mention], ...]
"""What recovery adds in one article: (entity id, new mention) pairs."""


@dataclass
class Kept:
    """The results of one build."""

    group_keys: dict[GroupReads, GroupKey] = field(default_factory=dict)
    """``group_key`` of each distinct reads."""
    scanned: frozenset[str] = frozenset()
    """The forms recovery looked for in the texts."""
    holds: dict[bytes, frozenset[str]] = field(default_factory=dict)
    """Text digest (``text_key``) -> the forms of ``scanned`` written whole-word in it."""
    recovered: dict[bytes, Recovered] = field(default_factory=dict)
    """Article key (``digest`` of its inputs) -> what recovery added in that article."""

    def well_formed(self) -> bool:
        """Whether the fields are of the types this code writes."""
        return (isinstance(self.group_keys, dict) and isinstance(self.scanned, frozenset)
                and isinstance(self.holds, dict) and isinstance(self.recovered, dict))


class ResolveMemo:
    """The previous build's results (``kept``), and this build's (``fresh``)."""

    def __init__(self, kept: Kept | None = None) -> None:
        """A memo reusing ``kept`` (None: nothing to reuse)."""
        self.kept = kept or Kept()
        self.fresh = Kept()

    def group_key(self, reads: GroupReads) -> GroupKey | None:
        """The kept ``group_key`` of ``reads``, else None; a found one is kept again."""
        return _recalled(self.kept.group_keys, self.fresh.group_keys, reads)

    def keep_group_key(self, reads: GroupReads, key: GroupKey) -> None:
        """Keep a ``group_key`` worked out in this build."""
        self.fresh.group_keys[reads] = key

    def recovered(self, article: bytes) -> Recovered | None:
        """What recovery added in the article with key ``article``, else None (kept again)."""
        return _recalled(self.kept.recovered, self.fresh.recovered, article)

    def keep_recovered(self, article: bytes, found: Recovered) -> None:
        """Keep what recovery added in an article this build."""
        self.fresh.recovered[article] = found


def _recalled(kept: dict[K, V], fresh: dict[K, V], key: K) -> V | None:
    """``kept[key]``, also put in ``fresh`` (so the next build keeps it), else None."""
    found = kept.get(key)
    if found is not None:
        fresh[key] = found
    return found


def digest(value: object) -> bytes:
    """16-byte digest of ``value`` (tuples, lists, strings, numbers and bytes) as ``marshal``
    writes it in its version 2, which writes equal values alike: no references to objects
    written before, no mark for interned strings (later versions have both)."""
    return hashlib.blake2b(marshal.dumps(value, 2), digest_size=16).digest()


@cache
def memo_header() -> str:
    """The line naming the code and the gazetteer data a memo was made with (read once)."""
    return f"{code_fingerprint()} {index_cache_path().name}"


def read_memo(folder: Path | None) -> ResolveMemo:
    """The memo kept in ``folder`` by this code, else an empty one."""
    kept = read_cached(folder, MEMO_FILE, memo_header())
    return ResolveMemo(kept if isinstance(kept, Kept) and kept.well_formed() else None)


def write_memo(folder: Path | None, memo: ResolveMemo) -> None:
    """Keep this build's results in ``folder``; a failed write only costs the next build time."""
    write_cached(folder, MEMO_FILE, memo_header(), memo.fresh)
