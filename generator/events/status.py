"""Whether an event mention reports a happening or announces one: "expected" or "confirmed".

A mention is *expected* when its clause is future or planned: a modal on the
trigger or on the verbs it hangs from ("will visit", "would meet", "may
resign"), a planning verb above it ("is expected to meet", "plans to visit",
"is set to travel", "is due to hold talks"), or a planning adjective on a noun
trigger ("the planned visit", "an upcoming summit"). It is *confirmed* when
the clause is in a past tense ("met", "held talks", "has arrived") or in the
present of a headline ("Envoy meets minister"). Anything else (a noun in a
verbless title) tells nothing: "".
"""

from __future__ import annotations

FUTURE_AUXILIARIES = frozenset({"will", "wo", "'ll", "shall", "would", "could", "may", "might",
                                "should"})
"""Modals that put an event in the future or in doubt ("wo" is "won't" split)."""

PLANNING_VERBS = frozenset({"expect", "plan", "intend", "schedule", "set", "due", "hope", "aim",
                            "prepare", "propose", "want", "seek", "consider", "agree", "promise",
                            "vow", "pledge", "threaten", "offer", "invite", "urge"})
"""Verbs whose "to"-clause announces an event ("is expected to meet", "plans to visit")."""

PLANNING_ADJECTIVES = frozenset({"planned", "upcoming", "expected", "proposed", "scheduled",
                                 "forthcoming", "possible", "potential", "future", "next",
                                 "prospective", "anticipated", "imminent"})
"""Adjectives on a noun trigger that announce it ("the planned visit")."""

PAST_TAGS = frozenset({"VBD", "VBN"})
PRESENT_TAGS = frozenset({"VBZ", "VBP"})


def status_of(token, governor) -> str:
    """"expected", "confirmed" or "" for the trigger ``token`` (``governor``: its clause's verb)."""
    if token.pos_ != "VERB" and any(c.dep_ == "amod" and c.lower_ in PLANNING_ADJECTIVES
                                    for c in token.children):
        return "expected"
    verb = token if token.pos_ == "VERB" else governor
    if verb is None:
        return ""
    chain = _verb_chain(verb)
    if any(_announces(v) for v in chain):
        return "expected"
    return "confirmed" if _tensed(chain[-1]) or _tensed(verb) else ""


def _verb_chain(verb) -> list:
    """The verb and the verbs whose "to"-clause or conjunct it is, innermost first."""
    chain = [verb]
    current = verb
    for _ in range(3):
        if current.dep_ not in ("xcomp", "conj", "auxpass") or current.head is current:
            break
        current = current.head
        chain.append(current)
    return chain


def _announces(verb) -> bool:
    """A future modal on the verb, or a planning verb taking a "to"-clause ("expected to")."""
    if any(c.dep_ == "aux" and c.lower_ in FUTURE_AUXILIARIES for c in verb.children):
        return True
    going = verb.lemma_.lower() == "go" and verb.tag_ == "VBG"  # "is going to visit"
    plans = verb.lemma_.lower() in PLANNING_VERBS or verb.lower_ in PLANNING_VERBS
    return (plans or going) and any(c.dep_ == "xcomp" for c in verb.children)


def _tensed(verb) -> bool:
    """Past tense, a perfect or passive participle, or a present tense (headlines)."""
    if verb.tag_ in PAST_TAGS or verb.tag_ in PRESENT_TAGS:
        return not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    return False
