"""The one typed data model that flows through every stage of the build.

Stages are functions over these objects:

    ingest  -> Source                (one per file, per-article)
    nlp     -> ArticleAnalysis       (one per ok Source, per-article, cacheable
                                      by Source.content_hash)
    resolve -> Entity                (corpus-wide)
    events / deadlines / quotes -> Event, Deadline, Quote (corpus-wide merge of
                                      per-article candidates)
    render  -> pages                 (reads the finished Briefing)

Every extracted item carries the id of its source and character offsets into
``Source.text``, so ``source.text[start:end] == item.text`` always holds.
Objects are frozen; stages build new ones instead of mutating.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from typing import Literal, Protocol, TypeVar

EntityType = Literal["person", "organization", "place", "group"]
SourceStatus = Literal["ok", "skipped"]
TimexType = Literal["DATE", "TIME", "DURATION", "SET"]


@dataclass(frozen=True)
class Citation:
    """A pointer to the exact words in a source that support a statement."""

    source: str
    """Id of the Source (file name without extension)."""
    start: int
    """Start character offset into Source.text."""
    end: int
    """End character offset into Source.text (exclusive)."""
    text: str
    """The cited words, equal to Source.text[start:end]."""
    sentence: int
    """Index n of the sentence holding the words; its page anchor is ``s-<n>``."""


@dataclass(frozen=True)
class Sentence:
    """One sentence of a source, addressable on its page as ``#s-<index>``."""

    index: int
    """0-based position in the source; stable for unchanged text."""
    start: int
    """Start offset into Source.text."""
    end: int
    """End offset into Source.text (exclusive)."""
    paragraph: int
    """0-based index of the paragraph holding the sentence."""
    is_title: bool = False
    """True for the headline line (rendered as the page title, not body)."""


@dataclass(frozen=True)
class Source:
    """One input article, read and cleaned but not yet analysed."""

    id: str
    """File name without extension, or a slug of it when unsafe in a URL; unique within the corpus."""
    path: str
    """Path of the file, relative to the seeds folder."""
    status: SourceStatus
    """"ok" when the article was read; "skipped" with ``error`` otherwise."""
    error: str = ""
    """Why the file was skipped (empty for ok sources)."""
    title: str = ""
    """Front matter title, else a headline-like first line, else first sentence."""
    outlet: str = ""
    """Publisher name from metadata, if given."""
    url: str = ""
    """Original address from metadata, if given."""
    published: dt.date | None = None
    """Publication date; the anchor for relative time words."""
    published_from: str = ""
    """How the date was obtained: "metadata", or the date line of the text it was read from."""
    language: str = "en"
    """Language code from metadata."""
    text: str = ""
    """Decoded text that all offsets refer to (the file itself for .txt/.md)."""
    paragraphs: tuple[tuple[int, int], ...] = ()
    """(start, end) offsets of kept body paragraphs, boilerplate excluded."""
    title_span: tuple[int, int] | None = None
    """Offsets of the headline inside ``text`` when it was taken from there."""
    content_hash: str = ""
    """sha256 of the decoded text plus metadata; the per-article cache key."""
    notes: tuple[str, ...] = ()
    """Non-fatal problems met while reading (shown as warnings on the build report)."""

    @property
    def revision(self) -> str:
        """Short digest naming this version of the article (text and metadata); exported, so a
        later build can tell an edited article from an unchanged one."""
        return hashlib.sha256(self.content_hash.encode()).hexdigest()[:16] if self.content_hash else ""


@dataclass(frozen=True)
class Mention:
    """A name found in one article by NER, before corpus-wide resolution."""

    source: str
    """Id of the Source."""
    start: int
    """Start offset of the cleaned name into Source.text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The cleaned name as written: Source.text[start:end]."""
    label: str
    """spaCy NER label (PERSON, ORG, GPE, LOC, NORP, FAC, ...)."""
    sentence: int
    """Index of the sentence holding the mention."""
    cues: tuple[str, ...] = ()
    """Type evidence from the parse, e.g. "title:person", "verb:said"."""
    title: str = ""
    """Title or role words stripped from before the name ("President")."""
    roles: tuple[Role, ...] = ()
    """Roles the text gives the name at this mention (apposition, pre-modifier)."""


@dataclass(frozen=True)
class Role:
    """A role or title the text gives an entity, with its citation."""

    text: str
    """The role words, e.g. "special envoy"."""
    citation: Citation
    """Where the text says so."""


@dataclass(frozen=True)
class TimeExpression:
    """A temporal expression normalised to a TIMEX3 value."""

    start: int
    """Start offset into the tagged text."""
    end: int
    """End offset (exclusive)."""
    text: str
    """The words as written."""
    type: TimexType
    """TIMEX3 type."""
    value: str
    """TIMEX3 value: 2025-08-08, XXXX-08-08, 2025-W32, P10D, PAST_REF, ..."""
    provenance: str = "stated"
    """How the value was obtained: "stated", "relative to 2025-08-06", ..."""


@dataclass(frozen=True)
class Quote:
    """A direct quote, merged across the sources that report it."""

    id: str
    """Stable id, used as page anchor."""
    text: str
    """The quoted words, without quote marks."""
    speaker: str | None
    """Entity id of the speaker, or None when unattributed."""
    citations: tuple[Citation, ...]
    """Each report of the quote (one per source)."""
    speaker_text: str = ""
    """The words naming the speaker in the first report."""


@dataclass(frozen=True)
class ReportedStatement:
    """A position an actor took: a direct quote or a reported statement, merged across sources."""

    id: str
    """Stable id, used as page anchor."""
    speaker: str
    """Entity id of the actor."""
    kind: str
    """"direct" (quoted words) or "indirect" (reported speech)."""
    verb: str
    """The reporting verb as written ("said", "demanded", "rejected"); empty for direct quotes."""
    text: str
    """The stated words: the quote, or the reported clause or verb phrase."""
    citations: tuple[Citation, ...]
    """Each report of the statement (one per source)."""


@dataclass(frozen=True)
class Event:
    """Something that happened or will happen, merged across sources."""

    id: str
    """Stable slug, also the page name."""
    title: str
    """Short generated headline, e.g. "Visit to Paris"."""
    kind: str
    """Trigger family: visit, meeting, talks, announcement, attack, ..."""
    participants: tuple[str, ...]
    """Entity ids of the people/organisations taking part."""
    place: str | None
    """Entity id of the place, if known."""
    date: TimeExpression | None
    """When it happens, with provenance; None when not resolved."""
    citations: tuple[Citation, ...]
    """The sentences reporting the event."""
    stated_times: tuple[TimeExpression, ...] = ()
    """Every time expression the reports attach to the event, as written."""
    story: str = ""
    """Id of the story the event belongs to ("" when stories are not grouped)."""
    described: tuple[str, ...] = ()
    """Participants described but not named ("gunman", "police"), most reported first."""
    status: str = ""
    """"confirmed" (some report says it happened), "expected" (only announced or planned),
    "expected, then confirmed" (an earlier report expected it, a later one confirms it), or ""."""
    reported_times: tuple[tuple[TimeExpression, Citation], ...] = ()
    """Each time a report attaches to the event, with the citation of that report."""
    has_page: bool = True
    """Whether the event gets a page of its own (``site.event_policy``); else it is listed only."""


@dataclass(frozen=True)
class DeadlineReport:
    """How one source words a deadline."""

    citation: Citation
    """The sentence stating the deadline."""
    due: TimeExpression | None
    """Due time as this source gives it."""
    wording: str = ""
    """The deadline words as this source writes them."""
    duration: TimeExpression | None = None
    """Length of the deadline as this source gives it ("ten days")."""
    previous: TimeExpression | None = None
    """Length before a reported change ("50-day")."""
    change: str = ""
    """"shortened" or "extended" when this source reports a change."""
    setter: str | None = None
    """Entity id of the setter as this source names it."""


@dataclass(frozen=True)
class Deadline:
    """Something due by a time, set by someone on someone, merged across sources."""

    id: str
    """Stable slug, also the page name."""
    title: str
    """Short description of what is demanded."""
    setter: str | None
    """Entity id of who set it."""
    bound: tuple[str, ...]
    """Entity ids of who must act."""
    demand: str
    """What is demanded, in the source's words."""
    consequences: tuple[str, ...]
    """Threatened consequences (tariffs, sanctions, ...)."""
    due: TimeExpression | None
    """Agreed due time; None when not resolved."""
    status: str
    """upcoming, passed, extended, shortened, or unknown."""
    reports: tuple[DeadlineReport, ...]
    """Each source's wording, side by side on the page."""
    disagreements: tuple[str, ...] = ()
    """Human-readable notes where sources differ."""
    has_page: bool = True
    """Whether the deadline gets a page of its own (the page-count policy, ``site/policy.py``);
    without one it is a row of the Deadlines index and links land on its first report's sentence."""


@dataclass(frozen=True)
class QuoteCandidate:
    """A direct quote found in one article, before merging across sources."""

    citation: Citation
    """The quoted words without quote marks."""
    speaker: tuple[int, int] | None
    """Offsets of the words naming the speaker (a name or a resolved pronoun's antecedent)."""
    speaker_text: str = ""
    """Those words."""
    cue: str = ""
    """Attribution pattern used, e.g. "X said", "said X", "continuation", "pronoun"."""
    described: bool = False
    """True when the speaker words describe an unnamed speaker ("a spokeswoman", "officials")
    rather than name an entity: the quote then gets no entity, only that description."""
    kind: str = "direct"
    """"direct" for words between quote marks; "indirect" for a reported statement without
    them ("X said that ...", "X denied ...", "X rejected the threats as unlawful"), whose
    citation is the reported words."""


@dataclass(frozen=True)
class EventCandidate:
    """An event mention in one article, before merging across sources."""

    kind: str
    """Trigger family: visit, meeting, talks, announcement, attack, threat, sanctions, ..."""
    trigger: str
    """The trigger word as written."""
    citation: Citation
    """The sentence reporting the event."""
    participants: tuple[tuple[int, int], ...] = ()
    """Offsets of the mentions taking part (resolved to entities later)."""
    place: tuple[int, int] | None = None
    """Offsets of the place mention, if any."""
    time: TimeExpression | None = None
    """When, with provenance (absolute offsets into Source.text)."""
    aspect: str = ""
    """"earlier" when the text marks a previous occurrence ("his last visit"), else ""."""
    described: tuple[str, ...] = ()
    """Lemmas of participants described, not named ("gunman", "police")."""
    status: str = ""
    """"expected" when stated as planned or future ("will visit", "is expected to meet"),
    "confirmed" when reported as happened ("met", "held talks"), else "" (not told)."""


@dataclass(frozen=True)
class DeadlineCandidate:
    """A deadline statement in one article, before merging across sources."""

    citation: Citation
    """The sentence stating the deadline."""
    wording: str
    """The deadline words, e.g. "a ceasefire by August 8"."""
    due: TimeExpression | None = None
    """Due time as this sentence gives it."""
    duration: TimeExpression | None = None
    """A stated length ("ten-day deadline") when given."""
    setter: tuple[int, int] | None = None
    """Offsets of the mention of who set it."""
    bound: tuple[tuple[int, int], ...] = ()
    """Offsets of mentions of who must act."""
    demand: str = ""
    """What is demanded."""
    consequences: tuple[str, ...] = ()
    """Threatened consequences."""
    change: str = ""
    """"shortened" or "extended" when the sentence reports a change of the deadline."""
    previous: TimeExpression | None = None
    """The length before the change ("from an initial 50-day window")."""


@dataclass(frozen=True)
class ArticleAnalysis:
    """Everything the NLP stage extracts from one article (cacheable unit)."""

    source: str
    """Id of the Source."""
    content_hash: str
    """Source.content_hash the analysis was made from."""
    sentences: tuple[Sentence, ...]
    """Sentences in text order, title first when present."""
    mentions: tuple[Mention, ...]
    """Named-entity mentions, cleaned."""
    times: tuple[TimeExpression, ...] = ()
    """Temporal expressions in the article (offsets into Source.text)."""
    quotes: tuple[QuoteCandidate, ...] = ()
    """Direct quotes with their speaker words."""
    events: tuple[EventCandidate, ...] = ()
    """Event mentions."""
    deadlines: tuple[DeadlineCandidate, ...] = ()
    """Deadline statements."""
    undated_times: tuple[TimeExpression, ...] | None = None
    """Only for a source without a publication date: the time expressions of its whole text,
    tagged with no anchor, from which ``temporal.dating`` infers when it was written (None
    for a dated source). Kept here so that rebuilds do not tag the text again."""


@dataclass(frozen=True)
class Entity:
    """One real-world person, organisation, place or group across the corpus."""

    id: str
    """Stable slug, also the page name."""
    name: str
    """Canonical (longest well-attested) name."""
    type: EntityType
    """Resolved type, voted over all mentions."""
    aliases: tuple[str, ...]
    """Other names it appears under."""
    mentions: tuple[Mention, ...]
    """Every mention, with offsets."""
    roles: tuple[Role, ...] = ()
    """Roles and titles with citations."""
    has_page: bool = True
    """False for minor entities listed only on the index page."""
    ambiguous_with: tuple[str, ...] = ()
    """Ids of entities this name may also refer to (left unmerged, shown to the reader)."""
    country: str | None = None
    """For a group ("Norwegian"), the id of its country's place entity when known."""


@dataclass(frozen=True)
class BuildWarning:
    """A problem worth showing on the build report."""

    source: str
    """File (or setting) the warning is about."""
    message: str
    """What went wrong, in plain words."""


@dataclass(frozen=True)
class Story:
    """Articles about the same sequence of events."""

    id: str
    """Stable slug, e.g. "story-1"."""
    title: str
    """Shortest headline among the story's sources."""
    sources: tuple[str, ...]
    """Ids of the sources in the story, in file order."""
    events: tuple[str, ...] = ()
    """Ids of the events the story's sources report."""


@dataclass(frozen=True)
class DateWindow:
    """When an undated article was probably written, inferred from its words, story or deadlines."""

    source: str
    """Id of the source."""
    earliest: dt.date
    """First possible day of publication."""
    latest: dt.date
    """Last possible day of publication (never after the build date)."""
    evidence: tuple[str, ...]
    """Each clue in words, citing the article's own wording."""
    inferred: bool = True
    """Always True: this is an inference, never a stated date."""
    open_end: bool = False
    """True when nothing but the build date bounds ``latest`` (the only clue is a day the
    article tells as past): the article may be years older than the build."""


@dataclass(frozen=True)
class BuildSnapshot:
    """What the previous build published, read back from its ``data/briefing.json``.

    Only what the "What changed" page compares: ids, content hashes and due values.
    """

    built_at: str | None
    """When the previous build ran (ISO), if it said."""
    sources: dict[str, str]
    """Source id -> ``Source.revision`` (ok sources; "" when the export did not say)."""
    source_titles: dict[str, str]
    """Source id -> title or file name, to name articles that are gone."""
    entities: frozenset[str]
    """Entity ids."""
    events: frozenset[str]
    """Event ids."""
    quotes: frozenset[tuple[str, str]]
    """(speaker id or "", quote text) of every merged quote."""
    deadline_dues: dict[str, str]
    """Deadline id -> due TIMEX value ("" when none)."""
    source_labels: dict[str, str] = field(default_factory=dict)
    """Source id -> its short label ("S3") in that build, for every source it listed."""
    next_label: int = 1
    """The number the next new source would have got there (a label is never given twice)."""
    stories: dict[str, frozenset[str]] = field(default_factory=dict)
    """Story id -> ids of its sources, so a story keeps its id ("story-3") across builds."""


@dataclass
class Briefing:
    """The whole corpus after all stages: what render and export read."""

    title: str
    """Briefing title from configuration."""
    sources: list[Source]
    """All sources, ok and skipped, in file-name order."""
    analyses: dict[str, ArticleAnalysis]
    """Per-article NLP output, keyed by source id."""
    entities: list[Entity] = field(default_factory=list)
    """Resolved entities."""
    events: list[Event] = field(default_factory=list)
    """Merged events."""
    deadlines: list[Deadline] = field(default_factory=list)
    """Merged deadlines."""
    quotes: list[Quote] = field(default_factory=list)
    """Merged quotes."""
    statements: list[ReportedStatement] = field(default_factory=list)
    """What each named actor said, direct and reported, same words merged per actor."""
    stories: list[Story] = field(default_factory=list)
    """Groups of articles about the same sequence of events."""
    warnings: list[BuildWarning] = field(default_factory=list)
    """Problems shown on the build report."""
    built_at: dt.datetime | None = None
    """When the build ran (UTC)."""
    date_windows: dict[str, DateWindow] = field(default_factory=dict)
    """Source id -> inferred publication window, for undated articles with evidence."""
    previous: BuildSnapshot | None = None
    """What the previous build of the same docs/ folder published, when it could be read."""
    _mentions: tuple[list[Entity], dict, dict] | None = field(
        default=None, init=False, repr=False, compare=False)
    """Cache of the mention lookups and the entity list they were built from."""

    def mention_index(self) -> dict[tuple[str, int, int], Entity]:
        """(source id, start, end) of every resolved mention -> its entity.

        With ``entity_at``, the one mention-to-entity lookup of the corpus-wide
        stages: built once per briefing, again only when ``entities`` is replaced.
        """
        return self._lookups()[0]

    def entity_at(self, source: str, start: int) -> Entity | None:
        """The entity of the resolved mention starting at ``start`` in ``source``, if any."""
        return self._lookups()[1].get((source, start))

    def _lookups(self) -> tuple[dict, dict]:
        if self._mentions is None or self._mentions[0] is not self.entities:
            spans: dict[tuple[str, int, int], Entity] = {}
            starts: dict[tuple[str, int], Entity] = {}
            for entity in self.entities:  # one pass fills both lookups
                for m in entity.mentions:
                    spans[(m.source, m.start, m.end)] = starts[(m.source, m.start)] = entity
            self._mentions = (self.entities, spans, starts)
        return self._mentions[1], self._mentions[2]


class _Paged(Protocol):
    has_page: bool


PagedT = TypeVar("PagedT", bound=_Paged)


def with_page_flag(item: PagedT, has_page: bool) -> PagedT:
    """``item`` (an ``Entity``, ``Event`` or ``Deadline``) with ``has_page`` set: the same object
    when it has it already, else a shallow copy with the flag changed.

    ``dataclasses.replace`` runs the frozen class's ``__init__`` again, which cost five times
    as much as ``copy.copy`` (0.42 against 0.08 s CPU for the 12,800 events of 2,000 articles,
    on every rebuild), and ``copy.copy`` goes through ``__reduce_ex__``, twice as slow as
    filling a new instance's ``__dict__``; the model's classes have no ``__post_init__`` that a
    copy would skip, and no ``__slots__``.
    """
    if item.has_page == has_page:
        return item
    copied = object.__new__(type(item))
    vars(copied).update(vars(item), has_page=has_page)
    return copied
