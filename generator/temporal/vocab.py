"""Word lists and regular-expression pieces for the temporal tagger (generic English only)."""

from __future__ import annotations

MONTHS = {
    name: index + 1
    for index, name in enumerate(
        "January February March April May June July August September October November "
        "December".split()
    )
}
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mar": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8,
    "Sep": 9, "Sept": 9, "Oct": 10, "Nov": 11, "Dec": 12,
}  # fmt: skip
WEEKDAYS = {
    name: index
    for index, name in enumerate("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
}
NUMBERS = {
    word: index + 1
    for index, word in enumerate(
        "one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen".split()
    )
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}  # fmt: skip
FIXED_NUMBERS = {"a": 1, "an": 1, "a couple of": 2, "couple of": 2, "a dozen": 12,
                 "dozen": 12, "a hundred": 100, "hundred": 100, "half a": 0.5,
                 "half an": 0.5}  # fmt: skip
VAGUE_NUMBERS = ("a few", "few", "several", "many", "dozens of", "hundreds of")

UNIT_CODES = {"second": "TS", "minute": "TM", "hour": "TH", "day": "D", "week": "W",
              "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "century": "CE",
              "centuries": "CE", "fortnight": "W"}  # fmt: skip
"""Unit word to TIMEX3 letter; a leading T marks a time-of-day unit (PT10H)."""
UNIT_MULTIPLES = {"fortnight": 2}
"""Units written in another unit's letter: a fortnight is two weeks (P2W)."""
PERIOD_CODES = {"week": "W", "month": "M", "year": "Y", "quarter": "Q", "decade": "DE"}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}
SEASONS = {"spring": ("SP", 3, 5), "summer": ("SU", 6, 8), "autumn": ("FA", 9, 11),
           "fall": ("FA", 9, 11), "winter": ("WI", 12, 2)}  # fmt: skip
"""Season word to (TIMEX3 code, first month, last month)."""
SET_ADVERBS = {"hourly": "PT1H", "daily": "P1D", "nightly": "P1D", "weekly": "P1W",
               "biweekly": "P2W", "monthly": "P1M", "quarterly": "P3M", "yearly": "P1Y",
               "annually": "P1Y"}  # fmt: skip
"""Adverbs of a SET ("annual" is left out: TimeBank rarely tags "annual meeting")."""

COUNT_NOUNS = (
    "people|persons|troops|soldiers|fighters|civilians|residents|children|men|women|refugees|"
    "prisoners|migrants|workers|jobs|homes|houses|buildings|drones|missiles|rockets|shells|tanks|"
    "vehicles|trucks|tons|tonnes|barrels|km|kilometres|kilometers|miles|metres|meters|feet|votes|"
    "cases|deaths|dollars|euros|pounds|roubles|rubles|shares|points|flights|families|households|"
    "students|members|delegates|sites|targets|times|pages|words|units|copies|seats|calories"
)


def alternation(words: object) -> str:
    """Join words (longest first, spaces as ``\\s+``) into a regex alternation."""
    items = sorted(words, key=len, reverse=True)  # type: ignore[call-overload]
    return "|".join(str(w).replace(" ", r"\s+") for w in items)


MONTH_RE = alternation(MONTHS)
MONTH_ANY_RE = rf"{MONTH_RE}|(?:{alternation(MONTH_ABBREVIATIONS)})\.?"
WEEKDAY_RE = alternation(WEEKDAYS)
NUMBER_RE = (
    r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?|"
    + rf"(?:{alternation(TENS)})(?:[-\s](?:{alternation(list(NUMBERS)[:9])})\b)?|"
    + alternation([*NUMBERS, *FIXED_NUMBERS, *VAGUE_NUMBERS])
)
UNIT_RE = alternation(UNIT_CODES)
SMALL_NUMBER_RE = alternation(list(NUMBERS)[:12]) + r"|\d{1,2}(?![\d,.])"
"""The upper end of a range after a length ("a year or two", "a day or 2")."""
UNIT_ADJECTIVES = r"more|additional|straight|consecutive|full|trading|business|working"
"""Words between a number and its unit that keep the length ("two more weeks", "eight trading days")."""
ORDINAL_DAYS = {
    word: index + 1
    for index, word in enumerate(
        "first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth "
        "thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()
    )
}
ORDINAL_DAYS |= {f"twenty-{w}": 20 + n for w, n in list(ORDINAL_DAYS.items())[:9]}
ORDINAL_DAYS |= {"thirtieth": 30, "thirty-first": 31}
"""Days of the month written as words ("March eighth", "the first of May")."""
DAY_PART_RE = alternation(DAY_PARTS)
EDGE_RE = r"early|late|mid-|mid|(?:the\s+)?(?:end|beginning|start|middle|turn)\s+of"
"""Words that narrow a period ("late August", "the end of 2025"); the value keeps the period."""
YEAR_RE = r"1[89]\d\d|20\d\d"
DURATION_MODIFIERS = alternation(
    "nearly almost about around roughly approximately some over under another".split()
    + ["more than", "less than", "fewer than", "at least", "up to", "just over", "just under",  # fmt: skip
       "a further", "the past", "the last", "the next", "the first", "the previous",
       "the coming", "the final", "the following", "the latest", "the same"]
) + r"|the(?=\s+(?:\S+\s+){1,3}?(?:seconds|minutes|hours|days|weeks|months|quarters|years|decades)\b)"
"""Words before a length that belong to it (TimeML's mod: "about", "more than"; not a focus word
such as "only"); a bare "the" only before a plural unit ("the nine months", not "the eight-year
war": TimeML leaves the article of a modifier out)."""
TIME_ZONE_ABBREVIATIONS = ("GMT", "UTC", "BST", "CET", "CEST", "EET", "EEST", "MSK", "ET", "EST", "EDT",
                           "CT", "CST", "CDT", "PT", "PST", "PDT")
"""Time zones written as capitals after a clock time ("0300 GMT"); no name (``nlp.entity_spans``)."""
TIME_ZONES = "|".join(TIME_ZONE_ABBREVIATIONS) + r"|(?:local|[A-Z][a-z]+)\s+time"
TERM_RE = (r"the\s+(?:near|short|long|medium)\s+term"
           r"(?=\s*[^\w\s-]|\s+(?:and|or|but|to|for|as|in|at|when|while)\b)")
""""in the short term", "the near term": a time to come (FUTURE_REF), not "the long term debt"."""
TITLE_SMALL_WORDS = frozenset(
    "In For Of By Since Until From At On To After Before During And Or The A An With As Over Into "
    "Through Amid".split()
)
"""Function words capitalised in a title-case headline ("Double Murder In 2010"): no part of a name."""
HOLIDAY_THINGS_RE = (
    r"part(?:y|ies)|trees?|cards?|gifts?|presents?|shopping|shoppers|sales|dinners?|lunch(?:es)?|feasts?|"
    r"meals?|markets?|lights|decorations|carols?|songs?|music|message|address|speech|bonus(?:es)?|specials?|"
    r"shows?|concerts?|mass|parades?|edition|episode|films?|movies?|menus?|turkeys?|pudding|cakes?|cookies|"
    r"eggs?|hunts?|costumes?|displays?|albums?|ads?|adverts?|decor|spirit"
)
"""Things named after a holiday ("the Christmas lights", "Thanksgiving dinner"): no date."""
PLAY_RE = (
    r"touchdowns?|TDs?|field\s+goals?|half-?time|overtime|quarterbacks?|rebounds?|free\s+throws?|"
    r"three-pointers?|interceptions?|fumbles?|penalty\s+kicks?|power\s+play|(?:\d+|\w+)\s+(?:left|to\s+play)"
)
"""Words of a game: a quarter or half in their sentence is a period of play, not of the year."""
ERA_NOUNS_RE = (
    r"world|youth|society|societies|generations?|children|kids|young|youngsters|teenagers|students|parents|"
    r"families|women|men|people|consumers|culture|standards|terms|dollars|era|age"
)
"""People and ways of an era that "today's" names ("today's youth", "in today's world", "in today's
dollars"): the present age, not the day (TimeBank leaves it untagged)."""
