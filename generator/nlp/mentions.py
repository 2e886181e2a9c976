"""Turn spaCy entity spans into clean ``Mention`` objects with type evidence.

Part of the per-article NLP stage. Cleaning strips titles, possessives and
leading articles; cues record what the parse says about the name's type
(a title before it, a speech verb it is the subject of, a place preposition
it follows); roles are the apposition or pre-modifier describing it.
"""

from __future__ import annotations

import bisect
import calendar
import functools
import re

from generator.knowledge.gazetteer import demonym_country
from generator.knowledge.names import (
    FACILITY_WORDS,
    JOB_WORDS,
    NAME_PARTICLES,
    ORGANISATION_HEADS,
    ORGANISATION_WORDS,
    PERSON_NOUNS,
    PERSON_TITLES,
    SPEECH_VERBS,
    is_job_word,
    is_title_modifier,
    is_title_word,
    strip_possessive,
)
from generator.model import Mention, Source
from generator.nlp.contest import is_side_of_contest
from generator.nlp.roles import find_roles

_ENTS_KEY = "briefing.sorted_ents"
"""Key in ``Doc.user_data`` of the doc's entities sorted by start, for ``sentence_ents``."""

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
PLACE_PREPOSITIONS = frozenset({"in", "to", "from", "at", "near", "across", "into", "toward", "towards"})


def find_mentions(sent, source: Source, offset: int, sentence: int) -> list[Mention]:
    """Clean mentions of the named entities inside one sentence span."""
    found = []
    for ent in sentence_ents(sent):
        if ent.label_ not in NAME_LABELS or _is_title_abbreviation(ent) or _is_no_name(ent):
            continue
        ent = _with_organisation_word(ent)
        mention = _mention(ent, source, offset, sentence)
        if mention is not None:
            found.append(mention)
    body = headline_body(sent, source, offset)
    if body is not None:
        found += _headline_person_nouns(sent, source, offset, sentence, [(m.start, m.end) for m in found])
        found += _headline_names(sent, source, offset, sentence, body)
    return found



MAX_ORGANISATION_TAIL = 3
"""Most capitalised words after a group or place name read as one organisation name."""

_NUMBERED_NAME = re.compile(r"^\d+[a-z]{2,}s$")
"""A plural word starting with a number ("99ers"): a team's name after its place."""


def _with_organisation_word(ent):
    """"Indian" of "the Indian Navy" tagged alone (NORP or GPE) -> "Indian Navy" (ORG): a
    group or place name followed by untagged capitalised words ending in an organisation
    word ("Navy", "Party", "Police"), or by a plural starting with a number ("99ers")."""
    if ent.label_ not in ("NORP", "GPE"):
        return ent
    doc = ent.doc
    tail = doc[ent.end:min(ent.end + MAX_ORGANISATION_TAIL, ent.sent.end)]
    if len(tail) and _NUMBERED_NAME.match(tail[0].text):
        return _organisation(doc, ent.start, ent.end + 1)  # "Springfield 99ers"
    for i, token in enumerate(tail):
        if token.ent_type_ or not token.text[:1].isupper() or not token.is_alpha:
            return ent
        if token.lower_ in ORGANISATION_WORDS:
            return _organisation(doc, ent.start, ent.end + i + 1)
    return ent


def _organisation(doc, start: int, end: int):
    """Tokens ``start`` to ``end`` of ``doc`` as an ORG entity span."""
    from spacy.tokens import Span  # loaded wherever a doc exists; not imported with this module
    return Span(doc, start, end, label="ORG")


def sentence_ents(sent) -> list:
    """The entities inside one sentence, found by index in the doc's sorted entity list.

    ``Span.ents`` scans every entity of the doc for each sentence, which is
    quadratic in a long paragraph; the sorted start offsets are computed once
    per doc (kept in ``doc.user_data``) and bisected.
    """
    doc = sent.doc
    if _ENTS_KEY not in doc.user_data:  # the parse is complete: its entities no longer change
        ents = doc.ents
        doc.user_data[_ENTS_KEY] = (ents, [e.start for e in ents])
    ents, starts = doc.user_data[_ENTS_KEY]
    first = bisect.bisect_left(starts, sent.start)
    last = bisect.bisect_left(starts, sent.end, lo=first)
    return [e for e in ents[first:last] if e.end <= sent.end]

def headline_body(sent, source: Source, offset: int) -> str | None:
    """The text after the sentence when it is a title-case headline (its longer words
    capitalised: the title line or a sentence like it), else None."""
    title = source.title_span is not None and offset == source.title_span[0]
    line = sent.doc[:] if title else sent
    words = [t.text for t in line if t.is_alpha and len(t.text) > 3]
    if len(words) >= (2 if title else 3) and sum(w[0].isupper() for w in words) >= 0.9 * len(words):
        return source.text[offset + line.end_char:]
    return None


def _headline_names(sent, source: Source, offset: int, sentence: int, body: str) -> list[Mention]:
    """Names of a title-case headline NER left untagged ("Rovers Hire Jane Doe"): runs of
    proper nouns outside any name that the article's body also capitalises mid-sentence
    and never writes in lower case."""
    runs: list[list] = []
    for token in sent:
        if not _is_headline_name(token, source.text, body):
            continue
        if runs and runs[-1][-1].i == token.i - 1:
            runs[-1].append(token)
        else:
            runs.append([token])
    found = []
    for run in runs:
        start, end = offset + run[0].idx, offset + run[-1].idx + len(run[-1].text)
        found.append(Mention(source.id, start, end, source.text[start:end], "", sentence, cues=("headline",)))
    return found


def _is_headline_name(token, text: str, body: str) -> bool:
    """One word of ``_headline_names``."""
    word = token.text
    if (token.ent_type_ in NAME_LABELS or token.pos_ not in ("PROPN", "NOUN")
            or not word.isalpha() or len(word) < 3
            or not word[0].isupper() or token.is_stop or token.lower_ in _HEADLINE_COMMON):
        return False
    mid_sentence = re.search(rf"[a-z,;:]\s+{re.escape(word)}(?!\w)", body) is not None
    return mid_sentence and not _written_in_lower_case(word, text)


_AMOUNT = re.compile(r"^\d[\d.,]*\s?(?:bn|mn|m|k|tn|billion|million|trillion|thousand)?$", re.IGNORECASE)
WORK_NOUNS = frozenset(
    "novel book film movie song album series show play documentary musical opera poem game memoir".split())
ACTING_VERBS = frozenset({"play", "portray"})


ABSTRACT_SUFFIXES = ("ism", "isms", "phobia", "philia", "mania")
"""Endings of abstract nouns ("Slavophobia", "Marxism"): an idea, never an organisation."""


def _is_no_name(ent) -> bool:
    """An amount ("40bn"), an abstract noun ("Slavophobia"), a hyphenated adjective of
    two groups ("Franco-German talks"), a title of a work ("the novel X", "X, a
    novel") or a role an actor plays ("playing X", "the character X"): none of them a
    person, organisation or place."""
    if _AMOUNT.match(ent.text):
        return True
    if len(ent) == 1 and ent.label_ in ("ORG", "NORP") and ent.text.lower().endswith(ABSTRACT_SUFFIXES):
        return True
    if ent.label_ == "NORP" and "-" in ent.text and all(p[:1].isupper() for p in ent.text.split("-")):
        return True
    doc, root = ent.doc, ent.root
    before = doc[ent.start - 1].lower_ if ent.start > 0 else ""
    if before in WORK_NOUNS or before == "character":
        return True
    if any(c.dep_ == "appos" and c.lower_ in WORK_NOUNS for c in root.children):
        return True
    return root.dep_ == "dobj" and root.head.lemma_.lower() in ACTING_VERBS


def _is_title_abbreviation(ent) -> bool:
    """"AG" in "AG Jane Doe": a short capitals word tagged apart right before a person."""
    doc = ent.doc
    return (len(ent) == 1 and ent.text.isalpha() and ent.text.isupper() and len(ent.text) <= 3
            and ent.end < len(doc) and doc[ent.end].ent_type_ == "PERSON" and doc[ent.end].ent_iob_ == "B")


def _headline_person_nouns(sent, source: Source, offset: int, sentence: int,
                           taken: list[tuple[int, int]]) -> list[Mention]:
    """Capitalised person nouns of a headline outside any name ("Woman Killed, Driver
    Charged"): mentions of the people the report is about, typed by a "noun:person" cue.
    Job words and titles ("Actress Dies", "Attorney Says") get a "noun:job" cue too:
    resolution keeps those only when the article says whom they mean. A noun inside a
    kept name (``taken``) is none;
    one stripped from a name ("Driver" of "Driver Charged" tagged as a person) is."""
    found = []
    for token in sent:
        start = offset + token.idx
        if (not token.text[:1].isupper() or not token.is_alpha
                or any(a < start + len(token.text) and start < b for a, b in taken)):
            continue
        if token.lower_ in PERSON_NOUNS:
            cues: tuple[str, ...] = ("noun:person",)
        elif (token.lower_ in JOB_WORDS or token.lower_ in PERSON_TITLES) and token.pos_ in ("NOUN", "PROPN"):
            cues = ("noun:person", "noun:job")
        else:
            continue
        found.append(Mention(source.id, start, start + len(token.text), token.text, "PERSON",
                             sentence, cues=cues))
    return found


def _mention(ent, source: Source, offset: int, sentence: int) -> Mention | None:
    tokens, stripped = _name_tokens(ent, source, offset)
    headline = headline_body(ent.sent, source, offset) is not None
    if not tokens or (headline and _is_headline_word(tokens, source.text)):
        return None  # "Charged" of a headline's "Driver Charged": a word, not a name
    start = offset + tokens[0].idx
    end = strip_possessive(source.text, start, offset + tokens[-1].idx + len(tokens[-1].text))
    text = source.text[start:end]
    if not any(ch.isupper() for ch in text):
        return None  # no letter, or all in lower case ("the gulf"): no name
    roles = tuple(find_roles(ent, tokens[0].i, source, offset, sentence, headline))
    return Mention(
        source=source.id,
        start=start,
        end=end,
        text=text,
        label=ent.label_,
        sentence=sentence,
        cues=tuple(_cues(ent, bool(stripped) or bool(roles))),
        title=" ".join(stripped or _titles_before(ent)),
        roles=roles,
    )


def _is_headline_word(tokens: list, text: str) -> bool:
    """Words of a title-case headline NER took for a name: all written in lower case
    elsewhere in the article ("Charged"), or one person noun or job word ("Swimmer")."""
    if len(tokens) == 1 and (tokens[0].lower_ in PERSON_NOUNS or tokens[0].lower_ in JOB_WORDS):
        return True
    return all(_written_in_lower_case(t.text, text) for t in tokens)


def _name_tokens(ent, source: Source, offset: int) -> tuple[list, list[str]]:
    """The tokens of the name itself, and the title or job words stripped from before it.

    A name ending in an organisation or building word keeps its words ("Justice
    Department", "the Harbourside Dome"). Otherwise leading "the", titles
    ("President"), job words ("Producer"), speech verbs ("Said"), lower-case
    words ("comedian"), short capital abbreviations before a person's name
    ("AG") and, at a sentence or headline start, words the article also writes
    in lower case ("Hire") are no part of the name, nor is a team written before
    such a job word ("Comets QB Jane Doe"). Of "X and Y" tagged as one
    person, Y is kept. In a headline, a person's name the body never writes is
    cut to the part it does write, and trailing headline words are dropped.
    """
    tokens = _from_inner_job(_last_conjunct(list(ent))) if ent.label_ == "PERSON" else list(ent)
    body = headline_body(ent.sent, source, offset)
    headline = body is not None
    stripped: list[str] = []
    if headline and ent.label_ == "PERSON":
        tokens = _part_the_body_names(tokens, source, offset, body or "")
        tokens = _without_headline_spillover(tokens, source, offset, body or "")
    elif headline:
        tokens = _without_trailing_job(tokens, source, offset, body or "")
    if tokens[-1].lower_ in ORGANISATION_WORDS or tokens[-1].lower_ in FACILITY_WORDS:
        return (tokens[1:], stripped) if len(tokens) > 1 and tokens[0].lower_ == "the" else (tokens, stripped)
    while len(tokens) > 1:
        token = tokens[0]
        if not (token.lower_ == "the" or _is_strippable_title(token, ent.label_)
                or (tokens[1].text[:1].isupper() and _is_glued_word(token, ent.label_, source, headline))):
            break
        tokens.pop(0)
        if token.lower_ != "the" and (is_title_word(token.text) or is_title_modifier(token.text)
                                      or is_job_word(token.text)):
            stripped.append(token.text)
    return tokens, stripped


def _part_the_body_names(tokens: list, source: Source, offset: int, body: str) -> list:
    """"Academy Picked Jane Doe" -> "Jane Doe": of a headline name the body never writes,
    the longest run of words from and to a capitalised word that the body does write."""
    def text(part: list) -> str:
        return source.text[offset + part[0].idx: offset + part[-1].idx + len(part[-1].text)]

    def written(part: list) -> bool:
        return re.search(rf"(?<!\w){re.escape(text(part))}(?!\w)", body) is not None

    if len(tokens) < 2 or written(tokens):
        return tokens
    for size in range(len(tokens) - 1, 0, -1):
        for start in range(len(tokens) - size + 1):
            part = tokens[start:start + size]
            if part[0].text[:1].isupper() and part[-1].text[:1].isupper() and written(part):
                return part
    return tokens


def _without_headline_spillover(tokens: list, source: Source, offset: int, body: str) -> list:
    """"Jane Doe Checks Into Rehab" -> "Jane Doe": the longest start of a headline name that
    the body writes too, when every word after it is written in lower case in the article."""
    for end in range(len(tokens) - 1, 0, -1):
        if not _written_in_lower_case(tokens[end].text, source.text) and not tokens[end].is_stop:
            return tokens
        start, stop = offset + tokens[0].idx, offset + tokens[end - 1].idx + len(tokens[end - 1].text)
        if source.text[start:stop] in body:
            return tokens[:end]
    return tokens


def _without_trailing_job(tokens: list, source: Source, offset: int, body: str) -> list:
    """"Rovers Goalkeeper Banned" -> "Rovers": a headline's organisation or place name
    running on into a job word is cut to its longest start before that word which the
    body writes, so the job words ("Goalkeeper") are left to name the person the report
    is about."""
    jobs = [i for i, token in enumerate(tokens) if i and token.lower_ in JOB_WORDS]
    for end in range(jobs[0] if jobs else 0, 0, -1):
        start, stop = offset + tokens[0].idx, offset + tokens[end - 1].idx + len(tokens[end - 1].text)
        if re.search(rf"(?<!\w){re.escape(source.text[start:stop])}(?!\w)", body):
            return tokens[:end]
    return tokens


def _from_inner_job(tokens: list) -> list:
    """"Comets QB Jane Doe" -> "QB Jane Doe": a person's span holding a job word or a short
    capitals abbreviation ("QB", "WR") before a capitalised name starts at it (the job
    word is then stripped as glued), so the team before it is no part of the name."""
    for i in range(len(tokens) - 2, 0, -1):
        word = tokens[i].text
        short_caps = word.isalpha() and word.isupper() and 2 <= len(word) <= 3
        if (is_job_word(word) or short_caps) and tokens[i + 1].text[:1].isupper():
            return tokens[i:]
    return tokens


def _last_conjunct(tokens: list) -> list:
    """"Springfield and Doe" -> "Doe": a coordination read as one person keeps its last name."""
    cuts = [i for i, t in enumerate(tokens) if t.lower_ in ("and", "&") and 0 < i < len(tokens) - 1]
    return tokens[cuts[-1] + 1:] if cuts else tokens


def _is_glued_word(token, label: str, source: Source, headline: bool) -> bool:
    """A word written before a name that is no part of it (see ``_name_tokens``)."""
    word = token.text
    if word.islower():
        return word not in NAME_PARTICLES
    if is_job_word(word) or (label == "PERSON" and word.lower() in SPEECH_VERBS):
        return True
    if label == "PERSON" and demonym_country(word) is not None:
        return True  # "American Jane Doe": a nationality, no part of the name
    if label == "PERSON" and word.isalpha() and word.isupper() and len(word) <= 3:
        return True  # "AG Doe", "WR Doe": an abbreviated job title
    starts = headline or token.is_sent_start or token.i == 0
    return starts and label == "PERSON" and _written_in_lower_case(word, source.text)


def _written_in_lower_case(word: str, text: str) -> bool:
    """True when the article also writes the word (or an inflection of it) in lower case."""
    lower = word.lower()
    if not lower.isalpha() or lower == word:
        return False
    stem = re.sub(r"(?:es|s|ed|d|ing)$", "", lower) if len(lower) > 4 else lower
    words = _words_of(text)
    return any(stem + ending in words for ending in ("", "s", "es", "d", "ed", "ing", "e"))


@functools.lru_cache(maxsize=4)
def _words_of(text: str) -> frozenset[str]:
    """Every whole word of a text (hyphenated compounds as one), read once per article."""
    return frozenset(re.findall(r"[\w-]+", text))


def _is_strippable_title(token, label: str) -> bool:
    """A title word before a name: any title for PERSON, honorifics otherwise."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    followed_by_name = nxt is not None and nxt.text[:1].isupper() and not is_title_word(nxt.text)
    if not (is_title_word(token.text) or is_title_modifier(token.text)):
        return False
    return label == "PERSON" or (followed_by_name and token.text[:1].isupper() and nxt.pos_ == "PROPN")


_HEADLINE_COMMON = PERSON_NOUNS | JOB_WORDS | PERSON_TITLES | frozenset(
    w.lower() for w in (*calendar.month_name, *calendar.day_name) if w)

_STATE_ABBREVIATION = re.compile(r"^(?:[A-Z]\.){2,3}$|^[A-Z][a-z]{1,4}\.$")


def _cues(ent, has_title: bool) -> list[str]:
    cues = []
    root = ent.root
    doc = ent.doc
    if ent[0].lower_ == "the" or (ent.start > 0 and doc[ent.start - 1].lower_ == "the"):
        cues.append("determiner")  # "the Acme", "the Harbourside Dome": no person's name
    if _is_place_before_state(ent) or _is_state_after_place(ent):
        cues.append("state:place")
    if has_title or _title_before(ent):
        cues.append("title:person")
    if root.dep_ in ("nsubj", "nsubjpass") and root.head.lemma_.lower() in SPEECH_VERBS:
        cues.append("verb:said")
    if root.dep_ in ("compound", "poss") and root.head.lower_ in ORGANISATION_HEADS:
        cues.append("head:organization")
    if ent.label_ == "GPE" and is_side_of_contest(ent):
        cues.append("contest:team")  # "a win over Springfield": the city's team
    elif (root.dep_ == "pobj" and root.head.lower_ in PLACE_PREPOSITIONS) or _is_hometown(ent):
        cues.append("prep:place")
    if root.dep_ == "poss" or (ent.end < len(ent.doc) and ent.doc[ent.end].tag_ == "POS"):
        cues.append("possessive")
    if any(t.lower_ in ("he", "she", "his", "her") for t in root.head.children if t.dep_ == "appos"):
        cues.append("pronoun:person")
    gender = _pronoun_gender(ent) if ent.label_ == "PERSON" else ""
    if gender:
        cues.append(f"gender:{gender}")
    return cues


PRONOUN_GENDER = {"he": "m", "him": "m", "his": "m", "himself": "m",
                  "she": "f", "her": "f", "hers": "f", "herself": "f"}


def _pronoun_gender(ent) -> str:
    """"m" or "f" from the first third-person pronoun after a person's name, in its own
    sentence or the next, when no other person is named in between and no speech verb
    ("said she") comes first in that sentence; else ""."""
    doc = ent.doc
    sentences, reported = 0, False
    for token in doc[ent.end:]:
        if token.is_sent_start:
            sentences, reported = sentences + 1, False
            if sentences > 1:
                break
        if token.ent_type_ == "PERSON":
            break
        reported = reported or token.lemma_.lower() in SPEECH_VERBS  # "Doe said she ...": someone else
        if token.lower_ in PRONOUN_GENDER and not reported:
            return PRONOUN_GENDER[token.lower_]
    return ""


def _abbreviation_at(doc, i: int) -> bool:
    """True when the tokens from ``i`` spell a state abbreviation ("N.H.", "N. H.", "Calif.")."""
    parts = []
    for token in doc[i : i + 3]:
        if not re.match(r"^(?:[A-Z]\.)+$|^[A-Z][a-z]{1,4}\.$", token.text):
            break
        parts.append(token.text)
    return bool(parts) and bool(_STATE_ABBREVIATION.match("".join(parts)))


def _is_place_before_state(ent) -> bool:
    """"Springfield, N.H.": a name followed by a comma and a state abbreviation."""
    doc = ent.doc
    return ent.end + 1 < len(doc) and doc[ent.end].text == "," and _abbreviation_at(doc, ent.end + 1)


def _is_state_after_place(ent) -> bool:
    """The "N.H." of "Springfield, N.H.": an abbreviation after a capitalised name and a comma."""
    doc = ent.doc
    return (_abbreviation_at(doc, ent.start) and ent.start >= 2
            and doc[ent.start - 1].text == "," and doc[ent.start - 2].text[:1].isupper())


def _is_hometown(ent) -> bool:
    """"Jane Doe, 66, of Springfield" / "Jane Doe of Springfield": where a person is from."""
    doc = ent.doc
    if ent.start < 2 or doc[ent.start - 1].lower_ != "of":
        return False
    before = doc[ent.start - 2]
    return before.text == "," or before.like_num or before.ent_type_ == "PERSON"


def _titles_before(ent) -> list[str]:
    """Title words written right before the entity span ("Ms." of "Ms. Doe" tagged "Doe")."""
    i = ent.start
    while i > 0 and (is_title_word(ent.doc[i - 1].text) or is_title_modifier(ent.doc[i - 1].text)):
        i -= 1
    return [t.text for t in ent.doc[i:ent.start]]


def _title_before(ent) -> bool:
    start = ent.start
    return start > 0 and is_title_word(ent.doc[start - 1].text)
