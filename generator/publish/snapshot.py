"""Read back what the previous build published (``docs/data/briefing.json``) as a ``BuildSnapshot``.

Anything missing, unreadable or of another shape gives ``None``: the changes
page then says this is the first build it can compare with. Never raises.

Parsing the export takes about a second at 2,000 articles, so a build also keeps
the snapshot of the export it wrote in the cache folder (``SNAPSHOT_FILE``),
behind a line holding the export's size and modification time. The next build
reads that instead while the export is still the file it describes; an export
changed, replaced or removed since, or a damaged or missing snapshot file,
sends it back to the export itself.
"""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from pathlib import Path
from typing import Any

from generator.model import BuildSnapshot
from generator.site.markup import label_number
from generator.storage.checked_pickle import paused_collector, read_headed, write_headed

EXPORT_PATH = "data/briefing.json"
"""Where the export lives, relative to docs/."""


SNAPSHOT_FILE = "last-build.snapshot"
"""In the cache folder: the snapshot of the export the last build wrote (``store_snapshot``)."""


def read_snapshot(docs: Path, cache: Path | None = None) -> BuildSnapshot | None:
    """The previous build's snapshot, or None when there is no readable export.

    Args:
        cache: the cache folder, where ``store_snapshot`` may have kept it.
    """
    kept = _kept_snapshot(docs, cache) if cache is not None else None
    if kept is not None:
        return kept
    try:
        with paused_collector():  # a million new objects, no cycles
            data = json.loads((docs / EXPORT_PATH).read_text(encoding="utf-8"))
        return snapshot_of(data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
        return None


def store_snapshot(docs: Path, cache: Path | None, snapshot: BuildSnapshot) -> None:
    """Keep ``snapshot`` (``snapshot_of`` the export just written to ``docs``) in ``cache``
    for the next build; a failed write only costs it the parse of the export."""
    if cache is None:
        return
    with contextlib.suppress(OSError):
        write_headed(cache / SNAPSHOT_FILE, _export_state(docs), snapshot)


def _kept_snapshot(docs: Path, cache: Path) -> BuildSnapshot | None:
    """The snapshot in ``cache`` when it describes the export now in ``docs``, else None."""
    try:
        kept = read_headed(cache / SNAPSHOT_FILE, _export_state(docs))
    except OSError:  # no export
        return None
    return kept if isinstance(kept, BuildSnapshot) else None


def _export_state(docs: Path) -> str:
    """Size and modification time (ns) of the export.

    Raises:
        OSError: there is no export.
    """
    stat = (docs / EXPORT_PATH).stat()
    return f"{stat.st_size} {stat.st_mtime_ns}"


def snapshot_of(data: dict[str, Any]) -> BuildSnapshot:
    """The snapshot of an export's data (parsed, or ``export.to_dict`` before it is written)."""
    ok = [s for s in data["sources"] if s.get("status") == "ok"]
    return BuildSnapshot(
        built_at=data.get("built_at") if isinstance(data.get("built_at"), str) else None,
        sources={str(s["id"]): str(s.get("revision") or "") for s in ok},
        source_titles={str(s["id"]): str(s.get("title") or s.get("path") or s["id"])
                       for s in data["sources"]},
        entities=frozenset(str(e["id"]) for e in data["entities"]),
        events=frozenset(str(e["id"]) for e in data["events"]),
        quotes=frozenset((str(q.get("speaker") or ""), str(q["text"])) for q in data["quotes"]),
        deadline_dues={str(d["id"]): str((d.get("due") or {}).get("value") or "") for d in data["deadlines"]},
        source_labels=_labels(data["sources"]),
        next_label=max(int(data.get("next_source_label") or 1), 1),
        stories={str(st["id"]): frozenset(str(s) for s in st["sources"]) for st in data.get("stories", [])},
    )


def _labels(sources: list[dict[str, Any]]) -> dict[str, str]:
    """Source id -> label, for the well-formed labels ("S<n>") given once each."""
    labels = {str(s["id"]): str(s.get("label")) for s in sources
              if label_number(str(s.get("label"))) is not None}
    once = Counter(labels.values())
    return {source_id: label for source_id, label in labels.items() if once[label] == 1}
