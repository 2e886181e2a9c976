"""Who takes part in an event mention: named mentions and described participants.

``participants`` finds the tokens naming who takes part (subjects, inherited
through "is set to", participles and "and"; objects; "with/between/by"
phrases; possessives; for a noun, the subject of its light verb); ``struck``, for a noun that
is the subject of its verb, what it did it to ("a fire destroyed the X Church");
``mention_spans`` turns them into name mentions (a pronoun goes to the nearest
person named before it; a nationality adjective is no participant) and
``described_parties`` keeps the common nouns that describe someone ("a gunman",
"police") without naming them.
"""

from __future__ import annotations

from generator.events import triggers as lex
from generator.knowledge import gazetteer
from generator.knowledge.names import JOB_WORDS, PERSON_NOUNS, PERSON_TITLES
from generator.model import Mention
from generator.nlp.cues import PRONOUN_GENDER
from generator.nlp.paragraph import Paragraph

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})


def participants(token, governor) -> list:
    """Tokens naming who takes part (before expansion into mentions)."""
    found = []
    if token.pos_ == "VERB" or token is governor:
        found += subjects(token) + [c for c in token.children if _is_object(c)]
        found += _prep_objects(token, lex.PARTICIPANT_PREPS | {"agent"})
    else:
        found += [_owner(c, token, governor) for c in token.children if c.dep_ in ("poss", "compound")]
        found += _prep_objects(token, lex.NOUN_PARTICIPANT_PREPS)
        light = governor is not None and governor.lemma_.lower() in lex.LIGHT_VERBS
        inside = _after_prep(token, governor, "in") and token.lower_ in lex.ONGOING_NOUNS
        filed = (_after_prep(token, governor, "for") and governor.lemma_.lower() == "file"
                 and token.lower_ in lex.FILED_FOR_NOUNS)
        if (light and token.dep_ == "dobj") or inside or filed:
            found += subjects(governor) + _prep_objects(governor, lex.PARTICIPANT_PREPS)
    return found


def _owner(possessor, noun, governor):
    """Whom a possessive pronoun on a noun under its verb's preposition stands for: the verb's
    subject ("his brother plunged to his death": the brother, a kin noun naming no one; "X fell
    to her death": X), not the last person named before it; else the possessor itself."""
    under_verb = noun.dep_ == "pobj" and governor is not None and noun.head.head.i == governor.i
    if possessor.lower_ in lex.PERSONAL_PRONOUNS and under_verb:
        return next(iter(subjects(governor)), possessor)
    return possessor


def struck(token, governor) -> list:
    """What a noun trigger that is the subject of its verb did it to: the verb's objects ("a fire
    destroyed the X Church", "the attack killed X"); none otherwise."""
    if token.pos_ == "VERB" or token.dep_ != "nsubj" or governor is None or token.head.i != governor.i:
        return []
    return [c for c in governor.children if c.dep_ == "dobj"]


def recipients(token, governor) -> list:
    """Who an event is made to (``triggers.RECIPIENT_KINDS``): the indirect object or "to" phrase
    of the verb ("offered X a contract", "offered a contract to X"), of the noun ("an offer to X")
    or of the light verb it is the object of ("made an offer to X", "made X an offer")."""
    heads = [token]
    if token.pos_ != "VERB" and governor is not None and token.dep_ == "dobj" and token.head.i == governor.i \
            and governor.lemma_.lower() in lex.LIGHT_VERBS:
        heads.append(governor)
    found = []
    for head in heads:
        for child in head.children:
            if child.dep_ == "dative" and child.pos_ != "ADP":
                found.append(child)
            elif child.dep_ in ("dative", "prep") and child.lower_ == "to":
                found += [c for c in child.children if c.dep_ == "pobj"]
    return found


def _after_prep(token, governor, preposition: str) -> bool:
    """Whether a noun is the object of ``preposition`` right under its governing verb ("in
    talks", "filed for bankruptcy")."""
    return (governor is not None and token.dep_ == "pobj" and token.head.lower_ == preposition
            and token.head.head.i == governor.i)

def _is_object(child) -> bool:
    """A direct object, or a name compounded onto a headline verb ("Envoy Smith Heads")."""
    named = child.dep_ == "compound" and child.ent_type_ not in lex.PLACE_LABELS
    return child.dep_ == "dobj" or named


def subjects(verb) -> list:
    """Subjects of a verb, inherited from the verb it depends on ("is set to visit", "died
    after falling")."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        subjects = [current.head if s.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl" else s
                    for s in subjects] or _participle_subjects(current) or _modified_noun(current)
        after_preposition = current.dep_ == "pcomp" and current.head.dep_ == "prep"
        if subjects or (current.dep_ not in INHERIT_DEPS and not after_preposition):
            return subjects
        current = current.head.head if after_preposition else current.head
    return []


def _modified_noun(verb) -> list:
    """The noun a participle clause modifies ("a climber feared dead": "climber"), else none."""
    modifies = verb.dep_ == "acl" and verb.tag_ in ("VBN", "VBG") and verb.head.pos_ in ("NOUN", "PROPN")
    return [verb.head] if modifies else []


def _participle_subjects(verb) -> list:
    """"X, working to ..., held": the subject the parser hung on a leading participle clause."""
    return [s for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
            for s in c.children if s.dep_ in SUBJECT_DEPS and s.pos_ == "PROPN"]


def _prep_objects(head, preps: frozenset[str]) -> list:
    """Objects of the head's prepositions ``preps`` and of its "by" agent, if it is passive (an
    agent the parse hangs on an active verb, "has made an offer ..., reported by X", is another
    verb's)."""
    out = []
    for child in head.children:
        if (child.dep_ == "agent" and _passive(head)) or (child.dep_ == "prep" and child.lower_ in preps):
            out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _passive(verb) -> bool:
    """"was killed by", "killed by a driver" (a participle), not "has made" (a perfect)."""
    children = list(verb.children)
    if any(c.dep_ == "auxpass" for c in children):
        return True
    return verb.pos_ != "VERB" or (verb.tag_ == "VBN" and not any(c.dep_ == "aux" for c in children))


def expand(token) -> list:
    """The token, its conjuncts and appositions; amod/compound names of a common noun."""
    out = [token]
    for child in token.children:
        modifier = token.pos_ == "NOUN" and child.dep_ in ("amod", "compound") and child.pos_ != "NOUN"
        if child.dep_ in ("conj", "appos") or modifier:
            out += expand(child)
    return out

def mention_spans(paragraph: Paragraph, tokens: list, exclude) -> tuple[tuple[int, int], ...]:
    """Offsets of the mentions the participant tokens name (the place excluded)."""
    spans: dict[tuple[int, int], None] = {}
    for token in (t for head in tokens for t in expand(head)):
        mention = mention_of(paragraph, token)
        adjective = token.dep_ == "amod" and mention is not None and mention.label == "NORP"
        if mention is not None and (mention.start, mention.end) != exclude and not adjective \
                and not _home_of(token, mention):
            spans[(mention.start, mention.end)] = None
    return tuple(spans)


def _home_of(token, mention: Mention) -> bool:
    """Whether a place name modifies a common noun for a person, saying where someone is from ("a
    Springfield woman", "a Kesmark man"): the place takes no part (unlike "a Kesmark office
    shooting" or "a Rose Garden announcement")."""
    return (token.dep_ in ("compound", "amod") and token.head.pos_ == "NOUN"
            and mention.label in lex.PLACE_LABELS and is_person_noun(token.head))


def mention_of(paragraph: Paragraph, token) -> Mention | None:
    """The name mention a token is part of (a singular pronoun's antecedent; "they" names no one,
    ``PLURAL_PRONOUNS``); none for a word that names no one though the model tagged it alone as
    a name (``_names_no_one``)."""
    start = paragraph.offset + token.idx
    if token.lower_ in lex.PERSONAL_PRONOUNS:
        return None if token.lower_ in PLURAL_PRONOUNS else _antecedent(paragraph, token)
    mention = paragraph.mention_at(start, start + len(token.text))
    alone = mention is not None and mention.end - mention.start == len(token.text)
    return None if alone and _names_no_one(token) else mention


def _names_no_one(token) -> bool:
    """A common noun for a person that a headline capitalises ("Woman Killed In Crash"), or a
    nationality used as a noun ("Briton hurt in crash", "an Australian was hurt"): no one named."""
    if token.lower_ in COMMON_PERSON_NOUNS or token.lower_ in lex.NATIONALITY_NOUNS:
        return True
    return token.pos_ in ("NOUN", "PROPN") and gazetteer.demonym_country(token.text) is not None


COMMON_PERSON_NOUNS = lex.PARTY_NOUNS | PERSON_NOUNS
"""Common nouns for people that a headline's capitals make the model tag as a name alone."""

ANTECEDENT_PARAGRAPHS = 2
"""Paragraphs before a pronoun's own that its antecedent is looked for in: a news paragraph is
often one sentence ("He died in a prison in Springfield on Monday")."""

PLURAL_PRONOUNS = frozenset({"they", "their", "them"})
"""Pronouns that stand for a group (a team, the police, a company, several people): no single
person named before them is what they refer to ("the Rovers said they made an offer", "their
eighth straight win")."""


def _antecedent(paragraph: Paragraph, token) -> Mention | None:
    """The person a singular pronoun refers to: the last person subject before it, else the last
    person, in its paragraph, else its sentence's person subject, else the last person subject of
    the ``ANTECEDENT_PARAGRAPHS`` paragraphs before unless that person's gender cue is another (a
    person named there in passing is not who the story goes on about)."""
    position = paragraph.offset + token.idx
    found = _last_person(paragraph, position)
    if found is not None:
        return found
    root = token.sent.root
    for subject in (c for c in root.children if c.dep_ in SUBJECT_DEPS):
        start = paragraph.offset + subject.idx
        found = paragraph.mention_at(start, start + 1)
        if found is not None and found.label == "PERSON":
            return found
    earlier = paragraph.previous
    for _ in range(ANTECEDENT_PARAGRAPHS):
        if earlier is None:
            return None
        found = _last_person(earlier, earlier.offset + len(earlier.doc.text), subjects_only=True)
        if found is not None:
            return found if _gender_fits(found, token.lower_) else None
        earlier = earlier.previous
    return None


def _gender_fits(mention: Mention, pronoun: str) -> bool:
    """False when the mention's gender cue (``nlp.cues``: a pronoun after the name) is not the
    pronoun's ("she" for a man named with "his")."""
    genders = {cue.split(":", 1)[1] for cue in mention.cues if cue.startswith("gender:")}
    return pronoun not in PRONOUN_GENDER or not genders or PRONOUN_GENDER[pronoun] in genders


def _last_person(paragraph: Paragraph, position: int, subjects_only: bool = False) -> Mention | None:
    """The last person subject of ``paragraph`` ending before ``position``, else (unless
    ``subjects_only``) the last person."""
    before = [m for m in paragraph.mentions if m.label == "PERSON" and m.end <= position]
    subjects = [m for m in before if _is_subject(paragraph, m)]
    found = subjects or ([] if subjects_only else before)
    return found[-1] if found else None


def _is_subject(paragraph: Paragraph, mention: Mention) -> bool:
    span = paragraph.doc.char_span(mention.start - paragraph.offset, mention.end - paragraph.offset,
                                   alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT_DEPS

def described_parties(paragraph: Paragraph, tokens: list) -> tuple[str, ...]:
    """Lemmas of participant tokens that describe someone without naming them ("a gunman")."""
    found = (t.lemma_.lower() for head in tokens for t in expand(head) if is_described(paragraph, t))
    return tuple(dict.fromkeys(found))

def is_described(paragraph: Paragraph, token) -> bool:
    words = {token.lower_, token.lemma_.lower()}
    return (token.pos_ in ("NOUN", "PROPN") and bool(words & lex.PARTY_NOUNS)
            and mention_of(paragraph, token) is None)

def names_someone(paragraph: Paragraph, tokens: list) -> bool:
    return any(mention_of(paragraph, t) is not None for head in tokens for t in expand(head))

def names_party(paragraph: Paragraph, tokens: list, people_only: bool = False) -> bool:
    """Someone named or described, or a number of people ("killed three"); ``people_only``:
    a named person, not a place or an organisation ("sanctions hit the country" hits no one)."""
    expanded = [t for head in tokens for t in expand(head)]
    if any(is_described(paragraph, t) for t in expanded) or any(t.pos_ == "NUM" for t in tokens):
        return True
    if not people_only:
        return names_someone(paragraph, tokens)
    return any((m := mention_of(paragraph, t)) is not None and m.label == "PERSON" for t in expanded)


PERSON_WORDS = lex.PARTY_NOUNS | JOB_WORDS | PERSON_NOUNS | PERSON_TITLES
"""Common nouns for people or bodies of people ("the coach", "its treasurer", "300 workers")."""


def is_person_noun(token) -> bool:
    """Whether a common noun stands for a person or a body of people ("workers", "the board's
    chairman"), by its form or lemma (``PERSON_WORDS``)."""
    return bool({token.lower_, token.lemma_.lower()} & PERSON_WORDS)


def done_to(verb) -> list:
    """Who or what a verb is done to: its direct objects and passive subjects, a relative pronoun
    standing for the noun its clause modifies ("the acquisition, which was terminated")."""
    heads = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    return [verb.head if h.lower_ in RELATIVE_PRONOUNS and verb.dep_ == "relcl" else h for h in heads]


def befalls_someone(paragraph: Paragraph, verb) -> bool:
    """False when what a verb is done to is a thing: a common noun that is no person noun and
    holds no person's name ("terminated the merger agreement", "the acquisition, which was
    terminated"); a name, a pronoun, a number or a person noun is someone."""
    for head in done_to(verb):
        if head.pos_ != "NOUN" or is_person_noun(head):
            continue
        named = (mention_of(paragraph, t) for t in expand(head))
        if not any(m is not None and m.label == "PERSON" for m in named):
            return False
    return True
