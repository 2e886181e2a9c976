"""Events: what happened, from trigger words and the parse (per article), merged across sources.

Per article, ``find_events`` looks at every verb and noun of a paragraph:

1. a trigger from the generic lexicons in ``event_triggers`` gives the kind
   (a verb such as "visit", a noun such as "talks", a measure noun governed by
   a verb such as "imposed tariffs");
2. participants are the names at the subject (inherited through "is set to",
   participles and "and"), the object, "with/between/by" phrases, possessives
   ("his trip": the pronoun goes to the nearest person named before it) and,
   for a noun, the subject of its light verb ("held a meeting");
3. the place is the first place name after "in/to/at/on/across" (or the
   object of "visit"), the time the first date or time in the trigger's clause;
4. habitual mentions ("met on several occasions") are skipped, earlier ones
   ("his last visit") are marked, and mentions with neither a participant nor
   a place are dropped.

``merge_events`` (``events.merge``, within the stories of ``events.stories``) joins them corpus-wide.
"""

from __future__ import annotations

from generator.events import triggers as lex
from generator.model import EventCandidate, Mention
from generator.nlp.paragraph import Paragraph

SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
INHERIT_DEPS = frozenset({"xcomp", "conj", "advcl"})
CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "parataxis", "csubj", "conj"})
PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "they", "their", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
HEADLINE_VERBS = lex.headline_verbs()


def find_events(paragraph: Paragraph) -> list[EventCandidate]:
    """Event mentions in one paragraph."""
    found = []
    for token in paragraph.doc:
        kind, governor = trigger(token)
        if kind:
            candidate = _candidate(paragraph, token, kind, governor)
            if candidate is not None:
                found.append(candidate)
    return found


def trigger(token) -> tuple[str | None, object]:
    """The kind a token triggers and the verb governing its clause (None, None if no trigger)."""
    lemma, lower = token.lemma_.lower(), token.lower_
    if token.pos_ == "VERB" and lemma in lex.VERB_TRIGGERS and _complete(token, lemma):
        return lex.VERB_TRIGGERS[lemma], token
    headline = token.pos_ == "PROPN" and token.dep_ == "ROOT" and lower in HEADLINE_VERBS
    if headline and _has_destination(token):
        return HEADLINE_VERBS[lower], token
    if token.pos_ in ("NOUN", "PROPN") and lower in lex.NOUN_TRIGGERS:
        return lex.NOUN_TRIGGERS[lower], governor_of(token)
    measure = lower in lex.SANCTION_NOUNS and token.dep_ == "dobj"
    if measure and token.head.lemma_.lower() in lex.SANCTION_VERBS:
        return "sanctions", token.head
    return None, None


def _complete(verb, lemma: str) -> bool:
    """Whether a verb has the complement its lexicon entry needs."""
    if lemma in lex.NEEDS_PARTNER:
        return any(c.dep_ == "prep" and c.lower_ == "with" for c in verb.children)
    return lemma not in lex.NEEDS_DESTINATION or _has_destination(verb)


def _has_destination(token) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in lex.DESTINATION_PREPS for c in token.children)


def governor_of(token):
    """The nearest verb above a noun (through prepositions, appositions and compounds)."""
    current = token
    for _ in range(6):
        if current.head is current:
            return None
        current = current.head
        if current.pos_ in ("VERB", "AUX"):
            return current
    return None


def _candidate(paragraph: Paragraph, token, kind: str, governor) -> EventCandidate | None:
    context = context_tokens(token, governor)
    if _is_repeated(token, context) or _is_negated(token) or not in_sense(paragraph, token):
        return None
    place = _place(paragraph, token, context)
    people = _mention_spans(paragraph, participants(token, governor), exclude=place)
    time = _time(paragraph, context)
    if not people:  # a real participant is needed: a place alone tells too little
        return None
    if token.pos_ != "VERB" and kind in lex.NEEDS_SETTING and place is None and time is None:
        return None
    start = paragraph.offset + token.idx
    return EventCandidate(kind=kind, trigger=token.text, citation=paragraph.cite_sentence(start),
                          participants=people, place=place, time=time,
                          aspect="earlier" if _is_earlier(token, context) else "")


def in_sense(paragraph: Paragraph, token) -> bool:
    """False when the trigger word is not used for an event: an averted one ("fled the threat of
    war"), a feeling ("so excited to welcome"), or a verb whose object or host is no one
    ("meet his golden rule", "we welcome")."""
    if token.pos_ != "VERB":
        return not any(a.lemma_.lower() in lex.AVERTING_VERBS for a in _governors(token))
    if token.dep_ == "xcomp" and token.head.lower_ in lex.FEELING_ADJECTIVES:
        return False
    lemma = token.lemma_.lower()
    objects = [c for c in token.children if c.dep_ == "dobj"]
    if lemma in lex.NEEDS_PARTY_OBJECT and objects and not _names_someone(paragraph, objects):
        return False
    return lemma not in lex.NEEDS_NAMED_SUBJECT or _names_someone(paragraph, _subjects(token))


def _governors(token) -> list:
    """The words above a noun up to its clause's verb ("threat" <- "of" <- ... <- "fled")."""
    found = []
    current = token
    while current.head is not current and len(found) < 6:
        current = current.head
        found.append(current)
        if current.pos_ in ("VERB", "AUX"):
            break
    return found


def _names_someone(paragraph: Paragraph, tokens: list) -> bool:
    return any(_mention_of(paragraph, t) is not None for head in tokens for t in _expand(head))


def context_tokens(token, governor) -> set[int]:
    """Indices of the tokens in the trigger's own clause."""
    indices = _clause(token)
    if token.pos_ != "VERB" and governor is not None and governor is not token:
        for child in governor.children:
            if child.dep_ in ("prep", "npadvmod", "advmod") and token not in child.subtree:
                indices |= _clause(child)
    return indices


def _clause(token) -> set[int]:
    """Subtree of a token without nested clauses."""
    out = {token.i}
    for child in token.children:
        if child.dep_ not in CLAUSE_DEPS:
            out |= _clause(child)
    return out


def participants(token, governor) -> list:
    """Tokens naming who takes part (before expansion into mentions)."""
    found = []
    if token.pos_ == "VERB" or token is governor:
        found += _subjects(token) + [c for c in token.children if _is_object(c)]
        found += _prep_objects(token, lex.PARTICIPANT_PREPS | {"agent"})
    else:
        found += [c for c in token.children if c.dep_ in ("poss", "compound")]
        found += _prep_objects(token, lex.NOUN_PARTICIPANT_PREPS)
        light = governor is not None and governor.lemma_.lower() in lex.LIGHT_VERBS
        if light and token.dep_ == "dobj":
            found += _subjects(governor) + _prep_objects(governor, lex.PARTICIPANT_PREPS)
    return found


def _is_object(child) -> bool:
    """A direct object, or a name compounded onto a headline verb ("Envoy Smith Heads")."""
    named = child.dep_ == "compound" and child.ent_type_ not in lex.PLACE_LABELS
    return child.dep_ == "dobj" or named


def _subjects(verb) -> list:
    """Subjects of a verb, inherited from the verb it depends on ("is set to visit")."""
    current = verb
    for _ in range(4):
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        subjects = [current.head if s.lower_ in RELATIVE_PRONOUNS and current.dep_ == "relcl" else s
                    for s in subjects] or _participle_subjects(current)
        if subjects or current.dep_ not in INHERIT_DEPS:
            return subjects
        current = current.head
    return []


def _participle_subjects(verb) -> list:
    """"X, working to ..., held": the subject the parser hung on a leading participle clause."""
    return [s for c in verb.children if c.dep_ == "advcl" and c.i < verb.i
            for s in c.children if s.dep_ in SUBJECT_DEPS and s.pos_ == "PROPN"]


def _prep_objects(head, preps: frozenset[str]) -> list:
    out = []
    for child in head.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ in preps):
            out += [c for c in child.children if c.dep_ == "pobj"]
    return out


def _expand(token) -> list:
    """The token, its conjuncts and appositions; amod/compound names of a common noun."""
    out = [token]
    for child in token.children:
        modifier = token.pos_ == "NOUN" and child.dep_ in ("amod", "compound") and child.pos_ != "NOUN"
        if child.dep_ in ("conj", "appos") or modifier:
            out += _expand(child)
    return out


def _mention_spans(paragraph: Paragraph, tokens: list, exclude) -> tuple[tuple[int, int], ...]:
    """Offsets of the mentions the participant tokens name (the place excluded)."""
    spans: dict[tuple[int, int], None] = {}
    for token in (t for head in tokens for t in _expand(head)):
        mention = _mention_of(paragraph, token)
        if mention is not None and (mention.start, mention.end) != exclude:
            spans[(mention.start, mention.end)] = None
    return tuple(spans)


def _mention_of(paragraph: Paragraph, token) -> Mention | None:
    start = paragraph.offset + token.idx
    if token.lower_ in PERSONAL_PRONOUNS:
        return _antecedent(paragraph, token)
    return paragraph.mention_at(start, start + len(token.text))


def _antecedent(paragraph: Paragraph, token) -> Mention | None:
    """The person a pronoun refers to: the last person subject before it, else the last person."""
    position = paragraph.offset + token.idx
    before = [m for m in paragraph.mentions if m.label == "PERSON" and m.end <= position]
    subjects = [m for m in before if _is_subject(paragraph, m)]
    if subjects or before:
        return (subjects or before)[-1]
    root = token.sent.root
    for subject in (c for c in root.children if c.dep_ in SUBJECT_DEPS):
        start = paragraph.offset + subject.idx
        found = paragraph.mention_at(start, start + 1)
        if found is not None and found.label == "PERSON":
            return found
    return None


def _is_subject(paragraph: Paragraph, mention: Mention) -> bool:
    span = paragraph.doc.char_span(mention.start - paragraph.offset, mention.end - paragraph.offset,
                                   alignment_mode="expand")
    return span is not None and span.root.dep_ in SUBJECT_DEPS


def _place(paragraph: Paragraph, token, context: set[int]) -> tuple[int, int] | None:
    doc = paragraph.doc
    heads = [c for c in token.children if c.dep_ == "dobj" and token.lemma_.lower() == "visit"]
    preps = [doc[i] for i in sorted(context)
             if doc[i].dep_ == "prep" and doc[i].lower_ in lex.PLACE_PREPS]
    heads += [c for prep in preps for c in prep.children if c.dep_ == "pobj"]
    for head in heads:
        for candidate in _expand(head):
            mention = _mention_of(paragraph, candidate)
            if mention is not None and mention.label in lex.PLACE_LABELS:
                return (mention.start, mention.end)
    return None


def _time(paragraph: Paragraph, context: set[int]):
    """The first date or time in the paragraph with a token in ``context`` (looked up by offset)."""
    if not context:
        return None
    first, last = paragraph.doc[min(context)], paragraph.doc[max(context)]
    start, end = paragraph.offset + first.idx, paragraph.offset + last.idx + len(last)
    for expression in paragraph.times_between(start, end):
        if expression.type not in ("DATE", "TIME"):
            continue
        span = paragraph.doc.char_span(expression.start - paragraph.offset,
                                       expression.end - paragraph.offset, alignment_mode="expand")
        if span is not None and any(t.i in context for t in span):
            return expression
    return None


def _is_repeated(token, context: set[int]) -> bool:
    words = {token.doc[i].lower_ for i in context} - {token.lower_}
    head = token.head.head if token.head.lower_ == "of" else token.head
    if head.pos_ == "NOUN" and head is not token:
        words |= {c.lower_ for c in head.children}
    return bool(words & lex.REPEATED_MODIFIERS)


def _is_earlier(token, context: set[int]) -> bool:
    """"his last visit", "previously met", or a clause set "during his last visit"."""
    if any(c.dep_ == "advmod" and c.lower_ in lex.EARLIER_ADVERBS for c in token.children):
        return True
    words = (token.doc[i] for i in context)
    return any(t.dep_ == "amod" and t.lower_ in lex.EARLIER_ADJECTIVES
               and t.head.lower_ in lex.NOUN_TRIGGERS for t in words)


def _is_negated(token) -> bool:
    """The trigger or a word above it is negated ("did not meet", "no sign he will visit")."""
    for word in [token, *token.ancestors]:
        if any(c.dep_ == "neg" or (c.dep_ == "det" and c.lower_ == "no") for c in word.children):
            return True
    return False


