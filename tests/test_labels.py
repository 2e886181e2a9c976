"""Label placement in the SVG figures: no label over another label or another mark."""

from __future__ import annotations

import random
import re

import pytest

from generator.svg.graph import GraphEdge, GraphNode, render_graph
from generator.svg.labels import Box, Mark, phone_size, place_labels, text_box
from generator.svg.map import MapMarker, render_map
from tests.test_graph_svg import drawn_texts

SVG = "{http://www.w3.org/2000/svg}"
CIRCLE = re.compile(r'<circle cx="([-\d.]+)" cy="([-\d.]+)" r="([\d.]+)"')


def crowded_marks(count: int, seed: int = 3) -> list[Mark]:
    rng = random.Random(seed)
    return [Mark(f"m{n}", f"Name Number {n}", rng.uniform(20, 380), rng.uniform(20, 280), rng.uniform(4, 14))
            for n in range(count)]


def boxes_of(svg: str, css_class: str) -> list[Box]:
    """The boxes of the labels of one class, with the size and anchor they state or inherit."""
    return [text_box(float(x), float(y), text, float(size), anchor)
            for text, x, y, anchor, size in drawn_texts(svg, css_class)]


def assert_apart(boxes: list[Box], circles: list[Box] = ()) -> None:
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            assert not a.overlaps(b), (a, b)
    for box in boxes:
        touching = [c for c in circles if box.overlaps(c)]
        assert not touching, (box, touching)


def test_placed_labels_never_overlap_each_other_or_any_mark():
    marks = crowded_marks(60)
    placed = place_labels(marks, 400, 300, 11)
    assert 5 < len(placed) < 60  # a crowded drawing labels some marks, not all
    boxes = [text_box(p.x, p.y, next(m.text for m in marks if m.key == k), p.size, p.anchor)
             for k, p in placed.items()]
    assert_apart(boxes, [m.box for m in marks if m.key not in placed])
    assert all(b.inside(400, 300) for b in boxes)


@pytest.mark.parametrize("order", [("a", "b"), ("b", "a")])
def test_the_first_mark_in_priority_order_gets_the_preferred_spot(order):
    where = {"a": 150.0, "b": 150.5}
    marks = [Mark(key, f"Name {key}", 200, where[key], 5) for key in order]
    placed = place_labels(marks, 400, 300, 11)
    first, second = order
    assert placed[first].y > where[first]  # below its circle: the preferred spot
    assert placed[second].y < where[second]  # pushed above


def test_a_label_that_fits_nowhere_is_left_out():
    marks = [Mark("wide", "A name far wider than the whole drawing", 50, 50, 5)]
    assert place_labels(marks, 100, 100, 11) == {}


def test_phone_labels_are_larger_and_fewer():
    marks = crowded_marks(40)
    desktop, phone = place_labels(marks, 800, 600, 11), place_labels(marks, 800, 600, phone_size(800))
    assert phone_size(800) > 20 and len(phone) < len(desktop)


def graph_svg(count: int) -> str:
    nodes = [GraphNode(f"n{i}", f"Person Number {i}", "person", f"p{i}.md", weight=1 + i % 5)
             for i in range(count)]
    edges = [GraphEdge(f"n{i}", f"n{(i * 7) % count}", 1.0) for i in range(count) if (i * 7) % count != i]
    return render_graph(nodes, edges)


@pytest.mark.parametrize("count", [5, 30, 80])
def test_graph_labels_do_not_overlap(count):
    svg = graph_svg(count)
    circles = [Box(float(x) - float(r), float(y) - float(r), float(x) + float(r), float(y) + float(r))
               for x, y, r in CIRCLE.findall(svg)]
    for css_class in ("label", "label-phone"):
        boxes = boxes_of(svg, css_class)
        assert 0 < len(boxes) <= count, css_class
        assert_apart(boxes, circles)


def test_every_node_keeps_its_full_name_as_hover_title_even_unlabelled():
    svg = graph_svg(80)
    assert len(boxes_of(svg, "label")) < 80
    assert all(f"<title>Person Number {i}</title>" in svg for i in range(80))


def test_map_labels_do_not_overlap():
    rng = random.Random(5)
    markers = [MapMarker(f"Town {n}", rng.uniform(40, 55), rng.uniform(0, 30), f"t{n}.md", count=1 + n % 4)
               for n in range(40)]
    svg = render_map(markers)
    for css_class in ("label", "label-phone"):
        boxes = boxes_of(svg, css_class)
        assert boxes
        assert_apart(boxes)


@pytest.mark.parametrize("svg", [graph_svg(10), render_map([MapMarker("Town", 48.0, 2.0, "t.md")])])
def test_phone_labels_are_hidden_unless_a_stylesheet_shows_them(svg):
    phone = re.findall(r'<text class="label-phone"[^>]*>', svg)
    assert phone and all('display="none"' in t for t in phone)
    assert len(re.findall(r'<g class="label-phone-halo"[^>]*display="none"', svg)) == 1
    desktop = re.findall(r'<(?:text class="label"|g class="label-halo")[^>]*>', svg)
    assert desktop and not any('display="none"' in t for t in desktop)
