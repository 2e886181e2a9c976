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

import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

import ahocorasick

from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source
from generator.nlp.offsets import OffsetIndex
from generator.resolve.entities import MENTION_ORDER
from generator.resolve.memo import Recovered, ResolveMemo, digest

MAX_SPAN_CHARS = 300
"""Longest existing mention looked back over when testing a new one for overlap."""

MIN_FORM_LENGTH = 3
RECOVERED_CUE = "recovered"


def _index_mentions(entities: list[Entity]) -> tuple[dict[str, set[str]], dict[str, list[tuple[int, int]]],
                                                     dict[str, set[str]]]:
    """In one pass over the mentions: written form -> ids of the entities mentioned under it
    (headline nouns left out), and by source id the spans of its mentions and the ids of the
    entities they belong to."""
    owners: dict[str, set[str]] = defaultdict(set)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    present: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            taken[mention.source].append((mention.start, mention.end))
        for source in {m.source for m in entity.mentions}:
            present[source].add(entity.id)
        for form in {m.text for m in entity.mentions if "noun:person" not in m.cues}:  # "Woman": no name
            owners[form].add(entity.id)
    return owners, taken, present


def _usable(form: str) -> bool:
    """Long enough and with a capital letter."""
    return len(form) >= MIN_FORM_LENGTH and any(c.isupper() for c in form)


def name_forms(owners: dict[str, set[str]]) -> dict[str, str]:
    """Written form -> entity id, for forms that belong to exactly one entity (``owners``:
    see ``_index_mentions``)."""
    return {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1 and _usable(form)}


def shared_forms(owners: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Written forms of several entities ("Navy" of two navies) -> their ids."""
    return {form: frozenset(ids) for form, ids in owners.items() if len(ids) > 1 and _usable(form)}


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

    def whole_words(self, text: str) -> frozenset[str]:
        """The forms written whole-word in ``text`` (whether or not a longer one covers them)."""
        if self._empty:
            return frozenset()
        return frozenset(text[last + 1 - length:last + 1] for last, length in self._automaton.iter(text)
                         if _bounded(text, last + 1 - length, last + 1))


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

    def holds(self, text: str) -> tuple[bytes, frozenset[str]]:
        """A digest of ``text``, and the forms looked for that it holds whole-word."""
        text_key = hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).digest()
        kept = self.memo.kept.holds.get(text_key)
        if kept is None:
            found = self._scanner.whole_words(text)
        else:
            found = (kept & self.looked_for) | self._new_scanner.whole_words(text)
        self.memo.fresh.holds[text_key] = found
        return text_key, found

    def scanner_for(self, holds: frozenset[str]) -> FormScanner:
        """An automaton finding in a text what the whole one finds there, given the forms the
        text ``holds``: the whole one once built, else one of those forms only."""
        return self.__dict__.get("_scanner") or FormScanner(holds)


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
                                         tuple(sorted(self.guarded.shared.get(form, ()))))
        return found


def _recovered(source: Source, analysis: ArticleAnalysis, known: KnownForms, plan: ScanPlan,
               taken: list[tuple[int, int]], present: frozenset[str]) -> Recovered:
    """``missed_mentions`` of one article, or its result kept for the same inputs: the text,
    sentences, existing mentions and the facts of the known forms the text holds, all it reads."""
    text_key, holds = plan.holds(source.text)
    spans = tuple((s.start, s.end, s.index) for s in analysis.sentences)
    key = digest((source.id, text_key, spans, sorted(taken), sorted(present),
                  [known.facts(form) for form in sorted(holds)]))
    found = plan.memo.recovered(key)
    if found is None:  # only the forms the text holds can be found in it
        found = tuple(missed_mentions(source, analysis, known.forms, plan.scanner_for(holds), taken,
                                      known.guarded, present))
        plan.memo.keep_recovered(key, found)
    return found


def recover_mentions(entities: list[Entity], sources: list[Source], analyses: dict[str, ArticleAnalysis],
                     memo: ResolveMemo | None = None) -> list[Entity]:
    """Entities with the occurrences NER missed added to their mentions (``memo``: what the
    previous build found per article, see ``resolve.memo``)."""
    owners, taken, present = _index_mentions(entities)
    forms = name_forms(owners)
    guarded = Guarded(shouted_forms(forms), surname_forms(entities, forms), shared_forms(owners))
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
    return [replace(e, mentions=tuple(sorted(e.mentions + tuple(added[e.id]), key=MENTION_ORDER)))
            if added[e.id] else e for e in entities]
