"""Entity pages are keyed by the digest of their inputs (``page.DeferredPage``), and a rebuild
makes the context only of a page whose inputs changed: equal inputs must mean an equal context.

Each change below alters one kind of input of ``entity_context`` in the seed briefing; for
every entity page, the context's own key (``RenderMemo.key`` of the made context) may change
only where the inputs' digest (``entity_page_inputs``) changed too, and each change does
change some page.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import replace

import pytest

from generator.model import Briefing, Citation, ReportedStatement
from generator.site.index import index_briefing
from generator.site.linker import Linker
from generator.site.memo import PageMemo
from generator.site.page import DeferredPage, Page
from generator.site.pages.entities import plan_entity_page_share
from generator.site.render_memo import RenderMemo


def keys(briefing: Briefing) -> dict[str, tuple[str, str | None]]:
    """Entity page path -> (digest of its inputs, key of its made context)."""
    index = index_briefing(briefing)
    memo = RenderMemo(None, None, Linker(briefing, index.event_targets), [], index.digests)
    pages = plan_entity_page_share(briefing, index, PageMemo())
    assert pages and all(isinstance(page, DeferredPage) for page in pages)
    return {page.path: (page.inputs, memo.key(Page(page.path, page.template, page.context)))
            for page in pages}


def most_named(briefing: Briefing, entity_type: str = "person"):
    """The entity of the type named most often (it has a page and shares sentences)."""
    return max((e for e in briefing.entities if e.type == entity_type and e.has_page),
               key=lambda e: (len(e.mentions), e.id))


def second_named(briefing: Briefing):
    """The person named second most often."""
    first = most_named(briefing)
    return max((e for e in briefing.entities if e.type == "person" and e.has_page and e is not first),
               key=lambda e: (len(e.mentions), e.id))


def with_entity(briefing: Briefing, entity, **changes) -> None:
    briefing.entities = [replace(e, **changes) if e.id == entity.id else e for e in briefing.entities]


def rename_neighbour(b: Briefing) -> None:
    with_entity(b, second_named(b), name="Renamed Person")


def mention_more(b: Briefing) -> None:
    person = most_named(b)
    with_entity(b, person, mentions=person.mentions + person.mentions[:1])


def drop_a_mention(b: Briefing) -> None:
    person = second_named(b)
    with_entity(b, person, mentions=person.mentions[1:])


def neighbour_loses_page(b: Briefing) -> None:
    with_entity(b, second_named(b), has_page=False)


def retitle_source(b: Briefing) -> None:
    source = most_named(b).mentions[0].source
    b.sources = [replace(s, title=s.title + " (updated)") if s.id == source else s for s in b.sources]


def edit_source_text(b: Briefing) -> None:
    mention = most_named(b).mentions[0]
    b.sources = [replace(s, text=s.text.replace(mention.text, mention.text.upper(), 1))
                 if s.id == mention.source else s for s in b.sources]


def move_a_sentence_bound(b: Briefing) -> None:
    mention = most_named(b).mentions[0]
    analysis = b.analyses[mention.source]
    sentences = list(analysis.sentences)
    sentence = sentences[mention.sentence]
    sentences[mention.sentence] = replace(sentence, end=sentence.end - 1)
    b.analyses = {**b.analyses, mention.source: replace(analysis, sentences=tuple(sentences))}


def new_quote(b: Briefing) -> None:
    person = second_named(b)
    mention = person.mentions[0]
    citation = Citation(mention.source, mention.start, mention.end, mention.text, mention.sentence)
    quote = replace(b.quotes[0], id="q-new", text="We will not move.", speaker=person.id,
                    citations=(citation,)) if b.quotes else None
    assert quote is not None
    b.quotes = [*b.quotes, quote]


def reword_a_quote(b: Briefing) -> None:
    speakers = {e.id for e in b.entities if e.has_page}
    quote = next(q for q in b.quotes if q.speaker in speakers)
    b.quotes = [replace(q, text=q.text + " Really.") if q is quote else q for q in b.quotes]


def new_statement(b: Briefing) -> None:
    person = second_named(b)
    mention = person.mentions[0]
    citation = Citation(mention.source, mention.start, mention.end, mention.text, mention.sentence)
    b.statements = [*b.statements, ReportedStatement("st-new", person.id, "indirect", "denied",
                                                     "the claims were true", (citation,))]


def join_an_event(b: Briefing) -> None:
    person = second_named(b)
    event = next(e for e in b.events if person.id not in e.participants)
    b.events = [replace(e, participants=(*e.participants, person.id)) if e is event else e for e in b.events]


def retitle_an_event(b: Briefing) -> None:
    person = most_named(b)
    event = next(e for e in b.events if person.id in e.participants or e.place == person.id)
    b.events = [replace(e, title=e.title + " again") if e is event else e for e in b.events]


def set_a_deadline(b: Briefing) -> None:
    deadline = b.deadlines[0]
    person = next(p for p in (most_named(b), second_named(b)) if p.id != deadline.setter)
    b.deadlines = [replace(deadline, setter=person.id), *b.deadlines[1:]]


def new_role(b: Briefing) -> None:
    person = most_named(b)
    role = replace(person.roles[0], text="acting envoy") if person.roles else None
    assert role is not None
    with_entity(b, person, roles=(*person.roles, role))


CHANGES: dict[str, Callable[[Briefing], None]] = {
    "a neighbour renamed": rename_neighbour,
    "one more mention": mention_more,
    "one mention fewer": drop_a_mention,
    "a neighbour without a page": neighbour_loses_page,
    "a source retitled": retitle_source,
    "a source's text edited": edit_source_text,
    "a sentence's bounds moved": move_a_sentence_bound,
    "a new quote": new_quote,
    "a quote reworded": reword_a_quote,
    "a new reported statement": new_statement,
    "a new event participant": join_an_event,
    "an event retitled": retitle_an_event,
    "a deadline's setter": set_a_deadline,
    "a new role": new_role,
}


@pytest.fixture(scope="module")
def before(seed_briefing):
    return keys(seed_briefing)


@pytest.mark.parametrize("change", CHANGES, ids=str)
def test_a_page_whose_inputs_are_unchanged_has_an_unchanged_context(seed_briefing, before, change):
    briefing = copy.deepcopy(seed_briefing)
    CHANGES[change](briefing)
    after = keys(briefing)
    common = set(before) & set(after)
    changed = [path for path in common if after[path][1] != before[path][1]]
    assert changed, "the change changed no page: it tests nothing"
    stale = [path for path in changed if after[path][0] == before[path][0]]
    assert stale == []


def test_an_equal_briefing_gives_equal_inputs(seed_briefing, before):
    assert keys(copy.deepcopy(seed_briefing)) == before
