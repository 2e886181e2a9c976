"""Helpers of the render-memo tests: which pages were rendered (not read back), and docs/ as the
writer leaves it."""

from __future__ import annotations

from pathlib import Path

from generator.site import render as render_module


def count_renders(monkeypatch) -> list[str]:
    """The paths of the pages rendered from now on, in order (filled as pages are rendered)."""
    rendered: list[str] = []
    real = render_module.render_page

    def counting(env, page, linker):
        rendered.append(page.path)
        return real(env, page, linker)

    monkeypatch.setattr(render_module, "render_page", counting)
    return rendered


def write_docs(docs: Path, texts: dict[str, str]) -> None:
    """Each page's text at its path under ``docs``, as the writer puts it there."""
    for path, text in texts.items():
        (docs / path).parent.mkdir(parents=True, exist_ok=True)
        (docs / path).write_bytes(text.encode("utf-8"))
