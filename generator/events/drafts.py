"""The event of each cluster of reports: a ``Draft`` per cluster (title, kind, place,
participants, date, status, citations), then ids made unique over the corpus.

A draft reads nothing but its cluster's reports and the names of their entities, so the
event merge may draft a story's events before the stories are numbered (``merge.work_ahead``);
``drafted_events`` gives each its id (a slug of its title, suffixed when taken, a repeated
title told apart by its first stated time) and its story.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from generator.events import triggers as lex
from generator.events.agreement import contains
from generator.events.reports import Report
from generator.knowledge.names import slugify
from generator.model import Entity, Event, TimeExpression
from generator.temporal.calendar import value_range


@dataclass(frozen=True)
class Draft:
    """What the event of one cluster is, but for its id and its story."""

    title: str
    """Its title when no other event has it."""
    slug: str
    """``slugify`` of the title."""
    distinguished: str
    """Its title when another event has it too (``_distinguished``)."""
    distinguished_slug: str
    """``slugify`` of that title."""
    fields: dict[str, Any]
    """The rest of the ``Event``'s fields by name."""


@dataclass(frozen=True)
class EntityNames:
    """What a draft reads of the resolved entities: their names and which are places."""

    names: dict[str, str]
    """Entity id -> name."""
    places: frozenset[str] = frozenset()
    """Ids of the entities that are places."""
    organisations: frozenset[str] = frozenset()
    """Ids of the entities that are organisations."""

    @classmethod
    def of(cls, entities: Iterable[Entity]) -> EntityNames:
        """The names, places and organisations of ``entities``."""
        entities = list(entities)
        return cls({e.id: e.name for e in entities}, frozenset(e.id for e in entities if e.type == "place"),
                   frozenset(e.id for e in entities if e.type == "organization"))


def draft(members: list[Report], known: EntityNames) -> Draft:
    """The draft of a cluster's event (``known``: the entities' names and places). With no
    place reported as the event's, a place among its participants is its place ("rehab in a
    New York facility"): the title reads "Visit to New York", not "Visit by New York"."""
    ranked = _ranked(p for r in members for p in r.participants)
    place = _main_place(members) or next((p for p in ranked if p in known.places), None)
    participants = tuple(p for p in ranked if p != place)
    kind = _most_common(r.candidate.kind for r in members)
    named = tuple(p for p in participants if p not in known.organisations) if kind in PEOPLE_BEFALLEN \
        else participants
    title = _title(members, kind, place, named, known.names)
    cites = {(r.source, r.candidate.citation.sentence): r.candidate.citation for r in members}
    times = {(t.text, t.value): t for r in members if (t := r.candidate.time) is not None}
    distinguished = _distinguished(title, members)
    return Draft(title, slugify(title), distinguished, slugify(distinguished), {
        "kind": kind,
        "participants": participants,
        "place": place,
        "date": resolved_date(list(times.values())),
        "citations": tuple(cites.values()),
        "stated_times": tuple(times.values()),
        "described": _ranked(d for r in members for d in r.described),
        "status": status(members),
        "reported_times": tuple((t, r.candidate.citation) for r in members if (t := r.candidate.time)),
    })


PEOPLE_BEFALLEN = frozenset({"arrest", "killing", "death", "injury", "sentencing", "escape"})
"""Kinds whose title names the one it befalls ("Arrest of X"): never an organisation, which
takes part in them as the one acting ("the FBI arrested him"), so the title names the person
or the place, or the kind alone."""


def drafted_events(drafted: list[tuple[list[Report], Draft]], story_of: Mapping[str, str]) -> list[Event]:
    """The events of the clusters' drafts, with unique ids, in ``_event_order``."""
    repeated = Counter(d.title for _, d in drafted)
    events, used = [], Counter[str]()
    for members, d in drafted:
        title, slug = (d.title, d.slug) if repeated[d.title] == 1 else (d.distinguished, d.distinguished_slug)
        slug = slug or "event"
        used[slug] += 1
        event_id = slug if used[slug] == 1 else f"{slug}-{used[slug]}"
        events.append(Event(id=event_id, title=title, story=story_of.get(members[0].source, ""), **d.fields))
    return sorted(events, key=_event_order)


def status(members: list[Report]) -> str:
    """"expected, then confirmed" when the first report expects it and a later one confirms it;
    else "confirmed" if any report does, "expected" if one expects it, "" if none tells."""
    told = sorted((r for r in members if r.candidate.status),
                  key=lambda r: (r.published or dt.date.min, r.order))
    kinds = [r.candidate.status for r in told]
    if "confirmed" in kinds and "expected" in kinds and kinds[0] == "expected":
        return "expected, then confirmed"
    return "confirmed" if "confirmed" in kinds else (kinds[0] if kinds else "")


def _ranked(ids) -> tuple[str, ...]:
    """Most reported first; ties by id, so the order never depends on set iteration."""
    counts = _counts(ids)
    return tuple(sorted(counts, key=lambda i: (-counts[i], i)))


def _counts(values: Iterable[str]) -> dict[str, int]:
    """How often each value occurs, in order of first occurrence (``Counter`` without its
    overhead, which showed on the thousands of one-report events of a large corpus)."""
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _most_common(values: Iterable[str]) -> str:
    """The most frequent value, the first seen among equals (as ``Counter.most_common``)."""
    counts = _counts(values)
    return max(counts, key=counts.__getitem__)


def _main_place(members: list[Report]) -> str | None:
    """The most reported place; among equals, the one inside the other."""
    placed = [r for r in members if r.place]
    if not placed:
        return None
    counts = _counts(r.place for r in placed)
    geo = {r.place: r.geo for r in placed}
    return max(counts, key=lambda p: (counts[p], any(contains(geo[o], geo[p]) for o in counts)))


def resolved_date(times: list[TimeExpression]) -> TimeExpression | None:
    """The most reported time that names a calendar day or period, else None."""
    resolved = [t for t in times if value_range(t.value)]
    if not resolved:
        return None
    best = _most_common(t.value for t in resolved)
    return next(t for t in resolved if t.value == best)


def _title(members: list[Report], kind: str, place: str | None, participants: tuple[str, ...],
           names: dict[str, str]) -> str:
    """The title of a cluster whose most reported kind is ``kind``, main place ``place`` and
    other participants ``participants``, most reported first."""
    word, at, by = lex.KIND_LABELS.get(kind, (kind.title(), "in", "by"))
    if members[0].candidate.aspect == "earlier":
        word = f"Earlier {word.lower()}"
    if place:
        return f"{word} {at} {names.get(place, place)}"
    people = [names.get(p, p) for p in participants]
    if lex.family(kind) == "meeting" and len(people) > 1:
        return f"{word} of {people[0]} and {people[1]}"
    return f"{word} {by} {people[0]}" if people else word


def _distinguished(title: str, members: list[Report]) -> str:
    """A repeated title with its first stated time: the day it resolves to ("Visit to X,
    12 March 2031"), else the words ("Visit to X, last spring"). A relative word ("today",
    "Tuesday") tells nothing away from its article."""
    times = [r.candidate.time for r in members if r.candidate.time]
    return f"{title}, {_day_or_words(times[0])}" if times else title


def _day_or_words(time: TimeExpression) -> str:
    """The calendar day a stated time resolves to, in words ("12 March 2031"), else its text."""
    span = value_range(time.value)
    if span is None or span[0] != span[1]:
        return time.text
    return f"{span[0].day} {span[0]:%B %Y}"


def _event_order(event: Event) -> tuple:
    day = value_range(event.date.value)[0] if event.date else dt.date.max
    first = event.citations[0]
    return (day, first.source, first.sentence)
