"""Whether the setters a deadline's reports name are one side.

Setters on one side are one value, not a disagreement: a person and an
organisation named in one of the person's roles ("chief executive of X"), or
two setters that one source names for the same deadline (a source does not
contradict itself: "the President" in one sentence, "the X-imposed deadline"
in another).
"""

from __future__ import annotations

from generator.model import DeadlineReport, Entity
from generator.resolve.name_groups import Links


def one_side(reports: tuple[DeadlineReport, ...], names: dict[str, Entity] | None) -> bool:
    """Whether every setter the reports name is on one side (see the module docstring).

    With ``names``, only setters it knows count, and roles tie people to organisations.
    """
    setters = [s for s in dict.fromkeys(r.setter for r in reports if r.setter)
               if names is None or s in names]
    side = Links(setters)
    by_source: dict[str, set[str]] = {}
    for report in reports:
        if report.setter in side.parent:
            by_source.setdefault(report.citation.source, set()).add(report.setter)
    pairs = [(a, b) for named in by_source.values() for a in named for b in named if a < b]
    if names is not None:
        pairs += [(a, b) for a in setters for b in setters if a != b and leads(names[a], names[b])]
    for a, b in pairs:
        side.join(a, b)
    return len({side.find(s) for s in setters}) <= 1


def leads(person: Entity, organisation: Entity) -> bool:
    """A person whose role names the organisation ("X spokesman", "head of X")."""
    if person.type != "person" or organisation.type != "organization":
        return False
    names = [n.lower() for n in (organisation.name, *organisation.aliases) if len(n) > 2]
    return any(name in role.text.lower() for role in person.roles for name in names)
