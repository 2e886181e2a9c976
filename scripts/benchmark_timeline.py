"""A build's timeline for ``benchmark.py --timeline``: when each stage ran, in which process.

``--stages`` sums each stage's wall time in the building process; a rebuild runs
stages side by side in forked processes (story grouping beside the merges, the export
and the pages' key digests beside the site's lookups, the page parts on two processes,
the spaCy loader from the start), so which of them holds the build up shows only on a
timeline: every traced function's start and end (seconds since the build started) and
its CPU seconds, per process. Forked processes inherit the wrappers and append to the
same file; ``time.perf_counter`` is one clock for all of them on Linux.
"""

from __future__ import annotations

import importlib
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

TRACED = {
    "generator.pipeline": (
        "ingest", "cached_analyses", "analyse_all", "resolve", "recover_mentions",
        "stories_beside_quotes", "numbered_stories", "merge_deadlines", "merge_quotes",
        "merge_statements", "event_reports", "work_ahead", "entity_lookups", "merge_events",
        "mark_event_pages", "summaries_ahead", "export_files", "digests_of", "site_job",
        "made_pages", "make_part", "finish_site", "write_files", "stamp_build"),
    "generator.executor": ("worker_pipeline",),  # loading spaCy (in the process forked for it)
    "generator.executor.PipelineAhead": ("outcomes",),  # waiting for that process's parses
}
"""Functions traced, by the module (or class) where the build looks them up at call time."""

_FILE: list[Path] = []


def trace() -> None:
    """Wrap every ``TRACED`` function to append its start, end and CPU to a new trace file."""
    handle, name = tempfile.mkstemp(prefix="briefing-timeline-", suffix=".txt")
    os.close(handle)
    _FILE[:] = [Path(name)]
    for owner_name, names in TRACED.items():
        owner = _owner(owner_name)
        for function in names:
            setattr(owner, function, _traced(function, getattr(owner, function)))


def _owner(dotted: str) -> object:
    """The module, or the class inside a module, that ``dotted`` names."""
    try:
        return importlib.import_module(dotted)
    except ModuleNotFoundError:
        module, _, attribute = dotted.rpartition(".")
        return getattr(importlib.import_module(module), attribute)


def _traced(name: str, function: Callable) -> Callable:
    def wrapper(*args, **kwargs):
        start, cpu = time.perf_counter(), time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            line = f"{os.getpid()} {start} {time.perf_counter()} {time.process_time() - cpu} {name}\n"
            with _FILE[0].open("a", encoding="utf-8") as file:
                file.write(line)
    return wrapper


SHORTEST = 0.005
"""Calls shorter than this (seconds) are left out: spaCy's loader is asked for once per
article, and a small corpus's stages are noise."""


def timeline(origin: float) -> str:
    """The traced calls since ``origin`` (a ``perf_counter`` reading at the build's start) of
    ``SHORTEST`` or longer, in order of start, one per line; the trace file is removed."""
    rows = []
    traced = _FILE[0].read_text(encoding="utf-8")
    _FILE[0].unlink()
    for line in traced.splitlines():
        pid, start, end, cpu, name = line.split()
        if float(end) - float(start) >= SHORTEST:
            rows.append((float(start) - origin, float(end) - origin, float(cpu), int(pid), name))
    builder = os.getpid()
    forks = dict.fromkeys(pid for *_, pid, _ in sorted(rows) if pid != builder)  # by first start
    processes = {pid: n for n, pid in enumerate(forks, 1)}
    lines = [f"    {'process':<9} {'start':>6} {'end':>6} {'wall':>6} {'cpu':>6}  function"]
    for start, end, cpu, pid, name in sorted(rows):
        who = "build" if pid == builder else f"fork {processes[pid]}"
        lines.append(f"    {who:<9} {start:6.2f} {end:6.2f} {end - start:6.2f} {cpu:6.2f}  {name}")
    return "\n".join(lines) + "\n"
