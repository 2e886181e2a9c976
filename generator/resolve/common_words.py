"""Capitalised words that a corpus mostly writes as common words ("Major" of "Major job cuts").

A person's family name alone can be a common word ("Major", "Young", "Rice"). At a sentence
start, where every word is capitalised, such a word in an article that never names the person
is far more likely the common word than the person. What decides is how the corpus itself
writes the word, an estimate of how common it is in lower-case usage (the small spaCy model
ships no word probabilities): a word written in lower case more often than capitalised inside a
sentence, where only names are capitalised, is a common word. One pass of one automaton over
the texts, for the few words asked about.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from generator.knowledge.names import is_honorific, is_title_word
from generator.resolve.form_scanner import FormScanner

_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;\"“”'‘’(\[\n_-])\W*$")
"""What stands before a word that opens a sentence, a line or a quotation (capitalised anyway)."""
LOOK_BACK = 12
"""Characters before an occurrence read to tell whether it opens a sentence."""
_WORD_BEFORE = re.compile(r"([\w.]+)\s+$")


def common_words(words: Iterable[str], texts: Iterable[str]) -> frozenset[str]:
    """Of capitalised ``words``, those ``texts`` write in lower case ("major") more often than
    capitalised inside a sentence ("John Major", "the Major said")."""
    asked = {word for word in words if word[:1].isupper()}
    if not asked:
        return frozenset()
    scanner = FormScanner(asked | {word.lower() for word in asked})
    lower: Counter[str] = Counter()
    named: Counter[str] = Counter()
    for text in texts:
        for start, end in scanner.hits(text):
            form = text[start:end]
            if form.islower():
                lower[form] += 1
            elif not _opens_sentence(text, start):
                named[form] += 1
    return frozenset(word for word in asked if lower[word.lower()] > named[word])


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence, a line or a quotation; not one after a
    title ("Mr. Major", "Gen. Major")."""
    if not _SENTENCE_OPENING.search(text, max(0, start - LOOK_BACK), start):
        return False
    before = _WORD_BEFORE.search(text, max(0, start - LOOK_BACK), start)
    return before is None or not (is_title_word(before.group(1)) or is_honorific(before.group(1)))
