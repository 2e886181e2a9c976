"""Light-weight, model-free tense cues for placing relative dates before or after the anchor.

The rule, applied to the sentence holding a time expression:

1. A preposition right before the expression decides: "by Friday" is a
   deadline, so future; "since Friday" is past.
2. Otherwise the nearest tense cue *before* the expression in the same sentence
   decides ("Doe, who arrived on Wednesday, will meet Roe on Thursday":
   Wednesday is past, Thursday future); when there is none, the nearest cue
   after it ("On Wednesday, Doe arrived").
3. Cues: future = modals ("will", "would", "'ll", "may"...), "is set / expected /
   scheduled / due / going to", "plans / agreed / promised to", "upcoming",
   "ahead of", "deadline", and present progressive ("is visiting"); past =
   "was / were / had / did", "ago", "last", "earlier", irregular past forms
   from a short generic list and "-ed" words (minus adjectives such as
   "armed"); present = "is / are / says", which yields "present".
4. No cue gives "unclear". Callers treat "present" and "unclear" alike: pick
   the nearest candidate.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

Tense = Literal["past", "future", "present", "unclear"]

_MODALS = r"will|shall|won't|would|wouldn't|could|might|(?-i:may)|should|must|'ll|'d"
_TO_VERBS = (
    r"set|expected|scheduled|due|slated|poised|going|planning|plans?|planned|preparing|"
    r"about|likely|unlikely|supposed|ready|intends?|intended|aims?|hopes?|wants?|agreed|"
    r"promised|pledged|vowed|threatened|seeks?|sought|decided|is|are"
)
_FUTURE = re.compile(
    rf"\b(?:{_MODALS})\b(?!\s+have\b)(?:\s+(?:not|also|likely|probably|then|soon|"
    rf"again|be|still|only|reportedly|now))*(?:\s+\w+)?"
    rf"|\b(?:(?:is|are|was|were|am|be|been)\s+(?:\w+ly\s+)?)?(?:{_TO_VERBS})\s+to\b"
    r"|\b(?:upcoming|ahead|deadline|expects?|anticipates?|expected|scheduled|planned|proposed|"
    r"slated|rescheduled|postponed|delayed|tomorrow|next|coming)\b"
    r"|\b(?:is|are|am)\s+(?:\w+ly\s+)?\w+ing\b",
    re.IGNORECASE,
)
_IRREGULAR_PAST = (
    "said|told|met|held|went|came|made|took|gave|saw|spoke|began|left|sent|won|lost|"
    "brought|thought|found|became|fled|struck|fell|rose|led|wrote|flew|ran|fought|kept|"
    "paid|stood|spent|shot|broke|chose|drew|drove|got|grew|knew|meant|sat|sold|stole|"
    "swore|taught|threw|understood|woke|withdrew|overtook|forgot|hit|felt|heard|"
    "ago|last|earlier|previously|yesterday|was|were|had|did|didn't|wasn't|weren't|hadn't"
)
_ADJECTIVE_ED = frozenset(
    "need speed feed seed bed red shed hundred indeed proceed exceed succeed breed greed "
    "bleed weed embed sacred naked wicked kindred ragged rugged beloved aged based united "
    "unprecedented armed detailed limited advanced alleged related interested concerned "
    "skilled tired sustained heated biased fixed mixed experienced unexpected so-called "
    "bed-ridden renewed heightened increased reduced".split()
)
_PAST = re.compile(rf"\b(?:{_IRREGULAR_PAST})\b|(?-i:\b[a-z]{{3,}}ed\b)", re.IGNORECASE)
_PRESENT = re.compile(r"\b(?:is|are|am|says|say|remains|isn't|aren't)\b", re.IGNORECASE)
_PREP = re.compile(
    r"\b(by|since|before|until|till|through|from)\s+(?:the\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?,?\s+(?:on\s+)?)?$",  # "by 5 p.m. Monday"
    re.IGNORECASE,
)
_PREP_TENSE: dict[str, Tense] = {"by": "future", "since": "past"}
# "has until Friday", "given them until Monday": a time limit points ahead
# unless the sentence is clearly in the past ("stayed until Friday").
_LIMIT_WORDS = frozenset({"until", "till", "before"})
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|Jr|Sr"
    r"|Inc|Corp|Co|U\.S|U\.N|U\.K|E\.U)\.$"
)


_DAY_AFTER_CLOCK = re.compile(
    r"[ap]\.m\.\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
"""No sentence ends between a clock time and its day ("by 5 p.m. Monday")."""


def sentence_starts(text: str) -> list[int]:
    """Return the start offsets of the sentences (and lines) of ``text``, first one 0."""
    starts = [0]
    for match in _BOUNDARY.finditer(text):
        if _ABBREV.search(text[max(0, match.start() - 6) : match.start() + 1]):
            continue
        if not _DAY_AFTER_CLOCK.match(text, max(0, match.start() - 3)):
            starts.append(match.end())
    return starts


def sentence_span(text: str, start: int, starts: list[int] | None = None) -> tuple[int, int]:
    """Return (start, end) offsets of the sentence holding offset ``start``."""
    starts = starts if starts is not None else sentence_starts(text)
    index = bisect.bisect_right(starts, start) - 1
    end = starts[index + 1] if index + 1 < len(starts) else len(text)
    return starts[index], end


def tense_at(text: str, start: int, end: int, starts: list[int] | None = None) -> Tense:
    """Guess whether the words ``text[start:end]`` refer to the past or the future.

    Args:
        text: The whole text.
        start: Start offset of the time expression.
        end: End offset of the time expression.
        starts: Precomputed ``sentence_starts(text)``, to save work on long texts.

    Returns:
        "past", "future", "present" or "unclear" (see the module docstring).
    """
    first, last = sentence_span(text, start, starts)
    prep = _PREP.search(text[max(first, start - 28) : start])
    word = prep[1].lower() if prep else ""
    if word in _PREP_TENSE:
        return _PREP_TENSE[word]
    tense = _tense_from_cues(text, first, last, start, end)
    return "future" if word in _LIMIT_WORDS and tense in ("unclear", "present") else tense


def _tense_from_cues(text: str, first: int, last: int, start: int, end: int) -> Tense:
    """The nearest tense cue before the expression, else the nearest after it."""
    cues = _cues(text[first:last], start - first, end - first)
    before = [c for c in cues if c[1] <= start - first]
    if before:
        return max(before, key=lambda c: c[1])[2]
    after = [c for c in cues if c[0] >= end - first]
    return min(after)[2] if after else "unclear"


def _cues(sentence: str, start: int, end: int) -> list[tuple[int, int, Tense]]:
    """Return (start, end, tense) of cue words outside ``sentence[start:end]``."""
    found: list[tuple[int, int, Tense]] = []
    taken: list[tuple[int, int]] = [(start, end)]
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past"), (_PRESENT, "present")):
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < b and a < span[1] for a, b in taken):
                continue
            if tense == "past" and match[0].lower() in _ADJECTIVE_ED:
                continue
            taken.append(span)
            found.append((span[0], span[1], tense))  # type: ignore[arg-type]
    return found
