"""Read back what the previous build published (``docs/data/briefing.json``) as a ``BuildSnapshot``.

Anything missing, unreadable or of another shape gives ``None``: the changes
page then says this is the first build it can compare with. Never raises.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from generator.model import BuildSnapshot
from generator.site.markup import label_number

EXPORT_PATH = "data/briefing.json"
"""Where the export lives, relative to docs/."""


def read_snapshot(docs: Path) -> BuildSnapshot | None:
    """The previous build's snapshot, or None when there is no readable export."""
    try:
        data = json.loads((docs / EXPORT_PATH).read_text(encoding="utf-8"))
        return _snapshot(data)
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError, AttributeError):
        return None


def _snapshot(data: dict[str, Any]) -> BuildSnapshot:
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
