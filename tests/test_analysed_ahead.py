"""A few uncached articles of a local build are analysed by a forked process while the cache
is read: the same analyses, the pipeline's warnings and errors reach the build, and a process
that dies leaves its articles to this one."""

from __future__ import annotations

import os
from dataclasses import replace
from pathlib import Path

import pytest

from generator import executor as executor_module
from generator import pipeline
from generator.config import BriefingError, load_config
from generator.executor import LocalExecutor
from generator.ingest import ingest
from generator.pipeline import analyse_all, no_progress
from tests.conftest import make_project

pytestmark = pytest.mark.model


@pytest.fixture
def project(tmp_path, monkeypatch, nlp):
    """The seed project read, in a process that has not loaded spaCy (loading gives ``nlp``)."""
    monkeypatch.setattr(executor_module, "_PIPELINES", {})
    monkeypatch.setattr(executor_module, "usable_cores", lambda: 2)
    monkeypatch.setattr(executor_module, "load_pipeline", lambda name, warn: nlp)
    root = make_project(tmp_path / "p")
    sources, _ = ingest(root / "seeds")
    return replace(load_config(root=root), cache=None), sources


def analysing_in(folder: Path, monkeypatch, die_apart: bool = False) -> None:
    """Make ``pipeline.analyse`` note the process it runs in under ``folder`` (``die_apart``:
    a process other than this one dies there instead)."""
    here = os.getpid()
    original = pipeline.analyse

    def noting(source, nlp):
        if die_apart and os.getpid() != here:
            os._exit(3)
        (folder / f"{source.id}.{os.getpid()}").touch()
        return original(source, nlp)

    monkeypatch.setattr(pipeline, "analyse", noting)


def test_a_few_uncached_articles_are_analysed_apart_with_the_same_result(project, tmp_path, monkeypatch):
    config, sources = project
    alone = analyse_all(sources, config, no_progress, print, LocalExecutor(processes=1))
    executor_module._PIPELINES.clear()  # loaded here by now: the next build would parse here
    notes = tmp_path / "notes"
    notes.mkdir()
    analysing_in(notes, monkeypatch)
    assert analyse_all(sources, config, no_progress, print) == alone
    notes = [path.suffix for path in notes.iterdir()]
    assert len(notes) == len(alone[1]) > 1 and f".{os.getpid()}" not in notes


def test_articles_whose_process_dies_are_analysed_here(project, tmp_path, monkeypatch):
    config, sources = project
    notes = tmp_path / "notes"
    notes.mkdir()
    analysing_in(notes, monkeypatch, die_apart=True)
    marked, analyses = analyse_all(sources, config, no_progress, print)
    assert {s.id for s in marked if s.status == "ok"} == set(analyses)
    assert len(analyses) == len([s for s in sources if s.status == "ok"]) > 1
    assert {path.suffix for path in notes.iterdir()} == {f".{os.getpid()}"}


def test_the_pipelines_warnings_and_errors_reach_the_build(project, monkeypatch, nlp):
    config, sources = project

    def falling_back(name, warn):
        warn("pipeline x is not installed; using the default")
        return nlp

    monkeypatch.setattr(executor_module, "load_pipeline", falling_back)
    warnings: list[str] = []
    analyse_all(sources, config, no_progress, warnings.append)
    assert warnings == ["pipeline x is not installed; using the default"]

    def missing(name, warn):
        raise BriefingError("spaCy pipeline 'x' is not installed")

    monkeypatch.setattr(executor_module, "load_pipeline", missing)
    with pytest.raises(BriefingError, match="not installed"):
        analyse_all(sources, config, no_progress, print)
