"""Recover names the NER model missed: exact re-occurrences of resolved names.

Small NER models miss names in headlines, hyphenated compounds ("Oslo-Bergen
talks") and odd contexts. Once the corpus has resolved a written form to one
entity, every other case-sensitive, whole-word occurrence of that form inside
a kept sentence is the same name. Forms shared by two entities, forms shorter
than ``MIN_FORM_LENGTH`` and forms without a capital letter are not used.
The form of an entity known by one word only that the article also writes in lower case
as a common word ("General", "Coach") is not used where it runs into another capitalised
word ("Attorney General John Doe", "Coach Jane Doe"), outside title lines: there it is
part of a longer name (``inside_longer_name``).
Two kinds of forms nobody wrote are used with care: a form in capitals
("ROVERS" for "Rovers") only inside an all-capitals headline, and a
person's family name alone ("Doe" for Jane Doe) only in articles that never
write it in lower case, and not where it runs into another capitalised word ("Doe Industries").
In a title line, where the NER model's spans often stop short ("Jane" of "Jane Doe Quits
Job"), a known name that running text writes, every word capitalised, takes the place of the
shorter mentions inside it; so does a known name of several words in running text, where
the model now and then tags a part only ("Jane" of "Jane Doe", as a place); an entity left
with no mention is dropped.
Corpus-wide: one Aho-Corasick automaton over every form per run, one pass per
article (``FormScanner``), so the cost grows with the text, not with texts x forms.
A rebuild reuses what an article gave when nothing recovery reads of it changed,
and scans the texts the last build saw only for the forms new since (``ScanPlan``;
both kept in ``resolve.memo``).
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property

from generator.knowledge.names import is_honorific, is_title_word
from generator.knowledge.role_words import is_person_role
from generator.model import ArticleAnalysis, Entity, Mention, Sentence, Source
from generator.nlp.offsets import OffsetIndex
from generator.resolve.common_words import common_words
from generator.resolve.entities import MENTION_ORDER
from generator.resolve.form_scanner import FormScanner, leftmost_longest
from generator.resolve.memo import Recovered, ResolveMemo, digest
from generator.storage.checked_pickle import paused_collector

MAX_SPAN_CHARS = 300
"""Longest existing mention looked back over when testing a new one for overlap."""

MIN_FORM_LENGTH = 3
RECOVERED_CUE = "recovered"
WIDENED_CUE = "in place of a shorter mention"
"""Cue of a recovered mention that took the place of the mentions inside it (``_displaces``)."""


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


def lone_word_forms(entities: list[Entity]) -> frozenset[str]:
    """The forms of the entities whose name is one word ("General", "Federal")."""
    return frozenset(m.text for e in entities if " " not in e.name.strip() for m in e.mentions)


def shouted_forms(forms: dict[str, str]) -> dict[str, str]:
    """Capitals-only spelling -> entity id, for forms whose capitals no other form shares
    ("ROVERS" for "Rovers"); used in all-capitals sentences only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for form, entity_id in forms.items():
        if form.upper() not in forms:
            owners[form.upper()].add(entity_id)
    return {form: ids.pop() for form, ids in owners.items() if len(ids) == 1}


@dataclass(frozen=True)
class Guarded:
    """Forms no entity was written as, used only where ``_fits`` allows."""

    shouted: dict[str, str] = field(default_factory=dict)
    """Capitals-only spellings of known forms -> entity id (see ``shouted_forms``)."""
    surnames: dict[str, str] = field(default_factory=dict)
    """Family names of people -> person id (see ``surname_forms``)."""
    shared: dict[str, frozenset[str]] = field(default_factory=dict)
    """Forms of several entities -> their ids; used in an article naming only one of them."""
    lone: frozenset[str] = frozenset()
    """Forms of entities whose name is one word ("General"); not used inside a longer name
    (``inside_longer_name``) in an article that writes them in lower case too."""
    running: frozenset[str] = frozenset()
    """Forms written outside title lines; only they take the place of a shorter mention in a
    title (``_displaces``)."""


def _sentence_at(analysis: ArticleAnalysis, starts: list[int], start: int, end: int) -> Sentence | None:
    """The sentence holding ``[start, end)``; ``starts`` are the sentences' start offsets."""
    i = bisect_right(starts, start) - 1
    if i < 0 or end > analysis.sentences[i].end:
        return None
    return analysis.sentences[i]


def _written_in_lower_case(form: str, text: str) -> bool:
    """Whether ``text`` writes ``form`` in lower case as a whole word ("the general said")."""
    return re.search(rf"(?<!\w){re.escape(form.lower())}(?!\w)", text) is not None


def _fits(form: str, guarded: Guarded, sentence: Sentence, text: str) -> bool:
    """A form as the entity was written; its capitals only in an all-capitals sentence;
    a family name only in an article that never writes it in lower case ("Young")."""
    if form in guarded.shouted:
        return not any(c.islower() for c in text[sentence.start:sentence.end])
    if form in guarded.surnames:
        return not _written_in_lower_case(form, text)
    return True


_WORD_BEFORE = re.compile(r"([\w.'’-]+) $")


def inside_longer_name(text: str, start: int, end: int, sentence_start: int) -> bool:
    """Whether the occurrence ``[start, end)`` runs into another capitalised word: the next
    word, or the word before unless it is a title ("President Doe") or the sentence's first
    word. Then it is part of a longer name, not a mention of the known one: "General" of
    "Attorney General John Doe", "Federal" of "Federal Reserve Board", "Springfield" of
    "Springfield Herald". Title lines, where every word is capitalised, are not asked."""
    if text[end:end + 1] == " " and text[end + 1:end + 2].isupper():
        return True
    before = _WORD_BEFORE.search(text, max(sentence_start, start - 40), start)
    if before is None or not before.group(1)[:1].isupper() or before.start(1) <= sentence_start:
        return False
    return not (is_title_word(before.group(1)) or is_honorific(before.group(1)))


def _part_of_longer_name(form: str, guarded: Guarded, sentence: Sentence, text: str,
                         start: int, end: int) -> bool:
    """Whether an occurrence outside a title line is part of a longer name
    (``inside_longer_name``) and its form one used with care there: a family name alone
    ("Doe" of "Doe Industries"), a one-word name the article also writes in lower case
    ("General" of "Attorney General Jane Roe"), or a word for a person's role ("Surgeon" of
    "Surgeon General", when a careless tag made it someone's name)."""
    careful = (form in guarded.surnames or (form in guarded.lone and _written_in_lower_case(form, text))
               or (" " not in form and is_person_role(form.lower())))
    return careful and not sentence.is_title and inside_longer_name(text, start, end, sentence.start)


def missed_mentions(source: Source, analysis: ArticleAnalysis, forms: dict[str, str],
                    occurrences: Iterable[tuple[int, int]], taken: list[tuple[int, int]],
                    guarded: Guarded | None = None,
                    present: frozenset[str] = frozenset()) -> list[tuple[str, Mention]]:
    """(entity id, new mention) for each unclaimed occurrence of a known form in one source
    (``occurrences``: ``FormScanner.finditer`` of its text; forms in ``guarded`` only where
    ``_fits`` allows; a shared form goes to the only one of its entities ``present`` in the
    source). In a title line, or when the form has several words, an occurrence may take the
    place of the shorter mentions inside it (``_displaces``)."""
    guarded = guarded or Guarded()
    found = []
    claimed = OffsetIndex(taken, MAX_SPAN_CHARS)
    starts = [s.start for s in analysis.sentences]
    for start, end in occurrences:
        form = source.text[start:end]
        sentence = _sentence_at(analysis, starts, start, end)
        if sentence is None or not _fits(form, guarded, sentence, source.text):
            continue
        overlapped = [taken[i] for i in claimed.overlapping(start, end)]
        widening = sentence.is_title or " " in form
        if overlapped and not (widening and _displaces(form, start, end, overlapped, guarded)):
            continue
        if _part_of_longer_name(form, guarded, sentence, source.text, start, end):
            continue
        owners = guarded.shared.get(form, frozenset()) & present
        entity_id = forms.get(form) or (min(owners) if len(owners) == 1 else None)
        if entity_id is not None:
            cues = (RECOVERED_CUE, WIDENED_CUE) if overlapped else (RECOVERED_CUE,)
            mention = Mention(source.id, start, end, form, "", sentence.index, cues=cues)
            found.append((entity_id, mention))
    return found


def _displaces(form: str, start: int, end: int, overlapped: list[tuple[int, int]],
               guarded: Guarded) -> bool:
    """Whether a known name at ``[start, end)`` (of a title line, or of several words)
    replaces the mentions it overlaps there: each lies inside it ("Jane" of "Jane Doe Quits
    Job"), and running text writes it so, every word capitalised (``Guarded.running``; a form
    of headlines only, "Doe Quits", or a careless tag, "Doe in", is no better reading).
    Headlines capitalise every word, and the NER model's spans there often stop short."""
    return (form in guarded.running and all(not word[:1].islower() for word in form.split())
            and all(start <= s and e <= end and (s, e) != (start, end) for s, e in overlapped))


def running_forms(entities: list[Entity], analyses: dict[str, ArticleAnalysis]) -> frozenset[str]:
    """The words of the mentions outside title lines (an article's title lines come first)."""
    titles = {source: _leading_titles(analysis) for source, analysis in analyses.items()}
    most = max(titles.values(), default=0)  # a mention of a later sentence is in none: not looked up
    return frozenset(m.text for e in entities for m in e.mentions
                     if m.sentence >= most or m.sentence >= titles.get(m.source, 0))


def _leading_titles(analysis: ArticleAnalysis) -> int:
    """How many of the article's first sentences are title lines."""
    count = 0
    while count < len(analysis.sentences) and analysis.sentences[count].is_title:
        count += 1
    return count


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
