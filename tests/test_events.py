"""Events: triggers and arguments from the parse, merging across sources, event pages."""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import replace

import pytest

from generator.events import find_events, merge_events
from generator.events.stories import story_ids
from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Entity,
    EventCandidate,
    Mention,
    Sentence,
    Source,
    TimeExpression,
)
from generator.nlp.parse import Segment, parse_paragraph


def paragraph_of(nlp, text: str, source_id: str = "a"):
    source = Source(source_id, f"{source_id}.txt", "ok", text=text, paragraphs=((0, len(text)),),
                    content_hash=hashlib.sha256(text.encode()).hexdigest())
    return parse_paragraph(source, Segment(0, len(text), 0, False), nlp(text), 0, None)


def words(paragraph, span):
    return paragraph.source.text[span[0] : span[1]] if span else None


@pytest.mark.parametrize(
    ("text", "kind", "participants", "place", "time"),
    [
        ("Steve Carter will visit Moscow on Sunday to discuss trade.",
         "visit", {"Steve Carter"}, "Moscow", "Sunday"),
        ("Angela Brandt held a meeting in Paris on Monday with Emmanuel Dupont.",
         "meeting", {"Angela Brandt", "Emmanuel Dupont"}, "Paris", "Monday"),
        ("Maria Lopez met with John Smith in Madrid on Friday.",
         "meeting", {"Maria Lopez", "John Smith"}, "Madrid", "Friday"),
        ("Peter Novak arrived in Warsaw on Wednesday for a two-day mission.",
         "visit", {"Peter Novak"}, "Warsaw", "Wednesday"),
        ("John Smith threatened new tariffs against Canada.",
         "threat", {"John Smith"}, None, None),
    ],
)  # fmt: skip
def test_trigger_arguments(nlp, text, kind, participants, place, time):
    paragraph = paragraph_of(nlp, text)
    found = [e for e in find_events(paragraph) if e.kind == kind]
    assert found, [e.kind for e in find_events(paragraph)]
    event = found[0]
    assert {words(paragraph, p) for p in event.participants} >= participants
    assert words(paragraph, event.place) == place
    assert (event.time.text if event.time else None) == time
    assert event.citation.text == text


@pytest.mark.parametrize(
    "text",
    [
        "Maria Lopez, who heads the national bank, spoke on Friday.",
        "John Smith has met with Maria Lopez on several occasions.",
        "There is no sign that John Smith will visit Madrid.",
        "The weather in Madrid was mild.",
        "Peace negotiations are always important.",
        "Rebels attempted to kill President Ana Ruiz in Lima on Monday.",  # tried, not done
        "The attempt to kill President Ana Ruiz in Lima failed on Monday.",
    ],
)
def test_no_event(nlp, text):
    assert find_events(paragraph_of(nlp, text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Ivan Petrov said Russia is not a threat to Europe.",
        "Jane Doe said the plan was no threat to Britain.",
        "Russia fled the threat of war in Ukraine.",
        "John Smith struggled to meet his golden rule on borrowing.",
        "Maria Lopez will meet the deadline set by Brussels.",
        "We are so excited to welcome Maria Lopez to the Madrid team.",
        "John Smith warned Russia against an attack on Ukraine.",
        "The prime minister ruled out a meeting with John Smith.",
        "Maria Lopez fears an attack by Russia.",
        "The minister visited Madrid on Friday.",
        "The gunman fired shots at the crowd in Madrid.",
        "Maria Lopez killed the bill on Friday.",
    ],
)  # fmt: skip
def test_trigger_out_of_sense_or_without_participant_gives_no_event(nlp, text):
    assert find_events(paragraph_of(nlp, text)) == []


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Maria Lopez welcomed John Smith to Madrid on Friday.", "meeting"),
        ("Russia launched an attack on Ukraine on Monday.", "attack"),
        ("John Smith met Maria Lopez in Madrid on Friday.", "meeting"),
        ("The Madrid Lions fired coach Pedro Alvarez on Saturday.", "dismissal"),
        ("Police arrested Maria Lopez in Madrid on Tuesday.", "arrest"),
        ("John Smith resigned as chairman of Acme on Monday.", "resignation"),
    ],
)  # fmt: skip
def test_trigger_in_sense_gives_an_event(nlp, text, kind):
    assert [e.kind for e in find_events(paragraph_of(nlp, text))] == [kind]


def test_earlier_occurrence_is_marked(nlp):
    text = "During his last visit to Rome in April, John Smith met Maria Lopez."
    paragraph = paragraph_of(nlp, text)
    aspects = {e.kind: e.aspect for e in find_events(paragraph)}
    assert aspects == {"visit": "earlier", "meeting": "earlier"}


# --- merging, on hand-built data ------------------------------------------------------------


def _source(source_id: str, text: str) -> Source:
    return Source(source_id, f"{source_id}.txt", "ok", text=text, paragraphs=((0, len(text)),))


def _mention(source: str, text: str, name: str, label: str) -> Mention:
    start = text.index(name)
    return Mention(source, start, start + len(name), name, label, 0)


def _candidate(source: str, text: str, kind: str, people: list[str], place: str | None,
               time: tuple[str, str] | None = None) -> EventCandidate:
    def span(name):
        return (text.index(name), text.index(name) + len(name))

    when = None
    if time:
        start = text.index(time[0])
        when = TimeExpression(start, start + len(time[0]), time[0], "DATE", time[1])
    return EventCandidate(kind, kind, Citation(source, 0, len(text), text, 0),
                          tuple(span(p) for p in people), span(place) if place else None, when)


def _briefing(articles: list[tuple[str, str, list[EventCandidate]]]) -> Briefing:
    sources = [_source(sid, text) for sid, text, _ in articles]
    analyses = {sid: ArticleAnalysis(sid, "", (Sentence(0, 0, len(text), 0),), (),
                                     events=tuple(events)) for sid, text, events in articles}
    mentions: dict[tuple[str, str], list[Mention]] = {}
    for sid, text, _ in articles:
        for name, label in (("Ann Lee", "PERSON"), ("Rome", "GPE"), ("Bo Chan", "PERSON")):
            if name in text:
                mentions.setdefault((name, label), []).append(_mention(sid, text, name, label))
    entities = [Entity(name.lower().replace(" ", "-"), name,
                       "place" if label == "GPE" else "person", (), tuple(found))
                for (name, label), found in mentions.items()]
    return Briefing("t", sources, analyses, entities)


def test_a_place_taking_part_is_the_place_of_an_event_that_reports_none():
    text = "Ann Lee checked into a Rome clinic for a stay."
    briefing = _briefing([("a", text, [_candidate("a", text, "visit", ["Ann Lee", "Rome"], None)])])
    (event,) = merge_events(briefing)
    assert (event.title, event.place, event.participants) == ("Visit to Rome", "rome", ("ann-lee",))


def test_same_visit_in_two_articles_merges():
    a = "Ann Lee will visit Rome on Sunday."
    b = "Ann Lee arrived in Rome with Bo Chan."
    briefing = _briefing([
        ("a", a, [_candidate("a", a, "visit", ["Ann Lee"], "Rome", ("Sunday", "XXXX-WXX-7"))]),
        ("b", b, [_candidate("b", b, "visit", ["Ann Lee", "Bo Chan"], "Rome")]),
    ])
    events = merge_events(briefing)
    merged = [(e.title, {c.source for c in e.citations}) for e in events]
    assert merged == [("Visit to Rome", {"a", "b"})]
    assert events[0].participants[0] == "ann-lee"
    assert events[0].date is None and [t.text for t in events[0].stated_times] == ["Sunday"]


def test_same_participants_different_dates_stay_apart():
    people = ["Ann Lee", "Bo Chan"]
    a = "Ann Lee met Bo Chan in Rome on 2025-08-06."
    b = "Ann Lee met Bo Chan in Rome on 2025-12-02."
    briefing = _briefing([
        ("a", a, [_candidate("a", a, "meeting", people, "Rome", ("2025-08-06", "2025-08-06"))]),
        ("b", b, [_candidate("b", b, "meeting", people, "Rome", ("2025-12-02", "2025-12-02"))]),
    ])
    events = merge_events(briefing)
    assert [e.date.value for e in events] == ["2025-08-06", "2025-12-02"]
    assert len({e.id for e in events}) == 2


def _dated(briefing: Briefing, published: dict[str, dt.date]) -> Briefing:
    briefing.sources = [replace(s, published=published.get(s.id)) for s in briefing.sources]
    return briefing


def test_announcements_months_apart_stay_two_events():
    a = "Ann Lee announced a new plan in Rome."
    b = "Ann Lee announced the plan in Rome."
    briefing = _dated(_briefing([
        ("a", a, [_candidate("a", a, "announcement", ["Ann Lee"], "Rome")]),
        ("b", b, [_candidate("b", b, "announcement", ["Ann Lee"], "Rome")]),
    ]), {"a": dt.date(2025, 3, 4), "b": dt.date(2025, 9, 30)})
    assert len(merge_events(briefing, story_ids([("a", "b")]))) == 2
    soon = _dated(briefing, {"a": dt.date(2025, 3, 4), "b": dt.date(2025, 3, 6)})
    assert len(merge_events(soon, story_ids([("a", "b")]))) == 1


def test_one_articles_reports_of_one_trip_are_one_event():
    text = "Ann Lee will travel to Rome on Tuesday. Ann Lee said the visit to Rome matters now."
    tuesday = _candidate("a", text, "visit", ["Ann Lee"], "Rome", ("Tuesday", "XXXX-WXX-2"))
    start = text.index("Ann Lee said")
    now = replace(_candidate("a", text[start:], "visit", ["Ann Lee"], "Rome", ("now", "PRESENT_REF")),
                  participants=((start, start + 7),), place=(text.rindex("Rome"), text.rindex("Rome") + 4),
                  time=TimeExpression(text.index("now"), text.index("now") + 3, "now", "DATE", "PRESENT_REF"))
    briefing = _briefing([("a", text, [tuesday, now])])
    briefing.entities = [replace(e, mentions=e.mentions + (_second(e, text),)) for e in briefing.entities]
    events = merge_events(briefing)
    assert len(events) == 1 and {t.text for t in events[0].stated_times} == {"Tuesday", "now"}


def _second(entity: Entity, text: str) -> Mention:
    """The entity's second mention in ``text``."""
    start = text.index(entity.name, text.index(entity.name) + 1)
    return Mention("a", start, start + len(entity.name), entity.name, "PERSON", 0)


@pytest.mark.parametrize(("kind_a", "kind_b", "merged"), [
    ("meeting", "talks", True),
    ("visit", "meeting", False),
    ("attack", "threat", False),
])
def test_trigger_families(kind_a, kind_b, merged):
    a = "Ann Lee met Bo Chan in Rome."
    b = "Ann Lee and Bo Chan held talks in Rome."
    briefing = _briefing([
        ("a", a, [_candidate("a", a, kind_a, ["Ann Lee", "Bo Chan"], "Rome")]),
        ("b", b, [_candidate("b", b, kind_b, ["Ann Lee", "Bo Chan"], "Rome")]),
    ])
    assert (len(merge_events(briefing)) == 1) is merged


# --- the seeds ---------------------------------------------------------------------------------


def _events_from(briefing, source_prefix):
    return [e for e in briefing.events
            if any(c.source.startswith(source_prefix) for c in e.citations)]


def test_seed_august_visit_is_one_event_apart_from_the_later_one(seed_briefing):
    august = [e for e in seed_briefing.events if e.kind == "visit" and e.place == "moscow"
              and any(c.source.startswith("000") for c in e.citations)]
    assert len(august) == 1
    sources = {c.source[:3] for c in august[0].citations}
    assert {"000", "001", "003"} <= sources
    assert "002" not in sources
    later = [e for e in _events_from(seed_briefing, "002")
             if e.kind == "visit" and e.place in ("moscow", "russia")]
    assert later and all(e.id != august[0].id for e in later)
    assert august[0].date is None and {t.text for t in august[0].stated_times} >= {"Sunday"}


@pytest.mark.parametrize(("place", "participants"), [
    ("miami", set()),
    ("istanbul", {"russia", "ukraine"}),
    ("paris", {"emmanuel-macron"}),
])
def test_seed_meetings(seed_briefing, place, participants):
    found = [e for e in seed_briefing.events if e.place == place and e.kind in ("meeting", "talks")]
    assert len(found) == 1
    assert participants <= set(found[0].participants) and found[0].participants


def test_seed_event_pages_and_timeline(seed_briefing):
    from generator.site.linker import Linker
    from generator.site.pages.events import plan_event_pages
    from generator.site.render import render_pages

    pages = render_pages(plan_event_pages(seed_briefing), Linker(seed_briefing))
    assert "timeline.md" in pages and "events/index.md" in pages
    visit = next(e for e in seed_briefing.events if e.title == "Visit to Moscow")
    text = pages[f"events/{visit.id}.md"]
    assert "date not resolved" in text and "“Sunday”" in text and "## Sources" in text
    assert "## Date not resolved" in pages["timeline.md"]


# --- event pages: quotes and story tags, on hand-built data ----------------------------------

QUOTE_PARAGRAPHS = [
    ["Ann Lee arrived in Rome on Monday.", "“We came to talk about the harbour,” Ann Lee said.",
     "Bo Chan welcomed the visit.", "“Nothing is agreed yet, we will see,” Bo Chan said."],
    ["“Talks will go on next week,” an aide said."],
]
QUOTE_SPEAKERS = {1: "ann-lee", 3: "bo-chan", 4: None}
"""Sentence index -> speaker of the quote it holds."""


def _quote_briefing(story_title: str = "Harbour talks") -> Briefing:
    from generator.model import Quote, Story

    text = "\n".join(" ".join(p) for p in QUOTE_PARAGRAPHS)
    sentences, cursor = [], 0
    for number, paragraph in enumerate(QUOTE_PARAGRAPHS):
        for sentence in paragraph:
            sentences.append(Sentence(len(sentences), cursor, cursor + len(sentence), number))
            cursor += len(sentence) + 1
    cite = {s.index: Citation("a", s.start, s.end, text[s.start:s.end], s.index) for s in sentences}
    quotes = [Quote(f"q{i}", cite[i].text.split("”")[0].lstrip("“"), speaker, (cite[i],))
              for i, speaker in QUOTE_SPEAKERS.items()]
    entities = [Entity(name.lower().replace(" ", "-"), name, "person", (),
                       (Mention("a", text.index(name), text.index(name) + len(name), name, "PERSON", 0),))
                for name in ("Ann Lee", "Bo Chan")]
    source = Source("a", "a.txt", "ok", title="Harbour visit", text=text)
    other = Source("b", "b.txt", "ok", title="Other", text=text)
    analyses = {sid: ArticleAnalysis(sid, "", tuple(sentences), ()) for sid in ("a", "b")}
    return Briefing("t", [source, other], analyses, entities, quotes=quotes,
                    stories=[Story("story-1", story_title, ("a",))])


def _event_at(briefing: Briefing, source: str, indexes: tuple[int, ...]):
    from generator.model import Event

    sentences = {s.index: s for s in briefing.analyses[source].sentences}
    text = briefing.sources[0].text
    citations = tuple(Citation(source, sentences[i].start, sentences[i].end,
                               text[sentences[i].start:sentences[i].end], i) for i in indexes)
    return Event("visit-to-rome", "Visit to Rome", "visit", ("ann-lee",), None, None, citations,
                 story="story-1")


@pytest.mark.parametrize(("source", "event_sentences", "quotes"), [
    ("a", (0,), ["q1"]),          # quote in the sentence right after, same paragraph
    ("a", (1,), ["q1"]),          # quote in the event's own sentence; the next has none
    ("a", (2,), ["q3"]),
    ("a", (3,), ["q3"]),          # the next sentence is in the next paragraph: not its quote
    ("a", (0, 4), ["q1", "q4"]),
    ("b", (0,), []),              # same sentence index, other source
])  # fmt: skip
def test_event_page_quotes(source, event_sentences, quotes):
    from generator.site.pages.events import event_context

    briefing = _quote_briefing()
    context = event_context(_event_at(briefing, source, event_sentences), briefing)
    assert [q.id for q in context.quotes] == quotes


def test_event_page_shows_quotes_with_speakers_citations_and_story_tag():
    from generator.site.linker import Linker
    from generator.site.page import Page
    from generator.site.pages.events import event_context, source_story_tags
    from generator.site.render import render_pages

    briefing = _quote_briefing("Talks & <b>ports</b>")
    event = _event_at(briefing, "a", (0, 3, 4))
    page = Page(f"events/{event.id}.md", "event.md.j2", event_context(event, briefing))
    text = render_pages([page], Linker(briefing))[page.path]
    quotes = text.split("## Quotes")[1].split("##")[0]
    assert "“We came to talk about the harbour,”: [Ann Lee](../people/ann-lee.md)" in quotes
    assert "[Bo Chan](../people/bo-chan.md)" in quotes and "(speaker not stated)" in quotes
    assert all(f"(../sources/a.md#s-{i} " in quotes for i in (1, 3, 4))
    assert "tags:\n- Event\n- Story 1\n" in text
    assert source_story_tags(briefing, "a") == ["Story 1"]
    assert source_story_tags(briefing, "b") == []


def test_event_measure_against_gold_action_chains():
    from generator.evaluation import events as measure
    from generator.evaluation.ecbplus import Document, GoldMention

    a, b = "Ann Lee will visit Rome on Sunday.", "Ann Lee arrived in Rome with Bo Chan."
    briefing = _briefing([
        ("a", a, [_candidate("a", a, "visit", ["Ann Lee"], "Rome", ("Sunday", "XXXX-WXX-7"))]),
        ("b", b, [replace(_candidate("b", b, "visit", ["Ann Lee", "Bo Chan"], "Rome"), trigger="arrived")]),
    ])
    briefing.events = merge_events(briefing)
    docs = []
    for name, text, word in (("a", a, "visit"), ("b", b, "arrived")):
        start = text.index(word)
        gold = GoldMention(f"{name}.xml", "ACTION_OCCURRENCE", start, start + len(word), word, 0,
                           "trip", True)
        docs.append(Document(f"{name}.xml", 1, "ecb", text, mentions=[gold], scored=frozenset({0})))
    ours = measure.event_scores(docs, measure.trigger_events(briefing))
    assert (ours.merge, ours.covered, ours.main) == ((1.0, 1.0, 1.0), 1.0, 1.0)
    baseline = measure.event_scores(docs, measure.same_trigger_baseline(briefing))
    assert baseline.merge[1] == 0.5 and baseline.main == 0.5
