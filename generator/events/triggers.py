"""Generic English trigger lexicons for the event stage.

A trigger is a verb or noun that names an event; its *family* (kind) decides
which mentions may merge and how the event is titled. Nothing here knows any
corpus: the lists are ordinary English words for visits, meetings, talks,
announcements, attacks, threats, sanctions, arrests, killings, dismissals,
appointments and resignations, and for the justice, civic, business and accident events
of standard news event taxonomies (ACE 2005: charges, verdicts, sentencing, escapes,
elections, acquisitions, protests and riots, injuries, crashes, fires, robberies, lawsuits,
extraditions, pardons, executions, appeals, bankruptcies; admissions to a clinic;
victories in a contest; launches of a product; reversals of a rule or decision, "overturned
the ruling"; offers of a job, a contract or a deal to someone).
"""

from __future__ import annotations

VERB_TRIGGERS: dict[str, str] = {
    "visit": "visit", "travel": "visit", "arrive": "visit", "head": "visit", "fly": "visit",
    "tour": "visit", "meet": "meeting", "host": "meeting", "welcome": "meeting",
    "negotiate": "talks", "talk": "talks",
    "announce": "announcement", "unveil": "announcement", "proclaim": "announcement",
    "attack": "attack", "bomb": "attack", "shell": "attack", "invade": "attack",
    "assault": "attack", "raid": "attack", "threaten": "threat",
    "sanction": "sanctions",
    "arrest": "arrest", "detain": "arrest", "apprehend": "arrest", "capture": "arrest",
    "kill": "killing", "shoot": "shooting", "murder": "killing", "stab": "killing",
    "fire": "dismissal", "sack": "dismissal", "dismiss": "dismissal", "oust": "dismissal",
    "appoint": "appointment", "nominate": "appointment", "hire": "appointment",
    "resign": "resignation", "die": "death", "nab": "arrest", "terminate": "dismissal",
    "foil": "foiling", "thwart": "foiling", "hit": "hit", "strike": "hit", "fall": "fall",
    "succumb": "death", "explode": "disaster",
    "charge": "charge", "indict": "charge", "convict": "verdict", "acquit": "verdict",
    "sentence": "sentencing", "escape": "escape", "elect": "election",
    "acquire": "acquisition", "buy": "acquisition", "purchase": "acquisition",
    "injure": "injury", "wound": "injury", "protest": "protest", "demonstrate": "protest",
    "rally": "protest", "crash": "crash", "collide": "crash", "derail": "crash",
    "check": "admission", "enter": "admission", "hospitalize": "admission",
    "steal": "robbery", "rob": "robbery",
    "defeat": "victory", "win": "victory", "beat": "victory", "release": "launch",
    "launch": "launch", "issue": "launch", "hang": "death",
    "overturn": "reversal", "reverse": "reversal", "rescind": "reversal", "revoke": "reversal",
    "repeal": "reversal", "annul": "reversal", "overrule": "reversal", "invalidate": "reversal",
    "sue": "lawsuit", "extradite": "extradition", "pardon": "pardon", "execute": "execution",
    "appeal": "appeal", "offer": "offer",
}  # fmt: skip
"""Verb lemma -> event kind ("warn" is not here: a warning is advice, not a threat)."""

PHRASAL_TRIGGERS: dict[tuple[str, str], str] = {
    ("open", "fire"): "shooting", ("gun", "down"): "shooting", ("pass", "away"): "death",
    ("find", "dead"): "death", ("presume", "dead"): "death", ("fear", "dead"): "death",
    ("declare", "dead"): "death", ("pronounce", "dead"): "death", ("confirm", "dead"): "death",
    ("report", "dead"): "death",
}  # fmt: skip
"""(verb lemma, its object, particle or predicate) -> kind, for events named by a phrase ("opened
fire", "gunned down", "was found dead", "is presumed dead", "a climber feared dead", "was
pronounced dead at the scene")."""

NEEDS_PARTY_OBJECT = frozenset({"meet", "welcome", "host", "fire", "sack", "dismiss", "capture",
                                "shoot", "kill", "terminate", "nab", "acquire", "buy", "purchase",
                                "convict", "acquit", "sentence", "indict", "defeat"})
"""Verbs whose direct object, when they have one, must name someone ("met the minister", not
"met the deadline"; "fired the coach X", not "fired shots"; "killed X", not "killed the bill";
"bought Acme", not "bought shares")."""

DONE_TO_PEOPLE = frozenset({"dismissal"})
"""Kinds of verb trigger that befall a person, so a thing as their object or passive subject
makes no event of the kind ("terminated the merger agreement", "the acquisition, which was
terminated": no dismissal; ``parties.befalls_someone``)."""

NEEDS_NAMED_SUBJECT = frozenset({"welcome", "host"})
"""Verbs that are meetings only when the host is named ("we welcome X" is a greeting)."""

AVERTING_VERBS = frozenset({"warn", "flee", "escape", "avoid", "prevent", "fear", "deter", "avert",
                            "forestall", "guard", "protect", "shield", "rule", "foil", "thwart"})
"""Verbs above a noun trigger that say the event did not happen ("fled the threat of war",
"warned against an attack", "ruled out a meeting")."""

CHARGING_WORDS = frozenset({"charge", "accuse", "convict", "indict", "suspect", "guilty", "plead",
                            "sentence", "acquit", "try"})
"""Words above a noun trigger that make it a charge, not a report of the event ("charged with
murder", "convicted of assault")."""

FEELING_ADJECTIVES = frozenset({"excited", "thrilled", "delighted", "happy", "glad", "proud",
                                "honored", "honoured", "pleased", "eager", "keen", "sad", "sorry"})
"""Adjectives whose "to"-clause voices a feeling, not an event ("so excited to welcome")."""

NEEDS_DROP = frozenset({"fall"})
"""Verbs that are accidents only with a drop: "fell from a ridge", "fell 200 metres", "fell to
his death" (not "prices fell", "fell silent")."""

DROP_PREPS = frozenset({"from", "off", "down", "into", "through"})
"""Prepositions of a drop."""

NEEDS_DESTINATION = frozenset({"head", "fly", "travel"})
"""Verbs that are events only with a destination ("heads to X", not "heads the fund")."""

DESTINATION_PREPS = frozenset({"to", "toward", "towards", "into", "for"})
"""Prepositions introducing a destination."""

NEEDS_PARTNER = frozenset({"negotiate", "talk", "charge"})
"""Verbs that are events only with a "with" phrase ("talked with X", not "talked about"; "charged
with murder", not "charged the battery")."""

NEEDS_CUSTODY = frozenset({"escape"})
"""Verbs that are events only out of custody: "escaped from X", "escaped custody" (not "escaped
injury", "escaped the heat")."""

PERSONAL_PRONOUNS = frozenset({"he", "she", "his", "her", "him", "they", "their", "them"})
"""Pronouns that stand for people named before them, in any case ("his arrest")."""

PERSONAL_SUBJECTS = frozenset({"he", "she", "they", "who"})
"""Pronouns that name people as the subject of a verb ("he escaped"), "who" included."""

CUSTODY_WORDS = frozenset({"custody", "prison", "jail", "detention", "captivity", "captors", "cell",
                           "penitentiary", "guards"})
"""Objects of "escape" that are custody."""

NEEDS_CONTEST = frozenset({"win"})
"""Verbs that are victories only in a contest: "won the match", "won over X" (not "won praise")."""

CONTEST_WORDS = frozenset({"game", "match", "title", "championship", "race", "tournament", "final",
                           "series", "bout", "fight", "cup", "trophy", "election", "seat", "primary",
                           "runoff", "contest", "battle"})
"""Objects of "win" that are contests."""

NEEDS_SIDE_OBJECT = frozenset({"beat"})
"""Verbs that are victories only over a named side that is no person ("beat the Rovers"; "beat
a man" is an assault)."""

NEEDS_PRODUCT = frozenset({"release", "launch", "issue"})
"""Verbs that are launches only of a product: "released a patch", "the album was released" (not
"released a statement", "issued a warning", "launched an attack")."""

PRODUCT_WORDS = frozenset({"patch", "update", "fix", "version", "upgrade", "software",
                           "product", "app", "application", "browser", "phone", "smartphone",
                           "device", "tablet", "computer", "console", "model", "car", "vehicle",
                           "album", "single", "film", "movie", "book", "novel", "game", "service",
                           "drug", "vaccine", "satellite", "rocket", "line", "edition", "series"})
"""Objects of "release", "launch" and "issue" that are products."""

NEEDS_RULE = frozenset({"overturn", "reverse", "rescind", "revoke", "repeal", "annul", "overrule",
                        "invalidate", "appeal"})
"""Verbs that are reversals (or an appeal) only of a rule or a decision: "overturned the rule",
"the ban was revoked", "appealed the verdict" (not "reversed course", "reversed the car",
"appealed for calm")."""

RULE_WORDS = frozenset({"rule", "regulation", "law", "ban", "policy", "decision", "order",
                        "ruling", "measure", "act", "verdict", "conviction", "sentence",
                        "ordinance", "requirement", "directive", "mandate", "guideline", "statute",
                        "permit", "license", "licence", "visa", "treaty", "agreement", "judgment",
                        "judgement", "change", "amendment", "provision"})
"""Objects of the reversal verbs that are rules or decisions."""

NEEDS_REFLEXIVE = frozenset({"hang"})
"""Verbs that are deaths only done to oneself or suffered: "hanged himself", "was found hanged"
(not "hung a picture", "hang out")."""

REFLEXIVE_PRONOUNS = frozenset({"himself", "herself", "themselves", "myself", "yourself"})

NEEDS_OFFERED = frozenset({"offer"})
"""Verbs that are events only when what is offered is a job, a contract or a deal ("offered X the
post", "offered a five-year contract to X", "was offered the job"; not "offered condolences",
"offered no explanation")."""

OFFERED_WORDS = frozenset({"job", "post", "position", "role", "contract", "deal", "extension",
                           "settlement", "seat", "place", "scholarship"})
"""Objects of "offer" that make an offer an event."""

RECIPIENT_KINDS = frozenset({"offer"})
"""Kinds whose "to" phrase or indirect object names a participant, the one it is made to ("made
an offer to X", "offered X a contract")."""

NEEDS_INTO = frozenset({"check"})
"""Verbs that are events only into somewhere ("checked into a clinic", not "checked the list")."""

NEEDS_CARE = frozenset({"enter"})
"""Verbs that are admissions only into care: their object a rehab or a treatment ("entered rehab",
"entered the X Treatment Center", "entered a rehab program"; not "entered the race", "the gunman
entered the building")."""

CARE_WORDS = frozenset({"rehab", "rehabilitation", "detox", "treatment"})
"""Words naming care, as a verb's object or a modifier of it (``NEEDS_CARE``)."""

NEEDS_SETTING = frozenset({"talks", "election", "protest", "acquisition", "offer"})
"""Kinds whose noun triggers need a place, a time or two named parties ("negotiations" is often
abstract; "X is in negotiations with Y" is not)."""

NOUN_TRIGGERS: dict[str, str] = {
    "visit": "visit", "trip": "visit", "journey": "visit", "arrival": "visit", "tour": "visit",
    "meeting": "meeting", "summit": "meeting", "encounter": "meeting", "audience": "meeting",
    "talks": "talks", "negotiations": "talks", "discussions": "talks",
    "announcement": "announcement", "declaration": "announcement",
    "attack": "attack", "assault": "attack", "strike": "attack", "strikes": "attack",
    "bombing": "attack", "invasion": "attack", "offensive": "attack", "raid": "attack",
    "shelling": "attack", "threat": "threat", "threats": "threat", "ultimatum": "threat",
    "arrest": "arrest", "detention": "arrest", "capture": "arrest",
    "killing": "killing", "shooting": "shooting", "murder": "killing",
    "dismissal": "dismissal", "sacking": "dismissal", "ouster": "dismissal",
    "appointment": "appointment", "nomination": "appointment",
    "resignation": "resignation", "nominee": "appointment", "death": "death",
    "earthquake": "disaster", "quake": "disaster", "explosion": "disaster", "blast": "disaster",
    "indictment": "charge", "verdict": "verdict", "conviction": "verdict", "acquittal": "verdict",
    "sentencing": "sentencing", "escape": "escape", "jailbreak": "escape", "breakout": "escape",
    "election": "election", "elections": "election", "referendum": "election",
    "acquisition": "acquisition", "takeover": "acquisition", "merger": "acquisition",
    "buyout": "acquisition", "protest": "protest", "protests": "protest",
    "demonstration": "protest", "demonstrations": "protest", "crash": "crash",
    "collision": "crash", "derailment": "crash", "fire": "fire", "blaze": "fire",
    "wildfire": "fire", "inferno": "fire", "riot": "riot", "riots": "riot", "rioting": "riot",
    "unrest": "riot", "clashes": "riot", "robbery": "robbery", "theft": "robbery",
    "heist": "robbery", "burglary": "robbery", "victory": "victory", "suicide": "death",
    "murders": "killing", "slaying": "killing", "slayings": "killing", "homicide": "killing",
    "stabbing": "killing", "win": "victory", "triumph": "victory",
    "lawsuit": "lawsuit", "extradition": "extradition", "bankruptcy": "bankruptcy",
    "offer": "offer",
}  # fmt: skip
"""Noun form (lower case, as written) -> event kind."""

DESCRIBED_KINDS = frozenset({"attack", "killing", "shooting", "death", "disaster", "arrest",
                             "foiling", "dismissal", "appointment", "resignation", "hit", "fall",
                             "charge", "verdict", "sentencing", "escape", "injury", "protest",
                             "crash", "admission", "fire", "riot", "robbery", "reversal",
                             "extradition", "pardon", "execution", "appeal"})
"""Kinds whose participants may be described instead of named ("a gunman opened fire", "police
arrested a man"); visits, meetings, talks, announcements, threats and sanctions need a name."""

NEEDS_VICTIM = frozenset({"shoot", "kill", "murder", "stab", "gun", "hit", "strike", "injure", "wound"})
"""Verbs that are events only when someone is hit: a party as object or passive subject ("shot
three people", "was killed"; not "shot to fame")."""

NEEDS_PARTY_DONE_TO = frozenset({"sue", "extradite", "pardon", "execute"})
"""Verbs that are justice events only done to someone, a person or not: a party as object or
passive subject ("sued the city", "was extradited", "executed the prisoner"; not "sued for
peace", "executed the plan")."""

NONEVENT_COMPOUND = frozenset({"death", "fire"})
"""Noun triggers that name no event when they modify another noun ("death penalty", "death toll",
"fire department")."""

IDIOM_VERBS: dict[str, frozenset[str]] = {
    "fire": frozenset({"open", "return", "exchange", "cease", "hold", "draw"}),
}
"""Noun triggers that name no event of their kind as the object of these verbs ("opened fire" is
a shooting, "drew fire" criticism; "caught fire" is a fire); nor after "under" ("under fire")."""

STANDALONE_KINDS = frozenset({"attack", "killing", "shooting", "disaster", "arrest", "crash", "fire",
                              "riot", "robbery", "election"})
"""Kinds that are events with a place even when no one is named or described ("the
shooting in X on Monday", "an earthquake struck X", "parliamentary elections in X")."""

STRIKING_KINDS = frozenset({"attack", "killing", "shooting", "disaster", "crash", "fire", "riot",
                            "robbery"})
"""Kinds whose noun, as the subject of its verb, names who or what it struck as a party ("a fire
destroyed the X Church", "the attack killed X"); not talks or visits ("the talks angered X")."""

PARTY_NOUNS = frozenset({
    "man", "woman", "men", "women", "boy", "girl", "child", "children", "teenager", "teen",
    "person", "people", "resident", "residents", "driver", "pedestrian", "passenger", "gunman",
    "gunmen", "shooter", "attacker", "assailant", "suspect", "suspects", "victim", "victims",
    "officer", "officers", "police", "policeman", "troops", "soldier", "soldiers", "navy",
    "army", "military", "forces", "militant", "militants", "rebel", "rebels", "pirate", "pirates",
    "robber", "robbers", "thief", "thieves", "climber", "hiker", "worker", "workers", "employee",
    "employees", "student", "students", "coach", "player", "team", "club", "company", "firm",
    "government", "president", "minister", "official", "officials", "leader", "spokesman",
    "authorities", "prosecutors", "agents", "guard", "guards", "crew", "fighters", "bomber",
    "hijackers", "protesters", "demonstrators", "prisoner", "prisoners", "inmate", "inmates",
    "actor", "actress", "singer", "star", "director", "manager", "executive", "chief",
})  # fmt: skip
"""Common nouns that describe a real participant without naming it ("a gunman", "police", "the
navy"): enough for an event whose trigger is a real event word."""

SANCTION_NOUNS = frozenset({"sanction", "sanctions", "tariff", "tariffs", "embargo", "penalties"})
"""Nouns naming economic measures."""

SANCTION_VERBS = frozenset({"impose", "implement", "introduce", "levy", "slap", "expand",
                            "extend", "tighten", "lift", "ease", "announce"})
"""Verbs that turn a measure noun into a sanctions event ("imposed tariffs")."""

LIGHT_VERBS = frozenset({"hold", "have", "attend", "host", "conduct", "make", "pay", "begin",
                         "launch", "stage", "carry", "join", "open", "resume", "engage", "file",
                         "extend"})
"""Verbs whose subject takes part in their noun trigger ("held a meeting")."""

ONGOING_NOUNS = frozenset({"talks", "negotiations", "discussions", "meeting", "meetings"})
"""Noun triggers a subject is "in" ("X is in talks with Y", "X and Y are locked in
negotiations"): the subject of the verb above "in" takes part, as with a light verb."""

FILED_FOR_NOUNS = frozenset({"bankruptcy"})
"""Noun triggers a subject "files for" ("X filed for bankruptcy"): the subject of "file" takes
part, as with a light verb."""

PARTICIPANT_PREPS = frozenset({"with", "between", "among", "by"})
"""Prepositions introducing other participants."""

NOUN_PARTICIPANT_PREPS = PARTICIPANT_PREPS | {"of", "over", "against"}
"""Prepositions introducing participants of a noun trigger ("the visit of X", "a victory over X",
"the case against X")."""

PLACE_PREPS = frozenset({"in", "to", "at", "into", "across", "on"})
"""Prepositions introducing the place (or target: "attack on X")."""

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
"""NER labels of place mentions."""

EARLIER_ADJECTIVES = frozenset({"last", "previous", "prior", "earlier", "past", "former"})
"""Adjectives on a noun trigger marking an earlier occurrence ("his last visit")."""

EARLIER_ADVERBS = frozenset({"previously", "formerly"})
"""Adverbs on a verb trigger marking an earlier occurrence ("previously met")."""
ATTEMPT_WORDS = frozenset({"attempt", "try", "plot", "bid", "conspire", "conspiracy", "scheme"})
"""Words whose to-infinitive is an act tried, not done ("attempts to kill", "a plot to seize")."""

REPEATED_MODIFIERS = frozenset({"several", "multiple", "many", "numerous", "various",
                                "repeated", "frequent", "occasions", "regularly", "often",
                                "repeatedly", "times", "typically", "usually", "normally",
                                "routinely", "generally"})
"""Words marking habitual or repeated events, which are not one event."""

NATIONALITY_NOUNS = frozenset({"briton", "britons", "brit", "brits", "scot", "scots", "dane", "danes",
                               "swede", "swedes", "finn", "finns", "pole", "poles", "turk", "turks",
                               "spaniard", "spaniards", "kiwi", "kiwis", "aussie", "aussies",
                               "englishman", "scotsman", "welshman", "irishman", "frenchman",
                               "dutchman"})
"""Nouns for a person of a nation that no demonym rule derives ("Briton hurt in crash"): they
name no one (``parties.mention_of``)."""

FAMILIES: dict[str, str] = {"talks": "meeting", "death": "killing", "execution": "killing"}
"""Kinds that merge with each other: talks and meetings are one family, a killing, the death
it causes and an execution (by a state, or "executed two of them" of a gunman) another. A
shooting is told apart from the killing, as annotated news corpora (ECB+) do."""

KIND_LABELS: dict[str, tuple[str, str, str]] = {
    "visit": ("Visit", "to", "by"), "meeting": ("Meeting", "in", "with"),
    "talks": ("Talks", "in", "with"), "announcement": ("Announcement", "in", "by"),
    "attack": ("Attack", "on", "by"), "threat": ("Threat", "against", "by"),
    "sanctions": ("Sanctions", "on", "by"), "arrest": ("Arrest", "in", "of"),
    "killing": ("Killing", "in", "of"), "dismissal": ("Dismissal", "at", "of"),
    "appointment": ("Appointment", "at", "of"), "resignation": ("Resignation", "at", "of"),
    "shooting": ("Shooting", "in", "by"), "death": ("Death", "in", "of"),
    "disaster": ("Disaster", "in", "at"), "foiling": ("Foiled attack", "in", "by"),
    "hit": ("Person struck", "in", "–"), "fall": ("Fall", "in", "of"),
    "charge": ("Charges", "in", "against"), "verdict": ("Verdict", "in", "on"),
    "sentencing": ("Sentencing", "in", "of"), "escape": ("Escape", "in", "of"),
    "election": ("Election", "in", "of"), "acquisition": ("Acquisition", "in", "by"),
    "injury": ("Injury", "in", "of"), "protest": ("Protest", "in", "by"),
    "crash": ("Crash", "in", "of"), "admission": ("Admission", "in", "of"),
    "fire": ("Fire", "in", "at"), "riot": ("Riots", "in", "by"), "robbery": ("Robbery", "in", "by"),
    "victory": ("Victory", "in", "involving"), "launch": ("Launch", "in", "by"),
    "reversal": ("Reversal", "in", "by"), "lawsuit": ("Lawsuit", "in", "involving"),
    "extradition": ("Extradition", "to", "involving"), "pardon": ("Pardon", "in", "involving"),
    "execution": ("Execution", "in", "involving"), "bankruptcy": ("Bankruptcy", "in", "of"),
    "appeal": ("Appeal", "in", "by"), "offer": ("Offer", "in", "involving"),
}  # fmt: skip
"""Kind -> (title word, preposition before the place, before a participant) for titles. The
justice kinds and victories take "involving": their participants are either side ("sued X", "X
sued"; "pardoned X", "X pardoned"; "X beat Y", "a victory over Y"), and an event's participants
carry no role."""


def kind_label(kind: str) -> str:
    """The word titles and pages give a kind ("Person struck" for "hit")."""
    return KIND_LABELS[kind][0] if kind in KIND_LABELS else kind.title()


def family(kind: str) -> str:
    """The merge family of a kind."""
    return FAMILIES.get(kind, kind)


def headline_verbs() -> dict[str, str]:
    """Third-person forms of trigger verbs as written in title-case headlines ("Heads")."""
    forms = {}
    for lemma, kind in VERB_TRIGGERS.items():
        suffix = "es" if lemma.endswith(("sh", "ch", "s", "x")) else "s"
        forms[lemma + suffix] = kind
    return forms
