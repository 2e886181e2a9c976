"""Recover names the NER model missed: exact re-occurrences of resolved names.

Small NER models miss names in headlines, hyphenated compounds ("Oslo-Bergen
talks") and odd contexts. Once the corpus has resolved a written form to one
entity, every other case-sensitive, whole-word occurrence of that form inside
a kept sentence is the same name. Forms shared by two entities, forms shorter
than ``MIN_FORM_LENGTH`` and forms without a capital letter are not used.
Corpus-wide: one compiled alternation per run, one scan per article.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Container
from dataclasses import replace

from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source

MIN_FORM_LENGTH = 3
RECOVERED_CUE = "recovered"


def name_forms(entities: list[Entity]) -> dict[str, str]:
    """Written form -> entity id, for forms that belong to exactly one entity."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            owners[mention.text].add(entity.id)
    return {form: ids.pop() for form, ids in owners.items()
            if len(ids) == 1 and len(form) >= MIN_FORM_LENGTH and any(c.isupper() for c in form)}


def shouted_forms(forms: dict[str, str]) -> dict[str, str]:
    """Capitals-only spelling -> entity id, for forms whose capitals no other form shares
    ("CHARGERS" for "Chargers"); used in all-capitals sentences only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for form, entity_id in forms.items():
        if form.upper() not in forms:
            owners[form.upper()].add(entity_id)
    return {form: ids.pop() for form, ids in owners.items() if len(ids) == 1}


def _pattern(forms: dict[str, str]) -> re.Pattern[str] | None:
    if not forms:
        return None
    alternation = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternation})(?!\w)")


def _sentence_at(analysis: ArticleAnalysis, start: int, end: int) -> Sentence | None:
    starts = [s.start for s in analysis.sentences]
    i = bisect_right(starts, start) - 1
    if i < 0 or end > analysis.sentences[i].end:
        return None
    return analysis.sentences[i]


def _fits(form: str, shouted: Container[str], sentence: Sentence, text: str) -> bool:
    """A form as the entity was written, or its capitals in an all-capitals sentence."""
    return form not in shouted or not any(c.islower() for c in text[sentence.start:sentence.end])


def missed_mentions(source: Source, analysis: ArticleAnalysis, forms: dict[str, str],
                    pattern: re.Pattern[str], taken: list[tuple[int, int]],
                    shouted: Container[str] = ()) -> list[tuple[str, Mention]]:
    """(entity id, new mention) for each unclaimed occurrence of a known form in one source
    (a ``shouted`` form only where the whole sentence is in capitals)."""
    found = []
    for match in pattern.finditer(source.text):
        start, end = match.span()
        if any(a < end and start < b for a, b in taken):
            continue
        sentence = _sentence_at(analysis, start, end)
        if sentence is None or not _fits(match.group(), shouted, sentence, source.text):
            continue
        mention = Mention(source.id, start, end, match.group(), "", sentence.index, cues=(RECOVERED_CUE,))
        found.append((forms[match.group()], mention))
    return found


def recover_mentions(entities: list[Entity], sources: list[Source],
                     analyses: dict[str, ArticleAnalysis]) -> list[Entity]:
    """Entities with the occurrences NER missed added to their mentions."""
    forms = name_forms(entities)
    shouted = shouted_forms(forms)
    forms |= shouted
    pattern = _pattern(forms)
    if pattern is None:
        return entities
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for entity in entities:
        for m in entity.mentions:
            taken[m.source].append((m.start, m.end))
    added: dict[str, list[Mention]] = defaultdict(list)
    for source in sources:
        if source.id in analyses:
            for entity_id, mention in missed_mentions(source, analyses[source.id], forms, pattern,
                                                      taken[source.id], shouted):
                added[entity_id].append(mention)
    return [replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.id]),
                                             key=lambda m: (m.source, m.start))))
            if added[e.id] else e for e in entities]
