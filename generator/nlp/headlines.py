"""Names in title-case headlines, where a capital letter tells no name.

``headline_body`` tells a headline (and gives the text after it); names NER left
untagged and capitalised person nouns ("Woman Killed") become mentions; a name read
too long is cut to what the article's body writes ("Jane Doe Checks Into Rehab" ->
"Jane Doe"). ``written_in_lower_case`` tells a word the article also writes in lower case.
"""

from __future__ import annotations

import calendar
import functools
import re

from generator.knowledge.names import JOB_WORDS, PERSON_NOUNS, PERSON_TITLES
from generator.model import Mention, Source
from generator.nlp.entity_spans import NAME_LABELS


def headline_body(sent, source: Source, offset: int) -> str | None:
    """The text after the sentence when it is a title-case headline (its longer words
    capitalised: the title line or a sentence like it, alone on its line; a sentence that ends
    in a full stop and runs on into the next, "Bill Clinton met Tony Blair in London. He ...",
    is running text dense with names), else None."""
    title = source.title_span is not None and offset == source.title_span[0]
    line = sent.doc[:] if title else sent
    if not title and line.text.rstrip().endswith(".") and any(not t.is_space for t in sent.doc[sent.end:]):
        return None
    words = [t.text for t in line if t.is_alpha and len(t.text) > 3]
    if len(words) >= (2 if title else 3) and sum(w[0].isupper() for w in words) >= 0.9 * len(words):
        return source.text[offset + line.end_char:]
    return None


def headline_names(sent, source: Source, offset: int, sentence: int, body: str) -> list[Mention]:
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
    """One word of ``headline_names``."""
    word = token.text
    if (token.ent_type_ in NAME_LABELS or token.pos_ not in ("PROPN", "NOUN")
            or not word.isalpha() or len(word) < 3
            or not word[0].isupper() or token.is_stop or token.lower_ in _HEADLINE_COMMON):
        return False
    mid_sentence = re.search(rf"[a-z,;:]\s+{re.escape(word)}(?!\w)", body) is not None
    return mid_sentence and not written_in_lower_case(word, text)


def headline_person_nouns(sent, source: Source, offset: int, sentence: int,
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


def is_headline_word(tokens: list, text: str) -> bool:
    """Words of a title-case headline NER took for a name: all written in lower case
    elsewhere in the article ("Charged"), or one person noun or job word ("Swimmer")."""
    if len(tokens) == 1 and (tokens[0].lower_ in PERSON_NOUNS or tokens[0].lower_ in JOB_WORDS):
        return True
    return all(written_in_lower_case(t.text, text) for t in tokens)


def is_sentence_start_word(tokens: list, text: str) -> bool:
    """One word NER took for a name only because it opens a sentence ("Arson is suspected
    in ..."): the article also writes it in lower case, and never right after another
    capitalised word, as a family name is ("Jack White", "Mr. White")."""
    if len(tokens) != 1 or not tokens[0].is_sent_start:
        return False
    word = tokens[0].text
    if not written_in_lower_case(word, text):
        return False
    return re.search(rf"\b[A-Z][\w'’.-]*\s+{re.escape(word)}\b", text) is None


def part_the_body_names(tokens: list, source: Source, offset: int, body: str) -> list:
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


def without_headline_spillover(tokens: list, source: Source, offset: int, body: str) -> list:
    """"Jane Doe Checks Into Rehab" -> "Jane Doe": the longest start of a headline name that
    the body writes too, when every word after it is written in lower case in the article."""
    for end in range(len(tokens) - 1, 0, -1):
        if not written_in_lower_case(tokens[end].text, source.text) and not tokens[end].is_stop:
            return tokens
        start, stop = offset + tokens[0].idx, offset + tokens[end - 1].idx + len(tokens[end - 1].text)
        if source.text[start:stop] in body:
            return tokens[:end]
    return tokens


def without_trailing_job(tokens: list, source: Source, offset: int, body: str) -> list:
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


def written_in_lower_case(word: str, text: str) -> bool:
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


_HEADLINE_COMMON = PERSON_NOUNS | JOB_WORDS | PERSON_TITLES | frozenset(
    w.lower() for w in (*calendar.month_name, *calendar.day_name) if w)
