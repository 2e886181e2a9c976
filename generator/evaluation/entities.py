"""Entity measures over ECB+-style gold: named-mention B-cubed and person typing precision.

Gold named mentions (``GoldMention.is_named`` in a fully annotated sentence)
are clustered by their gold chain. Our clusters are the Briefing's entities:
each of our mentions is aligned to a gold span (``measures.align_spans``), and
a gold mention no entity covers is a singleton. Two baselines cluster the gold
mention strings themselves: "same lowercased string" and "same last word".

Person typing precision: of our person entities covering at least one gold
named mention, the share whose covered gold mentions are mostly
``HUMAN_PART_PER``. Person typing recall: of our entities (of any type) whose
covered gold mentions are mostly ``HUMAN_PART_PER``, the share typed person.

Nothing here reads files or runs the pipeline; ``scripts/evaluate.py ecbplus``
is the glue.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from generator.evaluation.measures import Span, align_spans, b_cubed, head_word
from generator.model import Briefing

PERSON_TAG = "HUMAN_PART_PER"


class _Gold(Protocol):
    """What the measures need of a gold mention (``ecbplus.GoldMention`` fits)."""

    start: int
    end: int
    text: str
    tag: str
    chain: str

    @property
    def is_named(self) -> bool: ...


class _Document(Protocol):
    """What the measures need of a gold document (``ecbplus.Document`` fits)."""

    name: str
    mentions: list

    def in_scored_sentence(self, mention) -> bool: ...


@dataclass(frozen=True)
class GoldNamed:
    """Gold named mentions keyed by span: their chain and their markable tag."""

    chains: dict[Span, str]
    """Span -> gold chain id."""
    tags: dict[Span, str]
    """Span -> ECB+ markable tag (``HUMAN_PART_PER`` ...)."""


@dataclass(frozen=True)
class EntityScores:
    """The named-entity measures of one corpus (or one topic)."""

    ours: tuple[float, float, float]
    """B-cubed (P, R, F1) with our entities as clusters."""
    same_string: tuple[float, float, float]
    """B-cubed of the "same lowercased string" baseline."""
    last_word: tuple[float, float, float]
    """B-cubed of the "same last word" baseline."""
    covered: int
    """Gold named mentions one of our mentions is aligned to."""
    gold: int
    """Gold named mentions scored."""
    persons_right: int
    """Our person entities covering gold mentions that are mostly gold persons."""
    persons: int
    """Our person entities covering at least one gold named mention."""
    gold_persons_typed: int = 0
    """Our entities covering mostly gold person mentions that are typed person."""
    gold_persons: int = 0
    """Our entities covering mostly gold person mentions (of any type)."""

    @property
    def coverage(self) -> float:
        """Share of gold named mentions some entity covers."""
        return self.covered / self.gold if self.gold else 0.0

    @property
    def person_precision(self) -> float:
        """Share of our covering person entities that are gold people."""
        return self.persons_right / self.persons if self.persons else 0.0

    @property
    def person_recall(self) -> float:
        """Share of our entities covering mostly gold people that are typed person."""
        return self.gold_persons_typed / self.gold_persons if self.gold_persons else 0.0


def gold_named(documents: Iterable[_Document], source_id=lambda name: name.rsplit(".", 1)[0]) -> GoldNamed:
    """Gold named mentions in scored sentences; ``source_id`` maps a document name to our source id."""
    chains: dict[Span, str] = {}
    tags: dict[Span, str] = {}
    for document in documents:
        source = source_id(document.name)
        for mention in document.mentions:
            if mention.is_named and document.in_scored_sentence(mention):
                span = Span(source, mention.start, mention.end, mention.text)
                chains[span] = mention.chain
                tags[span] = mention.tag
    return GoldNamed(chains, tags)


def our_mentions(briefing: Briefing) -> dict[Span, str]:
    """Every mention of every entity -> the entity id."""
    return {Span(m.source, m.start, m.end, m.text): e.id for e in briefing.entities for m in e.mentions}


_NAME_TAIL = re.compile(r"(?:['’]s?|,\s*\d+|(?:,\s*(?:[A-Z]\.?\s?){2,4})+)$")


def name_part(text: str) -> str:
    """A gold mention's text without a possessive, an age or letters after the name
    ("Doe's", "Jane Doe, 61", "Jane Doe, MD" -> the name), for head-word alignment."""
    return _NAME_TAIL.sub("", text).rstrip(" ,.") or text


def covering_entities(gold: GoldNamed, ours: Mapping[Span, str]) -> dict[Span, str]:
    """Gold span -> the entity whose mention is aligned to it (only covered gold spans)."""
    by_source: dict[str, dict[Span, Span]] = defaultdict(dict)
    for span in gold.chains:
        by_source[span.source][span._replace(text=name_part(span.text))] = span
    mine: dict[str, list[Span]] = defaultdict(list)
    for span in ours:
        mine[span.source].append(span)
    covered: dict[Span, str] = {}
    for source, spans in by_source.items():  # per source: alignment stays near linear
        for predicted, target in align_spans(list(spans), mine.get(source, [])).items():
            covered[spans[target]] = ours[predicted]
    return covered


def same_string_baseline(gold: GoldNamed) -> dict[Span, str]:
    """Gold mentions clustered by their lowercased text."""
    return {span: span.text.lower() for span in gold.chains}


def last_word_baseline(gold: GoldNamed) -> dict[Span, str]:
    """Gold mentions clustered by their last word (lower case)."""
    return {span: head_word(span.text) for span in gold.chains}


def _gold_person_votes(gold: GoldNamed, covered: Mapping[Span, str]) -> dict[str, Counter]:
    """Entity id -> how many of the gold mentions it covers are gold people (True) or not (False)."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for span, entity in covered.items():
        votes[entity][gold.tags[span] == PERSON_TAG] += 1
    return votes


def person_typing(gold: GoldNamed, covered: Mapping[Span, str], briefing: Briefing) -> tuple[int, int]:
    """(right, total) over our person entities covering gold mentions: right when most
    of the gold mentions they cover are gold people."""
    persons = {e.id for e in briefing.entities if e.type == "person"}
    ours = [counts for entity, counts in _gold_person_votes(gold, covered).items() if entity in persons]
    return sum(counts[True] > counts[False] for counts in ours), len(ours)


def person_typing_recall(gold: GoldNamed, covered: Mapping[Span, str], briefing: Briefing) -> tuple[int, int]:
    """(typed person, total) over our entities, of any type, covering gold mentions that are
    mostly gold people."""
    persons = {e.id for e in briefing.entities if e.type == "person"}
    people = [entity for entity, counts in _gold_person_votes(gold, covered).items()
              if counts[True] > counts[False]]
    return sum(entity in persons for entity in people), len(people)


def entity_scores(gold: GoldNamed, briefing: Briefing) -> EntityScores:
    """Named B-cubed (ours and both baselines), coverage and person typing precision and recall."""
    covered = covering_entities(gold, our_mentions(briefing))
    ours = {span: covered.get(span, f"singleton:{span}") for span in gold.chains}
    right, persons = person_typing(gold, covered, briefing)
    typed, gold_persons = person_typing_recall(gold, covered, briefing)
    return EntityScores(
        ours=b_cubed(gold.chains, ours),
        same_string=b_cubed(gold.chains, same_string_baseline(gold)),
        last_word=b_cubed(gold.chains, last_word_baseline(gold)),
        covered=len(covered),
        gold=len(gold.chains),
        persons_right=right,
        persons=persons,
        gold_persons_typed=typed,
        gold_persons=gold_persons,
    )


def merge_gold(parts: Iterable[GoldNamed]) -> GoldNamed:
    """One GoldNamed of several (topics scored together; chains are topic-unique)."""
    chains: dict[Span, str] = {}
    tags: dict[Span, str] = {}
    for part in parts:
        chains.update(part.chains)
        tags.update(part.tags)
    return GoldNamed(chains, tags)


def entity_errors(gold: GoldNamed, briefing: Briefing) -> list[str]:
    """Readable error lines: gold chains split over entities, entities mixing chains, misses."""
    covered = covering_entities(gold, our_mentions(briefing))
    by_chain: dict[str, Counter] = defaultdict(Counter)
    by_entity: dict[str, Counter] = defaultdict(Counter)
    for span, chain in gold.chains.items():
        entity = covered.get(span, "(missed)")
        by_chain[chain][f"{entity}"] += 1
        by_entity[entity][f"{chain}:{span.text}"] += 1
    lines = [f"split {chain}: {dict(parts)}" for chain, parts in sorted(by_chain.items())
             if len([p for p in parts if p != "(missed)"]) > 1]
    lines += [f"mixed {entity}: {dict(parts)}" for entity, parts in sorted(by_entity.items())
              if entity != "(missed)" and len({k.rsplit(':', 1)[0] for k in parts}) > 1]
    missed = sorted(f"{s.source}:{s.text}" for s in gold.chains if s not in covered)
    lines.append(f"missed ({len(missed)}): " + ", ".join(missed))
    return lines
