"""Passes after the greedy clustering that join clusters reporting one happening.

``join_story_events``: within one story, the clusters of a violent, legal or
job happening; ``join_same_sentence``: clusters of one family citing the same
sentence. Both refuse when places lie clearly apart or days differ.
"""

from __future__ import annotations

from generator.events import triggers as lex
from generator.events.agreement import far_apart, other_day, times_conflict
from generator.events.reports import Report

MAX_JOIN_TARGETS = 20
"""Most clusters (the most reported first) a cluster is tested against when joining a story's
events, so a story with thousands of reported arrests stays near linear."""


def join_story_events(clusters: list[list[Report]], story) -> list[list[Report]]:
    """One story's reports of one violent, legal or job happening as one event.

    Reports of an attack, a killing or an arrest name different people (the
    victim in one, the suspect or the police in another), so the participant
    test splits them. Within one story, clusters of such a family (``DESCRIBED_KINDS``)
    join the one reported by the most sources when places agree and no dates
    conflict: the story's main event exists once, reported by most of its articles.
    """
    groups: dict[tuple, list[list[Report]]] = {}
    for members in clusters:
        first = members[0]
        if first.candidate.kind in lex.DESCRIBED_KINDS or first.family in lex.DESCRIBED_KINDS:
            groups.setdefault((first.family, first.candidate.aspect, story(first)), []).append(members)
    for key, members in groups.items():
        if not key[2]:
            continue
        joined: list[tuple[list[Report], dict]] = []
        for group in sorted(members, key=lambda c: (-len({r.source for r in c}), c[0].order)):
            mine = _distinct(group)
            target = next((j for j in joined[:MAX_JOIN_TARGETS]
                           if _joinable(list(mine.values()), list(j[1].values()))), None)
            if target is None:
                joined.append((group, mine))
            else:
                target[0].extend(group)
                target[1].update(mine)
                group.clear()
    kept = [sorted(members, key=lambda r: r.order) for members in clusters if members]
    return sorted(kept, key=lambda c: c[0].order)


def _distinct(reports: list[Report]) -> dict:
    """One report per (place, stated time, publication date): all the join tests look at."""
    found: dict = {}
    for report in reports:
        time = report.candidate.time
        found.setdefault((report.place, time.value if time else None, report.published), report)
    return found


def join_same_sentence(clusters: list[list[Report]]) -> list[list[Report]]:
    """Clusters of one family citing the same sentence are one event (one report of one
    happening is never two events), unless their places lie apart or their days differ
    ("X visited Paris and Y visited Rome" stays two)."""
    owner: dict[tuple, int] = {}
    into: dict[int, int] = {}  # cluster number -> the cluster it was joined into

    def live(number: int) -> int:
        while number in into:
            number = into[number]
        return number

    for number, members in enumerate(clusters):
        keys = [(r.family, r.candidate.aspect, r.candidate.citation.source, r.candidate.citation.sentence)
                for r in members]
        found = [live(owner[k]) for k in keys if k in owner]
        target = next((t for t in found if _joinable(members, clusters[t])), None)
        if target is not None:
            clusters[target].extend(members)
            members.clear()
            into[number] = target
        for key in keys:
            owner.setdefault(key, number)
    kept = [sorted(members, key=lambda r: r.order) for members in clusters if members]
    return sorted(kept, key=lambda c: c[0].order)


def _joinable(group: list[Report], into: list[Report]) -> bool:
    """No clearly different places and no conflicting dates, between every pair of reports."""
    return all(not far_apart(a, b) and not times_conflict(a, b) and not other_day(a, b)
               for a in group for b in into)
