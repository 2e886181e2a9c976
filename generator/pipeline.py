"""The build, and the only module that knows the stage order.

    ingest -> nlp (+ temporal) -> quotes / events / deadlines candidates   per article, cached
    -> resolve -> merges of quotes, events, deadlines; stories             corpus-wide
    -> site (plan, render) -> publish (write, export, PDF)

Each stage is a subpackage of ``generator`` whose functions take and return
``generator.model`` objects; a stage imports only stages before it. No page is
rendered before every article is read and every name resolved.

A build whose inputs equal the previous build's and whose generated files are
still as it left them is skipped (``publish.stamp``): docs/ stays as it is and
the previous build's summary is returned, without a briefing. The "What changed"
page then still describes the last build that changed something.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import partial
from pathlib import Path

from generator.config import Config
from generator.deadlines import deadline_windows, find_deadlines, infer_due_years, merge_deadlines
from generator.events import find_events, group_stories, merge_events, numbered_stories
from generator.events.cluster_memo import MEMO_FILE as CLUSTER_MEMO
from generator.events.cluster_memo import ClusterMemo
from generator.events.cluster_memo import read_memo as read_cluster_memo
from generator.events.cluster_memo import write_memo as write_cluster_memo
from generator.events.merge import StoryWork, work_ahead
from generator.events.pair_memo import MEMO_FILE as PAIR_MEMO
from generator.events.pair_memo import PairMemo, read_memo, write_memo
from generator.events.reports import Report as EventReport
from generator.events.reports import resolve_reports as event_reports
from generator.events.story_profiles import deadline_sources
from generator.executor import (
    POOL_MIN_ARTICLES,
    Executor,
    Handoff,
    PipelineAhead,
    beside,
    forked_map,
    in_background,
    make_executor,
    pipeline_ahead,
    pipeline_loaded,
    usable_cores,
)
from generator.ingest import ingest
from generator.ingest.source_cache import CACHE_FILE, SourceCache
from generator.model import ArticleAnalysis, Briefing, BuildSnapshot, BuildWarning, Source
from generator.nlp import cache, parse_article
from generator.publish import asset_files, exported, write_files, write_pdf_file
from generator.publish.lock import build_lock
from generator.publish.snapshot import read_snapshot, store_snapshot
from generator.publish.stamp import (
    STAMP_FILE,
    BuildResult,
    BuildSummary,
    build_inputs,
    stamp_build,
    unchanged_build,
)
from generator.quotes import find_quotes, merge_quotes, merge_statements
from generator.quotes.match_memo import MEMO_FILE as QUOTE_MEMO
from generator.quotes.match_memo import read_memo as read_quote_memo
from generator.quotes.match_memo import write_memo as write_quote_memo
from generator.resolve import outlet_key, parse_overrides, recover_mentions, resolve
from generator.resolve.memo import MEMO_FILE as RESOLVE_MEMO
from generator.resolve.memo import read_memo as read_resolve_memo
from generator.resolve.memo import write_memo as write_resolve_memo
from generator.site.event_policy import mark_event_pages
from generator.site.index import entity_lookups
from generator.site.memo import MEMO_FILE as PAGE_MEMO
from generator.site.memo import PageMemo
from generator.site.memo import delta_path as memo_delta
from generator.site.pages.entity_indexes import summaries_ahead
from generator.site.parts import SiteJob, SitePages, finish_site, make_part, site_job
from generator.site.planner import PARTS
from generator.site.policy import (
    entities_with_pages,
    flag_pages,
    mark_deadline_pages,
    quoted_entities,
    sources_for_deadline_page,
    sources_for_page,
)
from generator.site.render_memo import MEMO_FILE as RENDER_MEMO
from generator.site.render_memo import digests_of, keyed_objects
from generator.storage.checked_pickle import freezing_after_pauses, paused_collector, read_ahead
from generator.temporal import tag as tag_text
from generator.temporal.dating import infer_windows, story_windows

Progress = Callable[[Iterable, str, int], Iterator]

def no_progress(items: Iterable, description: str, total: int) -> Iterator:
    """Progress reporter that reports nothing."""
    return iter(items)


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
        undated_times=None if source.published else tuple(tag_text(source.text, None)),
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
                warn: Callable[[str], None], executor: Executor | None = None,
                freeze: bool = False, ahead: PipelineAhead | None = None,
                ) -> tuple[list[Source], dict[str, ArticleAnalysis]]:
    """NLP over every ok source: cached ones from the cache, the rest on ``executor``.

    The executor (default: ``make_executor(config)``, local or Dask) yields each
    article's analysis or failure reason; an article that fails is marked skipped.
    A few uncached articles of a local build (a rebuild after an article was added
    or edited) are analysed by a forked process while the cache is read here
    (``analysed_ahead``): loading spaCy takes longer than parsing them. That process is
    ``ahead`` when the build started it before reading the folder (``_write_frozen``), else
    it is started here.
    Cache entries this build did not use (deleted or changed articles) are purged.
    ``freeze``: freeze the cached analyses as soon as they are loaded (see ``collect``).
    """
    ok = [s for s in sources if s.status == "ok"]
    pipeline_id = cache.pipeline_identity(config.pipeline)  # the pipeline loading would use
    few = analysed_ahead(config, ok, pipeline_id) if executor is None else []
    with contextlib.ExitStack() as stack:
        if ahead is None and few:
            ahead = stack.enter_context(pipeline_ahead(analyse, config.pipeline))
        if ahead is not None:
            ahead.send(few)
        sent = {s.id for s in few} if ahead is not None and ahead.sent else set()
        found = cached_analyses(config, [s for s in ok if s.id not in sent], pipeline_id, freeze)
        outcomes = ahead.outcomes(warn) if ahead is not None else []
    answered = {source.id for source, _ in outcomes}
    missing = [s for s in ok if s.id not in found and s.id not in answered]
    failed: dict[str, str] = {}
    with contextlib.ExitStack() as stack:  # a fully cached build needs no workers (nor spaCy)
        if missing:
            runner = stack.enter_context(executor or make_executor(config, warn))
            outcomes = itertools.chain(outcomes, runner.map(analyse, missing, config.pipeline))
        for source, outcome in progress(outcomes, "Analysing articles", len(answered) + len(missing)):
            if isinstance(outcome, str):
                failed[source.id] = outcome
            else:
                found[source.id] = cached(config, source, pipeline_id, outcome)
    analyses = {s.id: found[s.id] for s in ok if s.id in found}  # source order, whatever the executor
    cache.purge(config.cache, {cache.cache_key(s, pipeline_id) for s in ok if s.id in analyses})
    marked = [replace(s, status="skipped", error=failed[s.id]) if s.id in failed else s
              for s in sources]
    return marked, analyses


def cached_analyses(config: Config, sources: list[Source], pipeline_id: str,
                    freeze: bool) -> dict[str, ArticleAnalysis]:
    """Source id -> cached analysis of the ``sources`` the cache holds (``freeze``: frozen once read)."""
    with paused_collector():  # millions of new objects, no cycles
        found = {s.id: a for s in sources if (a := cached(config, s, pipeline_id)) is not None}
        if freeze:  # else the collector's first pass after the pause walks every one of them
            gc.freeze()
    return found


def analysed_ahead(config: Config, ok: list[Source], pipeline_id: str) -> list[Source]:
    """The uncached sources when a few (fewer than ``POOL_MIN_ARTICLES``) of a local build
    whose process has not loaded spaCy yet, else none."""
    if config.scheduler or pipeline_loaded(config.pipeline):
        return []
    uncached = [s for s in ok if not cache.stored(config.cache, s, pipeline_id)]
    return uncached if len(uncached) < POOL_MIN_ARTICLES else []


def collect(config: Config, progress: Progress = no_progress,
            warn: Callable[[str], None] = print, now: dt.datetime | None = None,
            previous: BuildSnapshot | None = None, freeze: bool = False,
            ahead: PipelineAhead | None = None) -> Briefing:
    """Read, analyse and resolve the whole corpus into a Briefing: ``read_and_resolve``, then
    ``with_corpus_items`` (the arguments are ``read_and_resolve``'s)."""
    return with_corpus_items(read_and_resolve(config, progress, warn, now, previous, freeze, ahead), config)


def read_and_resolve(config: Config, progress: Progress = no_progress,
                     warn: Callable[[str], None] = print, now: dt.datetime | None = None,
                     previous: BuildSnapshot | None = None, freeze: bool = False,
                     ahead: PipelineAhead | None = None) -> Briefing:
    """The briefing as far as its entities: the articles read and analysed, their names
    resolved; no quotes, events, deadlines or stories yet (``with_corpus_items``).

    Args:
        now: the build time recorded as ``built_at`` (default: the current UTC
            time); fixed by the golden-file tests so their output is stable.
        previous: what the last build of the same docs/ published; source labels
            and story ids stay as they were there.
        freeze: freeze the objects alive once the articles are analysed
            (``gc.freeze``); the caller unfreezes them (``frozen_heap``).
        ahead: a process loading the spaCy pipeline since before the folder was read, for
            the few articles to parse (see ``analyse_all``).
    """
    known = SourceCache(config.cache / CACHE_FILE, cache.code_fingerprint()) if config.cache else None
    sources, warnings = ingest(config.seeds, known)
    sources, analyses = analyse_all(sources, config, progress, warn, freeze=freeze, ahead=ahead)
    if freeze:
        gc.freeze()
    warnings += [BuildWarning(s.path, s.error) for s in sources
                 if s.status != "ok" and all(w.source != s.path for w in warnings)]
    overrides = parse_overrides(config.entities, str(config.config_file or "briefing.yml"))
    names = read_resolve_memo(config.cache)  # per-name and per-article results of the last build
    outlets = frozenset(outlet_key(s.outlet) for s in sources if s.outlet)  # named in metadata
    resolved = resolve(analyses.values(), overrides, names, outlets)
    entities = recover_mentions(resolved, sources, analyses, names)
    write_resolve_memo(config.cache, names)
    return Briefing(
        title=config.title,
        sources=sources,
        analyses=analyses,
        entities=entities,
        warnings=warnings,
        built_at=now or dt.datetime.now(dt.timezone.utc),
        previous=previous,
    )


def with_corpus_items(briefing: Briefing, config: Config,
                      meanwhile: Callable[[], object] | None = None) -> Briefing:
    """``briefing`` (of ``read_and_resolve``) with its quotes, events, deadlines and stories
    merged across articles (``extract_corpus_items``), and the entities, events and deadlines
    that get a page of their own flagged (``site.policy``); ``meanwhile``: more work that reads
    the entities only, for this process while the stories are grouped."""
    with_pages: set[str] = set()

    def decide_pages() -> None:  # the page policy reads the entities only: beside story grouping
        with_pages.update(entities_with_pages(
            briefing.entities, config.min_mentions_for_page, config.max_pages_per_article,
            sources_for_page(config.min_sources_for_page, len(briefing.analyses)),
            quoted_entities(briefing.entities, briefing.analyses.values())))
        if meanwhile is not None:
            meanwhile()

    briefing = extract_corpus_items(briefing, config.cache, meanwhile=decide_pages)
    briefing.entities = flag_pages(briefing.entities, with_pages)
    articles = len(briefing.analyses)
    briefing.events = mark_event_pages(briefing.events, config.max_pages_per_article, articles=articles)
    briefing.deadlines = mark_deadline_pages(briefing.deadlines,
                                              sources_for_deadline_page(config.min_sources_for_page))
    return briefing


def extract_corpus_items(briefing: Briefing, memo_folder: Path | None = None,
                         meanwhile: Callable[[], None] | None = None) -> Briefing:
    """Corpus-wide merges of per-article quotes, events and deadlines (``memo_folder``: where
    story grouping keeps what it worked out for pairs of articles, ``events.pair_memo``;
    ``meanwhile``: more work for this process while the stories are grouped, see
    ``stories_beside_quotes``)."""
    built = (briefing.built_at or dt.datetime.now(dt.timezone.utc)).date()
    clusters = read_cluster_memo(memo_folder, cache.code_fingerprint())
    stories, reports, ahead = stories_beside_quotes(briefing, memo_folder, built, clusters, meanwhile)
    briefing.events = merge_events(briefing, stories, reports, clusters, ahead)
    write_cluster_memo(memo_folder, cache.code_fingerprint(), clusters)
    briefing.stories = group_stories(briefing, stories)
    briefing.date_windows = date_windows(briefing, built)
    return briefing


def stories_beside_quotes(briefing: Briefing, memo_folder: Path | None, built: dt.date,
                          clusters: ClusterMemo, meanwhile: Callable[[], None] | None = None,
                          ) -> tuple[dict[str, tuple[str, ...]], list[EventReport],
                                     dict[tuple[int, ...], StoryWork]]:
    """The briefing's numbered stories, grouped in a forked process (``executor.beside``) while
    this one merges the deadlines, quotes (``quotes.match_memo`` read and written back) and
    statements into ``briefing``, resolves the names of the event mentions
    (``event_reports``) and works out the events of the previous build's stories
    (``events.merge.work_ahead``, with the event ``clusters`` memo), both returned for the
    event merge; then it runs ``meanwhile`` (``collect``: the page policy's choice of
    entities), before it waits for the stories.

    The stories weigh the merged deadlines each article reports: they are sent to the
    forked process (``executor.Handoff``) as soon as merged, which meanwhile counts every
    other feature of the articles. The pairs' memo (``events.pair_memo``) is read here and
    written back by the forked process once the stories are grouped (sent back, its 4 MB
    at 2,000 articles kept this process waiting); the mention lookups are made before the
    fork, once for both.
    """
    memo = read_memo(memo_folder, cache.code_fingerprint())
    quote_matches = read_quote_memo(memo_folder, cache.code_fingerprint())
    briefing.mention_index()
    channel: Handoff[dict[str, list[str]]] = Handoff()
    with beside(partial(_stories_keeping_memo, briefing, memo, channel.receive, memo_folder)) as grouped, \
            channel.sending() as send:
        briefing.deadlines = infer_due_years(merge_deadlines(briefing), built)  # evidence for the stories
        send(deadline_sources(briefing.deadlines))
        briefing.quotes = merge_quotes(briefing, quote_matches)
        write_quote_memo(memo_folder, cache.code_fingerprint(), quote_matches)
        briefing.statements = merge_statements(briefing)
        reports = event_reports(briefing)
        guessed = briefing.previous.stories if briefing.previous else {}
        ahead = work_ahead(reports, guessed, clusters, briefing.entities)
        if meanwhile is not None:
            meanwhile()  # the forked process takes longer at 2,000 articles and more
        stories = grouped()
    channel.close()
    return stories, reports, ahead


def _stories_keeping_memo(briefing: Briefing, memo: PairMemo,
                          deadlines: Callable[[], dict[str, list[str]]],
                          memo_folder: Path | None) -> dict[str, tuple[str, ...]]:
    """``numbered_stories``, once the memo it filled is written to ``memo_folder``
    (``deadlines``: see ``story_profiles.profiles``)."""
    stories = numbered_stories(briefing, memo, deadlines)
    write_memo(memo_folder, cache.code_fingerprint(), memo)
    return stories


def date_windows(briefing: Briefing, built: dt.date) -> dict:
    """Inferred publication windows of undated articles: own text, story, deadlines reported."""
    tagged = {s: a.undated_times for s, a in briefing.analyses.items() if a.undated_times is not None}
    own = infer_windows(briefing.sources, built, tagged)
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
    now = now or dt.datetime.now(dt.timezone.utc)
    inputs = build_inputs(config, now.date())
    skipped = unchanged_build(config, inputs)
    if skipped is not None:
        return skipped
    if config.cache is not None:  # a build that stops half-way must not be skipped next time
        with contextlib.suppress(OSError):
            (config.cache / STAMP_FILE).unlink(missing_ok=True)
    with frozen_heap():
        result = _write_frozen(config, progress, warn, now)
        stamp_build(config, inputs, result)
    return result


BUILD_GC_THRESHOLD = 1_000
"""Collections of the middle generation between two of the oldest during a build (Python's
default: 10).

Each collection of the oldest generation walks every object not frozen: at 2,000 articles a
+1 build made about 24 of them (1.3-1.7 s CPU of about 20 s), walking the corpus-wide
results, pages and memos that live until the build ends. Cycles among young objects are
still collected as usual; old ones wait for the end of the build."""


@contextlib.contextmanager
def frozen_heap() -> Iterator[None]:
    """Objects frozen inside (``gc.freeze``) are unfrozen at the end; the oldest generation
    is collected only every ``BUILD_GC_THRESHOLD`` collections of the middle one meanwhile.

    The articles' analyses are millions of objects that live the whole build;
    frozen, the cyclic garbage collector no longer walks them each time the
    corpus-wide stages have made enough new objects (10-15 % of a rebuild's
    CPU at 1,000 articles), and forked render workers do not copy them by
    touching them. Unfrozen afterwards, so a long-lived process (``mkdocs serve``)
    frees them once the build's result is gone.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(thresholds[0], thresholds[1], max(thresholds[2], BUILD_GC_THRESHOLD))
    try:
        with freezing_after_pauses():
            yield
    finally:
        gc.unfreeze()
        gc.set_threshold(*thresholds)


def _write_frozen(config: Config, progress: Progress, warn: Callable[[str], None],
                  now: dt.datetime) -> BuildResult:
    """Collect, make and write the site and the export.

    A process loading the spaCy pipeline (``executor.PipelineAhead``) is forked first, in
    case an article must be parsed: it loads it while this one reads the last build's memos
    (``memo_files``, ``read_ahead``), the folder and the cache.

    Once the names are resolved, a forked process at the lowest priority works out the
    entities' summaries the page memo lacks (``summaries_ahead``) on the CPU time the story
    grouping and the merges leave (``executor.in_background``; not waited for longer than
    ``SUMMARIES_GRACE`` once the site's lookups are made); this one works out the site's
    lookups that read the entities alone (``site.index.entity_lookups``) while it waits for
    the stories. The export is made by a forked process (``executor.beside``) from the
    moment the briefing is finished, and another works out the digests the pages' keys read
    (``render_memo.digests_of``), while this one works out the site's other lookups
    (``site_job``) and then makes the pages with the other processes. After one deleted
    article at 2,000 articles (varied corpus) the two took the pages from 3.5 to 3.2 s and
    the lookups from 2.0 to 1.7 s of a 14 s rebuild (three runs each, on a slow day).
    """
    with pipeline_ahead(analyse, config.pipeline, wanted=not config.scheduler) as ahead, \
            read_ahead(memo_files(config.cache)):
        previous = read_snapshot(config.docs, config.cache)  # before this build overwrites the export
        briefing = read_and_resolve(config, progress, warn, now, previous, freeze=True, ahead=ahead)
        page_memo = PageMemo(config.cache)
        lookups = functools.cache(partial(entity_lookups, briefing))  # worked out while stories are grouped
        with in_background(partial(summaries_ahead, briefing, page_memo)) as summarised:
            briefing = with_corpus_items(briefing, config, meanwhile=lookups)
            gc.freeze()  # the corpus-wide results, before any process forks
            with beside(partial(export_files, briefing)) as export_made, \
                    digests_beside(briefing, config) as digested:
                job = site_job(briefing, config.min_mentions_for_page, config.templates, config.cache,
                               config.docs, page_memo, digested, lookups())
                summaries = summarised(SUMMARIES_GRACE)
                if summaries is not None:  # else the page parts work out the summaries they read
                    page_memo.take_ahead(*summaries)
                gc.freeze()  # the site's lookups too
                pages = made_pages(job)
                export, snapshot = export_made()
    files: dict[str, str | bytes] = {**pages.texts, **export}
    files.update(asset_files())
    written = write_files(config.docs, files, current=pages.on_disk)
    store_snapshot(config.docs, config.cache, snapshot)
    briefing.warnings.extend(written.warnings)
    return BuildResult(BuildSummary.of(briefing), written, briefing)


SUMMARIES_GRACE = 0.25
"""Seconds the build waits for the entity summaries worked out in the background
(``summaries_ahead``) once the site's lookups are made; not done by then, they are left to
the page parts, which work out those they read (about 0.2-0.3 s of a rebuild at 2,000
articles). On a quiet machine they are done by then or within 0.2 s; on a busy one the
background process had had no CPU for seconds while the build waited for it (a +1 rebuild
at 2,000 articles beside the test suite: 15-22 s instead of 8)."""


def digests_beside(briefing: Briefing, config: Config) -> contextlib.AbstractContextManager:
    """The digests the pages' keys read (``render_memo.digests_of``), worked out by a forked
    process (``executor.beside``); none without a cache, where the render memo keeps nothing."""
    if config.cache is None:
        return contextlib.nullcontext(None)
    return beside(partial(digests_of, keyed_objects(briefing)))


def memo_files(folder: Path | None) -> list[Path]:
    """The files in the cache ``folder`` where the stages keep what the next build reuses."""
    if folder is None:
        return []
    names = (RESOLVE_MEMO, CLUSTER_MEMO, PAIR_MEMO, QUOTE_MEMO, PAGE_MEMO, RENDER_MEMO)
    site_deltas = [memo_delta(folder / name) for name in (PAGE_MEMO, RENDER_MEMO)]
    return [folder / name for name in names] + site_deltas


def export_files(briefing: Briefing) -> tuple[dict[str, str | bytes], BuildSnapshot]:
    """The export's files with their snapshot (``exported``). Files come as UTF-8 bytes, which
    cross from a forked process at the cost of a copy (text is encoded on the way); one that
    does not encode stays text, for the writer."""
    files, snapshot = exported(briefing)
    return {path: _utf8(text) for path, text in files.items()}, snapshot


def _utf8(text: str) -> str | bytes:
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError:
        return text


def made_pages(job: SiteJob) -> SitePages:
    """The site's pages, made in parts by forked processes (``site.parts``). The memos are
    written once the processes are gone: one killed meanwhile leaves none behind."""
    with forked_map(partial(make_part, job), list(PARTS), usable_cores()) as made:
        parts = made()
    return finish_site(job, parts)


def write_pdf(config: Config, output: Path, full: bool = False) -> Path:
    """Collect the corpus and print it to ``output`` (see ``publish.pdf.write_pdf``)."""
    previous = read_snapshot(config.docs, config.cache)  # the site's labels and story ids
    briefing = collect(config, previous=previous)
    return write_pdf_file(briefing, config, output, full)
