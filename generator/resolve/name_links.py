"""Linking rules that join name groups into one entity (part of the resolve stage).

In order of precedence after user ``merge`` overrides: a one-word name joins
the only multi-word person name ending in it (surname linking; a surname
shared by several people goes, mention by mention, to the one its article
means, ``decide_shared_names``, else stays apart and is reported as ambiguous),
and a person's name of several words the only longer one ending with all its words;
near-identical spellings of person names with the same first word join, and so
do names that differ only by middle initials ("Jane Q. Doe")
(fuzzy, blocked by the first word so cost stays near linear); an all-capitals
name joins the only multi-word name whose initials it spells. A longer name
mostly written after "the" is a title named after the shorter one ("the
Notorious Jane Roe"), never its longer form, when the shorter mostly is not
(``_titled_after``). Names the user lists under ``split`` never join anything
automatically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from generator.knowledge import gazetteer
from generator.knowledge.given_names import is_short_form
from generator.knowledge.names import (
    FACILITY_WORDS,
    GIVEN_NAME_TITLES,
    NAME_PARTICLES,
    ORGANISATION_WORDS,
    PERSON_TITLES,
    normalise,
    title_word_genders,
)
from generator.knowledge.plurals import singular
from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup, give_mention
from generator.resolve.overrides import Overrides

FUZZY_PERSON_THRESHOLD = 85
FUZZY_GIVEN_NAME_THRESHOLD = 90
"""A given name misspelt ("Jerymayne" for "Jermayne"), stricter than family names: "Michelle"
is not "Michael" (85.7)."""
DOMINANT_SHARE = 0.8
"""A shared surname in an article naming none of its people goes to the person with
at least this share of the candidates' mentions across the corpus."""


def is_personish(group: NameGroup) -> bool:
    """A name no gazetteer place or group whose mentions NER or a title call a person, and
    whose last word is no organisation or building word (NER tags "Hill Bible Church" a
    person now and then, and "Hill" would then join it as a family name written first)."""
    return group.place is None and not group.key.startswith("group:") and (
        group.words[-1] not in ORGANISATION_WORDS and group.words[-1] not in FACILITY_WORDS) and (
        group.label_share("PERSON") > 0 or any("title:person" in m.cues for m in group.mentions)
    )


def is_mostly_person(group: NameGroup) -> bool:
    """Half or more of the mentions are tagged PERSON or follow a person's title; a PERSON
    tag on a name written after "the" ("the Comets") is no vote: people's names take no
    article."""
    return group.remembered("mostly person", lambda: 2 * len(
        [m for m in group.mentions if (m.label == "PERSON" and "determiner" not in m.cues)
         or "title:person" in m.cues]) >= len(group.mentions))


def is_other_name(group: NameGroup) -> bool:
    """A name of an organisation or of a place the gazetteer does not know."""
    return group.place is None and not group.key.startswith("group:") and not is_mostly_person(group)


def link_name_suffixes(groups: dict[str, NameGroup], links: Links,
                       overrides: Overrides) -> dict[str, set[str]]:
    """Join an organisation or place name to the only longer such name ending with all its
    words ("Rovers" -> "Harbor City Rovers", "Mount Ember" -> "Grey Mount Ember"), but not
    to one naming a part of it or a place beside it (``PART_WORDS``: "Central America").

    Returns:
        For each name several longer names end with ("Navy"), the keys of those names.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    other = {key: is_other_name(group) and not overrides.keeps_apart(key) for key, group in groups.items()}
    for key, group in groups.items():
        if len(group.words) > 1 and other[key]:
            by_last[group.words[-1]].append(key)
    ambiguous: dict[str, set[str]] = {}
    for key, group in groups.items():
        if not other[key]:
            continue
        longer = {links.find(k) for k in by_last.get(group.words[-1], ())
                  if k.endswith(" " + key) and not _titled_after(groups[k], group)
                  and not _part_of(groups[k], group)}
        longer.discard(links.find(key))
        if len(longer) == 1:
            links.join(longer.pop(), key)
        elif longer:
            ambiguous[key] = longer
    return ambiguous


PART_WORDS = frozenset("""
    north south east west central northern southern eastern western northeast northwest
    southeast southwest upper lower inner outer greater new
    """.split())
"""Words that make a place name of a part of, or a place beside, the name they stand before
("Central America", "East Africa", "New Mexico"): never the same place written short."""


def _part_of(longer: NameGroup, short: NameGroup) -> bool:
    """Whether the longer name is the short one behind words that name a part of it or
    another place ("South Sudan" of "Sudan"), not the short name's full form."""
    extra = longer.words[:len(longer.words) - len(short.words)]
    return bool(extra) and all(word in PART_WORDS for word in extra)


DEPARTMENT_WORDS = frozenset({"department", "dept"})
"""Last words a name of a department drops when written short ("Staunton Police" for "Staunton
Police Department")."""


def link_department_forms(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join an organisation name of three words or more ending in "Department" to the same
    name without it ("Staunton Police Department" ~ "Staunton Police"); a two-word name
    ("State Department") is never written short, as its first word alone names something else."""
    for key, group in groups.items():
        words = group.words
        if len(words) < 3 or words[-1] not in DEPARTMENT_WORDS or not is_other_name(group):
            continue
        short = " ".join(words[:-1])
        if short in groups and is_other_name(groups[short]) and not overrides.keeps_apart(key) \
                and not overrides.keeps_apart(short):
            links.join(key, short)


def _titled_after(longer: NameGroup, name: NameGroup) -> bool:
    """``longer`` is a title mostly written after "the" that ends with ``name``, a name mostly
    written without: a film, book or group named after a person or thing ("the Notorious Jane
    Roe" for "Jane Roe"), not a longer form of the same name ("the Harbor City Rovers" for
    "the Rovers")."""
    return _takes_article(longer) and not _takes_article(name)


def _takes_article(group: NameGroup) -> bool:
    """Half or more of the name's tagged mentions (recovered ones carry no cues) follow "the"."""
    tagged = [m for m in group.mentions if m.label]
    return bool(tagged) and 2 * len([m for m in tagged if "determiner" in m.cues]) >= len(tagged)


def link_surnames(groups: dict[str, NameGroup], links: Links,
                  overrides: Overrides) -> dict[str, set[str]]:
    """Join a one-word name to the only multi-word person name ending with it.

    When no person name ends with the word, a one-word name the parse calls a
    person joins the only person name *starting* with it: family names written
    first ("Xi" for "Xi Jinping", "Kim" for "Kim Jong Un"); so does any other one-word
    name written only in articles that name that person (``_given_name_beside``).

    Returns:
        For each one-word name left unmerged because several people share it,
        the keys of those people.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(group.words) > 1 and is_personish(group) and not overrides.keeps_apart(key):
            by_last[group.words[-1]].append(key)
            by_first[group.words[0]].append(key)
    ambiguous: dict[str, set[str]] = {}
    for key, group in groups.items():
        if len(group.words) != 1 or group.place is not None or overrides.keeps_apart(key):
            continue
        word = group.words[0]
        if word.startswith("group:"):  # NORP-tagged: a surname only when no demonym
            word = normalise(group.mentions[0].text)
            if gazetteer.demonym_country(group.mentions[0].text) is not None or word not in by_last:
                continue
        candidates = by_last.get(word) or (by_first.get(word, []) if _family_name_first(group) else [])
        full_names = {links.find(k) for k in candidates}
        if len(full_names) == 1:
            links.join(full_names.pop(), key)
        elif full_names:
            ambiguous[key] = full_names
        elif _given_name_beside(group, by_first.get(word, []), groups, links):
            links.join(links.find(by_first[word][0]), key)
    ambiguous.update(_link_longer_surnames(groups, links, overrides, by_last))
    return ambiguous


def _link_longer_surnames(groups: dict[str, NameGroup], links: Links, overrides: Overrides,
                          by_last: dict[str, list[str]]) -> dict[str, set[str]]:
    """Join a person's name of several words to the only longer person name ending with all
    of them: a family name of two words ("Lo Presti" of "Gaetano Lo Presti", "Van Rompuy"),
    a name without its first given name ("Mary Smith" of "Anna Mary Smith"). ``by_last``:
    last word -> keys of the multi-word person names; returns the names several end with."""
    ambiguous: dict[str, set[str]] = {}
    for key in (k for keys in by_last.values() for k in keys):  # the multi-word person names
        words = groups[key].words
        size = len(words)
        longer = {links.find(k) for k in by_last[words[-1]]
                  if len(groups[k].words) > size and groups[k].words[-size:] == words
                  and not _titled_after(groups[k], groups[key])}
        longer.discard(links.find(key))
        if len(longer) == 1:
            links.join(longer.pop(), key)
        elif longer:
            ambiguous[key] = longer
    return ambiguous


def _given_name_beside(group: NameGroup, starting: list[str], groups: dict[str, NameGroup],
                       links: Links) -> bool:
    """A one-word name written only in articles that also name the one person whose name
    starts with it (``starting``: the keys of the person names starting with it): a given
    name alone ("Kathina" after "Kathina Thomas", a child a report calls by her first name),
    however the model tagged it; never one written after a title, a person of its own
    ("Prince Edward" beside "Edward Lee")."""
    if len({links.find(key) for key in starting}) != 1 or any(m.title for m in group.mentions):
        return False
    beside = {m.source for key in starting for m in groups[key].mentions}
    return all(m.source in beside for m in group.mentions)


def _family_name_first(group: NameGroup) -> bool:
    """A one-word person name that may be a family name written first ("Xi"): never one
    written after a title that takes a given name ("Prince Alfred")."""
    return is_personish(group) and not any(
        word.lower().rstrip(".") in GIVEN_NAME_TITLES for m in group.mentions for word in m.title.split())


def link_spelling_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join person names that differ only by spelling (same first word, close rest)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if is_personish(group) and not overrides.keeps_apart(key):
            blocks[group.words[0] if len(group.words) > 1 else "~" + key[:3]].append(key)
    for keys in blocks.values():
        for i, j in _spelling_candidates(keys):
            if is_spelling_variant(keys[i], keys[j]):
                links.join(keys[i], keys[j])


def link_misspelt_given_names(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join two person names of the same other words whose first given names differ by a slip
    of spelling (``FUZZY_GIVEN_NAME_THRESHOLD``), when no article writes both: two people of
    one family with close given names ("Daniel and Danielle Roe") are named side by side."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(group.words) > 1 and is_personish(group) and not overrides.keeps_apart(key):
            blocks[" ".join(group.words[1:])].append(key)
    for keys in (keys for keys in blocks.values() if len(keys) > 1):
        given = [groups[key].words[0] for key in keys]
        close = process.cdist(given, given, scorer=fuzz.ratio, score_cutoff=FUZZY_GIVEN_NAME_THRESHOLD)
        for i, j in zip(*close.nonzero(), strict=True):
            if i < j and not _sources(groups[keys[i]]) & _sources(groups[keys[j]]):
                links.join(keys[i], keys[j])


def _sources(group: NameGroup) -> set[str]:
    """The articles that write the name."""
    return {m.source for m in group.mentions}


def link_initialled_given_names(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join a person name of three or more words whose first given name is an initial ("W.
    Mark Felt" written "w mark felt") to the only person name spelling that given name out
    with the same other words ("William Mark Felt")."""
    by_rest: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(group.words) > 2 and len(group.words[0]) > 1 and is_personish(group) \
                and not overrides.keeps_apart(key):
            by_rest[" ".join(group.words[1:])].append(key)
    for key, group in groups.items():
        words = group.words
        if len(words) < 3 or len(words[0]) != 1 or overrides.keeps_apart(key) or not is_personish(group):
            continue
        spelled = {links.find(k) for k in by_rest.get(" ".join(words[1:]), ()) if k.startswith(words[0])}
        if len(spelled) == 1:
            links.join(spelled.pop(), key)


def _spelling_candidates(keys: list[str]) -> Iterator[tuple[int, int]]:
    """Positions ``i < j`` of the keys that may be spelling variants, in the order of every
    pair: ``is_spelling_variant`` needs the same last word (names of different lengths) or,
    for names of one length, last words that begin alike."""
    same_last: dict[str, list[int]] = defaultdict(list)
    same_shape: dict[tuple[int, str], list[int]] = defaultdict(list)
    for position, key in enumerate(keys):
        words = key.split()
        same_last[words[-1]].append(position)
        same_shape[len(words), words[-1][:3]].append(position)
    for i, key in enumerate(keys):
        words = key.split()
        after = {j for j in same_last[words[-1]] if j > i}
        after.update(j for j in same_shape[len(words), words[-1][:3]] if j > i)
        for j in sorted(after):
            yield i, j


def link_short_given_names(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join "Sam Doe" to the only person "<given name> Doe" whose given name it may stand
    for (``given_names.is_short_form``: "Samuel", "Bill" for "William", "Ro" for
    "Roland"; "Jon" is no "James"). Blocked by the last word; titles, particles and
    capitals ("US Army") are no given names."""
    longer: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))  # last -> given -> keys
    for key, group in groups.items():
        if len(group.words) == 2 and is_mostly_person(group) and not overrides.keeps_apart(key):
            longer[group.words[-1]][group.words[0]].add(key)
    short_forms: dict[str, dict[str, bool]] = defaultdict(dict)  # short -> given -> may stand for it
    for key, group in groups.items():
        if len(group.words) != 2 or group.place is not None or overrides.keeps_apart(key):
            continue
        first = group.usual_form.split()[0] if group.mentions else ""
        if (not (first.istitle() and first.isalpha())
                or first.lower() in NAME_PARTICLES or first.lower() in PERSON_TITLES):
            continue
        fits = _fitting(group.words[0], longer.get(group.words[-1], {}), short_forms[group.words[0]])
        fits = {links.find(k) for k in fits if k != key}
        fits.discard(links.find(key))
        if len(fits) == 1:
            links.join(fits.pop(), key)


def _fitting(short: str, by_given: dict[str, set[str]], verdicts: dict[str, bool]) -> list[str]:
    """The keys of ``by_given`` (given name -> keys) under a given name ``short`` may stand
    for; ``verdicts`` keeps ``is_short_form`` of ``short`` per given name (the same few given
    names pair up again and again)."""
    found = []
    for given, keys in by_given.items():
        fits = verdicts.get(given)
        if fits is None:
            fits = verdicts[given] = is_short_form(short, given)
        if fits:
            found += keys
    return found


def link_spacing_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join names written with and without a space ("Trail Blazers", "Trailblazers")."""
    first: dict[str, str] = {}
    for key in groups:
        if overrides.keeps_apart(key) or key.startswith("group:"):
            continue
        packed = key.removeprefix("place:").replace(" ", "")
        if packed in first:
            links.join(first[packed], key)
        else:
            first[packed] = key


def link_plural_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join organisation names of three words or more that differ only by a plural "s" on a word
    before the last ("Central Elections Commission", "Central Election Commission"). Two-word
    names are left apart: "Rolling Stone" is a magazine, "Rolling Stones" a band."""
    first: dict[tuple[str, ...], str] = {}
    for key, group in groups.items():
        words = group.words
        if len(words) < 3 or overrides.keeps_apart(key) or not is_other_name(group):
            continue
        singular_form = (*(singular(word) for word in words[:-1]), words[-1])
        if singular_form in first:
            links.join(first[singular_form], key)
        else:
            first[singular_form] = key


def link_label_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join a name NER tagged as a group (NORP) in some places and as an organisation in others
    ("NYPD", "Taliban"): one name, two labels. A nationality ("French") is no such name: its
    key is a demonym's, and a demonym is never an organisation's name."""
    for key, group in groups.items():
        if not key.startswith("group:") or overrides.keeps_apart(key) \
                or any(gazetteer.demonym_country(m.text) for m in group.mentions):
            continue
        name = key.removeprefix("group:")
        for other in (name, name + "s"):
            if other in groups and is_other_name(groups[other]) and not overrides.keeps_apart(other):
                links.join(other, key)
                break


ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def initials(name: str) -> str:
    """"Federal Trade Commission" -> "FTC" (small words skipped)."""
    return "".join(w[0] for w in name.split() if w.lower() not in ACRONYM_SKIP_WORDS).upper()


def link_acronyms(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join an all-capitals name to the only multi-word name whose initials it spells
    (never to a person's name: "N.H." in "Springfield, N.H." is no one's initials), a
    name ending in "Police" spelt with the D of its department ("NYPD"); when
    none does, to the only one written after "the" whose initials it spells with the
    article's T ("THR" for "The Hollywood Reporter"). An acronym that is a place of the
    gazetteer ("US") joins only a name of that place. An acronym several names spell is
    decided article by article (``_acronym_by_article``)."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    with_the: dict[str, set[str]] = defaultdict(set)
    usual = {key: group.usual_form for key, group in groups.items()}
    for key, group in groups.items():
        if len(group.words) > 1 and is_other_name(group) and not overrides.keeps_apart(key):
            by_initials[initials(usual[key])].add(key)
            if group.words[-1] == "police":  # "NYPD" for "New York Police": a police department
                by_initials[initials(usual[key]) + "D"].add(key)
            if any("determiner" in m.cues for m in group.mentions):
                with_the["T" + initials(usual[key])].add(key)
    shared: dict[str, set[str]] = {}
    for key, group in groups.items():
        form = usual[key].replace(".", "")
        if not (form.isupper() and 2 <= len(form) <= 6) or overrides.keeps_apart(key) or _state_like(group):
            continue
        spelt = by_initials.get(form) or with_the.get(form, set())
        if group.place is not None:  # "US" of "the U.S." spells no company's name ("UBS Securities")
            spelt = {k for k in spelt if groups[k].place == group.place}
        candidates = {links.find(k) for k in spelt}
        if len(candidates) == 1:
            links.join(candidates.pop(), key)
        elif candidates:
            shared[key] = spelt
    for key, spelt in shared.items():
        _acronym_by_article(groups, links, key, spelt)


def _acronym_by_article(groups: dict[str, NameGroup], links: Links, key: str, spelt: set[str]) -> None:
    """An acronym several names spell ("CEC": "Central Election Commission", "CIS Executive
    Committee") goes, in each article naming only one of them, to that one (news writes the
    name out before its initials); elsewhere it stays as it is. Each mention given away moves
    to a group ``<key>@<source>@<root>`` joined with the name's cluster."""
    named_in: dict[str, set[str]] = defaultdict(set)
    for name in spelt:
        for mention in groups[name].mentions:
            named_in[mention.source].add(links.find(name))
    kept = []
    for mention in groups[key].mentions:
        roots = named_in.get(mention.source, set())
        if len(roots) != 1:
            kept.append(mention)
            continue
        give_mention(groups, links, key, mention, next(iter(roots)))
    groups[key].mentions = kept


def _state_like(group: NameGroup) -> bool:
    """Written where a state abbreviation goes ("Springfield, N.H.") in most mentions."""
    return sum("state:place" in m.cues for m in group.mentions) * 2 > len(group.mentions)


def differs_by_initials(wa: list[str], wb: list[str]) -> bool:
    """"jane q doe" ~ "jane doe" ~ "jane mary doe": same first and last word, and the
    extra words are initials or the middle names of a two-word name."""
    short, long = sorted((wa, wb), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    extra = [word for word in long[1:-1] if word not in short]
    if any(word in NAME_PARTICLES for word in extra):
        return False  # "maria de la cruz" is a family name "de la cruz", not "cruz"
    return len(short) == 2 or all(len(word) == 1 for word in extra)


def is_spelling_variant(a: str, b: str) -> bool:
    """"jon smyth" ~ "jon smythe"; "jon smith" !~ "jon smithson jr"."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb):
        return differs_by_initials(wa, wb)
    if wa[0] != wb[0] and len(wa) > 1:
        return False
    last_a, last_b = wa[-1], wb[-1]
    if last_a[:3] != last_b[:3] or abs(len(last_a) - len(last_b)) > 2:
        return False
    return fuzz.ratio(last_a, last_b) >= FUZZY_PERSON_THRESHOLD


def title_gender(titles: Iterable[str]) -> str:
    """"m" or "f" when the titles agree on one (Mr./Mrs./Ms. ...), else ""."""
    found = {gender for title in titles for gender in title_word_genders(title)}
    return found.pop() if len(found) == 1 else ""


@dataclass
class _Person:
    """What the article-level decision knows of one candidate full name (a cluster root)."""

    first_at: dict[str, int]
    """Source id -> where that article first names the candidate (start offset)."""
    mentions: int
    gender: str


_Cluster = tuple[dict[str, int], int, list[str]]
"""Source id -> first start, mention count and titles of one cluster (``_clusters``)."""


def _clusters(groups: dict[str, NameGroup], links: Links, roots: set[str]) -> dict[str, _Cluster]:
    """Cluster root -> (source -> first start, mention count, titles) of the clusters of
    ``roots``, in one pass over the groups."""
    found: dict[str, _Cluster] = {}
    for key, group in groups.items():
        root = links.find(key)
        if root not in roots:
            continue
        first_at, count, titles = found.get(root, ({}, 0, []))
        for m in group.mentions:
            first_at[m.source] = min(m.start, first_at.get(m.source, m.start))
        titles += [m.title for m in group.mentions]
        found[root] = (first_at, count + len(group.mentions), titles)
    return found


def _candidates(clusters: dict[str, _Cluster], roots: set[str]) -> dict[str, _Person]:
    """First mention per source, mention count and title gender of each candidate cluster."""
    return {root: _Person(dict(clusters[root][0]), clusters[root][1], title_gender(clusters[root][2]))
            for root in sorted(roots) if root in clusters}


def _decide(mention: Mention, people: dict[str, _Person]) -> str | None:
    """The candidate a shared surname means here, from the article's own evidence: the
    only candidate the article names, of the gender its title gives, or the only one of
    those it names before the mention (``_named_before``); else the corpus's dominant
    candidate when the article names none. None when undecidable."""
    gender = title_gender([mention.title])
    fitting = {root: p for root, p in people.items() if not (gender and p.gender and p.gender != gender)}
    named_here = [root for root, p in fitting.items() if mention.source in p.first_at]
    if len(named_here) == 1:
        return named_here[0]
    if named_here:
        return _named_before(mention, {root: fitting[root] for root in named_here})
    if not fitting:
        return None
    total = sum(p.mentions for p in people.values())
    best = max(sorted(fitting), key=lambda root: fitting[root].mentions)
    return best if fitting[best].mentions >= DOMINANT_SHARE * total else None


def _named_before(mention: Mention, named_here: dict[str, _Person]) -> str | None:
    """The one candidate the article names before ``mention``, else None: a family name
    refers back to a person already introduced ("Jane Doe ... Doe said"), and relatives of
    that name named later in the article ("survived by her son, John Doe") are no
    antecedent yet. Two candidates named before it leave it undecided."""
    before = [root for root, p in named_here.items() if p.first_at[mention.source] < mention.start]
    return before[0] if len(before) == 1 else None


def decide_shared_names(groups: dict[str, NameGroup], links: Links,
                        ambiguous: dict[str, set[str]]) -> dict[str, set[str]]:
    """Give each mention of a shared short name (a surname; "Navy" of several navies)
    to the entity its article means (see ``_decide``): decided mentions move to a new
    group ``<key>@<source>@<root>`` joined with that entity. Returns the names still
    ambiguous, with their candidates."""
    still: dict[str, set[str]] = {}
    wanted = {links.find(root) for roots in ambiguous.values() for root in roots}
    clusters = _clusters(groups, links, wanted)  # once: the decisions below only add to these
    for key, roots in ambiguous.items():
        people = _candidates(clusters, {links.find(root) for root in roots})
        moved, kept = _decide_all(groups[key].mentions, people)
        for (source, root), mentions in moved.items():
            new = f"{key}@{source}@{root}"
            groups[new] = NameGroup(new, mentions)
            links.parent[new] = new
            links.join(root, new)
        groups[key].mentions = kept
        if kept:
            still[key] = roots
    return still


def _decide_all(mentions: list[Mention], people: dict[str, _Person]
                ) -> tuple[dict[tuple[str, str], list[Mention]], list[Mention]]:
    """Mentions by (source, chosen root), and the undecided ones. First the mentions whose
    article names one candidate only (their titles then tell that person's gender), then
    the rest by ``_decide``."""
    moved: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    rest = []
    for mention in mentions:
        named_here = [root for root, p in people.items() if mention.source in p.first_at]
        if len(named_here) == 1:
            moved[mention.source, named_here[0]].append(mention)
            person = people[named_here[0]]
            person.gender = person.gender or title_gender([mention.title])
        else:
            rest.append(mention)
    kept = []
    for mention in rest:
        root = _decide(mention, people)
        if root is None:
            kept.append(mention)
        else:
            moved[mention.source, root].append(mention)
    return moved, kept
