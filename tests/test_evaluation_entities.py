"""Entity measures (generator.evaluation.entities) on tiny hand-made gold and briefings."""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from generator.evaluation import entities as ent
from generator.model import Briefing, Entity, Mention

TEXT = "Jane Doe met Acme. Doe left. Ms. Doe and John Roe spoke. Roe"


@dataclass(frozen=True)
class Gold:
    start: int
    end: int
    tag: str
    chain: str
    sentence: int = 0
    named: bool = True

    @property
    def text(self) -> str:
        return TEXT[self.start:self.end]

    @property
    def is_named(self) -> bool:
        return self.named


@dataclass
class Doc:
    name: str
    mentions: list = field(default_factory=list)
    scored: frozenset = frozenset({0})

    def in_scored_sentence(self, mention) -> bool:
        return mention.sentence in self.scored


def span(word: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(word, start + 1)
    return start, start + len(word)


GOLD = [
    Gold(*span("Jane Doe"), "HUMAN_PART_PER", "doe"),
    Gold(*span("Acme"), "HUMAN_PART_ORG", "acme"),
    Gold(*span("Doe", 1), "HUMAN_PART_PER", "doe"),
    Gold(*span("Doe", 2), "HUMAN_PART_PER", "doe"),
    Gold(*span("John Roe"), "HUMAN_PART_PER", "roe"),
    Gold(*span("Roe", 1), "HUMAN_PART_PER", "roe", sentence=1),  # unscored sentence
    Gold(*span("met"), "ACTION_OCCURRENCE", "meet", named=False),
]


def entity(eid: str, etype: str, *spans: tuple[int, int]) -> Entity:
    mentions = tuple(Mention("a_1ecb", s, e, TEXT[s:e], "PERSON", 0) for s, e in spans)
    return Entity(eid, TEXT[spans[0][0]:spans[0][1]], etype, (), mentions)


def briefing(*entities: Entity) -> Briefing:
    return Briefing(title="", sources=[], analyses={}, entities=list(entities))


def test_gold_named_keeps_named_mentions_in_scored_sentences():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    assert sorted(s.text for s in gold.chains) == ["Acme", "Doe", "Doe", "Jane Doe", "John Roe"]
    assert {s.source for s in gold.chains} == {"a_1ecb"}


def test_perfect_resolution_scores_one_and_beats_baselines():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    ours = briefing(entity("doe", "person", span("Jane Doe"), span("Doe", 1), span("Ms. Doe")),
                    entity("acme", "organization", span("Acme")),
                    entity("roe", "person", span("John Roe")))
    scores = ent.entity_scores(gold, ours)
    assert scores.ours == (1.0, 1.0, 1.0)
    assert scores.coverage == 1.0
    assert scores.same_string[2] < 1.0  # "Jane Doe" and "Doe" differ as strings
    assert scores.last_word == (1.0, 1.0, 1.0)  # every chain here ends in one word
    assert (scores.persons_right, scores.persons) == (2, 2)


def test_uncovered_gold_mentions_are_singletons_and_cost_coverage():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    scores = ent.entity_scores(gold, briefing(entity("doe", "person", span("Jane Doe"))))
    assert scores.covered == 1 and scores.gold == 5
    assert scores.ours[0] == 1.0  # all singletons: nothing wrongly merged
    assert scores.ours[1] == pytest.approx((1 / 3 * 3 + 1 + 1) / 5)


def test_person_precision_counts_entities_whose_gold_is_not_a_person():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    ours = briefing(entity("doe", "person", span("Jane Doe")), entity("acme", "person", span("Acme")))
    scores = ent.entity_scores(gold, ours)
    assert (scores.persons_right, scores.persons) == (1, 2)
    assert scores.person_precision == 0.5


def test_wrong_merge_costs_precision_and_shows_in_errors():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    ours = briefing(entity("x", "person", span("Jane Doe"), span("John Roe")))
    scores = ent.entity_scores(gold, ours)
    assert scores.ours[0] < 1.0
    assert any(line.startswith("mixed x") for line in ent.entity_errors(gold, ours))


def test_aligned_by_head_word_when_offsets_differ():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    ms = span("Ms. Doe")
    scores = ent.entity_scores(gold, briefing(entity("doe", "person", span("Jane Doe"), ms)))
    assert scores.covered == 2


REPO = Path(__file__).resolve().parents[1]
ECBPLUS = REPO.parent / "shared" / "corpora" / "ecbplus-dev"


@pytest.mark.model
@pytest.mark.skipif(not ECBPLUS.is_dir(), reason="ECB+ development corpus not present")
def test_evaluate_script_prints_the_ecbplus_entity_table(tmp_path, capsys):
    spec = importlib.util.spec_from_file_location("evaluate_script", REPO / "scripts" / "evaluate.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main(["ecbplus", "--data", str(ECBPLUS), "--topics", "12", "--workdir", str(tmp_path)])
    out = capsys.readouterr().out
    table = [line.split() for line in out.splitlines()]
    rows = {cells[0]: cells for cells in table if cells[:1] in (["12"], ["all"])}
    assert set(rows) == {"12", "all"}
    ours_f1, same_string, last_word = (float(rows["all"][i]) for i in (4, 5, 6))
    assert 0.0 < ours_f1 <= 1.0 and 0.0 < same_string <= 1.0 and 0.0 < last_word <= 1.0
    assert "person typing precision" in out


def test_person_recall_counts_gold_people_typed_otherwise():
    gold = ent.gold_named([Doc("a_1ecb.xml", GOLD)])
    ours = briefing(entity("doe", "person", span("Jane Doe")),
                    entity("roe", "organization", span("John Roe")),
                    entity("acme", "person", span("Acme")))
    scores = ent.entity_scores(gold, ours)
    assert (scores.gold_persons_typed, scores.gold_persons) == (1, 2)  # Roe is no organisation
    assert scores.person_recall == 0.5
