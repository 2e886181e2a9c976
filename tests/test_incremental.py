"""A rebuild after adding, editing or deleting an article writes what a cold build of the
same final folder writes (same previous output, empty cache): nothing kept from the last
build (sources and analyses by content, the story pair memo, the kept snapshot) changes the
result."""

from __future__ import annotations

import contextlib
import datetime as dt
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from generator import pipeline
from generator.config import load_config
from generator.events.pair_memo import MEMO_FILE
from generator.publish.snapshot import SNAPSHOT_FILE
from tests.conftest import SEEDS, make_project

pytestmark = pytest.mark.model

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)
SEED_FILES = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")


def build(root: Path) -> pipeline.BuildResult:
    config = replace(load_config(root=root), cache=root / "cache")
    return pipeline.build(config, warn=lambda message: None, now=NOW)


def generated(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root / "docs").as_posix(): p.read_bytes()
            for p in (root / "docs").rglob("*") if p.is_file()}


def change(seeds: Path, kind: str) -> None:
    if kind == "add":
        text = SEED_FILES[0].read_text(encoding="utf-8")
        (seeds / "zz_added.txt").write_text("Second report.\n" + text, encoding="utf-8")
    elif kind == "edit":
        path = seeds / SEED_FILES[1].name
        path.write_text(path.read_text(encoding="utf-8") + "\nOfficials said talks would resume.\n",
                        encoding="utf-8")
    else:
        (seeds / SEED_FILES[0].name).unlink()


@pytest.mark.parametrize("kind", ["add", "edit", "delete"])
def test_rebuild_equals_cold_build_of_the_final_folder(tmp_path, kind):
    warm = make_project(tmp_path / "warm")
    build(warm)
    change(warm / "seeds", kind)
    cold = make_project(tmp_path / "cold", seeds=warm / "seeds")
    shutil.rmtree(cold / "docs")
    shutil.copytree(warm / "docs", cold / "docs")  # the same previous output: labels, story ids
    assert not (cold / "cache").exists()
    assert (warm / "cache" / MEMO_FILE).exists() and (warm / "cache" / SNAPSHOT_FILE).exists()
    rebuilt = build(warm)
    build(cold)
    assert rebuilt.written.written  # the change reached the pages
    assert generated(warm) == generated(cold)


@contextlib.contextmanager
def never_in_time(task):
    """``executor.in_background`` on a machine too busy to give its process any CPU: the
    result never comes within the time the build waits."""
    yield lambda timeout: None


def test_builds_that_get_no_summaries_from_the_background_write_the_same(tmp_path, monkeypatch):
    waited, late = (make_project(tmp_path / name) for name in ("waited", "late"))
    build(waited)
    change(waited / "seeds", "add")
    build(waited)
    monkeypatch.setattr(pipeline, "in_background", never_in_time)
    build(late)  # the cold build and the rebuild: the page parts work out every summary
    change(late / "seeds", "add")
    build(late)
    assert generated(waited) == generated(late)
