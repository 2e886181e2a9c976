"""The temporal tagger's table: one regular expression per kind of time expression, and its handler.

``tagger.tag`` runs every pattern over the text and keeps the longest non-overlapping
matches; between equally long matches the pattern listed earlier wins. The handlers
live in ``rules``, ``relative_words``, ``named``, ``holidays`` and ``amounts``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from generator.temporal import amounts, holidays, named, relative_words, rules
from generator.temporal import vocab as v

Handler = Callable[[re.Match[str], rules.Context], "rules.Resolved | None"]

_E = rf"(?i:{v.EDGE_RE})"
_DAY = (
    rf"(?P<day>[12]\d|3[01]|0?[1-9]|(?i:{v.alternation(v.ORDINAL_DAYS)})\b"
    r"(?!-|\s+(?i:quarter|half|round|term|time|place|largest|biggest)\b))(?:st|nd|rd|th)?"
)
_WD, _YEAR = rf"(?:(?P<wd>{v.WEEKDAY_RE}),?\s+)?", rf"(?:,?\s+(?P<year>{v.YEAR_RE}))?"
_MON = rf"(?P<mon>{v.MONTH_ANY_RE})"
_NOT_A_YEAR = (
    rf"(?![\w%]|[.,:]\d|\s*(?:%|percent|per\s+cent|hours\b|hrs\b|(?:{v.TIME_ZONES})\b)"
    rf"|\s+(?:{v.COUNT_NOUNS})\b)"
)
_AMOUNT = (
    rf"(?:\b(?P<mod>{v.DURATION_MODIFIERS})\s+)?(?:(?<![\d,.])\b(?P<low>{v.NUMBER_RE})\s*(?:to|or|-|–)\s*"
    rf"|(?i:(?<=\bbetween\s))(?P<low2>{v.NUMBER_RE})\s+and\s+)?"
    rf"\b(?P<num>{v.NUMBER_RE})"
    rf"(?P<half>\s+and\s+a\s+half|\s+1/2)?(?:\s+(?:{v.UNIT_ADJECTIVES}))?[\s-]+(?P<unit>{v.UNIT_RE})s?(?P<half2>[\s-]and[\s-]a[\s-]half)?"
    rf"(?P<high>\s+or\s+(?:{v.SMALL_NUMBER_RE})(?![\s-]+(?:{v.UNIT_RE})))?"
    r"(?P<tail>-old|[\s-]long|(?:\s+or\s+so)?\s+ago|\s+from\s+now|\s+later|\s+earlier)?\b"
    r"(?!-[a-z])"  # "a year-end rally": a compound, no length
)
"""A length: "ten days", "two and a half years", "two to three weeks" and "a year or two" (a range:
a vague length), "two days ago", "a week later"."""
_PAPERS = r"(?:Times|Telegraph|Express|Mirror|Post|Herald|Mail|Star|Sport)\b"
"""Newspaper titles after a weekday ("the Sunday Times") are not dates."""
_TZ = rf"(?:\s+(?P<tz>{v.TIME_ZONES})\b)?"
_SEASON = r"(?i:spring|summer|autumn|fall|winter)"
_NTH = "|".join(named.ORDINALS)
_AFTER_PREPOSITION = "".join(rf"(?<=\b{w}\s)|(?<=\b{w.title()}\s)|" for w in ("in", "by", "until", "since",
                                                                          "during"))[:-1]
_AFTER_PREPOSITION = f"(?:{_AFTER_PREPOSITION})"
"""Right after a preposition: a bare season ("in spring") is a time, as "the spring" is."""

# Order matters only between equally long matches: the earlier pattern wins.
_TABLE: list[tuple[str, Handler]] = [
    (r"\b(?P<year>\d{4})-(?P<mon>\d\d)-(?P<day>\d\d)\b", rules.full_date),
    (rf"\b(?:(?P<weekof>(?i:the\s+week\s+of))\s+)?{_WD}{_MON}(?:\s+|(?<=\.)(?=\d)){_DAY}(?!\d){_YEAR}(?!\d)",
     rules.full_date),  # "Dec. 14", also "Dec.14" as some datelines write it
    (rf"\b{_WD}(?:the\s+)?{_DAY}\s+(?:of\s+)?{_MON}{_YEAR}(?!\w)", rules.full_date),
    (rf"\b(?:(?P<edge>{_E})\s*)?{_MON},?\s+(?:of\s+)?(?P<year>{v.YEAR_RE})(?!\w)",
     rules.month_year),
    (rf"(?<![\w$£€.,/:#])(?:(?:(?i:the)\s+)?(?P<edge>{_E}|(?i:fiscal)|FY)\s*)?(?:(?P<year>{v.YEAR_RE})|"
     rf"(?:(?i:the)\s+)?(?:(?P<decade>1[89]\d|20\d)0s|['’](?P<short>[2-9])0s)){_NOT_A_YEAR}", rules.year),
    (rf"(?:\b(?P<edge>{_E})\s*|\b(?P<rel>(?i:last|this|next|coming|past))\s+)?"
     rf"\b(?P<mon>{v.MONTH_RE})\b(?!\s*\d)", rules.month_alone),
    (rf"(?:\b(?P<rel>(?i:this|last|next|coming|past|early|late|earlier|later|(?P<anaphoric>the\s+"
     r"(?:previous|preceding|following))))\s+)?\b(?P<day>"
     rf"{v.WEEKDAY_RE})\b(?!\s+{_PAPERS})(?:\s+(?P<part>(?i:{v.DAY_PART_RE}))\b)?", relative_words.weekday),
    (rf"(?i)\b(?:the\s+day\s+(?P<pre>before|after)\s+)?(?P<word>today|tonight|yesterday|"
     rf"tomorrow)(?:\s+(?P<part>{v.DAY_PART_RE}))?\b", relative_words.day_word),
    (rf"(?i)\b(?P<word>this|last)\s+(?P<part>{v.DAY_PART_RE})\b", relative_words.day_word),
    (rf"(?i)\b(?:(?P<det>the|that)\s+(?:(?:comparable|corresponding|same)\s+)?(?:(?P<latest>latest|most\s+"
     rf"recent)\s+)?)?(?:(?P<ago>year[\s-](?:ago|earlier))(?:\s+(?P<unit>(?:(?:first|second|third|fourth)[\s-]+)?quarter|period))?"
     rf"(?!\s+(?:first\s+)?(?:{v.NUMBER_RE})[\s-]+(?:months|weeks))|(?:(?P<year>"
     rf"{v.YEAR_RE})\s+)?(?P<unit2>quarter|period)(?P<back>,?\s+(?:a\s+year\s+(?:ago|earlier)|(?:of\s+)?(?:the\s+)?"
     r"(?:last|previous|prior)\s+year))?)\b(?!-)"
     r"|\b(?P<lastyears>(?:last|previous|prior)\s+year['’]s\s+(?:quarter|period))\b", named.reported_quarter),
    (rf"(?i)\b(?:the\s+)?(?:(?P<pyear>{v.YEAR_RE})\s+|(?P<pwhich>this|last|next)\s+year['’]s\s+)?"
     rf"(?:fiscal[\s-]+)?(?:(?P<nth>{_NTH})(?:[\s-]+(?:quarter|(?P<half>half|halve))(?P<plural>s)?|(?=\s+(?:and|or|to)"
     rf"\s+(?:the\s+)?(?:{_NTH})[\s-]+(?:quarter|(?P<lhalf>half|halve))(?P<lplural>s)?\b))|(?P<pair>first|second)\s+two\s+quarters|(?-i:Q(?P<q>[1-4])))\b"
     rf"(?:,?\s+(?:of\s+)?(?P<year>{v.YEAR_RE})\b|\s+of\s+(?P<which>this|last|next|the)\s+"
     r"(?:fiscal\s+)?year\b)?",
     named.part_of_year),
    (rf"(?i){named.SPELLED_YEAR_RE}", named.spelled_year),
    (r"(?i)\bthe\s+(?:(?P<full>full|whole|entire)\s+)?(?:fiscal\s+)?year\b(?!-)(?:(?=\s+(?P<ended>ended|ending)\b)"
     r"|\s+(?P<thousand>two\s+thousand)\b)?", named.the_year),
    (rf"(?:\b(?i:the)\s+|{_AFTER_PREPOSITION})(?:(?i:early|late|mid)[\s-]?)?(?P<season>{_SEASON})\b"
     rf"(?:\s+(?:of\s+)?(?P<year>{v.YEAR_RE})\b)?"
     rf"|\b(?:(?i:early|late|mid)[\s-]?)?(?P<season2>(?i:spring|summer|autumn|winter)|Fall)\s+"
     rf"(?P<year2>{v.YEAR_RE}){_NOT_A_YEAR}",  # "autumn 2022" (not the verb: "prices fall 2023 points")
     named.the_season),
    (rf"\b(?:(?P<edge>{_E})\s*)?(?P<mon>{v.MONTH_RE})\s+(?P<which>(?i:this|last|next))\s+(?i:year)\b",
     named.month_of_year),
    (rf"\b(?i:every|each)\s+(?P<what>{v.MONTH_RE}|{_SEASON})\b", named.every_month),
    (rf"(?i)\b(?P<name>{holidays.HOLIDAY_RE})\b(?P<week>\s+week\b)?(?:,?\s+(?P<year>{v.YEAR_RE})\b)?",
     holidays.holiday),
    (r"(?i)\b(?:(?:earlier|later)\s+)?(?:the\s+(?P<rel>next|following|previous|preceding|same)|that(?:\s+same)?"
     r"|(?:(?<=earlier\s)|(?<=later\s))in\s+the)\s+"  # "later in the day": that day
     rf"(?P<unit>day|week|month|year|{v.DAY_PART_RE})\b", named.anaphoric),
    (r"(?i)\b(?:(?:the|this)\s+)?(?:fiscal\s+)?year(?:-|\s+|['’]s\s+)end\b(?![\w-])", named.year_end),
    (r"(?i)\bovernight\b", named.overnight),
    (r"(?i)\b(?:early|late|mid-?|mid\s|the\s)\s*(?P<part>morning|afternoon|evening)\b", amounts.day_part),
    (r"(?i)\bthe\s+day\s+(?P<rel>before|after)\b", named.day_before),
    (rf"(?i)\b(?:the\s+)?(?:{v.alternation(v.ORDINAL_DAYS)}|\d{{1,3}}(?:st|nd|rd|th))\s+"
     r"(?:straight\s+|consecutive\s+|full\s+)?day\b(?![\s-]*(?:long|old)\b|-)", relative_words.nth_day),
    (r"(?i)\b(?:another|a\s+further|an\s+(?:extra|additional))\s+(?P<unit>day|week|month|year|"
     r"decade)\b|(?<![\w-])(?P<long>day|week|month|year)-?long\b", amounts.another),
    (rf"(?i)(?:\b(?P<edge>{v.EDGE_RE}|earlier|later)\s+)?\b(?P<the>the\s+)?"
     r"(?P<rel>this\s+past|latest|most\s+recent|this|last|next|"
     r"past|coming|previous|current|the)\s+(?:fiscal\s+)?(?P<unit>week|month|year|quarter|decade|"
     r"weekend|summer|"
     r"winter|spring|autumn|fall)\b", relative_words.period),
    (r"(?i)\b(?:(?P<now>now|currently|nowadays|at\s+present|at\s+the\s+moment|these\s+days|"
     r"right\s+now|(?P<adj>(?P<then>then[\s-]+)?current))|(?P<past>recently|lately|the\s+past(?!\s+(?:\d|(?:"
     rf"{v.NUMBER_RE})\s)))|(?P<future>soon|as\s+soon\s+as\s+possible|a\s+later\s+date|{v.TERM_RE}|the\s+"
     r"(?:near\s+|distant\s+)?future))\b", relative_words.reference),
    (r"(?i)\b(?:the\s+)?(?P<nth>\d{1,2})(?:st|nd|rd|th)[\s-]+century\b", named.century),
    (rf"(?i)(?<=\bin\s){_AMOUNT}", amounts.in_duration),  # before a plain length: it wins a tie
    (rf"(?i){_AMOUNT}", amounts.duration),
    (r"(?i)(?:\b(?:the\s+)?(?P<quant>coming|next|past|last|recent|previous|many|several|first|final|opening|closing)"
     r"(?:\s+few)?\s+)?\b(?P<unit>seconds|minutes|hours|days|weeks|months|years|decades)(?P<long>-long)?\b"
     r"(?:\s+(?:or|and)\s+(?:seconds|minutes|hours|days|weeks|months|years|decades)\b)?"  # "weeks or months"
     r"(?:(?P<ahead>\s+ahead)|\s+(?P<tail>ago|later|earlier)|(?=\s+(?P<signal>after|before)\b))?\b",
     amounts.vague_duration),
    (rf"\b(?:(?i:every|each)\s+(?P<day>{v.WEEKDAY_RE})|(?P<days>{v.WEEKDAY_RE})(?:s|\s+(?P<parts>"
     rf"(?i:{v.DAY_PART_RE}))s))\b|"
     rf"\b(?:(?i:once|twice|thrice|(?:{v.NUMBER_RE})\s+times)\s+)?(?P<adverb>"
     rf"{v.alternation(v.SET_ADVERBS)})\b|(?i:\b(?:every|each|once\s+a|twice\s+a|(?:\w+\s+)?"
     rf"times\s+a|per)\s+(?:(?P<count>other|{v.NUMBER_RE})\s+)?(?P<unit>day|week|month|quarter|"
     r"year|decade|hour|minute|morning|night|fortnight)s?\b)", amounts.set_expression),
    (rf"\b(?P<h>\d{{1,2}}):(?P<m>[0-5]\d):(?P<s>[0-5]\d)(?:\.\d+)?\b{_TZ}", amounts.clock_duration),
    (r"\b(?P<hour>1[0-2]|0?[1-9])(?:(?::\s?|\.)(?P<minute>[0-5]\d))?\s*(?P<ampm>(?i:[ap]\.\s?m\.?(?!\w)|[ap]m\b))"
     + _TZ, amounts.clock_time),  # also with the gaps of text joined from tokens: "2: 16pm", "7 p. m."
    (rf"\b(?P<hour>[01]\d|2[0-3]):(?:\s(?=\d\d\s+(?:{v.TIME_ZONES})\b))?(?P<minute>[0-5]\d)(?!\d){_TZ}",
     amounts.clock_time),  # "19:30", "19: 30 BST"
    (r"\b(?P<hour>[01]\d|2[0-3])(?P<minute>[0-5]\d)\s+(?P<tz>GMT|UTC)\b", amounts.clock_time),
    (r"(?i)\b(?P<named>noon|midday|midnight)\b", amounts.clock_time),
    (r"(?i)\b(?P<hour>1[0-2]|0?[1-9])(?:[:.](?P<minute>[0-5]\d))?\s+(?:o'clock\s+)?in\s+the\s+"
     r"(?P<part>morning|afternoon|evening)\b", amounts.clock_in_part),
]
PATTERNS = [(re.compile(pattern), handler) for pattern, handler in _TABLE]
