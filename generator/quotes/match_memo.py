"""Which quote keys are one quotation, kept between builds: a rebuild compares only new keys.

Whether two reports quote the same words (``merge._same_key``: equal keys, a
rapidfuzz ratio of at least 90, or one a run of the other's words) reads
nothing but the two keys. A build works out, for each distinct key, the keys
of the build that are the same quotation (``blocking.same_quotation_keys``),
comparing only the keys the previous build did not hold with every key; the
previous build's keys take their matches among themselves from the memo.

Kept in the cache folder (``MEMO_FILE``) behind a line naming the code (a memo
of other code is ignored), as a checksummed pickle written atomically; a
missing, damaged or foreign file is ignored and written anew. Only the keys of
the last build are kept, so the file does not grow from build to build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from generator.storage.checked_pickle import read_cached, write_cached

MEMO_FILE = "quote-matches.memo"
"""The memo of the last build's quote keys, in the cache folder."""

Matches = dict[str, tuple[str, ...]]
"""Quote key -> the keys of one build that are the same quotation (itself included)."""


@dataclass
class QuoteMatchMemo:
    """The previous build's matches and, once the quotes are merged, this build's."""

    kept: Matches = field(default_factory=dict)
    """Read from the cache folder (empty: nothing to reuse)."""
    fresh: Matches = field(default_factory=dict)
    """This build's matches, for the next build (``write_memo``)."""


def _well_formed(kept: object) -> bool:
    """Whether a read value is ``Matches`` as this code writes it (checked shallowly: the file
    is checksummed and named by the code that wrote it)."""
    return isinstance(kept, dict) and all(
        isinstance(k, str) and isinstance(v, tuple) for k, v in kept.items())


def read_memo(folder: Path | None, fingerprint: str) -> QuoteMatchMemo:
    """The memo kept in ``folder`` by a build of the code ``fingerprint``, else an empty one."""
    kept = read_cached(folder, MEMO_FILE, fingerprint)
    return QuoteMatchMemo(kept if _well_formed(kept) else {})


def write_memo(folder: Path | None, fingerprint: str, memo: QuoteMatchMemo) -> None:
    """Keep this build's matches in ``folder``; a failed write only costs the next build time."""
    write_cached(folder, MEMO_FILE, fingerprint, memo.fresh)
