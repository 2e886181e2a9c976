"""Who said a quote: attribution rules over the dependency parse of one paragraph.

Rules, tried in order (``attribute``):

1. Governing speech verb: climb the parse from the quote's tokens to the first
   speech verb outside any quote ("X said that ... “partial”", "“...,” X said",
   "said X, an analyst", "X stated: “...”", "X added that ..."), or a labelling
   verb when the quote is what it labels ("X dismissed the idea as “absurd”").
2. Frame speech verb (long quotes only): the nearest speech verb outside quotes
   in the quote's sentence(s), or the sentence right after when the quote ends
   with a comma ("“...,” / he explained."), or the one before ending in a colon.
3. "according to X" in the quote's sentence(s) (long quotes only).
4. A colon right before the quote ("X dismissed the criticism: “...”"), or ending
   the paragraph before a quote that opens its own paragraph ("X posted the
   following message:"): the subject of the verb the colon hangs on (in the
   paragraph before, of that sentence's main verb), whatever the verb (long
   quotes only).

The speech verb's subject (climbing through "and said", "adding", "as saying";
for "quote" its object or passive subject) names the speaker: a name mention
(or a name in apposition to it); a surname NER missed -> the earlier mention
ending in it; "who" in a relative clause -> the name it modifies; "he"/"she" ->
the nearest preceding person in the paragraph or the previous one, main-clause
subjects first (never an organisation or place); a definite single-holder
office ("the French leader", "the president", not "the ministry spokesman") ->
the nearest earlier person with that role word, else the nearest person; a
definite company noun ("the company", "the computer maker") or "it" -> the
nearest earlier organisation (for "it" also a country) that is a main-clause subject.
Anything else ("officials", "they", "a U.S. official", "a source") leaves the
quote unattributed.

The verb lexicon is generic English: ``names.SPEECH_VERBS`` plus a few more
reporting verbs kept here so that entity typing cues are not affected.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass

from generator.model import Mention
from generator.nlp.based import based_organisation
from generator.nlp.cues import PRONOUN_GENDER
from generator.nlp.paragraph import Paragraph
from generator.quotes import speakers
from generator.quotes.antecedents import (
    earlier_name,
    home_speaker,
    is_company_noun,
    is_definite_role,
    is_person,
    nearest_person,
    organisation_antecedent,
    people,
    role_antecedent,
)
from generator.quotes.spans import QuoteSpan, find_spans
from generator.quotes.speakers import QUOTE_VERBS, is_speech_verb  # noqa: F401  (re-exported)

_INSIDE_KEY = "briefing.inside_quotes"
"""Key prefix in ``Doc.user_data`` of the tokens inside each paragraph's quotes."""

PERSON_PRONOUNS = frozenset({"he", "she"})
SPEAKING_BODIES = frozenset({"ORG", "GPE"})
"""Labels of the names "it" saying something stands for (a company, a government)."""
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
SUBJECT_DEPS = frozenset({"nsubj"})
CLIMB_DEPS = frozenset({"conj", "advcl", "xcomp", "ccomp", "parataxis", "pcomp", "prep"})
RUN_ON_TAIL = 12
"""A quote ending in a comma takes in the next sentence when at most this many characters of its
own sentence follow the closing mark ('“...,” Const. / Smith said.' split after an abbreviation)."""


@dataclass(frozen=True)
class Attribution:
    """The outcome of attributing one quote."""

    speaker: Mention | None
    """The mention naming the speaker, or None when the text does not say."""
    cue: str
    """Rule used: "X said", "said X", "colon", "pronoun", "nominal", "according to", ..."""
    description: tuple[int, int] | None = None
    """Offsets of the words describing a speaker no mention names ("a spokeswoman"), else None."""


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
    if verb is None and not governed_only:
        verb = speakers.inverted_verb(paragraph, span, inside)
    if verb is not None:
        return _speaker(paragraph, verb, span, spans)
    if governed_only:
        return None
    return (_frame_attribution(paragraph, span, spans, inside) or _colon_before(paragraph, span, spans)
            or _colon_introduction(paragraph, span))


def speaker_of_verb(paragraph: Paragraph, verb, spans: list[QuoteSpan]) -> Attribution:
    """Who a verb of saying outside any quote names as its subject (same rules as for quotes)."""
    position = paragraph.offset + verb.idx
    return _speaker(paragraph, verb, QuoteSpan(position, position, position, position), spans)


def _colon_before(paragraph: Paragraph, span: QuoteSpan, spans: list[QuoteSpan]) -> Attribution | None:
    """Rule 4, within a paragraph: a quote right after a colon ("X dismissed the criticism:
    “...”") -> the subject of the verb the colon hangs on, whatever the verb."""
    lead = paragraph.source.text[paragraph.offset: span.open].rstrip()
    colon = next((t for t in paragraph.doc if t.idx == len(lead) - 1 and t.text == ":"), None)
    verb = colon.head if colon is not None else None
    if verb is None or verb.pos_ not in ("VERB", "AUX"):
        return None
    attribution = _speaker(paragraph, verb, span, spans)
    return attribution if attribution.speaker or attribution.description else None


def _colon_introduction(paragraph: Paragraph, span: QuoteSpan) -> Attribution | None:
    """Rule 4: a quote opening its paragraph after one that ends in a colon ("X posted this
    message:") -> the subject of the verb nearest the colon ("It's safe to say fans cheered
    when X sent out this message:"), else of that sentence's main verb."""
    previous = paragraph.previous
    lead = paragraph.source.text[paragraph.offset: span.open]
    if previous is None or any(ch.isalnum() for ch in lead) or not previous.doc.text.rstrip().endswith(":"):
        return None
    sentence = list(previous.doc.sents)[-1]
    nearest = next((t for t in reversed(sentence) if t.pos_ == "VERB"), None)
    verbs = (v for v in (nearest, sentence.root) if v is not None and v.pos_ in ("VERB", "AUX"))
    for verb in dict.fromkeys(verbs):  # the root once when it is the verb nearest the colon
        position = previous.offset + verb.idx
        here = QuoteSpan(position, position, position, position)
        attribution = _speaker(previous, verb, here, find_spans(previous))
        if attribution.speaker or attribution.description:
            return attribution
    return None


def _frame_attribution(paragraph: Paragraph, span: QuoteSpan, spans: list[QuoteSpan],
                       inside: set[int]) -> Attribution | None:
    """Rules 2 and 3: a speech verb near the quote, else "according to X"."""
    frame = list(_frame(paragraph, span))
    verb = _nearest_verb(paragraph, span, frame, inside)
    if verb is not None:
        return _speaker(paragraph, verb, span, spans)
    return _according_to(paragraph, frame, inside, spans)


def _inside(paragraph: Paragraph, spans: list[QuoteSpan]) -> set[int]:
    """Indices of tokens between quote marks.

    Computed once per paragraph and set of quotes (kept in ``Doc.user_data``): it is
    asked for every verb of saying, and a scan per verb is quadratic in a long paragraph.
    """
    doc = paragraph.doc
    key = (_INSIDE_KEY, paragraph.offset, tuple((s.open, s.close) for s in spans))
    if key not in doc.user_data:
        starts = [paragraph.offset + t.idx for t in doc]
        found: set[int] = set()
        for span in spans:
            found.update(range(bisect_left(starts, span.open), bisect_left(starts, span.close)))
        doc.user_data[key] = found
    return doc.user_data[key]


def _quote_tokens(paragraph: Paragraph, span: QuoteSpan) -> list:
    return [t for t in paragraph.doc if span.start <= paragraph.offset + t.idx < span.end]


def _governing_verb(paragraph: Paragraph, span: QuoteSpan, inside: set[int]):
    """The nearest speech verb outside quotes above the quote in the parse."""
    tokens = _quote_tokens(paragraph, span)
    own = {t.i for t in tokens}
    found = []
    for token in tokens:
        head, labelled = token.head, token.dep_ == "oprd"
        while head.i not in own and head.i != token.i:
            if head.i not in inside and (is_speech_verb(head) or labelled and speakers.is_label_verb(head)):
                found.append(head)
                break
            labelled = labelled or head.lower_ == "as"
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
    tail = last.end_char + base - span.close
    if last.end < len(doc) and (tail <= 1 and text[:1].islower()
                                or tail <= RUN_ON_TAIL and speakers.runs_on(paragraph, span)):
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


def _subject(verb, inside: set[int]):
    """The verb's subject, climbing to the verb it is coordinated with or depends on; never a
    word inside quote marks (the parse may take a noun of '“... companies ...,” said X' for
    the subject of "said").

    "Y was quoted as saying" and "X quoted Y as saying" both give Y; a participle ("adding")
    the parse hangs on the clause another saying verb reports is that verb's subject's: "He
    said sales could grow, adding: ..." is his, not the sales'.
    """
    participle = verb.tag_ == "VBG"
    for _ in range(4):
        children = {c.dep_: c for c in reversed(list(verb.children)) if c.i not in inside}
        if verb.lemma_.lower() == "quote":
            return children.get("dobj") or children.get("nsubjpass")
        reported = participle and verb.dep_ == "ccomp" and is_speech_verb(verb.head)
        if "nsubj" in children and not reported:
            return children["nsubj"]
        if verb.dep_ not in CLIMB_DEPS or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _speaker(paragraph: Paragraph, verb, span: QuoteSpan, spans: list[QuoteSpan]) -> Attribution:
    inside = _inside(paragraph, spans)
    subject = (_subject(verb, inside) or speakers.adjacent_subject(verb, inside)
               or speakers.subject_after_quote(paragraph, span, verb, inside))
    if subject is None:
        return Attribution(None, "unresolved")
    if (home := based_organisation(subject)) is not None:  # "Kalamazoo, Mich.-based X said"
        mention, words = home_speaker(paragraph, home, spans)
        cue = _name_cue(paragraph, verb, home, span) if mention else "described"
        return Attribution(mention, cue, None if mention else words)
    mention = _name_of(paragraph, subject, spans) or _coordinated_person(paragraph, subject, spans)
    if mention is not None:
        return Attribution(mention, _name_cue(paragraph, verb, subject, span))
    earlier = speakers.described_before(paragraph, subject, inside)
    if earlier is not None:  # "a spokesman said ... “...,” he said"
        return Attribution(None, "described", earlier)
    mention, cue = _antecedent(paragraph, subject, spans)
    if mention is not None:
        return Attribution(mention, cue)
    described = speakers.description(paragraph, subject, inside)
    return Attribution(None, "described" if described else "unresolved", described)


def _antecedent(paragraph: Paragraph, subject, spans: list[QuoteSpan]) -> tuple[Mention | None, str]:
    """The earlier mention a subject without a name of its own points to."""
    position = paragraph.offset + subject.idx
    if subject.lower_ in RELATIVE_PRONOUNS and subject.head.dep_ == "relcl":
        return _name_of(paragraph, subject.head.head, spans), "X said"
    if is_definite_role(subject):
        return role_antecedent(paragraph, subject.lower_, position, spans), "nominal"
    if is_company_noun(paragraph, subject):
        return organisation_antecedent(paragraph, position, spans), "nominal"
    if subject.lower_ == "it" and is_speech_verb(subject.head):  # a company or a country
        return organisation_antecedent(paragraph, position, spans, SPEAKING_BODIES), "pronoun"
    if subject.pos_ == "PROPN":
        return earlier_name(paragraph, subject.text, position, spans), "X said"
    if subject.lower_ in PERSON_PRONOUNS:
        return nearest_person(paragraph, position, spans, PRONOUN_GENDER[subject.lower_]), "pronoun"
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


def _coordinated_person(paragraph: Paragraph, subject, spans: list[QuoteSpan]) -> Mention | None:
    """A person named in coordination or apposition with a role-noun subject."""
    known = people(paragraph)
    mentions = (_name_of(paragraph, token, spans) for token in speakers.coordinated(subject))
    return next((m for m in mentions if m is not None and is_person(m, known)), None)
