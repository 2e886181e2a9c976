"""The key-term memo: an article's key terms are read again when its text or its name spans
change, recalled otherwise, and the profiles equal those of a build without the memo."""

from __future__ import annotations

import pytest

from generator.events import stories, story_profiles
from generator.events.pair_memo import PairMemo, read_memo, write_memo
from generator.events.story_profiles import profiles
from generator.events.term_memo import TermMemo
from generator.model import ArticleAnalysis, Briefing, Entity, Mention, Source

TEXTS = {"s1": "Ada Lovelace opened the new bridge over the river on Monday.",
         "s2": "The bridge opened by Ada Lovelace carries 4,000 cars a day.",
         "s3": "Farmers protested against water prices in the valley."}


def briefing(texts: dict[str, str], ada_in: tuple[str, ...] = ("s1", "s2")) -> Briefing:
    sources = [Source(sid, f"{sid}.txt", "ok", text=text) for sid, text in texts.items()]
    analyses = {s.id: ArticleAnalysis(s.id, s.id, (), ()) for s in sources}
    mentions = tuple(Mention(sid, texts[sid].index("Ada"), texts[sid].index("Ada") + len("Ada Lovelace"),
                             "Ada Lovelace", "PERSON", sentence=0) for sid in ada_in)
    return Briefing("t", sources, analyses, entities=[Entity("ada", "Ada Lovelace", "person", (), mentions)])


@pytest.fixture
def read_again(monkeypatch):
    """The texts whose key terms are worked out rather than recalled."""
    texts: list[str] = []
    original = story_profiles.key_terms

    def counting(text, names):
        texts.append(text)
        return original(text, names)

    monkeypatch.setattr(story_profiles, "key_terms", counting)
    return texts


def rebuilt(before: Briefing, after: Briefing, tmp_path) -> dict:
    """``profiles`` of ``after`` with the memo a build of ``before`` kept on disk."""
    memo = PairMemo()
    stories.cluster_articles(list(before.analyses), profiles(before, memo.terms), memo)
    write_memo(tmp_path, "code", memo)
    return profiles(after, read_memo(tmp_path, "code").terms)


def test_unchanged_articles_recall_their_terms(tmp_path, read_again):
    cold = profiles(briefing(TEXTS))
    read_again.clear()
    assert rebuilt(briefing(TEXTS), briefing(TEXTS), tmp_path) == cold
    assert len(read_again) == 3  # the first build only
    assert any(k.startswith("term:") for p in cold.values() for k in p.vector)


def test_an_edited_text_is_read_again(tmp_path, read_again):
    edited = {**TEXTS, "s3": "Farmers protested against water prices in the hills."}
    found = rebuilt(briefing(TEXTS), briefing(edited), tmp_path)
    assert read_again[3:] == [edited["s3"]]
    assert found == profiles(briefing(edited))
    assert "term:hill" in found["s3"].vector


def test_changed_name_spans_are_read_again(tmp_path, read_again):
    # s2's name is no longer resolved
    found = rebuilt(briefing(TEXTS), briefing(TEXTS, ada_in=("s1",)), tmp_path)
    assert read_again[3:] == [TEXTS["s2"]]
    assert found == profiles(briefing(TEXTS, ada_in=("s1",)))
    assert "term:lovelace" in found["s2"].vector


def test_the_memo_holds_only_the_last_builds_articles():
    memo = TermMemo()
    profiles(briefing(TEXTS), memo)
    later = TermMemo(memo.fresh)
    profiles(briefing({"s1": TEXTS["s1"]}, ada_in=("s1",)), later)
    assert len(memo.fresh) == 3 and len(later.fresh) == 1


def test_a_memo_of_other_code_recalls_nothing(tmp_path):
    memo = PairMemo()
    stories.cluster_articles(["s1", "s2", "s3"], profiles(briefing(TEXTS), memo.terms), memo)
    write_memo(tmp_path, "code-a", memo)
    assert read_memo(tmp_path, "code-a").terms.kept == memo.terms.fresh
    assert read_memo(tmp_path, "code-b").terms.kept == {}

