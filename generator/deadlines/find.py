"""Deadlines: what is due by when, set by whom, on whom (per article), merged across sources.

``find_deadlines`` reads one parsed paragraph, sentence by sentence. A
sentence states a deadline when it has one of these triggers:

* a due preposition before a date: "by/before/until/till/no later than X",
  with a demand cue in the sentence (expects, demands, must, unless, or face,
  gave ... until, has until, a deadline noun); "until" needs "has/gave until",
  "unless" or a deadline noun, so "talks lasted until Friday" is not one;
* a deadline noun: deadline, ultimatum, cut-off;
* a window noun (window, timeline, timeframe, grace period) with a length
  ("a 50-day window") or changed by a verb ("cut the timeline");
* "expires/lapses (on) X", and "extended (its offer) to X": the new due time.

Relative and reference dates ("until recently", "by now") never count, nor
what ``deadlines_gate`` rules out (an event placed "days before" a date, a
belief "expects that ... before X", a past time, a window nothing demands,
generic "deadlines", a deadline not set ("failure to set a deadline"), a state
lasting "until X" ("remain in the city until March 6"), a past deed "by X"
("by Monday, officials hardened their stance")). The
due time is the date after the due preposition or "expires", a date on the
deadline noun ("the Friday deadline", "a deadline of 8 August") or named as
it ("set Friday as the deadline"), "N days
ahead of/before the deadline" counted from another date in the sentence, or
an announcement day plus the stated length. A change verb acting on the
deadline ("shortened", "cut", "extended") gives ``change`` and the lengths
"from X to Y". Setter, bound party, demand and consequences come from
``deadlines_roles``. ``merge_deadlines`` is ``deadlines.merge.merge``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from generator.deadlines import gate, roles
from generator.deadlines.dates import derived_due, is_day_date, is_length
from generator.deadlines.gate import (
    CUE_LEMMAS,
    CUE_PHRASES,
    DEADLINE_NOUNS,
    WINDOW_NOUNS,
    cue_lemmas,
)
from generator.deadlines.wording import demand_of, wording_span
from generator.model import DeadlineCandidate, TimeExpression
from generator.nlp.paragraph import Paragraph

REPORTING_VERBS = frozenset({"said", "says", "say", "told", "tells", "tell", "added", "reported"})
"""Verbs that report what was said: a phrase they head tells of the deadline, demands nothing.
Not ``knowledge.names.SPEECH_VERBS``: "asked", "urged", "warned" there head demands."""
EXPIRE_VERBS = roles.EXPIRE_LEMMAS
SHORTEN_VERBS = frozenset({"shorten", "cut", "reduce", "slash", "tighten", "advance", "trim"})
EXTEND_VERBS = frozenset({"extend", "prolong", "lengthen", "postpone", "delay", "relax"})
_DUE_PREP = re.compile(
    r"\b(by|before|until|till|no\s+later\s+than|not\s+later\s+than)\s+(?:the\s+end\s+of\s+)?$",
    re.IGNORECASE,
)
_FROM = re.compile(r"\bfrom\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
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


def find_deadlines(paragraph: Paragraph) -> list[DeadlineCandidate]:
    """Deadline statements in one paragraph (at most one per sentence)."""
    found = []
    for sentence in paragraph.sentences:
        sent = paragraph.doc.char_span(
            sentence.start - paragraph.offset,
            sentence.end - paragraph.offset,
            alignment_mode="expand",
        )
        if sent is not None:
            candidate = sentence_deadline(paragraph, sent)
            if candidate is not None:
                found.append(candidate)
    return found


def sentence_deadline(paragraph: Paragraph, sent) -> DeadlineCandidate | None:
    """The deadline one sentence states, or None."""
    times = [
        t
        for t in paragraph.times
        if paragraph.offset + sent.start_char <= t.start < paragraph.offset + sent.end_char
    ]
    triggers = due_triggers(paragraph, sent, times) + noun_triggers(paragraph, sent, times)
    if not triggers:
        return None
    noun = next((t for t in triggers if t.anchor.lemma_ in DEADLINE_NOUNS | WINDOW_NOUNS), None)
    dated = next((t for t in triggers if t.due), None)
    main = noun or triggers[0]
    change, current, previous = lengths(paragraph, sent, times, main.anchor)
    moved = _moved_to(paragraph, sent, times, main.anchor)
    due, due_words = (
        (dated.due, None)
        if dated
        else (moved, None)
        if moved
        else derived_due(paragraph, sent, times, current)
    )
    return build_candidate(
        paragraph, sent, times, (main, dated), due, due_words, change, current, previous
    )


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
    if _change_verb(token) is not None:
        return True
    demands = bool(CUE_PHRASES.search(sent.text)) or bool(cue_lemmas(sent) & CUE_LEMMAS)
    return demands and _length_on(paragraph, token, times) is not None


def _is_particular(paragraph: Paragraph, token, times: list[TimeExpression]) -> bool:
    """A deadline noun with a date or a length, or naming one deadline (not "deadlines", nor
    one that is absent: "failure to set a deadline")."""
    return (_date_on(paragraph, token, times) is not None or _length_on(paragraph, token, times) is not None
            or (gate.refers_to_deadline(token) and not gate.is_absent(token)))


def _change_verb(noun):
    """The shortening/extending verb acting on a deadline noun, if any."""
    head = noun.head
    if noun.dep_ in ("dobj", "nsubjpass") and head.lemma_ in SHORTEN_VERBS | EXTEND_VERBS:
        return head
    return None


def _length_on(paragraph: Paragraph, noun, times: list[TimeExpression]) -> TimeExpression | None:
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


def lengths(
    paragraph: Paragraph, sent, times: list[TimeExpression], anchor
) -> tuple[str, TimeExpression | None, TimeExpression | None]:
    """(change, current length, previous length) of the deadline."""
    text = paragraph.source.text
    stated = (
        _length_on(paragraph, anchor, times)
        if anchor.lemma_.lower() in DEADLINE_NOUNS | WINDOW_NOUNS
        else None
    )
    verb = _change_verb(anchor)
    if verb is None:
        return "", stated, None
    change = "shortened" if verb.lemma_ in SHORTEN_VERBS else "extended"
    start = paragraph.offset + sent.start_char
    spans = [t for t in times if is_length(t)]
    to = next((t for t in spans if _TO.search(text[start : t.start])), None)
    before = next((t for t in spans if t is not to and _FROM.search(text[start : t.start])), None)
    previous = before or (stated if stated is not to else None)
    return change, to or stated, previous


def _moved_to(
    paragraph: Paragraph, sent, times: list[TimeExpression], anchor
) -> TimeExpression | None:
    """The new date of a changed deadline: "extended the deadline to 30 June"."""
    if _change_verb(anchor) is None:
        return None
    start = paragraph.offset + sent.start_char
    return next(
        (t for t in times if is_day_date(t) and _TO.search(paragraph.source.text[start : t.start])),
        None,
    )


def _token_at(paragraph: Paragraph, sent, position: int):
    """The token of a sentence starting at an absolute offset."""
    for token in sent:
        if paragraph.offset + token.idx == position:
            return token
    return None


def build_candidate(
    paragraph: Paragraph,
    sent,
    times: list[TimeExpression],
    triggers: tuple,
    due: TimeExpression | None,
    due_words: tuple[int, int] | None,
    change: str,
    current: TimeExpression | None,
    previous: TimeExpression | None,
) -> DeadlineCandidate | None:
    """Assemble roles and wording; None when the sentence says nothing beyond the word."""
    main, dated = triggers
    setter = roles.setter_of(paragraph, main.anchor) or (
        dated and roles.setter_of(paragraph, dated.anchor)
    )
    bound = roles.bound_of(paragraph, (dated or main).anchor, sent)
    demand = demand_of(paragraph, sent, times, main, dated)
    if demand is not None and not demands_something(paragraph.source.text[demand[0]:demand[1]]):
        demand = None
    if not (due or current or demand or (setter and bound)):
        return None
    pieces = [main.words, *(d.words for d in (dated,) if d), *(p for p in (due_words, demand) if p)]
    pieces += [(t.start, t.end) for t in (current, previous) if t] + [
        (m.start, m.end) for m in bound
    ]
    verb = _change_verb(main.anchor)
    if verb is not None:
        pieces.append((paragraph.offset + verb.idx, paragraph.offset + verb.idx + len(verb)))
    start, end = wording_span(paragraph, sent, pieces)
    text = paragraph.source.text
    return DeadlineCandidate(
        citation=paragraph.cite_sentence(start),
        wording=text[start:end],
        due=due,
        duration=current,
        setter=roles.span_of(setter) if setter else None,
        bound=tuple((m.start, m.end) for m in bound),
        demand=text[demand[0] : demand[1]] if demand else "",
        consequences=roles.consequences_in(sent),
        change=change,
        previous=previous,
    )


def demands_something(words: str) -> bool:
    """Whether the phrase read as the demand asks for anything: not the deadline noun itself
    ("a deadline": the judge gave him a May 10 deadline) nor a reporting verb's phrase
    ("told lawmakers in Berlin")."""
    kept = [w for w in words.lower().split()
            if w not in ("a", "an", "the") and not any(c.isdigit() for c in w)]  # "30-day"
    return bool(kept) and not all(w in DEADLINE_NOUNS | WINDOW_NOUNS for w in kept) \
        and kept[0] not in REPORTING_VERBS
