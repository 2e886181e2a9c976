"""The shared-name decision: which entity a short name several entities share means, article
by article (part of the resolve stage).

A surname several people share, or a short name several organisations end with ("Navy" of
several navies), goes mention by mention to the entity its article means
(``decide_shared_names``): the only candidate the article names, of the gender its title
gives, or the only one it names before the mention; in an article naming none, the corpus's
dominant candidate. Mentions still undecided stay apart and are reported as ambiguous. One
pass over the groups gathers every candidate's articles, then each mention is decided alone.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.name_kinds import title_gender

DOMINANT_SHARE = 0.8
"""A shared surname in an article naming none of its people goes to the person with
at least this share of the candidates' mentions across the corpus."""


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
