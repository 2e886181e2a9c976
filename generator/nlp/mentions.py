"""Turn spaCy entity spans into clean ``Mention`` objects with type evidence.

Part of the per-article NLP stage. Cleaning strips titles, possessives and
leading articles; cues record what the parse says about the name's type
(a title before it, a speech verb it is the subject of, a place preposition
it follows); roles are the apposition or pre-modifier describing it. The rules live in
``entity_spans`` (which spans are names), ``headlines`` (title-case lines), ``name_tokens``
(the words of the name itself) and ``cues`` (type evidence).
"""

from __future__ import annotations

from generator.knowledge.names import strip_possessive
from generator.knowledge.role_words import is_person_role
from generator.model import Mention, Source
from generator.nlp.cues import titles_before, type_cues
from generator.nlp.entity_spans import (
    NAME_LABELS,
    is_no_name,
    is_title_abbreviation,
    sentence_ents,
    with_organisation_word,
)
from generator.nlp.headlines import (
    headline_body,
    headline_names,
    headline_person_nouns,
    is_headline_word,
    is_sentence_start_word,
)
from generator.nlp.name_tokens import name_tokens
from generator.nlp.roles import find_roles


def find_mentions(sent, source: Source, offset: int, sentence: int) -> list[Mention]:
    """Clean mentions of the named entities inside one sentence span."""
    found = []
    for ent in sentence_ents(sent):
        if ent.label_ not in NAME_LABELS or is_title_abbreviation(ent) or is_no_name(ent):
            continue
        ent = with_organisation_word(ent)
        mention = _mention(ent, source, offset, sentence)
        if mention is not None:
            found.append(mention)
    body = headline_body(sent, source, offset)
    if body is not None:
        found += headline_person_nouns(sent, source, offset, sentence, [(m.start, m.end) for m in found])
        found += headline_names(sent, source, offset, sentence, body)
    return found


def _mention(ent, source: Source, offset: int, sentence: int) -> Mention | None:
    tokens, stripped = name_tokens(ent, source, offset)
    headline = headline_body(ent.sent, source, offset) is not None
    if not tokens or (headline and is_headline_word(tokens, source.text)):
        return None  # "Charged" of a headline's "Driver Charged": a word, not a name
    if is_sentence_start_word(tokens, source.text):
        return None  # "Arson is suspected in ...": a word a sentence start capitalises
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
        cues=tuple(type_cues(ent, bool(stripped) or any(is_person_role(r.text) for r in roles))),
        title=" ".join(stripped or titles_before(ent)),
        roles=roles,
    )
