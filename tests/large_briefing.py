"""A large hand-built Briefing (no spaCy): many sources, stories, actors, deadlines and statements.

Big enough that printing everything takes far more than 80 pages, so the default
PDF's page bound has something to bound. Deterministic; names are invented.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from generator.model import (
    ArticleAnalysis,
    Briefing,
    Citation,
    Deadline,
    DeadlineReport,
    Entity,
    Event,
    Mention,
    ReportedStatement,
    Role,
    Sentence,
    Source,
    Story,
    TimeExpression,
)

FIRST = "Alma Bruno Cira Dario Edda Fausto Gilda Ivo Lia Mauro Nives Oreste".split()
LAST = "Abete Borra Cerro Dolce Ferro Gallo Lauro Marra Nardo Orzo Pace Rocca".split()
ORGS = [f"{w} {k}" for w in ("Northern", "Coastal", "United", "Federal", "Civic", "Valley")
        for k in ("Council", "Agency", "Union", "Bank", "League")]
PLACES = "Arlon Bexley Corran Dunmore Elstow Fenwick".split()
STORY_SIZE = 5


def _people() -> list[str]:
    return [f"{a} {b}" for a, b in itertools.product(FIRST, LAST)]


def _article(n: int, people: list[str]) -> tuple[str, list[str]]:
    """The text of article n and its sentences; each names three people, an organisation, a place."""
    a, b, c = (people[(n * 7 + k * 13) % len(people)] for k in range(3))
    org, place = ORGS[n % len(ORGS)], PLACES[n % len(PLACES)]
    sentences = [
        f"{a} met {b} of the {org} in {place} on Monday to discuss the dispute number {n}.",
        f"{a} said the {org} would reject any settlement that ignored the claims of {place}.",
        f"{b} demanded that {c} agree to a ceasefire by Friday or face sanctions number {n}.",
        f"{c} denied that the {org} had broken the agreement signed in {place} last year.",
        f"Officials in {place} said further talks between {a} and {c} were planned for next week.",
        f"The {org} warned that the talks on dispute number {n} could collapse before the deadline.",
    ]
    return " ".join(sentences), sentences


def _sentences(text: str, parts: list[str]) -> tuple[Sentence, ...]:
    out, cursor = [], 0
    for i, part in enumerate(parts):
        start = text.index(part, cursor)
        out.append(Sentence(i, start, start + len(part), 0))
        cursor = start + len(part)
    return tuple(out)


def _mentions(source: str, text: str, sentences, names: list[str], label: str) -> list[Mention]:
    found = []
    for name in names:
        for match in re.finditer(rf"\b{re.escape(name)}\b", text):
            sentence = next(s.index for s in sentences if s.start <= match.start() < s.end)
            found.append(Mention(source, match.start(), match.end(), name, label, sentence))
    return found


def _cite(source: Source, sentence: Sentence) -> Citation:
    return Citation(source.id, sentence.start, sentence.end, source.text[sentence.start:sentence.end],
                    sentence.index)


def large_briefing(count: int = 300) -> Briefing:
    """``count`` articles in stories of five, with people, organisations, places, events,
    deadlines and reported statements drawn from them."""
    people = _people()
    sources, analyses, by_name = [], {}, {}
    for n in range(count):
        text, parts = _article(n, people)
        source = Source(f"a{n:04d}", f"a{n:04d}.txt", "ok", title=f"Dispute number {n} deepens",
                        outlet="The Gazette", published=dt.date(2025, 1, 1) + dt.timedelta(days=n // 3),
                        text=text, paragraphs=((0, len(text)),), content_hash=str(n))
        sentences = _sentences(text, parts)
        sources.append(source)
        analyses[source.id] = ArticleAnalysis(source.id, str(n), sentences, ())
        for names, label in ((people, "PERSON"), (ORGS, "ORG"), (PLACES, "GPE")):
            for m in _mentions(source.id, text, sentences, names, label):
                by_name.setdefault((m.text, label), []).append(m)
    entities = _entities(by_name, sources, analyses)
    stories = [Story(f"story-{k + 1}", f"Dispute number {k * STORY_SIZE} deepens",
                     tuple(s.id for s in sources[k * STORY_SIZE:(k + 1) * STORY_SIZE]))
               for k in range(count // STORY_SIZE)]
    return Briefing("Briefing", sources, analyses, entities, events=_events(sources, analyses, stories),
                    deadlines=_deadlines(sources, analyses, entities),
                    statements=_statements(sources, analyses, entities), stories=stories,
                    built_at=dt.datetime(2025, 6, 1, 12, tzinfo=dt.timezone.utc))


def _entities(by_name: dict, sources: list[Source], analyses: dict) -> list[Entity]:
    kinds = {"PERSON": "person", "ORG": "organization", "GPE": "place"}
    by_id = {s.id: s for s in sources}
    entities = []
    for (name, label), mentions in sorted(by_name.items()):
        first = mentions[0]
        sentence = analyses[first.source].sentences[first.sentence]
        roles = (Role(f"envoy of the {ORGS[len(name) % len(ORGS)]}", _cite(by_id[first.source], sentence)),) \
            if label == "PERSON" else ()
        entities.append(Entity(re.sub(r"\W+", "-", name.lower()), name, kinds[label], (),
                               tuple(mentions), roles))
    return entities


def _events(sources: list[Source], analyses: dict, stories: list[Story]) -> list[Event]:
    story_of = {sid: st.id for st in stories for sid in st.sources}
    return [Event(f"meeting-{n}", f"Meeting number {n}", "meeting", (), None, None,
                  (_cite(s, analyses[s.id].sentences[0]),), story=story_of.get(s.id, ""))
            for n, s in enumerate(sources)]


def _deadlines(sources: list[Source], analyses: dict, entities: list[Entity]) -> list[Deadline]:
    people = [e for e in entities if e.type == "person"]
    out = []
    for n, source in enumerate(sources[::2]):
        sentence = analyses[source.id].sentences[2]
        due = TimeExpression(sentence.start, sentence.end, "Friday", "DATE", "2025-08-08")
        reports = tuple(DeadlineReport(_cite(s, analyses[s.id].sentences[2]), due, "a ceasefire by Friday")
                        for s in sources[n * 2:n * 2 + 6])
        out.append(Deadline(f"deadline-{n}", f"Deadline number {n}: agree to a ceasefire",
                            people[n % len(people)].id, (people[(n + 1) % len(people)].id,),
                            "agree to a ceasefire", ("sanctions",), due, "upcoming", reports))
    return out


def _statements(sources: list[Source], analyses: dict, entities: list[Entity]) -> list[ReportedStatement]:
    speakers = {m.text: e.id for e in entities for m in e.mentions[:1]}
    out = []
    for n, source in enumerate(sources):
        sentence = analyses[source.id].sentences[3]
        speaker = source.text[sentence.start:sentence.end].split(" denied")[0]
        out.append(ReportedStatement(f"st-{n}", speakers[speaker], "indirect", "denied",
                                     source.text[sentence.start:sentence.end].split(" denied ")[1],
                                     (_cite(source, sentence),)))
    return out
