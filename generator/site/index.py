"""Lookups over a finished Briefing, built once for the page planners.

A page about one entity, source or event shows the quotes, events, deadlines
and stories that concern it. Filtering the whole corpus once per page makes
planning grow with the square of the corpus; these indexes hold the same
selections, each list in corpus order, so every page asks a dictionary.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from generator.model import Briefing, Deadline, Entity, Event, Quote, Sentence, Source, Story
from generator.site.digests import Digests
from generator.site.event_policy import EventsIndexLayout, event_targets, index_layout
from generator.site.markup import source_labels


@dataclass
class BriefingIndex:
    """Per-entity, per-source, per-story and per-sentence selections of a briefing."""

    entities: dict[str, Entity] = field(default_factory=dict)
    """Entity id -> entity."""
    sources: dict[str, Source] = field(default_factory=dict)
    """Source id -> source (the last of a repeated id, as a dict comprehension keeps)."""
    source_rows: dict[str, list[tuple[int, Source]]] = field(default_factory=dict)
    """Source id -> (position, source) of every source with that id."""
    labels: dict[str, tuple[str, Source]] = field(default_factory=dict)
    """Source id -> (its label, source); see ``markup.source_labels``."""
    stories: dict[str, Story] = field(default_factory=dict)
    """Story id -> story."""
    stories_of_source: dict[str, list[Story]] = field(default_factory=dict)
    """Source id -> the stories the source belongs to."""
    quotes_by_speaker: dict[str | None, list[Quote]] = field(default_factory=dict)
    """Speaker entity id (None: unattributed) -> their quotes, in corpus order."""
    quotes_of_source: dict[str, list[Quote]] = field(default_factory=dict)
    """Source id -> quotes with a citation in that source."""
    quotes_at: dict[tuple[str, int], list[int]] = field(default_factory=dict)
    """(source, sentence) -> positions in ``briefing.quotes`` of the quotes citing it."""
    events_of_entity: dict[str, list[Event]] = field(default_factory=dict)
    """Entity id -> events it takes part in or that happen at the place."""
    events_of_story: dict[str, list[Event]] = field(default_factory=dict)
    """Story id -> its events."""
    deadlines_of_entity: dict[str, list[Deadline]] = field(default_factory=dict)
    """Entity id -> deadlines it set or is bound by."""
    sentences: dict[str, dict[int, Sentence]] = field(default_factory=dict)
    """Source id -> sentence index -> sentence."""
    entities_at: dict[tuple[str, int], set[str]] = field(default_factory=dict)
    """(source, sentence) -> ids of the entities mentioned in it."""
    events_layout: EventsIndexLayout | None = None
    """The Events index's pages and the page holding each event's row (``index_layout``)."""
    event_targets: dict[str, str] = field(default_factory=dict)
    """Event id -> its page, or its row's anchor on the Events index page holding it."""
    co_mentions: dict[str, Counter] = field(default_factory=dict)
    """Entity id -> how many sentences it shares with each other entity (``co_mentions``): the
    entity pages, the people graph and the relationship graph read one count."""
    digests: Digests = field(default_factory=Digests)
    """Digests of the briefing's objects, for the planners' and the render memo's keys."""


def _add(table: dict, keys, value) -> None:
    """Append ``value`` once under each distinct key."""
    for key in dict.fromkeys(keys):
        table.setdefault(key, []).append(value)


@dataclass(frozen=True)
class EntityLookups:
    """The lookups of ``index_briefing`` that read the entities alone (their ids and mentions),
    which a build can work out before the stories, events and deadlines are merged
    (``pipeline._write_frozen``: while the stories are grouped)."""

    entities_at: dict[tuple[str, int], set[str]]
    """``entities_by_sentence``."""
    co_mentions: dict[str, Counter]
    """``co_mentions``."""


def entity_lookups(briefing: Briefing) -> EntityLookups:
    """``EntityLookups`` of the briefing's entities."""
    entities_at = entities_by_sentence(briefing)
    return EntityLookups(entities_at, co_mentions(briefing, entities_at))


def index_briefing(briefing: Briefing, lookups: EntityLookups | None = None) -> BriefingIndex:
    """All lookups of one briefing (read after every corpus-wide stage ran; ``lookups``: its
    ``entity_lookups`` when the caller worked them out already)."""
    layout = index_layout(briefing.events, briefing.stories)
    index = BriefingIndex(entities={e.id: e for e in briefing.entities},
                          sources={s.id: s for s in briefing.sources},
                          stories={s.id: s for s in briefing.stories},
                          events_layout=layout,
                          event_targets=event_targets(briefing.events, briefing.stories, layout))
    labels = source_labels(briefing)
    for position, source in enumerate(briefing.sources):
        index.source_rows.setdefault(source.id, []).append((position, source))
        index.labels[source.id] = (labels[source.id], source)
    for story in briefing.stories:
        _add(index.stories_of_source, story.sources, story)
    for position, quote in enumerate(briefing.quotes):
        _add(index.quotes_by_speaker, [quote.speaker], quote)
        _add(index.quotes_of_source, (c.source for c in quote.citations), quote)
        _add(index.quotes_at, ((c.source, c.sentence) for c in quote.citations), position)
    for event in briefing.events:
        _add(index.events_of_entity, [*event.participants, event.place], event)
        _add(index.events_of_story, [event.story], event)
    for deadline in briefing.deadlines:
        _add(index.deadlines_of_entity, [deadline.setter, *deadline.bound], deadline)
    for source_id, analysis in briefing.analyses.items():
        index.sentences[source_id] = {s.index: s for s in analysis.sentences}
    lookups = lookups or entity_lookups(briefing)
    index.entities_at, index.co_mentions = lookups.entities_at, lookups.co_mentions
    return index


def quotes_at(index: BriefingIndex, briefing: Briefing, sentences: set[tuple[str, int]]) -> list[Quote]:
    """Quotes citing any of the given (source, sentence) pairs, in corpus order."""
    positions = sorted({p for key in sentences for p in index.quotes_at.get(key, ())})
    return [briefing.quotes[p] for p in positions]


def by_count(rows: list[tuple[Entity, int]]) -> list[tuple[Entity, int]]:
    """(entity, count) pairs, highest count first, ties by name then id.

    One order whatever order the corpus lists entities in, so a page changes
    only when its counts do (not when an unrelated article is added or deleted).
    """
    return sorted(rows, key=lambda row: (-row[1], row[0].name, row[0].id))


def entities_by_sentence(briefing: Briefing) -> dict[tuple[str, int], set[str]]:
    """(source id, sentence index) -> ids of the entities mentioned there."""
    by_sentence: dict[tuple[str, int], set[str]] = {}
    for entity in briefing.entities:
        for m in entity.mentions:
            by_sentence.setdefault((m.source, m.sentence), set()).add(entity.id)
    return by_sentence


def co_mentions(briefing: Briefing,
                by_sentence: dict[tuple[str, int], set[str]] | None = None) -> dict[str, Counter]:
    """For each entity id, how many sentences it shares with each other entity (``by_sentence``:
    ``entities_by_sentence(briefing)`` when the caller has it)."""
    by_sentence = entities_by_sentence(briefing) if by_sentence is None else by_sentence
    counts: dict[str, Counter] = {e.id: Counter() for e in briefing.entities}
    for ids in by_sentence.values():
        if len(ids) > 1:  # most sentences name one entity: nothing to count
            for a in ids:
                counts[a].update(sorted(ids - {a}))  # sorted: ties keep one order on every run
    return counts
