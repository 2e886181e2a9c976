"""Cleaning of named-entity spans and generic English name knowledge.

The lexicons here are generic English (honorifics, titles, speech verbs); none
names a person, organisation or place.
"""

from __future__ import annotations

import re
import unicodedata

from cleanco.clean import custom_basename, normalize_terms, normalized, strip_punct
from cleanco.termdata import terms_by_country, terms_by_type

# Honorifics and titles that precede a person's name. Multi-word titles are
# matched token by token, so "special envoy" strips as two words.
PERSON_TITLES = frozenset(
    """
    mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady prof prof. professor
    president vice prime minister ministers premier chancellor king queen prince
    princess pope sheikh emir ambassador envoy senator sen sen. rep rep.
    representative congressman congresswoman governor gov gov. mayor general gen
    gen. colonel col. lieutenant lt. captain capt. admiral commander secretary
    chairman chairwoman chair ceo director spokesman spokeswoman spokesperson
    judge justice leader speaker analyst adviser advisor aide official officer
    commissioner attorney representative sgt sgt. sergeant cpl cpl. corporal det det.
    detective inspector insp insp. supt supt. superintendent trooper sheriff deputy
    bishop archbishop cardinal rabbi imam reverend rev rev. councilman councilwoman
    councillor councilor alderman assemblyman assemblywoman coroner magistrate
    constable marshal treasurer comptroller ombudsman
    maj. brig. cmdr. adm. pvt. pfc. spc. const. atty. amb. msgr. asst.
    """.split()
)

TITLE_ABBREVIATIONS = frozenset(word for word in PERSON_TITLES if word.endswith("."))
"""Abbreviated titles written before a name ("Capt.", "Sgt.", "Supt."): one token, so the full
stop ends no sentence ("police spokesman Capt. Tom Brell said" is one sentence)."""

# Titles followed by a given name, not a family name ("Prince Alfred", "Pope Linus").
GIVEN_NAME_TITLES = frozenset(
    "king queen prince princess pope sir dame lady lord saint st emperor empress duke duchess".split()
)

# Words that modify a title ("acting", "former") but are no title themselves.
TITLE_MODIFIERS = frozenset(
    "acting former late deputy chief foreign special senior vice interim outgoing incoming".split()
)

# Words that, governing a name as subject, suggest a person (or organisation)
# is speaking.
SPEECH_VERBS = frozenset(
    """
    say said says tell told state stated add added warn warned announce announced
    explain explained claim claimed insist insisted argue argued note noted
    confirm confirmed deny denied write wrote ask asked reply replied urge urged
    """.split()
)

# Forms of address that say "person" but are no role worth listing.
HONORIFICS = frozenset("mr mr. mrs mrs. ms ms. miss dr dr. sir dame lord lady".split())

TITLE_GENDERS = {"mr": "m", "mrs": "f", "ms": "f", "miss": "f", "msgr": "m", "sir": "m", "dame": "f",
                 "lord": "m", "lady": "f", "king": "m", "queen": "f", "prince": "m", "princess": "f"}
"""Forms of address and titles that give a person's gender (lowercased, without a full stop)."""


def title_word_genders(title: str) -> list[str]:
    """The genders ("m"/"f") the words of ``title`` give, one per word that gives one
    ("Mrs." -> ["f"])."""
    words = (word.lower().rstrip(".") for word in title.split())
    return [TITLE_GENDERS[word] for word in words if word in TITLE_GENDERS]


ORGANISATION_HEADS = frozenset(
    """
    shares share stock stocks ceo executive executives board chairman employees
    headquarters subsidiary products customers investors shareholders merger
    acquisition purchase takeover deal revenue profit profits earnings brand
    """.split()
)
"""Nouns a company or institution name modifies ("Acme shares", "Acme's chief executive",
"the Acme takeover"): evidence the name is an organisation.
Not a spokesman or staff, which a president or minister has as much as a company ("Yeltsin's
spokesman" had made Boris Yeltsin an organisation)."""

# Occupations and descriptions written before a name in news copy ("Producer
# Jane Doe", "comedian Jane Doe", "WR Doe"): no part of the name.
JOB_WORDS = frozenset(
    """
    actor actress anchor author artist athlete banker boss candidate coach
    comedian composer correspondent critic dancer defender designer director
    driver economist editor executive filmmaker founder forward goalkeeper
    guard host investor journalist lawmaker lawyer manager midfielder model
    musician novelist owner photographer pitcher player playwright poet
    politician presenter producer prosecutor quarterback rapper receiver
    reporter runner scientist screenwriter singer songwriter star striker
    suspect tackle teacher veteran victim writer rookie star superstar
    businessman businesswoman billionaire millionaire tycoon climber
    mountaineer comic entertainer legend icon drummer guitarist frontman
    striker winger linebacker cornerback safety fullback halfback
    swimmer skier cyclist boxer golfer jockey wrestler gymnast sprinter skater
    accountant nurse surgeon pilot soldier firefighter farmer chef priest pastor
    """.split()
)

# Last words of organisation names ("Justice Department", "Acme Advisors").
ORGANISATION_WORDS = frozenset(
    """
    department ministry office agency bureau commission committee council board
    authority administration service services police army navy force forces
    party union federation league association institute foundation fund trust
    society university college school academy hospital bank group company co co.
    corp corp. corporation inc inc. ltd ltd. llc plc partners advisors advisers
    holdings capital media news network networks entertainment studios records
    airlines airways motors industries systems technologies labs pharmaceuticals
    times journal herald tribune telegraph guardian gazette magazine press church
    """.split()
)

# Last words of the names of buildings, venues and other man-made places.
FACILITY_WORDS = frozenset(
    """
    dome stadium arena centre center theatre theater square bridge tower palace
    airport station hotel museum cathedral highway freeway interstate route avenue
    road street boulevard plaza mall building prison jail
    """.split()
)

GEOGRAPHIC_WORDS = frozenset(
    """
    gulf sea ocean strait straits bay peninsula canal channel coast coastline island islands
    delta lake river mountains
    """.split()
)
"""Words that end a sea's or a region's name, or head it before "of" ("Gulf of Velmar"): a name
the model tags a location with one of them takes "the" as seas and regions do."""

COMPASS_WORDS = frozenset(
    """
    north south east west northern southern eastern western northeast northwest southeast
    southwest midwest mideast
    """.split()
)
"""Compass words that name a region ("the Far North", "the Velmar Southwest")."""

# Nouns for a person that a headline writes with a capital ("Woman Killed,
# Driver Charged"): the person the report is about.
PERSON_NOUNS = frozenset(
    """
    woman man girl boy mother father grandmother grandfather wife husband son
    daughter teen teenager child baby mom dad gunman driver victim suspect
    """.split()
)

KIN_NOUNS = frozenset(
    """
    family families clan dynasty household heirs relatives parents children kids sons
    daughters brothers sisters siblings twins cousins couple
    """.split()
)
"""Nouns for a family or its members that a family name modifies ("the Doe family", "the Doe
brothers"): evidence the name is a person's, whatever "the" stands before it."""

# Lower-case words that belong inside a name ("Ludwig van Beethoven"); never glue.
NAME_PARTICLES = frozenset(
    "van von der den de del della da di du la le bin ibn al el dos das ter ten".split())

LEADING_ARTICLES = ("the ", "The ")
_POSSESSIVE = re.compile(r"(?:['’]s|['’])$")


def normalise(name: str) -> str:
    """Comparison key: lower case, no diacritics, no punctuation, one space."""
    ascii_only = name if name.isascii() else "".join(  # ASCII has nothing to decompose
        c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    cleaned = re.sub(r"[^\w\s]", "", ascii_only.lower().replace("-", " "))
    return " ".join(cleaned.split())


_NOT_LEGAL_FORMS = frozenset({"spa", "cic", "cio", "pse", "psu"})
"""Forms in ``cleanco``'s lists that news more often writes as a word or an initialism ("Spa",
"CIO"); of one or two letters only "Co", "AG", "SA", "NV", "LP" are kept."""


def _legal_forms() -> list[tuple[int, list[str]]]:
    """The legal forms stripped from company names: ``cleanco``'s corporations and the forms
    of the English-speaking countries, as its ``normalize_terms`` writes them, longest first
    (the term list ``custom_basename`` takes)."""
    terms = terms_by_type["Corporation"] + ["llc", "l.l.c.", "pllc", "gmbh"] + [
        term for country in ("United Kingdom", "Australia", "New Zealand", "India", "Canada")
        for term in terms_by_country[country]]
    forms = {tuple(term.split()) for term in normalize_terms(terms)}
    kept = [parts for parts in forms if "".join(parts) not in _NOT_LEGAL_FORMS
            and (len("".join(parts)) > 2 or "".join(parts) in {"co", "ag", "sa", "nv", "lp"})]
    return [(len(parts), list(parts)) for parts in sorted(kept, key=lambda parts: (-len(parts), parts))]


_LEGAL_FORMS = _legal_forms()
_LEGAL_FORM_ENDINGS = frozenset(parts[-1] for _, parts in _LEGAL_FORMS)


def without_legal_form(name: str) -> str:
    """A company name without the legal forms it ends with ("Acme Widgets Corp." -> "Acme
    Widgets", "Zeta Motor Co Ltd" -> "Zeta Motor"); the name as it is when nothing else
    would be left ("Inc.")."""
    while name.split() and strip_punct(normalized(name.split()[-1])) in _LEGAL_FORM_ENDINGS:
        base = custom_basename(name, _LEGAL_FORMS)
        if not base or base == name:
            break
        name = base
    return name


RESERVED_SLUGS = frozenset({"index"})
"""Page names of the generated section indexes: a name with that slug gets a suffix."""


def slugify(name: str) -> str:
    """URL-safe page name: lower case, hyphens; never a section index's name."""
    slug = normalise(name).replace(" ", "-").replace("_", "-") or "item"
    return f"{slug}-1" if slug in RESERVED_SLUGS else slug


def strip_possessive(text: str, start: int, end: int) -> int:
    """New end offset with a trailing 's or ' removed."""
    match = _POSSESSIVE.search(text[start:end])
    return start + match.start() if match and match.start() > 0 else end


def strip_leading_article(text: str, start: int, end: int) -> int:
    """New start offset with a leading "the " removed."""
    return start + 4 if text[start:end].startswith(LEADING_ARTICLES) and end - start > 4 else start


def is_title_word(word: str) -> bool:
    """True for honorifics and role words such as "President" or "envoy"."""
    return word.lower() in PERSON_TITLES


def surname(name: str) -> str:
    """Last word of a multi-word name (its likely family name)."""
    return name.split()[-1] if name.split() else name


def is_title_modifier(word: str) -> bool:
    """True for words such as "acting" or "former" that modify a title."""
    return word.lower() in TITLE_MODIFIERS


def is_honorific(word: str) -> bool:
    """True for forms of address such as "Mr." that are no role."""
    return word.lower() in HONORIFICS


def is_job_word(word: str) -> bool:
    """True for occupation words such as "producer" or "coach" written before names."""
    return word.lower() in JOB_WORDS


def last_word(name: str) -> str:
    """Last word of a name, lower case ("" for an empty name)."""
    words = name.lower().split()
    return words[-1] if words else ""


def family_key(name: str) -> str:
    """The ``normalise``d last word of a name, by which an article refers back to a person
    ("Ms. Jane Doe-Roe" -> "roe"; "" for an empty name)."""
    return last_word(normalise(name))
