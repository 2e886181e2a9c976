"""An organisation's short form written alone joins its full name (part of the resolve stage).

News names a company in full once ("Zorvan-Keel Cos.", "Bank of Tellmark Corp.") and
then by its leading word or words ("Zorvan", "Bank of Tellmark"). A name the parse
mostly tags as an organisation joins the only longer organisation name of the corpus
that starts with all its words and adds at most one word of its own, besides words of a
company's kind ("Foods", "Group", "Bank", "Cos."): that one word is a second family
name or a trade ("Busch", "Foods"), not a body of its own. Never joined: a longer name
whose added word names a body or a building that belongs to the short name's owner
("Senate Committee", "Troy Police", "Estelle Unit", "Kodak Theatre"), so a place's
police or a company's plant stays apart; names written in capitals (acronyms have
their own rule); short names another longer name of the corpus also starts with
("Microsoft" of "Microsoft Update" and "Microsoft Labs"). Cost: one pass over the
groups, one look-up per name.

A name's head word written alone after "the" ("the Institute") joins the
organisation "<head> of ..." it heads ("Institute of Marine Studies"), the only one written
in the same articles (``link_head_words``): "the Institute Prize" starts with the word but
is headed by another, and names several articles do not share are left apart.
"""

from __future__ import annotations

from collections import defaultdict

from generator.knowledge.names import FACILITY_WORDS, ORGANISATION_WORDS
from generator.resolve.name_groups import Links, NameGroup
from generator.resolve.name_kinds import is_other_name, takes_article
from generator.resolve.overrides import Overrides

COMPANY_KIND_WORDS = frozenset("""
    bank group company companies co co. cos cos. corp corp. corporation inc inc. ltd ltd. llc plc
    partners advisors advisers holdings capital media entertainment studios records airlines airways
    motors industries systems technologies labs pharmaceuticals brands foods enterprises
    """.split())
"""Words of a company's kind after its name ("Acme Foods Group"): the same company written
short drops them."""

BODY_WORDS = (ORGANISATION_WORDS - COMPANY_KIND_WORDS) | FACILITY_WORDS | frozenset("""
    unit division branch chapter committee subcommittee reporter post daily weekly
    plant factory mill mine site campus court courthouse
    """.split())
"""Added words that make the longer name a body or a place of its own ("Senate Committee",
"Troy Police", "Acme Plant"), not the short name's full form."""


def _core(words: list[str]) -> list[str]:
    """The name's words without the company-kind words it ends with ("first of america bank"
    -> "first of america")."""
    end = len(words)
    while end > 1 and words[end - 1] in COMPANY_KIND_WORDS:
        end -= 1
    return words[:end]


def _mostly_organisation(group: NameGroup) -> bool:
    """More than half of the mentions are tagged ORG, and the usual form is no acronym."""
    form = group.usual_form.replace(".", "").replace(" ", "")
    return not form.isupper() and group.label_share("ORG") > 0.5


def link_leading_parts(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join an organisation's short form to its only full name (see the module doc); the longer
    short forms first, so that "Zorvan-Keel" joins "Zorvan-Keel Cos." before "Zorvan" looks."""
    by_first: dict[str, list[str]] = defaultdict(list)
    for key, group in groups.items():
        if len(group.words) > 1 and group.mentions and is_other_name(group) \
                and not overrides.keeps_apart(key):
            by_first[group.words[0]].append(key)
    for key, group in sorted(groups.items(), key=lambda item: -len(item[1].words)):  # longest first
        if (not group.mentions or "@" in key or not is_other_name(group) or overrides.keeps_apart(key)
                or not _mostly_organisation(group)):
            continue
        size = len(group.words)
        starting = [k for k in by_first.get(group.words[0], ())
                    if len(groups[k].words) > size and groups[k].words[:size] == group.words]
        roots = {links.find(k) for k in starting} - {links.find(key)}
        if len(roots) != 1:
            continue
        fits = [k for k in starting
                if _full_form(groups[k].words, size) and groups[k].label_share("ORG") > 0.5]
        written_with = {s for k in fits for s in groups[k].sources}  # the articles of the full names
        if fits and len(fits) == len(starting) and group.sources <= written_with:
            links.join(links.find(fits[0]), key)


def _full_form(words: list[str], size: int) -> bool:
    """Whether a name of ``words`` is the full form of its first ``size`` words: at most one
    added word, besides company-kind words, and none naming a body or building."""
    added = _core(words)[size:]
    bodies = [word for word in words[size:] if word in BODY_WORDS and word not in COMPANY_KIND_WORDS]
    return len(added) <= 1 and not bodies


def link_head_words(groups: dict[str, NameGroup], links: Links, overrides: Overrides) -> None:
    """Join a one-word organisation name mostly written after "the" to the only organisation
    named "<that word> of ..." that an article writing it writes too (see the module doc)."""
    headed: dict[str, list[str]] = defaultdict(list)  # head word -> keys of "<head> of ..." names
    for key, group in groups.items():
        words = group.words
        if len(words) > 2 and words[1] == "of" and group.mentions and is_other_name(group) \
                and group.label_share("ORG") > 0.5 and not overrides.keeps_apart(key):
            headed[words[0]].append(key)
    for key, group in groups.items():
        if key not in headed or not group.mentions or overrides.keeps_apart(key) \
                or not is_other_name(group) or not _mostly_organisation(group) or not takes_article(group):
            continue
        roots = {links.find(k) for k in headed[key] if groups[k].sources & group.sources}
        roots.discard(links.find(key))
        if len(roots) == 1:
            links.join(roots.pop(), key)
