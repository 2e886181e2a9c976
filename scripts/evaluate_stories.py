"""Story grouping and event merging on ECB+, with baselines; prints figures, asserts nothing.

Usage (from the repository root):

    .venv/bin/python scripts/evaluate_stories.py --data ../shared/corpora/ecbplus-dev \
        [--workdir /tmp/stories-ecb] [--topics dev|train]

Runs the pipeline on all articles of the chosen topics as ONE corpus (a mixed
folder), then on each topic alone (two similar real events), and prints
article-to-story B-cubed beside "one story" and a TF-IDF average-linkage
baseline whose cut is tuned on the dev topics, and the event measures of
``generator.evaluation.events`` beside a same-trigger-word baseline.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator.evaluation import events as ev  # noqa: E402
from generator.evaluation import stories as st  # noqa: E402
from generator.evaluation.ecbplus import DEV_TOPICS, read_corpus  # noqa: E402
from generator.evaluation.run import collect_documents  # noqa: E402


def print_run(label: str, documents: list, workdir: Path | None, threshold: float) -> None:
    """Figures of one corpus run."""
    briefing = collect_documents(documents, workdir)
    print(f"== {label}: {len(documents)} articles, {len(briefing.stories)} stories, "
          f"{len(briefing.events)} events")
    for name, (p, r, f) in st.story_rows(documents, briefing, threshold).items():
        print(f"  story B3 {name:<14} P {p:.3f}  R {r:.3f}  F1 {f:.3f}")
    for name, triggers in (("ours", ev.trigger_events(briefing)),
                           ("same trigger", ev.same_trigger_baseline(briefing))):
        s = ev.event_scores(documents, triggers)
        p, r, f = s.merge
        print(f"  events {name:<12} merge B3 P {p:.3f}  R {r:.3f}  F1 {f:.3f}  "
              f"gold actions covered {s.covered:.3f}  main-event coverage {s.main:.3f} ({s.stories} stories)")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, required=True, help="the ecbplus-dev folder")
    parser.add_argument("--workdir", type=Path, help="seeds and per-article cache (default: a temp dir)")
    parser.add_argument("--topics", choices=("dev", "train"), default="dev")
    args = parser.parse_args(argv)
    dev = read_corpus(args.data, DEV_TOPICS)
    threshold, tuned = st.tune_threshold(dev)
    print(f"TF-IDF cut tuned on the dev topics: {threshold:.2f} (dev F1 {tuned[2]:.3f})")
    train = tuple(t for t in range(1, 36) if t not in DEV_TOPICS)
    documents = dev if args.topics == "dev" else read_corpus(args.data, train)
    print_run(f"{args.topics} topics as one corpus", documents, args.workdir, threshold)
    for topic in sorted({d.topic for d in documents}):
        print_run(f"topic {topic}", [d for d in documents if d.topic == topic], args.workdir, threshold)


if __name__ == "__main__":
    main()
