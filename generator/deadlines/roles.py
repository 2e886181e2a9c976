"""Who set a deadline, who it binds, what it demands and what it threatens, from the parse.

Helpers for ``deadlines.find_deadlines``. Each works on one spaCy sentence
span and the ``Paragraph`` (for mentions and absolute offsets). The rules, in
plain words:

* **setter**: the agent of "set/imposed by X"; the name fused before
  "-imposed"/"-set"; the possessor of the deadline noun ("X's deadline",
  "his ultimatum", a pronoun taking the subject of its clause); else the
  subject of the nearest demanding verb above the trigger ("X expects ...",
  "X warned that unless ...", "X gave ... until").
* **bound**: the subject of "for X to <verb>" or "unless X <verb>", the
  holder in "X has until", the receiver in "gave X until / N days", the
  subject of a clause with "must/has to"; never the addressee of a verb that
  only reports ("told the agency that ...", unlike "told them to leave").
* **demand**: the verb phrase or noun phrase the due time attaches to
  ("agree to a ceasefire", "a ceasefire"), without the time and any
  "or face ..." threat.
* **consequences**: noun phrases headed by a threat noun (sanctions,
  tariffs, penalties, consequences, ...) in the same sentence.
"""

from __future__ import annotations

from collections.abc import Iterator

from generator.deadlines.gate import finite_clause_only
from generator.model import Mention
from generator.nlp.paragraph import Paragraph

SETTER_VERBS = frozenset(
    [
        "expect",
        "demand",
        "want",
        "give",
        "set",
        "impose",
        "issue",
        "order",
        "tell",
        "ask",
        "urge",
        "call",
        "require",
        "insist",
        "warn",
        "threaten",
        "announce",
        "shorten",
        "cut",
        "extend",
        "reduce",
        "slash",
        "move",
        "push",
        "grant",
    ]
)
"""Lemmas of verbs whose subject sets a deadline."""
EXPIRE_LEMMAS = frozenset({"expire", "lapse"})
"""Verbs saying a deadline runs out at a time."""
AGENT_VERBS = frozenset({"set", "impose", "issue", "announce", "give", "declare"})
"""Participles naming the setter with "by X" or a fused "X-imposed"."""
CONSEQUENCE_NOUNS = frozenset(
    [
        "sanction",
        "tariff",
        "penalty",
        "consequence",
        "embargo",
        "retaliation",
        "fine",
        "levy",
        "strike",
        "reprisal",
        "punishment",
    ]
)
"""Head lemmas of threatened consequences; "measures" counts with a qualifying adjective."""
MEASURE_ADJECTIVES = frozenset({"economic", "punitive", "military", "retaliatory", "financial"})
PRONOUNS = frozenset({"his", "her", "their", "its", "he", "she", "they"})
_THREAT_LEADS = frozenset({"or", "and", "otherwise"})


def mention_of(paragraph: Paragraph, token) -> Mention | None:
    """The name mention covering a token, if any."""
    start = paragraph.offset + token.idx
    return paragraph.mention_at(start, start + len(token))


def span_of(mention: Mention | None) -> tuple[int, int] | None:
    """Offsets of a mention."""
    return (mention.start, mention.end) if mention else None


def ancestors(token) -> Iterator:
    """The token itself, then its heads up to the root."""
    yield token
    while token.head.i != token.i:
        token = token.head
        yield token


def subject(verb):
    """The nominal subject of a verb, if any."""
    for child in verb.children:
        if child.dep_ in ("nsubj", "nsubjpass"):
            return child
    return None


def named(paragraph: Paragraph, token) -> Mention | None:
    """Mention of a token, or of its conjuncts' head, or via a pronoun to its clause subject."""
    if token is None:
        return None
    found = mention_of(paragraph, token)
    if found or token.lower_ not in PRONOUNS:
        return found
    for head in list(ancestors(token))[1:]:
        subj = subject(head) if head.pos_ in ("VERB", "AUX") else None
        if subj is not None and subj.i != token.i and mention_of(paragraph, subj):
            return mention_of(paragraph, subj)
    return None


def setter_of(paragraph: Paragraph, trigger) -> Mention | None:
    """Who set the deadline anchored at ``trigger`` (see module docstring)."""
    for child in trigger.children:
        if child.dep_ == "poss":
            return named(paragraph, child)
        if child.dep_ in ("acl", "amod") and child.lemma_ in AGENT_VERBS:
            fused = [c for c in child.children if c.dep_ in ("npadvmod", "compound", "nmod")]
            agents = [g for c in child.children if c.dep_ == "agent" for g in c.children]
            for token in fused + agents:
                if mention_of(paragraph, token):
                    return mention_of(paragraph, token)
    return _setting_subject(paragraph, trigger)


def _setting_subject(paragraph: Paragraph, trigger) -> Mention | None:
    """Subject of the nearest demanding verb at or above the trigger (not the bound's verb)."""
    for head in ancestors(trigger):
        if head.pos_ not in ("VERB", "AUX") or _is_bound_clause(head):
            continue
        subj = subject(head)
        if subj is not None and (head.lemma_ in SETTER_VERBS or head.dep_ == "ROOT"):
            found = named(paragraph, subj)
            if found:
                return found
    return None


def _is_bound_clause(verb) -> bool:
    """A clause whose subject must act: "unless X agrees", "X has until", "X must"."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("mark", "aux")}
    holds = verb.lemma_ == "have" and any(c.lower_ == "until" for c in verb.children)
    return bool(marks & {"unless", "must", "for"}) or holds


def bound_of(paragraph: Paragraph, trigger, sent) -> tuple[Mention, ...]:
    """Who must act (see module docstring): names with their conjuncts."""
    clauses = [c for c in trigger.children if c.dep_ in ("relcl", "acl")]
    for head in [*clauses, *ancestors(trigger)]:
        for token in _bound_heads(head):
            found = [m for t in (token, *token.conjuncts) if (m := named(paragraph, t))]
            if found:
                return tuple(found)
    return _for_to(paragraph, sent)


def _bound_heads(head) -> Iterator:
    """Candidate tokens naming the bound party around one head."""
    if head.pos_ in ("VERB", "AUX") and _is_bound_clause(head) and subject(head) is not None:
        yield subject(head)
    if head.pos_ == "NOUN":
        yield from (
            g
            for c in head.children
            if c.lower_ in ("for", "on")
            for g in c.children
            if g.dep_ == "pobj"
        )
    if head.lemma_ in ("give", "grant", "allow"):
        yield from (c for c in head.children if c.dep_ in ("dative", "dobj") and c.pos_ == "PROPN")
    if head.lemma_ in ("expect", "want", "ask", "tell", "order", "urge") and not finite_clause_only(head):
        yield from (c for c in head.children if c.dep_ in ("dobj", "nsubj") and c.i > head.i)


def _for_to(paragraph: Paragraph, sent) -> tuple[Mention, ...]:
    """Names in "for X (and Y) to <verb>"."""
    return for_to(paragraph, sent)[0]


def for_to(paragraph: Paragraph, sent) -> tuple[tuple[Mention, ...], object]:
    """Names and the verb in "for X (and Y) to <verb>", else ((), None)."""
    tokens = list(sent)
    for i, token in enumerate(tokens):
        if token.lower_ != "for":
            continue
        names, j = [], i + 1
        while j < len(tokens) and (
            mention_of(paragraph, tokens[j]) or tokens[j].lower_ in ("and", ",")
        ):
            found = mention_of(paragraph, tokens[j])
            if found and found not in names:
                names.append(found)
            j += 1
        if (
            names
            and j + 1 < len(tokens)
            and tokens[j].lower_ == "to"
            and tokens[j + 1].pos_ in ("VERB", "AUX")
        ):
            return tuple(names), tokens[j + 1]
    return (), None


def demand_span(head, skip: set[int]) -> tuple[int, int] | None:
    """Character span (doc-relative) of the demanded phrase under ``head``.

    Leaves out tokens in ``skip`` (the due time and its preposition), a
    coordinated threat ("or face ..."), the subject and subordinate marks.
    """
    keep = [t for t in _phrase(head, skip)]
    if not keep:
        return None
    return keep[0].idx, keep[-1].idx + len(keep[-1])


def _phrase(head, skip: set[int]) -> list:
    """Tokens of the head's subtree that belong to the demand, in order."""
    dropped: set[int] = set(skip)
    for child in head.children:
        if child.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "punct", "advmod", "advcl") or (
            child.dep_ in ("cc", "conj") and child.i > head.i
        ):
            dropped.update(t.i for t in child.subtree)
    tokens = [t for t in head.subtree if t.i not in dropped]
    tokens = _contiguous(tokens, head)
    while tokens and (tokens[-1].is_punct or tokens[-1].lower_ in _THREAT_LEADS):
        tokens.pop()
    return tokens


def _contiguous(tokens: list, head) -> list:
    """The run of consecutive tokens holding the head."""
    if head not in tokens:
        return []
    at = tokens.index(head)
    start = end = at
    while start > 0 and tokens[start - 1].i == tokens[start].i - 1:
        start -= 1
    while end + 1 < len(tokens) and tokens[end + 1].i == tokens[end].i + 1:
        end += 1
    return tokens[start : end + 1]


def consequences_in(sent) -> tuple[str, ...]:
    """Threatened consequences named in a sentence, as written ("100% tariffs")."""
    out: list[str] = []
    for chunk in sent.noun_chunks:
        root = chunk.root
        adjectives = {t.lower_ for t in chunk if t.dep_ == "amod"}
        if root.lemma_ in CONSEQUENCE_NOUNS or (
            root.lemma_ == "measure" and adjectives & MEASURE_ADJECTIVES
        ):
            words = [t for t in chunk if t.dep_ not in ("det", "poss", "advmod") and not t.is_punct]
            text = chunk.doc.text[words[0].idx : root.idx + len(root)] if words else root.text
            if text.lower() not in (o.lower() for o in out):
                out.append(text)
    return tuple(out)
