"""Publishing as a user would: `briefing init`, build, commit, `mkdocs gh-deploy` to a remote.

The remote is a bare git repository in tmp_path, so nothing leaves the machine.
Git needs no global configuration: identity and config files come from the
environment.
"""

from __future__ import annotations

import gzip
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from generator.scaffold import init_project, scaffold_files

pytestmark = pytest.mark.model


@pytest.fixture
def git_env(tmp_path: Path) -> dict[str, str]:
    """Environment for git and mkdocs with no global or system git configuration."""
    home = tmp_path / "home"
    home.mkdir()
    return dict(
        os.environ,
        HOME=str(home),
        GIT_CONFIG_GLOBAL=os.devnull,
        GIT_CONFIG_NOSYSTEM="1",
        GIT_AUTHOR_NAME="Briefing Test",
        GIT_AUTHOR_EMAIL="briefing-test@example.invalid",
        GIT_COMMITTER_NAME="Briefing Test",
        GIT_COMMITTER_EMAIL="briefing-test@example.invalid",
        NO_MKDOCS_2_WARNING="1",
    )


def run(args: list[str], cwd: Path, env: dict[str, str]) -> str:
    """Run a command; fail the test with its output when it fails."""
    result = subprocess.run(args, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, f"{args}: {result.stdout[-2000:]}\n{result.stderr[-3000:]}"
    return result.stdout


@pytest.fixture
def committed_project(tmp_path: Path, git_env: dict[str, str]) -> Path:
    """A project from `briefing init`, built once, committed to a new git repository."""
    project = tmp_path / "news"
    init_project(project)
    run([sys.executable, "-m", "generator", "build"], project, git_env)
    run(["git", "init", "-q", "-b", "main"], project, git_env)
    run(["git", "add", "-A"], project, git_env)
    run(["git", "commit", "-q", "-m", "New briefing"], project, git_env)
    return project


def test_gitignore_keeps_generated_pages_out_of_the_repository(committed_project: Path,
                                                               git_env: dict[str, str]) -> None:
    assert (committed_project / "docs" / "people" / "index.md").is_file()
    tracked = run(["git", "ls-files"], committed_project, git_env).split()
    assert sorted(tracked) == sorted(scaffold_files())


def test_gh_deploy_pushes_the_site_to_a_gh_pages_branch(tmp_path: Path, committed_project: Path,
                                                        git_env: dict[str, str]) -> None:
    remote = tmp_path / "remote.git"
    run(["git", "init", "-q", "--bare", str(remote)], tmp_path, git_env)
    run(["git", "remote", "add", "publish", str(remote)], committed_project, git_env)
    run([sys.executable, "-m", "mkdocs", "gh-deploy", "--force", "--remote-name", "publish"],
        committed_project, git_env)

    def on_pages(*args: str) -> str:
        return run(["git", f"--git-dir={remote}", *args], tmp_path, git_env)

    files = set(on_pages("ls-tree", "-r", "--name-only", "gh-pages").split())
    expected = {"index.html", "data/briefing.json.gz", "data/briefing.schema.json", ".nojekyll",
                "people/index.html", "sources/harbour-footbridge/index.html", "report/index.html",
                "about/index.html", "assets/briefing.css", "search/search_index.json"}
    assert expected <= files, sorted(expected - files)
    assert not any(name.endswith(".md") for name in files)
    assert "data/briefing.json" not in files  # published compressed only
    blob = subprocess.run(["git", f"--git-dir={remote}", "show", "gh-pages:data/briefing.json.gz"],
                          capture_output=True, check=True).stdout
    export = json.loads(gzip.decompress(blob))
    assert [s["path"] for s in export["sources"]] == ["harbour-footbridge.txt"]
    assert any(e["type"] == "person" and e["page"] for e in export["entities"])
    assert on_pages("branch", "--list").split() == ["gh-pages"]


def test_new_project_builds_with_strict_and_no_warnings(tmp_path: Path,
                                                        git_env: dict[str, str]) -> None:
    project = tmp_path / "fresh"
    init_project(project)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict"], cwd=project,
                            env=git_env, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "WARNING" not in result.stderr
    report = (project / "site" / "report" / "index.html").read_text(encoding="utf-8")
    assert re.search(r"<td>harbour-footbridge\.txt(</td>)?\s*<td>ok\b", report)  # end tags optional
    assert (project / "site" / "about" / "index.html").is_file()
