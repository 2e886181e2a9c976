"""Summaries: statements drawn from the source sentences, merged across outlets.

A statement is one source sentence; near-identical sentences from different
sources (syndicated copy, rewrites) collapse into one statement that cites
every source. Ranking favours statements many sources support, then early
sentences (news puts the essentials first).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy
from rapidfuzz import fuzz, process

from generator.ingest.boilerplate import dateline_length
from generator.model import Briefing, Citation, Entity, Sentence, Source
from generator.site.memo import PageMemo

# Two sentences from different sources are one statement when nearly equal
# (ratio >= 85), or when they share most words and much of their wording
# (token-set >= 70 and ratio >= 60: a rewrite of the same sentence).
SAME_STATEMENT_SCORE = 85
REWRITE_TOKEN_SET = 70
REWRITE_RATIO = 60


@dataclass(frozen=True)
class Statement:
    """One summary statement and every source sentence that makes it."""

    citations: tuple[Citation, ...]
    """First citation is the sentence shown; the others are the same statement elsewhere."""

    @property
    def lead(self) -> Citation:
        """The citation whose words are shown."""
        return self.citations[0]

    @property
    def sources(self) -> tuple[str, ...]:
        """Distinct source ids supporting the statement."""
        return tuple(dict.fromkeys(c.source for c in self.citations))


def sentence_citation(source: Source, sentence: Sentence) -> Citation:
    """A citation of a whole sentence."""
    text = source.text[sentence.start : sentence.end]
    return Citation(source.id, sentence.start, sentence.end, text, sentence.index)


def merge_statements(citations: Iterable[Citation]) -> list[Statement]:
    """Group near-duplicate sentences; keep the first seen as the shown wording.

    Each sentence joins the first group whose first sentence is the same statement
    (``_first_same``), and a group keeps one sentence per source. The sentences are
    scored against the groups known so far a batch at a time (``MERGE_BATCH``, one
    ``cdist`` call); the groups a batch starts are compared one by one.
    """
    groups: list[list[Citation]] = []
    group_sources: list[set[str]] = []
    leads: list[str] = []
    citations = list(citations)
    for first in range(0, len(citations), MERGE_BATCH):
        batch = citations[first:first + MERGE_BATCH]
        known = len(leads)
        scored = _ratios([c.text for c in batch], leads)
        for row, citation in enumerate(batch):
            found = _first_same(citation.text, leads, scored[row] if known else None, known)
            if found is None:
                groups.append([citation])
                group_sources.append({citation.source})
                leads.append(citation.text)
            elif citation.source not in group_sources[found]:
                groups[found].append(citation)
                group_sources[found].add(citation.source)
    return [Statement(tuple(group)) for group in groups]


MERGE_BATCH = 64
"""Sentences of a summary scored against the known groups in one ``cdist`` call: one call per
sentence cost 30 us of overhead each, most of the merge of an entity named in 5,000 sentences."""
NEW_LEADS_ONE_BY_ONE = 8
"""The groups a batch starts are compared one by one up to this many, then in one ``cdist``
call per sentence (real news starts a group with most sentences)."""


def _ratios(texts: list[str], leads: list[str]) -> numpy.ndarray:
    """``fuzz.ratio`` of each text to each lead (0 below ``REWRITE_RATIO``), one row per text."""
    if not leads:
        return numpy.zeros((len(texts), 0))
    return process.cdist(texts, leads, scorer=fuzz.ratio, score_cutoff=REWRITE_RATIO, dtype=numpy.float64)


def _first_same(text: str, leads: list[str], ratios: numpy.ndarray | None, known: int) -> int | None:
    """Index of the first of ``leads`` that is the same statement as ``text``, None if none is.

    Same statement: a ratio of at least ``SAME_STATEMENT_SCORE``, or of at least
    ``REWRITE_RATIO`` with a token-set ratio of at least ``REWRITE_TOKEN_SET``. ``ratios``
    holds the ratios to the first ``known`` leads (0 below ``REWRITE_RATIO``; None when there
    were none); the leads after them are scored here, in order.
    """
    if ratios is not None:
        for n in ratios.nonzero()[0]:
            if _same(text, leads[n], ratios[n]):
                return int(n)
    if len(leads) - known > NEW_LEADS_ONE_BY_ONE:
        tail = _ratios([text], leads[known:])[0]
        matches = (known + int(n) for n in tail.nonzero()[0] if _same(text, leads[known + n], tail[n]))
        return next(matches, None)
    for n in range(known, len(leads)):
        ratio = fuzz.ratio(text, leads[n], score_cutoff=REWRITE_RATIO)
        if ratio and _same(text, leads[n], ratio):
            return n
    return None


def _same(text: str, lead: str, ratio: float) -> bool:
    """Whether ``text`` is the statement ``lead`` is, given their ratio (``_first_same``)."""
    return ratio >= SAME_STATEMENT_SCORE or fuzz.token_set_ratio(
        lead, text, score_cutoff=REWRITE_TOKEN_SET) >= REWRITE_TOKEN_SET


def rank(statements: list[Statement]) -> list[Statement]:
    """Most-supported first, then earliest sentence."""
    return sorted(statements, key=lambda s: (-len(s.sources), s.lead.sentence, s.lead.source))


def sentences_about(entity: Entity, briefing: Briefing,
                    sources: dict[str, Source] | None = None) -> list[Citation]:
    """Each body sentence mentioning the entity, once, in corpus order.

    Args:
        sources: source id -> source, when the caller has it already.
    """
    by_id = sources if sources is not None else {s.id: s for s in briefing.sources}
    return [sentence_citation(by_id[source], sentence)
            for source, sentence in _body_sentences(entity, briefing)]


def _body_sentences(entity: Entity, briefing: Briefing) -> Iterator[tuple[str, Sentence]]:
    """(source id, sentence) of each body sentence mentioning the entity, once, in corpus order."""
    analyses = briefing.analyses
    seen: set[tuple[str, int]] = set()
    for mention in entity.mentions:
        key = (mention.source, mention.sentence)
        if key in seen:
            continue
        seen.add(key)
        sentence = analyses[mention.source].sentences[mention.sentence]
        if not sentence.is_title:
            yield mention.source, sentence


def summary_inputs(entity: Entity, briefing: Briefing, sources: dict[str, Source]) -> tuple:
    """What ``sentences_about`` gives, named without copying its texts: for each run of its
    sentences from one source, the source and its ``content_hash`` (which fixes the text), then
    each sentence's index and offsets (and its own text when the source has no hash). A key of
    the summary memo: keying by the citations themselves built and hashed every sentence of
    every entity on every build, and naming the hash once per run keeps the key short."""
    runs: list[tuple[str, str, list[tuple]]] = []
    for source_id, sentence in _body_sentences(entity, briefing):
        if not runs or runs[-1][0] != source_id:
            runs.append((source_id, sources[source_id].content_hash, []))
        text = "" if runs[-1][1] else sources[source_id].text[sentence.start:sentence.end]
        runs[-1][2].append((sentence.index, sentence.start, sentence.end, text))
    return tuple((source_id, content_hash, tuple(run)) for source_id, content_hash, run in runs)


def entity_summary(entity: Entity, briefing: Briefing, limit: int = 6,
                   sources: dict[str, Source] | None = None,
                   memo: PageMemo | None = None) -> list[Statement]:
    """Top statements about an entity, near-duplicates merged (``sources`` as in ``sentences_about``;
    ``memo``: keeps the result, a pure function of the sentences and ``limit``, between builds)."""
    by_id = sources if sources is not None else {s.id: s for s in briefing.sources}
    if memo is None:
        return top_statements(sentences_about(entity, briefing, by_id), limit)
    return memo.get_named(f"summary {limit} {entity.id}", "summary",
                          lambda: (summary_inputs(entity, briefing, by_id), limit),
                          lambda: top_statements(sentences_about(entity, briefing, by_id), limit))


def top_statements(sentences: list[Citation], limit: int) -> list[Statement]:
    """The ``limit`` best-ranked statements the sentences make, near-duplicates merged."""
    return rank(merge_statements(sentences))[:limit]


def lead_statements(briefing: Briefing, per_source: int = 2, limit: int = 7,
                    sources: list[Source] | None = None) -> list[Statement]:
    """The story in brief: each article's opening sentences, merged across outlets.

    Args:
        sources: only these articles (one story's, in file order), or every article when None.
    """
    citations = []
    for source in briefing.sources if sources is None else sources:
        analysis = briefing.analyses.get(source.id)
        if analysis is None:
            continue
        body = [s for s in analysis.sentences if not s.is_title][:per_source]
        citations += [_without_dateline(sentence_citation(source, s)) for s in body]
    return rank(merge_statements(citations))[:limit]


def _without_dateline(citation: Citation) -> Citation:
    """An opening sentence's citation from after the wire dateline it runs on from
    ("CANBERRA, Australia (AP)_ Qantas will ..." cites "Qantas will ...")."""
    skip = dateline_length(citation.text)
    return replace(citation, start=citation.start + skip, text=citation.text[skip:]) if skip else citation
