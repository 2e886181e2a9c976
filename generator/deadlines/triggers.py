"""What makes a sentence a deadline statement: its triggers (``due_triggers``, ``noun_triggers``).

* a due preposition before a date: "by/before/until/till/no later than X",
  with a demand cue in the sentence (expects, demands, must, unless, or face,
  gave ... until, has until, a deadline noun); "until" needs "has/gave until",
  "unless" or a deadline noun, so "talks lasted until Friday" is not one;
* a deadline noun (deadline, ultimatum, cut-off) with a date or a length, or naming
  one deadline;
* a window noun (window, timeline, timeframe, grace period) with a length
  ("a 50-day window") or changed by a verb ("cut the timeline");
* "expires/lapses (on) X", and "extended (its offer) to X": the new due time.

Each trigger gives the token the roles are read from and, when it names one, the due date
("the Friday deadline", "a deadline of 8 August", "set Friday as the deadline").
``find`` also reads ``change_verb`` and ``length_on``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.deadlines import gate, roles
from generator.deadlines.dates import is_day_date, is_length
from generator.deadlines.gate import (
    CUE_LEMMAS,
    CUE_PHRASES,
    DEADLINE_NOUNS,
    WINDOW_NOUNS,
    cue_lemmas,
)
from generator.model import TimeExpression
from generator.nlp.paragraph import Paragraph

EXPIRE_VERBS = roles.EXPIRE_LEMMAS
SHORTEN_VERBS = frozenset({"shorten", "cut", "reduce", "slash", "tighten", "advance", "trim"})
EXTEND_VERBS = frozenset({"extend", "prolong", "lengthen", "postpone", "delay", "relax"})
_DUE_PREP = re.compile(
    r"\b(by|before|until|till|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$",
    re.IGNORECASE,
)
_TO_DAY = re.compile(r"\bto\s+$", re.IGNORECASE)
""""to" right before a day: "extended to Nov. 20"."""


@dataclass(frozen=True)
class Trigger:
    """What made a sentence a deadline statement."""

    anchor: object
    """Token the roles are read from (deadline noun, or the head of the due preposition)."""
    words: tuple[int, int]
    """Absolute offsets of the trigger words."""
    due: TimeExpression | None = None
    """The date the trigger names directly."""


def due_triggers(paragraph: Paragraph, sent, times: list[TimeExpression]) -> list[Trigger]:
    """'by/before/until X' and 'expires X' with a day-like date X."""
    text = paragraph.source.text
    start = paragraph.offset + sent.start_char
    out = []
    for time in (t for t in times if is_day_date(t) and not gate.is_past_time(t)):
        match = _DUE_PREP.search(text[start : time.start])
        token = _token_at(paragraph, sent, start + match.start()) if match else None
        if token is not None and not _rules_out(token) and _has_cue(token, sent):
            out.append(Trigger(token.head, (start + match.start(), time.end), time))
    for token in (t for t in sent if t.lemma_ == "extend"):
        moved = _extended_to(paragraph, token, times)
        if moved is not None:
            out.append(Trigger(token, (paragraph.offset + token.idx, moved.end), moved))
    for token in (t for t in sent if t.lemma_ in EXPIRE_VERBS):
        after = [t for t in times if is_day_date(t) and t.start > paragraph.offset + token.idx]
        if after:
            out.append(Trigger(token, (paragraph.offset + token.idx, after[0].end), after[0]))
    return out


def _extended_to(paragraph: Paragraph, verb, times: list[TimeExpression]) -> TimeExpression | None:
    """The new due time of something extended "to" a day ("extended its offer to Nov. 20",
    "extended to Nov. 20 its offer", "was extended to Nov. 16"): a day the verb governs. (An
    extended deadline noun is the noun's trigger: ``_moved_to``.)"""
    if any(c.lemma_.lower() in DEADLINE_NOUNS | WINDOW_NOUNS for c in verb.children):
        return None
    text = paragraph.source.text
    governed = {paragraph.offset + t.idx for t in verb.subtree}
    for time in (t for t in times if is_day_date(t) and not gate.is_past_time(t)):
        if time.start in governed and _TO_DAY.search(text[paragraph.offset + verb.idx: time.start]):
            return time
    return None


def _rules_out(prep) -> bool:
    """A due preposition that places a time, a lasting state or a past deed (``gate``)."""
    return gate.is_time_offset(prep) or gate.gives_no_due_time(prep)


def _has_cue(prep, sent) -> bool:
    """Whether a due preposition states a demand, not a plain time."""
    lemmas = cue_lemmas(sent)
    phrases = bool(CUE_PHRASES.search(sent.text))
    if prep.lower_ in ("until", "till"):
        return (
            prep.head.lemma_ in ("have", "give", "grant", "extend")
            or phrases
            or bool(lemmas & DEADLINE_NOUNS)
        )
    return phrases or bool(lemmas & CUE_LEMMAS)


def noun_triggers(paragraph: Paragraph, sent, times: list[TimeExpression]) -> list[Trigger]:
    """Deadline nouns, and window nouns with a length or a change verb."""
    out = []
    for token in sent:
        lemma = token.lemma_.lower()
        if (lemma in DEADLINE_NOUNS and _is_particular(paragraph, token, times)) or (
            lemma in WINDOW_NOUNS and _is_deadline_window(paragraph, token, times, sent)
        ):
            start = paragraph.offset + token.idx
            out.append(
                Trigger(token, (start, start + len(token)), _date_on(paragraph, token, times))
            )
    return out


def _is_deadline_window(paragraph: Paragraph, token, times: list[TimeExpression], sent) -> bool:
    """A window changed by a verb, or with a length in a sentence that demands something."""
    if change_verb(token) is not None:
        return True
    demands = bool(CUE_PHRASES.search(sent.text)) or bool(cue_lemmas(sent) & CUE_LEMMAS)
    return demands and length_on(paragraph, token, times) is not None


def _is_particular(paragraph: Paragraph, token, times: list[TimeExpression]) -> bool:
    """A deadline noun with a date or a length, or naming one deadline (not "deadlines", nor
    one that is absent: "failure to set a deadline")."""
    return (_date_on(paragraph, token, times) is not None or length_on(paragraph, token, times) is not None
            or (gate.refers_to_deadline(token) and not gate.is_absent(token)))


def change_verb(noun):
    """The shortening/extending verb acting on a deadline noun, if any."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in SHORTEN_VERBS | EXTEND_VERBS:
        return head
    return None


def length_on(paragraph: Paragraph, noun, times: list[TimeExpression]) -> TimeExpression | None:
    """A length written on the noun: "50-day window", "deadline of ten days"."""
    left = paragraph.offset + noun.left_edge.idx
    end = paragraph.offset + noun.idx + len(noun)
    for time in times:
        if is_length(time) and (left <= time.start < end or 0 <= time.start - end <= 4):
            return time
    return None


def _date_on(paragraph: Paragraph, noun, times: list[TimeExpression]) -> TimeExpression | None:
    """A date written on the noun: "the Friday deadline", "a deadline of 8 August", or named
    as it: "set Friday as the deadline"."""
    left = paragraph.offset + noun.left_edge.idx
    end = paragraph.offset + noun.idx + len(noun)
    text = paragraph.source.text
    for time in (t for t in times if is_day_date(t)):
        if left <= time.start < end or re.fullmatch(r"\s+(?:of|on)\s+", text[end : time.start]):
            return time
    return _named_as(paragraph, noun, times)


def _named_as(paragraph: Paragraph, noun, times: list[TimeExpression]) -> TimeExpression | None:
    """The date a verb names as the deadline: "set Friday as the deadline", "Friday was named
    as the deadline": the object (or passive subject) of the verb holding "as <noun>"."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.lower_ != "as" or prep.head.pos_ not in ("VERB", "AUX"):
        return None
    objects = [
        paragraph.offset + c.idx
        for c in prep.head.children
        if c.dep_ in ("dobj", "npadvmod", "nsubjpass", "oprd")
    ]
    for time in (t for t in times if is_day_date(t)):
        if any(time.start <= at < time.end for at in objects):
            return time
    return None


def _token_at(paragraph: Paragraph, sent, position: int):
    """The token of a sentence starting at an absolute offset."""
    for token in sent:
        if paragraph.offset + token.idx == position:
            return token
    return None
