"""Memos read ahead (``checked_pickle.read_ahead``) give what reading them then would have:
the value under its header once, the disk after a write or a second read, nothing stale
once the block ends."""

from __future__ import annotations

from generator.storage import checked_pickle
from generator.storage.checked_pickle import read_ahead, read_headed, write_headed


def test_a_file_read_ahead_gives_its_value_once_and_only_under_its_header(tmp_path):
    memo, other = tmp_path / "memo.bin", tmp_path / "other.bin"
    write_headed(memo, "code-1", {"kept": 1})
    write_headed(other, "code-1", {"other": 2})
    with read_ahead([memo, other, tmp_path / "missing.bin"]):
        memo.unlink()  # the value is in memory: the disk is not read again
        assert read_headed(memo, "code-1") == {"kept": 1}
        assert read_headed(memo, "code-1") is None  # taken once; the disk has nothing now
        assert read_headed(other, "code-2") is None  # another header is still a miss
        assert read_headed(tmp_path / "missing.bin", "code-1") is None


def test_a_write_or_the_end_of_the_block_drops_what_was_read_ahead(tmp_path):
    memo = tmp_path / "memo.bin"
    write_headed(memo, "code-1", "old")
    with read_ahead([memo]):
        write_headed(memo, "code-1", "new")
        assert read_headed(memo, "code-1") == "new"
    with read_ahead([memo]):
        pass
    assert checked_pickle._READ_AHEAD == {}
    write_headed(memo, "code-1", "newer")  # outside the block: the disk as always
    assert read_headed(memo, "code-1") == "newer"


def test_a_damaged_file_read_ahead_is_a_miss(tmp_path):
    memo = tmp_path / "memo.bin"
    write_headed(memo, "code-1", list(range(100)))
    memo.write_bytes(memo.read_bytes()[:-10])
    with read_ahead([memo]):
        assert read_headed(memo, "code-1") is None
