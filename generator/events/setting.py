"""Where and when an event mention is set: the trigger's own clause (``context_tokens``), the
first place name after a place preposition (``place_of``) and the first date or time there
that dates no other noun (``time_of``, ``dates_another_noun``).
"""

from __future__ import annotations

from generator.events import triggers as lex
from generator.events.parties import expand, mention_of
from generator.knowledge import gazetteer
from generator.nlp.paragraph import Paragraph

CLAUSE_DEPS = frozenset({"advcl", "ccomp", "relcl", "acl", "parataxis", "csubj", "conj"})


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


def place_of(paragraph: Paragraph, token, context: set[int]) -> tuple[int, int] | None:
    doc = paragraph.doc
    heads = [c for c in token.children if c.dep_ == "dobj" and token.lemma_.lower() == "visit"]
    preps = [doc[i] for i in sorted(context)
             if doc[i].dep_ == "prep" and doc[i].lower_ in lex.PLACE_PREPS]
    heads += [c for prep in preps for c in prep.children if c.dep_ == "pobj"]
    if token.pos_ != "VERB" and token.dep_ == "nsubj":  # "an earthquake struck X"
        heads += [c for c in token.head.children if c.dep_ == "dobj"]
    for head in heads:
        for candidate in expand(head):
            mention = mention_of(paragraph, candidate)
            if mention is not None and mention.label in lex.PLACE_LABELS and not _owner(candidate, mention):
                return (mention.start, mention.end)
    return None


def _owner(token, mention) -> bool:
    """A country named as the modifier of a noun ("outside the U.S. embassies in Nairobi",
    "aboard a Greek tanker"): whose the thing is, not where the event was. A city so named is
    where ("in a Nairobi hotel")."""
    if token.dep_ not in ("compound", "amod", "nmod") or token.head.pos_ != "NOUN":
        return False
    place = gazetteer.lookup(mention.text)
    return place is not None and place.kind == "country"


def time_of(paragraph: Paragraph, context: set[int], token):
    """The first date or time in the paragraph with a token in ``context`` (looked up by offset)
    that does not date another noun (``dates_another_noun``)."""
    if not context:
        return None
    first, last = paragraph.doc[min(context)], paragraph.doc[max(context)]
    start, end = paragraph.offset + first.idx, paragraph.offset + last.idx + len(last)
    for expression in paragraph.times_between(start, end):
        if expression.type not in ("DATE", "TIME"):
            continue
        span = paragraph.doc.char_span(expression.start - paragraph.offset,
                                       expression.end - paragraph.offset, alignment_mode="expand")
        if span is not None and any(t.i in context for t in span) \
                and not dates_another_noun(span.root, token):
            return expression
    return None


NOUN_MODIFIER_DEPS = frozenset({"nmod", "compound", "amod", "nummod"})


def dates_another_noun(root, trigger) -> bool:
    """True when a time (its root token) belongs inside a noun phrase other than the trigger's:
    before the noun ("the August 1988 cease-fire"), after an adjective or participle on it
    ("debentures due Oct. 15, 1999", "its quarter ended June 30") or after "for" on it ("a loss
    for the third quarter", the period a figure covers). It dates that thing, not the event. A
    name is no such noun: a time the parse hangs on a name ("In 1991 Jane Doe was ...") is the
    clause's."""
    head = root.head
    if root.dep_ == "pobj":
        if head.lower_ == "for":
            return head.head.pos_ == "NOUN" and head.head.i != trigger.i
        root, head = head, head.head  # "debentures due in 1999": the phrase under "due"
    if root.dep_ in NOUN_MODIFIER_DEPS:
        noun = head
    elif head.dep_ in ("amod", "acl") and head.pos_ in ("ADJ", "VERB"):
        noun = head.head
    else:
        return False
    return noun.pos_ == "NOUN" and noun.i != trigger.i
