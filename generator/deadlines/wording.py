"""The words of a deadline: what it demands and the span quoted as its wording.

The demand is read from the parse, in this order: the phrase the due
preposition attaches to ("agrees to a ceasefire by Friday" gives "agrees to
a ceasefire"; "expects a ceasefire by August 8" gives "a ceasefire"); the
infinitive after "has/gave ... until X" ("to release the hostages"); a clause
on the deadline noun ("a deadline ... for X to agree to a ceasefire"); its
"for" phrase ("the deadline for a peace settlement"); or "for X to <verb>"
anywhere in the sentence. Times and their prepositions are left out.

A dated deadline noun gives the phrase it hangs on only through a due
preposition ("act by the May 9 deadline" gives "act"); a sentence that only
refers to the deadline ("gave no reason for the Jan. 14 deadline") states no
demand, and a lasting state ("remain undecided until Sunday's deadline") is none.
"""

from __future__ import annotations

from generator.deadlines import gate, roles
from generator.model import TimeExpression
from generator.nlp.paragraph import Paragraph

_HOLDING_VERBS = frozenset({"have", "give", "grant", "extend", "allow"})
_CLIMB_DEPS = frozenset({"pobj", "prep", "dobj", "xcomp"})
_DUE_PREPOSITIONS = frozenset({"by", "before", "until", "till"})


def demand_of(
    paragraph: Paragraph, sent, times: list[TimeExpression], main, dated
) -> tuple[int, int] | None:
    """Absolute offsets of the demanded phrase, or None."""
    skip = _time_tokens(paragraph, sent, times)
    for head in _demand_heads(paragraph, sent, main, dated):
        span = roles.demand_span(head, skip)
        if span is not None:
            return paragraph.offset + span[0], paragraph.offset + span[1]
    return None


def _demand_heads(paragraph: Paragraph, sent, main, dated) -> list:
    """Tokens whose phrase may be the demand, best first."""
    heads = []
    if dated is not None and dated.anchor.lemma_ not in roles.EXPIRE_LEMMAS and _due_on(dated.anchor):
        heads.append(_climb(dated.anchor))
    noun = main.anchor
    for child in noun.children:
        if child.dep_ in ("relcl", "acl") and (
            child.lemma_ not in roles.AGENT_VERBS or gate.is_to_infinitive(child)  # "a deadline to declare"
        ):
            heads.append(child)
        if child.dep_ == "prep" and child.lower_ == "for":
            heads += [
                g for g in child.children if g.dep_ == "pobj" and not roles.mention_of(paragraph, g)
            ]
    verb = roles.for_to(paragraph, sent)[1]
    return [h for h in heads if h is not None] + ([verb] if verb is not None else [])


def _due_on(anchor) -> bool:
    """Whether the phrase above a trigger is what is due: always for a due preposition's
    head; for a deadline noun only as the object of "by/before/until" on a non-state verb."""
    if anchor.lemma_.lower() not in gate.DEADLINE_NOUNS | gate.WINDOW_NOUNS:
        return True
    prep = anchor.head
    return anchor.dep_ == "pobj" and prep.lower_ in _DUE_PREPOSITIONS and not gate.gives_no_due_time(prep)


def _climb(head):
    """From the head of a due preposition up to the demanded phrase."""
    if head.lemma_ in _HOLDING_VERBS:
        return next(
            (
                c
                for c in head.children
                if c.dep_ in ("xcomp", "advcl") and any(a.lower_ == "to" for a in c.children)
            ),
            None,
        )
    while (
        head.dep_ in _CLIMB_DEPS
        and head.head.i != head.i
        and head.head.lemma_ not in roles.SETTER_VERBS
    ):
        head = head.head
    return head.head if head.pos_ == "ADP" else head


def _time_tokens(paragraph: Paragraph, sent, times: list[TimeExpression]) -> set[int]:
    """Token indices of times and the prepositions governing them."""
    out: set[int] = set()
    for token in sent:
        start = paragraph.offset + token.idx
        if any(t.start <= start < t.end for t in times):
            out.add(token.i)
            prep = next((a for a in token.ancestors if a.pos_ == "ADP"), None)
            if prep is not None and prep.i < token.i and token.i - prep.i <= 4:
                out.update(t.i for t in prep.subtree if not _in_clause(t, prep))
    return out


def _in_clause(token, prep) -> bool:
    """Whether a token below a preposition is in a clause on its object ("until Sunday's
    deadline to declare for the draft"): that clause may be the demand, not the time."""
    return any(a.dep_ in ("relcl", "acl") for a in roles.ancestors(token) if prep in a.ancestors)


def wording_span(paragraph: Paragraph, sent, pieces: list[tuple[int, int]]) -> tuple[int, int]:
    """Offsets covering every piece, widened to a leading "unless", inside the sentence."""
    first = paragraph.offset + sent.start_char
    last = paragraph.offset + sent.end_char
    start = max(min(p[0] for p in pieces), first)
    end = min(max(p[1] for p in pieces), last)
    before = paragraph.source.text[first:start].rstrip()
    if before.lower().endswith("unless"):
        start = first + len(before) - len("unless")
    return start, end
