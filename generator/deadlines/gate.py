"""When a sentence with a date or a deadline word states no deadline.

A deadline needs a demand, the party that must act, and a due time, set by
someone. These rules keep out what only looks like one:

* A due preposition whose head is a span of time ("mere days before Nov. 8",
  "weeks before the election") places an event in time; nothing is due by it.
* A demand verb that only reports a belief or a wish in a finite clause
  ("expects communications will not be restored before 31 December", "told
  reporters that he'd like to sign by Christmas") demands nothing; "expects a
  ceasefire by Friday" and "told them to leave by Friday" do.
* A time in the past relative to the text ("until about two weeks ago") is
  never a due time.
* A window noun ("a 30-day comment period") is a deadline only when the
  sentence also demands something (a demand cue) or changes the window.
* A plural deadline noun with neither a due time nor a length speaks of
  deadlines in general ("unrealistic deadlines for consultations"), not of one.
* A deadline noun with neither a due time nor a length that is absent ("no
  deadline", "without a deadline", "failure to set a new deadline", "refused
  to / did not set a deadline") is no deadline.
* "until X" on a verb of a lasting state ("remain in the city until March 6",
  "stay", "continue") tells how long the state lasts; nothing is due by X
  ("has until Friday to respond" is a deadline). A deadline or window noun as
  the state's subject ("the ultimatum remains in force until Friday") is one.
* A plan verb with a to-infinitive no other party is to carry out ("wants to boost revenue by
  1990", "expect the transaction to be completed by Dec. 15") states a goal or a forecast, no
  demand; "wants Northland to withdraw by Friday" demands.
* "by X" on a verb in the simple past or past perfect indicative ("by Monday,
  officials hardened their stance", "had filed by Friday") reports what had
  happened by then, unless the verb is a demand cue, has a modal, or takes a
  to-infinitive ("had to leave by Friday", "agreed to pay by Friday").
"""

from __future__ import annotations

import re

from generator.model import TimeExpression

DEADLINE_NOUNS = frozenset({"deadline", "ultimatum", "cutoff", "cut-off"})
WINDOW_NOUNS = frozenset({"window", "timeline", "timeframe", "period"})
CUE_LEMMAS = frozenset(
    """
    expect demand want give grant set impose order tell ask urge require insist warn threaten
    must need deadline ultimatum
    """.split()
)
"""Lemmas that make "by/before X" a demand rather than a plain time."""
CUE_PHRASES = re.compile(
    r"\b(?:unless|or\s+(?:face|else|risk)|ha(?:s|ve|d)\s+to|ha(?:s|ve|d)\s+until)\b", re.IGNORECASE
)
"""Phrases that state a demand: "unless", "or face", "has to", "has until"."""
TIME_UNITS = frozenset(
    "second minute hour day night week weekend month year decade moment".split()
)
"""Nouns of a span of time: "days before X" places something in time."""
BELIEF_VERBS = frozenset({"expect", "want", "tell", "ask", "hope", "say", "think", "believe"})
"""Demand cues that report a belief or a wish when their complement is a finite clause."""
STATE_VERBS = frozenset("remain stay continue last linger wait live persist keep".split())
"""Verbs of a lasting state: "until X" on them says how long it lasts, not what is due."""
SETTING_VERBS = frozenset("set impose give issue announce name fix establish".split())
"""Verbs that bring a deadline into being; refused or negated, they tell there is none."""
REFUSAL_LEMMAS = frozenset("fail failure refuse refusal decline reluctance without".split())
"""Words whose complement did not happen: "failure to set", "refused to set", "without setting"."""
PAST_MARKERS = re.compile(r"\b(?:ago|earlier|previously|last)\b", re.IGNORECASE)


PLAN_VERBS = frozenset({"expect", "want", "hope", "plan", "aim", "intend", "seek"})
"""Demand cues that state a plan or a forecast when what is to be done is the subject's own or a
thing's ("wants to boost revenue by 1990", "expects the sale to be completed by Dec. 15")."""


def cue_lemmas(sent) -> set[str]:
    """Lemmas of the sentence, leaving out belief verbs with a finite clause ("expects that ...")
    and plan verbs whose to-infinitive no other party is to carry out (``is_own_plan``)."""
    return {t.lemma_.lower() for t in sent if not finite_clause_only(t) and not is_own_plan(t)}


def is_own_plan(verb) -> bool:
    """True for a plan verb whose to-infinitive is the subject's own act ("it wants to boost
    revenue") or a thing's ("expect the transaction to be completed"): a goal or a forecast,
    with no party bound to meet it. "wants Northland to withdraw" names one: a demand."""
    if verb.lemma_.lower() not in PLAN_VERBS:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp") and is_to_infinitive(c)]
    if not clauses or any(c.dep_ in ("dobj", "dative") for c in verb.children):
        return False
    subjects = [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")]
    return all(not s.ent_type_ and s.pos_ != "PROPN" for s in subjects)


def is_time_offset(prep) -> bool:
    """True for "days before X": the preposition hangs on a span of time, not on a demanded act."""
    spans = [prep.head, *(c for c in prep.children if c.dep_ in ("npadvmod", "advmod") and c.i < prep.i)]
    return any(t.pos_ in ("NOUN", "PROPN") and t.lemma_.lower() in TIME_UNITS for t in spans)


def is_past_time(time: TimeExpression) -> bool:
    """True for "two weeks ago", "last Friday": a time before the report, never a due time."""
    return bool(PAST_MARKERS.search(time.text))


def finite_clause_only(verb) -> bool:
    """True when a belief/wish verb takes a finite clause ("expects that X will ..."), no demand."""
    if verb.lemma_.lower() not in BELIEF_VERBS:
        return False
    clauses = [c for c in verb.children if c.dep_ in ("ccomp", "xcomp")]
    objects = [c for c in verb.children if c.dep_ in ("dobj", "dative")]
    if objects and not clauses:
        return False
    return all(_is_finite(c) for c in clauses)


def _is_finite(clause) -> bool:
    """A clause with its own subject or "that", not a to-infinitive."""
    if is_to_infinitive(clause):
        return False
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl", "mark") for c in clause.children)


def refers_to_deadline(noun) -> bool:
    """True when a deadline noun names one deadline; the plural speaks of deadlines in general."""
    return noun.tag_ not in ("NNS", "NNPS") and noun.lower_ not in ("deadlines", "ultimatums")


def is_absent(noun) -> bool:
    """True when a deadline noun tells there is none: "no deadline", "without a deadline",
    "failure to set a new deadline", "refused to set a deadline", "did not set a deadline"."""
    if any(c.dep_ == "det" and c.lower_ == "no" for c in noun.children):
        return True
    head = noun.head
    if noun.dep_ == "pobj":
        return head.lower_ == "without"
    if noun.dep_ not in ("dobj", "nsubjpass") or head.lemma_ not in SETTING_VERBS:
        return False
    if any(c.dep_ == "neg" for c in head.children):
        return True
    above = head.head
    return head.dep_ in ("xcomp", "acl", "pcomp", "advcl") and (
        above.lemma_.lower() in REFUSAL_LEMMAS or above.lower_ == "without"
    )


def is_lasting_state(prep) -> bool:
    """True for "remain/stay/continue ... until X" and "have something ... until X": how long a
    state lasts, not a due time ("has until X to ..." has no object). Not when a deadline or
    window noun is what lasts ("the ultimatum remains in force until X")."""
    verb = prep.head
    if prep.lower_ in ("until", "till") and verb.lemma_.lower() == "have" \
            and any(c.dep_ == "dobj" for c in verb.children):
        return True  # "has had net sales until this month": what it had, not "has until X to"
    if prep.lower_ not in ("until", "till") or verb.lemma_.lower() not in STATE_VERBS:
        return False
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return not any(s.lemma_.lower() in DEADLINE_NOUNS | WINDOW_NOUNS for s in subjects)


def is_past_deed(prep) -> bool:
    """True for "by X" on a verb in the simple past or past perfect indicative ("by Monday,
    officials hardened their stance", "had filed its reply by Friday", "was signed by
    Friday"): it reports what had happened by then. Not on a demand cue ("expected a deal by
    Friday"), a verb with a modal, or one taking a to-infinitive ("had to leave by Friday")."""
    verb = prep.head
    if prep.lower_ != "by" or verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() in CUE_LEMMAS:
        return False
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(a.tag_ == "MD" or a.lower_ == "to" for a in auxes) or _takes_infinitive(verb):
        return False
    if verb.tag_ == "VBD":
        return not auxes
    return verb.tag_ == "VBN" and any(a.lower_ in ("had", "was", "were") for a in auxes)


def _takes_infinitive(verb) -> bool:
    """Whether a verb governs a to-infinitive ("had to leave", "agreed to pay")."""
    return any(c.dep_ in ("xcomp", "advcl") and is_to_infinitive(c) for c in verb.children)


def is_to_infinitive(verb) -> bool:
    """Whether a verb has "to" as its auxiliary: "to leave", "to pay"."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def gives_no_due_time(prep) -> bool:
    """A due preposition on a lasting state or a past deed (``is_lasting_state``,
    ``is_past_deed``): nothing is due by its time."""
    return is_lasting_state(prep) or is_past_deed(prep)
