"""Where an organisation is based: "Kalamazoo, Mich.-based First of America said ...".

Business news writes a company's home before its name, joined by "-based": "Dayton-based
Mallory Tools", "Toledo, Ohio-based Brandt Inc.", "Palo Alto, Calif.-based Vexon Corp.". The
small model often makes the place the subject of the verb and the company its apposition, so
the city would be the one speaking. The name written before "-based" (optionally followed by a
comma and a state or country, "Kalamazoo, Mich.") is a place; the name written after it is the
one the sentence is about.
"""

from __future__ import annotations

import re

BASED_AFTER = re.compile(r"(?:\s*,\s*(?:[A-Z][\w.]*\s+){0,2}[A-Z][\w.]*)?\s*-\s*based\b")
"""What follows a place written as a home: "-based", ", Mich.-based", ", New Mexico-based"."""
BASED_WINDOW = 40
"""Characters after a name searched for ``BASED_AFTER``."""


def based_end(doc, end_char: int) -> int | None:
    """The character offset (in the doc) just past "based" when the name ending at ``end_char``
    is written as a home ("Kalamazoo, Mich.-based"); None otherwise."""
    match = BASED_AFTER.match(doc.text, end_char, end_char + BASED_WINDOW)
    return match.end() if match else None


def is_home_place(ent) -> bool:
    """True for a name written as the home of what follows ("Dayton" of "Dayton-based X")."""
    return based_end(ent.doc, ent.end_char) is not None


def based_organisation(token):
    """The first word of the name that a place token is the home of ("Harbor" of "Kalamazoo,
    Mich.-based Harbor Savings Corp."; "First" of "... First of America"), or None when the token
    is not followed by "-based" and a capitalised word."""
    doc = token.doc
    end = based_end(doc, token.idx + len(token.text))
    if end is None:
        return None
    following = next((t for t in doc[token.i + 1:] if t.idx >= end and not t.is_space), None)
    return following if following is not None and following.text[:1].isupper() else None


CONNECTORS = frozenset({"of", "&", "and", "de", "for"})
"""Lowercase words inside a company's name ("First of America", "Bank of Boston")."""


def name_words(first) -> tuple[int, int]:
    """Character offsets (in the doc) of the capitalised name starting at a token ("First of
    America", "Harbor Savings Corp."): its words and the connectors between them."""
    doc, last = first.doc, first
    for token in doc[first.i + 1:]:
        if token.is_sent_start:
            break
        if token.text[:1].isupper():
            last = token
        elif token.lower_ not in CONNECTORS or token.i + 1 >= len(doc) \
                or not doc[token.i + 1].text[:1].isupper():
            break
    return first.idx, last.idx + len(last.text)
