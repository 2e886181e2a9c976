"""Benchmark: time and memory of each build stage on a synthetic corpus.

Makes N articles by copying the seed articles (each copy made unique so the
per-article cache cannot serve it), then times a cold build, a warm rebuild,
and a rebuild after adding one article. Prints figures; asserts nothing.

    .venv/bin/python scripts/benchmark.py --articles 200 [--mkdocs]
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from generator import pipeline  # noqa: E402
from generator.config import load_config  # noqa: E402


def make_corpus(folder: Path, count: int) -> int:
    """Write ``count`` unique articles; returns the number of words."""
    seeds = sorted((REPO / "seeds").glob("*.txt"))
    folder.mkdir(parents=True)
    words = 0
    for n in range(count):
        text = seeds[n % len(seeds)].read_text(encoding="utf-8")
        text = f"Report number {n} of the series.\n{text}"
        (folder / f"article_{n:05d}.txt").write_text(text, encoding="utf-8")
        words += len(text.split())
    return words


def timed(label: str, func):
    start = time.perf_counter()
    result = func()
    seconds = time.perf_counter() - start
    print(f"{label:<38} {seconds:8.2f} s")
    return result, seconds


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=int, default=100)
    parser.add_argument("--mkdocs", action="store_true", help="also time `mkdocs build`")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        words = make_corpus(root / "seeds", args.articles)
        (root / "docs").mkdir()
        config = load_config(root=root)
        print(f"corpus: {args.articles} articles, {words} words")
        result, cold = timed("cold build (NLP + resolve + pages)", lambda: pipeline.build(config, warn=print))
        print(f"{'  words per second (cold)':<38} {words / cold:8.0f}")
        entities, pages = len(result.briefing.entities), len(result.written.written)
        print(f"{'  entities / pages written':<38} {entities:>5} / {pages}")
        timed("warm rebuild (all cached)", lambda: pipeline.build(config, warn=print))
        shutil.copy(REPO / "seeds" / sorted(p.name for p in (REPO / "seeds").glob("*.txt"))[0],
                    root / "seeds" / "zz_new.txt")
        timed("rebuild after one new article", lambda: pipeline.build(config, warn=print))
        print(f"{'peak memory':<38} {peak_rss_mib():8.0f} MiB")
        if args.mkdocs:
            mkdocs_yml = (REPO / "mkdocs.yml").read_text().replace(
                "custom_dir: site_templates/overrides", "custom_dir: overrides")
            (root / "mkdocs.yml").write_text(mkdocs_yml)
            shutil.copytree(REPO / "site_templates" / "overrides", root / "overrides")
            shutil.copytree(REPO / "docs" / "guide", root / "docs" / "guide")
            timed("mkdocs build", lambda: subprocess.run(
                [sys.executable, "-m", "mkdocs", "build", "-q"], cwd=root, check=True))


if __name__ == "__main__":
    main()
