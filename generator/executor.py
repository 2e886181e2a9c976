"""Where per-article analysis runs: this process, local worker processes, or a Dask cluster.

Per-article analysis (spaCy parse and the per-article extractors) depends
only on the article, the spaCy pipeline and the code, so it can run anywhere;
``generator.pipeline`` keeps the cache lookups and everything corpus-wide. An
executor maps an ``analyse(source, nlp)`` function over the articles that
missed the cache and yields, for each, its ``ArticleAnalysis`` or the reason
it failed: one failed article is skipped, the build goes on. Results come back
to the building process, which stores them in the cache by content key, so
workers need no shared disk and every later build (anywhere the cache folder
is) reuses them.

- ``LocalExecutor`` (default): in this process for a few articles; for many,
  a pool of forked processes that share the pipeline loaded here
  (``POOL_MIN_ARTICLES`` per process, at most one process per usable core).
- ``DaskExecutor``: ``briefing build --scheduler ADDRESS`` or ``scheduler:`` in
  ``briefing.yml``. Each worker process loads the pipeline once
  (``worker_pipeline``); workers must run the same briefing code (checked by
  the cache's code fingerprint) and have the pipeline installed.
"""

from __future__ import annotations

import contextlib
import ctypes
import multiprocessing
import os
import signal
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor, as_completed
from contextlib import AbstractContextManager
from functools import cache, partial
from typing import Any, Generic, Protocol, TypeVar

from generator.config import BriefingError, Config
from generator.model import ArticleAnalysis, Source
from generator.nlp import load_pipeline
from generator.nlp.cache import code_fingerprint, meta_identity

Analyse = Callable[[Source, Any], ArticleAnalysis]
"""Analysis of one article with a loaded spaCy pipeline (``generator.pipeline.analyse``)."""

Outcome = tuple[Source, "ArticleAnalysis | str"]
"""An article and its analysis, or the reason its analysis failed."""

POOL_MIN_ARTICLES = 10
"""Uncached articles per local process before a pool is used.

Measured on ECB+ articles (about 90 ms CPU each): a forked pool starts in about
0.1 s CPU (the pipeline is inherited, not reloaded) and adds no measurable CPU
per article, while ``nlp.pipe(n_process=2)`` costs 15% more CPU for the parse
alone (docs are serialised back) and leaves the extractors in one process."""

CONNECT_TIMEOUT = "10s"
"""How long to try reaching a Dask scheduler before giving up with a usage error."""

_PIPELINES: dict[str, tuple[Any, tuple[str, ...]]] = {}
_LOCK = threading.Lock()


class Executor(Protocol):
    """Runs ``analyse`` over articles; a context manager that owns its workers."""

    def __enter__(self) -> Executor: ...

    def __exit__(self, *exc_info: object) -> None: ...

    def map(self, analyse: Analyse, sources: list[Source], pipeline: str) -> Iterator[Outcome]:
        """Each source with its analysis or failure reason, in any order."""
        ...


def worker_pipeline(name: str, warn: Callable[[str], None] = print):  # -> spacy.Language
    """The spaCy pipeline of this process, loaded once per process and name.

    A fallback warning of the first load is repeated to every caller.
    """
    with _LOCK:
        if name not in _PIPELINES:
            messages: list[str] = []
            _PIPELINES[name] = (load_pipeline(name, messages.append), tuple(messages))
        nlp, messages = _PIPELINES[name]
    for message in messages:
        warn(message)
    return nlp


def failure(err: BaseException) -> str:
    """The skip reason of an article whose analysis raised ``err``."""
    return f"language analysis failed: {type(err).__name__}: {err}"


def analyse_safely(source: Source, analyse: Analyse, pipeline: str) -> ArticleAnalysis | str:
    """``analyse`` with this process's pipeline; an exception becomes the skip reason."""
    try:
        return analyse(source, worker_pipeline(pipeline, warn=_ignore))
    except Exception as err:  # one bad article must not stop the build
        return failure(err)


def _ignore(message: str) -> None:
    """Warnings of worker processes: the building process reports its own."""


def usable_cores() -> int:
    """Cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


T = TypeVar("T")
Item = TypeVar("Item")

_INHERITED: Callable[[Any], Any] | None = None
"""The function processes forked by ``forked_map`` run (inherited, never pickled)."""


@contextlib.contextmanager
def forked_map(function: Callable[[Item], T], items: Sequence[Item],
               processes: int) -> Iterator[Callable[[], list[T]]]:
    """``function`` over ``items`` in up to ``processes`` forked processes while the body runs
    here; the body gets a function that waits for them and returns the results in the items'
    order (an error ``function`` raised is raised there; a process that dies raises
    ``BrokenProcessPool``).

    The processes inherit everything this one holds, so nothing is pickled but the items and
    the results; what ``function`` changes in memory or on disk stays its own, so it should
    only compute (the caller writes). A free process takes the next item, in order. With fewer
    than two processes or without ``fork``, ``function`` runs here over the items when the
    results are first asked for.
    """
    if processes < 2 or not items or "fork" not in multiprocessing.get_all_start_methods():
        yield cache(lambda: [function(item) for item in items])
        return
    global _INHERITED
    _INHERITED = function
    try:
        with ProcessPoolExecutor(min(processes, len(items)), mp_context=multiprocessing.get_context("fork"),
                                 initializer=end_with_parent, initargs=(os.getpid(),)) as pool:
            futures = [pool.submit(_run_inherited, item) for item in items]  # the first forks them all
            yield lambda: [future.result() for future in futures]
    finally:
        _INHERITED = None


def end_with_parent(parent: int) -> None:
    """In a process forked by ``parent``: end when ``parent`` ends, however it ends.

    A worker waiting for work from a build killed meanwhile (``kill -9``, out of memory) would
    otherwise wait forever, holding its share of the build's memory and the build lock the
    next build waits for (``publish.lock``: forked processes share it). On Linux the kernel
    kills the worker when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``); elsewhere
    only a parent already gone is noticed here.
    """
    with contextlib.suppress(OSError, AttributeError):  # no prctl (not Linux)
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # died before the request was made
        os._exit(1)


PR_SET_PDEATHSIG = 1
"""Linux's ``prctl`` option: the signal a process gets when its parent dies."""


def _run_inherited(item: Any) -> Any:
    """In a process ``forked_map`` forked: its function on one item."""
    assert _INHERITED is not None
    return _INHERITED(item)


class Handoff(Generic[T]):
    """One value sent from this process to a process it forks afterwards (made before the fork:
    a ``multiprocessing`` queue). A ``sending`` block left without sending (an error) sends
    None, on which the receiver raises, so the forked process never waits forever; the
    queue's thread is not waited for at exit (a receiver that died reads nothing)."""

    def __init__(self) -> None:
        self._queue: Any = multiprocessing.Queue()
        self._queue.cancel_join_thread()

    @contextlib.contextmanager
    def sending(self) -> Iterator[Callable[[T], None]]:
        """A function sending the value, once."""
        sent: list[T] = []

        def send(value: T) -> None:
            sent.append(value)
            self._queue.put(value)
        try:
            yield send
        finally:
            if not sent:
                self._queue.put(None)

    def receive(self) -> T:
        """The value sent (in the forked process).

        Raises:
            RuntimeError: the sender's block ended without sending it.
        """
        value = self._queue.get()
        if value is None:
            raise RuntimeError("the value a forked process waited for was never sent")
        return value

    def close(self) -> None:
        """No more to send or receive."""
        self._queue.close()


@contextlib.contextmanager
def beside(task: Callable[[], T]) -> Iterator[Callable[[], T]]:
    """Run ``task()`` in a forked process while the body runs here (``forked_map`` of one item
    on the usable cores); the body gets a function that waits for the task and returns its
    result."""
    with forked_map(lambda _: task(), [None], usable_cores()) as results:
        yield lambda: results()[0]


@contextlib.contextmanager
def in_background(task: Callable[[], T]) -> Iterator[Callable[[float], T | None]]:
    """Run ``task()`` in a forked process at the lowest priority (``os.nice``), on the CPU time
    the build's other processes leave, while the body runs here. The body gets a function that
    waits at most ``timeout`` seconds for the result and returns it, or None when the task is
    not done by then: the caller then does the work itself, and the process is ended. For work
    that only saves time: a busy machine, on which a process of the lowest priority may get no
    CPU for seconds, never holds the build up.

    An error the task raised is raised where the result is asked for; ask once. With one
    usable core (or without ``fork``) the task runs here when its result is asked for, whatever
    the timeout.
    """
    if usable_cores() < 2 or "fork" not in multiprocessing.get_all_start_methods():
        yield lambda timeout: task()
        return
    context = multiprocessing.get_context("fork")
    receiving, sending = context.Pipe(duplex=False)
    process = context.Process(target=_run_in_background, args=(task, sending, os.getpid()), daemon=True)
    process.start()
    sending.close()

    def result(timeout: float) -> T | None:
        value = _result_within(receiving, timeout)
        if value is None and process.is_alive():
            process.kill()  # not to take CPU from the work the caller does instead
        return value
    try:
        yield result
    finally:
        if process.is_alive():
            process.kill()
        process.join()
        receiving.close()


def _run_in_background(task: Callable[[], T], connection: Any, parent: int) -> None:
    """In the process ``in_background`` forked: ``task()`` at the lowest priority, its result
    (or the error it raised) sent back."""
    end_with_parent(parent)
    with contextlib.suppress(OSError, AttributeError):  # no os.nice (not Unix): as it is
        os.nice(LOWEST_PRIORITY)
    try:
        outcome: tuple[bool, Any] = (True, task())
    except Exception as err:  # noqa: BLE001 - raised again in the building process
        outcome = (False, err)
    connection.send(outcome)


def _result_within(connection: Any, timeout: float) -> Any | None:
    """The result ``_run_in_background`` sends, if it comes within ``timeout`` seconds, else
    None (also when the process ended without sending one)."""
    if not connection.poll(timeout):
        return None
    try:
        done, value = connection.recv()
    except (EOFError, OSError):
        return None
    if not done:
        raise value
    return value


LOWEST_PRIORITY = 19
"""The niceness ``in_background`` gives its process (Unix: 19 is the lowest priority)."""


def pipeline_loaded(name: str) -> bool:
    """Whether this process has loaded the pipeline ``name`` already (``worker_pipeline``)."""
    return name in _PIPELINES


class PipelineAhead:
    """A forked process that loads the spaCy pipeline from the moment it is made, while this
    one goes on (a rebuild reads the folder, the cache and the memos meanwhile), then analyses
    the few articles it is sent (``send``) with ``LocalExecutor`` in one process.

    Loading the pipeline in a process that has not (importing spaCy and reading the model,
    about 0.9 s) takes longer than parsing a few articles; made as a build starts, the
    process has loaded it by the time the build knows which articles it must parse. Sent
    none (or ``close``d first), the process is killed: it only cost the idle core some CPU.
    """

    def __init__(self, analyse: Analyse, pipeline: str) -> None:
        self._connection, theirs = multiprocessing.get_context("fork").Pipe()
        self._process = multiprocessing.get_context("fork").Process(
            target=_load_then_analyse, args=(theirs, analyse, pipeline, os.getpid()), daemon=True)
        self._process.start()
        theirs.close()  # only the child holds its end: a child that dies ends our reads
        self.sent = False

    def send(self, sources: list[Source]) -> None:
        """The articles to analyse; none kills the process."""
        if not sources:
            self.close()
            return
        self._connection.send(sources)
        self.sent = True

    def outcomes(self, warn: Callable[[str], None]) -> list[Outcome]:
        """Waits for the outcomes of the articles sent, giving the pipeline's warnings to
        ``warn``; [] when none were sent or the process died (the caller analyses what is left).

        Raises:
            BriefingError: the pipeline could not be loaded there (as ``LocalExecutor.map``).
        """
        if not self.sent:
            return []
        try:
            raised, messages, found = self._connection.recv()
        except (EOFError, OSError):
            return []
        finally:
            self.close()
        for message in messages:
            warn(message)
        if raised is not None:
            raise raised
        return found

    def close(self) -> None:
        """Stop the process if it still runs."""
        if self._process.is_alive():
            self._process.kill()
        self._process.join()
        self._connection.close()


def _load_then_analyse(connection: Any, analyse: Analyse, pipeline: str, parent: int) -> None:
    """In the process ``PipelineAhead`` forks: load the pipeline, then analyse what is sent and
    send back (exception raised or None, the pipeline's warnings, outcomes)."""
    end_with_parent(parent)
    with contextlib.suppress(BriefingError):  # raised again below, when the articles come
        worker_pipeline(pipeline, _ignore)  # its warnings are repeated to the executor below
    sources = connection.recv()
    messages: list[str] = []
    try:
        executor = LocalExecutor(messages.append, processes=1)
        connection.send((None, messages, list(executor.map(analyse, sources, pipeline))))
    except BriefingError as err:
        connection.send((err, messages, []))


@contextlib.contextmanager
def pipeline_ahead(analyse: Analyse, pipeline: str, wanted: bool = True) -> Iterator[PipelineAhead | None]:
    """A ``PipelineAhead`` while the body runs (stopped at its end), when ``wanted``, this
    process has not loaded ``pipeline`` and another core is free to load it; else None."""
    if not wanted or pipeline_loaded(pipeline) or usable_cores() < 2 \
            or "fork" not in multiprocessing.get_all_start_methods():
        yield None
        return
    ahead = PipelineAhead(analyse, pipeline)
    try:
        yield ahead
    finally:
        ahead.close()


class LocalExecutor(AbstractContextManager):
    """This process, or forked processes for many uncached articles."""

    def __init__(self, warn: Callable[[str], None] = print, processes: int | None = None) -> None:
        """Args:
            processes: worker processes (1: in this process); default by corpus size and cores.
        """
        self.warn = warn
        self.processes = processes

    def __exit__(self, *exc_info: object) -> None:
        return None

    def pool_size(self, count: int) -> int:
        """Processes to use for ``count`` uncached articles (1: no pool)."""
        if self.processes is not None:
            return max(1, self.processes)
        return max(1, min(usable_cores(), count // POOL_MIN_ARTICLES))

    def map(self, analyse: Analyse, sources: list[Source], pipeline: str) -> Iterator[Outcome]:
        """Analyse in this process or a pool; loads the pipeline here first (a missing one is an error)."""
        if not sources:
            return
        worker_pipeline(pipeline, self.warn)  # raises BriefingError; forked workers inherit it
        size = self.pool_size(len(sources))
        if size == 1 or "fork" not in multiprocessing.get_all_start_methods():
            yield from ((s, analyse_safely(s, analyse, pipeline)) for s in sources)
            return
        yield from self._pool(analyse, sources, pipeline, size)

    def _pool(self, analyse: Analyse, sources: list[Source], pipeline: str, size: int) -> Iterator[Outcome]:
        """Forked processes; if one is killed the pool breaks and the articles not yet done are skipped."""
        context = multiprocessing.get_context("fork")
        with ProcessPoolExecutor(size, mp_context=context, initializer=end_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            owner = {pool.submit(analyse_safely, s, analyse, pipeline): s for s in sources}
            for future in as_completed(owner):
                yield owner[future], _outcome(future)


def _outcome(future: Any) -> ArticleAnalysis | str:
    """A finished future's result, or the reason it has none (its worker died, it was cancelled)."""
    try:
        error = future.exception()
        if error is None:
            return future.result()
    except Exception as err:  # a cancelled task raises instead of returning its error
        error = err
    return f"analysis worker failed: {type(error).__name__}: {error}"


def worker_ready(pipeline: str) -> tuple[str, str]:
    """Run on each Dask worker: load the pipeline; (code fingerprint, pipeline or error)."""
    try:
        nlp = worker_pipeline(pipeline, warn=_ignore)
    except Exception as err:  # reported to the client as a configuration error
        return code_fingerprint(), f"error: {err}"
    return code_fingerprint(), meta_identity(nlp.meta)


class DaskExecutor(AbstractContextManager):
    """The workers of a Dask distributed scheduler; results return here."""

    def __init__(self, address: Any, pipeline: str) -> None:
        """Args:
            address: a scheduler address (``tcp://host:8786``) or a ``distributed.LocalCluster``.
            pipeline: the spaCy pipeline each worker loads once.
        """
        self.address = address
        self.pipeline = pipeline
        self.client: Any = None

    def __enter__(self) -> DaskExecutor:
        import distributed  # loaded only when a scheduler is configured (as spaCy in load_pipeline)

        try:
            self.client = distributed.Client(self.address, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, ValueError, TypeError) as err:
            raise BriefingError(f"cannot reach the Dask scheduler {self.address}: {err}") from None
        try:
            self._check_workers()
        except BaseException:
            self.client.close()
            raise
        return self

    def __exit__(self, *exc_info: object) -> None:
        if self.client is not None:
            self.client.close()

    def _check_workers(self) -> None:
        """Every worker loads the pipeline and runs this code, or a ``BriefingError``."""
        try:
            self.client.wait_for_workers(1, timeout=CONNECT_TIMEOUT)
        except TimeoutError:
            raise BriefingError(f"the Dask scheduler {self.address} has no workers") from None
        states = self.client.run(worker_ready, self.pipeline)
        for worker, (fingerprint, loaded) in sorted(states.items()):
            if loaded.startswith("error: "):
                raise BriefingError(f"Dask worker {worker}: {loaded[7:]}")
            if fingerprint != code_fingerprint():
                raise BriefingError(f"Dask worker {worker} runs different briefing code; "
                                    "install the same version on every worker")
        if len({loaded for _, loaded in states.values()}) > 1:
            raise BriefingError(f"Dask workers load different spaCy pipelines: {sorted(states.values())}")

    def map(self, analyse: Analyse, sources: list[Source], pipeline: str) -> Iterator[Outcome]:
        """One task per article; each result comes back as it finishes."""
        import distributed
        from dask.base import tokenize

        if not sources:
            return
        task = partial(analyse_safely, analyse=analyse, pipeline=pipeline)
        keys = [f"briefing-analyse-{s.id}-{tokenize(s, pipeline, code_fingerprint())}" for s in sources]
        futures = self.client.map(task, sources, key=keys, pure=False)
        owner = {future.key: source for future, source in zip(futures, sources, strict=True)}
        for future in distributed.as_completed(futures, loop=self.client.loop):
            yield owner[future.key], _outcome(future)
            future.release()


def make_executor(config: Config, warn: Callable[[str], None] = print) -> Executor:
    """The executor the settings ask for: Dask when a scheduler is set, local otherwise."""
    if config.scheduler:
        return DaskExecutor(config.scheduler, config.pipeline)
    return LocalExecutor(warn)


