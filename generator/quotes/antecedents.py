"""Who a speaker word without a name points to: pronouns, definite roles, bare surnames.

"he"/"she" -> a main-clause subject in this paragraph or the previous one;
else someone who spoke earlier in the article (the discourse's speaker, not a
person merely named in between) within ``PRONOUN_DEPTH`` paragraphs; else the
nearest person (never an organisation or place); never a person the article
mostly refers to by the other gender's pronouns or honorifics ("he" is not the
woman "she" stood for, ``genders``). A definite single-holder
office ("the president") -> the nearest earlier person given that role word.
A surname NER missed -> the earlier mention ending in it. A definite company noun ("the
company", "the Dutch chemical group", "the computer maker") or "it" saying something -> the
nearest earlier organisation (for "it" also a country) that is a main-clause subject
(``organisation_antecedent``): business news names a company once, then calls it so; a
place written as a company's home ("Kalamazoo, Mich.-based First of America said") stands for
that company (``home_speaker``), never for itself.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator

from generator.knowledge.names import family_key, normalise, title_word_genders, without_legal_form
from generator.model import Mention
from generator.nlp.based import based_organisation, name_words
from generator.nlp.paragraph import Paragraph
from generator.quotes.spans import QuoteSpan, find_spans
from generator.quotes.speakers import earlier_speakers, is_speech_verb

PRONOUN_DEPTH = 3
"""Paragraphs searched back for a pronoun's antecedent when the previous one names no person."""
# Offices one person holds, so "the president" points back to a named holder;
# "the spokesman" or "an official" usually introduces someone new and is left alone.
ANAPHORIC_ROLES = frozenset(
    """
    leader president premier chancellor minister king queen prince princess pope
    envoy ambassador senator governor mayor secretary emir sheikh monarch
    """.split()
)
DEFINITE = frozenset({"the", "this", "that"})
COMPANY_NOUNS = frozenset(
    """
    company concern firm corporation conglomerate group maker manufacturer producer bank thrift
    lender insurer retailer carrier airline utility partnership chain publisher brokerage
    operator developer distributor supplier agency
    """.split()
)
"""Nouns by which news refers back to an organisation it has named ("the company said"); not
"unit" or "subsidiary", which name a part of the company named before."""


def earlier_mentions(paragraph: Paragraph, position: int, spans: list[QuoteSpan],
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


def people(paragraph: Paragraph) -> set[str]:
    """Normalised names labelled PERSON anywhere in the article so far."""
    names: set[str] = set()
    current: Paragraph | None = paragraph
    while current is not None:
        names.update(normalise(m.text) for m in current.mentions if m.label == "PERSON")
        current = current.previous
    return names


def is_person(mention: Mention, known: set[str]) -> bool:
    return (mention.label == "PERSON" or "title:person" in mention.cues
            or normalise(mention.text) in known)


def _is_main_subject(paragraph: Paragraph, mention: Mention) -> bool:
    """True when the mention is the subject of its sentence's main verb or of a speech verb."""
    start, end = mention.start - paragraph.offset, mention.end - paragraph.offset
    for token in paragraph.doc:
        if not start <= token.idx < end:
            continue
        head = token.head if token.dep_ == "appos" else token  # "His barber, Jane Doe, agreed."
        if head.dep_ in ("nsubj", "nsubjpass") and (head.head.dep_ == "ROOT" or is_speech_verb(head.head)):
            return True
    return False


def earlier_name(paragraph: Paragraph, word: str, position: int,
                  spans: list[QuoteSpan]) -> Mention | None:
    """An earlier mention in the article ending in this word (a surname NER missed here)."""
    return next((m for _, m in earlier_mentions(paragraph, position, spans, 1_000)
                 if m.text.split()[-1] == word), None)


def nearest_person(paragraph: Paragraph, position: int, spans: list[QuoteSpan],
                   gender: str = "") -> Mention | None:
    """The person a pronoun before a position points to (``gender``: "m" or "f" of the pronoun,
    which leaves out the people the article so far mostly gives the other gender, ``genders``:
    more than twice as often as this one; a pronoun misread after a name does not decide).

    Order: a main-clause subject in this paragraph or the previous one; else someone
    who spoke earlier (subject of a speech verb) within ``PRONOUN_DEPTH`` paragraphs, the
    discourse's speaker rather than a person merely named in between; else the nearest
    person in this paragraph or the previous one; else the same search further back.
    """
    known = people(paragraph)
    said = earlier_speakers(paragraph)
    given = genders(paragraph) if gender else {}
    near = [(p, m) for p, m in _people_before(paragraph, position, spans, 1, known)
            if not _of_other_gender(m, gender, given)]
    far = [(p, m) for p, m in _people_before(paragraph, position, spans, PRONOUN_DEPTH, known)
           if not _of_other_gender(m, gender, given)]
    return (next((m for p, m in near if _is_main_subject(p, m)), None)
            or next((m for _, m in far if family_key(m.text) in said), None)
            or next((m for _, m in near), None)
            or next((m for p, m in far if _is_main_subject(p, m)), None)
            or next((m for _, m in far), None))


_OTHER = {"m": "f", "f": "m"}


def _of_other_gender(mention: Mention, gender: str, given: dict[str, Counter]) -> bool:
    """Whether the article so far gives the person of ``mention`` the gender other than
    ``gender`` more than twice as often (``genders``). A full name is judged by its own
    mentions when they give any gender, else by its family name written alone: a sister is
    not judged by her brother's "he" ("Rosa Ilvane" beside "Marco Ilvane")."""
    if not gender:
        return False
    full, family = normalise(mention.text), family_key(mention.text)
    found = (given.get(full) or given.get(_ALONE + family)) if " " in full else given.get(family)
    return found is not None and found[_OTHER[gender]] > 2 * found[gender]


_ALONE = "alone:"
"""Key prefix in ``genders`` of a family name written without a given name."""


def genders(paragraph: Paragraph) -> dict[str, Counter]:
    """How often the article so far gives each name a gender: the pronoun after a mention (cue
    "gender:m"/"gender:f") and honorifics before it ("Mr."). Keyed by the family name (every
    mention ending in it), by the ``normalise``d full name, and by ``_ALONE`` + the family
    name for mentions of the family name alone."""
    found: dict[str, Counter] = defaultdict(Counter)
    current: Paragraph | None = paragraph
    while current is not None:
        for mention in current.mentions:
            given = [c.removeprefix("gender:") for c in mention.cues if c.startswith("gender:")]
            given += title_word_genders(mention.title)
            if given:
                family, full = family_key(mention.text), normalise(mention.text)
                found[family].update(given)
                found[full if " " in full else _ALONE + family].update(given)
        current = current.previous
    return found


def _people_before(paragraph: Paragraph, position: int, spans: list[QuoteSpan], depth: int,
                   known: set[str]) -> list[tuple[Paragraph, Mention]]:
    return [(p, m) for p, m in earlier_mentions(paragraph, position, spans, depth) if is_person(m, known)]


def is_company_noun(paragraph: Paragraph, token) -> bool:
    """ "the company", "the St. Louis company", "the computer maker": a definite singular company
    noun, not one of another named organisation ("the Ford unit") nor anyone's ("its parent
    company")."""
    if token.pos_ != "NOUN" or token.lower_ not in COMPANY_NOUNS:
        return False
    children = list(token.children)
    if not any(c.dep_ == "det" and c.lower_ in ("the", "this") for c in children) \
            or any(c.dep_ == "poss" for c in children):
        return False
    for child in children:
        start = paragraph.offset + child.idx
        mention = paragraph.mention_at(start, start + len(child.text)) if child.dep_ == "compound" else None
        if mention is not None and mention.label == "ORG":
            return False
    return True


def organisation_antecedent(paragraph: Paragraph, position: int, spans: list[QuoteSpan],
                            labels: frozenset[str] = frozenset({"ORG"})) -> Mention | None:
    """The organisation a company noun or "it" before a position stands for: the nearest earlier
    main-clause subject in the article that is an organisation (``labels``; or an
    organisation's name without its legal form, whatever its label: "Acme" after "Acme Corp.")."""
    known = organisations(paragraph)
    for current, mention in earlier_mentions(paragraph, position, spans, 1_000):
        named = mention.label in labels or normalise(mention.text) in known
        if named and _is_main_subject(current, mention):
            return _home_company(current, mention, spans) if "home:place" in mention.cues else mention
    return None


def _home_company(paragraph: Paragraph, place: Mention, spans: list[QuoteSpan]) -> Mention | None:
    """The company a place written as its home stands before ("Kalamazoo, Mich.-based First of
    America"), as ``home_speaker`` finds it; None when no mention names it."""
    last = next((t for t in reversed(paragraph.doc) if paragraph.offset + t.idx < place.end), None)
    first = based_organisation(last) if last is not None else None
    return home_speaker(paragraph, first, spans)[0] if first is not None else None


def home_speaker(paragraph: Paragraph, first, spans: list[QuoteSpan]
                 ) -> tuple[Mention | None, tuple[int, int]]:
    """The mention naming the company whose name starts at token ``first`` after a place
    written as its home ("Kalamazoo, Mich.-based First of America said"; ``nlp.based``), or
    None, and the absolute offsets of its words. A mention there holding only part of the words
    ("Avalon" of "First of Avalon") yields to an earlier one the article wrote in full."""
    start, end = (paragraph.offset + i for i in name_words(first))
    here = paragraph.mention_at(start, end)
    if here is not None and any(s.holds(here.start) for s in spans):
        here = None
    if here is not None and here.start <= start and here.end >= end:
        return here, (start, end)
    return _written_in_full(paragraph, start, end, spans) or here, (start, end)


def _written_in_full(paragraph: Paragraph, start: int, end: int,
                     spans: list[QuoteSpan]) -> Mention | None:
    """The nearest earlier mention, not a person's, whose words begin with the text's words
    between ``start`` and ``end`` ("First of Avalon Bank Corp." for "First of Avalon")."""
    words = normalise(paragraph.source.text[start:end])
    return next((mention for _, mention in earlier_mentions(paragraph, start, spans, 1_000)
                 if mention.label != "PERSON"
                 and f"{normalise(mention.text)} ".startswith(f"{words} ")), None)


def organisations(paragraph: Paragraph) -> set[str]:
    """Normalised names labelled ORG anywhere in the article so far, also without their legal
    forms ("Nashua Corp." -> "nashua")."""
    names: set[str] = set()
    current: Paragraph | None = paragraph
    while current is not None:
        found = [m.text for m in current.mentions if m.label == "ORG"]
        names.update(normalise(n) for name in found for n in (name, without_legal_form(name)))
        current = current.previous
    return names


def is_definite_role(token) -> bool:
    """ "the French leader", "the president": a definite noun naming an office held by one person."""
    determiners = {c.lower_ for c in token.children if c.dep_ in ("det", "poss")}
    named = any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in token.children)
    return (token.pos_ in ("NOUN", "PROPN") and token.lower_ in ANAPHORIC_ROLES
            and bool(determiners & DEFINITE) and not named)


def role_antecedent(paragraph: Paragraph, role: str, position: int,
                    spans: list[QuoteSpan]) -> Mention | None:
    """The nearest earlier person given this role word in the article, else the nearest person."""
    known = people(paragraph)
    for _, mention in earlier_mentions(paragraph, position, spans, 1_000):
        words = " ".join([mention.title, *(r.text for r in mention.roles)]).lower().split()
        if is_person(mention, known) and role in words:
            return mention
    return nearest_person(paragraph, position, spans)
