"""The written forms mention recovery looks for, and which of them it uses with care (part of
the resolve stage, see ``recover``).

A form written for exactly one entity is used as it is (``name_forms``); forms shorter than
``MIN_FORM_LENGTH`` and forms without a capital letter are not used. Some forms are
``Guarded``, used only where ``recover_missed`` allows: forms shared by several entities
("Navy" of two navies), forms nobody wrote (a form in capitals, "ROVERS" for "Rovers"; a
person's family name alone, "Doe" for Jane Doe), the forms of entities known by one word
("General"), and apart, the forms written outside title lines (``running_forms``). Each is
gathered in one pass over the entities' mentions.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from generator.model import ArticleAnalysis, Entity

MIN_FORM_LENGTH = 3


def _index_mentions(entities: list[Entity]) -> tuple[dict[str, set[str]], dict[str, list[tuple[int, int]]],
                                                     dict[str, set[str]]]:
    """In one pass over the mentions: written form -> ids of the entities mentioned under it
    (headline nouns left out), and by source id the spans of its mentions and the ids of the
    entities they belong to."""
    owners: dict[str, set[str]] = defaultdict(set)
    taken: dict[str, list[tuple[int, int]]] = defaultdict(list)
    present: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        for mention in entity.mentions:
            taken[mention.source].append((mention.start, mention.end))
        for source in {m.source for m in entity.mentions}:
            present[source].add(entity.id)
        for form in {m.text for m in entity.mentions if "noun:person" not in m.cues}:  # "Woman": no name
            owners[form].add(entity.id)
    return owners, taken, present


def _usable(form: str) -> bool:
    """Long enough and with a capital letter."""
    return len(form) >= MIN_FORM_LENGTH and any(c.isupper() for c in form)


def name_forms(owners: dict[str, set[str]]) -> dict[str, str]:
    """Written form -> entity id, for forms that belong to exactly one entity (``owners``:
    see ``_index_mentions``)."""
    return {form: next(iter(ids)) for form, ids in owners.items() if len(ids) == 1 and _usable(form)}


def shared_forms(owners: dict[str, set[str]]) -> dict[str, frozenset[str]]:
    """Written forms of several entities ("Navy" of two navies) -> their ids."""
    return {form: frozenset(ids) for form, ids in owners.items() if len(ids) > 1 and _usable(form)}


def surname_forms(entities: list[Entity], forms: dict[str, str]) -> dict[str, str]:
    """Family name -> person id, for people whose family name no other entity is known by
    ("Doe" for Jane Doe when NER only tagged the full name)."""
    owners: dict[str, set[str]] = defaultdict(set)
    for entity in entities:
        words = entity.name.split()
        if entity.type == "person" and len(words) > 1 and words[-1].isalpha() and words[-1].istitle():
            owners[words[-1]].add(entity.id)
    return {form: ids.pop() for form, ids in owners.items()
            if len(ids) == 1 and len(form) >= MIN_FORM_LENGTH and form not in forms}


def lone_word_forms(entities: list[Entity]) -> frozenset[str]:
    """The forms of the entities whose name is one word ("General", "Federal")."""
    return frozenset(m.text for e in entities if " " not in e.name.strip() for m in e.mentions)


def shouted_forms(forms: dict[str, str]) -> dict[str, str]:
    """Capitals-only spelling -> entity id, for forms whose capitals no other form shares
    ("ROVERS" for "Rovers"); used in all-capitals sentences only."""
    owners: dict[str, set[str]] = defaultdict(set)
    for form, entity_id in forms.items():
        if form.upper() not in forms:
            owners[form.upper()].add(entity_id)
    return {form: ids.pop() for form, ids in owners.items() if len(ids) == 1}


@dataclass(frozen=True)
class Guarded:
    """Forms no entity was written as, used only where ``_fits`` allows."""

    shouted: dict[str, str] = field(default_factory=dict)
    """Capitals-only spellings of known forms -> entity id (see ``shouted_forms``)."""
    surnames: dict[str, str] = field(default_factory=dict)
    """Family names of people -> person id (see ``surname_forms``)."""
    shared: dict[str, frozenset[str]] = field(default_factory=dict)
    """Forms of several entities -> their ids; used in an article naming only one of them."""
    lone: frozenset[str] = frozenset()
    """Forms of entities whose name is one word ("General"); not used inside a longer name
    (``inside_longer_name``) in an article that writes them in lower case too."""
    running: frozenset[str] = frozenset()
    """Forms written outside title lines; only they take the place of a shorter mention in a
    title (``_displaces``)."""


def running_forms(entities: list[Entity], analyses: dict[str, ArticleAnalysis]) -> frozenset[str]:
    """The words of the mentions outside title lines (an article's title lines come first)."""
    titles = {source: _leading_titles(analysis) for source, analysis in analyses.items()}
    most = max(titles.values(), default=0)  # a mention of a later sentence is in none: not looked up
    return frozenset(m.text for e in entities for m in e.mentions
                     if m.sentence >= most or m.sentence >= titles.get(m.source, 0))


def _leading_titles(analysis: ArticleAnalysis) -> int:
    """How many of the article's first sentences are title lines."""
    count = 0
    while count < len(analysis.sentences) and analysis.sentences[count].is_title:
        count += 1
    return count
