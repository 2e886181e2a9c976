"""Per-article analysis runs in this process, local processes or on Dask, with the same result."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import time
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from dataclasses import replace
from functools import partial
from pathlib import Path

import pytest

from generator import executor as executor_module
from generator.cli import EXIT_ERROR, main
from generator.config import load_config
from generator.executor import (
    DaskExecutor,
    LocalExecutor,
    _outcome,
    beside,
    forked_map,
    in_background,
    make_executor,
)
from generator.ingest import ingest
from generator.pipeline import analyse_all, build, no_progress
from tests.conftest import REPO, make_project

BUILT_AT = dt.datetime(2025, 1, 1, tzinfo=dt.timezone.utc)


@pytest.fixture(scope="module")
def cluster():
    """A local Dask cluster of one single-threaded worker process."""
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as local:
        yield local


def seed_sources(tmp_path: Path):
    """The seed articles read, one of them broken so that analysing it raises."""
    sources, _ = ingest(make_project(tmp_path / "p") / "seeds")
    broken = next(s for s in sources if s.status == "ok")
    return [replace(s, paragraphs=None) if s is broken else s for s in sources], broken.id


def briefing_json(root: Path, scheduler: str = "") -> bytes:
    """briefing.json of an uncached build of the project at ``root``."""
    config = replace(load_config(root=root), cache=None, scheduler=scheduler)
    build(config, warn=lambda message: None, now=BUILT_AT)
    return (root / "docs" / "data" / "briefing.json").read_bytes()


@pytest.mark.model
def test_dask_build_writes_the_same_briefing_json_as_the_in_process_build(tmp_path, cluster):
    local = briefing_json(make_project(tmp_path / "local"))
    distributed = briefing_json(make_project(tmp_path / "dask"), cluster.scheduler_address)
    assert b'"entities"' in local
    assert distributed == local


@pytest.mark.model
@pytest.mark.parametrize("kind", ["in-process", "pool", "dask"])
def test_an_article_that_fails_is_skipped_with_its_reason(tmp_path, kind, request):
    sources, broken = seed_sources(tmp_path)
    config = load_config(root=tmp_path / "p")
    config = replace(config, cache=None)
    if kind == "dask":
        runner = DaskExecutor(request.getfixturevalue("cluster").scheduler_address, config.pipeline)
    else:
        runner = LocalExecutor(processes=1 if kind == "in-process" else 2)
    marked, analyses = analyse_all(sources, config, no_progress, lambda m: None, runner)
    skipped = {s.id: s.error for s in marked if s.status == "skipped"}
    assert skipped == {broken: "language analysis failed: TypeError: 'NoneType' object is not iterable"}
    assert set(analyses) == {s.id for s in sources if s.status == "ok"} - {broken}
    assert list(analyses) == [s.id for s in sources if s.id in analyses]  # source order


@pytest.mark.model
def test_a_local_pool_gives_the_same_analyses_as_one_process(tmp_path):
    sources, broken = seed_sources(tmp_path)
    config = replace(load_config(root=tmp_path / "p"), cache=None)
    one = analyse_all(sources, config, no_progress, print, LocalExecutor(processes=1))
    two = analyse_all(sources, config, no_progress, print, LocalExecutor(processes=2))
    assert one == two


def test_a_worker_that_dies_skips_its_article_with_the_reason():
    future: Future = Future()
    future.set_exception(BrokenProcessPool("A process in the process pool was terminated abruptly"))
    assert _outcome(future) == ("analysis worker failed: BrokenProcessPool: "
                                "A process in the process pool was terminated abruptly")


@pytest.mark.parametrize("address", ["tcp://127.0.0.1:9", "no-port", "http://127.0.0.1:8786"])
def test_an_unreachable_scheduler_is_a_usage_error(tmp_path, monkeypatch, capsys, address):
    monkeypatch.setattr(executor_module, "CONNECT_TIMEOUT", "1s")
    root = make_project(tmp_path / "p")
    code = main(["build", "--seeds", str(root / "seeds"), "--docs", str(root / "docs"),
                 "--config", str(_config_file(root)), "--scheduler", address])
    err = capsys.readouterr().err
    assert code == EXIT_ERROR
    assert f"briefing: error: cannot reach the Dask scheduler {address}" in err
    assert "Traceback" not in err


def _config_file(root: Path) -> Path:
    """A config file with the cache inside the project (so no cached result hides the scheduler)."""
    path = root / "briefing.yml"
    path.write_text("cache: .cache\n", encoding="utf-8")
    return path


def test_the_scheduler_setting_chooses_the_dask_executor(tmp_path):
    (tmp_path / "briefing.yml").write_text("scheduler: tcp://10.0.0.5:8786\n", encoding="utf-8")
    config = load_config(tmp_path / "briefing.yml")
    assert config.scheduler == "tcp://10.0.0.5:8786"
    assert isinstance(make_executor(config), DaskExecutor)
    assert isinstance(make_executor(replace(config, scheduler="")), LocalExecutor)


def test_a_cancelled_task_skips_its_article_with_the_reason():
    future: Future = Future()
    future.cancel()
    assert _outcome(future) == "analysis worker failed: CancelledError: "


def _pid_and_value(value: int) -> tuple[int, int]:
    return os.getpid(), value * 2


@pytest.mark.parametrize("cores", [1, 2])
def test_a_task_beside_returns_its_result_and_runs_apart_with_two_cores(cores, monkeypatch):
    monkeypatch.setattr(executor_module, "usable_cores", lambda: cores)
    with beside(partial(_pid_and_value, 21)) as result:
        pid, value = result()
        assert result() == (pid, value)  # asked twice, run once
    assert value == 42
    assert (pid != os.getpid()) == (cores == 2)


def _fails() -> None:
    raise ValueError("the task's own error")


def test_an_error_in_a_task_beside_is_raised_where_its_result_is_asked_for(monkeypatch):
    monkeypatch.setattr(executor_module, "usable_cores", lambda: 2)
    with pytest.raises(ValueError, match="the task's own error"), beside(_fails) as result:
        result()


def _dies() -> None:
    os._exit(9)  # as if the kernel killed it


def test_a_task_beside_whose_process_dies_raises_instead_of_hanging(monkeypatch):
    monkeypatch.setattr(executor_module, "usable_cores", lambda: 2)
    with pytest.raises(BrokenProcessPool), beside(_dies) as result:
        result()


def _pid_and_double(value: int) -> tuple[int, int]:
    return os.getpid(), 2 * value


def test_forked_map_gives_the_results_in_order_from_other_processes_while_the_body_runs():
    with forked_map(_pid_and_double, [1, 2, 3, 4], 2) as results:
        here = os.getpid()  # the body runs here while the processes work
        pids, doubled = zip(*results(), strict=True)
    assert doubled == (2, 4, 6, 8)
    assert here not in pids and len(set(pids)) <= 2


def test_forked_map_on_one_process_runs_here_when_the_results_are_asked_for():
    calls: list[int] = []

    def noted(value: int) -> tuple[int, int]:
        calls.append(value)
        return _pid_and_double(value)

    with forked_map(noted, [1, 2], 1) as results:
        assert calls == []
        assert results() == [(os.getpid(), 2), (os.getpid(), 4)]
    assert calls == [1, 2]


def _niceness() -> int:
    return os.nice(0)


@pytest.mark.parametrize("cores", [1, 2])
def test_a_background_task_runs_at_the_lowest_priority_and_leaves_this_process_as_it_was(cores, monkeypatch):
    monkeypatch.setattr(executor_module, "usable_cores", lambda: cores)
    own = os.nice(0)
    with in_background(_niceness) as result:
        niceness = result(60)
    assert os.nice(0) == own
    assert niceness == (19 if cores == 2 else own)  # with one core it ran here, as it was


def _sleep_then(pid_file: Path) -> str:
    pid_file.write_text(str(os.getpid()))
    time.sleep(600)
    return "late"


def test_a_background_task_not_done_in_time_gives_none_and_its_process_ends(
        tmp_path, monkeypatch):
    monkeypatch.setattr(executor_module, "usable_cores", lambda: 2)
    pid_file = tmp_path / "task.pid"
    with in_background(partial(_sleep_then, pid_file)) as result:
        while not pid_file.exists() or not pid_file.read_text():
            time.sleep(0.02)
        worker = int(pid_file.read_text())
        assert result(0.2) is None  # not done: the caller does the work itself
        for _ in range(100):  # ended at once, as it would take CPU from that work
            if not _alive(worker):
                break
            time.sleep(0.05)
        assert not _alive(worker)


def _fails_in_background() -> None:
    raise ValueError("no summaries today")


def test_an_error_of_a_background_task_is_raised_where_its_result_is_asked_for(monkeypatch):
    monkeypatch.setattr(executor_module, "usable_cores", lambda: 2)
    with in_background(_fails_in_background) as result, pytest.raises(ValueError, match="no summaries today"):
        result(60)


ORPHAN_SCRIPT = """
import os, sys, time
from generator import executor
executor.usable_cores = lambda: 2

def wait_forever():
    with open(sys.argv[1], "w") as out:
        out.write(str(os.getpid()))
    time.sleep(600)

with getattr(executor, sys.argv[2])(wait_forever):
    while not os.path.exists(sys.argv[1]) or not open(sys.argv[1]).read():
        time.sleep(0.05)
    os._exit(9)  # killed, as by the kernel, with the task's process still at work
"""


def _alive(pid: int) -> bool:
    """Whether ``pid`` runs (a zombie no init has reaped yet does not)."""
    try:
        return " Z " not in Path(f"/proc/{pid}/stat").read_text().replace("(", " ").replace(")", " ")
    except FileNotFoundError:
        return False


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="the kernel ends workers on Linux only")
@pytest.mark.parametrize("primitive", ["beside", "in_background"])
def test_a_killed_build_leaves_no_forked_process_behind(tmp_path, primitive):
    pid_file = tmp_path / "worker.pid"
    killed = subprocess.run([sys.executable, "-c", ORPHAN_SCRIPT, str(pid_file), primitive],
                            capture_output=True, env=dict(os.environ, PYTHONPATH=str(REPO)), timeout=120)
    assert killed.returncode == 9, killed.stderr  # returned: no process holds its output open
    worker = int(pid_file.read_text())
    for _ in range(100):  # the kernel's signal is delivered at once, the exit may take a moment
        if not _alive(worker):
            break
        time.sleep(0.05)
    assert not _alive(worker)
