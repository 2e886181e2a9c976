"""The theme's files no page loads are left out of the site: source maps, unused search languages."""

from __future__ import annotations

from pathlib import Path

import pytest
from mkdocs.structure.files import File

from generator.mkdocs_plugin.theme_files import unloaded_theme_files

THEME_FILES = ("assets/javascripts/bundle.min.js", "assets/javascripts/bundle.min.js.map",
               "assets/stylesheets/main.min.css.map", "assets/javascripts/lunr/min/lunr.de.min.js",
               "assets/javascripts/lunr/wordcut.js", "assets/images/favicon.png")


def _files(tmp_path: Path) -> tuple[list[File], list[str]]:
    theme, docs = tmp_path / "theme", tmp_path / "docs"
    files = [File(uri, str(theme), str(tmp_path / "site"), True) for uri in THEME_FILES]
    files.append(File("assets/own.js.map", str(docs), str(tmp_path / "site"), True))  # the user's
    return files, [str(theme)]


@pytest.mark.parametrize(("languages", "left_out"), [
    (["en"], ["assets/javascripts/bundle.min.js.map", "assets/stylesheets/main.min.css.map",
              "assets/javascripts/lunr/min/lunr.de.min.js", "assets/javascripts/lunr/wordcut.js"]),
    (["en", "de"], ["assets/javascripts/bundle.min.js.map", "assets/stylesheets/main.min.css.map"]),
    (None, ["assets/javascripts/bundle.min.js.map", "assets/stylesheets/main.min.css.map"]),
])
def test_only_the_themes_unloaded_files_are_left_out(tmp_path, languages, left_out) -> None:
    files, theme_dirs = _files(tmp_path)
    assert [f.src_uri for f in unloaded_theme_files(files, theme_dirs, languages)] == left_out


def test_the_seed_site_keeps_what_its_pages_load(seed_site) -> None:
    site = seed_site / "site"
    assert not list(site.rglob("*.map")) and not (site / "assets/javascripts/lunr").exists()
    home = (site / "index.html").read_text(encoding="utf-8")
    for asset in ("assets/javascripts/bundle.", "assets/stylesheets/main."):
        loaded = home.split(asset, 1)[1].split(">", 1)[0].split()[0].strip('"')
        assert (site / (asset + loaded)).is_file(), asset
    assert list((site / "assets/javascripts/workers").glob("search.*.min.js"))
