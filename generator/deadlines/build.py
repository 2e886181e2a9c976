"""Build one merged deadline from a cluster of statements: fields, status, disagreements.

``deadlines.merge`` decides which statements report the same deadline; this
module turns each cluster into a ``Deadline``: the most precise due time, the
setter most sources name, the shared demand wording, every threatened
consequence, the status against the newest article, and notes where the
sources disagree.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from generator.deadlines.dates import COUNTED, compatible, describe, specificity
from generator.deadlines.setters import one_side
from generator.knowledge.names import slugify
from generator.model import (
    Citation,
    Deadline,
    DeadlineCandidate,
    DeadlineReport,
    Entity,
    TimeExpression,
)
from generator.temporal.calendar import to_date


@dataclass(frozen=True)
class Report:
    """One statement with its names resolved to entities."""

    candidate: DeadlineCandidate
    setter: str | None
    bound: tuple[str, ...]
    concepts: frozenset[str]
    countries: frozenset[str]
    owner: tuple[str, str] | None = None
    """(entity id, type) of the party whose deadline it is: the setter; for a statement naming
    no one ("The offer had been set to expire Nov. 6"), the setter of the article's statement
    before it ("Dow Jones extended its offer until Nov. 9"); None when unknown."""


def build_deadline(
    cluster: list[Report], by_id: dict[str, Entity], newest: dt.date | None
) -> Deadline:
    """The merged deadline of one cluster."""
    reports = tuple(to_report(r) for r in cluster)
    due = best_due([r.candidate.due for r in cluster])
    bound = tuple(i for i, _ in Counter(i for r in cluster for i in r.bound).most_common())
    demand = best_demand([r.candidate.demand for r in cluster])
    setter = best_setter(cluster, by_id)
    title = deadline_title(demand, [by_id[i].name for i in bound], by_id[setter].name if setter else "", due)
    return Deadline(
        id=slugify(title),
        title=title,
        setter=setter,
        bound=bound,
        demand=demand,
        consequences=consequences([r.candidate for r in cluster]),
        due=due,
        status=status(due, reports, newest),
        reports=reports,
        disagreements=tuple(d.note() for d in find_disagreements(reports, by_id)),
    )


def deadline_title(demand: str, bound: list[str], setter: str, due: TimeExpression | None) -> str:
    """"Deadline for <the party bound>: <demand>"; without a demand or a party, the deadline is
    told apart by who set it or by its due time as the articles write it ("Deadline of May 10")."""
    title = f"Deadline for {bound[0]}" if bound else "Deadline"
    if demand:
        return f"{title}: {demand}"
    if bound:
        return title
    return f"Deadline set by {setter}" if setter else f"Deadline of {due.text}" if due else title


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
    """The demand wording most sources share (articles and inflection aside); of equal ones,
    the shortest, then one written in lower case ("act" of the body before "Act" of a
    title-case headline)."""
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
    return min(given, key=lambda d: (-counts[key[given.index(d)]], len(d), d[:1].isupper()))


def consequences(candidates: list[DeadlineCandidate]) -> tuple[str, ...]:
    """Every threatened consequence, most often named first, case-insensitively distinct; a bare
    one another names more precisely is left out ("penalties" beside "sweeping penalties")."""
    counts = Counter(c.lower() for cand in candidates for c in cand.consequences)
    first = {c.lower(): c for cand in reversed(candidates) for c in cand.consequences}
    kept = [c for c in counts if not any(other.endswith(" " + c) for other in counts)]
    return tuple(first[c] for c in sorted(kept, key=lambda c: -counts[c]))


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
    """Aspects on which the reports differ (setters on one side do not: ``setters.one_side``)."""
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
    if len(setters) > 1 and not one_side(reports, names):
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
