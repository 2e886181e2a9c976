"""A build whose inputs and output are as the previous build left them does nothing."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest

from generator import pipeline
from generator.config import load_config
from tests.conftest import SEEDS, make_project

pytestmark = pytest.mark.model

NOW = dt.datetime(2026, 3, 1, 12, 0, tzinfo=dt.timezone.utc)


@pytest.fixture
def project(tmp_path):
    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix == ".txt")[:3]
    root = make_project(tmp_path / "p", seeds=None)
    (root / "seeds").mkdir()
    for path in seeds:
        shutil.copy(path, root / "seeds" / path.name)
    return root


@pytest.fixture
def collected(monkeypatch):
    """Counts the builds that collect the corpus (that are not skipped)."""
    calls = []
    original = pipeline.read_and_resolve

    def counting(*args, **kwargs):
        calls.append(1)
        return original(*args, **kwargs)

    monkeypatch.setattr(pipeline, "read_and_resolve", counting)
    return calls


def build(root, now=NOW):
    return pipeline.build(load_config(root=root), warn=lambda m: None, now=now)


def docs_state(root):
    return {p: (p.read_bytes(), p.stat().st_mtime_ns) for p in (root / "docs").rglob("*") if p.is_file()}


def test_an_unchanged_rebuild_is_skipped_and_returns_the_same_summary(project, collected):
    first = build(project)
    before = docs_state(project)
    second = build(project)
    assert len(collected) == 1
    assert docs_state(project) == before
    assert second.written.written == [] and sorted(second.written.unchanged) == sorted(
        first.written.written + first.written.unchanged)
    assert first.briefing is not None and second.briefing is None
    assert second.summary == first.summary
    assert second.summary.articles_read == len(first.briefing.analyses) > 0
    assert sum(second.summary.entity_types.values()) == len(first.briefing.entities)


def test_an_edited_article_is_built_again(project, collected):
    build(project)
    seed = sorted((project / "seeds").glob("*.txt"))[0]
    seed.write_text(seed.read_text(encoding="utf-8") + "\n\nA late paragraph about the ceasefire.\n",
                    encoding="utf-8")
    result = build(project)
    assert len(collected) == 2
    assert f"sources/{seed.stem}.md" in result.written.written


def test_a_generated_file_edited_or_removed_is_written_again(project, collected):
    build(project)
    (project / "docs" / "index.md").unlink()
    build(project)
    assert (project / "docs" / "index.md").is_file()
    page = project / "docs" / "changes.md"
    page.write_text(page.read_text(encoding="utf-8") + "edited by hand\n", encoding="utf-8")
    build(project)
    assert "edited by hand" not in page.read_text(encoding="utf-8")
    assert len(collected) == 3


def test_another_day_or_setting_builds_again(project, collected):
    build(project)
    build(project, NOW + dt.timedelta(days=1))
    (project / "briefing.yml").write_text("title: Another title\n", encoding="utf-8")
    result = build(project, NOW + dt.timedelta(days=1))
    assert len(collected) == 3
    assert result.briefing.title == result.summary.title == "Another title"
