"""Benchmark: time and memory of each build stage on a synthetic corpus.

Two corpora:

* default: N copies of the seed articles, each made unique so the per-article
  cache cannot serve it (entity/event counts stay at the seeds' size);
* ``--varied``: N generated articles (see ``benchmark_corpus.py``) with many
  distinct people, places and organisations, some shared across articles,
  and events, deadlines and quotes with varying dates and ``published``
  metadata, so every corpus-wide count grows with N.

Times a cold build, a warm rebuild and a rebuild after adding one article,
and prints per-stage timings of each plus peak memory. Prints figures;
asserts nothing.

    .venv/bin/python scripts/benchmark.py --articles 200 [--varied] [--mkdocs]
        [--workdir DIR]

``--workdir`` keeps corpus, cache and output in DIR (reused when run again).
Its cache is keyed WITHOUT the generator's code fingerprint, so code changes
to the corpus-wide stages can be timed without re-running spaCy; only use it
while the per-article (NLP) code is unchanged, or delete DIR/cache first.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "scripts"))

from benchmark_corpus import make_varied_corpus  # noqa: E402

from generator import pipeline  # noqa: E402
from generator.config import load_config  # noqa: E402
from generator.nlp import cache  # noqa: E402

STAGES = {
    "ingest": "ingest",
    "analyse_all": "NLP (per article, cached)",
    "resolve": "resolve",
    "recover_mentions": "recover",
    "merge_quotes": "quotes merge",
    "merge_events": "events merge",
    "merge_deadlines": "deadlines merge",
    "story_groups": "stories (article grouping)",
    "group_stories": "stories",
    "plan_pages": "page planning",
    "render_pages": "rendering",
    "export_files": "export",
    "write_files": "writing",
}
"""Functions looked up by ``generator.pipeline`` at call time -> printed label."""

TIMES: dict[str, float] = defaultdict(float)


def timed_stage(name: str, func: Callable) -> Callable:
    """``func`` wrapped to add its run time to ``TIMES[name]``."""
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return func(*args, **kwargs)
        finally:
            TIMES[name] += time.perf_counter() - start
    return wrapper


def instrument() -> None:
    """Wrap every stage function where ``generator.pipeline`` calls it."""
    for name in STAGES:
        setattr(pipeline, name, timed_stage(name, getattr(pipeline, name)))
    pipeline.Linker = timed_stage("render_pages", pipeline.Linker)


def make_copied_corpus(folder: Path, count: int) -> int:
    """Write ``count`` unique copies of the seeds; returns the number of words."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    folder.mkdir(parents=True, exist_ok=True)
    words = 0
    for n in range(count):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        text = f"Report number {n} of the series.\n{text}"
        (folder / f"article_{n:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def add_one_article(seeds: Path, count: int, varied: bool) -> None:
    """Add article number ``count`` (its metadata is left out: it is one more file)."""
    if varied:
        extra = seeds.parent / "extra"
        make_varied_corpus(extra, count + 1, first=count)
        shutil.copy(next(extra.glob("*.txt")), seeds / "zz_new.txt")
        shutil.rmtree(extra)
    else:
        shutil.copy(sorted((REPO / "seeds").glob("*.txt"))[0], seeds / "zz_new.txt")


def peak_rss_mib() -> float:
    """Peak resident memory of this process so far."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_build(label: str, config) -> pipeline.BuildResult:
    """One timed build with its per-stage breakdown."""
    TIMES.clear()
    start = time.perf_counter()
    result = pipeline.build(config, warn=lambda message: None)
    total = time.perf_counter() - start
    print(f"\n{label:<34} {total:8.2f} s   (peak memory {peak_rss_mib():.0f} MiB)")
    for name, stage in STAGES.items():
        print(f"  {stage:<32} {TIMES[name]:8.2f} s")
    other = total - sum(TIMES.values())
    print(f"  {'other (glue)':<32} {other:8.2f} s")
    return result


def counts(result: pipeline.BuildResult) -> str:
    """Corpus-wide item counts of one build."""
    b = result.briefing
    pages = sum(1 for rel in result.written.written if rel.endswith(".md"))
    return (f"entities {len(b.entities)} (with page {sum(e.has_page for e in b.entities)}), "
            f"events {len(b.events)}, deadlines {len(b.deadlines)}, quotes {len(b.quotes)}, "
            f"stories {len(b.stories)}, pages (re)written {pages}")


@contextmanager
def workdir(path: str | None):
    """The given folder (kept), or a temporary one."""
    if path:
        Path(path).mkdir(parents=True, exist_ok=True)
        yield Path(path)
        return
    with tempfile.TemporaryDirectory() as tmp:
        yield Path(tmp)


def pin_cache_keys() -> None:
    """Key the cache on content and pipeline only (see ``--workdir``)."""
    cache.code_fingerprint = lambda: "benchmark"


def time_mkdocs(root: Path) -> None:
    """Time ``mkdocs build`` of the generated docs."""
    mkdocs_yml = (REPO / "mkdocs.yml").read_text().replace(
        "custom_dir: site_templates/overrides", "custom_dir: overrides")
    (root / "mkdocs.yml").write_text(mkdocs_yml)
    shutil.copytree(REPO / "site_templates" / "overrides", root / "overrides", dirs_exist_ok=True)
    shutil.copytree(REPO / "docs" / "guide", root / "docs" / "guide", dirs_exist_ok=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True)
    print(f"\n{'mkdocs build':<34} {time.perf_counter() - start:8.2f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--varied", action="store_true", help="generated corpus with growing counts")
    parser.add_argument("--workdir", help="keep corpus, cache and output here (cache keys pinned)")
    parser.add_argument("--warm-only", action="store_true", help="skip the one-new-article rebuild")
    parser.add_argument("--mkdocs", action="store_true", help="also time `mkdocs build`")
    args = parser.parse_args()
    instrument()
    with workdir(args.workdir) as root:
        if args.workdir:
            pin_cache_keys()
        seeds = root / "seeds"
        shutil.rmtree(seeds, ignore_errors=True)
        make = make_varied_corpus if args.varied else make_copied_corpus
        words = make(seeds, args.articles)
        (root / "docs").mkdir(exist_ok=True)
        config = replace(load_config(root=root), cache=root / "cache")
        print(f"corpus: {args.articles} {'varied' if args.varied else 'copied'} articles, {words} words")
        result = run_build("first build (cold unless cached)", config)
        print(f"  {counts(result)}")
        run_build("warm rebuild (all cached)", config)
        if not args.warm_only:
            add_one_article(seeds, args.articles, args.varied)
            run_build("rebuild after one new article", config)
        if args.mkdocs:
            time_mkdocs(root)


if __name__ == "__main__":
    main()
