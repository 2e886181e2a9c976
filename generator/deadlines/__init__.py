"""Deadlines: statements per paragraph (``find_deadlines``), merged across sources (``merge_deadlines``).

``roles`` finds setter, bound parties and consequences; ``wording`` the
demand and the quoted span; ``dates`` compares due times; ``merge`` merges the
statements: ``evidence`` scores two of them, ``clustering`` joins them into one
cluster per deadline, and ``build`` makes each cluster a ``Deadline``.
"""

from generator.deadlines.dating import deadline_windows
from generator.deadlines.find import find_deadlines
from generator.deadlines.infer import infer_due_years
from generator.deadlines.merge import merge as merge_deadlines

__all__ = ["deadline_windows", "find_deadlines", "infer_due_years", "merge_deadlines"]
