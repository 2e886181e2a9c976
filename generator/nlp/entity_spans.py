"""Which of spaCy's entity spans are names of people, organisations or places, read per sentence.

``sentence_ents`` lists a sentence's entities without scanning all of the doc's;
``is_no_name`` and ``is_title_abbreviation`` reject spans that name nothing (an amount,
the title of a work, "AG" before a person's name); ``with_organisation_word`` extends a
group or place name to the organisation it starts ("the Indian Navy").
"""

from __future__ import annotations

import bisect
import re

from generator.knowledge import gazetteer
from generator.knowledge.names import ORGANISATION_WORDS, is_title_word
from generator.temporal.vocab import TIME_ZONE_ABBREVIATIONS

ZONES = frozenset(zone for zone in TIME_ZONE_ABBREVIATIONS if len(zone) > 2)
"""Time zones that are no name ("GMT", "EST"); not "CT" or "PT", which are also US states."""

_ENTS_KEY = "briefing.sorted_ents"
"""Key in ``Doc.user_data`` of the doc's entities sorted by start, for ``sentence_ents``."""

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})


MAX_ORGANISATION_TAIL = 3
"""Most capitalised words after a group or place name read as one organisation name."""

_NUMBERED_NAME = re.compile(r"^\d+[a-z]{2,}s$")
"""A plural word starting with a number ("99ers"): a team's name after its place."""


def with_organisation_word(ent):
    """"Indian" of "the Indian Navy" tagged alone (NORP or GPE) -> "Indian Navy" (ORG): a
    group or place name followed by untagged capitalised words ending in an organisation
    word ("Navy", "Party", "Police"), or by a plural starting with a number ("99ers")."""
    if ent.label_ not in ("NORP", "GPE"):
        return ent
    doc = ent.doc
    tail = doc[ent.end:min(ent.end + MAX_ORGANISATION_TAIL, ent.sent.end)]
    if len(tail) and _NUMBERED_NAME.match(tail[0].text):
        return _organisation(doc, ent.start, ent.end + 1)  # "Springfield 99ers"
    for i, token in enumerate(tail):
        if token.ent_type_ or not token.text[:1].isupper() or not token.is_alpha:
            return ent
        if token.lower_ in ORGANISATION_WORDS:
            return _organisation(doc, ent.start, ent.end + i + 1)
    return ent


def _organisation(doc, start: int, end: int):
    """Tokens ``start`` to ``end`` of ``doc`` as an ORG entity span."""
    from spacy.tokens import Span  # loaded wherever a doc exists; not imported with this module
    return Span(doc, start, end, label="ORG")


def sentence_ents(sent) -> list:
    """The entities inside one sentence, found by index in the doc's sorted entity list.

    ``Span.ents`` scans every entity of the doc for each sentence, which is
    quadratic in a long paragraph; the sorted start offsets are computed once
    per doc (kept in ``doc.user_data``) and bisected.
    """
    doc = sent.doc
    if _ENTS_KEY not in doc.user_data:  # the parse is complete: its entities no longer change
        ents = doc.ents
        doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    ents, starts = doc.user_data[_ENTS_KEY]
    first = bisect.bisect_left(starts, sent.start)
    last = bisect.bisect_left(starts, sent.end, lo=first)
    return [e for e in ents[first:last] if e.end <= sent.end]


_AMOUNT = re.compile(r"^\d[\d.,]*\s?(?:bn|mn|m|k|tn|billion|million|trillion|thousand)?$", re.IGNORECASE)
WORK_NOUNS = frozenset(
    "novel book film movie song album series show play documentary musical opera poem game memoir".split())
ACTING_VERBS = frozenset({"play", "portray"})


ABSTRACT_SUFFIXES = ("ism", "isms", "phobia", "philia", "mania")
"""Endings of abstract nouns ("Slavophobia", "Marxism"): an idea, never an organisation."""


def is_no_name(ent) -> bool:
    """An amount ("40bn"), a time zone ("GMT"), an abstract noun ("Slavophobia"), a
    hyphenated adjective of two groups ("Franco-German talks"), a title of a work ("the
    novel X", "X, a novel"), a role an actor plays ("playing X", "the character X") or a
    title's portfolio ("Secretary of State"): none of them a person, organisation or place."""
    if _AMOUNT.match(ent.text) or ent.text in ZONES:
        return True  # "40bn", the "GMT" of "0300 GMT"
    if len(ent) == 1 and ent.label_ in ("ORG", "NORP") and ent.text.lower().endswith(ABSTRACT_SUFFIXES):
        return True
    if ent.label_ == "NORP" and "-" in ent.text and all(p[:1].isupper() for p in ent.text.split("-")):
        return True
    doc, root = ent.doc, ent.root
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in WORK_NOUNS or before == "character":
        return True
    if any(c.dep_ == "appos" and c.lower_ in WORK_NOUNS for c in root.children):
        return True
    if _is_portfolio(ent):
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in ACTING_VERBS


def _is_portfolio(ent) -> bool:
    """The one word of a title's portfolio ("Secretary of State", "Minister of Finance", "Secretary
    of the Treasury"): part of the title, no organisation of its own; a place keeps its name
    ("Governor of Texas")."""
    doc, at = ent.doc, ent.start - 1
    if len(ent) != 1 or ent.label_ != "ORG" or at < 1:
        return False
    at -= doc[at].lower_ == "the"
    return (at >= 1 and doc[at].lower_ == "of" and is_title_word(doc[at - 1].text)
            and gazetteer.lookup(ent.text) is None)


def is_title_abbreviation(ent) -> bool:
    """"AG" in "AG Jane Doe", "Sgt." in "Sgt. Jane Doe": a short capitals word or a title tagged
    apart right before a person."""
    doc = ent.doc
    word = ent.text.rstrip(".")
    short = word.isalpha() and word.isupper() and len(word) <= 3
    after = ent.end + (ent.end < len(doc) and doc[ent.end].text == ".")  # "Sgt" "." "Jane Doe"
    return (len(ent) == 1 and (short or is_title_word(word))
            and after < len(doc) and doc[after].ent_type_ == "PERSON" and doc[after].ent_iob_ == "B")
