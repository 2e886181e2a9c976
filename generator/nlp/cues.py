"""Type evidence of a mention: what the parse says around a name.

``type_cues`` records a title before it, a speech verb it is the subject of, a place
preposition it follows, a state abbreviation beside it, a "-based" after it (a company's
home), a determiner, a possessive, a noun it modifies ("the Doe case"), a family noun it
modifies ("the Doe family") and the gender of a pronoun after it; ``titles_before`` gives
the title words written right before a span.
"""

from __future__ import annotations

import re

from generator.knowledge.names import (
    KIN_NOUNS,
    ORGANISATION_HEADS,
    PERSON_NOUNS,
    SPEECH_VERBS,
    is_title_modifier,
    is_title_word,
)
from generator.nlp.based import is_home_place
from generator.nlp.contest import is_side_of_contest

PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "across", "into", "toward", "towards"})


_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z][a-z]{1,4}\.$")


def type_cues(ent, has_title: bool) -> list[str]:
    cues = []
    root = ent.root
    doc = ent.doc
    if ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
        cues.append("determiner")  # "the Acme", "the Harbourside Dome": no person's name
    if _is_place_before_state(ent) or _is_state_after_place(ent):
        cues.append("state:place")
    if is_home_place(ent):
        cues.append("home:place")  # "Dayton" of "Dayton, Ohio-based Mallory Tools"
    if has_title or _title_before(ent):
        cues.append("title:person")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS:
        cues.append("verb:said")
    if root.dep_ in ("compound", "poss") and root.head.lower_ in ORGANISATION_HEADS:
        cues.append("head:organization")
    noun = _noun_modified(ent)
    if noun is not None and noun.lower_ in KIN_NOUNS and ent.label_ not in ("GPE", "LOC", "FAC", "NORP"):
        cues.append("kin:person")  # "the Doe family": a family's name (not "the Velmar relatives")
    if noun is not None and noun.pos_ == "NOUN":
        cues.append("modifier")  # "the Doe case": the "the" may be the noun's
    if ent.label_ == "GPE" and is_side_of_contest(ent):
        cues.append("contest:team")  # "a win over Springfield": the city's team
    elif (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS) or _is_hometown(ent):
        cues.append("prep:place")
    if root.dep_ == "poss" or (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"):
        cues.append("possessive")
    if any(t.lower_ in ("he", "she", "his", "her") for t in root.head.children if t.dep_ == "appos"):
        cues.append("pronoun:person")
    gender = _pronoun_gender(ent) if ent.label_ == "PERSON" else ""
    if gender:
        cues.append(f"gender:{gender}")
    return cues


def _noun_modified(ent):
    """The word after a name that the name modifies ("family" of "the Doe family", "case" of
    "the Doe case"), else None."""
    root = ent.root
    return root.head if root.dep_ in ("compound", "nmod") and root.head.i >= ent.end else None


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _pronoun_gender(ent) -> str:
    """"m" or "f" from the first third-person pronoun after a person's name, in its own
    sentence or (when the name is a subject) the next, when no other person is named and no
    quotation mark stands in between, and no speech verb ("said she") comes first in that
    sentence; else "". A pronoun inside a quote is the speaker's word for someone else
    ("X said. “He talks and he decides.”"), one in the next sentence stands for that
    sentence's subject, not for a name in a phrase ("visited the relatives of Y. Although
    she ..."), and one after a noun for a person stands for that person ("Y believes the
    child should stay with his father": ``PERSON_NOUNS``)."""
    doc = ent.doc
    sentences, reported = 0, False
    subject = ent.root.dep_ in ("nsubj", "nsubjpass")
    for token in doc[ent.end:]:
        if token.is_sent_start:
            sentences, reported = sentences + 1, False
            if sentences > 1 or not subject:
                break
        if token.ent_type_ == "PERSON" or token.is_quote or token.lemma_.lower() in PERSON_NOUNS:
            break
        reported = reported or token.lemma_.lower() in SPEECH_VERBS  # "Doe said she ...": someone else
        if token.lower_ in PRONOUN_GENDER and not reported:
            return PRONOUN_GENDER[token.lower_]
    return ""


def _abbreviation_at(doc, i: int) -> bool:
    """True when the tokens from ``i`` spell a state abbreviation ("N.H.", "N. H.", "Calif.")."""
    parts = []
    for token in doc[i : i + 3]:
        if not re.match(r"^(?:[A-Z]\.)+$|^[A-Z][a-z]{1,4}\.$", token.text):
            break
        parts.append(token.text)
    return bool(parts) and bool(_STATE_ABBREVIATION.match("".join(parts)))


def _is_place_before_state(ent) -> bool:
    """"Springfield, N.H.": a name followed by a comma and a state abbreviation."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and _abbreviation_at(doc, ent.end + 1)


def _is_state_after_place(ent) -> bool:
    """The "N.H." of "Springfield, N.H.": an abbreviation after a capitalised name and a comma."""
    doc = ent.doc
    return (_abbreviation_at(doc, ent.start) and ent.start >= 2
            and doc[ent.start - 1].text == "," and doc[ent.start - 2].text[:1].isupper())


def _is_hometown(ent) -> bool:
    """"Jane Doe, 66, of Springfield" / "Jane Doe of Springfield": where a person is from."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return False
    before = doc[ent.start - 2]
    return before.text == "," or before.like_num or before.ent_type_ == "PERSON"


def titles_before(ent) -> list[str]:
    """Title words written right before the entity span ("Ms." of "Ms. Doe" tagged "Doe")."""
    i = ent.start
    while i > 0 and (is_title_word(ent.doc[i - 1].text) or is_title_modifier(ent.doc[i - 1].text)):
        i -= 1
    return [t.text for t in ent.doc[i:ent.start]]


def _title_before(ent) -> bool:
    start = ent.start
    return start > 0 and is_title_word(ent.doc[start - 1].text)
