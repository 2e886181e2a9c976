"""TempEval-3 evaluation of the temporal tagger over a TimeBank/AQUAINT folder.

The folder holds ``.tml`` files directly or in sub-corpora (``TimeBank/``,
``AQUAINT/``); every document is tagged with ``temporal.tag`` anchored on its
DCT and scored with ``measures.timex_counts``. Figures are kept per sub-corpus
and in total, so a change that helps one part and hurts the other shows.

Errors are grouped by class so the largest classes can be fixed first:
"missed" (a gold TIMEX3 no prediction overlaps), "spurious" (a prediction no gold
TIMEX3 overlaps) and "wrong value" (a relaxed match with another value), each
keyed by TIMEX type and a rough pattern of the words (``pattern_key``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from generator.evaluation.measures import GoldTimex, TimexCounts, match_timexes, read_timeml, timex_counts
from generator.model import TimeExpression

HEIDELTIME_VALUE_F1 = 0.776
"""Published value F1 of HeidelTime on the TempEval-3 test set (UzZaman et al. 2013)."""

Tagger = Callable[..., list[TimeExpression]]

_MONTH = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?(?=\W|$)")
_WEEKDAY = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
_NUMBER = re.compile(
    r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|"
    r"forty|fifty|hundred|a few|several|a couple of)\b"
)


@dataclass(frozen=True)
class TimexError:
    """One error of the tagger on one document."""

    kind: str
    """"missed", "spurious" or "wrong value"."""
    type: str
    """TIMEX type: the gold one, or the predicted one for a spurious expression."""
    document: str
    """File name of the document."""
    text: str
    """The gold words (the predicted ones when spurious)."""
    gold: str = ""
    """Gold value ("" when spurious)."""
    predicted: str = ""
    """Predicted value and words ("" when missed)."""

    @property
    def key(self) -> tuple[str, str, str]:
        """(kind, type, pattern) that errors are grouped by."""
        return self.kind, self.type, pattern_key(self.text)


@dataclass
class Report:
    """Counts per sub-corpus and the errors of a whole folder."""

    counts: dict[str, TimexCounts] = field(default_factory=dict)
    """Sub-corpus name ("" for files directly in the folder) -> summed counts."""
    errors: list[TimexError] = field(default_factory=list)
    """Every error, in document order."""
    docs: Counter = field(default_factory=Counter)
    """Sub-corpus name -> number of documents."""
    gold_use: GoldUse = field(default_factory=lambda: GoldUse())
    """How the gold of the whole folder annotates each wording, to tell disputed errors."""

    @property
    def total(self) -> TimexCounts:
        """Counts over all documents."""
        return sum(self.counts.values(), TimexCounts())

    def worst(self, limit: int = 25) -> list[tuple[tuple[str, str, str], list[TimexError]]]:
        """The ``limit`` largest error groups, largest first."""
        groups: dict[tuple[str, str, str], list[TimexError]] = defaultdict(list)
        for error in self.errors:
            groups[error.key].append(error)
        return sorted(groups.items(), key=lambda item: (-len(item[1]), item[0]))[:limit]

    def kinds(self) -> Counter:
        """Number of errors of each kind."""
        return Counter(error.kind for error in self.errors)

    def disputed(self) -> Counter:
        """Number of errors of each kind that the gold itself contradicts elsewhere (see
        ``GoldUse.disputes``): the same words tagged our way in another place."""
        return Counter(error.kind for error in self.errors if self.gold_use.disputes(error))


@dataclass
class GoldUse:
    """How the gold annotates each wording over a whole folder: an error is disputed when the
    gold does what we did with the same words somewhere else (tags words it left untagged
    here, leaves untagged words it tagged here, or gives them a value of our shape)."""

    shapes: defaultdict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    """Lower-cased words of a gold TIMEX3 -> shapes of their values ("9999-W99") -> count."""
    texts: list[tuple[str, list[GoldTimex]]] = field(default_factory=list)
    """Every document's text with its gold, to find untagged occurrences."""

    def add(self, text: str, gold: list[GoldTimex]) -> None:
        """Record one document."""
        self.texts.append((text, gold))
        for timex in gold:
            self.shapes[_words(timex.text)][value_shape(timex.value)] += 1

    def disputes(self, error: TimexError) -> bool:
        """True when the gold handles ``error``'s words our way elsewhere."""
        words = _words(error.text)
        if error.kind == "missed":
            return self.untagged(words) > 0
        ours = value_shape(error.predicted.split(" ")[0])
        if error.kind == "spurious":
            return self.shapes[words][ours] > 0
        return ours != value_shape(error.gold) and self.shapes[words][ours] > 0

    def untagged(self, words: str) -> int:
        """How often ``words`` occur outside every gold TIMEX3."""
        pattern = re.compile(rf"(?<!\w){re.escape(words)}(?!\w)", re.IGNORECASE)
        return sum(not any(g.start < m.end() and m.start() < g.end for g in gold)
                   for text, gold in self.texts for m in pattern.finditer(text))


def _words(text: str) -> str:
    return re.sub(r"\s+", " ", text.strip(" .,")).lower()


def value_shape(value: str) -> str:
    """A TIMEX3 value with its digits as 9: "1998-W33" -> "9999-W99"."""
    return re.sub(r"\d", "9", value)


def pattern_key(text: str) -> str:
    """A rough shape of time words: digits become 9, month and weekday names and number words
    become MONTH, WEEKDAY and NUM ("Feb. 5, 1998" -> "MONTH 9, 9999")."""
    key = re.sub(r"\s+", " ", text.lower().strip())
    key = _WEEKDAY.sub("WEEKDAY", _MONTH.sub("MONTH", key))
    return re.sub(r"\d", "9", _NUMBER.sub("NUM", key))


def documents(folder: Path, parts: Collection[str] | None = None) -> Iterable[tuple[str, Path]]:
    """(sub-corpus name, path) of every ``.tml`` file in ``folder`` and its direct sub-folders
    (only the sub-folders named in ``parts`` when given)."""
    if parts is None:
        for path in sorted(folder.glob("*.tml")):
            yield "", path
    for sub in sorted(p for p in folder.iterdir() if p.is_dir() and (parts is None or p.name in parts)):
        for path in sorted(sub.glob("*.tml")):
            yield sub.name, path


def evaluate(folder: Path, tagger: Tagger, parts: Collection[str] | None = None) -> Report:
    """Tag every document of ``folder`` (or of its sub-folders named in ``parts``) and score
    it against its gold TIMEX3s.

    Raises:
        ValueError: no ``.tml`` file was found.
    """
    report = Report()
    for corpus, path in documents(folder, parts):
        text, dct, gold = read_timeml(path)
        predicted = tagger(text, dct)
        report.counts[corpus] = report.counts.get(corpus, TimexCounts()) + timex_counts(gold, predicted)
        report.errors.extend(document_errors(path.name, gold, predicted))
        report.docs[corpus] += 1
        report.gold_use.add(text, gold)
    if not report.counts:
        raise ValueError(f"{folder}: no .tml files")
    return report


def document_errors(name: str, gold: list[GoldTimex], predicted: list[TimeExpression]) -> list[TimexError]:
    """Missed, wrong-value and spurious expressions of one document."""
    pairs = match_timexes(gold, predicted)
    matched = {id(p) for _, p in pairs if p is not None}
    errors = []
    for g, p in pairs:
        if p is None:
            errors.append(TimexError("missed", g.type, name, g.text, g.value))
        elif p.value != g.value:
            errors.append(TimexError("wrong value", g.type, name, g.text, g.value, f"{p.value} {p.text!r}"))
    errors += [TimexError("spurious", p.type, name, p.text, "", p.value)
               for p in predicted if id(p) not in matched]
    return errors
