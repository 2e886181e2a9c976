"""Linking rules for people's names: surnames and given names (part of the resolve stage).

A one-word name joins the only multi-word person name ending in it (surname linking; a
surname several people share is returned as ambiguous, for ``shared_names`` to decide
article by article), and a person's name of several words the only longer one ending with
all its words; a family name written first ("Xi") joins the only person name starting
with it. Near-identical spellings of person names with the same first word join, and so
do names that differ only by middle initials ("Jane Q. Doe") (fuzzy, blocked by the first
word so cost stays near linear); so do a misspelt given name ("Jerymayne"), a given name
written as an initial ("W. Mark Felt") and a short form of a given name ("Bill" for
"William"). Names the user lists under ``split`` never join anything automatically.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from rapidfuzz import fuzz, process

from generator.knowledge import gazetteer
from generator.knowledge.given_names import is_short_form
from generator.knowledge.names import GIVEN_NAME_TITLES, NAME_PARTICLES, PERSON_TITLES, normalise
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.name_kinds import is_mostly_person, is_personish, titled_after
from generator.resolve.overrides import Overrides

FUZZY_PERSON_THRESHOLD = 85
FUZZY_GIVEN_NAME_THRESHOLD = 90
"""A given name misspelt ("Jerymayne" for "Jermayne"), stricter than family names: "Michelle"
is not "Michael" (85.7)."""


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
                  and not titled_after(groups[k], groups[key])}
        links.join_the_only(key, longer, ambiguous)
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
    """Join person names that differ only by spelling (same first word, close rest); two family
    names alone only when they are not those of two people with different given names
    (``_given_names_apart``: "Thomson" of "Andrew Thomson" and "Thompson" of "George Thompson"),
    and whose articles name a third person or organisation (``NameContext``)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    given: dict[str, set[str]] = defaultdict(set)  # family name -> given names of the full names
    for key, group in groups.items():
        if is_personish(group) and not overrides.keeps_apart(key):
            blocks[group.words[0] if len(group.words) > 1 else "~" + key[:3]].append(key)
            if len(group.words) > 1:
                given[group.words[-1]].add(group.words[0])
    context = NameContext(groups)
    for keys in blocks.values():
        for i, j in _spelling_candidates(keys):
            a, b = keys[i], keys[j]
            if is_spelling_variant(a, b) and not _given_names_apart(a, b, given) \
                    and (" " in a or " " in b or context.shared(a, b)):
                links.join(a, b)


class NameContext:
    """The other names of the articles writing a name: two one-word names spelt alike are one
    name misspelt only in reports of the same happening, which name the same other people or
    organisations ("Orvel", a home computer, is not "Orvell" of an article on other news). A place
    or a nationality is no such evidence: unrelated reports share those. Worked out on first use."""

    def __init__(self, groups: dict[str, NameGroup]) -> None:
        self.groups = groups
        self.by_source: dict[str, set[str]] | None = None

    def names(self, key: str) -> set[str]:
        """Keys of the people and organisations named in the articles writing ``key``."""
        if self.by_source is None:
            self.by_source = defaultdict(set)
            for other, group in self.groups.items():
                if not other.startswith(("place:", "group:")):
                    for source in group.sources:
                        self.by_source[source].add(other)
        return {name for source in self.groups[key].sources for name in self.by_source.get(source, ())}

    def shared(self, a: str, b: str) -> bool:
        """Whether the articles of ``a`` and those of ``b`` name a third person or organisation."""
        return bool((self.names(a) & self.names(b)) - {a, b})


def _given_names_apart(a: str, b: str, given: dict[str, set[str]]) -> bool:
    """Whether two one-word names are the family names of full names whose given names differ."""
    if " " in a or " " in b:
        return False
    of_a, of_b = given.get(a), given.get(b)  # a read, not a defaultdict's insertion
    return bool(of_a and of_b) and of_a.isdisjoint(of_b)


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
            if i < j and not groups[keys[i]].sources & groups[keys[j]].sources:
                links.join(keys[i], keys[j])


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
