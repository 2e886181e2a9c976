"""The build stamp: a build whose inputs equal the previous build's is skipped.

``inputs_fingerprint`` hashes every file of the seeds and template folders and the config
file by size and modification time, the package data and the code; ``build_inputs`` adds the
settings, the spaCy pipeline and the build date. When they equal the last build's and its
generated files are still as it left them, ``unchanged_build`` returns that build's
``BuildSummary`` (what the command line and the MkDocs plugin report) and docs/ stays as it
is; the pipeline (``generator.pipeline``) records each build with ``stamp_build``.

The stamp keeps the summary, not the briefing: pickling the briefing (16 MB at 2,000
articles) cost every build that changed something 0.3-0.4 s of CPU, and reading it back
most of a skipped build's time. The briefing of the last build is in the export
(``data/briefing.json``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import os
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from generator.config import Config
from generator.model import Briefing, BuildWarning, Source
from generator.nlp import cache
from generator.publish.writer import WriteResult, read_manifest
from generator.storage.checked_pickle import read_headed, write_headed

STAMP_FILE = "last-build.stamp"
"""The ``BuildStamp`` of the last build, in the cache folder, behind a line holding its
inputs: a build whose inputs differ reads that line, not the whole stamp."""


@dataclass(frozen=True)
class BuildSummary:
    """What a build tells its user (``progress.print_summary``, the MkDocs plugin's log)."""

    title: str
    articles_read: int
    """Sources read and analysed."""
    skipped: list[Source]
    """Sources that could not be used, with the reason (``Source.error``)."""
    entity_types: dict[str, int]
    """Entity type -> how many entities of it."""
    events: int
    deadlines: int
    quotes: int
    warnings: list[BuildWarning] = field(default_factory=list)
    """Every warning of the build, those of writing the pages included."""

    @classmethod
    def of(cls, briefing: Briefing) -> BuildSummary:
        """The summary of a finished ``briefing``."""
        return cls(briefing.title, sum(s.status == "ok" for s in briefing.sources),
                   [s for s in briefing.sources if s.status != "ok"],
                   dict(Counter(e.type for e in briefing.entities)), len(briefing.events),
                   len(briefing.deadlines), len(briefing.quotes), list(briefing.warnings))


@dataclass
class BuildResult:
    """What ``build`` produced, for the CLI summary and for tests."""

    summary: BuildSummary
    written: WriteResult
    briefing: Briefing | None = None
    """The briefing built; None when the build was skipped (``unchanged_build``): nothing
    changed since the last build, whose pages and export docs/ holds."""

    @property
    def skipped(self) -> list[Source]:
        """Sources that could not be used."""
        return self.summary.skipped


@dataclass(frozen=True)
class BuildStamp:
    """What a build read and wrote, for skipping the next build when nothing changed."""

    inputs: str
    """``build_inputs`` of the build."""
    files: dict[str, tuple[int, int]]
    """Docs-relative path of every generated file -> (size, modification time in ns) after the write."""
    summary: BuildSummary
    """The build's summary, returned again by a skipped build."""


PACKAGE_DATA = (Path(str(resources.files("site_templates"))),
                Path(str(resources.files("generator"))) / "schema")
"""Files besides the code that a build reads: built-in templates, stylesheet, export schema."""


def inputs_fingerprint(config: Config) -> str:
    """Hash of every file a build reads (articles, templates, config, package data) by path,
    size and modification time, and of the code."""
    digest = hashlib.sha256(cache.code_fingerprint().encode())
    folders = [config.seeds, *PACKAGE_DATA] + ([config.templates] if config.templates else [])
    files = [config.config_file] if config.config_file else []
    for folder in folders:
        files += sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts) \
            if folder.is_dir() else []
    for path in files:
        stat = path.stat()
        digest.update(f"{path}|{stat.st_size}|{stat.st_mtime_ns}".encode("utf-8", "surrogateescape"))
    return digest.hexdigest()


def build_inputs(config: Config, built: dt.date) -> str:
    """``inputs_fingerprint`` with the settings, the spaCy pipeline and the build date
    (due years and publication windows depend on it)."""
    parts = (inputs_fingerprint(config), repr(config), cache.pipeline_identity(config.pipeline), built)
    return hashlib.sha256(repr(parts).encode("utf-8", "surrogateescape")).hexdigest()


def _file_states(docs: Path, paths: Iterable[str]) -> dict[str, tuple[int, int]]:
    """(size, modification time) of each file; a missing file is (-1, -1). The paths are
    joined as strings: a ``Path`` per file took 2.5 times as long (0.08 s for the 4,270 pages
    of 2,000 articles, on every build)."""
    root = os.fspath(docs)
    states = {}
    for rel in paths:
        try:
            stat = os.stat(os.path.join(root, rel))
            states[rel] = (stat.st_size, stat.st_mtime_ns)
        except OSError:
            states[rel] = (-1, -1)
    return states


def unchanged_build(config: Config, inputs: str) -> BuildResult | None:
    """The previous build's result (its summary, no briefing) when its inputs were ``inputs``
    and its files are intact."""
    if config.cache is None:
        return None
    stamp = read_headed(config.cache / STAMP_FILE, inputs)
    if not isinstance(stamp, BuildStamp) or stamp.inputs != inputs:
        return None
    if read_manifest(config.docs) != set(stamp.files):
        return None
    if _file_states(config.docs, stamp.files) != stamp.files:  # a generated file was edited or removed
        return None
    return BuildResult(stamp.summary, WriteResult(unchanged=sorted(stamp.files)))


def stamp_build(config: Config, inputs: str, result: BuildResult) -> None:
    """Record the build for ``unchanged_build``; a failed write only costs the next build time."""
    if config.cache is None:
        return
    written = result.written.written + result.written.unchanged
    stamp = BuildStamp(inputs, _file_states(config.docs, written), result.summary)
    with contextlib.suppress(OSError):
        write_headed(config.cache / STAMP_FILE, inputs, stamp)
