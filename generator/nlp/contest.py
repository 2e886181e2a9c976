"""A place name standing for its sports team, read from the sentence (part of the nlp stage).

News names teams by their city ("a 31-24 win over Springfield", "Riverton
beat Springfield"). A place mention is read as a team when the sentence makes
it a side of a contest: a score or a win-loss record follows it ("Springfield
31-24", "Riverton (7-2)"), it is the object of "over", "against" or "to" after
a word of a contest's result ("win over", "loss to", "game against"), it is
the subject or object of a verb of beating ("beat", "defeat", "overcome"), or
the subject of "win" or "lose". The words are generic English; resolution
then gives such a mention to the team the corpus names after that place.
"""

from __future__ import annotations

import re

CONTEST_NOUNS = frozenset(
    "win victory loss defeat game match matchup contest rout upset triumph clash".split())
"""Nouns (and verbs, as lemmas) of a contest or its result that take the other side after
one of ``CONTEST_PREPOSITIONS``."""

CONTEST_VERBS = frozenset(
    "beat defeat overcome edge rout trounce thrash outscore outlast upset blank down top".split())
"""Lemmas of verbs of beating another side: their subject and object are sides."""

RESULT_VERBS = frozenset({"win", "lose"})
"""Lemmas of verbs whose subject is a side ("Denver won 31-24")."""

CONTEST_PREPOSITIONS = frozenset({"over", "against", "to", "versus", "vs", "vs."})
"""Prepositions taking the other side; "at" is left out: "the game at Denver" says where."""

_SCORE = re.compile(r"^\s*\(?\d{1,3}\s?[-–]\s?\d{1,3}(?!\d)")
"""A score or record right after a name: "31-24", "(7-2)", "20 - 13"."""


def is_side_of_contest(ent) -> bool:
    """Whether the sentence makes the span one side of a sports contest (see module doc)."""
    doc = ent.doc
    if _SCORE.match(doc.text[ent.end_char:ent.end_char + 12]):
        return True
    root = ent.root
    while root.dep_ == "conj" and root.head is not root:  # "against Detroit and Carolina"
        root = root.head
    head = root.head
    if root.dep_ == "pobj" and head.lower_ in CONTEST_PREPOSITIONS:
        return head.head.lemma_.lower() in CONTEST_NOUNS or head.head.lower_ in CONTEST_NOUNS
    if root.dep_ == "nsubj" and head.lemma_.lower() in RESULT_VERBS:
        return True
    return root.dep_ in ("nsubj", "dobj") and head.lemma_.lower() in CONTEST_VERBS
