"""A few uncached articles of a local build are analysed by a forked process while the cache
is read: the same analyses, the pipeline's warnings and errors reach the build, and a process
that dies leaves its articles to this one."""

from __future__ import annotations

import os
import time
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


def test_the_pipeline_starts_loading_before_the_folder_is_read(project, tmp_path, monkeypatch, nlp):
    """A build forks the loading process first: reading the folder waits here until the
    pipeline is loading elsewhere (which never happens if the process is forked only once
    the uncached articles are known), and the articles it is sent are parsed there."""
    config, _ = project
    config = replace(config, cache=tmp_path / "cache")
    loading = tmp_path / "loading"

    def slow_load(name, warn):
        loading.write_text(str(os.getpid()))
        return nlp

    def ingest_once_loading(*args, **kwargs):
        deadline = time.monotonic() + 30
        while not loading.exists():
            assert time.monotonic() < deadline, "no process loads the pipeline while the folder is read"
            time.sleep(0.01)
        return ingest(*args, **kwargs)

    monkeypatch.setattr(executor_module, "load_pipeline", slow_load)
    monkeypatch.setattr(pipeline, "ingest", ingest_once_loading)
    briefing = pipeline.build(config, warn=print).briefing
    assert int(loading.read_text()) != os.getpid()
    assert len(briefing.analyses) == len([s for s in briefing.sources if s.status == "ok"]) > 1
    assert not executor_module.pipeline_loaded(config.pipeline)  # nothing was parsed here


def test_a_loading_process_sent_nothing_is_stopped(project, monkeypatch, nlp):
    config, _ = project

    def never_loads(name, warn):
        time.sleep(60)
        return nlp

    monkeypatch.setattr(executor_module, "load_pipeline", never_loads)
    ahead = executor_module.PipelineAhead(pipeline.analyse, config.pipeline)
    started = time.monotonic()
    ahead.send([])
    assert not ahead._process.is_alive() and time.monotonic() - started < 10
    assert ahead.outcomes(print) == []
