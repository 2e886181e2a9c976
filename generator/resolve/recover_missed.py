"""Which occurrences of the known forms in one article are mentions the NER model missed (part
of the resolve stage, see ``recover``).

An unclaimed, case-sensitive, whole-word occurrence of a known form inside a kept sentence
is a mention of the form's entity (``missed_mentions``). The ``Guarded`` forms are used with
care: a form in capitals ("ROVERS" for "Rovers") only inside an all-capitals headline, and a
person's family name alone ("Doe" for Jane Doe) only in articles that never write it in
lower case, and not where it runs into another capitalised word ("Doe Industries").
The form of an entity known by one word only that the article also writes in lower case
as a common word ("General", "Coach") is not used where it runs into another capitalised
word ("Attorney General John Doe", "Coach Jane Doe"), outside title lines: there it is
part of a longer name (``inside_longer_name``).
In a title line, where the NER model's spans often stop short ("Jane" of "Jane Doe Quits
Job"), a known name that running text writes, every word capitalised, takes the place of the
shorter mentions inside it; so does a known name of several words in running text, where
the model now and then tags a part only ("Jane" of "Jane Doe", as a place) (``_displaces``).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from generator.knowledge.names import is_honorific, is_title_word
from generator.knowledge.role_words import is_person_role
from generator.model import ArticleAnalysis, Mention, Sentence, Source
from generator.nlp.offsets import OffsetIndex
from generator.resolve.recover_forms import Guarded

MAX_SPAN_CHARS = 300
"""Longest existing mention looked back over when testing a new one for overlap."""

RECOVERED_CUE = "recovered"
WIDENED_CUE = "in place of a shorter mention"
"""Cue of a recovered mention that took the place of the mentions inside it (``_displaces``)."""


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
