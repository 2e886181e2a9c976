"""Stories: articles grouped by content (profiles, average linkage, occasions kept apart)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.evaluation.stories import subset_briefing
from generator.events.linkage import average_linkage, cut
from generator.events.stories import (
    MIN_CONTENT,
    STORY_SIMILARITY,
    STORY_STICKINESS,
    candidate_pairs,
    cluster_articles,
    previous_stories,
    similarity,
    story_ids,
)
from generator.events.story_profiles import Profile, body_text, key_terms, stated_years
from generator.events.story_pairs import YEAR_PENALTY
from generator.model import ArticleAnalysis, Briefing, BuildSnapshot, Entity, Mention, Source, TimeExpression


def profile(**weights: float) -> Profile:
    """A profile with the given feature weights, normalised."""
    norm = sum(w * w for w in weights.values()) ** 0.5
    return Profile({k: w / norm for k, w in weights.items()})


def test_similarity_is_the_cosine():
    assert similarity(profile(a=1.0, b=1.0), profile(a=1.0, b=1.0)) == pytest.approx(1.0)
    assert similarity(profile(a=1.0), profile(b=1.0)) == 0.0
    assert similarity(profile(a=1.0, b=1.0), profile(b=1.0, c=1.0)) == pytest.approx(0.5)


def test_shared_dates_count_only_beside_enough_shared_content():
    little = profile(**{"time:2031-04-17": 3.0, "time:2031-Q1": 1.0, "term:quarter": 1.0, "term:a": 4.0})
    other = profile(**{"time:2031-04-17": 3.0, "time:2031-Q1": 1.0, "term:quarter": 1.0, "term:b": 4.0})
    content = little.vector["term:quarter"] * other.vector["term:quarter"]
    assert content < MIN_CONTENT
    assert similarity(little, other) == pytest.approx(content)  # the dates are left out
    alike = profile(**{"time:2031-04-17": 1.0, "person:x": 2.0})
    assert similarity(alike, alike) == pytest.approx(1.0)  # with names in common, the dates count


def test_the_body_text_leaves_out_front_matter_and_keeps_offsets():
    text = "---\npublished: 2031-04-17\n---\n\nHeadline here\nThe body sentence.\n"
    head, body = text.index("Headline"), text.index("The body")
    source = Source(id="a", path="a.md", status="ok", text=text,
                    paragraphs=((body, body + 18),), title_span=(head, head + 13))
    kept = body_text(source)
    assert len(kept) == len(text)
    assert kept.split() == ["Headline", "here", "The", "body", "sentence."]


def test_far_apart_dates_lower_the_similarity():
    near = Profile({"a": 1.0}, frozenset({dt.date(2024, 3, 1)}))
    soon = Profile({"a": 1.0}, frozenset({dt.date(2024, 3, 20)}))
    later = Profile({"a": 1.0}, frozenset({dt.date(2025, 3, 1)}))
    undated = Profile({"a": 1.0})
    assert similarity(near, soon) == pytest.approx(1.0)
    assert similarity(near, undated) == pytest.approx(1.0)
    assert similarity(near, later) < 1.0


def test_articles_whose_latest_years_neither_states_are_less_alike():
    hiring = Profile({"a": 1.0}, years=frozenset({2001, 2005}))
    firing = Profile({"a": 1.0}, years=frozenset({2008}))
    looking_back = Profile({"a": 1.0}, years=frozenset({2005, 2008}))
    assert similarity(hiring, firing) == pytest.approx(YEAR_PENALTY)
    assert similarity(hiring, looking_back) == pytest.approx(1.0)  # states the hiring's year
    assert similarity(firing, looking_back) == pytest.approx(1.0)
    assert similarity(hiring, Profile({"a": 1.0})) == pytest.approx(1.0)  # no year stated


def test_stated_years_take_dates_and_the_publication_year():
    times = (TimeExpression(0, 4, "2005", "DATE", "2005"),
             TimeExpression(5, 15, "March 2008", "DATE", "2008-03"),
             TimeExpression(16, 24, "20 years", "DURATION", "P20Y"),
             TimeExpression(25, 31, "August", "DATE", "XXXX-08"))
    analysis = ArticleAnalysis(source="s", content_hash="h", sentences=(), mentions=(), times=times)
    undated = Source(id="s", path="s.txt", status="ok")
    assert stated_years(undated, analysis) == {2005, 2008}
    published = replace(undated, published=dt.date(2011, 5, 2))
    assert stated_years(published, analysis) == {2005, 2008, 2011}


def test_cluster_articles_groups_by_shared_content():
    vectors = {
        "a": profile(x=1.0, y=1.0, z=0.5),
        "b": profile(x=1.0, y=1.0),
        "c": profile(x=0.8, y=0.6, w=0.3),
        "d": profile(p=1.0, q=1.0),
        "e": profile(),
    }
    assert cluster_articles(list(vectors), vectors) == [("a", "b", "c"), ("d",), ("e",)]


def test_one_shared_background_name_does_not_chain_stories():
    vectors = {
        "a": profile(e1=1.0, e2=1.0, e3=1.0),
        "b": profile(e1=1.0, e2=1.0, e3=1.0),
        "c": profile(e3=0.3, f1=1.0, f2=1.0, f3=1.0, f4=1.0),
    }
    assert cluster_articles(list(vectors), vectors) == [("a", "b"), ("c",)]


def test_visits_on_different_days_are_two_stories_unless_a_deadline_joins_them():
    sunday = frozenset({("encounter", "envoy", "XXXX-WXX-7")})
    tuesday = frozenset({("encounter", "envoy", "XXXX-WXX-2")})
    vector = {"envoy": 1.0}
    first, second = Profile(vector, timed=sunday), Profile(vector, timed=tuesday)
    assert first.apart(second)
    assert not first.apart(Profile(vector, timed=sunday))
    assert not Profile(vector, timed=sunday, deadlines=frozenset({"d"})).apart(
        Profile(vector, timed=tuesday, deadlines=frozenset({"d"})))
    assert cluster_articles(["a", "b"], {"a": first, "b": second}) == [("a",), ("b",)]


def test_average_linkage_follows_the_group_mean():
    pairs = {(0, 1): 0.9, (0, 2): 0.5, (1, 2): 0.1, (2, 3): 0.35}
    merges = average_linkage(4, pairs)
    assert merges[0] == (0, 1, 0.9)
    assert merges[1] == (2, 3, 0.35)
    assert merges[2] == (0, 2, pytest.approx((0.5 + 0.1) / 4))
    assert cut(4, merges, 0.3) == [[0, 1], [2, 3]]
    assert cut(4, merges, 0.0) == [[0, 1, 2, 3]]


def test_average_linkage_never_joins_groups_kept_apart():
    merges = average_linkage(3, {(0, 1): 0.9, (1, 2): 0.8, (0, 2): 0.7}, apart=[(0, 2)])
    assert cut(3, merges, 0.0) == [[0, 1], [2]]


def test_key_terms_skip_names_and_stop_words():
    text = "Police arrested Jane Doe after 23 cities reported fires."
    start = text.index("Jane Doe")
    assert key_terms(text, [(start, start + len("Jane Doe"))]) == [
        "police", "arrested", "23", "city", "reported", "fire"]


def test_story_ids_in_order():
    assert story_ids([("a", "b"), ("c",)]) == {"story-1": ("a", "b"), "story-2": ("c",)}


def test_seed_stories(seed_briefing):
    stories = {tuple(s[:3] for s in story.sources) for story in seed_briefing.stories}
    assert ("000", "001", "003", "004") in stories
    assert ("002",) in stories
    story_of = {e.id: e.story for e in seed_briefing.events}
    for story in seed_briefing.stories:
        assert all(story_of[e] == story.id for e in story.events)


def test_blocking_scores_only_pairs_sharing_a_rare_feature():
    vectors = [profile(common=1.0, **{f"story{n // 2}": 1.0}) for n in range(200)]
    pairs, apart = candidate_pairs(vectors)
    assert set(pairs) == {(n, n + 1) for n in range(0, 200, 2)}
    assert apart == set()


class _Doc:
    """A gold document for the story measures: name, text and gold story."""

    def __init__(self, name: str, text: str, story: str) -> None:
        self.name, self.text, self.story = name, text, story


def test_tfidf_baseline_and_story_scores():
    from generator.evaluation.stories import TfidfBaseline, gold_stories, one_story, story_scores

    docs = [
        _Doc("1_1ecb.xml", "Earthquake of magnitude 6 shakes Chile coast, homes damaged", "1/ecb"),
        _Doc("1_2ecb.xml", "Chile earthquake magnitude 6 damaged homes on the coast", "1/ecb"),
        _Doc("1_1ecbplus.xml", "Brazil election: voters queue as polls open in Brazil", "1/ecbplus"),
        _Doc("1_2ecbplus.xml", "Polls close in Brazil election after voters queue", "1/ecbplus"),
    ]
    gold = gold_stories(docs)
    assert story_scores(gold, TfidfBaseline(docs).stories(0.1)) == (1.0, 1.0, 1.0)
    precision, recall, _ = story_scores(gold, one_story(gold))
    assert (precision, recall) == (0.5, 1.0)


def stories_of(n: int, pairs: dict[tuple[int, int], float], before: list[int] | None = None,
               ) -> list[list[int]]:
    """The groups the stories' linkage cuts from ``pairs`` (``before``: previous stories)."""
    merges = average_linkage(n, pairs, down_to=STORY_SIMILARITY, before=before, stickiness=STORY_STICKINESS)
    return cut(n, merges, STORY_SIMILARITY)


def test_the_previous_stories_keep_apart_a_pair_within_the_stickiness_above_the_threshold():
    # 0.17 lies within STORY_STICKINESS (0.02) above STORY_SIMILARITY (0.16); 0.19 does not
    assert STORY_SIMILARITY < 0.17 < STORY_SIMILARITY + STORY_STICKINESS < 0.19
    pairs = {(0, 1): 0.15, (2, 3): 0.17, (4, 5): 0.19}
    cold = stories_of(6, pairs)
    assert cold == [[0], [1], [2, 3], [4, 5]]
    apart_before = [7, 7, 8, 9, 5, 6]  # 0 and 1 were one story; 2 and 3 two, 4 and 5 two
    assert stories_of(6, pairs, apart_before) == [[0], [1], [2], [3], [4, 5]]
    new_articles = [-1, 7, -1, 9, -1, 6]  # an article new to this build weighs no history
    assert stories_of(6, pairs, new_articles) == cold


def test_a_group_joined_this_build_carries_the_previous_stories_of_all_its_articles():
    # 0 (new) and 1 join; the pair is then 0.17 alike to 2, which was in another story than 1
    pairs = {(0, 1): 0.9, (0, 2): 0.17, (1, 2): 0.17}
    assert stories_of(3, pairs, [-1, 4, 5]) == [[0, 1], [2]]
    assert stories_of(3, pairs, [-1, 4, 4]) == [[0, 1, 2]]


def test_a_rebuild_does_not_join_two_stories_whose_likeness_crept_over_the_threshold():
    """Two stories sharing one background term: a rebuild whose weights shift (document
    frequencies change with every article) brings them from just under the threshold to just
    over it; given the previous stories, they stay two."""
    def corpus(shared: float) -> dict[str, Profile]:
        # cosine of an "x" article and a "y" article: shared ** 2 / (1 + shared ** 2)
        return {"a1": profile(x=1.0, c=shared), "a2": profile(x=1.0, c=shared),
                "b1": profile(y=1.0, c=shared), "b2": profile(y=1.0, c=shared)}

    below, above = (((s / (1 - s)) ** 0.5) for s in (STORY_SIMILARITY - 0.005, STORY_SIMILARITY + 0.005))
    first = cluster_articles(list(corpus(below)), corpus(below))
    assert first == [("a1", "a2"), ("b1", "b2")]
    before = {s: f"story-{n}" for n, group in enumerate(first) for s in group}
    assert cluster_articles(list(corpus(above)), corpus(above)) == [("a1", "a2", "b1", "b2")]
    assert cluster_articles(list(corpus(above)), corpus(above), before=before) == first


def test_a_subset_briefing_holds_only_the_kept_articles():
    sources = [Source(f"s{n}", f"s{n}.txt", "ok", text="Ada") for n in range(3)]
    analyses = {s.id: ArticleAnalysis(s.id, "h", (), ()) for s in sources}
    ada = Entity("ada", "Ada", "person", (), tuple(Mention(s.id, 0, 3, "Ada", "PERSON", sentence=0)
                                                   for s in sources))
    only_first = Entity("bo", "Bo", "person", (), (Mention("s0", 0, 3, "Bo", "PERSON", sentence=0),))
    part = subset_briefing(Briefing("t", sources, analyses, entities=[ada, only_first]), {"s1", "s2"})
    assert [s.id for s in part.sources] == ["s1", "s2"] and set(part.analyses) == {"s1", "s2"}
    assert [e.id for e in part.entities] == ["ada"]
    assert {m.source for m in part.entities[0].mentions} == {"s1", "s2"}


def test_a_rebuild_leans_to_the_previous_stories_only_after_a_small_change():
    sources = [Source(f"s{n:02}", f"s{n:02}.txt", "ok") for n in range(40)]
    briefing = Briefing("t", sources, {})
    ids = [s.id for s in sources]
    before = {"story-1": frozenset(ids[:20]), "story-2": frozenset(ids[20:38])}  # 2 of 40 new: 5 %
    briefing.previous = BuildSnapshot(None, {}, {}, frozenset(), frozenset(), frozenset(), {}, stories=before)
    assert previous_stories(briefing, ids) == {s: "story-1" if s in ids[:20] else "story-2" for s in ids[:38]}
    assert previous_stories(briefing, ids[:37] + ids[38:]) == {}  # 3 of 40 new or gone: 7.5 %
    briefing.previous = None
    assert previous_stories(briefing, ids) == {}
