"""Generic rules that tell web boilerplate from article paragraphs.

These rules describe the *shape* of page furniture that scrapers leave in
article text (share buttons, bylines, read-time badges, lone section labels,
"Related articles" blocks). They never list lines of a particular corpus.
"""

from __future__ import annotations

import re

from generator.ingest.pubdate import dateline_date

# A paragraph matching one of these is furniture, not article text.
_FURNITURE = [
    re.compile(r"^(kindly\s+)?share\b", re.I),  # "Share This Article", "Share on twitter"
    re.compile(r"^(follow|like)\s+us\b", re.I),
    re.compile(r"^by\s+[\w.'-]+(\s+[\w.'-]+){0,3}$", re.I),  # "By admin", "By Jane Doe"
    re.compile(r"^\d+\s*(min|minute)s?\.?\s+read$", re.I),  # "3 Min Read"
    re.compile(r"^(advertisement|sponsored|subscribe\b.*|sign up\b.*|read more\b.*)$", re.I),
    re.compile(r"^(photo|image|video)\s*(credit)?\s*:", re.I),
    re.compile(r"^(updated|published)\s*:?\s*\d", re.I),
]
# A date line ("Published Sunday, Aug 4 2013, 19:30 BST") is furniture too: see ``pubdate``.

# A paragraph matching one of these ends the article: what follows is a list
# of other stories, comments or newsletter promotion.
_SECTION_END = re.compile(
    r"^(related|more|recommended|trending|popular|latest|top)\s+"
    r"(articles?|stories|posts|news|reads?)\s*:?$|^(comments|leave a reply|you may also like)\s*:?$",
    re.I,
)

_SENTENCE_END = re.compile(r"[.!?…\"”’)]\s*$")
_WORD = re.compile(r"\w+")


def is_section_end(paragraph: str) -> bool:
    """True when the paragraph starts the trailing related-stories block."""
    return bool(_SECTION_END.match(paragraph.strip()))


def is_furniture(paragraph: str) -> bool:
    """True for share buttons, bylines, read-time badges and lone labels."""
    text = paragraph.strip()
    if any(rule.search(text) for rule in _FURNITURE) or dateline_date(text) is not None:
        return True
    return is_lone_label(text)


def is_lone_label(text: str) -> bool:
    """A short line of at most three words with no sentence punctuation.

    Section labels ("News", "Top News", "World") and user names ("admin")
    have this shape; headlines are longer.
    """
    words = _WORD.findall(text)
    return 0 < len(words) <= 3 and not _SENTENCE_END.search(text)


_DATELINE = re.compile(
    r"""^[A-Z][A-Z'.\-]+(?:\s+[A-Z][A-Z'.\-]*){0,3}         # the place in capitals: "CAPE TOWN"
    (?:\s*,\s*[A-Z][\w.'\-]*(?:\s+[\w.'\-]+){0,3}){0,2}   # ", South Africa", ", N.Y.", ", August 11"
    \s*(?P<agency>\([A-Z][\w.&'\-]*(?:\s+[\w.&'\-]+){0,3}\))?  # "(AP)", "(Xinhua)"
    \s*(?P<dash>--|—|–|-|_)?\s*$""",
    re.VERBOSE,
)


_DATELINE_LEAD = re.compile(_DATELINE.pattern.replace(r"\s*$", r"\s*(?=[A-Z“\"‘'])"), re.VERBOSE)
"""A dateline that the story's first sentence runs on from ("CANBERRA, Australia (AP)_ Qantas ...")."""


_TWO_CAPITALS = re.compile(r"[A-Z'.\-]*[A-Z]{2}")
"""A first word with two capitals in a row ("O'SMACH", "ST."), not only initials ("U.S.")."""


def dateline_length(text: str) -> int:
    """How many characters of ``text`` a wire dateline takes when the story's first sentence
    runs straight on from it ("CANBERRA, Australia (AP)_ Qantas will ..."; agency or dash
    required, as for ``is_dateline``; a place of initials, "U.S. - China talks", is none), else 0."""
    match = _DATELINE_LEAD.match(text) if _TWO_CAPITALS.match(text) else None
    return match.end() if match and (match["agency"] or match["dash"]) else 0


def is_dateline(text: str) -> bool:
    """A wire story's dateline standing alone on its line: the place in capitals, maybe a region
    or a day, then the agency in brackets or a dash ("NAIROBI, Kenya (AP) _", "WASHINGTON,
    August 11 (Xinhua) --", "LONDON -"). It is no sentence of the story: never its title or
    lead. An all-capitals headline has neither the agency nor the closing dash."""
    match = _DATELINE.match(text.strip())
    return bool(match and (match["agency"] or match["dash"]))


def is_headline(text: str) -> bool:
    """A line that reads like a headline: 4-25 words, no final full stop."""
    words = _WORD.findall(text)
    return 4 <= len(words) <= 25 and not re.search(r"[.!?]\s*$", text.strip())
