"""The words of a reported statement, read off the parse (``quotes.statements``).

* A saying verb's reported clause (``reported_clause``): a finite clause (or an
  infinitive, "vowed to fight on"), without "that"; the parse's two halves of one
  clause joined ("said [the businesses to be sold] [had revenue of $7 million]").
* A position verb's phrase (``position_phrase``): the verb, its negation and
  complements ("rejected the threats as unlawful").
* The person told before the clause (``with_addressee``: "told the court that ...").

The words never end in punctuation, but keep a closing percent sign ("rose 20%")
and a bracket they opened ("... Placement (BIP)").
"""

from __future__ import annotations

QUESTION_MARKS = frozenset({"whether", "if"})
"""Words opening an indirect question: "would not say if the plant would close" states nothing."""
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass", "expl", "csubj"})
AUX_DEPS = frozenset({"aux", "auxpass"})
CLAUSE_DEPS = frozenset({"ccomp", "xcomp"})
PHRASE_DEPS = frozenset({"dobj", "prep", "oprd", "xcomp", "ccomp", "dative", "acomp", "prt"})
RELATIVE_TAGS = frozenset({"WP", "WDT"})
"""Tags of relative pronouns ("who", "which", "that")."""
NON_FINITE_TAGS = frozenset({"VB", "VBG"})
"""Verb forms that need an auxiliary, a modal or "to" before them to read after a subject."""


def reported_clause(verb) -> list | None:
    """The reported clause of a saying verb, without "that" (the parse's two halves of one
    clause as one, ``_split_off``); None when negated or absent, when it has no finite verb
    (``_finite``), when it is an indirect question ("whether ..."), a "that" clause whose
    subject the parse gave the saying verb (the words left would read as a fragment: "said is
    about 30 years old") or a relative clause's ("the mayor, who Lopez said is ready": the
    words after the relative pronoun read as Lopez's statement about no one)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    clause = next((c for c in verb.children if c.dep_ in CLAUSE_DEPS), None)
    if clause is None:
        return None
    if any(c.dep_ == "mark" and c.lower_ in QUESTION_MARKS for c in clause.children):
        return None
    subject = next((c for c in clause.children if c.dep_ in SUBJECT_DEPS), None)
    rest = _split_off(verb, clause)
    if clause.dep_ == "ccomp" and (clause.pos_ in ("VERB", "AUX") and subject is None
                                   or not (_finite(clause) or rest is not None)):
        return None
    if subject is not None and subject.tag_ in RELATIVE_TAGS and subject.i < verb.i:
        return None  # "the mayor, who Lopez said is ready to resign": the clause tells of the mayor
    tokens = [t for t in clause.subtree if not (t.dep_ == "mark" and t.head.i == clause.i and t.i < clause.i)]
    if rest is not None:
        tokens = list(verb.doc[tokens[0].i: rest.right_edge.i + 1])
    tokens = _trim(tokens) or []
    if tokens and tokens[0].lower_ == "that" and tokens[0].dep_ not in SUBJECT_DEPS:
        return tokens[1:]  # a "that" the parse did not mark, but never the subject ("That's not ...")
    return tokens or None


FINITE_TAGS = frozenset({"VBD", "VBZ", "VBP", "MD"})
"""Tags of the verb forms (and modals) that make a clause finite."""


def _finite(clause) -> bool:
    """True when a reported "that" clause has a finite verb (in its verb group: "has been
    offset"), a bare one ("insisted that he resign") or a participle with a subject of its own,
    a past tense the tagger missed ("its loss narrowed"); "declared it a protected site" and
    "said the businesses to be sold" have none."""
    group = [clause, *(c for c in clause.children if c.dep_ in AUX_DEPS)]
    group += [c for token in group[1:] for c in token.children if c.dep_ in AUX_DEPS]
    if any(t.tag_ in FINITE_TAGS for t in group):
        return True
    if clause.tag_ == "VB":
        return not any(t.tag_ == "TO" for t in group)
    return clause.tag_ == "VBN" and len(group) == 1 and any(c.dep_ == "nsubj" for c in clause.children)


def _split_off(verb, clause):
    """The finite clause the parse split off a clause right before it whose verb is a
    participle, both under the saying verb ("said [the bomb found in the town] [was destined
    for X]"): the two are one clause."""
    if clause.dep_ != "ccomp" or clause.tag_ not in ("VBN", "VBG"):
        return None
    return next((c for c in verb.children if c.dep_ == "ccomp" and _finite(c)
                 and c.left_edge.i == clause.right_edge.i + 1), None)


def with_addressee(verb, words: list) -> list:
    """The clause from the person told, when the verb names one before it ("told the judge
    that the actress had checked in"): after the verb alone, "told the actress had checked
    in" would misread."""
    told = [c for c in verb.children
            if c.dep_ in ("dobj", "dative") and verb.i < c.i and c.right_edge.i < words[0].i]
    return list(verb.doc[told[0].left_edge.i: words[-1].i + 1]) if told else words


def position_phrase(verb) -> list | None:
    """The verb phrase of a position verb: negation, the verb, its objects and complements;
    a verb that cannot follow its subject alone (a base form or a gerund) keeps its auxiliary,
    modal or "to" ("would reject the offer", "to demand their release"): the pages print the
    phrase after the speaker's name."""
    rights = [c for c in verb.rights if c.dep_ in PHRASE_DEPS]
    if verb.lemma_.lower() == "call" and (not any(c.dep_ == "prep" and c.lower_ == "for" for c in rights)
                                          or any(c.dep_ == "dobj" for c in rights)):
        return None  # "called for talks", not "call reservists for 180 days"
    if not rights:
        return None
    before = [c for c in verb.lefts if c.dep_ in ("neg", "aux") and c.i > verb.i - 3]
    bare = verb.tag_ in NON_FINITE_TAGS  # "would reject", "to demand", "is rejecting"
    first = before[0].i if before and (bare or any(c.dep_ == "neg" for c in before)) else verb.i
    last = max(rights, key=lambda c: c.right_edge.i).right_edge.i
    return _trim(list(verb.doc[first: last + 1]))


CLOSING_PAIRS = {")": "(", "]": "["}
"""Closing brackets kept at the end of the words when the words open them ("... Placement (BIP)")."""


def _trim(tokens: list) -> list | None:
    """Tokens without outer punctuation and spaces, but with a closing percent sign ("rose 25%")
    and a bracket the words opened."""
    while tokens and (tokens[0].is_punct or tokens[0].is_space):
        tokens = tokens[1:]
    while tokens and (tokens[-1].is_punct or tokens[-1].is_space) and not _closes(tokens):
        tokens = tokens[:-1]
    return tokens or None


def _closes(tokens: list) -> bool:
    """True when the last token ends the words: a percent sign after a number, or a bracket
    opened within them."""
    last = tokens[-1].text
    if last == "%":
        return len(tokens) > 1 and tokens[-2].like_num
    opening = CLOSING_PAIRS.get(last)
    opened = sum(t.text == opening for t in tokens) - sum(t.text == last for t in tokens[:-1])
    return opening is not None and opened > 0
