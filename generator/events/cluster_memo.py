"""Event clusters kept between builds: a story whose reports are unchanged is not clustered again.

The greedy clustering and the joins after it (``merge``) only ever put reports
of one story together, and what they read of a report is its mention (kind,
aspect, trigger, time, citation, status, described participants), the entity
ids of its participants and place, the place's gazetteer entry, its publication
date and its position among the story's reports. ``story_key`` digests exactly
those for the reports of one story, in corpus order (not the story's id: a
renumbered story is the same work), so a story that an article joined, left or
changed, or whose names resolved otherwise, is clustered again, and every other
story's clusters are taken from the memo as positions into its reports.

Kept in the cache folder (``MEMO_FILE``) behind a line naming the code (a memo
of other code is ignored), as a checksummed pickle written atomically; a
missing, damaged or foreign file is ignored and written anew. Only the stories
of the last build are kept, so the file does not grow from build to build.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Callable
from pathlib import Path

from generator.events.reports import Report
from generator.storage.checked_pickle import read_cached, write_cached

MEMO_FILE = "event-clusters.memo"
"""The memo of the last build's event clusters, in the cache folder."""

Positions = tuple[tuple[int, ...], ...]
"""Clusters of one story as positions into its reports."""


def story_key(reports: list[Report]) -> str:
    """Digest of everything the clustering reads of one story's reports (see the module)."""
    rows = [(r.candidate, sorted(r.participants), r.place, r.geo, r.published, sorted(r.described))
            for r in reports]
    data = pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL)
    return hashlib.blake2b(data, digest_size=16).hexdigest()


class ClusterMemo:
    """The previous build's clusters per story key, and this build's."""

    def __init__(self, kept: dict[str, Positions] | None = None) -> None:
        self.kept = kept or {}
        """Story key -> clusters of the previous build."""
        self.fresh: dict[str, Positions] = {}
        """Story key -> clusters of this build (what ``write_memo`` keeps)."""

    def recall(self, reports: list[Report],
               work_out: Callable[[list[Report]], list[list[Report]]]) -> tuple[str, Positions]:
        """The key of one story's ``reports`` and their clusters as positions: the previous
        build's when the key is known, else ``work_out(reports)``'s (not kept: see ``keep``)."""
        key = story_key(reports)
        found = self.kept.get(key)
        if found is None or not _covers(found, len(reports)):
            position = {id(report): n for n, report in enumerate(reports)}
            found = tuple(tuple(position[id(r)] for r in members) for members in work_out(reports))
        return key, found

    def keep(self, key: str, clusters: Positions) -> None:
        """Keep the clusters of a story of this build for the next."""
        self.fresh[key] = clusters


def _covers(clusters: Positions, count: int) -> bool:
    """Whether ``clusters`` hold each of ``count`` positions exactly once (a sound entry)."""
    return sorted(n for members in clusters for n in members) == list(range(count))


def read_memo(folder: Path | None, fingerprint: str) -> ClusterMemo:
    """The memo kept in ``folder`` by a build of the code ``fingerprint``, else an empty one."""
    kept = read_cached(folder, MEMO_FILE, fingerprint)
    return ClusterMemo(kept if isinstance(kept, dict) else None)


def write_memo(folder: Path | None, fingerprint: str, memo: ClusterMemo) -> None:
    """Keep this build's clusters in ``folder``; a failed write only costs the next build time."""
    write_cached(folder, MEMO_FILE, fingerprint, memo.fresh)
