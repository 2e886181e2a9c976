"""How much the printed briefing shows, and its one-page executive summary.

The default PDF is a briefing, not a dump: a ``Budget`` caps every list
(stories printed in full, key actors, deadlines, reports per deadline,
numbered references per clause), so its length does not grow with the
corpus; ``pdf.write_pdf`` tightens the budget until the document fits its
page bound. ``FULL`` lifts every cap (``briefing pdf --full``).

The executive summary opens the document: each story in one line (its
period and lead statement), the open deadlines with their due dates in
words, and the key actors with a role and a position, every line citing
its sources by S-label.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.model import Briefing, Deadline, Entity
from generator.site.pages.entity_indexes import index_row
from generator.site.pages.story_sections import OPEN_STATUSES, Position, StorySection

ACTOR_TYPES = ("person", "organization")
"""Entity types that count as actors in the brief document."""


@dataclass(frozen=True)
class Budget:
    """Caps on what the printed briefing shows (None: no cap)."""

    stories: int | None = 8
    """Stories printed in full in the Stories chapter."""
    story_lines: int | None = 30
    """Further stories listed one line each after them."""
    actors: int | None = 12
    """Entries in the Key actors chapter (people and organisations)."""
    statements: int | None = 3
    """Statements printed per key actor."""
    roles: int | None = 3
    """Roles printed per key actor."""
    quotes: int | None = 3
    """Quotes printed per key actor."""
    deadlines: int | None = 12
    """Deadlines in the Deadlines chapter, open ones first."""
    reports: int | None = 4
    """Reports printed per deadline; later ones are only cited."""
    cites: int | None = 3
    """Numbered references per clause; further sentences are counted ("+5")."""
    summary_stories: int = 5
    """Stories in the executive summary."""
    summary_deadlines: int = 4
    """Open deadlines in the executive summary."""
    summary_actors: int = 6
    """Key actors in the executive summary."""
    full: bool = False
    """True for the full document: every entity, event and source as well."""

    def tighter(self) -> Budget:
        """The same budget with every chapter cap halved (at least 1)."""
        def half(n: int | None) -> int:
            return max(1, (n if n is not None else 64) // 2)
        return replace(self, stories=half(self.stories), story_lines=half(self.story_lines),
                       actors=half(self.actors), statements=half(self.statements),
                       roles=half(self.roles), quotes=half(self.quotes), deadlines=half(self.deadlines),
                       reports=half(self.reports), cites=half(self.cites))


BRIEF = Budget()
"""The default document."""
FULL = Budget(stories=None, story_lines=0, actors=None, statements=None, roles=None, quotes=3,
              deadlines=None, reports=None, cites=None, full=True)
"""Everything (``briefing pdf --full``)."""


@dataclass(frozen=True)
class Actor:
    """A key actor in the executive summary."""

    entity: Entity
    """The person or organisation."""
    role: str
    """Its first role, else "" (the summary line then shows only the position)."""
    position: Position | None
    """What it said, demanded or denied in the leading stories, else None."""


@dataclass(frozen=True)
class Summary:
    """The executive summary."""

    stories: list[StorySection]
    """The leading stories, largest and latest first."""
    deadlines: list[Deadline]
    """Open deadlines, soonest due first."""
    actors: list[Actor]
    """Key actors, those with a stated position first."""
    more: dict[str, int] = field(default_factory=dict)
    """How many stories and open deadlines the summary leaves out."""


def open_deadlines(briefing: Briefing) -> list[Deadline]:
    """Deadlines still open, soonest resolved due date first, unresolved last."""
    def order(d: Deadline) -> tuple:
        value = d.due.value if d.due else ""
        return (not value[:1].isdigit(), value, d.title)
    return sorted((d for d in briefing.deadlines if d.status in OPEN_STATUSES), key=order)


def ranked_actors(briefing: Briefing) -> list[Entity]:
    """People and organisations, those named by most sources first (then most mentions); not a
    name several of them share (``Entity.ambiguous_with``), which is no one actor."""
    def order(e: Entity) -> tuple:
        return (-len({m.source for m in e.mentions}), -len(e.mentions), e.name)
    return sorted((e for e in briefing.entities if e.type in ACTOR_TYPES and not e.ambiguous_with), key=order)


def key_actors(briefing: Briefing, sections: list[StorySection], limit: int) -> list[Actor]:
    """Speakers of the leading stories' positions (one each), then the most named actors."""
    by_id = {e.id: e for e in briefing.entities}
    chosen: dict[str, Position | None] = {}
    for position in (p for section in sections for p in section.positions):
        speaker = position.statement.speaker
        if speaker in by_id and by_id[speaker].type in ACTOR_TYPES:
            chosen.setdefault(speaker, position)
    for entity in ranked_actors(briefing):
        if len(chosen) >= limit:
            break
        chosen.setdefault(entity.id, None)
    return [Actor(by_id[i], index_row(by_id[i]).description, p) for i, p in list(chosen.items())[:limit]]


def shortened(summary: Summary) -> Summary | None:
    """The summary one line shorter: the last line of its longest list goes (key actors,
    then open deadlines, then stories on a tie), and is counted in ``more``; None when
    every list is down to one line."""
    lists = {"actors": summary.actors, "deadlines": summary.deadlines, "stories": summary.stories}
    name, longest = max(lists.items(), key=lambda item: len(item[1]))
    if len(longest) <= 1:
        return None
    more = dict(summary.more)
    if name != "actors":
        more[name] = more.get(name, 0) + 1
    return replace(summary, **{name: longest[:-1]}, more=more)


def executive_summary(briefing: Briefing, sections: list[StorySection], budget: Budget) -> Summary:
    """The summary from the story sections already chosen for the document."""
    deadlines = open_deadlines(briefing)
    stories = sections[:budget.summary_stories]
    more = {"stories": len(briefing.stories) - len(stories),
            "deadlines": len(deadlines) - budget.summary_deadlines}
    return Summary(stories, deadlines[:budget.summary_deadlines],
                   key_actors(briefing, stories, budget.summary_actors),
                   {k: n for k, n in more.items() if n > 0})
