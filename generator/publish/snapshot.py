"""Read back what the previous build published (``docs/data/briefing.json``) as a ``BuildSnapshot``.

Anything missing, unreadable or of another shape gives ``None``: the changes
page then says this is the first build it can compare with. Never raises.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from generator.model import BuildSnapshot

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
    )
