"""Golden files: a small made-up corpus built into docs/ and compared with a committed tree.

``tests/golden/corpus`` holds three short articles (.txt, .md, .html) and their
metadata; ``tests/golden/expected`` holds every page and the JSON export the
build writes for them. A difference fails with a unified diff, and so does a
file missing from or added to the output. After an intended change of the
output, refresh the tree and review it with ``git diff tests/golden``:

    BRIEFING_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import os
import shutil
from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import BuildResult, build

pytestmark = pytest.mark.model

GOLDEN = Path(__file__).resolve().parent / "golden"
CORPUS = GOLDEN / "corpus"
EXPECTED = GOLDEN / "expected"
UPDATE = os.environ.get("BRIEFING_UPDATE_GOLDEN") == "1"
BUILT_AT = dt.datetime(2025, 3, 7, 12, 0, tzinfo=dt.timezone.utc)
"""The frozen build time (``built_at``), so the build report does not change from run to run."""
COPIED = {".briefing-manifest.json", "assets/briefing.css", "data/briefing.schema.json"}
"""Files every build writes that are copied or listed, not generated from the corpus: checked to exist."""
REFRESH_HINT = "\nIf intended: BRIEFING_UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/test_golden.py"
VOLATILE = {"built_at": "<built_at>"}
"""Fields of data/briefing.json left out of the comparison, with their placeholder."""


@pytest.fixture(scope="module")
def golden(tmp_path_factory) -> tuple[Path, BuildResult]:
    """The corpus built once into ``<tmp>/docs``, with the build time frozen and no cache."""
    root = tmp_path_factory.mktemp("golden")
    config = Config(root=root, title="Golden briefing", seeds=CORPUS, docs=root / "docs", cache=None)
    return root, build(config, warn=lambda message: None, now=BUILT_AT)


def normalise(rel: str, text: str) -> str:
    """The comparable form of one output file: volatile export fields replaced."""
    if rel != "data/briefing.json":
        return text
    data = json.loads(text)
    data.update({key: value for key, value in VOLATILE.items() if key in data})
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def tree(folder: Path, skip: set[str] = frozenset()) -> dict[str, str]:
    """Docs-relative path -> text of every file under ``folder``."""
    files = (p for p in folder.rglob("*") if p.is_file())
    found = {p.relative_to(folder).as_posix(): p for p in files}
    return {rel: p.read_text(encoding="utf-8") for rel, p in sorted(found.items()) if rel not in skip}


def write_tree(folder: Path, files: dict[str, str]) -> None:
    """Replace ``folder`` with exactly ``files``."""
    shutil.rmtree(folder, ignore_errors=True)
    for rel, text in files.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_text(text, encoding="utf-8", newline="")


def differences(expected: dict[str, str], actual: dict[str, str]) -> list[str]:
    """Missing and extra files, then a unified diff per changed file."""
    out = [f"missing from the build: {rel}" for rel in sorted(expected.keys() - actual.keys())]
    out += [f"not in the golden tree: {rel}" for rel in sorted(actual.keys() - expected.keys())]
    for rel in sorted(expected.keys() & actual.keys()):
        if expected[rel] != actual[rel]:
            out.append("".join(difflib.unified_diff(
                expected[rel].splitlines(keepends=True), actual[rel].splitlines(keepends=True),
                fromfile=f"expected/{rel}", tofile=f"built/{rel}")))
    return out


def test_built_docs_match_the_golden_tree(golden):
    root, _ = golden
    actual = {rel: normalise(rel, text) for rel, text in tree(root / "docs", COPIED).items()}
    if UPDATE:
        write_tree(EXPECTED, actual)
    found = differences(tree(EXPECTED), actual)
    assert not found, "\n".join(found) + REFRESH_HINT


def test_copied_files_are_written(golden):
    root, _ = golden
    assert all((root / "docs" / rel).is_file() for rel in COPIED)


def test_output_holds_nothing_machine_specific(golden):
    root, result = golden
    marks = [str(root), str(CORPUS), str(Path.home()), str(GOLDEN.parents[1])]
    marks += [s.content_hash for s in result.briefing.sources]
    for rel, text in tree(root / "docs", {".briefing-manifest.json"}).items():
        assert not [m for m in marks if m in text], rel


def test_golden_corpus_covers_the_story(golden):
    """The corpus exercises what the golden tree is meant to pin down (guards a careless refresh)."""
    briefing = golden[1].briefing
    assert [s.status for s in briefing.sources] == ["ok", "ok", "ok"]
    assert all(s.published for s in briefing.sources)
    types = sorted(e.type for e in briefing.entities if e.type != "group")
    assert types.count("person") >= 3 and types.count("organization") == 2 and types.count("place") == 3
    assert {e.kind for e in briefing.events} >= {"visit", "meeting"}
    [deadline] = briefing.deadlines
    assert deadline.due and deadline.due.value == "2025-03-07"
    assert deadline.consequences == ("sanctions",) and len(deadline.reports) == 3
    assert len(briefing.quotes) == 2 and all(q.speaker for q in briefing.quotes)
    assert len(briefing.stories) == 1
