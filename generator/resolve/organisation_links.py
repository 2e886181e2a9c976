"""Linking rules for names of organisations and places: shorter forms and acronyms (part of the
resolve stage).

An organisation or place name joins the only longer such name ending with all its words
("Rovers" -> "Harbor City Rovers", "Mount Ember" -> "Grey Mount Ember"), never one naming a
part of it or a place beside it ("Central America") nor a title named after it; a name
several longer names end with ("Navy") is returned as ambiguous, for ``shared_names`` to
decide. A department's name joins the same name written without "Department" ("Staunton
Police"). An all-capitals name joins the only multi-word name whose initials it spells
("FTC"); an acronym several names spell is decided article by article. Names the user
lists under ``split`` never join anything automatically.
"""

from __future__ import annotations

from collections import defaultdict

from generator.knowledge import gazetteer
from generator.resolve.name_groups import PLACE_LABELS, Links, NameGroup, give_mention
from generator.resolve.name_kinds import is_other_name, titled_after
from generator.resolve.overrides import Overrides


def link_name_suffixes(groups: dict[str, NameGroup], links: Links,
                       overrides: Overrides) -> dict[str, set[str]]:
    """Join an organisation or place name to the only longer such name ending with all its
    words ("Rovers" -> "Harbor City Rovers", "Mount Ember" -> "Grey Mount Ember"), but not
    to one naming a part of it or a place beside it (``PART_WORDS``: "Central America"), nor a
    place to an organisation named after it ("America" of "First of America", "Bank of America");
    a part word alone ("the West") joins nothing.

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
        if not other[key] or all(word in PART_WORDS for word in group.words):
            continue  # "the West", "the North": a region, no longer name written short
        longer = {links.find(k) for k in by_last.get(group.words[-1], ())
                  if k.endswith(" " + key) and not titled_after(groups[k], group)
                  and not _part_of(groups[k], group) and not _place_in_organisation(group, groups[k])}
        links.join_the_only(key, longer, ambiguous)
    return ambiguous


PART_WORDS = frozenset("""
    north south east west central northern southern eastern western northeast northwest
    southeast southwest upper lower inner outer greater new
    """.split())
"""Words that make a place name of a part of, or a place beside, the name they stand before
("Central America", "East Africa", "New Mexico"): never the same place written short."""


def _place_in_organisation(short: NameGroup, longer: NameGroup) -> bool:
    """Whether a name mostly tagged as a place ends the name of an organisation (mostly tagged
    so): the organisation is named after the place ("the Bank of Tellmark"), not the same thing."""
    return short.label_share(*PLACE_LABELS) > 0.5 and longer.label_share("ORG") > 0.5


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


ACRONYM_SKIP_WORDS = frozenset({"of", "the", "and", "for", "on", "in", "de", "&"})


def without_country_abbreviation(name: str) -> str | None:
    """The rest of a name of two or more words after a country's abbreviation opening it
    ("U.S. Immigration and Naturalization Service" -> "Immigration and Naturalization
    Service"), which its acronym leaves out; else None."""
    first, _, rest = name.partition(" ")
    letters = first.replace(".", "")
    place = gazetteer.lookup(first) if letters.isupper() and len(letters) >= 2 else None
    return rest if place is not None and place.kind == "country" and " " in rest else None


def initials(name: str) -> str:
    """"Federal Trade Commission" -> "FTC" (small words skipped)."""
    return "".join(w[0] for w in name.split() if w.lower() not in ACRONYM_SKIP_WORDS).upper()


def link_acronyms(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join an all-capitals name to the only multi-word name whose initials it spells, with or
    without a country's abbreviation opening the name (``without_country_abbreviation``)
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
            rest = without_country_abbreviation(usual[key])
            if rest is not None and len(initials(rest)) >= 3:  # "INS", not a two-letter "IP"
                by_initials[initials(rest)].add(key)
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
