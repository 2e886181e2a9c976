"""Measurement helpers of ``benchmark.py``: clocks, memory, sizes, per-stage times, MkDocs.

CPU time is this process plus its finished children (the local executor's
worker processes, MkDocs), so a parallel build is charged for all its work.
"""

from __future__ import annotations

import contextlib
import resource
import shutil
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator import pipeline

REPO = Path(__file__).resolve().parents[1]

STAGES = {
    "ingest": "ingest",
    "analyse_all": "NLP (per article, cached)",
    "resolve": "resolve",
    "recover_mentions": "recover",
    "stories_beside_quotes": "stories beside other merges",
    "merge_events": "events merge",
    "group_stories": "stories",
    "site_job": "site lookups and memos",
    "made_pages": "pages (export made beside)",
    "write_files": "writing",
}
"""Functions looked up by ``generator.pipeline`` at call time -> printed label."""

TIMES: dict[str, float] = defaultdict(float)


@dataclass
class Clock:
    """Wall and CPU seconds of one measured step."""

    wall: float
    cpu: float


def median_clock(clocks: list[Clock]) -> Clock:
    """The clock of the run with the median wall time (the later of the two middle ones)."""
    return sorted(clocks, key=lambda clock: clock.wall)[len(clocks) // 2]


def mean_clock(clocks: list[Clock]) -> Clock:
    """The mean wall and CPU time of the runs."""
    return Clock(sum(c.wall for c in clocks) / len(clocks), sum(c.cpu for c in clocks) / len(clocks))


def drift(first: Clock, second: Clock) -> float:
    """How much two runs of the same step differ, as a share of the faster one's wall time."""
    return abs(first.wall - second.wall) / min(first.wall, second.wall)


def cpu_seconds() -> float:
    """User + system CPU of this process and its finished children."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def measure(step: Callable[[], Any]) -> tuple[Any, Clock]:
    """Run ``step``; its value and its wall and CPU time."""
    wall, cpu = time.perf_counter(), cpu_seconds()
    value = step()
    return value, Clock(time.perf_counter() - wall, cpu_seconds() - cpu)


def peak_rss_mib() -> tuple[float, float]:
    """Peak resident memory since the last ``reset_peak_rss``: this process, and the largest
    finished child (since the start)."""
    try:
        status = Path("/proc/self/status").read_text()
        own = int(status.split("VmHWM:")[1].split()[0]) / 1024
    except (OSError, IndexError, ValueError):  # not Linux: since the start
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return own, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def reset_peak_rss() -> None:
    """Start this process's peak memory again from its current size (Linux ``clear_refs``)."""
    with contextlib.suppress(OSError):
        Path("/proc/self/clear_refs").write_text("5")


def bare_spacy(nlp: Any, texts: Iterable[str]) -> Clock:
    """``nlp.pipe`` over ``texts`` in this process (the baseline every ratio is against)."""
    _, clock = measure(lambda: sum(1 for _ in nlp.pipe(texts)))
    return clock


def folder_bytes(folder: Path) -> int:
    """Total size of the files under ``folder``."""
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


def timed_stage(name: str, func: Callable) -> Callable:
    """``func`` wrapped to add its run time to ``TIMES[name]``."""
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - start
    return wrapper


def instrument() -> None:
    """Wrap every stage function where ``generator.pipeline`` calls it."""
    for name in STAGES:
        setattr(pipeline, name, timed_stage(name, getattr(pipeline, name)))


def print_stages(total: float) -> None:
    """Wall seconds per stage of the last build (``instrument`` first)."""
    for name, label in STAGES.items():
        print(f"    {label:<32} {TIMES[name]:8.2f} s")
    print(f"    {'other (glue)':<32} {total - sum(TIMES.values()):8.2f} s")
    TIMES.clear()


@dataclass
class Site:
    """What ``mkdocs build`` made of the generated docs."""

    clock: Clock
    site_bytes: int
    index_bytes: int
    pages: int


def mkdocs_site(root: Path) -> Site:
    """``mkdocs build`` of ``root/docs`` with the briefing plugin off (the build already ran)."""
    mkdocs_yml = (REPO / "mkdocs.yml").read_text().replace(
        "custom_dir: site_templates/overrides", "custom_dir: overrides").replace(
        "config_file: briefing.yml", "enabled: false")
    (root / "mkdocs.yml").write_text(mkdocs_yml)
    shutil.copytree(REPO / "site_templates" / "overrides", root / "overrides", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs" / "guide", root / "docs" / "guide", dirs_exist_ok=True)
    shutil.rmtree(root / "site", ignore_errors=True)
    command = [sys.executable, "-m", "mkdocs", "build", "-q"]
    _, clock = measure(lambda: subprocess.run(command, cwd=root, check=True, capture_output=True))
    index = root / "site" / "search" / "search_index.json"
    return Site(clock, folder_bytes(root / "site"), index.stat().st_size if index.exists() else 0,
                sum(1 for _ in (root / "site").rglob("*.html")))
