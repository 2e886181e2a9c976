"""Stable source labels: S1, S2 ... survive deleting and adding articles (issue 13).

Labels used to be numbered by file order, so deleting one article renumbered
every later one and rewrote nearly every page. Now a build keeps the labels of
the previous build's export; a new article gets the next number never given.
"""

from __future__ import annotations

import datetime as dt
import json

import pytest

from generator.config import load_config
from generator.model import Briefing, BuildSnapshot, Source
from generator.pipeline import build
from generator.publish.export import to_dict
from generator.publish.snapshot import read_snapshot
from generator.site.markup import source_labels
from tests.conftest import make_project


def source(source_id: str) -> Source:
    return Source(id=source_id, path=f"{source_id}.txt", title=source_id, text="Text.", status="ok")


def snapshot(labels: dict[str, str], next_label: int) -> BuildSnapshot:
    return BuildSnapshot(None, {}, {}, frozenset(), frozenset(), frozenset(), {},
                         source_labels=labels, next_label=next_label)


def briefing(ids: list[str], previous: BuildSnapshot | None = None) -> Briefing:
    return Briefing("t", [source(i) for i in ids], {}, previous=previous)


def test_a_clean_build_numbers_in_file_order():
    assert source_labels(briefing(["a", "b", "c"])) == {"a": "S1", "b": "S2", "c": "S3"}


def test_kept_labels_survive_a_delete_and_new_sources_take_the_next_number():
    previous = snapshot({"a": "S1", "b": "S2", "c": "S3"}, 4)
    assert source_labels(briefing(["a", "c"], previous)) == {"a": "S1", "c": "S3"}
    assert source_labels(briefing(["a", "aa", "c"], previous)) == {"a": "S1", "aa": "S4", "c": "S3"}


def test_a_deleted_number_is_not_given_again_even_when_it_was_the_highest():
    after_delete = snapshot({"a": "S1", "b": "S2"}, 4)  # "c" (S3) was deleted
    assert source_labels(briefing(["a", "b", "d"], after_delete))["d"] == "S4"


def test_the_export_carries_the_labels_and_the_next_number(tmp_path):
    data = to_dict(briefing(["a", "c"], snapshot({"a": "S1", "c": "S3"}, 5)))
    assert [s["label"] for s in data["sources"]] == ["S1", "S3"]
    assert data["next_source_label"] == 5


@pytest.mark.parametrize("label", ["S0x", "", None, "T3"])
def test_a_malformed_or_repeated_label_in_the_export_is_dropped(tmp_path, label):
    data = to_dict(briefing(["a", "b", "c"]))
    data["sources"][0]["label"] = label
    data["sources"][1]["label"] = data["sources"][2]["label"]  # repeated: neither is kept
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "briefing.json").write_text(json.dumps(data), encoding="utf-8")
    kept = read_snapshot(tmp_path)
    assert kept is not None and kept.source_labels == {}
    assert kept.next_label == 4


ARTICLES = {
    "a1.txt": "Harbour workers in Velmora walked out on Monday. Union leader Dorota Kwiatek said the "
              "strike would last until wages rise. Port director Anselm Rudge called the walkout "
              "illegal and said the port authority would go to court.\n",
    "a2.txt": "The Velmora harbour strike entered its second day. Dorota Kwiatek told reporters the "
              "union would not back down. Anselm Rudge said the port authority had filed a claim "
              "in court against the union.\n",
    "a3.txt": "The Ostrava Philharmonic opened its season on Friday. Orchestra director Lucian Marek "
              "said it was sold out. \"We will tour Japan in the spring,\" Marek said. Critic Ines Holloway "
              "praised the new concert hall.\n",
}


def pages_of(root) -> dict[str, bytes]:
    docs = root / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for p in docs.rglob("*.md")}


@pytest.mark.model
def test_deleting_an_article_keeps_other_labels_and_unrelated_pages_byte_identical(tmp_path):
    root = make_project(tmp_path / "p", seeds=None)
    (root / "seeds").mkdir()
    for name, text in ARTICLES.items():
        (root / "seeds" / name).write_text(text, encoding="utf-8")
    now = dt.datetime(2026, 1, 1, tzinfo=dt.timezone.utc)
    first = build(load_config(root=root), warn=lambda m: None, now=now)
    before, labels = pages_of(root), source_labels(first.briefing)
    deleted = {e.name for e in first.briefing.entities if any(m.source == "a2" for m in e.mentions)}
    (root / "seeds" / "a2.txt").unlink()
    second = build(load_config(root=root), warn=lambda m: None, now=now)
    after = source_labels(second.briefing)
    assert after == {"a1": labels["a1"], "a3": labels["a3"]} and after["a3"] == "S3"
    unrelated = [path for path, text in before.items() if path != "changes.md"
                 and b"a2" not in text and not any(name.encode() in text for name in deleted)]
    assert "sources/a3.md" in unrelated and any(path.startswith("people/") for path in unrelated)
    after_pages = pages_of(root)
    assert [path for path in unrelated if after_pages.get(path) != before[path]] == []
