"""Resolve stage: link name mentions across all articles into entities.

Steps, each a small function over plain data:

1. ``NameGroup``: mentions sharing one comparison key. The key of a name the
   place gazetteer knows is the gazetteer's canonical place (so Kiev/Kyiv and
   U.S./US/United States share a key); other keys are ``names.normalise``.
2. Groups are joined with a union-find (``_Links``) by, in order of precedence:
   user ``merge`` overrides; a one-word name joining the only multi-word person
   name ending in that word (surname linking; ambiguous surnames stay apart);
   near-identical spellings of person names with the same first word
   (fuzzy, blocked by the first word so cost stays near linear).
   User ``split`` names never join anything automatically.
3. Each joined cluster becomes an ``Entity`` whose type is voted over every
   mention's NER label and parse cues (see ``typing_rules``).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace

from rapidfuzz import fuzz

from generator import gazetteer
from generator.model import ArticleAnalysis, Entity, Mention
from generator.names import normalise, slugify
from generator.overrides import Overrides
from generator.typing_rules import vote_type

FUZZY_PERSON_THRESHOLD = 90
HEADLINE_NAME_MAX_WORDS = 5


@dataclass
class NameGroup:
    """All mentions that share one comparison key."""

    key: str
    mentions: list[Mention]
    place: gazetteer.Place | None = None

    @property
    def forms(self) -> Counter:
        """How often each written form occurs."""
        return Counter(m.text for m in self.mentions)

    @property
    def words(self) -> list[str]:
        """Words of the key."""
        return self.key.split()

    def label_share(self, *labels: str) -> float:
        """Share of mentions that NER tagged with one of ``labels``."""
        return sum(m.label in labels for m in self.mentions) / len(self.mentions)


class _Links:
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

    def clusters(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = defaultdict(list)
        for key in self.parent:
            out[self.find(key)].append(key)
        return out


def resolve(analyses: Iterable[ArticleAnalysis], overrides: Overrides) -> list[Entity]:
    """Entities for all mentions in ``analyses``, with user overrides applied."""
    mentions = [m for a in analyses for m in trim_headline_spillover(a, overrides)]
    groups = group_mentions(m for m in mentions if not overrides.ignores(m.text))
    links = _Links(groups)
    for a, b in overrides.merge_pairs(groups):
        links.join(a, b)
    ambiguous = link_surnames(groups, links, overrides)
    link_spelling_variants(groups, links, overrides)
    link_acronyms(groups, links, overrides)
    clusters = links.clusters()
    entities = assign_ids([build_entity([groups[k] for k in keys], overrides)
                           for keys in clusters.values()])
    return link_groups_to_countries(mark_ambiguous(entities, ambiguous, links))


def trim_headline_spillover(analysis: ArticleAnalysis, overrides: Overrides) -> list[Mention]:
    """In title-case headlines, trim "Jane Doe Heads" to "Jane Doe" when that name occurs in the body."""
    titles = {s.index for s in analysis.sentences if s.is_title}
    body_names = {normalise(m.text) for m in analysis.mentions if m.sentence not in titles}
    out = []
    for m in analysis.mentions:
        words = m.text.split()
        if m.sentence in titles and len(words) >= HEADLINE_NAME_MAX_WORDS:
            continue  # a title-case headline read as one long name
        if m.sentence in titles and len(words) > 2 and normalise(" ".join(words[:-1])) in body_names:
            cut = m.text.rindex(words[-1])
            m = replace(m, end=m.start + len(m.text[:cut].rstrip()), text=m.text[:cut].rstrip())
        out.append(m)
    return out


# A name NER did not tag as a place (GPE/LOC/FAC) is read as a place only when
# the gazetteer knows it as a country, a region, a continent or a city at least
# this big; small towns share their names with too many people and firms.
UNTAGGED_PLACE_MIN_POPULATION = 500_000
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})


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
    return normalise(mention.text), None


def group_mentions(mentions: Iterable[Mention]) -> dict[str, NameGroup]:
    """Mentions bucketed by ``group_key``."""
    groups: dict[str, NameGroup] = {}
    for mention in mentions:
        key, place = group_key(mention)
        if not key.split(":")[-1]:
            continue
        group = groups.setdefault(key, NameGroup(key, [], place))
        group.mentions.append(mention)
    return groups


def _personish(group: NameGroup) -> bool:
    return group.place is None and not group.key.startswith("group:") and (
        group.label_share("PERSON") > 0 or any("title:person" in m.cues for m in group.mentions)
    )


def link_surnames(groups: dict[str, NameGroup], links: _Links,
                  overrides: Overrides) -> dict[str, set[str]]:
    """Join a one-word name to the only multi-word person name ending with it.

    Returns:
        For each one-word name left unmerged because several people share it,
        the keys of those people.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(group.words) > 1 and _personish(group) and not overrides.keeps_apart(key):
            by_last[group.words[-1]].append(key)
    ambiguous: dict[str, set[str]] = {}
    for key, group in groups.items():
        if len(group.words) != 1 or group.place is not None or overrides.keeps_apart(key):
            continue
        full_names = {links.find(k) for k in by_last.get(group.words[0], [])}
        if len(full_names) == 1:
            links.join(full_names.pop(), key)
        elif full_names:
            ambiguous[key] = full_names
    return ambiguous


def link_spelling_variants(groups: dict[str, NameGroup], links: _Links, overrides: Overrides) -> None:
    """Join person names that differ only by spelling (same first word, close rest)."""
    blocks: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if _personish(group) and not overrides.keeps_apart(key):
            blocks[group.words[0] if len(group.words) > 1 else "~" + key[:3]].append(key)
    for keys in blocks.values():
        for i, a in enumerate(keys):
            for b in keys[i + 1 :]:
                if is_spelling_variant(a, b):
                    links.join(a, b)


ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def initials(name: str) -> str:
    """"Federal Trade Commission" -> "FTC" (small words skipped)."""
    return "".join(w[0] for w in name.split() if w.lower() not in ACRONYM_SKIP_WORDS).upper()


def link_acronyms(groups: dict[str, NameGroup], links: _Links, overrides: Overrides) -> None:
    """Join an all-capitals name to the only multi-word name whose initials it spells."""
    by_initials: dict[str, set[str]] = defaultdict(set)
    for key, group in groups.items():
        form = group.forms.most_common(1)[0][0]
        if len(group.words) > 1 and group.place is None and not overrides.keeps_apart(key):
            by_initials[initials(form)].add(key)
    for key, group in groups.items():
        form = group.forms.most_common(1)[0][0].replace(".", "")
        if not (form.isupper() and 2 <= len(form) <= 6) or overrides.keeps_apart(key):
            continue
        candidates = {links.find(k) for k in by_initials.get(form, ())}
        if len(candidates) == 1:
            links.join(candidates.pop(), key)


def is_spelling_variant(a: str, b: str) -> bool:
    """"volodymyr zelensky" ~ "volodymyr zelenskyy"; "john kelly" !~ "john kelley jr"."""
    wa, wb = a.split(), b.split()
    if len(wa) != len(wb) or wa[0] != wb[0] and len(wa) > 1:
        return False
    last_a, last_b = wa[-1], wb[-1]
    if last_a[:3] != last_b[:3] or abs(len(last_a) - len(last_b)) > 2:
        return False
    return fuzz.ratio(last_a, last_b) >= FUZZY_PERSON_THRESHOLD


def canonical_name(groups: list[NameGroup], entity_type: str) -> str:
    """The gazetteer name for places, else the most frequent of the longest forms."""
    places = [g.place for g in groups if g.place is not None]
    if entity_type == "place" and places:
        return Counter(p.name for p in places).most_common(1)[0][0]
    forms: Counter = Counter()
    for group in groups:
        forms.update(group.forms)
    longest = max(len(form.split()) for form in forms)
    best = [(count, form) for form, count in forms.items() if len(form.split()) == longest]
    return max(best)[1]


def build_entity(groups: list[NameGroup], overrides: Overrides) -> Entity:
    """One entity from a cluster of name groups."""
    mentions = sorted((m for g in groups for m in g.mentions), key=lambda m: (m.source, m.start))
    known_place = any(g.place is not None for g in groups)
    is_group = all(g.key.startswith("group:") for g in groups)
    entity_type = "group" if is_group else vote_type(mentions, known_place)
    name = canonical_name(groups, entity_type)
    name = overrides.renamed(name)
    entity_type = overrides.retyped(name, entity_type)
    aliases = sorted({m.text for m in mentions} - {name})
    roles = tuple(role for m in mentions for role in m.roles)
    return Entity(id="", name=name, type=entity_type, aliases=tuple(aliases),
                  mentions=tuple(mentions), roles=roles)


def assign_ids(entities: list[Entity]) -> list[Entity]:
    """Unique slugs, most-mentioned entity first when two names collide."""
    taken: set[str] = set()
    out = []
    for entity in sorted(entities, key=lambda e: (-len(e.mentions), e.name)):
        slug = base = slugify(entity.name)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out.append(replace(entity, id=slug))
    return out


def _entity_of_key(entities: list[Entity], links: _Links) -> dict[str, str]:
    """Union-find root key -> entity id (via any mention's group key)."""
    out = {}
    for entity in entities:
        for mention in entity.mentions:
            out[links.find(group_key(mention)[0])] = entity.id
    return out


def mark_ambiguous(entities: list[Entity], ambiguous: dict[str, set[str]], links: _Links) -> list[Entity]:
    """Record, on a shared surname's entity, the people it may refer to."""
    if not ambiguous:
        return entities
    owner = _entity_of_key(entities, links)
    out = []
    for entity in entities:
        keys = next((v for k, v in ambiguous.items() if owner.get(links.find(k)) == entity.id), set())
        others = tuple(sorted(owner[k] for k in keys if k in owner))
        out.append(replace(entity, ambiguous_with=others) if others else entity)
    return out


def link_groups_to_countries(entities: list[Entity]) -> list[Entity]:
    """A group ("Ukrainian") points to its country's place entity when both exist."""
    places = {e.name: e.id for e in entities if e.type == "place"}
    out = []
    for entity in entities:
        country = gazetteer.demonym_country(entity.name) if entity.type == "group" else None
        place_id = places.get(country.name) if country else None
        out.append(replace(entity, country=place_id) if place_id else entity)
    return out


def mention_owner(entities: Iterable[Entity]) -> dict[tuple[str, int], str]:
    """(source id, mention start) -> entity id, for linking text to pages."""
    return {(m.source, m.start): e.id for e in entities for m in e.mentions}
