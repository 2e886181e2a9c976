"""A name several people share ("Ruiz" beside Ana and Tomas Ruiz, ``Entity.ambiguous_with``) is
no one actor: its statements are no story's positions, and it is no key actor of the PDF."""

from __future__ import annotations

from generator.model import Briefing, Citation, Entity, Mention, ReportedStatement, Source, Story
from generator.publish.pdf_summary import ranked_actors
from generator.site.pages.story_sections import story_sections

TEXT = "Ruiz said the plan had failed. Ana Ruiz said the talks would resume. Tomas Ruiz left."


def _entity(entity_id: str, name: str, *ambiguous_with: str) -> Entity:
    mentions = tuple(Mention(source, TEXT.index(name), TEXT.index(name) + len(name), name, "PERSON", 0)
                     for source in ("a", "b"))
    return Entity(entity_id, name, "person", (), mentions, ambiguous_with=ambiguous_with)


def _statement(statement_id: str, speaker: str, words: str) -> ReportedStatement:
    start = TEXT.index(words)
    return ReportedStatement(statement_id, speaker, "indirect", "said", words,
                             (Citation("a", start, start + len(words), words, 0),))


def _briefing() -> Briefing:
    sources = [Source(id=i, path=f"{i}.txt", status="ok", text=TEXT, paragraphs=((0, len(TEXT)),))
               for i in ("a", "b")]
    return Briefing("t", sources, {}, entities=[
        _entity("ruiz", "Ruiz", "ana-ruiz", "tomas-ruiz"), _entity("ana-ruiz", "Ana Ruiz"),
        _entity("tomas-ruiz", "Tomas Ruiz")],
        statements=[_statement("st-1", "ruiz", "the plan had failed"),
                    _statement("st-2", "ana-ruiz", "the talks would resume")],
        stories=[Story("story-1", "Talks", ("a", "b"))])


def test_a_shared_name_takes_no_position_in_a_story():
    [section] = story_sections(_briefing())
    assert [p.statement.speaker for p in section.positions] == ["ana-ruiz"]


def test_a_shared_name_is_no_key_actor():
    assert [e.id for e in ranked_actors(_briefing())] == ["ana-ruiz", "tomas-ruiz"]
