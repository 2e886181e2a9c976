"""Evidence that two deadline statements report one deadline, and the pairs that can have enough.

``score`` adds the evidence two statements share (see ``deadlines.merge``); ``links`` says
whether two clusters of statements join. ``strong_pairs`` finds, without scoring every pair,
the pairs whose shared evidence can reach ``LINK_SCORE``: only those can link two clusters
(``deadlines.clustering``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

from generator.deadlines.build import Report
from generator.deadlines.dates import compatible
from generator.knowledge import gazetteer
from generator.model import Entity

LINK_SCORE = 3
DEMAND_FAMILIES = {
    "peace": {
        "ceasefire",
        "cease-fire",
        "truce",
        "armistice",
        "peace",
        "settlement",
        "cessation",
        "hostilities",
    },
    "withdrawal": {"withdraw", "withdrawal", "pull", "leave", "evacuate", "exit"},
    "release": {"release", "free", "hostage", "prisoner"},
    "payment": {"pay", "payment", "repay", "fund"},
}
"""Generic English words that name the same demand."""
_FILLER = frozenset(
    [
        "a",
        "an",
        "the",
        "to",
        "of",
        "in",
        "on",
        "for",
        "and",
        "or",
        "with",
        "its",
        "their",
        "his",
        "her",
        "be",
        "get",
        "reach",
        "agree",
        "make",
        "accept",
    ]
)


def other_owners(a: tuple[str, str] | None, b: tuple[str, str] | None) -> bool:
    """Whether two owners (``Report.owner``) are two parties of one type (two companies, two
    people): their deadlines are not one."""
    return a is not None and b is not None and a[0] != b[0] and a[1] == b[1]


def concepts(demand: str) -> frozenset[str]:
    """Demand words reduced to families and stems."""
    out = set()
    for word in re.findall(r"[a-z][a-z-]+", demand.lower()):
        stem = re.sub(r"(?<=[a-z]{3})(es|s)$", "", word)
        family = next(
            (k for k, words in DEMAND_FAMILIES.items() if word in words or stem in words), None
        )
        if family or word not in _FILLER and stem not in _FILLER:
            out.add(family or stem)
    return frozenset(out)


def countries(ids: tuple[str, ...], by_id: dict[str, Entity]) -> frozenset[str]:
    """Country codes of bound places (so a capital matches its country)."""
    codes = set()
    for i in ids:
        place = gazetteer.lookup(by_id[i].name) if by_id[i].type == "place" else None
        if place and place.country_code:
            codes.add(place.country_code)
    return frozenset(codes)


def score(a: Report, b: Report) -> int | None:
    """Evidence that two statements report one deadline; None when ruled out."""
    da, db = a.candidate.due, b.candidate.due
    changed = a.candidate.change or b.candidate.change
    if da and db and not compatible(da.value, db.value) and not changed:
        return None
    if other_owners(a.owner, b.owner):
        return None
    points = _agreement(a.setter, b.setter, 2, -1)
    points += _overlap(set(a.bound) | a.countries, set(b.bound) | b.countries, 1, -1)
    points += _overlap(a.concepts, b.concepts, 2, -2)
    points += 2 if da and db and da.value == db.value else 0
    la, lb = a.candidate.duration, b.candidate.duration
    points += 1 if la and lb and la.value == lb.value else 0
    return points + (1 if a.candidate.citation.source == b.candidate.citation.source else 0)


def _agreement(a: str | None, b: str | None, same: int, different: int) -> int:
    return 0 if a is None or b is None else same if a == b else different


def _overlap(a: set | frozenset, b: set | frozenset, shared: int, disjoint: int) -> int:
    return 0 if not a or not b else shared if a & b else disjoint


def links(first: list[Report], second: list[Report]) -> bool:
    """Whether two clusters join: one strong link, no pair ruling it out."""
    scores = [score(a, b) for a in first for b in second]
    return None not in scores and max(s for s in scores if s is not None) >= LINK_SCORE


EVIDENCE_POINTS = {"setter": 2, "concept": 2, "due": 2, "source": 1, "bound": 1, "length": 1}
"""Points a kind of shared evidence adds to ``score`` (its positive terms)."""


def _evidence(report: Report) -> dict[str, list[tuple]]:
    """Kind of evidence -> the keys two statements share when they score its points."""
    c = report.candidate
    return {"source": [("source", c.citation.source)],
            "setter": [("setter", report.setter)] if report.setter else [],
            "bound": [("bound", b) for b in (*report.bound, *report.countries)],
            "concept": [("concept", word) for word in report.concepts],
            "due": [("due", c.due.value)] if c.due else [],
            "length": [("length", c.duration.value)] if c.duration else []}


def strong_pairs(reports: list[Report]) -> list[set[int]]:
    """Statement number -> the statements whose shared evidence adds up to ``LINK_SCORE``:
    only such a pair can link two clusters (``score`` is at most those points).

    No kind is worth more than 2 points, so such a pair shares keys of two kinds, one
    worth 2, or of all three kinds worth 1; pairs are found under such combined keys.
    """
    evidence = [_evidence(r) for r in reports]
    holders: dict[tuple, list[int]] = {}
    for n, kinds in enumerate(evidence):
        for combination in _combinations(kinds):
            holders.setdefault(combination, []).append(n)
    strong: list[set[int]] = [set() for _ in reports]
    checked = _KEY_POINTS < LINK_SCORE  # else every pair sharing a combined key reaches it
    for numbers in holders.values():
        for a, b in itertools.combinations(numbers, 2):
            if b not in strong[a] and (not checked or _points(evidence[a], evidence[b]) >= LINK_SCORE):
                strong[a].add(b)
                strong[b].add(a)
    return strong


_KEY_POINTS = min([EVIDENCE_POINTS[first] + EVIDENCE_POINTS[second]
                   for first, second in itertools.combinations(EVIDENCE_POINTS, 2)
                   if max(EVIDENCE_POINTS[first], EVIDENCE_POINTS[second]) >= 2]
                  + [sum(points for points in EVIDENCE_POINTS.values() if points == 1)])
"""The fewest points two statements sharing a combined key (``_combinations``) have in common."""


def _combinations(kinds: dict[str, list[tuple]]) -> Iterator[tuple]:
    """Combined keys of a statement: a key worth 2 with a key of another kind; or one of each kind worth 1."""
    for first, second in itertools.combinations(kinds, 2):
        if max(EVIDENCE_POINTS[first], EVIDENCE_POINTS[second]) >= 2:
            yield from itertools.product(kinds[first], kinds[second])
    yield from itertools.product(*(kinds[k] for k in kinds if EVIDENCE_POINTS[k] == 1))


def _points(a: dict[str, list[tuple]], b: dict[str, list[tuple]]) -> int:
    """The points of the kinds of evidence two statements share."""
    return sum(points for kind, points in EVIDENCE_POINTS.items() if not set(a[kind]).isdisjoint(b[kind]))
