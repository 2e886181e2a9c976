"""A place mention that stands for its sports team goes to that team (part of the resolve stage).

The parse marks a place mention a side of a contest (cue "contest:team": "a
31-24 win over Springfield", see ``nlp.contest``). Such a mention is given to
the one organisation of the corpus named by that place's written form and more
words ("Springfield Comets"); with none, or several, it stays the place.
Other mentions of the place ("fans in Springfield") are untouched. Cost: one
pass over the groups, one look-up per marked mention.
"""

from __future__ import annotations

from collections import defaultdict

from generator.knowledge.names import normalise
from generator.model import Mention
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.typing_rules import vote_type

TEAM_CUE = "contest:team"


def _teams_by_place_words(groups: dict[str, NameGroup], wanted: set[str]) -> dict[str, set[str]]:
    """Leading words ("springfield") of those ``wanted`` -> keys of organisation names starting
    with them and going on ("springfield comets")."""
    found: dict[str, set[str]] = defaultdict(set)
    for key, group in groups.items():
        if group.place is not None or len(group.words) < 2 or key.startswith("group:") or not group.mentions:
            continue
        leading = [" ".join(group.words[:n]) for n in range(1, len(group.words))]
        if (any(words in wanted for words in leading)
                and vote_type(group.mentions, known_place=False) == "organization"):
            for words in leading:
                found[words].add(key)
    return found


def _is_place(group: NameGroup) -> bool:
    """A gazetteer place, or a name NER mostly tags as a geopolitical one."""
    return group.place is not None or (bool(group.mentions) and group.label_share("GPE") > 0.5)


def give_places_to_teams(groups: dict[str, NameGroup], links: Links) -> None:
    """Move each team-marked mention of a place to a group ``<key>@<source>@<root>`` joined
    with the one organisation named after that place (see module doc)."""
    marked = [key for key, group in groups.items()
              if _is_place(group) and any(TEAM_CUE in m.cues for m in group.mentions)]
    wanted = {normalise(m.text) for key in marked for m in groups[key].mentions if TEAM_CUE in m.cues}
    teams = _teams_by_place_words(groups, wanted) if wanted else {}
    for key in marked:
        group = groups[key]
        kept: list[Mention] = []
        for mention in group.mentions:
            roots = {links.find(k) for k in teams.get(normalise(mention.text), ())} \
                if TEAM_CUE in mention.cues else set()
            if len(roots) != 1:
                kept.append(mention)
                continue
            root = roots.pop()
            new = f"{key}@{mention.source}@{root}"
            groups.setdefault(new, NameGroup(new, [])).mentions.append(mention)
            links.parent.setdefault(new, new)
            links.join(root, new)
        group.mentions = kept
