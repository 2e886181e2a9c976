"""Roles a sentence gives a name: the words before it, its apposition, the noun it is in
apposition to, or the role its own verb gives it ("was named as the coach"); part of
the per-article NLP stage, used by ``mentions``.

A role is the role noun with its modifiers and its prepositional complement
("acting US envoy to the UN"), without a leading article ("an Austrian political
analyst" -> "Austrian political analyst"); a role with no word left is none.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.knowledge.names import JOB_WORDS, PERSON_NOUNS, PERSON_TITLES, is_honorific, is_title_word
from generator.knowledge.role_words import is_person_role
from generator.model import Citation, Role, Source

ROLE_CONNECTORS = frozenset({"to", "of", "for"})
MAX_ROLE_WORDS = 12
ARTICLES = frozenset({"a", "an", "the"})
CLAUSE_WORDS = frozenset({"and", "who", "which", "that", "whose", "whom"})


def find_roles(ent, name_start: int, source: Source, offset: int, sentence: int,
               headline: bool = False) -> Iterator[Role]:
    """Roles from the words before the name, its apposition, or the noun it is in apposition to.

    Args:
        headline: the sentence is a title-case headline, where capitals cannot tell
            role words from names ("Doe Envoy Jane Roe"): no role from the words before.
    """
    before = None if headline else premodifier_role(ent, name_start)
    for span in (before, apposition_role(ent), head_role(ent), predicate_role(ent)):
        span = without_article(span) if span is not None else None
        if span is not None and len(span) <= MAX_ROLE_WORDS and span.text.strip():
            start = offset + span.start_char
            end = offset + span.end_char
            yield Role(span.text, Citation(source.id, start, end, source.text[start:end], sentence))


def without_article(span):
    """The span without a leading "a", "an" or "the" (None when nothing is left)."""
    while len(span) and span[0].lower_ in ARTICLES:
        span = span[1:]
    return span if len(span) else None


def premodifier_role(ent, name_start: int):
    """"US Ambassador to the UN Jane Doe" -> "US Ambassador to the UN"."""
    doc, i = ent.doc, name_start
    while i > 0 and (i > ent.start or _is_role_token(doc[i - 1])):
        i -= 1
    while i < name_start and not _is_role_start(doc[i]):
        i += 1
    end = name_start
    while end > i and is_honorific(doc[end - 1].text):
        end -= 1  # "adviser to Mr. Doe": the honorific is Doe's, the role someone else's
    span = doc[i:end]
    if not span or span[-1].lower_ in ROLE_CONNECTORS or not any(is_title_word(t.text) for t in span):
        return None
    span = _from_the_title_phrase(span)
    return None if all(is_honorific(t.text) for t in span) else span


def _from_the_title_phrase(span):
    """The span from the words of its title phrase on.

    A connector before the first title word joins other words to it, not to the name
    ("damage to Alaska Gov. Doe" -> "Alaska Gov.", "an effigy of Gov. Doe" -> "Gov."); one
    after it is the title's complement ("US Ambassador to the UN", "Secretary of State").
    Words before the phrase of the last title word belong to another phrase ("the firm
    former finance minister Doe founded" -> "former finance minister"; "party leader" keeps
    "party")."""
    titles = [t for t in span if is_title_word(t.text)]
    connectors = [t.i for t in span if t.i < titles[0].i and t.lower_ in ROLE_CONNECTORS]
    start = max(connectors[-1] + 1 if connectors else span.start, titles[-1].left_edge.i)
    return span.doc[start:span.end]


def _is_role_start(token) -> bool:
    return token.lower_ not in ROLE_CONNECTORS and token.lower_ != "the"


def _is_role_token(token) -> bool:
    if token.lower_ in ROLE_CONNECTORS:
        return token.i + 1 < len(token.doc) and token.nbor(1).pos_ == "PROPN"
    return token.pos_ in ("PROPN", "NOUN", "ADJ") and not token.is_punct


def apposition_role(ent):
    """"Jan Novak, a Czech political analyst" -> "a Czech political analyst"; not a note in
    brackets ("Jane Doe (knee) is out": an injury, an age, a party), nor a list of others
    (``_names_others``)."""
    for child in ent.root.children:
        if child.dep_ == "appos" and child.pos_ == "NOUN" and not _in_brackets(child) \
                and not _names_others(child):
            role = trim_phrase(child)
            if role is not None and _not_described_here(ent) and not is_person_role(role.text):
                return None  # "an effigy of Jane Doe, part of a display": the effigy's
            return role
    return None


def _not_described_here(ent) -> bool:
    """Whether the name is the object of "of" after a noun ("an effigy of Jane Doe") or of
    "according to" ("according to Jane Doe, the offices were destroyed"): there an apposition
    that names no office or job describes that noun, or is the clause's subject, not the
    person."""
    head = ent.root.head
    if ent.root.dep_ != "pobj":
        return False
    return (head.lower_ == "of" and head.head.pos_ == "NOUN") or (
        head.lower_ == "to" and head.head.lower_ == "according")


def _names_others(noun) -> bool:
    """Whether an apposition lists other people ("Jane Doe, her husband John and 100
    parishioners"): it names someone itself, or is joined by "and" to a name or a plural
    ("a lawyer and former judge" is one person's two roles)."""
    return any((c.dep_ == "appos" and c.pos_ == "PROPN")
               or (c.dep_ == "conj" and (c.pos_ == "PROPN" or c.tag_ in ("NNS", "NNPS")))
               for c in noun.children)


def _in_brackets(token) -> bool:
    """Whether the phrase of ``token`` opens with a bracket, or follows one."""
    first = min(t.i for t in token.subtree)
    return token.doc[first].text == "(" or (first > 0 and token.doc[first - 1].text == "(")


def predicate_role(ent):
    """"Jane Doe was named as the new head coach" / "Jane Doe is the mayor of X": a role
    noun the name's own verb gives it (after "as", or as its complement); none when the verb
    denies it ("is not the mayor", "would no longer become the victim")."""
    root = ent.root
    if root.dep_ not in ("nsubj", "nsubjpass") or _denied(root.head):
        return None
    for child in root.head.children:
        if child.dep_ in ("attr", "oprd") and _is_role_noun(child):
            return trim_phrase(child)
        if child.dep_ == "prep" and child.lower_ == "as":
            for noun in child.children:
                if noun.dep_ == "pobj" and _is_role_noun(noun):
                    return trim_phrase(noun)
    return None


DENYING_ADVERBS = frozenset({"not", "n't", "never", "longer"})
"""Words that deny a verb's complement ("not", "never", "no longer")."""


def _denied(verb) -> bool:
    """Whether the verb is negated or said to hold no longer."""
    return any(c.dep_ in ("neg", "advmod") and c.lower_ in DENYING_ADVERBS for c in verb.children)


def head_role(ent):
    """"the president's special envoy, Jane Doe" -> "the president's special envoy";
    "the acting envoy to the UN, Jane Doe" keeps "to the UN" (the noun's complement). A name
    in apposition to a person inside that complement is that person, not the role's holder
    ("X, lawyer for the boy's father Juan Doe": Juan Doe is no lawyer)."""
    root = ent.root
    head = root.head
    if (head.dep_ == "pobj" and head.head.lower_ in ROLE_CONNECTORS
            and _is_role_noun(head.head.head) and not _names_a_person(head)):
        head = head.head.head  # "the envoy to the UN, Jane Doe": parsed as the UN's apposition
    if root.dep_ != "appos" or not _is_role_noun(head):
        return None
    left = min(t.i for t in head.subtree if t.i < root.i - 1 or t == head)
    end = head.i + 1
    for child in head.rights:
        if child.dep_ == "prep" and child.lower_ in ROLE_CONNECTORS and child.i == end:
            end = max(end, _phrase_end(child, stop=ent.start))
    return ent.doc[left:end]


def _names_a_person(token) -> bool:
    """Whether the noun names a person ("father", "lawyer"), not a body or a place."""
    return token.lower_ in PERSON_NOUNS or is_person_role(token.text)


ROLE_HEADS = frozenset({"head", "chief"})
"""Role nouns that are no title before a name ("the head of the agency, Jane Doe"); job
words ("the driver, Jane Doe") count too."""


def _is_role_noun(token) -> bool:
    word = token.lower_
    return token.pos_ == "NOUN" and (word in PERSON_TITLES or word in ROLE_HEADS or word in JOB_WORDS)


def _phrase_end(token, stop: int) -> int:
    """End (exclusive) of the token's subtree, cut before punctuation and before ``stop``."""
    end = token.i + 1
    for t in token.doc[token.i + 1: min(stop, max(t.i for t in token.subtree) + 1)]:
        if t.is_punct and not _inner_hyphen(t):
            break
        end = t.i + 1
    return end


def _inner_hyphen(token) -> bool:
    """A hyphen inside a word ("Al-Qaida", "Rolls-Royce"), which ends no phrase."""
    before = token.doc[token.i - 1] if token.i > 0 else None
    return token.text == "-" and not token.whitespace_ and before is not None and not before.whitespace_


def trim_phrase(token):
    """The token's phrase up to the first comma, dash, relative clause or 'and'."""
    doc = token.doc
    start = min(t.i for t in token.subtree)
    end = token.i + 1
    for t in doc[token.i + 1 : max(t.i for t in token.subtree) + 1]:
        if (t.is_punct and not _inner_hyphen(t)) or t.lower_ in CLAUSE_WORDS:
            break
        end = t.i + 1
    return doc[start:end]
