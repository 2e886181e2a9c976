"""The tool stays generic: nothing in generator/ or site_templates/ names the seed story."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
# Names of the seed corpus (tests may know the seeds; the tool may not).
SEED_NAMES = ["Witkoff", "Putin", "Zelensk", "Kremlin", "Moscow", "Dmitriev", "Whitaker", "Trump",
              "Kyiv", "Kiev", "Ukrain", "Russia", "Mangott", "Ushakov", "Macron", "Istanbul", "Miami",
              "TASS", "Kelley", "Carlson", "Donbas"]
PATTERN = re.compile("|".join(SEED_NAMES), re.IGNORECASE)


def tool_files():
    for folder in ("generator", "site_templates"):
        for path in sorted((REPO / folder).rglob("*")):
            if path.is_file() and path.suffix in {".py", ".j2", ".html", ".css", ".yml", ".md", ".txt", ".json"}:
                yield path


def test_the_walk_reaches_every_subpackage():
    walked = {p.parent for p in tool_files() if p.suffix == ".py"}
    packages = {p.parent for p in (REPO / "generator").rglob("__init__.py")}
    assert len(packages) >= 10 and packages <= walked, packages - walked


@pytest.mark.parametrize("path", list(tool_files()), ids=lambda p: str(p.relative_to(REPO)))
def test_no_seed_names_in_the_tool(path):
    hits = [f"{n}: {line.strip()}" for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
            if PATTERN.search(line)]
    assert not hits, hits
