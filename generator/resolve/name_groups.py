"""Name groups: mentions bucketed by a comparison key, and the union-find that joins them.

Part of the resolve stage. The key of a name the place gazetteer knows is the
gazetteer's canonical place (so Odessa/Odesa and U.S./US/United States share a
key); a demonym or NORP mention is a group key; other keys are
``names.normalise`` of the cleaned name.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from functools import cached_property
from typing import TypeVar

from generator.knowledge import gazetteer
from generator.knowledge.names import normalise, without_legal_form
from generator.model import ArticleAnalysis, Mention
from generator.resolve.memo import GroupKey, GroupReads, ResolveMemo

HEADLINE_NAME_MAX_WORDS = 5
T = TypeVar("T")


@dataclass
class NameGroup:
    """All mentions that share one comparison key.

    What is worked out of the mentions (``usual_form``, ``label_share``, ``remembered``) is
    kept until the mentions change: resolution only appends to ``mentions`` or replaces the
    list, and either is seen (code changing the list in other ways must replace it).
    """

    key: str
    mentions: list[Mention]
    place: gazetteer.Place | None = None
    _known: dict[object, tuple[list[Mention], int, object]] = field(
        default_factory=dict, repr=False, compare=False)

    def remembered(self, what: object, work_out: Callable[[], T]) -> T:
        """``work_out()``, worked out once while the mentions stay as they are (``what`` names it)."""
        found = self._known.get(what)
        if found is not None and found[0] is self.mentions and found[1] == len(self.mentions):
            return found[2]  # type: ignore[return-value]
        value = work_out()
        self._known[what] = (self.mentions, len(self.mentions), value)  # the list held: its id is not reused
        return value

    @property
    def forms(self) -> Counter:
        """How often each written form occurs."""
        return Counter([m.text for m in self.mentions])

    @property
    def usual_form(self) -> str:
        """The most frequent written form (of equals, the first written); "" without mentions."""
        if len(self.mentions) < 2:
            return self.mentions[0].text if self.mentions else ""
        return self.remembered("usual form", lambda: self.forms.most_common(1)[0][0])

    @property
    def sources(self) -> frozenset[str]:
        """The articles that write the name."""
        return self.remembered("sources", lambda: frozenset(m.source for m in self.mentions))

    @cached_property
    def words(self) -> list[str]:
        """Words of the key (worked out once: a group's key never changes)."""
        return self.key.split()

    def label_share(self, *labels: str) -> float:
        """Share of mentions that NER tagged with one of ``labels``."""
        return self.remembered(labels, lambda: len([m for m in self.mentions if m.label in labels])
                               / len(self.mentions))


class Links:
    """Union-find over group keys."""

    def __init__(self, keys: Iterable[str]) -> None:
        self.parent = {key: key for key in keys}

    def find(self, key: str) -> str:
        while self.parent[key] != key:
            self.parent[key] = self.parent[self.parent[key]]
            key = self.parent[key]
        return key

    def join(self, a: str, b: str) -> None:
        self.parent[self.find(b)] = self.find(a)

    def join_the_only(self, key: str, longer: set[str], ambiguous: dict[str, set[str]]) -> None:
        """Join ``key`` to the one cluster of ``longer`` (cluster roots) other than its own, or
        note the several it could join in ``ambiguous``."""
        longer = longer - {self.find(key)}
        if len(longer) == 1:
            self.join(longer.pop(), key)
        elif longer:
            ambiguous[key] = longer

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            out[self.find(key)].append(key)
        return out


def give_mention(groups: dict[str, NameGroup], links: Links, key: str, mention: Mention, root: str) -> None:
    """Put ``mention`` of the group ``key`` in a group ``<key>@<source>@<root>`` joined with the
    cluster ``root`` (a word decided article by article: the caller takes it out of ``key``)."""
    new = f"{key}@{mention.source}@{root}"
    groups.setdefault(new, NameGroup(new, [])).mentions.append(mention)
    links.parent.setdefault(new, new)
    links.join(root, new)


def trim_headline_spillover(analysis: ArticleAnalysis) -> list[Mention]:
    """In title-case headlines, trim "Jane Doe Heads" to "Jane Doe" when the body names "Jane
    Doe" but never "Jane Doe Heads"."""
    titles = {s.index for s in analysis.sentences if s.is_title}
    if not any(m.sentence in titles for m in analysis.mentions):
        return list(analysis.mentions)
    long_headline_name = any(m.sentence in titles and len(m.text.split()) > 2 for m in analysis.mentions)
    body_names = {normalise(m.text) for m in analysis.mentions
                  if m.sentence not in titles} if long_headline_name else set()
    out = []
    for m in analysis.mentions:
        if m.sentence not in titles:
            out.append(m)
            continue
        words = m.text.split()
        if len(words) >= HEADLINE_NAME_MAX_WORDS:
            continue  # a title-case headline read as one long name
        if (len(words) > 2 and normalise(" ".join(words[:-1])) in body_names
                and normalise(m.text) not in body_names):  # "Springfield Comets" the body writes too
            cut = m.text.rindex(words[-1])
            m = replace(m, end=m.start + len(m.text[:cut].rstrip()), text=m.text[:cut].rstrip())
        out.append(m)
    return out


_NAME_RUN = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
_COORDINATION = re.compile(rf"^(?P<a>{_NAME_RUN}) (?:and|&) (?P<b>{_NAME_RUN})$")


def join_split_names(mentions: list[Mention]) -> list[Mention]:
    """A one-word person's name and the one-word name right after it, which a title stands
    before ("Police Superintendent Pedro Toledo": "Pedro" PERSON, "Toledo" GPE), are one
    person's name: the model split it where the family name is also a place or a firm."""
    out: list[Mention] = []
    for mention in mentions:
        before = out[-1] if out else None
        if before is not None and _split_name(before, mention):
            out[-1] = replace(before, end=mention.end, text=f"{before.text} {mention.text}",
                              cues=tuple(dict.fromkeys(before.cues + mention.cues)),
                              roles=before.roles + mention.roles)
        else:
            out.append(mention)
    return out


def _split_name(first: Mention, second: Mention) -> bool:
    """Whether ``second`` is the family name of the given name ``first`` (see ``join_split_names``)."""
    return (first.label == "PERSON" and second.label != "PERSON" and first.sentence == second.sentence
            and second.start == first.end + 1 and "title:person" in second.cues
            and " " not in first.text and " " not in second.text and second.text[:1].isupper())


def speaking_family_names(mentions: list[Mention]) -> list[Mention]:
    """A one-word place name that speaks ("Toledo said ...", "Toledo urged ...") in an article
    naming a person of that family name ("Police Superintendent Pedro Toledo") is that
    person: the model tags the surname as the city. A city that speaks for its government
    ("Beijing said") is left alone, as no person of the article bears its name."""
    family = {normalise(m.text).rsplit(" ", 1)[-1] for m in mentions
              if m.label == "PERSON" and " " in m.text.strip()}
    if not family:
        return list(mentions)
    return [replace(m, label="PERSON") if m.label in PLACE_LABELS and "verb:said" in m.cues
            and " " not in m.text.strip() and normalise(m.text) in family else m for m in mentions]


def split_coordinations(mentions: list[Mention]) -> list[Mention]:
    """"Springfield and Doe" tagged as one name -> "Springfield" and "Doe", when the same
    article names one of the two as a person on its own, or as the family name of a person it
    names ("Doe" of "Jane Doe"): a person's name makes no organisation name with "and" in it
    ("Marks and Spencer" stays whole)."""
    matches = [_COORDINATION.match(m.text) if " and " in m.text or " & " in m.text else None
               for m in mentions]  # no pattern run on names without "and" or "&"
    if not any(matches):
        return list(mentions)
    people = {normalise(m.text) for m in mentions if m.label == "PERSON" or "title:person" in m.cues}
    people |= {name.rsplit(" ", 1)[-1] for name in people if " " in name}
    out = []
    for m, match in zip(mentions, matches, strict=True):
        parts = [(match.group(g), match.start(g)) for g in ("a", "b")] if match else []
        keys = {normalise(part) for part, _ in parts}
        if len(keys) < 2 or not keys & people:
            out.append(m)
            continue
        for part, at in parts:
            label = "PERSON" if normalise(part) in people else m.label
            out.append(replace(m, start=m.start + at, end=m.start + at + len(part), text=part,
                               label=label, cues=(), title="", roles=()))
    return out


# A name NER did not tag as a place (GPE/LOC/FAC) is read as a place only when
# the gazetteer knows it as a country, a region, a continent or a city at least
# this big; small towns share their names with too many people and firms.
UNTAGGED_PLACE_MIN_POPULATION = 500_000
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
WORD_ABBREVIATIONS = {"mt": "mount", "ft": "fort"}
"""Abbreviated words of place names compared as written out ("Mt Ember" is "Mount Ember")."""
GENERATION_SUFFIXES = frozenset({"jr", "sr", "ii", "iii", "iv"})
"""Generation marks after a personal name, ignored when comparing names; one alone ("Jane
Doe, Sr." tagged apart) names nobody."""


def gazetteer_place(mention: Mention) -> gazetteer.Place | None:
    """The place a mention names, unless the parse says it is a person."""
    place = gazetteer.lookup(mention.text)
    if place is None or "title:person" in mention.cues:
        return None
    if mention.label not in PLACE_LABELS and place.kind == "city":
        return place if place.population >= UNTAGGED_PLACE_MIN_POPULATION else None
    return place


def group_key(mention: Mention) -> tuple[str, gazetteer.Place | None]:
    """Comparison key for a mention, and its gazetteer place if any."""
    place = gazetteer_place(mention)
    is_demonym = place is None and gazetteer.demonym_country(mention.text) is not None
    if mention.label == "NORP" or is_demonym:
        return "group:" + normalise(mention.text).removesuffix("s"), None
    if place is not None:
        return "place:" + normalise(place.name), place
    text = mention.text if mention.label == "PERSON" else without_legal_form(mention.text)
    words = [WORD_ABBREVIATIONS.get(w, w) for w in normalise(text).split()]
    while len(words) > 2 and words[-1] in GENERATION_SUFFIXES:
        words.pop()  # "Jane Doe Jr." is compared as "Jane Doe"
    if len(words) == 1 and words[0] in GENERATION_SUFFIXES:
        return "", None  # "Sr." tagged on its own: no name (``group_mentions`` leaves it out)
    return " ".join(words), None


def group_mentions(mentions: Iterable[Mention], memo: ResolveMemo | None = None) -> dict[str, NameGroup]:
    """Mentions bucketed by ``group_key``, worked out once per distinct (text, label, person
    title cue): the only parts of a mention it reads (``memo``: the previous build's keys)."""
    groups: dict[str, NameGroup] = {}
    keys: dict[GroupReads, GroupKey] = {}
    for mention in mentions:
        reads = (mention.text, mention.label, "title:person" in mention.cues)
        found = keys.get(reads)
        if found is None:
            found = keys[reads] = _group_key(mention, reads, memo)
        key, place = found
        group = groups.get(key)
        if group is None:
            if not key.split(":")[-1]:
                continue
            group = groups[key] = NameGroup(key, [], place)
        group.mentions.append(mention)
    return groups


def _group_key(mention: Mention, reads: GroupReads, memo: ResolveMemo | None) -> GroupKey:
    """``group_key(mention)``, from ``memo`` when it has the key of the same ``reads``."""
    found = memo.group_key(reads) if memo is not None else None
    if found is None:
        found = group_key(mention)
        if memo is not None:
            memo.keep_group_key(reads, found)
    return found


def strip_nationality_prefixes(groups: dict[str, NameGroup]) -> None:
    """"American Jane Doe" (NER took the nationality into the name, often as an
    organisation) is Jane Doe when the corpus has her as a person: its mentions, cut
    to the name, move to her group."""
    for key, group in list(groups.items()):
        words = key.split()
        rest = groups.get(" ".join(words[1:])) if len(words) >= 3 else None
        if rest is None or not rest.mentions or not group.mentions or rest.label_share("PERSON") < 0.5:
            continue
        if all(gazetteer.demonym_country(m.text.split()[0]) is not None for m in group.mentions):
            for m in group.mentions:
                cut = m.text.index(" ") + 1
                rest.mentions.append(replace(m, start=m.start + cut, text=m.text[cut:]))
            del groups[key]
