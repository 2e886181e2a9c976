"""The same corpus builds to the same bytes whatever Python's string hashing seed."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
BUILD = """
import datetime as dt, sys
from pathlib import Path
from generator.config import Config
from generator.pipeline import build
root = Path(sys.argv[1])
config = Config(root=root, seeds=Path(sys.argv[2]), docs=root / "docs", cache=None)
build(config, warn=lambda m: None, now=dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc))
"""


def build_with_hash_seed(seed: str, root: Path, corpus: Path) -> dict[str, bytes]:
    env = {"PYTHONHASHSEED": seed, "PATH": "/usr/bin:/bin"}
    subprocess.run([sys.executable, "-c", BUILD, str(root), str(corpus)], cwd=REPO, env=env, check=True)
    docs = root / "docs"
    return {str(p.relative_to(docs)): p.read_bytes() for p in sorted(docs.rglob("*")) if p.is_file()}


@pytest.mark.model
@pytest.mark.parametrize("corpus", [REPO / "seeds", REPO / "tests" / "golden" / "corpus"], ids=["seeds", "golden"])
def test_output_does_not_depend_on_hash_seed(tmp_path, corpus):
    first = build_with_hash_seed("1", tmp_path / "a", corpus)
    second = build_with_hash_seed("2", tmp_path / "b", corpus)
    assert first.keys() == second.keys()
    assert [path for path in first if first[path] != second[path]] == []
