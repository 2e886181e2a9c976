"""Events: what happened, from trigger words and the parse (per article), merged across sources.

Per article, ``find_events`` looks at every verb and noun of a paragraph:

1. a trigger from the generic lexicons in ``events.triggers`` gives the kind
   (a verb such as "visit" with the complement it needs, ``events.complements``;
   a noun such as "talks"; a measure noun governed by a verb such as "imposed tariffs");
2. participants (``events.parties``) are the names at the subject, object,
   "with/between/by" phrases and possessives, and participants described but
   not named ("a gunman", "police"); the trigger must be in sense (``events.sense``:
   not negated, averted, a charge, an idiom such as "met the deadline" or "shot
   to fame", a dismissal of no one);
3. (``events.setting``) the place is the first place name after "in/to/at/on/across" (or
   the object of "visit"), the time the first date or time in the trigger's clause
   that dates no other noun ("debentures due Oct. 15", "a loss for the third quarter");
4. habitual mentions ("met on several occasions") are skipped, earlier ones
   ("his last visit") are marked, the status (``events.status``) says whether
   it is expected or reported as happened, and a mention is kept only with a
   real participant: a named one; a described one for violent, legal and job
   events; a place or time alone for attacks, shootings, deaths and disasters.

``merge_events`` (``events.merge``, within the stories of ``events.stories``) joins them corpus-wide.
"""

from __future__ import annotations

from generator.events import triggers as lex
from generator.events.complements import PREDICATE_DEPS, has_prep, is_complete, phrasal, phrase_word
from generator.events.parties import described_parties, mention_spans, participants, recipients, struck
from generator.events.sense import in_sense, is_attempted, is_earlier, is_negated, is_repeated
from generator.events.setting import context_tokens, place_of, time_of
from generator.events.status import status_of
from generator.model import EventCandidate
from generator.nlp.paragraph import Paragraph
from generator.temporal.calendar import to_date

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
    phrase = phrasal(token, lemma)
    if phrase:
        return phrase, token
    if token.pos_ == "VERB" and lemma in lex.VERB_TRIGGERS and is_complete(token, lemma):
        return lex.VERB_TRIGGERS[lemma], token
    headline = token.pos_ == "PROPN" and token.dep_ == "ROOT" and lower in HEADLINE_VERBS
    if headline and has_prep(lex.DESTINATION_PREPS, token):
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


def _trigger_word(token) -> str:
    """The word that names the event: the predicate of a phrase such as "was found dead" (the
    death is "dead"; "found" is its discovery), else the trigger itself."""
    word = phrase_word(token, token.lemma_.lower())
    return word.text if word is not None and word.dep_ in PREDICATE_DEPS else token.text


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
    if is_repeated(token, context) or is_negated(token) or is_attempted(token) \
            or not in_sense(paragraph, token):
        return None
    place = place_of(paragraph, token, context)
    taking = participants(token, governor)
    if kind in lex.STRIKING_KINDS:
        taking += struck(token, governor)
    if kind in lex.RECIPIENT_KINDS:
        taking += recipients(token, governor)
    people = mention_spans(paragraph, taking, exclude=place)
    described = described_parties(paragraph, taking)
    time = time_of(paragraph, context, token)
    if not _has_party(kind, people, described, place is not None or _stated_day(time)):
        return None
    if token.pos_ != "VERB" and kind in lex.NEEDS_SETTING and place is None and time is None \
            and len(people) < 2:
        return None
    start = paragraph.offset + token.idx
    return EventCandidate(kind=kind, trigger=_trigger_word(token), citation=paragraph.cite_sentence(start),
                          participants=people, place=place, time=time,
                          aspect="earlier" if is_earlier(token, context) else "",
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
