"""Mentions worked out while a build waits for a parse (``resolve.entities.prepare``) resolve
to the same entities as those worked out by ``resolve`` itself, and are used only for the very
analyses they were made from."""

from __future__ import annotations

from dataclasses import replace

from generator.resolve import resolve
from generator.resolve.entities import Prepared, article_mentions, prepare
from generator.resolve.overrides import Overrides


def test_prepared_mentions_resolve_to_the_same_entities(seed_briefing):
    analyses = list(seed_briefing.analyses.values())
    prepared: Prepared = {}
    prepare(analyses[1:], into=prepared)  # one article is still being parsed
    assert set(prepared) == {a.source for a in analyses[1:]}
    assert resolve(analyses, Overrides(), prepared=prepared) == resolve(analyses, Overrides())


def test_mentions_prepared_for_another_analysis_of_the_source_are_not_used(seed_briefing):
    analyses = list(seed_briefing.analyses.values())
    first = analyses[0]
    stale = replace(first, mentions=first.mentions[:1])  # the article before an edit
    prepared: Prepared = {first.source: (stale, article_mentions(stale))}
    assert resolve(analyses, Overrides(), prepared=prepared) == resolve(analyses, Overrides())
    assert resolve([stale, *analyses[1:]], Overrides(), prepared=prepared) != resolve(analyses, Overrides())
