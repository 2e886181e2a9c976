"""Event merging measured against the gold cross-document ACTION chains of ECB+.

Gold: every ``ACTION_*`` mention of a cross-document chain in a fully annotated
sentence. Each gold story's *main event* is the chain with the most such
mentions across the story's articles.

Ours: each per-article event candidate sits at its trigger word (found in its
cited sentence) and belongs to the merged ``Event`` citing that sentence with
the candidate's kind family. A gold mention is *covered* when a trigger
overlaps it.

Measures (``event_scores``):

* *merge B-cubed*: B-cubed P/R/F1 of our events over the covered gold action
  mentions (all chains, not only main events), gold clusters = chains. It
  judges how we merge what we found, not what we miss;
* *mention coverage*: share of gold action mentions covered;
* *main-event coverage*: per gold story, the share of its articles whose
  main-event mention is covered by the one event holding most of the story's
  main-event articles; averaged over stories (what a reader of the story's
  main event page sees).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from generator.evaluation.ecbplus import Document, GoldMention
from generator.evaluation.measures import b_cubed
from generator.evaluation.run import stem
from generator.events import triggers as lex
from generator.model import Briefing, EventCandidate

Key = tuple[str, int, int]
"""(source id, start, end) of a gold mention."""


@dataclass(frozen=True)
class EventScores:
    """The event-merging figures of one run."""

    merge: tuple[float, float, float]
    """B-cubed P/R/F1 over covered gold action mentions."""
    covered: float
    """Share of gold cross-document action mentions covered by a trigger."""
    main: float
    """Mean over gold stories of the share of articles whose main-event mention is in the main event."""
    stories: int
    """Number of gold stories scored."""


def gold_actions(documents: Iterable[Document]) -> dict[Key, str]:
    """Gold cross-document action mentions in scored sentences -> chain id."""
    return {(stem(d.name), m.start, m.end): m.chain for d in documents for m in d.mentions
            if _is_action(m) and d.in_scored_sentence(m)}


def _is_action(mention: GoldMention) -> bool:
    return mention.tag.startswith("ACTION") and mention.cross_doc


def main_chains(documents: Sequence[Document], gold: dict[Key, str]) -> dict[str, str]:
    """Gold story -> the chain with the most mentions in its articles."""
    story_of = {stem(d.name): d.story for d in documents}
    counts: dict[str, Counter] = defaultdict(Counter)
    for (source, _, _), chain in gold.items():
        counts[story_of[source]][chain] += 1
    return {story: c.most_common(1)[0][0] for story, c in counts.items()}


def trigger_spans(briefing: Briefing) -> Iterator[tuple[Key, EventCandidate]]:
    """Each event candidate with the (source, start, end) of its trigger word."""
    for source, analysis in briefing.analyses.items():
        for candidate in analysis.events:
            cite = candidate.citation
            match = re.search(rf"\b{re.escape(candidate.trigger)}\b", cite.text)
            if match:
                yield (source, cite.start + match.start(), cite.start + match.end()), candidate


def trigger_events(briefing: Briefing) -> dict[Key, str]:
    """Trigger span of each event candidate -> id of the merged event it is in."""
    owner = {}
    for event in briefing.events:
        for c in event.citations:
            owner[(c.source, c.sentence, lex.family(event.kind))] = event.id
    found = {}
    for key, candidate in trigger_spans(briefing):
        event = owner.get((key[0], candidate.citation.sentence, lex.family(candidate.kind)))
        if event:
            found[key] = event
    return found


def same_trigger_baseline(briefing: Briefing) -> dict[Key, str]:
    """Baseline: every trigger with the same word (lower case) in one event, corpus-wide."""
    return {key: candidate.trigger.lower() for key, candidate in trigger_spans(briefing)}


def cover(gold: dict[Key, str], triggers: dict[Key, str]) -> dict[Key, str]:
    """Gold mention -> our event, for gold mentions a trigger overlaps."""
    by_source: dict[str, list[tuple[Key, str]]] = defaultdict(list)
    for key, event in triggers.items():
        by_source[key[0]].append((key, event))
    out = {}
    for key in gold:
        for (_, start, end), event in by_source[key[0]]:
            if start < key[2] and key[1] < end:
                out[key] = event
                break
    return out


def event_scores(documents: Sequence[Document], triggers: dict[Key, str]) -> EventScores:
    """Merge B-cubed, mention coverage and main-event coverage of trigger span -> event id."""
    gold = gold_actions(documents)
    covered = cover(gold, triggers)
    merge = b_cubed({k: gold[k] for k in covered}, covered)
    main = main_chains(documents, gold)
    shares = [_main_share(story, chain, documents, gold, covered) for story, chain in main.items()]
    return EventScores(merge, len(covered) / len(gold) if gold else 0.0,
                       sum(shares) / len(shares) if shares else 0.0, len(shares))


def _main_share(story: str, chain: str, documents: Sequence[Document],
                gold: dict[Key, str], covered: dict[Key, str]) -> float:
    """Share of the story's articles whose main-event mention lies in the event most of them are in."""
    articles = {stem(d.name) for d in documents if d.story == story}
    events_of: dict[str, set[str]] = defaultdict(set)
    for key, event in covered.items():
        if gold[key] == chain and key[0] in articles:
            events_of[key[0]].add(event)
    votes = Counter(e for events in events_of.values() for e in events)
    if not votes:
        return 0.0
    best = votes.most_common(1)[0][0]
    return sum(best in events for events in events_of.values()) / len(articles)

