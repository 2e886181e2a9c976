"""What a trigger verb needs beside it to name an event of its kind (``is_complete``).

A verb of the lexicon sets in ``events.triggers`` names its event only with its complement:
"fell" a drop ("fell from a ridge", not "prices fell"), "talked" a partner ("with X"),
"escaped" custody, "won" a contest, "released" a product, "overturned" a rule, "hanged"
oneself or in the passive, "checked into" a place, "flew" to a destination. A verb phrase
("opened fire", "gunned down") names its kind as a whole (``phrasal``).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from generator.events import triggers as lex

PREDICATE_DEPS = ("oprd", "acomp")
"""Dependencies of a verb's predicate adjective ("was found dead")."""


def phrase_word(token, lemma: str):
    """The word that makes a verb a phrase trigger ("fire" of "opened fire", "down" of "gunned
    down", "dead" of "was found dead"), else None."""
    if token.pos_ != "VERB":
        return None
    return next((c for c in token.children if c.dep_ in ("dobj", "prt", "advmod", *PREDICATE_DEPS)
                 and (lemma, c.lower_) in lex.PHRASAL_TRIGGERS), None)


def phrasal(token, lemma: str) -> str | None:
    """The kind of a verb phrase trigger ("opened fire", "gunned down"), else None."""
    word = phrase_word(token, lemma)
    return lex.PHRASAL_TRIGGERS[(lemma, word.lower_)] if word is not None else None


def is_complete(verb, lemma: str) -> bool:
    """Whether a verb has the complement its lexicon entry needs (``_COMPLEMENTS``)."""
    return next((has(verb) for needs, has in _COMPLEMENTS if lemma in needs), True)


def has_prep(words: frozenset[str], verb) -> bool:
    """Whether the verb has a phrase of one of the prepositions ``words`` ("talked with X",
    "charged with murder", "checked into a clinic", "flew to Paris")."""
    return any(c.dep_ == "prep" and c.lower_ in words for c in verb.children)


def _out_of_custody(verb) -> bool:
    """"escaped from X", "escaped custody", or a name or a personal pronoun that "escaped" with
    no object ("Doe escaped on Monday"; not "escaped injury", "gas escaped")."""
    children = list(verb.children)
    if any((c.dep_ == "prep" and c.lower_ == "from")
           or (c.dep_ == "dobj" and c.lemma_.lower() in lex.CUSTODY_WORDS) for c in children):
        return True
    return not any(c.dep_ == "dobj" for c in children) and any(
        c.dep_ == "nsubj" and (c.pos_ == "PROPN" or c.lower_ in lex.PERSONAL_SUBJECTS) for c in children)


def _in_a_contest(verb) -> bool:
    """"won the match", "won over X"."""
    return any((c.dep_ == "dobj" and c.lemma_.lower() in lex.CONTEST_WORDS)
               or (c.dep_ == "prep" and c.lower_ == "over") for c in verb.children)


def _done_to_one_of(words: frozenset[str], verb) -> bool:
    """Whether the verb's object, or its subject in the passive, is one of ``words`` ("released
    a patch", "the album was released", "overturned the rule", "the ban was revoked")."""
    return any(c.dep_ in ("dobj", "nsubjpass") and c.lemma_.lower() in words for c in verb.children)


def _offered_to_someone(verb) -> bool:
    """"offered X a contract", "offered the post to X", "X was offered the job": a job, a contract
    or a deal (``triggers.OFFERED_WORDS``) and the one it is offered to (not "has offered the job",
    which says to no one)."""
    recipient = any(c.dep_ in ("dative", "nsubjpass") or (c.dep_ == "prep" and c.lower_ == "to")
                    for c in verb.children)
    return recipient and _done_to_one_of(lex.OFFERED_WORDS, verb)


def _done_to_oneself_or_suffered(verb) -> bool:
    """"hanged himself", "was hanged", "was found hanged"."""
    if any(c.dep_ == "dobj" and c.lower_ in lex.REFLEXIVE_PRONOUNS for c in verb.children):
        return True
    if any(c.dep_ == "auxpass" for c in verb.children):
        return True
    return verb.tag_ == "VBN" and verb.dep_ in ("xcomp", "oprd") and verb.head.lemma_.lower() == "find"


def _has_drop(verb) -> bool:
    """"fell from", "fell 200 metres", "fell to his death"."""
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in lex.DROP_PREPS:
            return True
        if child.dep_ == "prep" and any(g.lower_ == "death" for g in child.children):
            return True
        if child.dep_ in ("npadvmod", "dobj") and any(g.pos_ == "NUM" for g in child.children):
            return True
    return False


def _into_care(verb) -> bool:
    """"entered rehab", "entered the X Treatment Center", "entered a rehab program"."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    words = {t.lemma_.lower() for o in objects for t in (o, *o.children)
             if t.dep_ in ("dobj", "compound", "amod")}
    return bool(words & lex.CARE_WORDS)


_COMPLEMENTS: tuple[tuple[frozenset[str], Callable[[Any], bool]], ...] = (
    (lex.NEEDS_DROP, _has_drop),
    (lex.NEEDS_PARTNER, partial(has_prep, frozenset({"with"}))),
    (lex.NEEDS_CUSTODY, _out_of_custody),
    (lex.NEEDS_CONTEST, _in_a_contest),
    (lex.NEEDS_PRODUCT, partial(_done_to_one_of, lex.PRODUCT_WORDS)),
    (lex.NEEDS_RULE, partial(_done_to_one_of, lex.RULE_WORDS)),
    (lex.NEEDS_REFLEXIVE, _done_to_oneself_or_suffered),
    (lex.NEEDS_OFFERED, _offered_to_someone),
    (lex.NEEDS_INTO, partial(has_prep, frozenset({"into"}))),
    (lex.NEEDS_CARE, _into_care),
    (lex.NEEDS_DESTINATION, partial(has_prep, lex.DESTINATION_PREPS)),
)
"""The verbs of each lexicon set and the complement they need to name an event."""
