"""Who said a quote: attribution rules over the dependency parse of one paragraph.

Rules, tried in order (``attribute``):

1. Governing speech verb: climb the parse from the quote's tokens to the first
   speech verb outside any quote ("X said that ... “partial”", "“...,” X said",
   "said X, an analyst", "X stated: “...”", "X added that ...").
2. Frame speech verb (long quotes only): the nearest speech verb outside quotes
   in the quote's sentence(s), or the sentence right after when the quote ends
   with a comma ("“...,” / he explained."), or the one before ending in a colon.
3. "according to X" in the quote's sentence(s) (long quotes only).

The speech verb's subject (climbing through "and said", "adding", "as saying";
for "quote" its object or passive subject) names the speaker: a name mention
(or a name in apposition to it); a surname NER missed -> the earlier mention
ending in it; "who" in a relative clause -> the name it modifies; "he"/"she" ->
the nearest preceding person in the paragraph or the previous one, main-clause
subjects first (never an organisation or place); a definite single-holder
office ("the French leader", "the president", not "the ministry spokesman") ->
the nearest earlier person with that role word, else the nearest person.
Anything else ("officials", "they", "a U.S. official", "a source") leaves the
quote unattributed.

The verb lexicon is generic English: ``names.SPEECH_VERBS`` plus a few more
reporting verbs kept here so that entity typing cues are not affected.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from generator.knowledge.names import SPEECH_VERBS, normalise
from generator.model import Mention
from generator.nlp.paragraph import Paragraph
from generator.quotes.spans import QuoteSpan, find_spans

QUOTE_VERBS = SPEECH_VERBS | frozenset(
    """
    stress stressed emphasize emphasized emphasise emphasised acknowledge acknowledged
    admit admitted assert asserted declare declared remark remarked observe observed
    respond responded recall recalled continue continued predict predicted
    suggest suggested tweet tweeted comment commented concede conceded maintain
    maintained contend contended complain complained promise promised vow vowed
    caution cautioned conclude concluded describe described accuse accused call called quote quoted
    """.split()
)
PERSON_PRONOUNS = frozenset({"he", "she"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
# Offices one person holds, so "the president" points back to a named holder;
# "the spokesman" or "an official" usually introduces someone new and is left alone.
ANAPHORIC_ROLES = frozenset(
    """
    leader president premier chancellor minister king queen prince princess pope
    envoy ambassador senator governor mayor secretary emir sheikh monarch
    """.split()
)
SUBJECT_DEPS = frozenset({"nsubj"})
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "parataxis", "pcomp", "prep"})
DEFINITE = frozenset({"the", "this", "that"})


@dataclass(frozen=True)
class Attribution:
    """The outcome of attributing one quote."""

    speaker: Mention | None
    """The mention naming the speaker, or None when the text does not say."""
    cue: str
    """Rule used: "X said", "said X", "colon", "pronoun", "nominal", "according to", ..."""


def is_speech_verb(token) -> bool:
    """True for a verb of saying ("said", "explained", "told")."""
    return token.pos_ in ("VERB", "AUX") and (token.lower_ in QUOTE_VERBS
                                              or token.lemma_.lower() in QUOTE_VERBS)


def attribute(paragraph: Paragraph, span: QuoteSpan, spans: list[QuoteSpan],
              governed_only: bool = False) -> Attribution | None:
    """The speaker of a quote, or None when no speech verb or "according to" frames it.

    Args:
        paragraph: The parsed paragraph holding the quote.
        span: The quote.
        spans: Every quote in the paragraph (their words never name a speaker).
        governed_only: Only accept a speech verb that governs the quote in the parse
            (used for short partial quotes).
    """
    inside = _inside(paragraph, spans)
    verb = _governing_verb(paragraph, span, inside)
    if verb is not None:
        return _speaker(paragraph, verb, span, spans)
    return None if governed_only else _frame_attribution(paragraph, span, spans, inside)


def _frame_attribution(paragraph: Paragraph, span: QuoteSpan, spans: list[QuoteSpan],
                       inside: set[int]) -> Attribution | None:
    """Rules 2 and 3: a speech verb near the quote, else "according to X"."""
    frame = list(_frame(paragraph, span))
    verb = _nearest_verb(paragraph, span, frame, inside)
    if verb is not None:
        return _speaker(paragraph, verb, span, spans)
    return _according_to(paragraph, frame, inside, spans)


def _inside(paragraph: Paragraph, spans: list[QuoteSpan]) -> set[int]:
    """Indices of tokens between quote marks."""
    return {t.i for t in paragraph.doc
            if any(s.holds(paragraph.offset + t.idx) for s in spans)}


def _quote_tokens(paragraph: Paragraph, span: QuoteSpan) -> list:
    return [t for t in paragraph.doc if span.start <= paragraph.offset + t.idx < span.end]


def _governing_verb(paragraph: Paragraph, span: QuoteSpan, inside: set[int]):
    """The nearest speech verb outside quotes above the quote in the parse."""
    tokens = _quote_tokens(paragraph, span)
    own = {t.i for t in tokens}
    found = []
    for token in tokens:
        head = token.head
        while head.i not in own and head.i != token.i:
            if head.i not in inside and is_speech_verb(head):
                found.append(head)
                break
            if head.head.i == head.i:  # spaCy makes a new Token object per access: compare .i
                break
            head = head.head
    return min(found, key=lambda v: _distance(paragraph, v, span), default=None)


def _distance(paragraph: Paragraph, token, span: QuoteSpan) -> int:
    position = paragraph.offset + token.idx
    return min(abs(position - span.open), abs(position - span.close))


def _frame(paragraph: Paragraph, span: QuoteSpan) -> Iterator:
    """Tokens of the quote's sentence(s), widened to a following "he said." or a preceding "X said:"."""
    doc, base = paragraph.doc, paragraph.offset
    sents = [s for s in doc.sents if s.start_char + base < span.close and span.open < s.end_char + base]
    if not sents:
        return
    first, last = sents[0], sents[-1]
    text = paragraph.source.text[span.close: base + len(doc.text)].lstrip()
    if last.end < len(doc) and last.end_char + base <= span.close + 1 and text[:1].islower():
        last = doc[last.end].sent
    if first.start > 0 and doc[first.start - 1].text == ":":
        first = doc[first.start - 1].sent
    yield from doc[first.start: last.end]


def _nearest_verb(paragraph: Paragraph, span: QuoteSpan, frame: list, inside: set[int]):
    verbs = [t for t in frame if t.i not in inside and is_speech_verb(t)]
    return min(verbs, key=lambda v: _distance(paragraph, v, span), default=None)


def _according_to(paragraph: Paragraph, frame: list, inside: set[int],
                  spans: list[QuoteSpan]) -> Attribution | None:
    """ "..., according to X" -> X."""
    for token in frame:
        if token.lower_ == "according" and token.i not in inside and token.i + 1 < len(token.doc):
            for obj in token.nbor(1).children:
                mention = _name_of(paragraph, obj, spans)
                if obj.dep_ == "pobj" and mention is not None:
                    return Attribution(mention, "according to")
    return None


def _subject(verb):
    """The verb's subject, climbing to the verb it is coordinated with or depends on.

    "Y was quoted as saying" and "X quoted Y as saying" both give Y.
    """
    for _ in range(4):
        children = {c.dep_: c for c in reversed(list(verb.children))}
        if verb.lemma_.lower() == "quote":
            return children.get("dobj") or children.get("nsubjpass")
        if "nsubj" in children:
            return children["nsubj"]
        if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _speaker(paragraph: Paragraph, verb, span: QuoteSpan, spans: list[QuoteSpan]) -> Attribution:
    subject = _subject(verb)
    if subject is None:
        return Attribution(None, "unresolved")
    mention = _name_of(paragraph, subject, spans)
    if mention is not None:
        return Attribution(mention, _name_cue(paragraph, verb, subject, span))
    mention, cue = _antecedent(paragraph, subject, spans)
    return Attribution(mention, cue if mention is not None else "unresolved")


def _antecedent(paragraph: Paragraph, subject, spans: list[QuoteSpan]) -> tuple[Mention | None, str]:
    """The earlier mention a subject without a name of its own points to."""
    position = paragraph.offset + subject.idx
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return _name_of(paragraph, subject.head.head, spans), "X said"
    if _is_definite_role(subject):
        return role_antecedent(paragraph, subject.lower_, position, spans), "nominal"
    if subject.pos_ == "PROPN":
        return _earlier_name(paragraph, subject.text, position, spans), "X said"
    if subject.lower_ in PERSON_PRONOUNS:
        return nearest_person(paragraph, position, spans), "pronoun"
    return None, "unresolved"


def _name_cue(paragraph: Paragraph, verb, subject, span: QuoteSpan) -> str:
    between = paragraph.source.text[paragraph.offset + verb.idx: span.open]
    if span.open > paragraph.offset + verb.idx and between.rstrip().endswith(":"):
        return "colon"
    return "said X" if subject.i > verb.i else "X said"


def _name_of(paragraph: Paragraph, token, spans: list[QuoteSpan]) -> Mention | None:
    """The name mention at a token or in apposition to it, outside quotes."""
    for candidate in (token, *[c for c in token.children if c.dep_ == "appos"]):
        start = paragraph.offset + candidate.idx
        mention = paragraph.mention_at(start, start + len(candidate.text))
        if mention is not None and not any(s.holds(mention.start) for s in spans):
            return mention
    return None


def _is_definite_role(token) -> bool:
    """ "the French leader", "the president": a definite noun naming an office held by one person."""
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    return (token.pos_ in ("NOUN", "PROPN") and token.lower_ in ANAPHORIC_ROLES
            and bool(determiners & DEFINITE) and not named)


def _earlier_mentions(paragraph: Paragraph, position: int, spans: list[QuoteSpan],
                      depth: int) -> Iterator[tuple[Paragraph, Mention]]:
    """Mentions before a position, nearest first, outside quotes, going back ``depth`` paragraphs."""
    current: Paragraph | None = paragraph
    quoted = spans
    for _ in range(depth + 1):
        if current is None:
            return
        for mention in reversed(current.mentions):
            if mention.end <= position and not any(s.holds(mention.start) for s in quoted):
                yield current, mention
        current, position = current.previous, paragraph.offset
        quoted = find_spans(current) if current is not None else []


def _people(paragraph: Paragraph) -> set[str]:
    """Normalised names labelled PERSON anywhere in the article so far."""
    names: set[str] = set()
    current: Paragraph | None = paragraph
    while current is not None:
        names.update(normalise(m.text) for m in current.mentions if m.label == "PERSON")
        current = current.previous
    return names


def _is_person(mention: Mention, people: set[str]) -> bool:
    return (mention.label == "PERSON" or "title:person" in mention.cues
            or normalise(mention.text) in people)


def _is_main_subject(paragraph: Paragraph, mention: Mention) -> bool:
    """True when the mention is the subject of its sentence's main verb or of a speech verb."""
    start, end = mention.start - paragraph.offset, mention.end - paragraph.offset
    return any(start <= t.idx < end and t.dep_ in ("nsubj", "nsubjpass")
               and (t.head.dep_ == "ROOT" or is_speech_verb(t.head)) for t in paragraph.doc)


def _earlier_name(paragraph: Paragraph, word: str, position: int,
                  spans: list[QuoteSpan]) -> Mention | None:
    """An earlier mention in the article ending in this word (a surname NER missed here)."""
    return next((m for _, m in _earlier_mentions(paragraph, position, spans, 1_000)
                 if m.text.split()[-1] == word), None)


def nearest_person(paragraph: Paragraph, position: int, spans: list[QuoteSpan]) -> Mention | None:
    """The nearest person before a position in this paragraph or the previous one, subjects first."""
    people = _people(paragraph)
    found = [(p, m) for p, m in _earlier_mentions(paragraph, position, spans, 1) if _is_person(m, people)]
    subject = next((m for p, m in found if _is_main_subject(p, m)), None)
    return subject or next((m for _, m in found), None)


def role_antecedent(paragraph: Paragraph, role: str, position: int,
                    spans: list[QuoteSpan]) -> Mention | None:
    """The nearest earlier person given this role word in the article, else the nearest person."""
    people = _people(paragraph)
    for _, mention in _earlier_mentions(paragraph, position, spans, 1_000):
        words = " ".join([mention.title, *(r.text for r in mention.roles)]).lower().split()
        if _is_person(mention, people) and role in words:
            return mention
    return nearest_person(paragraph, position, spans)
