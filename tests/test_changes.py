"""The "What changed" page lists what a build adds to or changes in the previous build."""

from __future__ import annotations

import shutil

import pytest

from generator.config import load_config
from generator.pipeline import build
from generator.publish.snapshot import read_snapshot
from tests.conftest import SEEDS, make_project

pytestmark = pytest.mark.model


def build_project(root):
    return build(load_config(root=root), warn=lambda m: None)


def changes_page(root) -> str:
    return (root / "docs" / "changes.md").read_text(encoding="utf-8")


def test_added_edited_and_removed_articles_are_listed(tmp_path):
    seeds = sorted(p for p in SEEDS.iterdir() if p.suffix in {".txt", ".md"})
    root = make_project(tmp_path / "p", seeds=None)
    (root / "seeds").mkdir()
    for path in seeds[:3]:
        shutil.copy(path, root / "seeds" / path.name)
    build_project(root)
    assert "no earlier build to compare with" in changes_page(root)
    first = read_snapshot(root / "docs")
    assert first is not None and len(first.sources) == 3

    shutil.copy(seeds[3], root / "seeds" / seeds[3].name)  # added
    edited = root / "seeds" / seeds[0].name
    edited.write_text(edited.read_text(encoding="utf-8") + "\n\nA late paragraph about the talks.\n",
                      encoding="utf-8")
    (root / "seeds" / seeds[1].name).unlink()  # removed
    result = build_project(root)
    page = changes_page(root)
    titles = {s.id: s.title for s in result.briefing.sources}
    new_id = seeds[3].stem
    assert "## New articles" in page and f"sources/{new_id}.md" in page.split("## Edited")[0]
    assert "## Edited articles" in page and f"sources/{seeds[0].stem}.md" in page.split("## Edited")[1]
    assert "## Articles no longer in the briefing" in page
    assert first.source_titles[seeds[1].stem] in page
    assert titles[new_id]  # the new article has a title on the page's link
    assert "## New people, organisations, places and groups" in page


def test_a_rebuild_without_changes_says_so(tmp_path):
    root = make_project(tmp_path / "p")
    build_project(root)
    seed = next((root / "seeds").glob("*.txt"))
    seed.write_text(seed.read_text(encoding="utf-8"), encoding="utf-8")  # same text: built, not skipped
    build_project(root)
    assert "Nothing changed since the previous build" in changes_page(root)


def test_an_unreadable_previous_export_counts_as_a_first_build(tmp_path):
    docs = tmp_path / "docs" / "data"
    docs.mkdir(parents=True)
    (docs / "briefing.json").write_text("{not json", encoding="utf-8")
    assert read_snapshot(tmp_path / "docs") is None
