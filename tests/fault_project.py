"""A small project for the fault-injection tests, and the checks every fault test ends with.

``consistent`` is the invariant of issue 12: after any fault and one more
build, the export and the pages describe the same sources, every article
file is in the export (built or skipped with a reason), the manifest lists
exactly the generated files present, and nothing half-written is left.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from generator.publish.writer import MANIFEST
from generator.storage.atomic import TEMP_SUFFIX

ARTICLES = {
    "geneva.txt": (
        "Geneva Talks Resume After Long Pause\n"
        "Foreign Minister Anna Berg said on Monday that talks in Geneva would resume next week.\n"
        "Berg met officials of the World Bank and the United Nations in Geneva.\n"
        "\"We expect an agreement by Friday,\" Anna Berg told reporters.\n"
    ),
    "oslo.md": (
        "---\ntitle: Oslo Hosts Donors\npublished: 2025-03-04\n---\n\n"
        "Anna Berg travelled to Oslo on Tuesday to meet Jonas Dahl of the World Bank.\n\n"
        "Dahl said the World Bank would fund the reconstruction plan in Norway.\n"
    ),
    "nairobi.txt": (
        "Kenya Joins The Talks\n"
        "Kofi Mensah of the African Union arrived in Nairobi on Wednesday.\n"
        "Mensah said Kenya would send a delegation to Geneva before the deadline on 31 March.\n"
    ),
}


def write_project(root: Path, articles: dict[str, str | bytes] = ARTICLES, config: str = "") -> Path:
    """A project folder with ``articles`` in seeds/, an empty docs/ and an optional briefing.yml."""
    (root / "seeds").mkdir(parents=True)
    (root / "docs").mkdir()
    for name, content in articles.items():
        path = root / "seeds" / name
        path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    if config:
        (root / "briefing.yml").write_text(config, encoding="utf-8")
    return root


def copy_project(source: Path, target: Path) -> Path:
    """A copy of a built project, cache included, so its next build needs no language analysis."""
    shutil.copytree(source, target)
    return target


def export(root: Path) -> dict:
    """The parsed export; fails the test when it is not valid JSON."""
    return json.loads((root / "docs" / "data" / "briefing.json").read_text(encoding="utf-8"))


def docs_snapshot(root: Path) -> dict[str, bytes]:
    """Every file under docs/ and its bytes."""
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*") if p.is_file()}


def consistent(root: Path) -> dict:
    """Assert the export, the pages, the seeds and the manifest agree; return the export."""
    data = export(root)
    docs = root / "docs"
    seed_names = {p.name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
                  for p in (root / "seeds").iterdir() if p.name != "sources.yml"}
    assert {s["path"] for s in data["sources"]} == seed_names, "an article is missing from the export"
    ok = {s["id"] for s in data["sources"] if s["status"] == "ok"}
    pages = {p.stem for p in (docs / "sources").glob("*.md")} - {"index"}
    assert pages == ok, "source pages and export disagree"
    assert all(s["error"] for s in data["sources"] if s["status"] != "ok"), "a skip without a reason"
    manifest = set(json.loads((docs / MANIFEST).read_text(encoding="utf-8")))
    assert all((docs / rel).is_file() for rel in manifest), "the manifest lists a missing file"
    assert {"data/briefing.json", "data/briefing.schema.json", "assets/briefing.css"} <= manifest
    assert not list(docs.rglob(f"*{TEMP_SUFFIX}")), "a temporary file was left behind"
    assert not [w for w in data["warnings"] if "hand-written" in w["message"]]
    return data


def mentions_by_source(data: dict) -> dict[str, int]:
    """Number of entity mentions the export credits to each source id."""
    counts: dict[str, int] = {s["id"]: 0 for s in data["sources"]}
    for entity in data["entities"]:
        for mention in entity["mentions"]:
            counts[mention["source"]] += 1
    return counts
