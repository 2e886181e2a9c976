"""Generic rules that tell web boilerplate from article paragraphs.

These rules describe the *shape* of page furniture that scrapers leave in
article text (share buttons, bylines, read-time badges, lone section labels,
"Related articles" blocks). They never list lines of a particular corpus.
"""

from __future__ import annotations

import datetime as dt
import re

from dateutil import parser as date_parser

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
    r"^(?:(?:published|updated|posted|last updated)(?:\s+on)?\s*:?\s*)?"
    r"(?P<date>(?=.*\b(?:19|20)\d\d\b)[\w ,./:-]{6,40}?)\s*(?:\d{1,2}:\d\d.*)?$",
    re.IGNORECASE,
)
_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b|\b\d{4}-\d{2}-\d{2}\b",
                    re.IGNORECASE)


def dateline_date(line: str) -> dt.date | None:
    """The full date a date-only line states ("Published: August 6, 2025"), else None.

    Only a line that is nothing but a (labelled) date with a four-digit year and a
    month counts, so a sentence that merely mentions a date never does.
    """
    match = _DATELINE.match(line.strip())
    if not match or not _MONTH.search(match["date"]):
        return None
    try:
        return date_parser.parse(match["date"], fuzzy=False).date()
    except (ValueError, OverflowError):
        return None


def is_headline(text: str) -> bool:
    """A line that reads like a headline: 4-25 words, no final full stop."""
    words = _WORD.findall(text)
    return 4 <= len(words) <= 25 and not re.search(r"[.!?]\s*$", text.strip())
