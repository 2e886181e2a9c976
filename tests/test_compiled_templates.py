"""Compiled templates kept between builds: reused when template and code are the same, else compiled."""

from __future__ import annotations

import pytest
from jinja2 import Environment, FileSystemLoader

from generator.storage.compiled_templates import CompiledTemplates


@pytest.fixture
def templates(tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()
    (folder / "page.md.j2").write_text("{% for n in items %}{{ n }};{% endfor %}", encoding="utf-8")
    return folder


def render(templates, kept, version="code-1"):
    """The page rendered by a new environment, and how many templates it compiled."""
    env = Environment(loader=FileSystemLoader(str(templates)),
                      bytecode_cache=CompiledTemplates(kept, version))
    compiled = []
    original = env.compile

    def counting(*args, **kwargs):
        compiled.append(1)
        return original(*args, **kwargs)

    env.compile = counting
    return env.get_template("page.md.j2").render(items=[1, 2]), len(compiled)


def test_a_second_environment_reuses_the_compiled_template(templates, tmp_path):
    kept = tmp_path / "kept"
    assert render(templates, kept) == ("1;2;", 1)
    assert render(templates, kept) == ("1;2;", 0)


def test_an_edited_template_or_other_code_is_compiled_again(templates, tmp_path):
    kept = tmp_path / "kept"
    render(templates, kept)
    assert render(templates, kept, version="code-2") == ("1;2;", 1)
    (templates / "page.md.j2").write_text("{{ items | length }}", encoding="utf-8")
    assert render(templates, kept, version="code-2") == ("2", 1)


def test_a_damaged_file_or_unwritable_folder_is_a_miss(templates, tmp_path):
    kept = tmp_path / "kept"
    render(templates, kept)
    (path,) = kept.iterdir()
    path.write_bytes(path.read_bytes()[:-5])
    assert render(templates, kept) == ("1;2;", 1)
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    assert render(templates, blocked) == ("1;2;", 1)
