"""Stories on small hand-written news folders, through the whole collect stage.

Two real events of one kind (two earthquakes; two visits by one envoy) must
stay two stories, and an article reporting no detected event must still join
the story its content belongs to.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.config import Config
from generator.pipeline import collect

QUAKES = {
    "a1": "Earthquake kills 14 in northern Chile\n\nA magnitude 6.1 earthquake shook the coast "
          "of northern Chile near Antofagasta on Tuesday, killing 14 people and damaging hundreds "
          "of homes. Carlos Ruiz, the regional governor, said rescue teams were still searching "
          "the rubble of two collapsed apartment blocks.",
    "a2": "Chile quake death toll rises to 14\n\nRescuers in Antofagasta pulled survivors from "
          "collapsed buildings after the magnitude 6.1 quake. Governor Carlos Ruiz said 14 people "
          "had died and more than 300 homes were damaged along the northern coast.",
    "a3": "Aftershocks rattle Antofagasta\n\nResidents of Antofagasta slept outdoors as "
          "aftershocks followed the 6.1 tremor. Officials said schools would stay closed while "
          "engineers inspect the damaged apartment blocks.",
    "b1": "Strong earthquake hits Sulawesi, 40 dead\n\nA magnitude 7.3 earthquake struck central "
          "Sulawesi in Indonesia on Friday, killing at least 40 people. Budi Santoso of the "
          "national disaster agency said a landslide buried a village near Palu.",
    "b2": "Indonesia searches for survivors after Sulawesi quake\n\nBudi Santoso said the toll "
          "from the 7.3 magnitude quake near Palu had reached 40, with dozens missing under a "
          "landslide. The disaster agency sent tents and medicine to Sulawesi.",
}

VISITS = {
    "v1": "Envoy heads to Lisbon\n\nThe special envoy Tom Barrow will visit Lisbon on Sunday to "
          "discuss the fishing dispute with Prime Minister Ana Costa, officials said.",
    "v2": "Barrow arrives in Lisbon for fishing talks\n\nTom Barrow arrived in Lisbon on Sunday "
          "for talks with Ana Costa on the fishing dispute.",
    "v3": "Barrow to return to Lisbon\n\nTom Barrow will travel to Lisbon on Thursday for a new "
          "round of fishing talks with Ana Costa, weeks after his first trip.",
}


def stories_of(tmp_path: Path, articles: dict[str, str]) -> set[tuple[str, ...]]:
    """The story groups collect makes of the articles (each group as sorted source ids)."""
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for name, text in articles.items():
        (seeds / f"{name}.txt").write_text(text, encoding="utf-8")
    config = Config(root=tmp_path, seeds=seeds, docs=tmp_path / "docs", cache=tmp_path / "cache")
    briefing = collect(config, warn=lambda message: None)
    return {tuple(sorted(story.sources)) for story in briefing.stories}


@pytest.mark.model
def test_two_earthquakes_are_two_stories_and_an_article_without_events_joins_its_own(tmp_path):
    assert stories_of(tmp_path, QUAKES) == {("a1", "a2", "a3"), ("b1", "b2")}


@pytest.mark.model
def test_two_visits_by_one_envoy_on_different_days_are_two_stories(tmp_path):
    assert stories_of(tmp_path, VISITS) == {("v1", "v2"), ("v3",)}
