"""Deadlines: what is due by when, set by whom, on whom (per article), merged across sources.

``find_deadlines`` reads one parsed paragraph, sentence by sentence. A
sentence states a deadline when it has a trigger (``deadlines.triggers``): a due
preposition before a date with a demand cue ("by/before/until X"), a deadline noun, a
window noun with a length or a change, "expires X" or "extended (its offer) to X".

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

from generator.deadlines import roles
from generator.deadlines.dates import derived_due, is_day_date, is_length
from generator.deadlines.gate import DEADLINE_NOUNS, WINDOW_NOUNS
from generator.deadlines.triggers import SHORTEN_VERBS, change_verb, due_triggers, length_on, noun_triggers
from generator.deadlines.wording import demand_of, wording_span
from generator.model import DeadlineCandidate, TimeExpression
from generator.nlp.paragraph import Paragraph

REPORTING_VERBS = frozenset({"said", "says", "say", "told", "tells", "tell", "added", "reported"})
"""Verbs that report what was said: a phrase they head tells of the deadline, demands nothing.
Not ``knowledge.names.SPEECH_VERBS``: "asked", "urged", "warned" there head demands."""
_FROM = re.compile(r"\bfrom\s+(?:\w+\s+){0,3}$", re.IGNORECASE)
_TO = re.compile(r"\bto\s+(?:\w+\s+){0,2}$", re.IGNORECASE)


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


def lengths(
    paragraph: Paragraph, sent, times: list[TimeExpression], anchor
) -> tuple[str, TimeExpression | None, TimeExpression | None]:
    """(change, current length, previous length) of the deadline."""
    text = paragraph.source.text
    stated = (
        length_on(paragraph, anchor, times)
        if anchor.lemma_.lower() in DEADLINE_NOUNS | WINDOW_NOUNS
        else None
    )
    verb = change_verb(anchor)
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
    if change_verb(anchor) is None:
        return None
    start = paragraph.offset + sent.start_char
    return next(
        (t for t in times if is_day_date(t) and _TO.search(paragraph.source.text[start : t.start])),
        None,
    )


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
    verb = change_verb(main.anchor)
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
