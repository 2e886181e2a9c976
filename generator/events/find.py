"""Events: what happened, from trigger words and the parse (per article), merged across sources.

Per article, ``find_events`` looks at every verb and noun of a paragraph:

1. a trigger from the generic lexicons in ``event_triggers`` gives the kind
   (a verb such as "visit", a noun such as "talks", a measure noun governed by
   a verb such as "imposed tariffs");
2. participants (``events.parties``) are the names at the subject, object,
   "with/between/by" phrases and possessives, and participants described but
   not named ("a gunman", "police"); the trigger must be in sense (not
   negated, averted, a charge, an idiom such as "met the deadline" or "shot
   to fame");
3. the place is the first place name after "in/to/at/on/across" (or the
   object of "visit"), the time the first date or time in the trigger's clause
   that dates no other noun ("debentures due Oct. 15", "a loss for the third quarter");
4. habitual mentions ("met on several occasions") are skipped, earlier ones
   ("his last visit") are marked, the status (``events.status``) says whether
   it is expected or reported as happened, and a mention is kept only with a
   real participant: a named one; a described one for violent, legal and job
   events; a place or time alone for attacks, shootings, deaths and disasters.

``merge_events`` (``events.merge``, within the stories of ``events.stories``) joins them corpus-wide.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import Any

from generator.events import triggers as lex
from generator.events.parties import (
    befalls_someone,
    described_parties,
    expand,
    mention_of,
    mention_spans,
    names_party,
    names_someone,
    participants,
    subjects,
)
from generator.events.status import status_of
from generator.knowledge import gazetteer
from generator.model import EventCandidate
from generator.nlp.paragraph import Paragraph
from generator.temporal.calendar import to_date

CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "parataxis", "csubj", "conj"})
HEADLINE_VERBS = lex.headline_verbs()


def find_events(paragraph: Paragraph) -> list[EventCandidate]:
    """Event mentions in one paragraph."""
    found = []
    for token in paragraph.doc:
        kind, governor = trigger(token)
        if kind:
            candidate = _candidate(paragraph, token, kind, governor)
            if candidate is not None:
                found.append(candidate)
    return found


def trigger(token) -> tuple[str | None, object]:
    """The kind a token triggers and the verb governing its clause (None, None if no trigger)."""
    lemma, lower = token.lemma_.lower(), token.lower_
    phrase = _phrasal(token, lemma)
    if phrase:
        return phrase, token
    if token.pos_ == "VERB" and lemma in lex.VERB_TRIGGERS and _complete(token, lemma):
        return lex.VERB_TRIGGERS[lemma], token
    headline = token.pos_ == "PROPN" and token.dep_ == "ROOT" and lower in HEADLINE_VERBS
    if headline and _has_prep(lex.DESTINATION_PREPS, token):
        return HEADLINE_VERBS[lower], token
    modifier = token.dep_ == "compound" and lower in lex.NONEVENT_COMPOUND  # "death penalty"
    if token.pos_ in ("NOUN", "PROPN") and lower in lex.NOUN_TRIGGERS and not modifier \
            and not _idiom(token, lower):
        return lex.NOUN_TRIGGERS[lower], governor_of(token)
    measure = lower in lex.SANCTION_NOUNS and token.dep_ == "dobj"
    if measure and token.head.lemma_.lower() in lex.SANCTION_VERBS:
        return "sanctions", token.head
    return None, None


def _idiom(noun, lower: str) -> bool:
    """Whether a noun trigger is part of an idiom (``triggers.IDIOM_VERBS``: "opened fire",
    "under fire")."""
    verbs = lex.IDIOM_VERBS.get(lower)
    if verbs is None:
        return False
    return noun.head.lower_ == "under" or (noun.dep_ == "dobj" and noun.head.lemma_.lower() in verbs)


def _phrasal(token, lemma: str) -> str | None:
    """The kind of a verb phrase trigger ("opened fire", "gunned down"), else None."""
    if token.pos_ != "VERB":
        return None
    words = (c.lower_ for c in token.children if c.dep_ in ("dobj", "prt", "advmod"))
    return next((lex.PHRASAL_TRIGGERS[(lemma, w)] for w in words if (lemma, w) in lex.PHRASAL_TRIGGERS),
                None)


def _complete(verb, lemma: str) -> bool:
    """Whether a verb has the complement its lexicon entry needs (``_COMPLEMENTS``)."""
    return next((has(verb) for needs, has in _COMPLEMENTS if lemma in needs), True)


def _has_prep(words: frozenset[str], verb) -> bool:
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


_COMPLEMENTS: tuple[tuple[frozenset[str], Callable[[Any], bool]], ...] = (
    (lex.NEEDS_DROP, _has_drop),
    (lex.NEEDS_PARTNER, partial(_has_prep, frozenset({"with"}))),
    (lex.NEEDS_CUSTODY, _out_of_custody),
    (lex.NEEDS_CONTEST, _in_a_contest),
    (lex.NEEDS_PRODUCT, partial(_done_to_one_of, lex.PRODUCT_WORDS)),
    (lex.NEEDS_RULE, partial(_done_to_one_of, lex.RULE_WORDS)),
    (lex.NEEDS_REFLEXIVE, _done_to_oneself_or_suffered),
    (lex.NEEDS_INTO, partial(_has_prep, frozenset({"into"}))),
    (lex.NEEDS_DESTINATION, partial(_has_prep, lex.DESTINATION_PREPS)),
)
"""The verbs of each lexicon set and the complement they need to name an event."""


def governor_of(token):
    """The nearest verb above a noun (through prepositions, appositions and compounds)."""
    current = token
    for _ in range(6):
        if current.head is current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _candidate(paragraph: Paragraph, token, kind: str, governor) -> EventCandidate | None:
    context = context_tokens(token, governor)
    if _is_repeated(token, context) or _is_negated(token) or _is_attempted(token) \
            or not in_sense(paragraph, token):
        return None
    place = _place(paragraph, token, context)
    taking = participants(token, governor)
    people = mention_spans(paragraph, taking, exclude=place)
    described = described_parties(paragraph, taking)
    time = _time(paragraph, context, token)
    if not _has_party(kind, people, described, place is not None or _stated_day(time)):
        return None
    if token.pos_ != "VERB" and kind in lex.NEEDS_SETTING and place is None and time is None \
            and len(people) < 2:
        return None
    start = paragraph.offset + token.idx
    return EventCandidate(kind=kind, trigger=token.text, citation=paragraph.cite_sentence(start),
                          participants=people, place=place, time=time,
                          aspect="earlier" if _is_earlier(token, context) else "",
                          described=described, status=status_of(token, governor))


def _has_party(kind: str, people: tuple, described: tuple[str, ...], placed: bool) -> bool:
    """A real participant: a named one; for violent, legal and job events a described one
    ("a gunman"); for the events that need no actor (an attack, an earthquake) a place ("its
    2022 invasion", with a year only, is background)."""
    if people:
        return True
    if described and kind in lex.DESCRIBED_KINDS:
        return True
    return placed and kind in lex.STANDALONE_KINDS


def _stated_day(time) -> bool:
    """Whether a time expression names a day ("on Sunday", "March 3"): it places a fire or a crash
    as a place does; a year or a month alone is background ("its 2022 invasion")."""
    return time is not None and time.type == "DATE" and to_date(time.value) is not None


def in_sense(paragraph: Paragraph, token) -> bool:
    """False when the trigger word is not used for an event: an averted one ("fled the threat of
    war"), a feeling ("so excited to welcome"), or a verb whose object or host is no one
    ("meet his golden rule", "we welcome")."""
    if token.pos_ != "VERB":
        above = {a.lemma_.lower() for a in _governors(token)}
        return not above & (lex.AVERTING_VERBS | lex.CHARGING_WORDS)
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
    if lemma in lex.NEEDS_VICTIM and not _phrasal(token, lemma):
        if not names_party(paragraph, _victims(token), people_only=True):
            return False
    if lemma in lex.NEEDS_PARTY_DONE_TO and not names_party(paragraph, _victims(token)):
        return False
    return lemma not in lex.NEEDS_NAMED_SUBJECT or names_someone(paragraph, subjects(token))


def _names_side(paragraph: Paragraph, objects: list) -> bool:
    """Whether the objects name a team, a club or a country: an organisation, place or group."""
    return any((m := mention_of(paragraph, t)) is not None and m.label in ("ORG", "GPE", "NORP")
               for head in objects for t in expand(head))


def _victims(verb) -> list:
    """Objects and passive subjects of a verb and of the verbs conjoined with it ("shot and killed
    three people")."""
    verbs = [verb, *(c for c in verb.children if c.dep_ == "conj" and c.pos_ == "VERB")]
    if verb.dep_ == "conj" and verb.head.pos_ == "VERB":
        verbs.append(verb.head)
    return [c for v in verbs for c in v.children if c.dep_ in ("dobj", "nsubjpass")]


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


def context_tokens(token, governor) -> set[int]:
    """Indices of the tokens in the trigger's own clause."""
    indices = _clause(token)
    if token.pos_ != "VERB" and governor is not None and governor is not token:
        for child in governor.children:
            if child.dep_ in ("prep", "npadvmod", "advmod") and token not in child.subtree:
                indices |= _clause(child)
    return indices


def _clause(token) -> set[int]:
    """Subtree of a token without nested clauses."""
    out = {token.i}
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS:
            out |= _clause(child)
    return out


def _place(paragraph: Paragraph, token, context: set[int]) -> tuple[int, int] | None:
    doc = paragraph.doc
    heads = [c for c in token.children if c.dep_ == "dobj" and token.lemma_.lower() == "visit"]
    preps = [doc[i] for i in sorted(context)
             if doc[i].dep_ == "prep" and doc[i].lower_ in lex.PLACE_PREPS]
    heads += [c for prep in preps for c in prep.children if c.dep_ == "pobj"]
    if token.pos_ != "VERB" and token.dep_ == "nsubj":  # "an earthquake struck X"
        heads += [c for c in token.head.children if c.dep_ == "dobj"]
    for head in heads:
        for candidate in expand(head):
            mention = mention_of(paragraph, candidate)
            if mention is not None and mention.label in lex.PLACE_LABELS and not _owner(candidate, mention):
                return (mention.start, mention.end)
    return None


def _owner(token, mention) -> bool:
    """A country named as the modifier of a noun ("outside the U.S. embassies in Nairobi",
    "aboard a Greek tanker"): whose the thing is, not where the event was. A city so named is
    where ("in a Nairobi hotel")."""
    if token.dep_ not in ("compound", "amod", "nmod") or token.head.pos_ != "NOUN":
        return False
    place = gazetteer.lookup(mention.text)
    return place is not None and place.kind == "country"


def _time(paragraph: Paragraph, context: set[int], token):
    """The first date or time in the paragraph with a token in ``context`` (looked up by offset)
    that does not date another noun (``dates_another_noun``)."""
    if not context:
        return None
    first, last = paragraph.doc[min(context)], paragraph.doc[max(context)]
    start, end = paragraph.offset + first.idx, paragraph.offset + last.idx + len(last)
    for expression in paragraph.times_between(start, end):
        if expression.type not in ("DATE", "TIME"):
            continue
        span = paragraph.doc.char_span(expression.start - paragraph.offset,
                                       expression.end - paragraph.offset, alignment_mode="expand")
        if span is not None and any(t.i in context for t in span) \
                and not dates_another_noun(span.root, token):
            return expression
    return None


NOUN_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod", "nummod"})


def dates_another_noun(root, trigger) -> bool:
    """True when a time (its root token) belongs inside a noun phrase other than the trigger's:
    before the noun ("the August 1988 cease-fire"), after an adjective or participle on it
    ("debentures due Oct. 15, 1999", "its quarter ended June 30") or after "for" on it ("a loss
    for the third quarter", the period a figure covers). It dates that thing, not the event. A
    name is no such noun: a time the parse hangs on a name ("In 1991 Jane Doe was ...") is the
    clause's."""
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ == "for":
            return head.head.pos_ == "NOUN" and head.head.i != trigger.i
        root, head = head, head.head  # "debentures due in 1999": the phrase under "due"
    if root.dep_ in NOUN_MODIFIER_DEPS:
        noun = head
    elif head.dep_ in ("amod", "acl") and head.pos_ in ("ADJ", "VERB"):
        noun = head.head
    else:
        return False
    return noun.pos_ == "NOUN" and noun.i != trigger.i


def _is_repeated(token, context: set[int]) -> bool:
    words = {token.doc[i].lower_ for i in context} - {token.lower_}
    head = token.head.head if token.head.lower_ == "of" else token.head
    if head.pos_ == "NOUN" and head is not token:
        words |= {c.lower_ for c in head.children}
    return bool(words & lex.REPEATED_MODIFIERS)


def _is_earlier(token, context: set[int]) -> bool:
    """"his last visit", "previously met", or a clause set "during his last visit"."""
    if any(c.dep_ == "advmod" and c.lower_ in lex.EARLIER_ADVERBS for c in token.children):
        return True
    words = (token.doc[i] for i in context)
    return any(t.dep_ == "amod" and t.lower_ in lex.EARLIER_ADJECTIVES
               and t.head.lower_ in lex.NOUN_TRIGGERS for t in words)


def _is_attempted(token) -> bool:
    """An act only tried ("attempts to kill X", "a plot to assassinate", "tried to flee",
    "attempted murder"): not the act itself, which may never have happened."""
    if token.pos_ == "VERB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return token.head.lemma_.lower() in lex.ATTEMPT_WORDS
    return any(c.dep_ == "amod" and c.lower_ in ("attempted", "failed", "foiled") for c in token.children)


def _is_negated(token) -> bool:
    """The trigger or a word above it is negated ("did not meet", "no sign he will visit")."""
    for word in [token, *token.ancestors]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in word.children):
            return True
    return False


