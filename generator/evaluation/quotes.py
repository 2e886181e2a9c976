"""Direct-quote speaker attribution: gold loaders, our predictions, textacy's, speaker F1.

When is a predicted speaker correct? The rule is the same for every system:

* the predicted quote must overlap the gold quote (quote marks and trailing
  punctuation differ between systems), and
* its speaker words must identify the gold speaker: they overlap the gold
  speaker span, or any gold mention of the same speaker (the ECB+ gold chain
  holding the span; for the seeds every gold mention of the speaker entity in
  that article), or their last word equals the last word of one of the
  speaker's names ("McDermott" for "Doug McDermott", "official" for "the
  official"). A bare pronoun counts when it is itself the gold span, so
  textacy's unresolved "he" in '"...," he said' is correct.

Speaker precision = correct / predicted quotes with a speaker that overlap a
gold quote; recall = correct / gold quotes with a speaker; F1 of the two. A
prediction with a speaker on a gold quote whose speaker is null counts as wrong.

textacy (``textacy.extract.triples.direct_quotations``) is not a project
dependency: ``textacy_quotes`` runs it in another Python (an evaluation venv)
with the same spaCy pipeline, over the same article texts. textacy refuses a
text with an odd number of quote marks; such an article is then given to it
paragraph by paragraph (a paragraph it still refuses yields nothing).
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Iterable, Mapping, Sequence
from typing import NamedTuple

from generator.evaluation.measures import prf
from generator.model import Briefing

Offsets = tuple[int, int]


class GoldQuote(NamedTuple):
    """One annotated direct quote."""

    source: str
    """Source id (article file stem)."""
    start: int
    """Offset of the quoted words."""
    end: int
    """Offset just past them."""
    spans: tuple[Offsets, ...]
    """Spans naming the speaker (the annotated one and its coreferent gold mentions)."""
    names: frozenset[str]
    """Names or descriptions of the speaker; empty when the text names no one."""


class PredictedQuote(NamedTuple):
    """One quote a system found, with the words it took for the speaker."""

    source: str
    """Source id."""
    start: int
    """Offset of the quote."""
    end: int
    """Offset just past it."""
    speaker: Offsets | None
    """Offsets of the speaker words, or None when unattributed."""
    speaker_text: str
    """Those words."""


class SpeakerScores(NamedTuple):
    """Speaker attribution counts and scores of one system."""

    gold: int
    """Gold quotes with a speaker."""
    predicted: int
    """Predicted quotes with a speaker overlapping a gold quote."""
    correct: int
    """Of those, how many name the gold speaker."""

    def prf(self) -> tuple[float, float, float]:
        """Precision, recall and F1."""
        return prf(self.correct, self.predicted, self.gold)


def last_word(text: str) -> str:
    """Lower-cased last word, without a possessive ending."""
    words = re.findall(r"[\w’'-]+", text.lower())
    return re.sub(r"[’']s?$", "", words[-1]) if words else ""


def is_correct(predicted: PredictedQuote, gold: GoldQuote) -> bool:
    """True when the predicted speaker identifies the gold speaker (rule in the module doc)."""
    if predicted.speaker is None or not gold.names:
        return False
    start, end = predicted.speaker
    if any(start < b and a < end for a, b in gold.spans):
        return True
    return last_word(predicted.speaker_text) in {last_word(name) for name in gold.names}


def speaker_scores(gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote]) -> SpeakerScores:
    """Count attributed predictions on gold quotes and the correct ones (first overlap wins)."""
    by_source: dict[str, list[PredictedQuote]] = {}
    for quote in predicted:
        by_source.setdefault(quote.source, []).append(quote)
    attributed = correct = 0
    for quote in gold:
        match = next((p for p in by_source.get(quote.source, ())
                      if p.start < quote.end and quote.start < p.end and p.speaker), None)
        attributed += match is not None
        correct += match is not None and is_correct(match, quote)
    return SpeakerScores(sum(1 for q in gold if q.names), attributed, correct)


def errors(gold: Sequence[GoldQuote], predicted: Sequence[PredictedQuote],
           texts: Mapping[str, str]) -> Iterable[str]:
    """One line per gold quote a system missed or attributed wrongly."""
    for quote in gold:
        match = next((p for p in predicted if p.source == quote.source
                      and p.start < quote.end and quote.start < p.end), None)
        if match is not None and is_correct(match, quote):
            continue
        got = "(quote not found)" if match is None else (match.speaker_text or "(no speaker)")
        words = texts.get(quote.source, "")[quote.start: quote.end][:50]
        yield f"  {quote.source} {words!r}: gold {sorted(quote.names)}, predicted {got}"


def ours(briefing: Briefing) -> list[PredictedQuote]:
    """Our per-article quotes with the words naming their speaker."""
    return [PredictedQuote(source, q.citation.start, q.citation.end, q.speaker, q.speaker_text)
            for source, analysis in briefing.analyses.items() for q in analysis.quotes
            if q.kind == "direct"]


def ecbplus_gold(rows: Iterable[Mapping],
                 chains: Mapping[str, Sequence[tuple[int, int, str]]]) -> list[GoldQuote]:
    """Gold quotes of ``ecbplus_quotes_gold.jsonl``; ``chains`` maps a document stem to its
    gold person mentions (start, end, chain id), used to widen the speaker span to its chain."""
    out = []
    for row in rows:
        source = row["doc"].rsplit(".", 1)[0]
        span = (row["speaker_start"], row["speaker_end"])
        mentions = chains.get(source, ())
        linked = {chain for a, b, chain in mentions if a < span[1] and span[0] < b}
        spans = (span, *((a, b) for a, b, chain in mentions if chain in linked))
        out.append(GoldQuote(source, row["start"], row["end"], spans, frozenset({row["speaker"]})))
    return out


def seed_gold(quote_rows: Iterable[Mapping], coref_rows: Iterable[Mapping]) -> list[GoldQuote]:
    """Gold quotes of the seeds: the speaker is a coref-gold entity id (or null)."""
    mentions: dict[tuple[str, str], list[Mapping]] = {}
    for row in coref_rows:
        mentions.setdefault((row["source"].rsplit(".", 1)[0], row["entity"]), []).append(row)
    out = []
    for row in quote_rows:
        source = row["source"].rsplit(".", 1)[0]
        own = mentions.get((source, row["speaker"]), []) if row["speaker"] else []
        spans = tuple((m["start"], m["end"]) for m in own)
        out.append(GoldQuote(source, row["start"], row["end"], spans, frozenset(m["text"] for m in own)))
    return out


TEXTACY_SCRIPT = """
import json, re, sys
import spacy
from textacy.extract.triples import direct_quotations
nlp = spacy.load(sys.argv[1])

def emit(source, text, offset):
    for q in direct_quotations(nlp(text)):
        s = q.speaker
        print(json.dumps({"source": source, "start": offset + q.content.start_char,
            "end": offset + q.content.end_char,
            "speaker": [offset + s[0].idx, offset + s[-1].idx + len(s[-1].text)] if s else None,
            "speaker_text": " ".join(t.text for t in s)}))

for line in sys.stdin:
    item = json.loads(line)
    try:
        emit(item["source"], item["text"], 0)
    except ValueError:  # an odd number of quote marks: textacy bails out, so go paragraph by paragraph
        for para in re.finditer(r"[^\\n]+(?:\\n(?!\\n)[^\\n]*)*", item["text"]):
            try:
                emit(item["source"], para.group(), para.start())
            except ValueError:
                pass
"""


def textacy_quotes(python: str, texts: Mapping[str, str], model: str) -> list[PredictedQuote]:
    """textacy's direct quotations over the texts, run by another Python interpreter.

    Raises:
        subprocess.CalledProcessError: that interpreter failed (textacy or the model missing).
    """
    lines = "".join(json.dumps({"source": s, "text": t}) + "\n" for s, t in texts.items())
    done = subprocess.run([python, "-c", TEXTACY_SCRIPT, model], input=lines, text=True,
                          capture_output=True, check=True)
    rows = [json.loads(line) for line in done.stdout.splitlines() if line.strip()]
    return [PredictedQuote(r["source"], r["start"], r["end"],
                           tuple(r["speaker"]) if r["speaker"] else None, r["speaker_text"])
            for r in rows]
