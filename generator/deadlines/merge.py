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
unless one statement reports the deadline changed; and two owners of one type
(``other_owners``): two companies' offers, or two people's ultimatums, due the
same day are two deadlines (an office and a person, "the White House" and the
President, may be one side). A statement naming no one owns what the article's
statement before it owns ("Dow Jones extended its offer until Nov. 9. The offer had
been set to expire Nov. 6."). A statement joins the first cluster it links to with
every member it is compared against. Then a cluster that only names a deadline by
its due day ("the Jan. 14 deadline", a day, not a month) joins the one other cluster
due that day, when exactly one is (``with_references``).

Building each merged ``Deadline`` (status, disagreements) is in ``deadlines_build``.
"""

from __future__ import annotations

import heapq
import itertools
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import replace

from generator.deadlines.build import (
    Disagreement,
    Report,
    build_deadline,
    find_disagreements,
    status,
    timing,
)
from generator.deadlines.dates import compatible, sort_key
from generator.knowledge import gazetteer
from generator.model import Briefing, Deadline, Entity

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


def merge(briefing: Briefing) -> list[Deadline]:
    """One Deadline per cluster of statements, sorted by due date."""
    reports = resolve_reports(briefing)
    clusters = with_references(cluster(reports), reports)
    newest = max((s.published for s in briefing.sources if s.published), default=None)
    by_id = {e.id: e for e in briefing.entities}
    deadlines = [build_deadline(c, by_id, newest) for c in clusters]
    return unique_ids(sorted(deadlines, key=lambda d: sort_key(d.due.value if d.due else None)))


def _id(entity: Entity | None) -> str | None:
    return entity.id if entity else None


def resolve_reports(briefing: Briefing) -> list[Report]:
    """Every candidate of every article, with entity ids, in source order."""
    by_id = {e.id: e for e in briefing.entities}
    out = []
    for source in briefing.sources:
        analysis = briefing.analyses.get(source.id)
        owner = None
        for c in analysis.deadlines if analysis else ():
            setter = _id(briefing.entity_at(source.id, c.setter[0])) if c.setter else None
            found = (_id(briefing.entity_at(source.id, start)) for start, _ in c.bound)
            bound = tuple(dict.fromkeys(i for i in found if i))
            if setter or bound:
                owner = (setter, by_id[setter].type) if setter else None
            out.append(Report(c, setter, bound, concepts(c.demand), countries(bound, by_id), owner))
    return out


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


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Join clusters that link until none do (order of statements does not matter).

    Each step joins the first linking pair in list order. Only clusters holding
    two statements whose shared evidence can reach ``LINK_SCORE``
    (``_strong_pairs``) can link, and a pair found not to link is tried again
    only after one of its clusters has grown. Each pair of statements is scored
    once (``_Linker``), however often their clusters are tried.
    """
    clusters = {n: [n] for n in range(len(reports))}
    cluster_of = list(range(len(reports)))
    strong = _strong_pairs(reports)
    untried = {n: {m for m in _partners(n, clusters, cluster_of, strong) if m > n} for n in clusters}
    linker = _Linker(reports, untried, strong, cluster_of)
    while pair := linker.first_linked(clusters):
        first, second = pair
        for r in clusters[second]:
            cluster_of[r] = first
        clusters[first] += clusters.pop(second)
        linker.join(first, second)
        del untried[second]
        partners = {m for m in _partners(first, clusters, cluster_of, strong)
                    if linker.worth_trying(first, m)}
        untried[first] = {m for m in partners if m > first}
        linker.wake(first)
        for m in partners:
            if m < first:
                untried[m].add(first)
                linker.wake(m)
    first_index: dict[Report, int] = {}
    for n, report in enumerate(reports):
        first_index.setdefault(report, n)
    return [sorted((reports[r] for r in clusters[n]), key=first_index.__getitem__) for n in sorted(clusters)]


def with_references(clusters: list[list[Report]], reports: list[Report]) -> list[list[Report]]:
    """``clusters`` with each cluster that only refers to a deadline by its due day ("gave no
    reason for the Jan. 14 deadline": no demand, setter or party in any statement) joined to
    the one other cluster due that day, when exactly one is and its owner is no other
    (``other_owners``); in ``reports`` order. A month or a year ("expire at the end of
    November") names no deadline of its own. A due day
    alone scores too little for ``cluster`` to join two articles' statements."""
    order = {id(report): n for n, report in enumerate(reports)}
    due = [{r.candidate.due.value for r in members if r.candidate.due} for members in clusters]
    bare = {n for n, members in enumerate(clusters)
            if len(due[n]) == 1 and _names_day(next(iter(due[n]))) and all(map(_reference_only, members))}
    due_on: dict[str, list[int]] = {}
    for n in range(len(clusters)):
        for value in due[n] if n not in bare else ():
            due_on.setdefault(value, []).append(n)
    joined = {n: due_on[value][0] for n in bare for value in due[n] if len(due_on.get(value, ())) == 1
              and not _owned_apart(clusters[n], clusters[due_on[value][0]])}
    out = {n: list(members) for n, members in enumerate(clusters) if n not in joined}
    for n, target in joined.items():
        out[target] += clusters[n]
    return [sorted(members, key=lambda r: order[id(r)]) for members in out.values()]


def _owned_apart(first: list[Report], second: list[Report]) -> bool:
    """Whether two clusters hold statements of two owners of one type (``other_owners``)."""
    return any(other_owners(a.owner, b.owner) for a in first for b in second)


_DAY = re.compile(r"[\dX]{4}-(?:\d{2}-\d{2}|W[\dX]{2}-\d)")
"""A due value naming a day ("1990-01-14", "XXXX-01-14", "XXXX-WXX-5"), not a month or a year."""


def _names_day(value: str) -> bool:
    return _DAY.match(value) is not None


def _reference_only(report: Report) -> bool:
    """A statement naming a deadline by its due day alone: no demand, setter or party."""
    return not (report.concepts or report.setter or report.bound or report.candidate.demand)


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


def _strong_pairs(reports: list[Report]) -> list[set[int]]:
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


def _partners(number: int, clusters: dict[int, list[int]], cluster_of: list[int],
              strong: list[set[int]]) -> set[int]:
    """The clusters holding a statement strongly linked with one of cluster ``number``'s."""
    return {cluster_of[other] for r in clusters[number] for other in strong[r]} - {number}


class _Linker:
    """The pairs of clusters still to try, smallest first, and the scores of statement pairs.

    Whether two clusters link (``links``) is worked out from what each cluster holds rather
    than from every pair of their statements: a pair is ruled out only by two due values
    that cannot name one day, neither statement reporting a change, or by two owners of one
    type (``score``), so each cluster keeps the due values of such statements and its
    owners; and only a pair of ``strong`` statements can score ``LINK_SCORE``. Trying every
    pair made a deadline reported by hundreds of articles cost the square of its reports
    each time its cluster grew.
    """

    def __init__(self, reports: list[Report], untried: dict[int, set[int]], strong: list[set[int]],
                 cluster_of: list[int]) -> None:
        self.reports = reports
        self.untried = untried
        self.strong = strong
        self.cluster_of = cluster_of
        """Statement number -> its cluster (kept up to date by ``cluster``)."""
        self.waiting = sorted(n for n, pending in untried.items() if pending)  # a heap, some stale
        self.scores: dict[tuple[int, int], int] = {}
        self.dues = {n: _ruling_dues(r) for n, r in enumerate(reports)}
        """Cluster -> the due values of its statements that report no change."""
        self.owners = {n: frozenset({r.owner} if r.owner else ()) for n, r in enumerate(reports)}
        """Cluster -> the owners of its statements (``Report.owner``)."""
        self.clashing: dict[int, set[int]] = {n: set() for n in range(len(reports))}
        """Cluster -> the clusters found to hold a due value that rules it out. A cluster only
        gains due values, so two clusters that clash always will: they are not tried again."""

    def wake(self, number: int) -> None:
        """Cluster ``number`` has new pairs to try."""
        heapq.heappush(self.waiting, number)

    def join(self, first: int, second: int) -> None:
        """Cluster ``second`` was joined into ``first``."""
        self.dues[first] = self.dues[first] | self.dues.pop(second)
        self.owners[first] = self.owners[first] | self.owners.pop(second)
        moved = self.clashing.pop(second)
        self.clashing[first] |= moved
        for other in moved:
            self.clashing[other].discard(second)
            self.clashing[other].add(first)

    def worth_trying(self, first: int, second: int) -> bool:
        """Whether clusters ``first`` and ``second`` are not known to clash."""
        return second not in self.clashing[first]

    def first_linked(self, clusters: dict[int, list[int]]) -> tuple[int, int] | None:
        """The first two clusters (in list order) that link, among pairs not yet tried."""
        while self.waiting:
            a = self.waiting[0]
            for b in sorted(self.untried.get(a, ())):
                self.untried[a].discard(b)
                if b in clusters and self.worth_trying(a, b) and self.links(a, b, clusters):
                    return a, b
            heapq.heappop(self.waiting)
        return None

    def links(self, first: int, second: int, clusters: dict[int, list[int]]) -> bool:
        """``links`` of clusters ``first`` and ``second`` (``clusters``: their statement numbers);
        the strong pairs are looked up from the smaller of the two."""
        if any(not compatible(a, b) for a in self.dues[first] for b in self.dues[second]) \
                or any(other_owners(a, b) for a in self.owners[first] for b in self.owners[second]):
            self.clashing[first].add(second)
            self.clashing[second].add(first)
            return False
        small, other = (first, second) if len(clusters[first]) <= len(clusters[second]) else (second, first)
        return any(self.score(a, b) >= LINK_SCORE for a in clusters[small] for b in self.strong[a]
                   if self.cluster_of[b] == other)

    def score(self, a: int, b: int) -> int:
        """``score`` of two statements by number (it is symmetric), computed once; never ruled
        out here: ``links`` has checked their due values and owners."""
        key = (a, b) if a < b else (b, a)
        if key not in self.scores:
            self.scores[key] = score(self.reports[key[0]], self.reports[key[1]]) or 0
        return self.scores[key]


def _ruling_dues(report: Report) -> frozenset[str]:
    """The due value of a statement that reports no change, which can rule a pair out."""
    due = report.candidate.due
    return frozenset({due.value}) if due and not report.candidate.change else frozenset()


def unique_ids(deadlines: list[Deadline]) -> list[Deadline]:
    """Suffix repeated ids with -2, -3, ..."""
    seen: Counter = Counter()
    out = []
    for d in deadlines:
        seen[d.id] += 1
        out.append(d if seen[d.id] == 1 else replace(d, id=f"{d.id}-{seen[d.id]}"))
    return out
