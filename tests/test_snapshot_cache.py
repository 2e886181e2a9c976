"""The previous build's snapshot is kept in the cache folder and read back only while it
describes the export in docs/; otherwise the export itself is parsed."""

from __future__ import annotations

import dataclasses
import gc

from generator.publish import write_files
from generator.publish.export import exported
from generator.publish.snapshot import EXPORT_PATH, SNAPSHOT_FILE, read_snapshot, store_snapshot
from generator.storage.checked_pickle import dumps_checked, loads_checked
from tests.large_briefing import large_briefing


def published(tmp_path):
    """docs/ with the export of a hand-built briefing, its snapshot kept in cache/."""
    docs, cache = tmp_path / "docs", tmp_path / "cache"
    files, snapshot = exported(large_briefing(40))
    write_files(docs, files)
    store_snapshot(docs, cache, snapshot)
    return docs, cache, snapshot


def test_the_kept_snapshot_is_the_parsed_export(tmp_path):
    docs, cache, snapshot = published(tmp_path)
    parsed = read_snapshot(docs)
    assert parsed is not None and parsed.sources and parsed.stories
    assert parsed.entities and parsed.deadline_dues
    assert snapshot == parsed
    assert read_snapshot(docs, cache) == parsed


def test_the_kept_snapshot_is_read_instead_of_the_export(tmp_path):
    docs, cache, snapshot = published(tmp_path)
    marked = dataclasses.replace(snapshot, built_at="kept")
    store_snapshot(docs, cache, marked)
    assert read_snapshot(docs, cache) == marked
    assert read_snapshot(docs).built_at != "kept"


def test_an_export_changed_since_is_parsed_again(tmp_path):
    docs, cache, snapshot = published(tmp_path)
    other, _ = exported(large_briefing(12))
    write_files(docs, other)
    again = read_snapshot(docs, cache)
    assert again == read_snapshot(docs) and again != snapshot and len(again.sources) == 12


def test_a_damaged_kept_snapshot_is_ignored(tmp_path):
    docs, cache, snapshot = published(tmp_path)
    kept = cache / SNAPSHOT_FILE
    whole = kept.read_bytes()
    for damaged in (whole[: len(whole) // 2], whole[:-1] + b"x", b"", whole.split(b"\n")[0]):
        kept.write_bytes(damaged)
        assert read_snapshot(docs, cache) == snapshot


def test_no_export_means_no_snapshot_whatever_the_cache_holds(tmp_path):
    docs, cache, _ = published(tmp_path)
    (docs / EXPORT_PATH).unlink()
    assert read_snapshot(docs, cache) is None


def test_reading_a_pickle_leaves_the_collector_as_it_was():
    data = dumps_checked({"a": [1, 2, 3]})
    try:
        for enabled in (True, False):
            (gc.enable if enabled else gc.disable)()
            assert loads_checked(data) == {"a": [1, 2, 3]} and gc.isenabled() is enabled
            assert loads_checked(data[:-2]) is None and gc.isenabled() is enabled
    finally:
        gc.enable()
