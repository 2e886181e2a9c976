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

The evidence and its scoring are in ``deadlines.evidence``, the clustering in
``deadlines.clustering``, building each merged ``Deadline`` (status, disagreements) in
``deadlines.build``.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from generator.deadlines.build import (
    Disagreement,
    Report,
    build_deadline,
    find_disagreements,
    status,
    timing,
)
from generator.deadlines.clustering import cluster
from generator.deadlines.dates import sort_key
from generator.deadlines.evidence import concepts, countries, other_owners
from generator.model import Briefing, Deadline, Entity

# Disagreement, find_disagreements, status and timing are re-exported for pages and tests.
__all__ = ["Disagreement", "Report", "find_disagreements", "merge", "status", "timing", "unique_ids"]


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


def unique_ids(deadlines: list[Deadline]) -> list[Deadline]:
    """Suffix repeated ids with -2, -3, ..."""
    seen: Counter = Counter()
    out = []
    for d in deadlines:
        seen[d.id] += 1
        out.append(d if seen[d.id] == 1 else replace(d, id=f"{d.id}-{seen[d.id]}"))
    return out
