"""Light-weight, model-free tense cues for placing relative dates before or after the anchor.

The rule, applied to the sentence holding a time expression:

1. A preposition right before the expression decides: "by Friday" is a
   deadline, so future (unless the sentence opens with it or says "had", and its
   verbs are past: "By Friday, the fire was out"); "since Friday" is past.
2. A past verb right after the expression decides ("on Sunday issued").
3. Otherwise the nearest tense cue *before* the expression in the same sentence
   decides ("Doe, who arrived on Wednesday, will meet Roe on Thursday":
   Wednesday is past, Thursday future), skipping a relative clause between commas
   that does not hold the expression ("Officials expect the talks, which began
   Sunday, to end Friday"); when there is none, the nearest cue after it ("On
   Wednesday, Doe arrived").
4. Cues: future = modals ("will", "would", "'ll", "may"...), "is set / expected /
   scheduled / due / going to", "plans / agreed / promised to", "upcoming",
   "ahead of", "deadline", a scheduled present ("expires", "begins", "takes effect", "is due")
   and present progressive ("is visiting"); past =
   "was / were / had / did", "ago", "last", "earlier", irregular past forms
   from a short generic list and "-ed" words (minus adjectives such as
   "armed"); present = "is / are / says", which yields "present".
5. No cue gives "unclear". Callers treat "present" and "unclear" alike: pick
   the nearest candidate.
"""

from __future__ import annotations

import bisect
import re
from typing import Literal

Tense = Literal["past", "future", "present", "unclear"]

_MODALS = r"will|shall|won't|would|wouldn't|could(?!\s+not\b)|might|(?-i:may)|should|must|'ll|'d"
_TO_VERBS = (
    r"set|expected|scheduled|due|slated|poised|going|planning|plans?|planned|preparing|"
    r"about|likely|unlikely|supposed|ready|intends?|intended|aims?|hopes?|wants?|agreed|"
    r"promised|pledged|vowed|threatened|seeks?|sought|decided|is|are"
)
_FUTURE = re.compile(
    rf"\b(?:{_MODALS})\b(?!\s+have\b)(?:\s+(?:not|also|likely|probably|then|soon|"
    rf"again|be|still|only|reportedly|now))*(?:\s+\w+)?"
    rf"|\b(?:(?:is|are|was|were|am|be|been)\s+(?:\w+ly\s+)?)?(?:{_TO_VERBS})\s+to\b"
    r"|\b(?:upcoming|ahead(?=\s+of\b)|deadline|expects?|anticipates?|expected|scheduled|planned|proposed|"
    r"slated|rescheduled|postponed|delayed|tomorrow|next(?!\s+to\b)|coming)\b"
    r"|\b(?:expires|ends|begins|starts|opens|closes|resumes|runs\s+out|takes\s+effect|kicks\s+off)\b"
    r"|\b(?:is|are|am)\s+due\b"
    r"|\b(?:is|are|am)\s+(?:\w+ly\s+)?(?!continuing|trying|seeking|working|holding|having|being)\w+ing\b",
    re.IGNORECASE,
)
_NEGATED_COULD = re.compile(r"\b(?:neither|nor|no\s+one|nobody|none)\b[^,;]{0,40}$", re.IGNORECASE)
""""Neither he nor his aides could be reached Wednesday": a failed attempt, as "could not"."""
_PAST_PLAN = re.compile(
    r"(?:planned|agreed|promised|pledged|vowed|threatened|sought|decided|intended|wanted|hoped)\s+to$",
    re.IGNORECASE,
)
"""A plan in the past tense: a day named before it is the day of the plan ("On Friday, the
government planned to pay"), in the past."""
_IRREGULAR_PAST = (
    "said|told|met|held|went|came|made|took|gave|saw|spoke|began|left|sent|won|lost|"
    "brought|thought|found|became|fled|struck|fell|rose|led|wrote|flew|ran|fought|kept|"
    "paid|stood|spent|shot|broke|chose|drew|drove|got|grew|knew|meant|sat|sold|stole|"
    "swore|taught|threw|understood|woke|withdrew|overtook|forgot|hit|felt|heard|bought|built|"
    "caught|dealt|froze|hid|hung|laid|lent|rode|rang|sang|sank|shook|slid|sprang|stuck|swept|"
    "tore|wore|wept|dug|bent|bled|sped|spun|stank|strove|"
    "ago|last|earlier|previously|yesterday|was|were|had|did|didn't|wasn't|weren't|hadn't|"
    "could\\s+not|couldn't"
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
_PERFECT = re.compile(
    r"\b(?:has|have|hasn't|haven't)\s+(?:(?:\w+ly|not|also|already|long|since)\s+)?(?:been\s+)?"
    rf"(?:[a-z]+ed|{_IRREGULAR_PAST.split('|ago')[0]})\b",
    re.IGNORECASE,
)
"""The present perfect ("has extended the loans until January"): a limit set up to now points ahead."""
_HAD = re.compile(r"\bhad\s+(?:(?:\w+ly|not|already|also)\s+)?(?:been\s+)?[a-z]+(?:ed|en)\b", re.IGNORECASE)
"""The past perfect: what "had been scheduled" or "had filed" by a day lies before the report."""
_PREP = re.compile(
    r"\b(by|since|before|until|till|through|from|payable|effective|record)\s+"
    r"(?:(?<=since\s)(?:(?:shortly|just|soon|long|well)\s+)?(?:after|before)\s+)?(?:on\s+|the\s+)?"
    r"(?:\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\.?,?\s+(?:on\s+)?)?$",  # "by 5 p.m. Monday"
    re.IGNORECASE,
)
_VERB_AFTER = re.compile(r"\s+(?:also\s+|again\s+)?([\w']+)")
"""The word right after a time expression: a past verb there is its clause's verb."""
_TO_ACT = re.compile(r",?\s+to\s+(?!be\b)[a-z]+")
_GRANT = re.compile(r"\b(?:gave|give|gives|given|giving|granted|allowed|has|have|had|extended)\b",
                    re.IGNORECASE)
"""Time granted up to a limit with an infinitive after it ("gave the union until Friday to agree",
"had until Monday to respond"): what must be done by then, so ahead."""
_PREP_TENSE: dict[str, Tense] = {"by": "future", "since": "past", "payable": "future",
                                  "effective": "future", "record": "future"}
"""A dividend is payable, and a change effective, on a day to come ("holders of record Dec. 1")."""
# "has until Friday", "given them until Monday": a time limit points ahead
# unless the sentence is clearly in the past ("stayed until Friday").
_LIMIT_WORDS = frozenset({"until", "till", "before", "through"})
_BOUNDARY = re.compile(r"[.!?][\"'”’)]*\s+(?=[\"“‘(]?[A-Z])|\n")
_ABBREV = re.compile(
    r"(?:\b[A-Z]|Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Jan|Feb|Aug|Sept|Oct|Nov|Dec|No|vs|Jr|Sr"
    r"|Inc|Corp|Co|U\.S|U\.N|U\.K|E\.U)\.$"
)


_DAY_AFTER_CLOCK = re.compile(
    r"[ap]\.m\.\s+(?:[A-Z]{2,4}\b,?\s*)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|today|tomorrow|"
    r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
)
"""No sentence ends between a clock time and its day ("by 5 p.m. Monday", "9 a.m. EST Tuesday")."""


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
    prep = _PREP.search(text[max(first, start - 44) : start])
    word = prep[1].lower() if prep else ""
    if word in _PREP_TENSE:
        opening = not text[first : max(first, start - 44) + prep.start()].strip()  # type: ignore[union-attr]
        done = word == "by" and (opening or _done_by(text, first, start, end))
        if done and _tense_from_cues(text, first, last, start, end) == "past":
            return "past"  # "had filed reports by Wednesday", "By Friday, the fire was out": passed
        return _PREP_TENSE[word]
    verb = _VERB_AFTER.match(text, end, last)
    if verb and verb[1].lower() not in _ADJECTIVE_ED and _PAST.fullmatch(verb[1]):
        return "past"  # "the ministry on Sunday issued a warning"
    tense = _tense_from_cues(text, first, last, start, end)
    granted = _TO_ACT.match(text, end) and _GRANT.search(text, max(first, start - 60), start)
    if word in _LIMIT_WORDS and (tense in ("unclear", "present") or _PERFECT.search(text, first, start)
                                 or granted):
        return "future"  # "gave the union until Friday to agree": a time limit to act by
    return tense


def _tense_from_cues(text: str, first: int, last: int, start: int, end: int) -> Tense:
    """The nearest tense cue before the expression, else the nearest after it."""
    sentence, at = text[first:last], start - first
    cues = _cues(sentence, at, end - first)
    if before := _nearest_before(sentence, cues, at):
        return before[2]
    after = [c for c in cues if c[0] >= end - first]
    return min(after)[2] if after else "unclear"


Cue = tuple[int, int, Tense]


def _nearest_before(sentence: str, cues: list[Cue], at: int) -> Cue | None:
    """The cue nearest before offset ``at``, passing over relative clauses that do not hold it."""
    asides = [a.span() for a in _RELATIVE_ASIDE.finditer(sentence) if not a.start() <= at < a.end()]
    before = [c for c in cues if c[1] <= at]
    before = [c for c in before if not any(a <= c[0] < b for a, b in asides)] or before
    return max(before, key=lambda c: c[1]) if before else None


_ASKED_FOR = re.compile(
    r"(?:said|says|told|announced|reported|stated|added|wrote|declared|predicted|forecast|estimated|"
    r"asked|ordered|urged|demanded|requested|called|promised|pledged|vowed|set|gave|warned|agreed|"
    r"wanted|needed|required|sought|decided|insisted|proposed|suggested|recommended|hoped|aimed|"
    r"threatened|instructed|directed|expected|planned|scheduled)$",
    re.IGNORECASE,
)
"""Past verbs that tell, ask or promise what is still to be done "by" a day ("asked for a reply by
Friday", "said it would decide by Friday"): the day lies ahead of them."""
_INFINITIVE = re.compile(r"\bto\s+(?!the\b|a\b|an\b)[a-z]+\b", re.IGNORECASE)
_AIMING = re.compile(
    r"\b(?:seek|ask|demand|call|urg|hop|aim|plan|expect|push|press|giv|sett|order|requir)ing\b",
    re.IGNORECASE)
"""A participle of aim between the verb and the day ("filed suit, seeking a ruling by Friday")."""
_NO_DEED = re.compile(r"\b(?:to|be|been|being)\s+(?:\w+ly\s+)?$", re.IGNORECASE)
"""A participle after "to be" is a passive infinitive ("expect it to be completed by Dec. 15")."""


def _done_by(text: str, first: int, start: int, end: int) -> bool:
    """True when a deed in the simple past is the verb before "by <day>" ("completed its offer,
    with holders tendering 99% by the Tuesday deadline"; "rebels reached the city by Sunday"): the
    day had come by then. Not after a verb that asks or tells ("ordered them out by Friday") nor
    with an infinitive or modal between ("asked it to respond by Friday"). Also the past perfect
    ("had filed reports by Wednesday")."""
    if _HAD.search(text, first, start):
        return True
    sentence, at = text[first:start], start - first
    cue = _nearest_before(sentence, _cues(text[first:end], at, end - first), at)
    if cue is None or cue[2] != "past" or _ASKED_FOR.match(sentence, cue[0], cue[1]):
        return False
    word = sentence[cue[0] : cue[1]].lower()
    return (word not in ("was", "were", "had", "did") and not _NO_DEED.search(sentence, 0, cue[0])
            and not _INFINITIVE.search(sentence, cue[1]) and not _AIMING.search(sentence, cue[1]))


_RELATIVE_ASIDE = re.compile(r",\s*(?:which|who|whom|whose|where)\b[^,;]*,", re.IGNORECASE)
"""A relative clause between commas (", which began Sunday,") tells its own time, not the
time of what follows it ("to end Friday"), when a cue before it tells that."""
_AS_PLANNED = re.compile(r"\bas\s+(?:\w+ly\s+)?$", re.IGNORECASE)
"""Before "planned", "scheduled", "expected": a comparison with the plan ("as previously
planned"), no future of its own."""
_ATTRIBUTIVE = re.compile(r"\b(?:a|an|the|its|their|his|her|our)\s+(?:\w+ly\s+|still\s+)?$",
                          re.IGNORECASE)
"""A participle right after a determiner is an adjective ("a still unspecified date", "the
revised offer"), not a past verb."""


def _adjective(sentence: str, match: re.Match[str]) -> bool:
    """True when an -ed cue word is used as an adjective, not as a past verb."""
    word = match[0].lower()
    if " " in word:
        return False
    if word in _ADJECTIVE_ED or (word.startswith("un") and word.endswith("ed")):
        return True
    return word.endswith("ed") and bool(_ATTRIBUTIVE.search(sentence, 0, match.start()))


def _cues(sentence: str, start: int, end: int) -> list[tuple[int, int, Tense]]:
    """Return (start, end, tense) of cue words outside ``sentence[start:end]``."""
    found: list[tuple[int, int, Tense]] = []
    taken: list[tuple[int, int]] = [(start, end)]
    for pattern, tense in ((_FUTURE, "future"), (_PAST, "past"), (_PRESENT, "present")):
        for match in pattern.finditer(sentence):
            span = match.span()
            if any(span[0] < b and a < span[1] for a, b in taken):
                continue
            if tense != "present" and _adjective(sentence, match):
                continue  # "the armed men", "the hastily planned trip": no tense
            if tense != "present" and _AS_PLANNED.search(sentence, 0, span[0]):
                continue  # "went ahead as planned Friday": the plan tells no tense, the verb does
            cue = tense
            if tense == "future" and (re.search(r"\bhad\s+(?:\w+ly\s+)?$", sentence[: span[0]])
                                      or (span[0] >= end and _PAST_PLAN.match(match[0]))
                                      or (match[0].lower().startswith("could")
                                          and _NEGATED_COULD.search(sentence, 0, span[0]))):
                cue = "past"  # "had been due to expire Friday"; "On Friday, X planned to pay"
            taken.append(span)
            found.append((span[0], span[1], cue))  # type: ignore[arg-type]
    return found
