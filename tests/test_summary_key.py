"""The summary memo's key (``summarize.summary_inputs``), the people-graph cut of the
"Appears with" figure and the render memo's digests of shared objects: cheaper forms of what
they replace, never a stale or different result."""

from __future__ import annotations

import copy
import random
from collections import Counter
from dataclasses import dataclass, fields, replace
from itertools import combinations

import pytest

from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Deadline,
    Entity,
    Event,
    Mention,
    Quote,
    Sentence,
    Source,
    Story,
)
from generator.site.figures import co_mention_edge, entity_node
from generator.site.linker import Linker
from generator.site.page import Page
from generator.site.pages.figures import NEIGHBOURHOOD_SIZE, PeopleGraph
from generator.site.render_memo import SHARED, RenderMemo
from generator.site.summarize import sentences_about, summary_inputs
from generator.svg.graph import neighbourhood

TEXT = "Ada Vell spoke first. Bo Kern replied at once. Ada Vell left the pier."
SENTENCES = ((0, 21), (22, 46), (47, len(TEXT)))


def briefing(mentioned: tuple[tuple[str, int], ...], text: str = TEXT, hashes: dict[str, str] | None = None,
             titles: frozenset[tuple[str, int]] = frozenset(), bounds=SENTENCES) -> Briefing:
    """Sources s0 and s1 of ``text``; Ada Vell mentioned in each (source, sentence) of ``mentioned``."""
    hashes = hashes or {}
    sources = [Source(sid, f"{sid}.txt", "ok", text=text, content_hash=hashes.get(sid, ""))
               for sid in ("s0", "s1")]
    analyses = {s.id: ArticleAnalysis(s.id, "h", tuple(Sentence(n, start, end, 0, (s.id, n) in titles)
                                                         for n, (start, end) in enumerate(bounds)), ())
                for s in sources}
    mentions = tuple(Mention(sid, bounds[n][0], bounds[n][0] + 3, "Ada", "PERSON", sentence=n)
                     for sid, n in mentioned)
    return Briefing("t", sources, analyses, entities=[Entity("ada-vell", "Ada Vell", "person", (), mentions)])


OTHER_BOUNDS = ((0, 20), (22, 46), (47, len(TEXT)))
VARIANTS = {
    "one source": briefing((("s0", 0), ("s0", 2))),
    "two sources": briefing((("s0", 0), ("s1", 2))),
    "interleaved": briefing((("s0", 0), ("s1", 0), ("s0", 2))),
    "grouped": briefing((("s0", 0), ("s0", 2), ("s1", 0))),
    "repeated mention": briefing((("s0", 0), ("s0", 0), ("s0", 2))),
    "edited text": briefing((("s0", 0), ("s0", 2)), TEXT.replace("pier", "dock")),
    "hashed": briefing((("s0", 0), ("s0", 2)), hashes={"s0": "one"}),
    "hashed, edited": briefing((("s0", 0), ("s0", 2)), TEXT.replace("pier", "dock"), {"s0": "two"}),
    "a title": briefing((("s0", 0), ("s0", 2)), titles=frozenset({("s0", 0)})),
    "other bounds": briefing((("s0", 0), ("s0", 2)), bounds=OTHER_BOUNDS),
    "hashed, other bounds": briefing((("s0", 0), ("s0", 2)), hashes={"s0": "one"}, bounds=OTHER_BOUNDS),
}


@pytest.mark.parametrize("first, second", list(combinations(VARIANTS, 2)))
def test_the_summary_key_changes_whenever_the_sentences_it_stands_for_do(first, second):
    keys, sentences = [], []
    for name in (first, second):
        given = VARIANTS[name]
        sources = {s.id: s for s in given.sources}
        keys.append(summary_inputs(given.entities[0], given, sources))
        sentences.append(sentences_about(given.entities[0], given, sources))
    assert keys[0] != keys[1] or sentences[0] == sentences[1]


def test_the_variants_give_different_sentences_but_for_a_repeated_mention_or_a_hash():
    sentences = {name: tuple(sentences_about(given.entities[0], given)) for name, given in VARIANTS.items()}
    assert len(set(sentences.values())) == len(VARIANTS) - 4
    assert sentences["repeated mention"] == sentences["one source"] == sentences["hashed"]
    assert sentences["edited text"] == sentences["hashed, edited"]
    assert sentences["other bounds"] == sentences["hashed, other bounds"]


def whole_graph_cut(graph: PeopleGraph, centre: str):
    """The figure's nodes and edges as ``neighbourhood`` cuts them out of the whole graph."""
    nodes = [node for node in map(graph.node, sorted(graph.shared)) if node is not None]
    edges = [co_mention_edge(a, b, graph.shared[a][b]) for a, b in combinations(sorted(graph.shared), 2)
             if graph.shared[a].get(b)]
    kept, _ = neighbourhood(nodes, edges, centre, limit=NEIGHBOURHOOD_SIZE)
    return neighbourhood(kept, [e for e in edges if {e.a, e.b} <= {n.id for n in kept}], centre,
                         limit=NEIGHBOURHOOD_SIZE)


@pytest.mark.parametrize("seed", range(20))
def test_the_figure_cut_from_the_counts_is_the_whole_graph_cut(seed):
    rng = random.Random(seed)
    ids = [f"p{n:02d}" for n in range(rng.randint(3, 30))]
    mention = Mention("s", 0, 1, "P", "PERSON", 0)
    entities = {i: Entity(i, f"Person {i}", "person", (), (mention,) * rng.randint(1, 4)) for i in ids}
    shared: dict[str, Counter] = {i: Counter() for i in ids}
    for a, b in combinations(ids, 2):
        if rng.random() < 0.4:
            shared[a][b] = shared[b][a] = rng.choice((1, 1, 2, 3))  # many ties
    graph = PeopleGraph(shared, entities)
    for centre in ids:
        if not shared[centre]:
            continue
        kept = [graph.node(centre), *map(graph.node, graph.strongest(centre, NEIGHBOURHOOD_SIZE))]
        cut = neighbourhood(kept, graph.among(n.id for n in kept), centre, limit=NEIGHBOURHOOD_SIZE)
        assert cut == whole_graph_cut(graph, centre)
        assert all(node == entity_node(entities[node.id], node.href) for node in cut[0])


CITATION = Citation("s0", 0, 8, "Ada Vell", 0)
SHARED_OBJECTS = [
    Source("s0", "s0.txt", "ok", text=TEXT),
    Entity("ada-vell", "Ada Vell", "person", (), (Mention("s0", 0, 8, "Ada Vell", "PERSON", 0),)),
    Event("e1", "Talks", "meeting", ("ada-vell",), None, None, (CITATION,)),
    Quote("q1", "We will meet.", "ada-vell", (CITATION,)),
    Deadline("d1", "Reply", "ada-vell", (), "reply", (), None, "open", ()),
    Story("t1", "The talks", ("s0",)),
]


@dataclass(frozen=True)
class Holder:
    """A page context holding briefing objects twice, in a list and alone."""

    items: list
    first: object


def other_value(value: object) -> object:
    """A value unequal to ``value``, of its type where that is simple."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    if isinstance(value, str):
        return value + "!"
    if isinstance(value, tuple):
        return value + value[:1] if value else ("x",)
    return "changed"


def key(context: Holder) -> str | None:
    memo = RenderMemo(None, None, Linker(Briefing("t", [], {})), [])
    return memo.key(Page("x.md", "x.md.j2", context))


@pytest.mark.parametrize("shared", SHARED_OBJECTS, ids=lambda obj: type(obj).__name__)
def test_a_page_key_follows_every_field_of_each_object_keyed_by_its_digest(shared):
    assert type(shared) in SHARED
    base = key(Holder([shared], shared))
    assert base is not None
    equal = copy.deepcopy(shared)
    assert key(Holder([equal], equal)) == base  # an equal object (next build's), the same key
    for field in fields(shared):
        changed = replace(shared, **{field.name: other_value(getattr(shared, field.name))})
        assert key(Holder([changed], changed)) != base, field.name
        assert key(Holder([shared], changed)) != base, field.name
