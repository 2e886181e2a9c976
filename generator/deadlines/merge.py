"""Merge per-article deadline statements into deadlines, with status and disagreements.

Two statements report the same deadline when they score at least
``LINK_SCORE`` and nothing rules it out. Evidence, with its weight:

* same setter entity +2, two different setters -1 (one source may write the
  office, "the White House", where another names the person);
* bound parties overlap (the same entity, or places in the same country:
  a capital stands for its state) +1, both named and disjoint -1;
* demands share a concept +2 (ceasefire, truce and peace settlement are one
  concept; other words compare as themselves), both given and disjoint -2;
* the same due value +2, the same length +1, the same article +1.

Ruled out: due values that cannot name the same day (``compatible``),
unless one statement reports the deadline changed. A statement joins the
first cluster it links to with every member it is compared against.

Building each merged ``Deadline`` (status, disagreements) is in ``deadlines_build``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from generator.deadlines.build import (
    Disagreement,
    build_deadline,
    find_disagreements,
    status,
    timing,
)
from generator.deadlines.dates import compatible, sort_key
from generator.knowledge import gazetteer
from generator.model import Briefing, Deadline, DeadlineCandidate, Entity
from generator.resolve.entities import mention_owner

# Disagreement, find_disagreements, status and timing are re-exported for pages and tests.
__all__ = ["Disagreement", "Report", "cluster", "concepts", "find_disagreements", "merge", "score",
           "status", "timing", "unique_ids"]

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


@dataclass(frozen=True)
class Report:
    """One statement with its names resolved to entities."""

    candidate: DeadlineCandidate
    setter: str | None
    bound: tuple[str, ...]
    concepts: frozenset[str]
    countries: frozenset[str]


def merge(briefing: Briefing) -> list[Deadline]:
    """One Deadline per cluster of statements, sorted by due date."""
    clusters = cluster(resolve_reports(briefing))
    newest = max((s.published for s in briefing.sources if s.published), default=None)
    deadlines = [build_deadline(c, {e.id: e for e in briefing.entities}, newest) for c in clusters]
    return unique_ids(sorted(deadlines, key=lambda d: sort_key(d.due.value if d.due else None)))


def resolve_reports(briefing: Briefing) -> list[Report]:
    """Every candidate of every article, with entity ids, in source order."""
    owner = mention_owner(briefing.entities)
    by_id = {e.id: e for e in briefing.entities}
    out = []
    for source in briefing.sources:
        analysis = briefing.analyses.get(source.id)
        for c in analysis.deadlines if analysis else ():
            setter = owner.get((source.id, c.setter[0])) if c.setter else None
            bound = tuple(dict.fromkeys(i for s, _ in c.bound if (i := owner.get((source.id, s)))))
            out.append(Report(c, setter, bound, concepts(c.demand), countries(bound, by_id)))
    return out


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


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Join clusters that link until none do (order of statements does not matter).

    Each step joins the first linking pair in list order. Only clusters that
    share a key of positive evidence (``_keys``) can link, and a pair found not
    to link is tried again only after one of its clusters has grown.
    """
    clusters = {n: [r] for n, r in enumerate(reports)}
    holders: dict[tuple, set[int]] = {}
    for n, report in enumerate(reports):
        for key in _keys(report):
            holders.setdefault(key, set()).add(n)
    untried = {n: {m for m in _partners(n, clusters, holders) if m > n} for n in clusters}
    while pair := _first_linked(clusters, untried):
        first, second = pair
        clusters[first] += clusters.pop(second)
        del untried[second]
        for key in {k for r in clusters[first] for k in _keys(r)}:
            holders[key].discard(second)
            holders[key].add(first)
        partners = _partners(first, clusters, holders)
        untried[first] = {m for m in partners if m > first}
        for m in partners:
            if m < first:
                untried[m].add(first)
    first_index: dict[Report, int] = {}
    for n, report in enumerate(reports):
        first_index.setdefault(report, n)
    return [sorted(clusters[n], key=first_index.__getitem__) for n in sorted(clusters)]


def _keys(report: Report) -> list[tuple]:
    """Evidence two statements need in common to score above 0."""
    c = report.candidate
    keys = [("source", c.citation.source)] + ([("setter", report.setter)] if report.setter else [])
    keys += [("bound", b) for b in (*report.bound, *report.countries)]
    keys += [("concept", word) for word in report.concepts]
    keys += [("due", c.due.value)] if c.due else []
    return keys + ([("length", c.duration.value)] if c.duration else [])


def _partners(number: int, clusters: dict[int, list[Report]], holders: dict[tuple, set[int]]) -> set[int]:
    keys = {k for r in clusters[number] for k in _keys(r)}
    return set().union(*(holders[k] for k in keys)) - {number}


def _first_linked(clusters: dict[int, list[Report]],
                  untried: dict[int, set[int]]) -> tuple[int, int] | None:
    """The first two clusters (in list order) that link, among pairs not yet tried."""
    for a in sorted(n for n, pending in untried.items() if pending):
        for b in sorted(untried[a]):
            untried[a].discard(b)
            if b in clusters and links(clusters[a], clusters[b]):
                return a, b
    return None


def unique_ids(deadlines: list[Deadline]) -> list[Deadline]:
    """Suffix repeated ids with -2, -3, ..."""
    seen: Counter = Counter()
    out = []
    for d in deadlines:
        seen[d.id] += 1
        out.append(d if seen[d.id] == 1 else replace(d, id=f"{d.id}-{seen[d.id]}"))
    return out
