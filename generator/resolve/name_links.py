"""Linking rules that join name groups into one entity (part of the resolve stage).

In order of precedence after user ``merge`` overrides: a one-word name joins
the only multi-word person name ending in it (surname linking; a surname
shared by several people stays apart and is reported as ambiguous);
near-identical spellings of person names with the same first word join, and so
do names that differ only by middle initials ("Jane Q. Doe")
(fuzzy, blocked by the first word so cost stays near linear); an all-capitals
name joins the only multi-word name whose initials it spells. Names the user
lists under ``split`` never join anything automatically.
"""

from __future__ import annotations

from collections import defaultdict

from rapidfuzz import fuzz

from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.overrides import Overrides

FUZZY_PERSON_THRESHOLD = 90


def _personish(group: NameGroup) -> bool:
    return group.place is None and not group.key.startswith("group:") and (
        group.label_share("PERSON") > 0 or any("title:person" in m.cues for m in group.mentions)
    )


def link_surnames(groups: dict[str, NameGroup], links: Links,
                  overrides: Overrides) -> dict[str, set[str]]:
    """Join a one-word name to the only multi-word person name ending with it.

    When no person name ends with the word, a one-word name the parse calls a
    person joins the only person name *starting* with it: family names written
    first ("Xi" for "Xi Jinping", "Kim" for "Kim Jong Un").

    Returns:
        For each one-word name left unmerged because several people share it,
        the keys of those people.
    """
    by_last: dict[str, list[str]] = defaultdict(list)
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(group.words) > 1 and _personish(group) and not overrides.keeps_apart(key):
            by_last[group.words[-1]].append(key)
            by_first[group.words[0]].append(key)
    ambiguous: dict[str, set[str]] = {}
    for key, group in groups.items():
        if len(group.words) != 1 or group.place is not None or overrides.keeps_apart(key):
            continue
        word = group.words[0]
        candidates = by_last.get(word) or (by_first.get(word, []) if _personish(group) else [])
        full_names = {links.find(k) for k in candidates}
        if len(full_names) == 1:
            links.join(full_names.pop(), key)
        elif full_names:
            ambiguous[key] = full_names
    return ambiguous


def link_spelling_variants(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
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


def link_acronyms(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
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


def differs_by_initials(wa: list[str], wb: list[str]) -> bool:
    """"jane q doe" ~ "jane doe": same first and last word, extra words are initials."""
    short, long = sorted((wa, wb), key=len)
    if len(short) < 2 or short[0] != long[0] or short[-1] != long[-1]:
        return False
    return all(len(word) == 1 for word in long[1:-1] if word not in short)


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
