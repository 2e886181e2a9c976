"""Evaluation measures: B-cubed for coreference, TempEval-3 scores for time expressions.

Nothing here knows a corpus; ``scripts/evaluate.py`` reads gold files and runs
the pipeline, these functions only compare.

Coreference (``b_cubed``, Bagga & Baldwin 1998): per mention, precision is the
share of its predicted cluster that is also in its gold cluster, recall the
share of its gold cluster that is also in its predicted cluster. Precision is
averaged over predicted mentions, recall over gold mentions; a mention found on
one side only counts as a singleton on the other, so missed mentions cost
recall and spurious mentions merged into a cluster cost precision.
``align_spans`` maps predicted mentions onto gold ones (same offsets, else
overlapping spans with the same head word) so both sides share keys.

Time expressions (``timex_counts``, UzZaman et al. 2013, TempEval-3): a strict
match has the same offsets, a relaxed match overlaps; each gold expression
matches at most one prediction. Value accuracy is the share of relaxed matches
with the gold TIMEX3 value; value precision and recall are value-correct matches
over predictions and over gold expressions (relaxed F1 times value accuracy).
``read_timeml`` reads a TempEval-3 ``.tml`` file.
"""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import astuple, dataclass
from pathlib import Path
from typing import NamedTuple, Protocol, TypeVar

from generator.knowledge.names import normalise

K = TypeVar("K", bound=Hashable)
_HEAD = re.compile(r"\w+")


class Span(NamedTuple):
    """A stretch of one document: the key mentions and quotes are compared by."""

    source: str
    start: int
    end: int
    text: str = ""


class GoldTimex(NamedTuple):
    """A TIMEX3 of a gold document; the first three fields are (start, end, value)."""

    start: int
    end: int
    value: str
    type: str = ""
    text: str = ""


class _Named(Protocol):
    source: str
    start: int
    end: int
    text: str


def prf(correct: float, predicted: float, gold: float) -> tuple[float, float, float]:
    """Precision, recall and F1 from counts (0.0 where a denominator is 0)."""
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    return precision, recall, f1(precision, recall)


def f1(precision: float, recall: float) -> float:
    """Harmonic mean of precision and recall."""
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def b_cubed(gold: Mapping[K, Hashable], predicted: Mapping[K, Hashable]) -> tuple[float, float, float]:
    """B-cubed precision, recall and F1 of a clustering.

    Args:
        gold: Mention key -> gold cluster id.
        predicted: Mention key -> predicted cluster id (keys aligned to gold ones).

    Returns:
        (precision, recall, f1); all 0.0 when either side is empty.
    """
    if not gold or not predicted:
        return 0.0, 0.0, 0.0
    precision, recall = _average_share(predicted, gold), _average_share(gold, predicted)
    return precision, recall, f1(precision, recall)


def _average_share(side: Mapping[K, Hashable], other: Mapping[K, Hashable]) -> float:
    """Mean over ``side``'s mentions of the share of their cluster that ``other`` puts with them
    (a mention ``other`` lacks is a singleton there)."""
    own, theirs = _members(side), _members(other)
    total = 0.0
    for key, cluster_id in side.items():
        cluster = own[cluster_id]
        together = theirs[other[key]] if key in other else {key}
        total += len(cluster & together) / len(cluster)
    return total / len(side)


def _members(clusters: Mapping[K, Hashable]) -> dict[Hashable, set[K]]:
    members: dict[Hashable, set[K]] = defaultdict(set)
    for key, cluster_id in clusters.items():
        members[cluster_id].add(key)
    return members


def exact_string_baseline(mentions: Iterable[_Named]) -> dict[Span, str]:
    """Cluster mentions by their normalised text alone ("US" and "U.S." agree, "Doe" and
    "Jane Doe" do not)."""
    return {Span(m.source, m.start, m.end, m.text): normalise(m.text) for m in mentions}


def head_word(text: str) -> str:
    """Last word of a name, lower case: the head of an English proper noun phrase."""
    words = _HEAD.findall(text.lower())
    return words[-1] if words else ""


def align_spans(gold: Sequence[Span], predicted: Sequence[Span]) -> dict[Span, Span]:
    """Predicted span -> the gold span it stands for, one to one.

    Exact offsets match first; then a predicted span overlapping a gold span in
    the same source with the same head word ("President Jane Doe" for
    "Jane Doe"). Unaligned predictions are left out.
    """
    by_offsets = {(g.source, g.start, g.end): g for g in gold}
    aligned: dict[Span, Span] = {}
    for p in predicted:
        exact = by_offsets.get((p.source, p.start, p.end))
        if exact is not None:
            aligned[p] = exact
    taken = set(aligned.values())
    for p in predicted:
        if p in aligned:
            continue
        match = next((g for g in gold if g not in taken and overlaps(g, p)
                      and head_word(g.text) == head_word(p.text)), None)
        if match is not None:
            aligned[p] = match
            taken.add(match)
    return aligned


def overlaps(a: Span, b: Span) -> bool:
    """True when two spans of the same source share a character."""
    return a.source == b.source and a.start < b.end and b.start < a.end


def rekey(predicted: Mapping[Span, K], aligned: Mapping[Span, Span]) -> dict[Span, K]:
    """Predicted clusters keyed by the aligned gold span where there is one."""
    return {aligned.get(span, span): cluster for span, cluster in predicted.items()}


def restrict(clusters: Mapping[K, Hashable], keys: set | None) -> dict[K, Hashable]:
    """Only the mentions in ``keys`` (all of them when ``keys`` is None): B-cubed over the
    mentions both sides found measures the resolution alone, not mention detection."""
    return {k: c for k, c in clusters.items() if keys is None or k in keys}


@dataclass(frozen=True)
class TimexCounts:
    """Counts behind the TempEval-3 scores; add them up over documents."""

    gold: int = 0
    predicted: int = 0
    strict: int = 0
    relaxed: int = 0
    value_correct: int = 0
    type_correct: int = 0

    def __add__(self, other: TimexCounts) -> TimexCounts:
        return TimexCounts(*(a + b for a, b in zip(astuple(self), astuple(other), strict=True)))

    def scores(self) -> dict[str, float]:
        """Strict and relaxed span P/R/F1, value and type accuracy, value P/R/F1, and the counts."""
        out: dict[str, float] = dict(vars(self))
        for name, correct in (("strict", self.strict), ("relaxed", self.relaxed),
                              ("value", self.value_correct)):
            p, r, f = prf(correct, self.predicted, self.gold)
            out.update({f"{name}_precision": p, f"{name}_recall": r, f"{name}_f1": f})
        out["value_accuracy"] = self.value_correct / self.relaxed if self.relaxed else 0.0
        out["type_accuracy"] = self.type_correct / self.relaxed if self.relaxed else 0.0
        return out


class _Timex(Protocol):
    start: int
    end: int
    value: str


def match_timexes(gold: Sequence[tuple], predicted: Sequence[_Timex]) -> list[tuple[tuple, _Timex | None]]:
    """Each gold (start, end, value, ...) with its relaxed match (exact offsets preferred) or None."""
    free = list(predicted)
    pairs: list[tuple[tuple, _Timex | None]] = []
    for g in gold:
        start, end = g[0], g[1]
        overlapping = [p for p in free if p.start < end and start < p.end]
        best = next((p for p in overlapping if (p.start, p.end) == (start, end)),
                    overlapping[0] if overlapping else None)
        if best is not None:
            free.remove(best)
        pairs.append((g, best))
    return pairs


def timex_counts(gold: Sequence[tuple], predicted: Sequence[_Timex]) -> TimexCounts:
    """Match counts of predicted time expressions against gold (start, end, value[, type]) tuples."""
    pairs = [(g, p) for g, p in match_timexes(gold, predicted) if p is not None]
    return TimexCounts(
        gold=len(gold),
        predicted=len(predicted),
        strict=sum((p.start, p.end) == (g[0], g[1]) for g, p in pairs),
        relaxed=len(pairs),
        value_correct=sum(p.value == g[2] for g, p in pairs),
        type_correct=sum(len(g) > 3 and getattr(p, "type", None) == g[3] for g, p in pairs),
    )


def timex_scores(gold: Sequence[tuple], predicted: Sequence[_Timex]) -> dict[str, float]:
    """TempEval-3 scores of one document (see ``TimexCounts.scores``)."""
    return timex_counts(gold, predicted).scores()


def read_timeml(path: str | Path) -> tuple[str, dt.date | None, list[GoldTimex]]:
    """Text, creation date and TIMEX3s of a TimeML (TempEval-3 ``.tml``) file.

    The text is the content of ``<TEXT>`` with every tag removed (the whole
    document when there is no TEXT element); offsets index into it. The DCT is
    the TIMEX3 with ``functionInDocument="CREATION_TIME"``.

    Raises:
        ValueError: the file is not well-formed XML.
    """
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as err:
        raise ValueError(f"{path}: not a TimeML file: {err}") from err
    body = root.find(".//TEXT")
    parts: list[str] = []
    found: list[GoldTimex] = []
    _walk(body if body is not None else root, parts, found, top=True)
    return "".join(parts), _creation_date(root), found


def _walk(element: ET.Element, parts: list[str], found: list[GoldTimex], top: bool = False) -> None:
    start = sum(map(len, parts))
    if not top and element.get("functionInDocument") == "CREATION_TIME":
        return  # the DCT is metadata, not text
    parts.append(element.text or "")
    for child in element:
        _walk(child, parts, found)
        parts.append(child.tail or "")
    if element.tag == "TIMEX3":
        end = sum(map(len, parts))
        text = "".join(parts)[start:end]
        found.append(GoldTimex(start, end, element.get("value", ""), element.get("type", ""), text))


def _creation_date(root: ET.Element) -> dt.date | None:
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            try:
                return dt.date.fromisoformat(timex.get("value", "")[:10])
            except ValueError:
                return None
    return None


def attribution_counts(gold: Sequence[tuple[Span, Hashable | None]],
                       predicted: Sequence[tuple[Span, Hashable | None]]) -> dict[str, int]:
    """Quote attribution: gold quotes found (overlapping span) and correctly attributed.

    A gold quote nobody found counts as attributed to None, so it is correct
    only when the gold speaker is None too.
    """
    found = correct = 0
    for span, speaker in gold:
        match = next((who for other, who in predicted if overlaps(span, other)), _MISSING)
        found += match is not _MISSING
        correct += (None if match is _MISSING else match) == speaker
    return {"gold": len(gold), "found": found, "correct": correct}


_MISSING = object()
