"""The package layout tells the pipeline: stages import only earlier stages, no cycles.

The import graph is read from the source (``ast``), imports inside functions
included, so a lazy import cannot hide a cycle or an upward dependency.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import networkx as nx
import pytest

REPO = Path(__file__).resolve().parents[1]
GENERATOR = REPO / "generator"

LAYERS: list[set[str]] = [
    {"storage"},  # safe file primitives: atomic writes, checked pickles, YAML text (no generator imports)
    {"__init__", "model", "config"},  # the typed data model and the settings
    {"knowledge", "svg"},  # generic offline knowledge; drawing only
    {"ingest"},  # files -> Source
    {"temporal"},  # time expressions
    {"nlp"},  # Source -> parsed paragraphs (uses temporal), the per-article cache
    {"resolve"},  # mentions -> entities
    {"quotes", "events", "deadlines"},  # per-article candidates and their corpus-wide merges
    {"site"},  # page plan and rendering
    {"publish"},  # writer, export, PDF
    {"executor"},  # where per-article analysis runs (local processes or Dask); used by pipeline
    {"pipeline", "progress"},  # the stage order
    {"mkdocs_plugin", "scaffold", "evaluation"},  # MkDocs entry point, project scaffold, scorers
    {"cli"},  # the command line
    {"__main__"},  # python -m generator
]
"""Bottom to top. A module may import its own stage or any stage of a lower layer, never a sibling."""

LAZY_IMPORTS_ALLOWED = {"generator/cli.py"}
"""Lazy imports keep ``briefing --help`` fast; nowhere else."""


def modules() -> dict[str, Path]:
    """Dotted name -> file, for every module of the generator package."""
    found = {}
    for path in sorted(GENERATOR.rglob("*.py")):
        parts = path.relative_to(REPO).with_suffix("").parts
        name = ".".join(parts[:-1] if parts[-1] == "__init__" else parts)
        found[name] = path
    return found


def stage(name: str) -> str:
    """Stage of a dotted module name: its first component below ``generator``."""
    parts = name.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def layer(name: str) -> int:
    for number, members in enumerate(LAYERS):
        if stage(name) in members:
            return number
    raise AssertionError(f"{name}: stage {stage(name)!r} is in no layer of tests/test_layout.py")


def imports(path: Path, known: dict[str, Path]) -> list[tuple[str, bool]]:
    """(imported generator module, imported inside a function) for one file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    nested = {id(n) for f in ast.walk(tree) if isinstance(f, ast.FunctionDef | ast.AsyncFunctionDef)
              for n in ast.walk(f) if n is not f}
    found = []
    for node in ast.walk(tree):
        for target in _targets(node, known):
            found.append((target, id(node) in nested))
    return found


def _targets(node: ast.AST, known: dict[str, Path]) -> list[str]:
    if isinstance(node, ast.Import):
        return [a.name for a in node.names if a.name.split(".")[0] == "generator"]
    if isinstance(node, ast.ImportFrom) and node.module and node.module.split(".")[0] == "generator":
        subs = [f"{node.module}.{a.name}" for a in node.names]
        return [s for s in subs if s in known] or [node.module]
    return []


def graph() -> nx.DiGraph:
    known = modules()
    g = nx.DiGraph()
    for name, path in known.items():
        g.add_node(name, path=path)
        for target, lazy in imports(path, known):
            g.add_edge(name, target, lazy=lazy)
    return g


def test_the_walk_finds_the_stages():
    stages = {stage(name) for name in modules()}
    assert {"ingest", "nlp", "temporal", "resolve", "quotes", "events", "deadlines", "site", "publish"} <= stages


def test_no_import_cycles():
    cycles = list(nx.simple_cycles(graph()))
    assert cycles == []


def test_imports_point_down_the_pipeline():
    wrong = []
    for source, target in graph().edges:
        same_stage = stage(source) == stage(target)
        if not same_stage and layer(target) >= layer(source):
            wrong.append(f"{source} imports {target}")
    assert wrong == []


def test_no_imports_inside_functions_outside_the_cli():
    g = graph()
    lazy = [f"{a} -> {b}" for a, b, data in g.edges(data=True) if data["lazy"]
            and g.nodes[a]["path"].relative_to(REPO).as_posix() not in LAZY_IMPORTS_ALLOWED]
    assert lazy == []


def test_every_stage_has_a_layer():
    for name in modules():
        layer(name)


@pytest.mark.parametrize("module", ["generator.cli", "generator.config", "generator.model"])
def test_importing_the_cli_loads_no_spacy(module):
    code = f"import sys, {module}; print('spacy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert out.stdout.strip() == "False"


def test_the_layout_checker_catches_a_cycle_and_an_upward_import(tmp_path):
    g = nx.DiGraph([("generator.nlp.parse", "generator.site.render"), ("generator.site.render", "generator.nlp.parse")])
    assert list(nx.simple_cycles(g))
    assert layer("generator.site.render") > layer("generator.nlp.parse")
