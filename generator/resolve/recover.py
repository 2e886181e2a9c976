"""Recover names the NER model missed: exact re-occurrences of resolved names.

Small NER models miss names in headlines, hyphenated compounds ("Oslo-Bergen
talks") and odd contexts. Once the corpus has resolved a written form to one
entity, every other case-sensitive, whole-word occurrence of that form inside
a kept sentence is the same name. Which forms are looked for, and which are used
with care, is ``recover_forms``; which occurrences in an article count, ``recover_missed``.
This module runs recovery over the corpus: a recovered name that took the place of
shorter mentions in a title line drops them, and an entity left with no mention is
dropped; a family name alone opening a sentence of an article that never names the
person is dropped when the corpus writes that word mostly as a common word.
Corpus-wide: one Aho-Corasick automaton over every form per run, one pass per
article (``FormScanner``), so the cost grows with the text, not with texts x forms.
A rebuild reuses what an article gave when nothing recovery reads of it changed,
and scans the texts the last build saw only for the forms new since (``ScanPlan``;
both kept in ``resolve.memo``).
"""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from generator.model import ArticleAnalysis, Entity, Mention, Source
from generator.resolve.common_words import common_words
from generator.resolve.entities import MENTION_ORDER
from generator.resolve.form_scanner import FormScanner, leftmost_longest
from generator.resolve.memo import Recovered, ResolveMemo, digest
from generator.resolve.recover_forms import (
    Guarded,
    _index_mentions,
    lone_word_forms,
    name_forms,
    running_forms,
    shared_forms,
    shouted_forms,
    surname_forms,
)
from generator.resolve.recover_missed import WIDENED_CUE, missed_mentions
from generator.storage.checked_pickle import paused_collector


class ScanPlan:
    """Which of the forms looked for each text holds whole-word: for a text the previous build
    saw (``memo``), what it held then of the forms still looked for and a scan for the forms
    new since; else a scan for all of them."""

    def __init__(self, looked_for: frozenset[str], memo: ResolveMemo) -> None:
        """Plan the scans for ``looked_for``, recording them in ``memo.fresh``."""
        self.looked_for = looked_for
        self.memo = memo
        self.new = looked_for - memo.kept.scanned
        memo.fresh.scanned = looked_for

    @cached_property
    def _scanner(self) -> FormScanner:
        """The automaton of every form looked for (built on first use)."""
        return FormScanner(self.looked_for)

    @cached_property
    def _new_scanner(self) -> FormScanner:
        """The automaton of the forms the previous build did not look for."""
        return FormScanner(self.new)

    def holds(self, text: str) -> tuple[bytes, frozenset[str], list[tuple[int, int]] | None]:
        """A digest of ``text``, the forms looked for that it holds whole-word and, when it was
        scanned for all of them, their ``FormScanner.hits``."""
        text_key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept = self.memo.kept.holds.get(text_key)
        hits = None
        if kept is None:
            hits = self._scanner.hits(text)
            found = frozenset(text[start:end] for start, end in hits)
        else:
            found = (kept & self.looked_for) | self._new_scanner.whole_words(text)
        self.memo.fresh.holds[text_key] = found
        return text_key, found, hits

    def occurrences(self, text: str, holds: frozenset[str],
                    hits: list[tuple[int, int]] | None) -> Iterator[tuple[int, int]]:
        """``FormScanner.finditer`` of ``text`` for every form looked for, from its ``hits`` when
        known, else by an automaton of the forms it ``holds`` (the others are not in it)."""
        return leftmost_longest(hits) if hits is not None else FormScanner(holds).finditer(text)


@dataclass
class KnownForms:
    """The forms recovery uses and what it knows of each."""

    forms: dict[str, str]
    """Form -> the one entity id it goes to (``Guarded`` forms included)."""
    guarded: Guarded
    """The forms used with care."""
    _facts: dict[str, tuple] = field(default_factory=dict)

    def facts(self, form: str) -> tuple:
        """All ``missed_mentions`` reads of ``form`` in ``forms`` and ``guarded``."""
        found = self._facts.get(form)
        if found is None:
            found = self._facts[form] = (form, self.forms.get(form, ""), form in self.guarded.shouted,
                                         form in self.guarded.surnames,
                                         tuple(sorted(self.guarded.shared.get(form, ()))),
                                         form in self.guarded.lone, form in self.guarded.running)
        return found


def _recovered(source: Source, analysis: ArticleAnalysis, known: KnownForms, plan: ScanPlan,
               taken: list[tuple[int, int]], present: frozenset[str]) -> Recovered:
    """``missed_mentions`` of one article, or its result kept for the same inputs: the text,
    sentences, existing mentions and the facts of the known forms the text holds, all it reads."""
    text_key, holds, hits = plan.holds(source.text)
    spans = tuple((s.start, s.end, s.index, s.is_title) for s in analysis.sentences)
    key = digest((source.id, text_key, spans, sorted(taken), sorted(present),
                  [known.facts(form) for form in sorted(holds)]))
    found = plan.memo.recovered(key)
    if found is None:  # only the forms the text holds can be found in it
        occurrences = plan.occurrences(source.text, holds, hits)
        found = tuple(missed_mentions(source, analysis, known.forms, occurrences, taken, known.guarded,
                                      present))
        plan.memo.keep_recovered(key, found)
    return found


def _without_displaced(entities: list[Entity], added: dict[str, list[Mention]],
                       present: dict[str, set[str]]) -> list[Entity]:
    """``entities`` with the ``added`` mentions, less the mentions an added one overlaps (it took
    their place in a title line, ``_displaces``) and less the entities left with no mention
    (``present``: the ids of the entities each source mentions)."""
    displacing: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for mention in (m for mentions in added.values() for m in mentions if WIDENED_CUE in m.cues):
        displacing[mention.source].append((mention.start, mention.end))
    touched = {entity_id for source in displacing for entity_id in present.get(source, ())}
    kept = []
    for entity in entities:
        if entity.id not in touched and entity.id not in added:
            kept.append(entity)
            continue
        mentions = [m for m in entity.mentions if m.source not in displacing or not any(
            m.start < e and s < m.end for s, e in displacing[m.source])]
        mentions += added.get(entity.id, [])
        if mentions:
            kept.append(replace(entity, mentions=tuple(sorted(mentions, key=MENTION_ORDER))))
    if not touched:
        return kept
    ids = {e.id for e in kept}
    return [e if set(e.ambiguous_with) <= ids and (e.country is None or e.country in ids) else
            replace(e, ambiguous_with=tuple(i for i in e.ambiguous_with if i in ids),
                    country=e.country if e.country in ids else None)
            for e in kept]


def recover_mentions(entities: list[Entity], sources: list[Source], analyses: dict[str, ArticleAnalysis],
                     memo: ResolveMemo | None = None) -> list[Entity]:
    """Entities with the occurrences NER missed added to their mentions (``memo``: what the
    previous build found per article, see ``resolve.memo``)."""
    with paused_collector():  # many new objects and no cycles (see ``entities.resolve``)
        owners, taken, present = _index_mentions(entities)
        forms = name_forms(owners)
        guarded = Guarded(shouted_forms(forms), surname_forms(entities, forms), shared_forms(owners),
                          lone_word_forms(entities), running_forms(entities, analyses))
        forms |= guarded.shouted | guarded.surnames
        if not forms and not guarded.shared:
            return entities
        known = KnownForms(forms, guarded)
        plan = ScanPlan(frozenset(forms) | frozenset(guarded.shared), memo or ResolveMemo())
        added: dict[str, list[Mention]] = defaultdict(list)
        for source in sources:
            if source.id in analyses:
                for entity_id, mention in _recovered(source, analyses[source.id], known, plan,
                                                     taken[source.id], frozenset(present[source.id])):
                    added[entity_id].append(mention)
        added = _without_common_openings(added, entities, sources, analyses, present)
        return _without_displaced(entities, added, present) if added else entities


def _opens_sentence(mention: Mention, analysis: ArticleAnalysis, text: str) -> bool:
    """Whether a mention is the first word of its sentence (quote marks and brackets before it
    aside)."""
    sentence = analysis.sentences[mention.sentence] if mention.sentence < len(analysis.sentences) else None
    return sentence is not None and not re.search(r"\w", text[sentence.start:mention.start])


def _without_common_openings(added: dict[str, list[Mention]], entities: list[Entity],
                             sources: list[Source], analyses: dict[str, ArticleAnalysis],
                             present: dict[str, set[str]]) -> dict[str, list[Mention]]:
    """``added`` less a family name alone (one word of a person known by a longer name) opening a
    sentence of an article that never names the person, when the corpus writes that word mostly
    as a common word ("Major job cuts at ..." is no mention of John Major; ``common_words``). A
    one-word name is no family name: it is the whole name the corpus knows."""
    people = {e.id for e in entities if e.type == "person" and " " in e.name.strip()}
    texts = {s.id: s.text for s in sources}
    doubtful = {(entity_id, m) for entity_id, mentions in added.items() if entity_id in people
                for m in mentions if " " not in m.text and entity_id not in present.get(m.source, ())
                and _opens_sentence(m, analyses[m.source], texts[m.source])}
    if not doubtful:
        return added
    common = common_words({m.text for _, m in doubtful}, texts.values())
    dropped = {(entity_id, m) for entity_id, m in doubtful if m.text in common}
    kept = {entity_id: [m for m in mentions if (entity_id, m) not in dropped]
            for entity_id, mentions in added.items()}
    return {entity_id: mentions for entity_id, mentions in kept.items() if mentions}
