"""The default page policy: a page for entities that matter (several sources, a role and a quote)
and for deadlines several sources report."""

from __future__ import annotations

import pytest

from generator.model import (
    ArticleAnalysis,
    Citation,
    Deadline,
    DeadlineReport,
    Entity,
    Mention,
    QuoteCandidate,
    Role,
)
from generator.site.markup import deadline_page, deadline_target
from generator.site.policy import (
    mark_deadline_pages,
    mark_pages,
    quoted_entities,
    sources_for_deadline_page,
    sources_for_page,
)


def entity(eid: str, sources: tuple[str, ...], roles: tuple[Role, ...] = ()) -> Entity:
    mentions = tuple(Mention(src, 10 * n, 10 * n + 5, eid, "person", sentence=0)
                     for n, src in enumerate(sources))
    return Entity(eid, eid.title(), "person", (eid.title(),), mentions, roles)


def with_pages(entities: list[Entity], quoted: set[str] | None = None, min_sources: int = 2) -> set[str]:
    marked = mark_pages(entities, min_mentions=1, per_article=50, min_sources=min_sources, quoted=quoted)
    return {e.id for e in marked if e.has_page}


def test_named_once_without_role_or_quote_gets_no_page_but_stays_listed():
    lone, shared = entity("lone", ("a",)), entity("shared", ("a", "b"))
    marked = mark_pages([lone, shared], min_mentions=1, per_article=50, min_sources=2)
    assert {e.id for e in marked if e.has_page} == {"shared"}
    assert {e.id for e in marked} == {"lone", "shared"}  # listed on the index page all the same


def test_a_role_and_a_quote_together_earn_a_page_in_one_source():
    role = Role("harbour master", Citation("a", 0, 5, "Lone", 0))
    titled, speaker = entity("titled", ("a",), (role,)), entity("speaker", ("a",))
    titled_speaker = entity("titled_speaker", ("a",), (role,))
    assert with_pages([titled, speaker, titled_speaker], quoted={"speaker", "titled_speaker"}) == {
        "titled_speaker"}


def test_min_sources_one_keeps_the_old_rule():
    assert with_pages([entity("lone", ("a",))], min_sources=1) == {"lone"}


def test_a_role_and_a_quote_count_as_one_source_more_at_a_higher_threshold():
    role = Role("harbour master", Citation("a", 0, 5, "Lone", 0))
    actor_in_two = entity("actor_in_two", ("a", "b"), (role,))
    actor_in_one = entity("actor_in_one", ("a",), (role,))
    named_in_two = entity("named_in_two", ("a", "b"))
    named_in_three = entity("named_in_three", ("a", "b", "c"))
    marked = with_pages([actor_in_two, actor_in_one, named_in_two, named_in_three],
                        quoted={"actor_in_two", "actor_in_one"}, min_sources=3)
    assert marked == {"actor_in_two", "named_in_three"}


@pytest.mark.parametrize("articles, expected", [(0, 2), (5, 2), (999, 2), (1000, 3), (9999, 3),
                                                (10000, 4), (250000, 5)])
def test_auto_threshold_grows_by_one_source_per_tenfold_corpus(articles, expected):
    assert sources_for_page(None, articles) == expected


def test_a_threshold_set_by_the_user_is_kept_at_any_size():
    assert sources_for_page(2, 50000) == 2 and sources_for_page(5, 10) == 5
    assert sources_for_deadline_page(None) == 2 and sources_for_deadline_page(4) == 4


def test_quoted_entities_are_those_whose_mention_overlaps_the_speaker_words():
    said = QuoteCandidate(Citation("a", 30, 60, "“We stay,”", 0), speaker=(10, 15))
    analysis = ArticleAnalysis("a", "h", (), (), quotes=(said,))
    speaker, other = entity("speaker", ("b", "a")), entity("other", ("a",))  # "a" mention at 10-15 / 0-5
    assert quoted_entities([speaker, other], [analysis]) == {"speaker"}


def deadline(did: str, sources: tuple[str, ...]) -> Deadline:
    reports = tuple(DeadlineReport(Citation(src, 0, 9, "by Friday", 3), None) for src in sources)
    return Deadline(did, did, None, (), "", (), None, "unknown", reports)


def test_a_deadline_two_sources_report_gets_a_page_and_one_source_does_not():
    shared, lone = deadline("shared", ("a", "b")), deadline("lone", ("a",))
    repeated = deadline("twice", ("a", "a"))
    marked = {d.id: d for d in mark_deadline_pages([shared, lone, repeated], min_sources=2)}
    assert [d.id for d in marked.values() if d.has_page] == ["shared"]
    assert deadline_target(marked["shared"]) == deadline_page("shared")
    assert deadline_target(marked["lone"]) == ""
    assert deadline_target(marked["twice"]) == ""  # two reports, one source


def test_a_deadline_without_a_page_is_shown_as_text_with_its_citation():
    from dataclasses import replace

    from generator.site.linker import Linker
    from tests.large_briefing import large_briefing

    briefing = large_briefing(6)
    briefing.deadlines = mark_deadline_pages(briefing.deadlines, min_sources=99)
    lone = next(d for d in briefing.deadlines if not d.has_page)
    linker = Linker(briefing)
    first = lone.reports[0].citation
    shown = linker.deadline_link(lone, "index.md")
    assert shown.startswith(lone.title + " [") and f"sources/{first.source}.md#s-{first.sentence}" in shown
    assert linker.deadline_link(lone, "index.md", cited=False) == lone.title
    paged = replace(lone, has_page=True)
    assert linker.deadline_link(paged, "index.md") == f"[{lone.title}](deadlines/{lone.id}.md)"
