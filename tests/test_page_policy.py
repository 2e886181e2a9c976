"""The page-count policy: a mention threshold, and a cap on single-article entities per article."""

from __future__ import annotations

from generator.model import Entity, Mention
from generator.site.policy import mark_pages


def entity(eid: str, *sources_and_counts: tuple[str, int]) -> Entity:
    mentions = tuple(
        Mention(src, n, n + 1, eid, "person", sentence=0)
        for src, count in sources_and_counts
        for n in range(count)
    )
    return Entity(eid, eid.title(), "person", (eid.title(),), mentions)


def pages(entities: list[Entity]) -> set[str]:
    return {e.id for e in entities if e.has_page}


def test_threshold_and_per_article_cap():
    crowd = [entity(f"p{n:03d}", ("a", 1 + n % 3)) for n in range(120)]
    shared = entity("shared", ("a", 1), ("b", 1))
    result = mark_pages([*crowd, shared], min_mentions=1, per_article=50)
    assert "shared" in pages(result)  # named in two articles: never capped
    capped = pages(result) - {"shared"}
    assert len(capped) == 50
    most = sorted(crowd, key=lambda e: (-len(e.mentions), e.name))[:50]
    assert capped == {e.id for e in most}  # the most mentioned keep their pages
    assert len(result) == 121  # nobody dropped: the rest are listed on the index page


def test_the_threshold_applies_before_the_cap():
    result = mark_pages([entity("once", ("a", 1)), entity("twice", ("a", 2))], min_mentions=2, per_article=50)
    assert pages(result) == {"twice"}


def test_caps_count_per_article():
    result = mark_pages(
        [entity(f"a{n}", ("a", 1)) for n in range(3)] + [entity(f"b{n}", ("b", 1)) for n in range(3)],
        min_mentions=1,
        per_article=2,
    )
    assert len({e for e in pages(result) if e.startswith("a")}) == 2
    assert len({e for e in pages(result) if e.startswith("b")}) == 2


def test_with_page_flag_is_replace_without_copying_what_has_the_flag():
    from dataclasses import replace

    from generator.model import Event, with_page_flag

    event = Event(id="e1", title="talks", kind="meeting", participants=(), place=None, date=None,
                  citations=(), has_page=True)
    assert with_page_flag(event, True) is event
    flagged = with_page_flag(event, False)
    assert flagged == replace(event, has_page=False) and flagged is not event
    assert event.has_page  # the original is untouched
