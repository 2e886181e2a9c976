"""The build, and the only module that knows the stage order.

    ingest -> nlp (+ temporal) -> quotes / events / deadlines candidates   per article, cached
    -> resolve -> merges of quotes, events, deadlines; stories             corpus-wide
    -> site (plan, render) -> publish (write, export, PDF)

Each stage is a subpackage of ``generator`` whose functions take and return
``generator.model`` objects; a stage imports only stages before it. No page is
rendered before every article is read and every name resolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from generator.config import Config
from generator.deadlines import deadline_windows, find_deadlines, infer_due_years, merge_deadlines
from generator.events import find_events, group_stories, merge_events, story_groups
from generator.executor import Executor, make_executor
from generator.ingest import ingest
from generator.model import ArticleAnalysis, Briefing, BuildWarning, Source
from generator.nlp import cache, parse_article
from generator.publish import asset_files, export_files, write_files, write_pdf_file
from generator.publish.lock import build_lock
from generator.publish.snapshot import read_snapshot
from generator.publish.writer import WriteResult
from generator.quotes import find_quotes, merge_quotes, merge_statements
from generator.resolve import parse_overrides, recover_mentions, resolve
from generator.site import Linker, plan_pages, render_pages
from generator.site.policy import mark_pages, quoted_entities
from generator.temporal.dating import infer_windows, story_windows

Progress = Callable[[Iterable, str, int], Iterator]


def no_progress(items: Iterable, description: str, total: int) -> Iterator:
    """Progress reporter that reports nothing."""
    return iter(items)


@dataclass
class BuildResult:
    """What ``build`` produced, for the CLI summary and for tests."""

    briefing: Briefing
    written: WriteResult

    @property
    def skipped(self) -> list[Source]:
        """Sources that could not be used."""
        return [s for s in self.briefing.sources if s.status != "ok"]


def analyse(source: Source, nlp) -> ArticleAnalysis:
    """Sentences, mentions, times, quotes, events and deadlines of one ok source."""
    paragraphs = parse_article(source, nlp)
    return ArticleAnalysis(
        source=source.id,
        content_hash=source.content_hash,
        sentences=tuple(s for p in paragraphs for s in p.sentences),
        mentions=tuple(m for p in paragraphs for m in p.mentions),
        times=tuple(t for p in paragraphs for t in p.times),
        quotes=tuple(q for p in paragraphs for q in find_quotes(p)),
        events=tuple(e for p in paragraphs for e in find_events(p)),
        deadlines=tuple(d for p in paragraphs for d in find_deadlines(p)),
    )


def cached(config: Config, source: Source, pipeline_id: str,
           analysis: ArticleAnalysis | None = None) -> ArticleAnalysis | None:
    """The per-source cache in one place: ``source``'s cached analysis (None on a miss),
    or, given its fresh ``analysis``, store that and return it. ``pipeline_id`` is
    ``cache.pipeline_identity`` of the configured pipeline (name and version that load)."""
    if analysis is None:
        return cache.load(config.cache, source, pipeline_id)
    cache.store(config.cache, source, pipeline_id, analysis)
    return analysis


def analyse_all(sources: list[Source], config: Config, progress: Progress,
                warn: Callable[[str], None],
                executor: Executor | None = None) -> tuple[list[Source], dict[str, ArticleAnalysis]]:
    """NLP over every ok source: cached ones from the cache, the rest on ``executor``.

    The executor (default: ``make_executor(config)``, local or Dask) yields each
    article's analysis or failure reason; an article that fails is marked skipped.
    Cache entries this build did not use (deleted or changed articles) are purged.
    """
    ok = [s for s in sources if s.status == "ok"]
    pipeline_id = cache.pipeline_identity(config.pipeline)  # the pipeline loading would use
    found = {s.id: a for s in ok if (a := cached(config, s, pipeline_id)) is not None}
    missing = [s for s in ok if s.id not in found]
    failed: dict[str, str] = {}
    if missing:  # a fully cached build needs no workers (nor spaCy)
        with executor or make_executor(config, warn) as runner:
            outcomes = runner.map(analyse, missing, config.pipeline)
            for source, outcome in progress(outcomes, "Analysing articles", len(missing)):
                if isinstance(outcome, str):
                    failed[source.id] = outcome
                else:
                    found[source.id] = cached(config, source, pipeline_id, outcome)
    analyses = {s.id: found[s.id] for s in ok if s.id in found}  # source order, whatever the executor
    cache.purge(config.cache, {cache.cache_key(s, pipeline_id) for s in ok if s.id in analyses})
    marked = [replace(s, status="skipped", error=failed[s.id]) if s.id in failed else s
              for s in sources]
    return marked, analyses


def collect(config: Config, progress: Progress = no_progress,
            warn: Callable[[str], None] = print, now: dt.datetime | None = None) -> Briefing:
    """Read, analyse and resolve the whole corpus into a Briefing.

    Args:
        now: the build time recorded as ``built_at`` (default: the current UTC
            time); fixed by the golden-file tests so their output is stable.
    """
    sources, warnings = ingest(config.seeds)
    sources, analyses = analyse_all(sources, config, progress, warn)
    warnings += [BuildWarning(s.path, s.error) for s in sources
                 if s.status != "ok" and all(w.source != s.path for w in warnings)]
    overrides = parse_overrides(config.entities, str(config.config_file or "briefing.yml"))
    entities = recover_mentions(resolve(analyses.values(), overrides), sources, analyses)
    entities = mark_pages(entities, config.min_mentions_for_page, config.max_pages_per_article,
                          config.min_sources_for_page, quoted_entities(entities, analyses.values()))
    briefing = Briefing(
        title=config.title,
        sources=sources,
        analyses=analyses,
        entities=entities,
        warnings=warnings,
        built_at=now or dt.datetime.now(dt.timezone.utc),
    )
    return extract_corpus_items(briefing)


def extract_corpus_items(briefing: Briefing) -> Briefing:
    """Corpus-wide merges of per-article quotes, events and deadlines."""
    built = (briefing.built_at or dt.datetime.now(dt.timezone.utc)).date()
    briefing.deadlines = infer_due_years(merge_deadlines(briefing), built)  # evidence for the stories
    groups = story_groups(briefing)  # shared by the event merge and the stories
    briefing.quotes = merge_quotes(briefing)
    briefing.statements = merge_statements(briefing)
    briefing.events = merge_events(briefing, groups)
    briefing.stories = group_stories(briefing, groups)
    briefing.date_windows = date_windows(briefing, built)
    return briefing


def date_windows(briefing: Briefing, built: dt.date) -> dict:
    """Inferred publication windows of undated articles: own text, story, deadlines reported."""
    own = infer_windows(briefing.sources, built)
    by_story = story_windows(briefing.sources, briefing.stories, own, built)
    return deadline_windows(briefing.deadlines, briefing.sources, by_story)


def build(config: Config, progress: Progress = no_progress,
          warn: Callable[[str], None] = print, now: dt.datetime | None = None) -> BuildResult:
    """Full build: collect, render every page and the export, write into docs/.

    Holds the project's build lock throughout (see ``generator.publish.lock``).

    Args:
        now: the build time recorded as ``built_at`` (see ``collect``).

    Raises:
        BuildLocked: another build of the project is running.
        OutputError: docs/ cannot be written; the previous files are kept.
    """
    with build_lock(config.cache or config.docs.parent):
        return _build_locked(config, progress, warn, now)


def _build_locked(config: Config, progress: Progress, warn: Callable[[str], None],
                  now: dt.datetime | None) -> BuildResult:
    previous = read_snapshot(config.docs)  # before this build overwrites the export
    briefing = collect(config, progress, warn, now)
    briefing.previous = previous
    pages = plan_pages(briefing, config.min_mentions_for_page)
    files: dict[str, str | bytes] = dict(render_pages(pages, Linker(briefing), config.templates))
    files.update(export_files(briefing))
    files.update(asset_files())
    written = write_files(config.docs, files)
    briefing.warnings.extend(written.warnings)
    return BuildResult(briefing, written)


def write_pdf(config: Config, output: Path) -> Path:
    """Collect the corpus and print it to ``output`` (see ``publish.pdf.write_pdf``)."""
    briefing = collect(config)
    briefing.previous = read_snapshot(config.docs)  # the site's source labels
    return write_pdf_file(briefing, config, output)
