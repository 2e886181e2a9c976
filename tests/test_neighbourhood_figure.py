"""A person's "Appears with" figure: what its lines say, and what leaves it unchanged."""

from __future__ import annotations

from collections import Counter

from generator.model import Briefing, Entity, Mention, Source
from generator.site.pages.figures import neighbourhood_svg, people_graph

NAMES = {"ada": "Ada Vell", "bo": "Bo Kern", "cy": "Cy Moss"}


def briefing() -> Briefing:
    """Three people, each named once in each of two sources."""
    sources = [Source(f"s{n}", f"s{n}.txt", "ok", text="x") for n in range(2)]
    people = [Entity(key, name, "person", (), tuple(Mention(s.id, 0, 1, name, "PERSON", sentence=0)
                                                    for s in sources))
              for key, name in NAMES.items()]
    return Briefing("t", sources, {}, entities=people)


def figure_of_ada(bo_with_cy: int) -> str:
    """Ada's figure when Ada shares 50 sentences with Bo, 30 with Cy, and Bo and Cy share ``bo_with_cy``."""
    shared = {"ada": Counter({"bo": 50, "cy": 30}), "bo": Counter({"ada": 50, "cy": bo_with_cy}),
              "cy": Counter({"ada": 30, "bo": bo_with_cy})}
    story = briefing()
    return str(neighbourhood_svg(people_graph(story, shared), story.entities[0]))


def test_the_lines_at_the_centre_name_their_counts_and_the_others_do_not():
    svg = figure_of_ada(20)
    assert "50 sentences together" in svg and "30 sentences together" in svg
    assert "20 sentences together" not in svg
    assert svg.count("<path") >= 2  # the line between Bo and Cy is still drawn


def test_a_count_between_two_neighbours_changes_the_figure_only_by_a_size_step():
    assert figure_of_ada(20) == figure_of_ada(21)
    assert figure_of_ada(1) != figure_of_ada(21)
