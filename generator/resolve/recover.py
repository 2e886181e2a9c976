"""Recover names the NER model missed: exact re-occurrences of resolved names.

Small NER models miss names in headlines, hyphenated compounds ("Oslo-Bergen
talks") and odd contexts. Once the corpus has resolved a written form to one
entity, every other case-sensitive, whole-word occurrence of that form inside
a kept sentence is the same name. Forms shared by two entities, forms shorter
than ``MIN_FORM_LENGTH`` and forms without a capital letter are not used.
Two kinds of forms nobody wrote are used with care: a form in capitals
("ROVERS" for "Rovers") only inside an all-capitals headline, and a
person's family name alone ("Doe" for Jane Doe) only in articles that never
write it in lower case.
Corpus-wide: one Aho-Corasick automaton over every form per run, one pass per
article (``FormScanner``), so the cost grows with the text, not with texts x forms.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace

import ahocorasick

from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source
from generator.nlp.offsets import OffsetIndex

MAX_SPAN_CHARS = 300
"""Longest existing mention looked back over when testing a new one for overlap."""

MIN_FORM_LENGTH = 3
RECOVERED_CUE = "recovered"


def _form_owners(entities: list[Entity]) -> dict[str, set[str]]:
    """Written form -> ids of the entities mentioned under it (headline nouns left out)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            if "noun:person" not in mention.cues:  # a headline's "Woman" is no name to look for
                owners[mention.text].add(entity.id)
    return owners


def name_forms(entities: list[Entity]) -> dict[str, str]:
    """Written form -> entity id, for forms that belong to exactly one entity."""
    return {form: ids.pop() for form, ids in _form_owners(entities).items()
            if len(ids) == 1 and len(form) >= MIN_FORM_LENGTH and any(c.isupper() for c in form)}


def shared_forms(entities: list[Entity]) -> dict[str, frozenset[str]]:
    """Written forms of several entities ("Navy" of two navies) -> their ids."""
    return {form: frozenset(ids) for form, ids in _form_owners(entities).items()
            if len(ids) > 1 and len(form) >= MIN_FORM_LENGTH and any(c.isupper() for c in form)}


def surname_forms(entities: list[Entity], forms: dict[str, str]) -> dict[str, str]:
    """Family name -> person id, for people whose family name no other entity is known by
    ("Doe" for Jane Doe when NER only tagged the full name)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        words = entity.name.split()
        if entity.type == "person" and len(words) > 1 and words[-1].isalpha() and words[-1].istitle():
            owners[words[-1]].add(entity.id)
    return {form: ids.pop() for form, ids in owners.items()
            if len(ids) == 1 and len(form) >= MIN_FORM_LENGTH and form not in forms}


def shouted_forms(forms: dict[str, str]) -> dict[str, str]:
    """Capitals-only spelling -> entity id, for forms whose capitals no other form shares
    ("ROVERS" for "Rovers"); used in all-capitals sentences only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for form, entity_id in forms.items():
        if form.upper() not in forms:
            owners[form.upper()].add(entity_id)
    return {form: ids.pop() for form, ids in owners.items() if len(ids) == 1}


def _is_word(char: str) -> bool:
    """True for a character regular expressions count as ``\\w``."""
    return char.isalnum() or char == "_"


def _bounded(text: str, start: int, end: int) -> bool:
    """True when ``text[start:end]`` neither starts nor ends inside a word."""
    return (start == 0 or not _is_word(text[start - 1])) and (end == len(text) or not _is_word(text[end]))


class FormScanner:
    """Every whole-word occurrence of a set of forms in one pass over a text.

    Finds what ``(?<!\\w)(?:form|form|...)(?!\\w)`` with the forms longest first finds
    with ``finditer``: scanning left to right, at each position the longest form that
    starts and ends at a word boundary, then on after its end (no overlaps).
    """

    def __init__(self, forms: Iterable[str]) -> None:
        """Build the automaton over ``forms`` (non-empty strings)."""
        self._automaton = ahocorasick.Automaton()
        for form in forms:
            self._automaton.add_word(form, len(form))
        self._empty = len(self._automaton) == 0
        if not self._empty:
            self._automaton.make_automaton()

    def finditer(self, text: str) -> Iterator[tuple[int, int]]:
        """``(start, end)`` of each occurrence, left to right."""
        if self._empty:
            return
        longest: dict[int, int] = {}
        for last, length in self._automaton.iter(text):
            start, end = last + 1 - length, last + 1
            if _bounded(text, start, end):
                longest[start] = max(end, longest.get(start, end))
        position = 0
        for start in sorted(longest):
            if start >= position:
                position = longest[start]
                yield start, position


@dataclass(frozen=True)
class Guarded:
    """Forms no entity was written as, used only where ``_fits`` allows."""

    shouted: dict[str, str] = field(default_factory=dict)
    """Capitals-only spellings of known forms -> entity id (see ``shouted_forms``)."""
    surnames: dict[str, str] = field(default_factory=dict)
    """Family names of people -> person id (see ``surname_forms``)."""
    shared: dict[str, frozenset[str]] = field(default_factory=dict)
    """Forms of several entities -> their ids; used in an article naming only one of them."""


def _sentence_at(analysis: ArticleAnalysis, starts: list[int], start: int, end: int) -> Sentence | None:
    """The sentence holding ``[start, end)``; ``starts`` are the sentences' start offsets."""
    i = bisect_right(starts, start) - 1
    if i < 0 or end > analysis.sentences[i].end:
        return None
    return analysis.sentences[i]


def _fits(form: str, guarded: Guarded, sentence: Sentence, text: str) -> bool:
    """A form as the entity was written; its capitals only in an all-capitals sentence;
    a family name only in an article that never writes it in lower case ("Young")."""
    if form in guarded.shouted:
        return not any(c.islower() for c in text[sentence.start:sentence.end])
    if form in guarded.surnames:
        return re.search(rf"(?<!\w){re.escape(form.lower())}(?!\w)", text) is None
    return True


def missed_mentions(source: Source, analysis: ArticleAnalysis, forms: dict[str, str],
                    scanner: FormScanner, taken: list[tuple[int, int]],
                    guarded: Guarded | None = None,
                    present: frozenset[str] = frozenset()) -> list[tuple[str, Mention]]:
    """(entity id, new mention) for each unclaimed occurrence of a known form in one source
    (forms in ``guarded`` only where ``_fits`` allows; a shared form goes to the only one of
    its entities ``present`` in the source)."""
    guarded = guarded or Guarded()
    found = []
    claimed = OffsetIndex(taken, MAX_SPAN_CHARS)
    starts = [s.start for s in analysis.sentences]
    for start, end in scanner.finditer(source.text):
        form = source.text[start:end]
        if claimed.overlapping(start, end):
            continue
        sentence = _sentence_at(analysis, starts, start, end)
        if sentence is None or not _fits(form, guarded, sentence, source.text):
            continue
        owners = guarded.shared.get(form, frozenset()) & present
        entity_id = forms.get(form) or (min(owners) if len(owners) == 1 else None)
        if entity_id is not None:
            mention = Mention(source.id, start, end, form, "", sentence.index, cues=(RECOVERED_CUE,))
            found.append((entity_id, mention))
    return found


def recover_mentions(entities: list[Entity], sources: list[Source],
                     analyses: dict[str, ArticleAnalysis]) -> list[Entity]:
    """Entities with the occurrences NER missed added to their mentions."""
    forms = name_forms(entities)
    guarded = Guarded(shouted_forms(forms), surname_forms(entities, forms), shared_forms(entities))
    forms |= guarded.shouted | guarded.surnames
    if not forms and not guarded.shared:
        return entities
    scanner = FormScanner(forms | dict.fromkeys(guarded.shared, ""))
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    present: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for m in entity.mentions:
            taken[m.source].append((m.start, m.end))
            present[m.source].add(entity.id)
    added: dict[str, list[Mention]] = defaultdict(list)
    for source in sources:
        if source.id in analyses:
            for entity_id, mention in missed_mentions(source, analyses[source.id], forms, scanner,
                                                      taken[source.id], guarded,
                                                      frozenset(present[source.id])):
                added[entity_id].append(mention)
    return [replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.id]),
                                             key=lambda m: (m.source, m.start))))
            if added[e.id] else e for e in entities]
