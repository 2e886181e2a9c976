"""Stories: articles grouped by content (profiles, average linkage, occasions kept apart)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from generator.events.stories import (
    Profile,
    average_linkage,
    candidate_pairs,
    cluster_articles,
    cut,
    key_terms,
    similarity,
    stated_years,
    story_ids,
)
from generator.events.story_pairs import YEAR_PENALTY
from generator.model import ArticleAnalysis, Source, TimeExpression


def profile(**weights: float) -> Profile:
    """A profile with the given feature weights, normalised."""
    norm = sum(w * w for w in weights.values()) ** 0.5
    return Profile({k: w / norm for k, w in weights.items()})


def test_similarity_is_the_cosine():
    assert similarity(profile(a=1.0, b=1.0), profile(a=1.0, b=1.0)) == pytest.approx(1.0)
    assert similarity(profile(a=1.0), profile(b=1.0)) == 0.0
    assert similarity(profile(a=1.0, b=1.0), profile(b=1.0, c=1.0)) == pytest.approx(0.5)


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
