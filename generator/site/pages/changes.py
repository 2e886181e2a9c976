"""The "What changed" page: what this build adds to or changes in the previous one.

Compared with the previous build's export (``Briefing.previous``, read back
before the new one is written): new and edited articles, articles gone, new
entities, events and quotes, and deadlines whose due time moved. Ids are
stable across builds as long as names do not change, so an item counts as new
when its id (quotes: speaker and words) was not in the previous export.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from generator.model import Briefing, BuildSnapshot, Deadline, Entity, Event, Quote, Source
from generator.site.page import Page
from generator.site.timewords import value_words


@dataclass(frozen=True)
class MovedDeadline:
    """A deadline whose due time differs from the previous build's."""

    deadline: Deadline
    """The deadline as it is now."""
    before: str
    """The previous due time in words ("not stated" when there was none)."""
    now: str
    """The current due time in words."""


@dataclass(frozen=True)
class ChangesContext:
    """Context of the "What changed" page."""

    previous_built_at: str
    """When the previous build ran, or "" when there is no previous build to compare with."""
    added: list[Source] = field(default_factory=list)
    """Articles that are new since the previous build."""
    edited: list[Source] = field(default_factory=list)
    """Articles whose text or metadata changed."""
    removed: list[str] = field(default_factory=list)
    """Titles (or file names) of articles that are gone."""
    entities: list[Entity] = field(default_factory=list)
    """Entities that are new, most mentioned first."""
    events: list[Event] = field(default_factory=list)
    """Events that are new."""
    quotes: list[Quote] = field(default_factory=list)
    """Quotes that are new."""
    moved: list[MovedDeadline] = field(default_factory=list)
    """Deadlines whose due time moved."""
    more: dict[str, int] = field(default_factory=dict)
    """List name ("added", "events", ...) -> rows left out by ``LIST_LIMIT``."""

    @property
    def nothing(self) -> bool:
        """True when nothing changed."""
        return not (self.added or self.edited or self.removed or self.entities or self.events
                    or self.quotes or self.moved)


def plan_changes_page(briefing: Briefing) -> Page:
    """The changes page against ``briefing.previous`` (a first build lists nothing)."""
    before = briefing.previous
    if before is None:
        return Page("changes.md", "changes.md.j2", ChangesContext(""))
    return Page("changes.md", "changes.md.j2", capped(compare(before, briefing)))


LISTS = ("added", "edited", "removed", "entities", "events", "quotes", "moved")
"""The lists of ``ChangesContext``."""
LIST_LIMIT = 50
"""Most rows per list: a build that adds a thousand articles must not make a page of them all
(the indexes list everything); the page says how many it leaves out."""


def capped(context: ChangesContext, limit: int = LIST_LIMIT) -> ChangesContext:
    """``context`` with each list cut to its first ``limit`` rows, the rest counted in ``more``."""
    lists = {name: getattr(context, name) for name in LISTS}
    more = {name: len(rows) - limit for name, rows in lists.items() if len(rows) > limit}
    return replace(context, more=more, **{name: rows[:limit] for name, rows in lists.items()})


def compare(before: BuildSnapshot, briefing: Briefing) -> ChangesContext:
    """What the briefing has that the snapshot of the previous build had not."""
    ok = [s for s in briefing.sources if s.status == "ok"]
    current = {s.id for s in ok}
    return ChangesContext(
        previous_built_at=before.built_at or "an earlier build",
        added=[s for s in ok if s.id not in before.sources],
        edited=[s for s in ok if before.sources.get(s.id) not in (None, s.revision)],
        removed=sorted(t for sid, t in before.source_titles.items()
                       if sid in before.sources and sid not in current),
        entities=sorted((e for e in briefing.entities if e.id not in before.entities),
                        key=lambda e: (-len(e.mentions), e.name)),
        events=[e for e in briefing.events if e.id not in before.events],
        quotes=[q for q in briefing.quotes if (q.speaker or "", q.text) not in before.quotes],
        moved=_moved(before, briefing.deadlines),
    )


def _moved(before: BuildSnapshot, deadlines: list[Deadline]) -> list[MovedDeadline]:
    moved = []
    for deadline in deadlines:
        old = before.deadline_dues.get(deadline.id)
        new = deadline.due.value if deadline.due else ""
        if old is not None and old != new:
            moved.append(MovedDeadline(deadline, _words(old), _words(new)))
    return moved


def _words(value: str) -> str:
    return value_words(value) if value else "not stated"
