"""Article-to-story grouping measured against gold stories, with two baselines.

The gold story of an article is its ECB+ topic plus sub-topic (``Document.story``,
e.g. ``5/ecbplus``); our story is the ``Story`` of the briefing holding the
article. Both are compared by B-cubed over articles (``measures.b_cubed``).

Baselines:

* *one story*: every article in a single story (what a reader gets when the
  grouping does nothing);
* *TF-IDF*: plain bag of lower-cased words without stop words, TF-IDF weights,
  cosine similarity, average-linkage clustering cut at a threshold tuned on the
  development topics (``tune_threshold``: the cut with the best B-cubed F1).
"""

from __future__ import annotations

import math
import random
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import Protocol

from spacy.lang.en.stop_words import STOP_WORDS

from generator.evaluation.measures import b_cubed
from generator.evaluation.run import stem
from generator.events.linkage import average_linkage, cut
from generator.events.stories import story_groups
from generator.model import Briefing, BuildSnapshot

_WORD = re.compile(r"[a-z][a-z'’-]+")
Scores = tuple[float, float, float]


class StoryDocument(Protocol):
    """What the story measures need of a gold document."""

    name: str
    text: str

    @property
    def story(self) -> str: ...


def gold_stories(documents: Iterable[StoryDocument]) -> dict[str, str]:
    """Source id (file stem) -> gold story."""
    return {stem(d.name): d.story for d in documents}


def predicted_stories(briefing: Briefing) -> dict[str, str]:
    """Source id -> id of the story the briefing puts it in."""
    return {source: story.id for story in briefing.stories for source in story.sources}


def one_story(gold: Mapping[str, str]) -> dict[str, str]:
    """The baseline putting every article in one story."""
    return dict.fromkeys(gold, "all")


def story_scores(gold: Mapping[str, str], predicted: Mapping[str, str]) -> Scores:
    """B-cubed P/R/F1 of a grouping over the gold articles (a missing one is alone)."""
    return b_cubed(gold, {k: predicted.get(k, f"alone:{k}") for k in gold})


def word_vectors(texts: Sequence[str]) -> list[dict[str, float]]:
    """L2-normalised TF-IDF vectors of plain words (smoothed idf, as scikit-learn's default)."""
    counts = [Counter(w for w in _WORD.findall(t.lower()) if w not in STOP_WORDS) for t in texts]
    df = Counter(w for c in counts for w in c)
    n = len(texts)
    vectors = []
    for c in counts:
        v = {w: tf * (math.log((1 + n) / (1 + df[w])) + 1) for w, tf in c.items()}
        norm = math.sqrt(sum(x * x for x in v.values())) or 1.0
        vectors.append({w: x / norm for w, x in v.items()})
    return vectors


def cosine_pairs(vectors: Sequence[Mapping[str, float]]) -> dict[tuple[int, int], float]:
    """Cosine of every pair of vectors sharing a word (i < j)."""
    holders: dict[str, list[int]] = {}
    for n, v in enumerate(vectors):
        for w in v:
            holders.setdefault(w, []).append(n)
    pairs: dict[tuple[int, int], float] = {}
    for n, v in enumerate(vectors):
        for m in {m for w in v for m in holders[w] if m > n}:
            small, big = sorted((v, vectors[m]), key=len)
            pairs[(n, m)] = sum(x * big.get(w, 0.0) for w, x in small.items())
    return pairs


class TfidfBaseline:
    """Average-linkage merges of the plain TF-IDF cosine, cut at any threshold."""

    def __init__(self, documents: Sequence[StoryDocument]) -> None:
        self.keys = [stem(d.name) for d in documents]
        pairs = cosine_pairs(word_vectors([d.text for d in documents]))
        self.merges = average_linkage(len(self.keys), pairs)

    def stories(self, threshold: float) -> dict[str, str]:
        """Source id -> story number, cutting the merges at ``threshold``."""
        groups = cut(len(self.keys), self.merges, threshold)
        return {self.keys[i]: str(n) for n, group in enumerate(groups) for i in group}


def tune_threshold(documents: Sequence[StoryDocument]) -> tuple[float, Scores]:
    """The TF-IDF cut (0.01 steps) with the best story B-cubed F1 on ``documents``."""
    gold = gold_stories(documents)
    baseline = TfidfBaseline(documents)
    best = max((story_scores(gold, baseline.stories(t / 100))[2], -t) for t in range(1, 100))
    threshold = -best[1] / 100
    return threshold, story_scores(gold, baseline.stories(threshold))


def story_rows(documents: Sequence[StoryDocument], briefing: Briefing, threshold: float) -> dict[str, Scores]:
    """Story B-cubed of ours and of both baselines (TF-IDF cut at ``threshold``)."""
    gold = gold_stories(documents)
    return {
        "ours": story_scores(gold, predicted_stories(briefing)),
        "one story": story_scores(gold, one_story(gold)),
        f"TF-IDF @{threshold:.2f}": story_scores(gold, TfidfBaseline(documents).stories(threshold)),
    }


def rebuilt_rows(briefing: Briefing, gold: Mapping[str, str], shares: Sequence[float] = (0.99, 0.96),
                 seeds: int = 6) -> dict[str, tuple[float, float]]:
    """Story B-cubed F1 of rebuilds that keep a previous build's stories apart
    (``stories.STORY_STICKINESS``) beside clean builds of the same articles, as means over
    ``seeds`` random draws: "grown" rebuilds all articles after a build of a ``share`` of them,
    "shrunk" rebuilds a ``share`` of them after a build of all. Label -> (rebuilt, clean)."""
    ids = [s.id for s in briefing.sources if s.id in briefing.analyses]
    clean_all = _groups(briefing, set(ids))
    rows: dict[str, tuple[float, float]] = {}
    for share in shares:
        sums = [0.0, 0.0, 0.0, 0.0]
        for seed in range(seeds):
            part = set(random.Random(seed).sample(ids, int(len(ids) * share)))
            clean_part = _groups(briefing, part)
            grown = _groups(briefing, set(ids), clean_part)
            shrunk = _groups(briefing, part, clean_all)
            runs = [(grown, ids), (clean_all, ids), (shrunk, part), (clean_part, part)]
            for n, (groups, kept) in enumerate(runs):
                sums[n] += _f1(gold, groups, kept) / seeds
        changed = f"{round((1 - share) * 100)} %"
        rows[f"grown by {changed}"] = (sums[0], sums[1])
        rows[f"shrunk by {changed}"] = (sums[2], sums[3])
    return rows


def _groups(briefing: Briefing, kept: set[str], before: list[tuple[str, ...]] | None = None,
            ) -> list[tuple[str, ...]]:
    """``story_groups`` of the briefing's articles in ``kept`` (``before``: the previous build's groups)."""
    part = subset_briefing(briefing, kept)
    if before is not None:
        part.previous = BuildSnapshot(None, {}, {}, frozenset(), frozenset(), frozenset(), {},
                                      stories={f"story-{n}": frozenset(g) for n, g in enumerate(before, 1)})
    return story_groups(part)


def _f1(gold: Mapping[str, str], groups: list[tuple[str, ...]], kept: Iterable[str]) -> float:
    predicted = {source: str(n) for n, group in enumerate(groups) for source in group}
    return story_scores({s: gold[s] for s in kept if s in gold}, predicted)[2]


def subset_briefing(briefing: Briefing, kept: set[str]) -> Briefing:
    """The briefing of the articles ``kept`` only: their sources, analyses, mentions and deadline reports."""
    entities = [replace(e, mentions=tuple(m for m in e.mentions if m.source in kept))
                for e in briefing.entities]
    deadlines = [replace(d, reports=tuple(r for r in d.reports if r.citation.source in kept))
                 for d in briefing.deadlines]
    return Briefing(briefing.title, [s for s in briefing.sources if s.id in kept],
                    {k: a for k, a in briefing.analyses.items() if k in kept},
                    entities=[e for e in entities if e.mentions],
                    deadlines=[d for d in deadlines if d.reports])
