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
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from generator import gazetteer
from generator.deadlines_dates import COUNTED, compatible, describe, sort_key, specificity
from generator.model import (
    Briefing,
    Citation,
    Deadline,
    DeadlineCandidate,
    DeadlineReport,
    Entity,
    TimeExpression,
)
from generator.names import slugify
from generator.resolve import mention_owner
from generator.temporal_calendar import to_date

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


def _linked_pair(clusters: list[list[Report]]) -> tuple[int, int] | None:
    """Indices of the first two clusters that link, if any."""
    pairs = ((a, b) for a in range(len(clusters)) for b in range(a + 1, len(clusters)))
    return next(((a, b) for a, b in pairs if links(clusters[a], clusters[b])), None)


def cluster(reports: list[Report]) -> list[list[Report]]:
    """Join clusters that link until none do (order of statements does not matter)."""
    clusters = [[r] for r in reports]
    while pair := _linked_pair(clusters):
        first, second = pair
        clusters[first] += clusters.pop(second)
    return [sorted(c, key=reports.index) for c in clusters]


def build_deadline(
    cluster: list[Report], by_id: dict[str, Entity], newest: dt.date | None
) -> Deadline:
    """The merged deadline of one cluster."""
    reports = tuple(to_report(r) for r in cluster)
    due = best_due([r.candidate.due for r in cluster])
    bound = tuple(i for i, _ in Counter(i for r in cluster for i in r.bound).most_common())
    demand = best_demand([r.candidate.demand for r in cluster])
    title = f"Deadline for {by_id[bound[0]].name}" if bound else "Deadline"
    title += f": {demand}" if demand else ""
    return Deadline(
        id=slugify(title),
        title=title,
        setter=best_setter(cluster, by_id),
        bound=bound,
        demand=demand,
        consequences=consequences([r.candidate for r in cluster]),
        due=due,
        status=status(due, reports, newest),
        reports=reports,
        disagreements=tuple(d.note() for d in find_disagreements(reports, by_id)),
    )


def to_report(report: Report) -> DeadlineReport:
    """The per-source row of a merged deadline."""
    c = report.candidate
    return DeadlineReport(
        c.citation, c.due, c.wording, c.duration, c.previous, c.change, report.setter
    )


def best_due(dues: list[TimeExpression | None]) -> TimeExpression | None:
    """The most precise due time, the most often given one on ties."""
    given = [d for d in dues if d is not None]
    if not given:
        return None
    counts = Counter(d.value for d in given)
    return max(given, key=lambda d: (specificity(d.value), counts[d.value], -given.index(d)))


def best_setter(cluster: list[Report], by_id: dict[str, Entity]) -> str | None:
    """The setter most sources name, a person before an organisation or place."""
    counts = Counter(r.setter for r in cluster if r.setter)
    if not counts:
        return None
    return max(counts, key=lambda i: (by_id[i].type == "person", counts[i]))


def best_demand(demands: list[str]) -> str:
    """The demand wording most sources share (articles and inflection aside)."""
    given = [d for d in demands if d]
    if not given:
        return ""
    key = [
        " ".join(
            re.sub(r"(?<=[a-z]{3})s$", "", w)
            for w in d.lower().split()
            if w not in ("a", "an", "the")
        )
        for d in given
    ]
    counts = Counter(key)
    return min(given, key=lambda d: (-counts[key[given.index(d)]], len(d)))


def consequences(candidates: list[DeadlineCandidate]) -> tuple[str, ...]:
    """Every threatened consequence, most often named first, case-insensitively distinct."""
    counts = Counter(c.lower() for cand in candidates for c in cand.consequences)
    first = {c.lower(): c for cand in reversed(candidates) for c in cand.consequences}
    return tuple(first[c] for c, _ in counts.most_common())


def status(
    due: TimeExpression | None, reports: tuple[DeadlineReport, ...], newest: dt.date | None
) -> str:
    """passed / shortened / extended / upcoming / unknown, against the newest article's date."""
    day = to_date(due.value) if due else None
    if day and newest and day < newest:
        return "passed"
    changes = [r.change for r in reports if r.change]
    if changes:
        return changes[-1]
    return "upcoming" if day and newest else "unknown"


def timing(due: TimeExpression | None, newest: dt.date | None) -> str:
    """The due date against the newest article, in words."""
    day = to_date(due.value) if due else None
    if not newest:
        return "no article gives a publication date, so the due date cannot be placed in time"
    if not day:
        return f"the due date is not fully known (newest article: {newest.isoformat()})"
    word = "passed" if day < newest else "upcoming"
    return f"{word} as of the newest article ({newest.isoformat()})"


@dataclass(frozen=True)
class Disagreement:
    """Sources giving one aspect of a deadline differently."""

    aspect: str
    """"due date", "length", "setter" or "change"."""
    variants: tuple[tuple[str, tuple[Citation, ...]], ...]
    """Each distinct version with the sentences giving it."""
    conflict: bool
    """True when the versions cannot all be right; False when only unverifiable."""

    def note(self) -> str:
        """Plain-text summary naming sources by id."""
        parts = [
            f"{label} ({', '.join(dict.fromkeys(c.source for c in cites))})"
            for label, cites in self.variants
        ]
        tail = "" if self.conflict else " (may agree; not checkable without publication dates)"
        return f"Sources differ on the {self.aspect}: " + "; ".join(parts) + tail


def find_disagreements(
    reports: tuple[DeadlineReport, ...], names: dict[str, Entity] | None = None
) -> list[Disagreement]:
    """Aspects on which the reports differ."""
    out = []
    dues = _variants(
        [
            (r.due.value, describe(r.due.value), r.citation, _due_words(r.due))
            for r in reports
            if r.due
        ]
    )
    if len(dues) > 1:
        values = [v for v, _, _ in dues]
        clash = any(not compatible(a, b) for a in values for b in values)
        out.append(
            Disagreement(
                "due date", tuple((lab, c) for _, lab, c in dues), clash or _all_known(values)
            )
        )
    lengths = _variants(
        [(r.duration.value, describe(r.duration.value), r.citation) for r in reports if r.duration]
    )
    if len(lengths) > 1:
        out.append(Disagreement("length", tuple((lab, c) for _, lab, c in lengths), True))
    setters = _variants(
        [
            (r.setter, names[r.setter].name if names else r.setter, r.citation)
            for r in reports
            if r.setter
        ]
    )
    if len(setters) > 1:
        out.append(Disagreement("setter", tuple((lab, c) for _, lab, c in setters), True))
    changes = _variants([(r.change, r.change, r.citation) for r in reports if r.change])
    if len(changes) > 1:
        out.append(Disagreement("change", tuple((lab, c) for _, lab, c in changes), True))
    return out


def _all_known(values: list[str]) -> bool:
    return all(to_date(v) for v in values)


def _due_words(due: TimeExpression) -> str:
    """How a source words its due time: “Friday”, or the counting it was derived by."""
    return (
        due.provenance.removeprefix(COUNTED)
        if due.provenance.startswith(COUNTED)
        else f"“{due.text}”"
    )


def _variants(rows: list[tuple]) -> list[tuple[str, str, tuple[Citation, ...]]]:
    """Rows (key, label, citation[, words]) grouped by key in first-seen order.

    The label of a group is the first label, followed by the distinct words
    (fifth item) sources used for it.
    """
    grouped: dict[str, tuple[str, list[Citation], list[str]]] = {}
    for key, label, citation, *words in rows:
        entry = grouped.setdefault(key, (label, [], []))
        entry[1].append(citation)
        entry[2].extend(w for w in words if w not in entry[2])
    return [
        (k, label + (": " + ", ".join(words) if words else ""), tuple(cites))
        for k, (label, cites, words) in grouped.items()
    ]


def unique_ids(deadlines: list[Deadline]) -> list[Deadline]:
    """Suffix repeated ids with -2, -3, ..."""
    from dataclasses import replace

    seen: Counter = Counter()
    out = []
    for d in deadlines:
        seen[d.id] += 1
        out.append(d if seen[d.id] == 1 else replace(d, id=f"{d.id}-{seen[d.id]}"))
    return out
