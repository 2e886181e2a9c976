"""Resolve stage: link name mentions across all articles into entities.

Steps, each a small function over plain data:

1. ``name_groups``: mentions sharing one comparison key (gazetteer place,
   group, or normalised name) form a ``NameGroup``.
2. Links: groups are joined with a union-find (``Links``) by user
   ``merge`` overrides, spelling variants, given names and surname linking
   (``person_links``), spacing, plural and label variants (``variant_links``: a
   plural "s" inside a longer organisation name, "Central Elections Commission"),
   organisation/place name suffixes ("Navy" of "Indian Navy"), a department's name
   written without "Department" ("Staunton Police") and acronyms
   (``organisation_links``), an organisation's short form written
   alone ("Acme" of "Acme Foods", ``short_forms``) and a head word after "the" ("the
   Institute" of "Institute of Marine Studies"); each rule asks what kind of name
   a group is (``name_kinds``);
   a short name several entities share is then decided per article from the
   article's own evidence (``shared_names.decide_shared_names``), or left ambiguous;
   a place mention read as a sports side ("a win over Springfield") goes to
   the team named after the place (``team_places``); a headline person noun
   ("Woman Killed") goes to the person its article means (``person_nouns``).
3. Each joined cluster becomes an ``Entity`` whose type is voted over every
   mention's NER label and parse cues (see ``typing_rules``); a name the
   corpus's own metadata gives as an article's outlet ("told the Daily
   Clarion") is an organisation whatever the vote (``typing_rules.outlet_key``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import replace
from operator import attrgetter

from generator.knowledge import gazetteer
from generator.knowledge.names import slugify
from generator.model import ArticleAnalysis, Entity
from generator.resolve.memo import ResolveMemo
from generator.resolve.name_groups import (
    Links,
    NameGroup,
    group_mentions,
    join_split_names,
    speaking_family_names,
    split_coordinations,
    strip_nationality_prefixes,
    trim_headline_spillover,
)
from generator.resolve.organisation_links import link_acronyms, link_department_forms, link_name_suffixes
from generator.resolve.overrides import Overrides
from generator.resolve.person_links import (
    link_initialled_given_names,
    link_misspelt_given_names,
    link_short_given_names,
    link_spelling_variants,
    link_surnames,
)
from generator.resolve.person_nouns import decide_person_nouns
from generator.resolve.shared_names import decide_shared_names
from generator.resolve.short_forms import link_head_words, link_leading_parts
from generator.resolve.team_places import give_places_to_teams
from generator.resolve.typing_rules import outlet_key, vote_type
from generator.resolve.variant_links import link_label_variants, link_plural_variants, link_spacing_variants
from generator.storage.checked_pickle import paused_collector

MENTION_ORDER = attrgetter("source", "start")
"""A mention's place in the corpus: source id, then offset."""


def resolve(analyses: Iterable[ArticleAnalysis], overrides: Overrides,
            memo: ResolveMemo | None = None, outlets: frozenset[str] = frozenset()) -> list[Entity]:
    """Entities for all mentions in ``analyses``, with user overrides applied (``memo``: the
    previous build's per-name results, see ``resolve.memo``; ``outlets``: the ``outlet_key``
    of each outlet the sources' metadata names)."""
    with paused_collector():  # many new objects and no cycles: the collector's passes cost a quarter
        mentions = [m for a in analyses
                    for m in split_coordinations(speaking_family_names(join_split_names(
                        trim_headline_spillover(a))))]
        groups = group_mentions([m for m in mentions if not overrides.ignores(m.text)]
                                if overrides.ignore else mentions, memo)
        strip_nationality_prefixes(groups)
        links = Links(groups)
        for a, b in overrides.merge_pairs(groups):
            links.join(a, b)
        link_spelling_variants(groups, links, overrides)
        link_initialled_given_names(groups, links, overrides)
        link_misspelt_given_names(groups, links, overrides)
        link_spacing_variants(groups, links, overrides)
        link_plural_variants(groups, links, overrides)
        link_label_variants(groups, links, overrides)
        link_short_given_names(groups, links, overrides)
        ambiguous = link_surnames(groups, links, overrides)
        ambiguous.update(link_name_suffixes(groups, links, overrides))
        link_department_forms(groups, links, overrides)
        link_leading_parts(groups, links, overrides)
        link_head_words(groups, links, overrides)
        link_acronyms(groups, links, overrides)
        ambiguous = decide_shared_names(groups, links, ambiguous)
        give_places_to_teams(groups, links)
        decide_person_nouns(groups, links)
        built: dict[str, Entity] = {}
        for root, keys in links.clusters().items():
            members = [groups[k] for k in keys if groups[k].mentions]
            if members:
                built[root] = build_entity(members, overrides, outlets)
        slugs = assign_slugs(built)
        ambiguous_with = ambiguity_notes(ambiguous, links, slugs)
        entities = [replace(e, id=slugs[root], ambiguous_with=ambiguous_with.get(root, ()))
                    for root, e in built.items()]
        return link_groups_to_countries(sorted(entities, key=lambda e: (-len(e.mentions), e.name)))


def canonical_name(groups: list[NameGroup], entity_type: str) -> str:
    """The gazetteer name for places, else the most frequent of the longest forms (of
    those, the longest written)."""
    places = [g.place for g in groups if g.place is not None]
    if entity_type == "place" and places:
        return Counter(p.name for p in places).most_common(1)[0][0]
    forms: Counter = Counter()
    for group in groups:
        forms.update(m.text for m in group.mentions)
    longest = max(len(form.split()) for form in forms)
    best = [(count, len(form), form) for form, count in forms.items() if len(form.split()) == longest]
    return max(best)[2]  # ties: the fuller spelling ("Thomas Doe" over "Tom Doe")


def build_entity(groups: list[NameGroup], overrides: Overrides,
                 outlets: frozenset[str] = frozenset()) -> Entity:
    """One entity from a cluster of name groups (``outlets``: as for ``resolve``)."""
    mentions = [m for g in groups for m in g.mentions]
    mentions.sort(key=MENTION_ORDER)
    known_place = any(g.place is not None for g in groups)
    is_group = all(g.key.startswith("group:") for g in groups)
    entity_type = "group" if is_group else vote_type(mentions, known_place)
    if outlets and entity_type != "group" and any(outlet_key(m.text) in outlets for m in mentions):
        entity_type = "organization"
    name = canonical_name(groups, entity_type)
    name = overrides.renamed(name)
    entity_type = overrides.retyped(name, entity_type)
    aliases = sorted({m.text for m in mentions if "noun:person" not in m.cues} - {name})  # "Woman": no alias
    roles = tuple(role for m in mentions for role in m.roles)
    return Entity(id="", name=name, type=entity_type, aliases=tuple(aliases),
                  mentions=tuple(mentions), roles=roles)


def assign_slugs(entities: dict[str, Entity]) -> dict[str, str]:
    """Cluster root -> unique slug, most-mentioned entity first when two names collide."""
    taken: set[str] = set()
    out = {}
    for root, entity in sorted(entities.items(), key=lambda item: (-len(item[1].mentions), item[1].name)):
        slug = base = slugify(entity.name)
        n = 2
        while slug in taken:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[root] = slug
    return out


def ambiguity_notes(ambiguous: dict[str, set[str]], links: Links,
                    slugs: dict[str, str]) -> dict[str, tuple[str, ...]]:
    """Cluster root of a shared surname -> ids of the people it may refer to."""
    out = {}
    for key, candidates in ambiguous.items():
        others = sorted({slugs[r] for r in (links.find(c) for c in candidates) if r in slugs})
        if links.find(key) in slugs and others:
            out[links.find(key)] = tuple(others)
    return out


def link_groups_to_countries(entities: list[Entity]) -> list[Entity]:
    """A group ("Norwegian") points to its country's place entity when both exist."""
    places = {e.name: e.id for e in entities if e.type == "place"}
    out = []
    for entity in entities:
        country = gazetteer.demonym_country(entity.name) if entity.type == "group" else None
        place_id = places.get(country.name) if country else None
        out.append(replace(entity, country=place_id) if place_id else entity)
    return out
