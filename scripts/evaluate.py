"""Evaluate the pipeline against gold annotations; prints figures, asserts nothing.

Usage (from the repository root):

    .venv/bin/python scripts/evaluate.py coref  GOLD.jsonl [--articles DIR] [--errors]
    .venv/bin/python scripts/evaluate.py timex  DIR_OF_TML [--errors]
    .venv/bin/python scripts/evaluate.py quotes GOLD.jsonl [--articles DIR] [--coref COREF.jsonl]
    .venv/bin/python scripts/evaluate.py ecbplus --data DIR [--topics N ...] [--workdir DIR] [--errors]

coref: GOLD.jsonl has one JSON object per named mention:
    {"source": "file.txt", "start": 0, "end": 12, "entity": "gold-id"}
  (offsets into the article file; extra keys such as "text" are ignored). The
  articles are read from --articles (default: the repository's seeds/), with
  default settings and no entity overrides. Runs ``pipeline.collect``,
  aligns predicted mentions to gold ones (same offsets, else overlapping with
  the same head word) and prints B-cubed P/R/F1 of our resolution and of the
  exact-string baseline over the same predicted mentions.
timex: runs ``temporal.tag`` on the TEXT of every ``*.tml`` file, anchored on
  its DCT, and prints TempEval-3 strict/relaxed span and value P/R/F1.
quotes: GOLD.jsonl has one object per quote:
    {"source": "file.txt", "start": 10, "end": 40, "speaker": "gold-id" or null}
  Prints how many gold quotes were found and correctly attributed. Predicted
  speakers are entity ids; with --coref they are mapped to the gold id most of
  the entity's aligned mentions carry.
ecbplus: reads ECB+ (``--data``, e.g. ../shared/corpora/ecbplus-dev), runs the
  pipeline over each topic's articles as one corpus (cached under --workdir)
  and prints, per topic and overall, every measure group in ``ECBPLUS_MEASURES``
  (entities: named-mention B-cubed beside the same-string and last-word
  baselines, coverage, person typing precision).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator import evaluation as ev  # noqa: E402
from generator.evaluation import ecbplus as ecb  # noqa: E402
from generator.evaluation import entities as ent  # noqa: E402
from generator.model import Briefing  # noqa: E402
from generator.temporal import tagger as temporal  # noqa: E402


def read_jsonl(path: Path) -> list[dict]:
    """One JSON object per non-empty line."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def collect(articles: Path) -> Briefing:
    """Read, analyse and resolve a folder of articles with default settings (no overrides)."""
    from generator.config import Config
    from generator.pipeline import collect as run

    config = Config(root=REPO, seeds=articles.resolve(), cache=REPO / ".briefing-cache")
    return run(config, warn=lambda message: None)


def gold_spans(rows: list[dict], briefing: Briefing, key: str) -> dict[ev.Span, str | None]:
    """Gold span (text filled from the article) -> the row's ``key`` value."""
    texts = {s.id: s.text for s in briefing.sources}
    out = {}
    for row in rows:
        source = Path(row["source"]).stem
        text = texts.get(source, "")[row["start"]: row["end"]]
        out[ev.Span(source, row["start"], row["end"], text)] = row[key]
    return out


def predicted_mentions(briefing: Briefing) -> dict[ev.Span, str]:
    """Every mention the pipeline found -> its entity id."""
    return {ev.Span(m.source, m.start, m.end, m.text): e.id
            for e in briefing.entities for m in e.mentions}


def coref(args: argparse.Namespace) -> None:
    briefing = collect(args.articles)
    gold = gold_spans(read_jsonl(args.gold), briefing, "entity")
    ours = predicted_mentions(briefing)
    aligned = ev.align_spans(list(gold), list(ours))
    baseline = ev.exact_string_baseline(ours)
    print(f"gold mentions {len(gold)}, predicted {len(ours)}, aligned {len(aligned)}")
    both = set(aligned.values())
    for view, keep in (("end to end", None), ("aligned mentions only", both)):
        print(f"-- {view}")
        for label, clusters in (("ours", ours), ("exact-string baseline", baseline)):
            p, r, f = ev.b_cubed(ev.restrict(gold, keep), ev.restrict(ev.rekey(clusters, aligned), keep))
            print(f"B-cubed {label:<22} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    p, r, f = ev.b_cubed(gold, ev.exact_string_baseline(gold))
    print(f"(exact-string clustering of the gold mentions themselves: P {p:.3f}  R {r:.3f}  F1 {f:.3f})")
    if args.errors:
        print_coref_errors(gold, ours, aligned)


def print_coref_errors(gold: dict, ours: dict, aligned: dict) -> None:
    """Gold entities split over several predicted ones, predicted ones mixing gold ones, misses."""
    by_gold: dict[str, Counter] = defaultdict(Counter)
    by_ours: dict[str, Counter] = defaultdict(Counter)
    for span, entity in ours.items():
        target = gold.get(aligned.get(span, span), "(not in gold)")
        by_gold[target][entity] += 1
        by_ours[entity][target] += 1
    for name, table in (("split gold entity", by_gold), ("mixed predicted entity", by_ours)):
        for key, parts in sorted(table.items()):
            if len(parts) > 1:
                print(f"{name} {key}: {dict(parts)}")
    missed = [s for s in gold if s not in set(aligned.values())]
    print(f"missed gold mentions ({len(missed)}):", ", ".join(f"{s.source[:3]}:{s.text}" for s in missed))


def timex(args: argparse.Namespace) -> None:
    total = ev.TimexCounts()
    for path in sorted(args.folder.glob("*.tml")):
        text, dct, gold = ev.read_timeml(path)
        predicted = temporal.tag(text, dct)
        counts = ev.timex_counts(gold, predicted)
        total += counts
        print(f"{path.name:<32} gold {counts.gold:3d}  value F1 {counts.scores()['value_f1']:.3f}")
        if args.errors:
            print_timex_errors(path.name, gold, predicted)
    scores = total.scores()
    for name in ("strict", "relaxed", "value"):
        print(f"{name:<8} P {scores[name + '_precision']:.3f}  R {scores[name + '_recall']:.3f}  "
              f"F1 {scores[name + '_f1']:.3f}")
    print(f"value accuracy {scores['value_accuracy']:.3f}, type accuracy {scores['type_accuracy']:.3f} "
          f"over {total.relaxed} relaxed matches "
          f"(gold {total.gold}, predicted {total.predicted})")


def print_timex_errors(name: str, gold: list, predicted: list) -> None:
    """Misses, wrong spans or values, and spurious predictions of one document."""
    pairs = ev.match_timexes(gold, predicted)
    matched = {id(p) for _, p in pairs if p is not None}
    for g, p in pairs:
        if p is None:
            print(f"  {name}: missed {g.text!r} {g.value}")
        elif (p.value, p.type, p.start, p.end) != (g.value, g.type, g.start, g.end):
            print(f"  {name}: {g.text!r} {g.type} {g.value} -> {p.text!r} {p.type} {p.value}")
    for p in predicted:
        if id(p) not in matched:
            print(f"  {name}: spurious {p.text!r} {p.value}")


def quotes(args: argparse.Namespace) -> None:
    briefing = collect(args.articles)
    gold = gold_spans(read_jsonl(args.gold), briefing, "speaker")
    rename = speaker_names(briefing, args.coref) if args.coref else {}
    owner = {(m.source, m.start): e.id for e in briefing.entities for m in e.mentions}
    predicted = []
    for analysis in briefing.analyses.values():
        for q in analysis.quotes:
            who = owner.get((analysis.source, q.speaker[0])) if q.speaker else None
            span = ev.Span(analysis.source, q.citation.start, q.citation.end, q.citation.text)
            predicted.append((span, rename.get(who, who)))
    counts = ev.attribution_counts(list(gold.items()), predicted)
    accuracy = counts["correct"] / counts["gold"] if counts["gold"] else 0.0
    print(f"quotes: gold {counts['gold']}, found {counts['found']}, correctly attributed "
          f"{counts['correct']}  accuracy {accuracy:.3f}")
    if args.errors:
        for span, speaker in gold.items():
            found = [who for other, who in predicted if ev.overlaps(span, other)]
            if (found[0] if found else None) != speaker:
                got = found[0] if found else "(quote not found)"
                print(f"  {span.source[:3]} {span.text[:50]!r}: gold {speaker}, predicted {got}")


def speaker_names(briefing: Briefing, coref_gold: Path) -> dict[str, str]:
    """Predicted entity id -> the gold id most of its aligned mentions carry."""
    gold = gold_spans(read_jsonl(coref_gold), briefing, "entity")
    ours = predicted_mentions(briefing)
    votes: dict[str, Counter] = defaultdict(Counter)
    for span, target in ev.align_spans(list(gold), list(ours)).items():
        votes[ours[span]][gold[target]] += 1
    return {entity: counter.most_common(1)[0][0] for entity, counter in votes.items()}


class TopicRun(NamedTuple):
    """One ECB+ topic: its gold documents and the Briefing our pipeline made of them
    (a NamedTuple: tests load this script without registering it as a module)."""

    topic: int
    documents: list
    briefing: Briefing


def ecbplus(args: argparse.Namespace) -> None:
    from generator.evaluation.run import collect_documents

    documents = ecb.read_corpus(args.data, tuple(args.topics) if args.topics else ecb.DEV_TOPICS)
    runs = []
    for topic in sorted({d.topic for d in documents}):
        mine = [d for d in documents if d.topic == topic]
        runs.append(TopicRun(topic, mine, collect_documents(mine, args.workdir / str(topic))))
    for measure in ECBPLUS_MEASURES:
        measure(runs, args)


def entity_measures(runs: list[TopicRun], args: argparse.Namespace) -> None:
    """Named-mention B-cubed F1 (ours, same string, last word), coverage, person precision."""
    print("named PER/ORG/GPE/GEO mentions, cross-document B-cubed F1")
    print(f"{'topic':<8}{'gold':>6}{'ours P':>8}{'R':>7}{'F1':>7}{'string':>8}{'last':>7}"
          f"{'cover':>7}{'persons':>10}")
    golds, rows = [], []
    for run in runs:
        gold = ent.gold_named(run.documents)
        golds.append(gold)
        rows.append((str(run.topic), ent.entity_scores(gold, run.briefing)))
        if args.errors:
            print("\n".join(f"  {run.topic}: {line}" for line in ent.entity_errors(gold, run.briefing)))
    rows.append(("all", _pooled_scores(golds, runs)))
    for label, s in rows:
        print(f"{label:<8}{s.gold:>6}{s.ours[0]:>8.3f}{s.ours[1]:>7.3f}{s.ours[2]:>7.3f}"
              f"{s.same_string[2]:>8.3f}{s.last_word[2]:>7.3f}{s.coverage:>7.3f}"
              f"{s.persons_right:>5}/{s.persons:<4}")
    total = rows[-1][1]
    print(f"person typing precision {total.person_precision:.3f} ({total.persons_right}/{total.persons})")


def _pooled_scores(golds: list, runs: list[TopicRun]) -> ent.EntityScores:
    """Scores over all topics at once (topics share no sources, entities or chains)."""
    pooled = Briefing(title="", sources=[], analyses={},
                      entities=[replace(e, id=f"{run.topic}/{e.id}")
                                for run in runs for e in run.briefing.entities])
    return ent.entity_scores(ent.merge_gold(golds), pooled)


ECBPLUS_MEASURES = (entity_measures,)
"""The measure groups ``ecbplus`` prints, in order; each takes (runs, args)."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    for name, func in (("coref", coref), ("quotes", quotes)):
        sub = commands.add_parser(name)
        sub.add_argument("gold", type=Path)
        sub.add_argument("--articles", type=Path, default=REPO / "seeds")
        sub.add_argument("--errors", action="store_true", help="list the errors")
        sub.set_defaults(func=func)
    commands.choices["quotes"].add_argument("--coref", type=Path, help="coref gold to map speaker ids")
    sub = commands.add_parser("timex")
    sub.add_argument("folder", type=Path)
    sub.add_argument("--errors", action="store_true", help="list the errors")
    sub.set_defaults(func=timex)
    sub = commands.add_parser("ecbplus")
    sub.add_argument("--data", type=Path, required=True, help="ECB+ folder (topic sub-folders)")
    sub.add_argument("--topics", type=int, nargs="+", help="topic numbers (default: the dev topics)")
    sub.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-ecbplus"),
                     help="where article files and the parse cache go")
    sub.add_argument("--errors", action="store_true", help="list the errors")
    sub.set_defaults(func=ecbplus)
    args = parser.parse_args(argv)
    args.func(args)


if __name__ == "__main__":
    main()
