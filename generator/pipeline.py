"""The build: ingest -> nlp -> resolve -> (events, deadlines, quotes) -> render -> write.

Per-article work (ingest, nlp) is separate from corpus-wide work (resolve
onwards); each stage is a function over ``generator.model`` objects. No page
is rendered before every article is read and every name resolved.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace

from generator.config import Config
from generator.deadlines.find import merge_deadlines
from generator.events.find import merge_events
from generator.events.merge import story_groups
from generator.events.stories import group_stories
from generator.ingest.read import ingest
from generator.model import ArticleAnalysis, Briefing, BuildWarning, Entity, Source
from generator.nlp import cache
from generator.nlp.parse import analyse, load_pipeline
from generator.publish.export import asset_files, export_files
from generator.publish.writer import WriteResult, write_files
from generator.quotes.extract import merge_quotes
from generator.resolve.entities import resolve
from generator.resolve.overrides import parse_overrides
from generator.resolve.recover import recover_mentions
from generator.site.linker import Linker
from generator.site.pages.entities import plan_pages
from generator.site.render import render_pages

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


def analyse_all(sources: list[Source], config: Config, progress: Progress,
                warn: Callable[[str], None]) -> tuple[list[Source], dict[str, ArticleAnalysis]]:
    """NLP over every ok source (cached); an article that fails is marked skipped."""
    ok = [s for s in sources if s.status == "ok"]
    nlp = None
    analyses: dict[str, ArticleAnalysis] = {}
    failed: dict[str, str] = {}
    for source in progress(ok, "Analysing articles", len(ok)):
        pipeline_id = config.pipeline
        analysis = cache.load(config.cache, source, pipeline_id)
        if analysis is None:
            nlp = nlp or load_pipeline(config.pipeline, warn)
            try:
                analysis = analyse(source, nlp)
            except Exception as err:  # one bad article must not stop the build
                failed[source.id] = f"language analysis failed: {type(err).__name__}: {err}"
                continue
            cache.store(config.cache, source, pipeline_id, analysis)
        analyses[source.id] = analysis
    marked = [replace(s, status="skipped", error=failed[s.id]) if s.id in failed else s
              for s in sources]
    return marked, analyses


def mark_minor(entities: list[Entity], min_mentions: int) -> list[Entity]:
    """Entities below the mention threshold get no page of their own."""
    return [replace(e, has_page=len(e.mentions) >= min_mentions) for e in entities]


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
    entities = mark_minor(entities, config.min_mentions_for_page)
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
    groups = story_groups(briefing)  # shared by the event merge and the stories
    briefing.quotes = merge_quotes(briefing)
    briefing.events = merge_events(briefing, groups)
    briefing.deadlines = merge_deadlines(briefing)
    briefing.stories = group_stories(briefing, groups)
    return briefing


def build(config: Config, progress: Progress = no_progress,
          warn: Callable[[str], None] = print, now: dt.datetime | None = None) -> BuildResult:
    """Full build: collect, render every page and the export, write into docs/.

    Args:
        now: the build time recorded as ``built_at`` (see ``collect``).
    """
    briefing = collect(config, progress, warn, now)
    pages = plan_pages(briefing, config.min_mentions_for_page)
    files: dict[str, str | bytes] = dict(render_pages(pages, Linker(briefing), config.templates))
    files.update(export_files(briefing))
    files.update(asset_files())
    written = write_files(config.docs, files)
    briefing.warnings.extend(written.warnings)
    return BuildResult(briefing, written)
