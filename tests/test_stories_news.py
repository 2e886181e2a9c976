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


def _dated(text: str, day: str = "2031-04-17") -> str:
    """An article with front matter giving its outlet and publication day."""
    return f"---\noutlet: Daily Ledger\npublished: {day}\n---\n\n{text}"


SAME_DAY = {  # unrelated news of one day and one quarter: what they share is dates and stock words
    "c1": _dated("Brindle Mills reported a third-quarter loss of $4.1 million, citing weak demand for "
                 "its carpets. The Georgia company said sales fell 12% from the third quarter a year "
                 "earlier."),
    "c2": _dated("Orkney Freight said today its third-quarter profit rose 30%, helped by higher rates "
                 "on its Pacific routes. Chief executive Lena Voss said the quarter was the best in a "
                 "decade."),
    "c3": _dated("Talmadge Savings Bank took a $9 million charge in the third quarter to cover bad "
                 "loans in Ohio, and suspended its dividend today."),
    "c4": _dated("Quillon Software posted record third-quarter revenue as schools in Texas bought its "
                 "grading programs, the company said today."),
    "d1": _dated("Harlow Chemicals agreed to buy Pell Dyes for $80 million. Harlow chairman Owen Tate "
                 "said the deal would close in the fourth quarter."),
    "d2": _dated("Shareholders of Pell Dyes backed the $80 million offer from Harlow Chemicals, Owen "
                 "Tate said today.", "2031-04-18"),
}


@pytest.mark.model
def test_articles_sharing_only_their_dates_are_not_one_story(tmp_path):
    assert stories_of(tmp_path, SAME_DAY) == {("c1",), ("c2",), ("c3",), ("c4",), ("d1", "d2")}
