"""Every field of the data model and of every page context carries a docstring.

Templates read only these fields, so an undocumented field is a field nobody
can use safely (the model for this is Datasette's template-context test).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

GENERATOR = Path(__file__).resolve().parents[1] / "generator"
# The data model and every module of the site stage (page contexts live under site/, recursively).
MODULES = ["model.py", *sorted(p.relative_to(GENERATOR).as_posix() for p in (GENERATOR / "site").rglob("*.py")
                              if "@dataclass" in p.read_text(encoding="utf-8"))]


def test_the_walk_finds_the_page_modules():
    assert "model.py" in MODULES and len([m for m in MODULES if m.startswith("site/pages/")]) >= 6, MODULES


def dataclass_fields(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        if not any("dataclass" in ast.unparse(d) for d in node.decorator_list):
            continue
        body = node.body
        for i, item in enumerate(body):
            if isinstance(item, ast.AnnAssign) and isinstance(item.target, ast.Name):
                following = body[i + 1] if i + 1 < len(body) else None
                documented = (isinstance(following, ast.Expr) and isinstance(following.value, ast.Constant)
                              and isinstance(following.value.value, str))
                yield node.name, item.target.id, documented


@pytest.mark.parametrize("module", MODULES)
def test_every_field_is_documented(module):
    fields = list(dataclass_fields(GENERATOR / module))
    assert fields, f"{module} defines no dataclass"
    missing = [f"{cls}.{name}" for cls, name, documented in fields if not documented]
    assert missing == []
