"""A person's "Appears with" figure: what its lines say, and what leaves it unchanged."""

from __future__ import annotations

import re
from collections import Counter

from generator.model import Briefing, Entity, Mention, Source
from generator.site.pages.figures import neighbourhood_svg, people_graph, steps

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


def _width_of_line(svg: str, title: str) -> str:
    found = re.search(rf'<path stroke-width="([\d.]+)" d="[^"]*"><title>{title}</title>', svg)
    assert found, f"no line titled {title!r}"
    return found.group(1)


def figure_of_ada_with(counts: dict[tuple[str, str], int]) -> str:
    """Ada's figure for the given sentence counts shared by two people."""
    shared: dict[str, Counter] = {key: Counter() for key in NAMES}
    for (a, b), count in counts.items():
        shared[a][b] = shared[b][a] = count
    story = briefing()
    return str(neighbourhood_svg(people_graph(story, shared), story.entities[0]))


def test_a_count_between_two_neighbours_growing_past_all_others_leaves_the_centre_lines_as_they_were():
    """Sizes are on a scale fixed for every figure, not against the figure's heaviest line: the
    much-named pair of neighbours sharing one more sentence does not redraw every figure
    showing them."""
    before = figure_of_ada_with({("ada", "bo"): 5, ("ada", "cy"): 3, ("bo", "cy"): 6})
    after = figure_of_ada_with({("ada", "bo"): 5, ("ada", "cy"): 3, ("bo", "cy"): 200})
    for title in ("5 sentences together", "3 sentences together"):
        assert _width_of_line(before, title) == _width_of_line(after, title)
    assert before != after  # the line between Bo and Cy did cross steps


def test_lines_of_more_shared_sentences_are_wider_on_the_doubling_scale():
    svg = figure_of_ada_with({("ada", "bo"): 9, ("ada", "cy"): 2, ("bo", "cy"): 1})
    assert float(_width_of_line(svg, "9 sentences together")) > float(_width_of_line(svg, "2 sentences together"))


def test_steps_double_and_the_last_is_open():
    assert steps([0, 1, 2, 3, 4, 5, 8, 9, 16, 17, 1000], 6) == [0, 1, 4, 9, 9, 16, 16, 25, 25, 36, 36]
    assert steps([300.0], 9) == [81.0]
