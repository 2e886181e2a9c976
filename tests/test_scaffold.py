"""`briefing init`: the files a new project gets, and what it refuses (no model needed)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from generator.cli import EXIT_ERROR, EXIT_OK, main
from generator.config import SETTINGS, BriefingError, load_config
from generator.scaffold import config_text, init_project

REPO = Path(__file__).resolve().parents[1]
EXPECTED_FILES = [
    ".github/workflows/pages.yml",
    ".gitignore",
    "briefing.yml",
    "docs/about.md",
    "mkdocs.yml",
    "overrides/assets/images/logo.svg",
    "overrides/assets/javascripts/briefing-palette.js",
    "overrides/main.html",
    "overrides/partials/javascripts/content.html",
    "overrides/partials/javascripts/palette.html",
    "overrides/partials/nav.html",
    "requirements.txt",
    "seeds/harbour-footbridge.txt",
    "seeds/sources.yml",
]


def mkdocs_yaml(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8").replace("!!python", "#"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    init_project(tmp_path / "news")
    return tmp_path / "news"


def test_init_writes_every_project_file(project: Path) -> None:
    written = sorted(p.relative_to(project).as_posix() for p in project.rglob("*") if p.is_file())
    assert written == EXPECTED_FILES


@pytest.mark.parametrize("prepare, ok", [
    (lambda d: None, True),                                        # new folder
    (lambda d: d.mkdir(), True),                                   # existing empty folder
    (lambda d: (d.parent / "deep").mkdir(), True),                 # unrelated sibling
    (lambda d: (d.mkdir(), (d / "notes.txt").write_text("x")), False),  # non-empty folder
    (lambda d: (d.mkdir(), (d / ".git").mkdir()), True),           # git init; briefing init .
    (lambda d: (d.mkdir(), (d / ".env").write_text("x")), False),  # other hidden entry
    (lambda d: d.write_text("a file"), False),                     # a file, not a folder
])
def test_init_refuses_to_overwrite(tmp_path: Path, prepare, ok: bool) -> None:
    target = tmp_path / "project"
    prepare(target)
    before = sorted(target.rglob("*")) if target.is_dir() else None
    if ok:
        init_project(target)
        assert (target / "mkdocs.yml").is_file()
        return
    with pytest.raises(BriefingError, match=re.escape(str(target))):
        init_project(target)
    assert (sorted(target.rglob("*")) if target.is_dir() else None) == before


def test_cli_init_exit_codes(tmp_path: Path, capsys) -> None:
    assert main(["init", str(tmp_path / "p")]) == EXIT_OK
    assert main(["init", str(tmp_path / "p")]) == EXIT_ERROR
    assert "not empty" in capsys.readouterr().err


def test_config_file_is_all_defaults(project: Path) -> None:
    config = load_config(project / "briefing.yml")
    assert config.title == "Briefing"
    assert config.seeds == (project / "seeds").resolve()
    assert config.docs == (project / "docs").resolve()


def test_config_file_documents_every_setting_with_its_default() -> None:
    text = config_text()
    uncommented = "\n".join(line[2:] for line in text.splitlines()
                            if re.match(r"# [a-z_]+: ", line))
    values = yaml.safe_load(uncommented)
    assert values == {s.name: s.default for s in SETTINGS}
    flat = " ".join(line.lstrip("# ") for line in text.splitlines())
    for setting in SETTINGS:
        assert " ".join(setting.help.split()) in flat, setting.name


def test_mkdocs_yml_matches_the_repository_site_without_the_guide(project: Path) -> None:
    """Every setting of the seed site's mkdocs.yml, except the Guide and the theme folder."""
    scaffold = mkdocs_yaml(project / "mkdocs.yml")
    repo = mkdocs_yaml(REPO / "mkdocs.yml")
    assert scaffold["theme"].pop("custom_dir") == "overrides"
    assert (project / "overrides" / "main.html").is_file()
    assert repo["theme"].pop("custom_dir") == "site_templates/overrides"
    assert scaffold["nav"].pop() == {"About": "about.md"}
    assert (project / "docs" / "about.md").is_file()
    repo["nav"] = [item for item in repo["nav"] if "Guide" not in item]
    repo.pop("strict", None)
    assert scaffold == repo
    assert scaffold["theme"]["font"] is False


def test_example_article_is_not_the_seed_corpus(project: Path) -> None:
    seeds = {p.read_text(encoding="utf-8") for p in (REPO / "seeds").iterdir() if p.is_file()}
    example = (project / "seeds" / "harbour-footbridge.txt").read_text(encoding="utf-8")
    assert example not in seeds
    assert yaml.safe_load((project / "seeds" / "sources.yml").read_text())["harbour-footbridge.txt"]


@pytest.mark.parametrize("path, install", [
    (REPO / ".github/workflows/pages.yml", "pip install ."),
    ("scaffold", "pip install -r requirements.txt"),
])
def test_pages_workflow_installs_builds_and_deploys(project: Path, path, install: str) -> None:
    workflow = project / ".github/workflows/pages.yml" if path == "scaffold" else path
    data = yaml.safe_load(workflow.read_text(encoding="utf-8"))
    steps = data["jobs"]["build"]["steps"]
    runs = [step.get("run", "") for step in steps]
    uses = [step.get("uses", "") for step in steps + data["jobs"]["deploy"]["steps"]]
    assert install in runs
    assert any(run.startswith("mkdocs build") for run in runs)
    assert any(u.startswith("actions/upload-pages-artifact") for u in uses)
    assert any(u.startswith("actions/deploy-pages") for u in uses)
    assert data["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_the_palette_script_file_is_the_one_material_would_inline() -> None:
    """The override loads Material's palette script from a file: it must follow Material."""
    import material

    partial = Path(material.__file__).parent / "templates" / "partials" / "javascripts" / "palette.html"
    inline = re.search(r"<script>(.*)</script>", partial.read_text(encoding="utf-8"), re.S)
    script = REPO / "site_templates" / "overrides" / "assets" / "javascripts" / "briefing-palette.js"
    assert inline and script.read_text(encoding="utf-8").strip() == inline.group(1).strip()
