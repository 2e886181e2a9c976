"""The words of the name itself inside an entity span.

``name_tokens`` strips punctuation at the span's ends, a leading "the", titles, job words
and other words written before a name, keeps the last name of "X and Y" read as one
person and trims headline names (see ``headlines``); the titles and job words it strips
are returned for the mention.
"""

from __future__ import annotations

from generator.knowledge.gazetteer import demonym_country
from generator.knowledge.names import (
    FACILITY_WORDS,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    SPEECH_VERBS,
    is_job_word,
    is_title_modifier,
    is_title_word,
)
from generator.model import Source
from generator.nlp.headlines import (
    headline_body,
    part_the_body_names,
    without_headline_spillover,
    without_trailing_job,
    written_in_lower_case,
)

REGNAL_TITLES = frozenset({"king", "queen", "prince", "princess", "emperor", "empress", "pope",
                           "sultan", "emir", "sheikh", "shah", "tsar", "czar"})
"""Titles written before one name that is no family name ("King Hussein", "Pope Leo"): kept
with it, so the monarch is not taken for another person of the article who bears that name
as a family name ("Saddam Hussein")."""


def name_tokens(ent, source: Source, offset: int) -> tuple[list, list[str]]:
    """The tokens of the name itself, and the title or job words stripped from before it.

    A name ending in an organisation or building word keeps its words ("Justice
    Department", "the Harbourside Dome"). Otherwise leading "the", titles
    ("President"; not a monarch's title before one name, ``REGNAL_TITLES``), job words
    ("Producer"), speech verbs ("Said"), lower-case
    words ("comedian"), short capital abbreviations before a person's name
    ("AG") and, at a sentence or headline start, words the article also writes
    in lower case ("Hire") are no part of the name, nor is a team written before
    such a job word ("Comets QB Jane Doe"). Of "X and Y" tagged as one
    person, Y is kept. In a headline, a person's name the body never writes is
    cut to the part it does write, and trailing headline words are dropped.
    """
    tokens = _without_unclosed_bracket(_without_edge_punctuation(list(ent)))
    tokens = _from_inner_job(_last_conjunct(tokens)) if ent.label_ == "PERSON" else tokens
    body = headline_body(ent.sent, source, offset)
    headline = body is not None
    stripped: list[str] = []
    if headline and ent.label_ == "PERSON":
        tokens = part_the_body_names(tokens, source, offset, body or "")
        tokens = without_headline_spillover(tokens, source, offset, body or "")
    elif headline:
        tokens = without_trailing_job(tokens, source, offset, body or "")
    if tokens[-1].lower_ in ORGANISATION_WORDS or tokens[-1].lower_ in FACILITY_WORDS:
        return (tokens[1:], stripped) if len(tokens) > 1 and tokens[0].lower_ == "the" else (tokens, stripped)
    while len(tokens) > 1:
        token = tokens[0]
        if len(tokens) == 2 and token.lower_ in REGNAL_TITLES:
            break  # "King Hussein": a monarch's one name is no family name to share
        if not (token.lower_ == "the" or _is_strippable_title(token, ent.label_)
                or (tokens[1].text[:1].isupper() and _is_glued_word(token, ent.label_, source, headline))):
            break
        tokens.pop(0)
        if token.lower_ != "the" and (is_title_word(token.text) or is_title_modifier(token.text)
                                      or is_job_word(token.text)):
            stripped.append(token.text)
    return tokens, stripped


def _without_edge_punctuation(tokens: list) -> list:
    """The span without punctuation at its ends: "Jane Doe - -" of a text that writes a dash
    as "- -" (the tokens of "--"), or "( Jane Doe" (all kept when nothing else is left)."""
    start, end = 0, len(tokens)
    while start < end and tokens[start].is_punct:
        start += 1
    while end > start and tokens[end - 1].is_punct:
        end -= 1
    return tokens[start:end] or tokens


def _without_unclosed_bracket(tokens: list) -> list:
    """The span up to a bracket it opens and does not close ("the Federal Bureau of
    Investigation (FBI" of "... (FBI) Director X", where the model's span stopped before
    ")"), and from a bracket it closes without opening: a name's words never hold half a
    bracket, which would print on every page naming it."""
    texts = [t.text for t in tokens]
    if "(" in texts and ")" not in texts[len(texts) - texts[::-1].index("("):]:
        return _without_edge_punctuation(tokens[:len(texts) - 1 - texts[::-1].index("(")])
    if ")" in texts and "(" not in texts[:texts.index(")")]:
        return _without_edge_punctuation(tokens[texts.index(")") + 1:])
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
    """A word written before a name that is no part of it (see ``name_tokens``)."""
    word = token.text
    if word.islower():  # "comedian Jane Doe"; not "de" of "de Gaulle", nor "42nd" of "42nd Street"
        return word not in NAME_PARTICLES and not word[:1].isdigit()
    if is_job_word(word) or (label == "PERSON" and word.lower() in SPEECH_VERBS):
        return True
    if label == "PERSON" and demonym_country(word) is not None:
        return True  # "American Jane Doe": a nationality, no part of the name
    if label == "PERSON" and word.isalpha() and word.isupper() and len(word) <= 3:
        return True  # "AG Doe", "WR Doe": an abbreviated job title
    starts = headline or token.is_sent_start or token.i == 0
    return starts and label == "PERSON" and written_in_lower_case(word, source.text)


def _is_strippable_title(token, label: str) -> bool:
    """A title word before a name: any title for PERSON, honorifics otherwise."""
    nxt = token.nbor(1) if token.i + 1 < len(token.doc) else None
    followed_by_name = nxt is not None and nxt.text[:1].isupper() and not is_title_word(nxt.text)
    if not (is_title_word(token.text) or is_title_modifier(token.text)):
        return False
    return label == "PERSON" or (followed_by_name and token.text[:1].isupper() and nxt.pos_ == "PROPN")
