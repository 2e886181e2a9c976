"""Stories: groups of articles about the same sequence of events, found by content.

Each article gets a ``Profile`` (``story_profiles``): a weighted vector of what it names and
says, with its days and years. Two articles are as alike as the cosine of their vectors (without the
dates they share when they share little else, ``MIN_CONTENT``), halved
(``DATE_PENALTY``) when both are dated and no two of their days lie within
``DATE_GAP_DAYS``, and cut by a quarter (``YEAR_PENALTY``) when they are not both
dated by day and neither states the latest year the other states. Two articles
reporting a visit or meeting of the same party on different days (and sharing no
deadline) are two occasions: ``Profile.apart`` keeps their groups from joining.

Articles are joined bottom-up by average linkage while the best pair of groups
is at least ``STORY_SIMILARITY`` alike: average rather than single linkage, so
one shared background name does not chain two stories together. A rebuild
keeps the previous build's stories apart unless clearly alike (``STORY_STICKINESS``),
so that an article added, edited or deleted does not regroup stories that do not hold it. Only pairs
sharing a feature held by at most ``BLOCK_LIMIT`` articles are scored, and each
join of the linkage updates only the joined groups' neighbours, so the cost stays
near linear in the number of articles. A rebuild reads the key terms (``term_memo``) and
works out the date factors and occasions (``pair_memo``) only of new or edited articles;
weights, scores and linkage are worked out anew over all, with numpy (``profile_weights``,
``story_pairs``, ``linkage``). The weights and the threshold were chosen on the ECB+
development topics (``scripts/evaluate.py ecbplus``).
"""

from __future__ import annotations

import functools
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Mapping

import numpy as np

from generator.events.linkage import cut, linkage_of
from generator.events.pair_memo import PairMemo
from generator.events.story_pairs import PairScorer, apart_array, blocked_pair_arrays, laid_out
from generator.events.story_profiles import Profile, profiles
from generator.model import Briefing, BuildSnapshot, Story

STORY_SIMILARITY = 0.16
"""Least average similarity for two groups of articles to be one story. Chosen on ECB+
topics 1-35 over three views (story B-cubed F1 at 0.14 / 0.16 / 0.18): the dev topics as
one corpus 0.922 / 0.932 / 0.948, each dev topic alone (mean) 0.917 / 0.931 / 0.902, the
train topics as one corpus 0.911 / 0.903 / 0.889."""

MIN_CONTENT = STORY_SIMILARITY / 4
"""Least cosine two articles must reach on what they name and say (every feature but the
dates they state) when their pair reaches ``STORY_SIMILARITY``; a pair with less is scored
without its shared dates. The dates of unrelated articles of one day or quarter ("today",
"the third quarter") had made them one story on their own. Dates still strengthen a pair
that shares content, and a weaker pair's dates still count in its groups' average. Chosen
on three corpora (with the body-only terms and the publication day as a date): on the
TimeBank articles (183, mostly business news of one autumn; no gold) same-story pairs of
articles sharing no named entity 122 -> 14, the largest story (13 companies' quarterly
results) 13 -> 4 articles; on the AQUAINT wire stories the six pairs of one story with
content between 0.05 and 0.073 (reports of one bombing on one day) stay joined, where half
the threshold had split that story; on ECB+ dev as one corpus the two pairs above the
threshold with less content joined two gold stories."""

STORY_STICKINESS = 0.02
"""What a rebuild takes from the similarity of two groups of articles that the previous build
put in different stories. The document frequencies behind every weight change with each
article added, edited or deleted, so pairs of stories near ``STORY_SIMILARITY`` joined
again on every rebuild: after one deleted article at 2,000 articles (varied corpus) 1-11
stories changed articles though none of them held it, and every page linking to their
events changed. Two stories of the previous build now join only when they are this far
above the threshold (after a change of ``STICKY_CHANGE`` at most): six random deletes
changed 3 other stories in all instead of 36. Holding the previous stories together as well
(adding as much to the pairs of one story) changed 2, but cost story F1 when articles came
(ECB+ dev, 4 % more: 0.956 against 0.964 clean, 12 draws); keeping them apart costs none
(0.964). A clean build is not affected. On ECB+ topics 1-35 as one corpus (772 articles;
``evaluation.stories.rebuilt_rows``) rebuilds after 4 % more or fewer articles score story
B-cubed F1 0.922 / 0.922 where clean builds of the same articles score 0.923 / 0.921."""

STICKY_CHANGE = 0.05
"""Most share of the articles (new ones and gone ones, over the articles of the larger of the
two builds) by which a rebuild may differ from the previous build and still keep its
stories apart: a larger change is grouped as a clean build would, so that a rebuild's stories stay
close to a clean build's. Chosen while the rebuild also held the previous stories together,
which after 10 % more articles cost 0.013 of story B-cubed F1 on the ECB+ dev articles as one
corpus (0.951 against 0.964); keeping them apart only costs 0.001 after 4 % (0.963 against
0.964, ``evaluation.stories.rebuilt_rows``)."""

BLOCK_LIMIT = 60
"""Most articles a feature may be shared by and still propose pairs to score."""

BLOCK_KEYS = 12
"""Heaviest rare features of an article that propose the pairs it is scored in."""

def similarity(a: Profile, b: Profile) -> float:
    """Cosine of two article profiles, with the date penalty applied (``MIN_CONTENT``: without
    the dates they share when only those lift them to ``STORY_SIMILARITY``)."""
    small, big = sorted((a.vector, b.vector), key=len)
    dot = sum(weight * big.get(key, 0.0) for key, weight in small.items())
    dates = sum(weight * big.get(key, 0.0) for key, weight in small.items() if key.startswith("time:"))
    factor = a.date_factor(b)
    return (dot - dates) * factor if _dated_only(dot * factor, dot - dates) else dot * factor


def _dated_only(score, content):
    """Whether pairs of this ``score`` (with the date factor) and ``content`` (cosine without the
    shared dates) reach ``STORY_SIMILARITY`` by their dates alone (numbers or numpy arrays)."""
    return (score >= STORY_SIMILARITY) & (content < MIN_CONTENT)


def candidate_pairs(vectors: list[Profile], memo: PairMemo | None = None,
                    ) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]]]:
    """Similarity of the pairs of articles worth scoring, and the pairs of them that are
    ``Profile.apart`` (``scored_pairs`` as a dict and a set)."""
    pairs, scores, apart = scored_pairs(vectors, memo)
    found = zip(pairs[:, 0].tolist(), pairs[:, 1].tolist(), strict=True)
    return dict(zip(found, scores.tolist(), strict=True)), set(zip(*apart.T.tolist(), strict=True))


def scored_pairs(vectors: list[Profile], memo: PairMemo | None = None,
                 ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The pairs (a < b) of articles worth scoring (an (m, 2) array), their similarities, and
    the pairs of them that are ``Profile.apart`` (a (k, 2) array).

    Blocking: an article is scored against the articles holding one of its
    ``BLOCK_KEYS`` heaviest features among those at most ``BLOCK_LIMIT`` articles
    hold, so the number of pairs grows linearly with the number of articles.
    The pairs are then scored at once (``story_pairs.PairScorer``), as ``similarity``
    and ``Profile.apart`` would score them one by one; their date factors and
    occasions come from ``memo`` where the previous build worked them out.
    """
    laid = laid_out([p.vector for p in vectors])
    found, finders = blocked_pair_arrays(laid, BLOCK_LIMIT, BLOCK_KEYS)
    scorer = PairScorer(laid, [p.days for p in vectors], [p.years for p in vectors])
    ordered = np.stack((finders, np.where(finders == found[:, 0], found[:, 1], found[:, 0])), axis=1)
    timed = [p.timed for p in vectors]
    work_out = functools.partial(scorer.pair_facts, timed=timed)
    factors, parted = (memo or PairMemo()).facts(ordered, scorer.memo_keys(timed), work_out)
    apart = apart_array(found, parted, [p.deadlines for p in vectors])
    dots = scorer.dot_array(ordered)
    scores = dots * factors
    high = np.flatnonzero(scores >= STORY_SIMILARITY)  # only these can reach it by dates alone
    if len(high):
        dated = PairScorer(laid_out([_dates_only(p.vector) for p in vectors]), [], [])
        dates = dated.dot_array(ordered[high])
        content = dots[high] - dates
        scores[high] = np.where(_dated_only(scores[high], content), content * factors[high], scores[high])
    return found, scores, apart


def _dates_only(vector: dict[str, float]) -> dict[str, float]:
    """The date features (``time:``) of an article's vector."""
    return {key: weight for key, weight in vector.items() if key.startswith("time:")}


def cluster_articles(sources: list[str], vectors: dict[str, Profile],
                     memo: PairMemo | None = None,
                     before: dict[str, str] | None = None) -> list[tuple[str, ...]]:
    """Groups of source ids (each in the given order, groups by first source; ``before``:
    source id -> its story in the previous build, see ``STORY_STICKINESS``)."""
    pairs, scores, apart = scored_pairs([vectors[s] for s in sources], memo)
    numbers: dict[str, int] = {}
    previous = [numbers.setdefault(before[s], len(numbers)) if s in before else -1
                for s in sources] if before else None
    merges = linkage_of(len(sources), pairs, scores, apart, STORY_SIMILARITY, previous, STORY_STICKINESS)
    return [tuple(sources[i] for i in group) for group in cut(len(sources), merges, STORY_SIMILARITY)]


def story_groups(briefing: Briefing, memo: PairMemo | None = None,
                 deadlines: Callable[[], Mapping[str, Iterable[str]]] | None = None) -> list[tuple[str, ...]]:
    """Groups of the briefing's analysed source ids about the same sequence of events
    (``memo``: the previous build's pairs, see ``pair_memo``; ``deadlines``: see ``profiles``)."""
    ok = [s.id for s in briefing.sources if s.status == "ok" and s.id in briefing.analyses]
    return cluster_articles(ok, profiles(briefing, memo.terms if memo else None, deadlines), memo,
                            previous_stories(briefing, ok))


def previous_stories(briefing: Briefing, articles: list[str]) -> dict[str, str]:
    """Source id -> its story in the previous build, for a rebuild to keep apart
    (``STORY_STICKINESS``); none when there was no previous build or when more than
    ``STICKY_CHANGE`` of the articles are new since or gone."""
    previous = briefing.previous.stories if briefing.previous else {}
    before = {source: story for story, sources in previous.items() for source in sources}
    kept = sum(source in before for source in articles)
    changed = (len(articles) - kept) + (len(before) - kept)
    return before if before and changed <= STICKY_CHANGE * max(len(articles), len(before)) else {}


STORY_PREFIX = "story-"
"""Story ids are this prefix and a number: story-1, story-2, ..."""


def story_ids(groups: Iterable[tuple[str, ...]],
              previous: BuildSnapshot | None = None) -> dict[str, tuple[str, ...]]:
    """Story id -> sources, in the order of ``groups``.

    Without a previous build, stories are numbered "story-1", "story-2", ... in
    order of first source. With one, a group keeps the id of the previous story
    it shares most sources with (each id once, the larger overlap first), so
    adding or deleting an article renumbers no other story; groups without a
    previous story get numbers above every number used there.
    """
    groups = list(groups)
    kept = _kept_ids(groups, previous.stories if previous else {})
    fresh = itertools.count(max([0, *map(_story_number, previous.stories if previous else {})]) + 1)
    ids = [kept.get(i) or f"{STORY_PREFIX}{next(fresh)}" for i in range(len(groups))]
    return dict(zip(ids, groups, strict=True))


def _kept_ids(groups: list[tuple[str, ...]], before: dict[str, frozenset[str]]) -> dict[int, str]:
    """Group index -> the previous story id it keeps (greatest overlap first, then group order)."""
    story_of = {source: sid for sid, sources in before.items() if _story_number(sid) for source in sources}
    overlaps = [(-count, i, sid) for i, group in enumerate(groups)
                for sid, count in Counter(story_of[s] for s in group if s in story_of).items()]
    kept: dict[int, str] = {}
    taken: set[str] = set()
    for _, i, sid in sorted(overlaps):
        if i not in kept and sid not in taken:
            kept[i] = sid
            taken.add(sid)
    return kept


def _story_number(story_id: str) -> int:
    """The number of an id like "story-12", 0 for anything else."""
    digits = story_id.removeprefix(STORY_PREFIX)
    return int(digits) if story_id.startswith(STORY_PREFIX) and digits.isdigit() else 0


def numbered_stories(briefing: Briefing, memo: PairMemo | None = None,
                     deadlines: Callable[[], Mapping[str, Iterable[str]]] | None = None,
                     ) -> dict[str, tuple[str, ...]]:
    """Story id -> sources of the briefing's stories (``story_groups`` numbered by ``story_ids``;
    ``deadlines``: see ``profiles``)."""
    return story_ids(story_groups(briefing, memo, deadlines), briefing.previous)


def group_stories(briefing: Briefing, stories: dict[str, tuple[str, ...]] | None = None) -> list[Story]:
    """The stories of a briefing whose events are merged, with their events; a story's title
    is its articles' shortest title, one in capitals only when all are ("A CITY HOLDS ITS
    BREATH" is a wire desk's slug line or a page's headline style, not a story's name).

    Args:
        briefing: The briefing after ``merge_events``.
        stories: ``numbered_stories(briefing)`` when the caller already has them.
    """
    titles = {s.id: s.title for s in briefing.sources}
    events_of: dict[str, list[str]] = {}
    for event in briefing.events:
        events_of.setdefault(event.story, []).append(event.id)
    out = []
    stories = numbered_stories(briefing) if stories is None else stories
    for story_id, sources in stories.items():
        events = tuple(events_of.get(story_id, ()))
        title = min((titles[s] for s in sources if titles.get(s)), key=_title_rank, default=story_id)
        out.append(Story(story_id, title, sources, events))
    return out


def _title_rank(title: str) -> tuple[bool, int]:
    """Sort key of a story's candidate titles: any in mixed case before those in capitals, then
    the shortest."""
    return title.isupper(), len(title)
