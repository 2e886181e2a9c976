"""Deadline statements joined into clusters, one per deadline (``cluster``).

Clusters join while two of them link (``evidence.links``: one statement pair scoring
``LINK_SCORE``, no pair ruled out); only clusters holding a strong pair
(``evidence.strong_pairs``) are tried, and each pair of statements is scored once.
"""

from __future__ import annotations

import heapq

from generator.deadlines.build import Report
from generator.deadlines.dates import compatible
from generator.deadlines.evidence import LINK_SCORE, other_owners, score, strong_pairs


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Join clusters that link until none do (order of statements does not matter).

    Each step joins the first linking pair in list order. Only clusters holding
    two statements whose shared evidence can reach ``LINK_SCORE``
    (``evidence.strong_pairs``) can link, and a pair found not to link is tried again
    only after one of its clusters has grown. Each pair of statements is scored
    once (``_Linker``), however often their clusters are tried.
    """
    clusters = {n: [n] for n in range(len(reports))}
    cluster_of = list(range(len(reports)))
    strong = strong_pairs(reports)
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
