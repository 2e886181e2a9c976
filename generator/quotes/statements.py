"""Reported statements: positions an actor takes, with or without quote marks.

Per paragraph (``find_statements``, called by ``quotes.find_quotes``): a verb
of saying or of taking a position, outside quote marks, whose subject names an
entity (by the quote attribution rules: a name, a pronoun's antecedent, a
definite office) gives an "indirect" ``QuoteCandidate``:

* saying verbs ("said", "told", "warned", "insisted", ...) report their clause:
  "X said that the talks had failed" -> "the talks had failed"; "X vowed to
  fight on" -> "to fight on";
* position verbs ("demanded", "rejected", "denied", "urged", "called for",
  ...) report the verb phrase: "the ministry has rejected the threats as unlawful"
  -> "rejected the threats as unlawful".

A statement whose words hold quote marks is the quote's business (it is a
direct quote), a negated or declined saying verb ("did not say", "declined to say") and an
indirect question ("would not say whether ...") state nothing, and a
verb under a preposition or modifying a noun ("by supporting X", "the
rejected plan") is no statement of its subject. Inside another saying verb's
clause ("X said Y rejected the plan") the statement is X's, not Y's.
The words are read off the parse in ``quotes.clauses``.
Corpus-wide (``merge_statements``): the direct quotes with a named speaker and
these indirect statements become ``ReportedStatement`` objects per actor,
reports of the same words by one actor merged into one.
"""

from __future__ import annotations

import hashlib
from collections import Counter

from generator.knowledge.names import normalise
from generator.model import Briefing, QuoteCandidate, ReportedStatement
from generator.nlp.paragraph import Paragraph
from generator.quotes.attribution import speaker_of_verb
from generator.quotes.clauses import position_phrase, reported_clause, with_addressee
from generator.quotes.spans import QuoteSpan

SAY_LEMMAS = frozenset(
    """
    say tell state claim insist argue warn announce explain note confirm admit acknowledge
    suggest vow promise threaten assert maintain stress predict allege pledge declare
    """.split()
)
"""Verbs whose clause (ccomp/xcomp) is the statement."""
POSITION_LEMMAS = frozenset(
    """
    demand reject deny urge accuse condemn dismiss refuse propose call criticize criticise
    blame welcome dispute denounce
    """.split()
)
"""Verbs whose verb phrase is the statement."""
DECLINE_LEMMAS = frozenset({"decline", "refuse", "fail", "hesitate"})
"""Verbs whose infinitive saying verb says nothing ("declined to say whether ...")."""
MIN_WORDS = 2
UTTERANCE_ENDS = (",", ".", "?", "!")
"""How quoted words end when they are a whole utterance."""


def find_statements(paragraph: Paragraph, spans: list[QuoteSpan]) -> list[QuoteCandidate]:
    """Indirect statements of one paragraph whose speaker is a named entity."""
    found = []
    for verb in paragraph.doc:
        candidate = _statement(paragraph, verb, spans)
        if candidate is not None:
            found.append(candidate)
    return found


def _statement(paragraph: Paragraph, verb, spans: list[QuoteSpan]) -> QuoteCandidate | None:
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in SAY_LEMMAS | POSITION_LEMMAS:
        return None
    if any(s.holds(paragraph.offset + verb.idx) for s in spans) or verb.dep_ in ("pcomp", "amod", "acl"):
        return None
    if _reported_by_another(verb) or (verb.dep_ == "xcomp" and verb.head.lemma_.lower() in DECLINE_LEMMAS):
        return None
    if _frames_quote(paragraph, verb, spans) or _object_gapped(verb, lemma) \
            or _greets(paragraph, verb, lemma):
        return None
    words = reported_clause(verb) if lemma in SAY_LEMMAS else position_phrase(verb)
    if words is None or len(words) < MIN_WORDS:
        return None
    words = with_addressee(verb, words)
    cue = reporting_verb(verb) if lemma in SAY_LEMMAS else verb.text
    if lemma in POSITION_LEMMAS and _unbound(verb):  # "..., accusing them of fraud"
        words, cue = [t for t in words if t.i > verb.i], past_tense(verb)
    start = paragraph.offset + words[0].idx
    end = paragraph.offset + words[-1].idx + len(words[-1].text)
    if any(s.open < end and start < s.close for s in spans):
        return None
    speaker = speaker_of_verb(paragraph, verb, spans).speaker
    if speaker is None or (start <= speaker.start < end):
        return None  # no one, or a name inside the words reported ("enough to argue X may suffer")
    return QuoteCandidate(paragraph.cite(start, end), (speaker.start, speaker.end), speaker.text,
                          cue, kind="indirect")


def _frames_quote(paragraph: Paragraph, verb, spans: list[QuoteSpan]) -> bool:
    """True when a word the verb governs is inside the marks of a whole quoted utterance ('“Fight
    them,” he urged Iraqis in a radio address'): the verb attributes a direct quote, whose
    words it would lose (a quoted word or two, 'profits were “squeezed”', is no utterance)."""
    text = paragraph.source.text
    whole = [s for s in spans if text[s.start: s.close].rstrip("”\"’'` ").endswith(UTTERANCE_ENDS)]
    return any(s.holds(paragraph.offset + c.idx) for c in verb.children if not c.is_punct for s in whole)


def _object_gapped(verb, lemma: str) -> bool:
    """True for a position verb in a relative clause whose object is the noun the clause
    modifies ("a treaty he had rejected in peace talks"): without it, the words would read as
    rejecting the talks."""
    return (lemma in POSITION_LEMMAS and verb.dep_ == "relcl"
            and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in verb.children))


def _greets(paragraph: Paragraph, verb, lemma: str) -> bool:
    """True for "welcome" with a person as its object ("welcomed him as a close friend",
    "welcoming Jane Doe to the capital"): a greeting, no position on anything."""
    if lemma != "welcome":
        return False
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        start = paragraph.offset + obj.idx
        mention = paragraph.mention_at(start, start + len(obj.text))
        if obj.tag_ == "PRP" and obj.lower_ != "it" or mention is not None and mention.label == "PERSON":
            return True
    return False


def _unbound(verb) -> bool:
    """A gerund with no auxiliary ("..., accusing them of fraud") or an infinitive after "to"
    alone ("marched to demand their release"): the pages print such a position as its verb
    in the past tense and the words after it ("accused them of fraud"), as the verb written
    would not read after the speaker's name. Negated, it keeps its words."""
    before = [c for c in verb.lefts if c.dep_ in ("neg", "aux", "auxpass")]
    if verb.tag_ == "VBG":
        return not before
    return verb.tag_ == "VB" and bool(before) and all(c.tag_ == "TO" for c in before)


IRREGULAR_PAST = {"say": "said", "tell": "told", "admit": "admitted"}
"""Past forms of the ``SAY_LEMMAS`` and ``POSITION_LEMMAS`` that do not add "-ed"."""


def reporting_verb(verb) -> str:
    """A saying verb as the pages print it before its clause: as written, but a gerund in
    the past tense ("X, saying the talks had failed" -> "said"), which after a name would read
    "X saying the talks had failed". (A position verb is printed within its own phrase, or,
    ``_unbound``, in the past tense before it.)"""
    return past_tense(verb) if verb.tag_ == "VBG" else verb.text


def past_tense(verb) -> str:
    """The past tense of a saying or position verb, from its lemma."""
    lemma = verb.lemma_.lower()
    if lemma in IRREGULAR_PAST:
        return IRREGULAR_PAST[lemma]
    if lemma.endswith("e"):
        return lemma + "d"
    return lemma[:-1] + "ied" if lemma.endswith("y") and lemma[-2:-1] not in "aeiou" else lemma + "ed"


def _reported_by_another(verb) -> bool:
    """True inside another saying verb's clause ("X said Y rejected Z" is X's statement, not Y's)."""
    token = verb
    while token.dep_ in ("ccomp", "conj", "xcomp") and token.head.i != token.i:
        token = token.head
        if token.pos_ == "VERB" and token.lemma_.lower() in SAY_LEMMAS:
            return True
    return False


def merge_statements(briefing: Briefing) -> list[ReportedStatement]:
    """Every named actor's direct quotes and indirect statements, same words merged per actor."""
    groups: dict[tuple[str, str, str], list] = {}
    for source in briefing.sources:
        analysis = briefing.analyses.get(source.id)
        for candidate in analysis.quotes if analysis else ():
            if candidate.speaker is None or candidate.described:
                continue
            entity = briefing.entity_at(source.id, candidate.speaker[0])
            speaker = entity.id if entity else None
            if speaker is not None:
                key = (speaker, candidate.kind, normalise(candidate.citation.text))
                groups.setdefault(key, []).append(candidate)
    return _unique([_statement_of(key, group) for key, group in groups.items()])


def _statement_of(key: tuple[str, str, str], group: list[QuoteCandidate]) -> ReportedStatement:
    speaker, kind, _ = key
    first = group[0]
    verb = first.cue if kind == "indirect" else ""
    digest = hashlib.sha1("|".join(key).encode("utf-8")).hexdigest()[:10]
    return ReportedStatement(f"st-{digest}", speaker, kind, verb, first.citation.text,
                             tuple(c.citation for c in group))


def _unique(statements: list[ReportedStatement]) -> list[ReportedStatement]:
    taken: Counter[str] = Counter()
    out = []
    for statement in statements:
        taken[statement.id] += 1
        if taken[statement.id] > 1:
            statement = ReportedStatement(f"{statement.id}-{taken[statement.id]}", statement.speaker,
                                          statement.kind, statement.verb, statement.text,
                                          statement.citations)
        out.append(statement)
    return out


def statements_by_speaker(briefing: Briefing) -> dict[str, list[ReportedStatement]]:
    """Entity id -> the statements it made, in source order."""
    out: dict[str, list[ReportedStatement]] = {}
    for statement in briefing.statements:
        out.setdefault(statement.speaker, []).append(statement)
    return out
