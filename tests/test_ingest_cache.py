"""Sources of unchanged files come from the source cache, and equal what reading gives."""

from __future__ import annotations

from pathlib import Path

from generator.ingest import ingest
from generator.ingest.source_cache import SourceCache

FILES = {
    "one.txt": "Talks resume in Geneva\nThe delegates met on Monday.\n",
    "two.md": "---\ntitle: Second\n---\nThe council voted on Tuesday.\n",
    "ONE.txt": "A case twin of the first file's name.\nIt gets a slug id.\n",
    "sources.yml": "one.txt:\n  outlet: Daily\n  published: 2026-03-01\n",
}


def write_corpus(seeds: Path) -> None:
    seeds.mkdir()
    for name, text in FILES.items():
        (seeds / name).write_text(text, encoding="utf-8")


def test_cached_sources_equal_read_ones(tmp_path):
    seeds, store = tmp_path / "seeds", tmp_path / "cache" / "sources.cache"
    write_corpus(seeds)
    plain = ingest(seeds)
    first = ingest(seeds, SourceCache(store, "v1"))
    cache = SourceCache(store, "v1")
    second = ingest(seeds, cache)
    assert plain == first == second
    assert len(cache.known) == 3 and all(cache.get(key) is not None for key in cache.known)


def test_changed_file_metadata_or_code_is_read_again(tmp_path):
    seeds, store = tmp_path / "seeds", tmp_path / "cache" / "sources.cache"
    write_corpus(seeds)
    ingest(seeds, SourceCache(store, "v1"))
    (seeds / "one.txt").write_text("Talks resume in Vienna\nThe delegates met on Friday.\n", encoding="utf-8")
    (seeds / "sources.yml").write_text("two.md:\n  outlet: Weekly\n", encoding="utf-8")
    (seeds / "ONE.txt").unlink()
    cached = ingest(seeds, SourceCache(store, "v1"))
    assert cached == ingest(seeds)
    assert {s.outlet for s in cached[0]} == {"", "Weekly"}
    assert len(SourceCache(store, "v1").known) == 2  # the deleted file's entry dropped out
    assert ingest(seeds, SourceCache(store, "v2")) == cached


def test_damaged_cache_file_is_empty(tmp_path):
    seeds, store = tmp_path / "seeds", tmp_path / "sources.cache"
    write_corpus(seeds)
    store.write_bytes(b"not a cache")
    assert ingest(seeds, SourceCache(store, "v1")) == ingest(seeds)
    assert len(SourceCache(store, "v1").known) == 3


def test_taken_ids_near_a_file_give_the_ids_all_would():
    from generator.ingest.read import TakenIds
    from generator.ingest.source_ids import slug_id, unique_id

    names = ["a.txt", "A.txt", "a.md", "index.txt", "b c.txt", "B.txt", "b.txt", "a-6a5b1c2d.txt",
             "café.txt", "Cafe.txt", "cafe.md"]
    names = [f"{slug_id(n)}.txt" for n in ("A.txt", "index.txt")] + names  # named like later slugs
    taken, near, slugged = set(), TakenIds(), 0
    for name in names:
        stem = name.rsplit(".", 1)[0]
        expected = unique_id(name, stem, taken)
        assert unique_id(name, stem, near.near(name, stem)) == expected
        taken.add(expected[0])
        near.add(expected[0])
        slugged += expected[0] != stem
    assert slugged >= 4  # case twins, a reserved name, a name with a space


def test_the_sidecar_is_parsed_once_per_text(tmp_path, monkeypatch):
    from generator.ingest import read

    seeds, store = tmp_path / "seeds", tmp_path / "cache" / "sources.cache"
    write_corpus(seeds)
    parses = []
    original = read.parse_sidecar
    monkeypatch.setattr(read, "parse_sidecar", lambda *args: parses.append(1) or original(*args))
    first = ingest(seeds, SourceCache(store, "v1"))
    assert ingest(seeds, SourceCache(store, "v1")) == first and len(parses) == 1
    (seeds / "sources.yml").write_text("two.md: [not, a, mapping]\n", encoding="utf-8")
    changed = ingest(seeds, SourceCache(store, "v1"))
    assert changed == ingest(seeds) and len(parses) == 3
    assert [w.message for w in changed[1]] == ["metadata ignored: expected file name -> mapping"]
    assert ingest(seeds, SourceCache(store, "v1")) == changed and len(parses) == 3
    assert ingest(seeds, SourceCache(store, "v2")) == changed and len(parses) == 4
