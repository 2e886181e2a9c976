"""A reported statement in words, as the pages print it after the speaker's name.

A direct quote reads "said: “...”"; an indirect statement reads its reporting verb and
clause ("rejected the threats as unlawful", "would reject the offer", "said talks would
resume"), the verb written once. A clause that opened its sentence ("No one was hurt, the
chief said") keeps the article's words but starts in lower case after the verb when its
first word is one that only a sentence start capitalises ("said no one was hurt"); names
and "I" keep their capital.
"""

from __future__ import annotations

from generator.model import ReportedStatement

QUOTE_MARKS = "\"“”„‘’«»"
"""Quotation marks a quote's text may carry at its ends."""

CLAUSE_OPENERS = frozenset(
    """
    a an the this that these those there here it its he she they we you his her their our
    my your no not none nobody nothing neither either every each all some any many much
    most more several both few one two three four five if when while although though
    because as after before since until once what which who how
    """.split()
)
"""Words written with a capital only at the start of a sentence (closed-class English words)."""


def position_words(statement: ReportedStatement) -> str:
    """"said: “quote”" for a quote; the reporting verb and clause, the verb written once, else.

    A quote's own quotation marks at either end are dropped, so the marks are never doubled.
    """
    if statement.kind == "direct":
        return f"said: “{unquoted(statement.text)}”"
    verb = statement.verb or "said"
    text = statement.text
    return text if verb.lower() in text.lower().split(" ", VERB_REACH)[:VERB_REACH] \
        else f"{verb} {clause_after_verb(text)}"


VERB_REACH = 3
"""Words of a position's text its verb may stand among, after a modal or an adverb ("would
strongly reject ..."): the verb is not written again before it."""


def clause_after_verb(text: str) -> str:
    """``text`` with its first letter in lower case when its first word is a ``CLAUSE_OPENERS``
    word ("No one was hurt" -> "no one was hurt"), else unchanged."""
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first.lower() in CLAUSE_OPENERS and first != first.lower() else text


def unquoted(text: str) -> str:
    """The text without quotation marks at its ends (a quote's text is printed inside new ones)."""
    text = text.strip()
    for opening, closing in PAIRED_MARKS:
        text = text.removeprefix(opening).removesuffix(closing)
    return text.strip(QUOTE_MARKS).strip()


PAIRED_MARKS = (("``", "''"),)
"""Quotation marks written with two characters: the ``...'' of wire copy as the LDC and Penn
Treebank keep it, which a single-character strip would cut from words ("players'")."""
