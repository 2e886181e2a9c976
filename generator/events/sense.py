"""Whether a trigger word is used for an event that happened or is set to (``in_sense``), and
how it is qualified: negated ("did not meet"), only attempted ("attempts to kill"), habitual
("met on several occasions": ``is_repeated``) or earlier ("his last visit": ``is_earlier``).

A word is out of sense when the event is averted ("fled the threat of war"), a charge
("charged with murder"; not what the charge is laid in, "charged in the shooting"), a feeling
("so excited to welcome"), or done to no one ("meet his golden rule", "terminated the merger
agreement", "we welcome").
"""

from __future__ import annotations

from generator.events import triggers as lex
from generator.events.complements import phrasal
from generator.events.parties import (
    befalls_someone,
    expand,
    mention_of,
    names_party,
    names_someone,
    subjects,
)
from generator.nlp.paragraph import Paragraph


def in_sense(paragraph: Paragraph, token) -> bool:
    """False when the trigger word is not used for an event: an averted one ("fled the threat of
    war"), a feeling ("so excited to welcome"), or a verb whose object or host is no one
    ("meet his golden rule", "we welcome")."""
    if token.pos_ != "VERB":
        above = {a.lemma_.lower() for a in _governors(token)}
        charging = lex.CHARGING_WORDS if not _charged_in(token) else frozenset()
        return not above & (lex.AVERTING_VERBS | charging)
    if token.dep_ == "xcomp" and token.head.lower_ in lex.FEELING_ADJECTIVES:
        return False
    lemma = token.lemma_.lower()
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if lemma in lex.NEEDS_PARTY_OBJECT and objects and not names_party(paragraph, objects):
        return False
    if lex.VERB_TRIGGERS.get(lemma) in lex.DONE_TO_PEOPLE and not befalls_someone(paragraph, token):
        return False  # "terminated the merger agreement": no one dismissed
    if lemma in lex.NEEDS_SIDE_OBJECT and not _names_side(paragraph, objects):
        return False
    if lemma in lex.NEEDS_VICTIM and not phrasal(token, lemma):
        if not names_party(paragraph, _victims(token), people_only=True):
            return False
    if lemma in lex.NEEDS_PARTY_DONE_TO and not names_party(paragraph, _victims(token)):
        return False
    return lemma not in lex.NEEDS_NAMED_SUBJECT or names_someone(paragraph, subjects(token))


def _charged_in(token) -> bool:
    """Whether a noun is what someone is charged, tried or convicted *in* ("charged in the
    shooting", "convicted in the killing of X"): the event the case is about, not the charge
    ("charged with murder", "convicted of assault")."""
    head = token.head
    return token.dep_ == "pobj" and head.lower_ == "in" and head.head.lemma_.lower() in lex.CHARGING_WORDS


def _names_side(paragraph: Paragraph, objects: list) -> bool:
    """Whether the objects name a team, a club or a country: an organisation, place or group."""
    return any((m := mention_of(paragraph, t)) is not None and m.label in ("ORG", "GPE", "NORP")
               for head in objects for t in expand(head))


def _victims(verb) -> list:
    """Objects and passive subjects of a verb and of the verbs conjoined with it ("shot and killed
    three people"); for a passive or a participle with no subject of its own, the subject it
    inherits or the noun it modifies ("died after being hit", "a woman killed by a driver")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verbs.append(verb.head)
    found = [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]
    passive = any(c.dep_ == "auxpass" for c in verb.children) or (verb.dep_ == "acl" and verb.tag_ == "VBN")
    return found or (subjects(verb) if passive else [])


def _governors(token) -> list:
    """The words above a noun up to its clause's verb ("threat" <- "of" <- ... <- "fled")."""
    found = []
    current = token
    while current.head is not current and len(found) < 6:
        current = current.head
        found.append(current)
        if current.pos_ in ("VERB", "AUX"):
            break
    return found


def is_repeated(token, context: set[int]) -> bool:
    """"met on several occasions", "routinely visits": a habit, not one event. A blow counted
    ("shot multiple times", "stabbed 20 times") is one event."""
    blows = _blows_counted(token)
    words = {token.doc[i].lower_ for i in context - blows} - {token.lower_}
    head = token.head.head if token.head.lower_ == "of" else token.head
    if head.pos_ == "NOUN" and head is not token:
        words |= {c.lower_ for c in head.children}
    return bool(words & lex.REPEATED_MODIFIERS)


def _blows_counted(token) -> set[int]:
    """Indices of a "... times" phrase counting the blows of a verb that strikes someone
    (``triggers.NEEDS_VICTIM``: "shot 11 times"); none for other verbs ("met several times")."""
    if token.pos_ != "VERB" or token.lemma_.lower() not in lex.NEEDS_VICTIM:
        return set()
    return {t.i for c in token.children if c.lower_ == "times" for t in c.subtree}


def is_earlier(token, context: set[int]) -> bool:
    """"his last visit", "previously met", or a clause set "during his last visit"."""
    if any(c.dep_ == "advmod" and c.lower_ in lex.EARLIER_ADVERBS for c in token.children):
        return True
    words = (token.doc[i] for i in context)
    return any(t.dep_ == "amod" and t.lower_ in lex.EARLIER_ADJECTIVES
               and t.head.lower_ in lex.NOUN_TRIGGERS for t in words)


def is_attempted(token) -> bool:
    """An act only tried ("attempts to kill X", "a plot to assassinate", "tried to flee",
    "attempted murder"): not the act itself, which may never have happened."""
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head.lemma_.lower() in lex.ATTEMPT_WORDS
    return any(c.dep_ == "amod" and c.lower_ in ("attempted", "failed", "foiled") for c in token.children)


def is_negated(token) -> bool:
    """The trigger or a word above it is negated ("did not meet", "no sign he will visit")."""
    for word in [token, *token.ancestors]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in word.children):
            return True
    return False
