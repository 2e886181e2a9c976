"""Singulars of English words by their regular plural endings: one rule for the name links
(``resolve.variant_links``: the "Central Elections Commission" is the "Central Election
Commission") and for the key terms of story grouping (``events.story_profiles``: "cities" counts as
"city")."""

from __future__ import annotations

import functools

NO_PLURALS = frozenset({"news", "times", "series", "species", "arms", "means", "securities", "customs",
                        "damages", "goods", "headquarters", "politics", "economics", "physics",
                        "mathematics"})
"""Words ending in "s" that are no plural of the word without it, or whose singular means
something else ("Fox News", "Arms Control", "Securities and Exchange Commission": no security)."""


@functools.lru_cache(maxsize=1 << 16)
def singular(word: str) -> str:
    """A lower-case word's singular by the regular endings ("cities" -> "city", "elections" ->
    "election"). Words of three letters or fewer, words ending in "ss", "us" or "is" ("press",
    "campus", "crisis") and those of ``NO_PLURALS`` stay as they are."""
    if len(word) <= 3 or word in NO_PLURALS or not word.endswith("s") or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    return word[:-1]
