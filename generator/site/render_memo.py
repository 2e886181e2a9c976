"""Rendered pages kept between builds: a page whose inputs are all unchanged is not rendered again.

A page's Markdown is a function of the templates, its path, its context and what
the linker tells it about the entities, sources and events it links to. The memo
(``render-memo.bin`` and its delta in the cache folder, see ``memo.MemoFiles``: checksummed
pickles written atomically, tagged with the code fingerprint) holds for each page:

- its key: a digest of every template file, the page path and template, and the
  pickled context, in which each source, entity, event, quote, deadline and story
  (``SHARED``) is replaced by the digest of its own pickle (hashing every page's
  copy of shared sources costs ten times the rendering); a context holding the whole
  ``Briefing`` (the build report) is never kept. A ``DeferredPage`` (an entity page) is
  keyed by the digest of its inputs instead, and its context is made only to render it;
- what the page read through the linker (``RecordingLinker``): entity, source and
  event ids, and a digest of what the linker gives for each of them *this* build
  (an entity's name and page; a source's label, title, text, sentences and the
  pages of the entities its mentions link to; an event's link target);
- a digest of the Markdown. The text itself is not kept: the writer put it in
  docs/ last build, and the file is checked against the digest there (``on_disk``;
  a build then leaves it as it is, and ``reuse`` reads it back for callers that want
  the text). Once a build has found the file holding that text, the entry keeps the
  file's size and modification time, and later builds compare those instead of reading
  the file again (as the build stamp does, ``publish.stamp``; a file edited since has
  another modification time, so it is read, found changed and rendered again);
- the page memo keys (figures, summaries) a deferred context was made from, kept for
  the next build while the page is found unchanged (``planned``).

A page is reused only when its key is the memo's, the linker gives the same for
every id it read, and docs/ still holds its exact text; anything else (a damaged
memo, an edited page, other code) renders it again.
"""

from __future__ import annotations

import copy
import hashlib
import io
import pickle
from pathlib import Path

from generator.model import Briefing, Citation, Deadline, Entity, Event, Quote, Source, Story
from generator.site.digests import Digests, digest, pickle_digest
from generator.site.linker import Linker
from generator.site.memo import Handed, MemoFiles, hand_back, take_back
from generator.site.page import PlannedPage

MEMO_FILE = "render-memo.bin"
"""The memo's file in the cache folder (not ``*.pickle``: the NLP cache purges those)."""

FileState = tuple[int, int]
"""Size and modification time (ns) of a page's file in docs/."""

Entry = tuple[tuple[str, ...], str, str, tuple[str, ...], FileState | None]
"""(ids the page read through the linker, digest of their values, digest of the page text, keys
of the figures and summaries its deferred context took from the page memo, the state of the
file found holding that text, None until a build has found it)."""


def keyed_objects(briefing: Briefing) -> list[object]:
    """The objects of ``briefing`` whose digests the pages' keys read, in a fixed order: every
    ``SHARED`` object a page context may hold (of the entities, those with a page: the others
    are in no context) and each article's sentences (read by the keys of entity pages)."""
    with_page = [entity for entity in briefing.entities if entity.has_page]
    return [*briefing.sources, *with_page, *briefing.events, *briefing.quotes, *briefing.deadlines,
            *briefing.stories, *(analysis.sentences for analysis in briefing.analyses.values())]


def digests_of(objects: list[object]) -> list[str]:
    """The digest of each object (``digests.pickle_digest``), in order: the work of
    ``RenderMemo.prime``, for a process of its own (see ``pipeline._write_frozen``)."""
    return [pickle_digest(obj) for obj in objects]


class RecordingLinker:
    """The linker's template helpers, noting which entities ("e"), sources ("s") and events ("v")
    a page reads; each helper's answer depends on nothing else (see ``RenderMemo.value``)."""

    def __init__(self, linker: Linker) -> None:
        self.linker = linker
        self.read: set[str] = set()

    def page_of(self, entity_id: str) -> str | None:
        self.read.add("e" + entity_id)
        return self.linker.page_of(entity_id)

    def event_page(self, event_id: str) -> str:
        self.read.add("v" + event_id)
        return self.linker.event_page(event_id)

    def deadline_link(self, deadline: Deadline, from_page: str, cited: bool = True):
        self.read.update("s" + report.citation.source for report in deadline.reports)
        return self.linker.deadline_link(deadline, from_page, cited)

    def entity_link(self, entity_id: str, from_page: str, label: str | None = None):
        self.read.add("e" + entity_id)
        return self.linker.entity_link(entity_id, from_page, label)

    def source_label(self, source_id: str) -> str:
        self.read.add("s" + source_id)
        return self.linker.source_label(source_id)

    def source_link(self, source_id: str, from_page: str, label: str = ""):
        self.read.add("s" + source_id)
        return self.linker.source_link(source_id, from_page, label)

    def cited_sentence(self, citation: Citation) -> str:
        self.read.add("s" + citation.source)
        return self.linker.cited_sentence(citation)

    def cite(self, citation: Citation, from_page: str, shown: str = ""):
        self.read.add("s" + citation.source)
        return self.linker.cite(citation, from_page, shown)

    def mention_link(self, citation: Citation, from_page: str, label: object = None):
        self.read.add("s" + citation.source)
        return self.linker.mention_link(citation, from_page, label)

    def cites(self, citations, from_page: str, limit: int = 0, shown: str | Citation = ""):
        citations = list(citations)
        self.read.update("s" + c.source for c in citations)
        if isinstance(shown, Citation):
            self.read.add("s" + shown.source)
        return self.linker.cites(citations, from_page, limit, shown)

    def text(self, source_id: str, start: int, end: int, from_page: str, linked: set[str] | None = None):
        self.read.add("s" + source_id)
        return self.linker.text(source_id, start, end, from_page, linked)


class _Unkeyable(Exception):
    """A context the memo does not key (it holds the whole briefing)."""


def _digest_ref(value: str) -> str:
    """What a pickled context holds in place of a source or an entity (never unpickled)."""
    return value


SHARED = (Source, Entity, Event, Quote, Deadline, Story)
"""Objects of the briefing that many pages' contexts hold (an event is on its page, its story's,
the timeline's, the Events index's and each participant's): each is pickled once per process
for its digest, which every context holding it is keyed with."""


class _ContextPickler(pickle.Pickler):
    """Pickles a context with each ``SHARED`` object replaced by the digest of its own pickle.

    A ``dispatch_table`` entry per type: the C pickler calls Python only for those objects,
    not for each of the millions of strings and numbers of the contexts.
    """

    def __init__(self, file: io.BytesIO, digests: Digests) -> None:
        super().__init__(file, protocol=pickle.HIGHEST_PROTOCOL)
        self.digests = digests
        self.dispatch_table = {kind: self._reference for kind in SHARED}
        self.dispatch_table[Briefing] = _refuse

    def _reference(self, obj: object) -> tuple:
        return _digest_ref, (self.digests.of(obj),)


def _refuse(obj: Briefing) -> tuple:
    raise _Unkeyable


class RenderMemo:
    """The previous build's rendered pages, checked against this build's inputs."""

    def __init__(self, folder: Path | None, docs: Path | None, linker: Linker, templates: list[str],
                 digests: Digests | None = None) -> None:
        """Read the memo of ``folder`` (None: keep nothing) for pages written to ``docs``
        (``digests``: the planners' own, when they key pages by them)."""
        self.docs, self.linker = docs, linker
        self.active = folder is not None and docs is not None
        """Whether pages are keyed, reused and kept at all."""
        self.files = MemoFiles(folder / MEMO_FILE) if folder and docs else None
        self.previous: dict[str, Entry] = self.files.read() if self.files else {}
        self.used: dict[str, Entry] = {}
        self.templates = _folders_digest(templates)
        self.digests = digests if digests is not None else Digests()
        self._values: dict[str, str] = {}

    def prime(self, briefing: Briefing, digested: list[str] | None = None) -> None:
        """Work out now the digest of every object of ``briefing`` that pages' keys read
        (``keyed_objects``) and the linker's value of every source, entity and event, which
        each page's key and check read (``digested``: the digests of ``keyed_objects``,
        worked out by another process, ``digests_of``).

        Called before the processes making the site's parts fork, so that they inherit them:
        each process worked them out again for itself (at 2,000 articles, 2.2-2.4 s of CPU
        in the two processes together against 0.8-0.9 s here, once).
        """
        if not self.active:
            return
        objects = keyed_objects(briefing)
        if digested is not None:
            self.digests.take(objects, digested)
        else:
            for obj in objects:
                self.digests.of(obj)
        for kind, items in (("s", briefing.sources), ("e", briefing.entities), ("v", briefing.events)):
            for item in items:
                self.value(kind + item.id)

    def key(self, page: PlannedPage) -> str | None:
        """Digest of the templates, the page's path and template and its context, or the digest
        of its inputs when its planner gave them (``DeferredPage``: its context is not made
        here); None: not kept."""
        head = f"{self.templates}\0{page.path}\0{page.template}\0".encode("utf-8", "surrogatepass")
        if page.inputs:
            return digest(head + b"inputs\0" + page.inputs.encode())
        buffer = io.BytesIO()
        try:
            _ContextPickler(buffer, self.digests).dump(page.context)
        except (_Unkeyable, pickle.PicklingError, TypeError, AttributeError):
            return None
        return digest(head + buffer.getvalue())

    def reuse(self, page: PlannedPage, key: str | None) -> str | None:
        """The page's text from docs/ when nothing it was made from changed, else None."""
        found = self._found(page, key)
        if found is None:
            return None
        path, data = found
        try:
            return (path.read_bytes() if data is None else data).decode("utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def on_disk(self, page: PlannedPage, key: str | None) -> bool:
        """Whether docs/ holds the page as it would be rendered: nothing it was made from
        changed, and its file holds the text the memo kept (the file is read only when its
        size or modification time is not the one the memo noted). Else it is rendered."""
        return self._found(page, key) is not None

    def _found(self, page: PlannedPage, key: str | None) -> tuple[Path, bytes | None] | None:
        """``on_disk``'s check: the page's file and its bytes when they had to be read (None
        when its state was the one noted), or None when the page must be rendered."""
        entry = self.previous.get(key) if key else None
        if entry is None or self.docs is None or self.read_digest(entry[0]) != entry[1]:
            return None
        path, data = self.docs / page.path, None
        try:
            stat = path.stat()
            state = (stat.st_size, stat.st_mtime_ns)
            if entry[4] != state:
                data = path.read_bytes()
                if digest(data) != entry[2]:
                    return None
                entry = (*entry[:4], state)  # else the previous build's own entry (``hand_back``)
        except OSError:
            return None
        self.used[key] = entry
        return path, data

    def keep(self, key: str | None, read: tuple[str, ...], text: str, planned: tuple[str, ...] = ()) -> None:
        """Remember a page rendered this build (``planned``: the page memo keys its context used
        when it was made while rendering, ``DeferredPage``); the next build reads its file once."""
        if key is not None:
            self.used[key] = (read, self.read_digest(read), digest(text.encode("utf-8")), planned, None)

    def planned(self, key: str | None) -> tuple[str, ...]:
        """The page memo keys the context of a page found unchanged used when it was made."""
        entry = self.used.get(key) if key else None
        return entry[3] if entry is not None else ()

    def read_digest(self, read: tuple[str, ...]) -> str:
        """Digest of what the linker gives this build for each id in ``read``."""
        values, value = self._values, self.value
        return digest("\0".join([values.get(item) or value(item) for item in read]).encode())

    def value(self, item: str) -> str:
        """Digest of everything the linker's helpers read about one id ("e", "s" or "v" and the id)."""
        found = self._values.get(item)
        if found is None:
            found = self._values[item] = pickle_digest(self._raw_value(item))
        return found

    def _raw_value(self, item: str) -> tuple:
        kind, name, linker = item[0], item[1:], self.linker
        if kind == "e":
            entity = linker.entities.get(name)
            return (entity.name, linker.page_of(name)) if entity else ()
        if kind == "v":
            return (linker.event_page(name),)
        text = linker.source_texts.get(name)
        spans = tuple((start, end, entity_id, linker.page_of(entity_id), linker.entities[entity_id].name)
                      for start, end, entity_id in linker.spans.get(name, ()))
        return (linker.source_labels.get(name), linker.source_hovers.get(name),
                digest(text.encode("utf-8", "surrogatepass")) if text is not None else None,
                tuple(sorted(linker.sentence_spans.get(name, {}).items())), spans)

    def fresh(self) -> RenderMemo:
        """A memo checking against the same previous pages that records its own (one part of
        the site, perhaps made in another process: its ``used`` is ``add``ed back)."""
        part = copy.copy(self)
        part.used = {}
        return part

    def handed_back(self) -> Handed:
        """What a ``fresh`` part used, for ``add`` (see ``memo.hand_back``)."""
        return hand_back(self.used, self.previous)

    def add(self, handed: Handed) -> None:
        """Keep the pages a ``fresh`` part rendered or reused (its ``handed_back``)."""
        take_back(self.used, self.previous, handed)

    def save(self) -> None:
        """Write this build's pages for the next build; a failed write only costs time."""
        if self.files is not None:
            self.files.write(self.used)


def _folders_digest(folders: list[str]) -> str:
    """Digest of every file (path within its folder, and bytes) under the template folders, in
    search order: not of where the folders are, so a project moved elsewhere keeps its pages."""
    hasher = hashlib.blake2b(digest_size=16)
    for number, folder in enumerate(folders):
        root = Path(folder)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            name = f"{number}\0{path.relative_to(root).as_posix()}\0"
            hasher.update(name.encode("utf-8", "surrogateescape"))
            hasher.update(path.read_bytes())
    return hasher.hexdigest()
