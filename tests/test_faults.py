"""Fault injection (issue 12): kills, full disks, damaged caches, concurrent builds, odd inputs.

Every test ends the same way: the exit code is the documented one, and after
the fault (and one more build where the fault stopped one) the export and the
pages describe the same sources with no article lost (``consistent``). The
language model is loaded once per session; most builds reuse a warm cache.
"""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator import executor as executor_stage
from generator.cli import EXIT_ERROR, EXIT_INTERRUPTED, EXIT_LOCKED, EXIT_OK, EXIT_OUTPUT, main
from generator.nlp.cache import SUFFIX
from generator.publish import writer
from generator.publish.lock import LOCK_NAME, build_lock
from generator.storage import atomic
from generator.storage.checked_pickle import dumps_checked, loads_checked
from tests.conftest import REPO
from tests.fault_project import (
    ARTICLES,
    consistent,
    copy_project,
    docs_snapshot,
    export,
    mentions_by_source,
    write_project,
)

pytestmark = pytest.mark.model


class SimulatedKill(BaseException):
    """Stands for a kill: not an Exception, so no ``except Exception`` handler stops it."""


@pytest.fixture(autouse=True)
def shared_pipeline(monkeypatch, nlp):
    """Builds reuse the session's pipeline instead of loading it again."""
    monkeypatch.setattr(executor_stage, "load_pipeline", lambda name, warn: nlp)


def build(root: Path, monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """Run ``briefing build`` in ``root``; (exit code, stderr)."""
    monkeypatch.chdir(root)
    code = main(["build", *args])
    return code, capsys.readouterr().err


@pytest.fixture(scope="module")
def warm(tmp_path_factory, nlp):
    """The small project built once: docs/ and a full cache."""
    root = write_project(tmp_path_factory.mktemp("warm") / "p")
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(executor_stage, "load_pipeline", lambda name, warn: nlp)
        patch.chdir(root)
        assert main(["build"]) == EXIT_OK
    consistent(root)
    return root


def interrupt_replace_at(monkeypatch, call: int, fault: BaseException) -> list[str]:
    """Make the ``call``-th rename of a written file raise ``fault``; returns the renamed names."""
    renamed: list[str] = []

    def replace(src, dst):
        renamed.append(Path(dst).name)
        if len(renamed) == call:
            raise fault
        os.replace(src, dst)

    monkeypatch.setattr(atomic, "_replace", replace)
    return renamed


@pytest.mark.parametrize("call", [1, 2, 6, 20, -1])
def test_kill_at_each_write_step_keeps_output_usable(warm, tmp_path, monkeypatch, capsys, call):
    root = copy_project(warm, tmp_path / "p")
    (root / "seeds" / "nairobi.txt").unlink()
    renamed = interrupt_replace_at(monkeypatch, call, SimulatedKill())
    prune = writer._prune
    if call == -1:  # the last step: after the renames, before the final manifest
        monkeypatch.setattr(writer, "_prune", _kill_after_prune)
    with pytest.raises(SimulatedKill):
        build(root, monkeypatch, capsys)
    assert call == -1 or len(renamed) == call, "the kill happened during the write"
    export(root)  # still valid JSON: the previous or the new export, never half of one
    monkeypatch.setattr(atomic, "_replace", os.replace)
    monkeypatch.setattr(writer, "_prune", prune)
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_OK and "Traceback" not in err
    assert {s["path"] for s in consistent(root)["sources"]} == {"geneva.txt", "oslo.md"}


def _kill_after_prune(docs, stale, result):
    raise SimulatedKill


def test_real_kill_in_the_middle_of_renames(warm, tmp_path):
    root = copy_project(warm, tmp_path / "p")
    (root / "seeds" / "nairobi.txt").unlink()
    script = ("import os, generator.storage.atomic as a\n"
              "calls = []\n"
              "def replace(src, dst):\n"
              "    calls.append(dst)\n"
              "    if len(calls) == 4: os._exit(9)\n"
              "    os.replace(src, dst)\n"
              "a._replace = replace\n"
              "from generator.cli import main\nmain(['build'])\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    killed = subprocess.run([sys.executable, "-c", script], cwd=root, env=env, capture_output=True,
                            timeout=300)
    assert killed.returncode == 9
    assert (root / ".briefing-cache" / LOCK_NAME).is_file(), "the dead build's lock file is left"
    export(root)
    rebuilt = subprocess.run([sys.executable, "-m", "generator", "build"], cwd=root, env=env,
                             capture_output=True, text=True, timeout=300)
    assert rebuilt.returncode == EXIT_OK, rebuilt.stderr[-2000:]
    assert len(consistent(root)["sources"]) == 2
    assert not (root / ".briefing-cache" / LOCK_NAME).exists()


@pytest.mark.parametrize("call", [1, 3, 10])
def test_disk_full_while_writing_keeps_the_previous_output(warm, tmp_path, monkeypatch, capsys, call):
    root = copy_project(warm, tmp_path / "p")
    before = docs_snapshot(root)
    (root / "seeds" / "nairobi.txt").unlink()
    written = []
    original = atomic.write_temporary

    def full_disk(target, data):
        written.append(target)
        if len(written) >= call:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(target))
        return original(target, data)

    monkeypatch.setattr(atomic, "write_temporary", full_disk)
    monkeypatch.setattr(writer, "write_temporary", full_disk)
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_OUTPUT and "No space left on device" in err and "Traceback" not in err
    after = docs_snapshot(root)
    manifest = ".briefing-manifest.json"
    assert {k: v for k, v in after.items() if k != manifest} == \
           {k: v for k, v in before.items() if k != manifest}, "a file of the previous build changed"
    monkeypatch.setattr(atomic, "write_temporary", original)
    monkeypatch.setattr(writer, "write_temporary", original)
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK
    assert len(consistent(root)["sources"]) == 2


def test_disk_full_on_a_small_tmpfs(warm, tmp_path, monkeypatch, capsys):
    mount = tmp_path / "small"
    mount.mkdir()
    if os.geteuid() != 0 or subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mount)],
                                           capture_output=True).returncode != 0:
        pytest.skip("needs root and tmpfs to make a small disk")
    try:
        root = copy_project(warm, mount / "p")
        before = export(root)
        (root / "seeds" / "nairobi.txt").unlink()
        filler = mount / "filler"
        # unbuffered, so closing the full file cannot raise a second time
        with filler.open("wb", buffering=0) as handle, pytest.raises(OSError):
            while True:
                handle.write(b"\0" * 65536)
        code, err = build(root, monkeypatch, capsys)
        assert code == EXIT_OUTPUT and "Traceback" not in err
        assert export(root) == before
        filler.unlink()
        assert build(root, monkeypatch, capsys)[0] == EXIT_OK
        assert len(consistent(root)["sources"]) == 2
    finally:
        monkeypatch.chdir(tmp_path)
        subprocess.run(["umount", str(mount)], check=False)


DAMAGE = {
    "truncated": lambda data: data[: len(data) // 2],
    "bit flipped": lambda data: data[:200] + bytes([data[200] ^ 0x10]) + data[201:],
    "empty": lambda data: b"",
    "garbage": lambda data: os.urandom(len(data)),
    "another object": lambda data: dumps_checked({"not": "an analysis"}),
}


def test_damaged_cache_entries_are_misses(warm, tmp_path, monkeypatch, capsys):
    root = copy_project(warm, tmp_path / "p")
    entries = sorted((root / ".briefing-cache").glob(f"*{SUFFIX}"))
    assert len(entries) == len(ARTICLES)
    for entry, damage in zip(entries, DAMAGE.values(), strict=False):
        entry.write_bytes(damage(entry.read_bytes()))
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_OK and "Traceback" not in err
    assert mentions_by_source(consistent(root)) == mentions_by_source(export(warm))


def test_every_single_bit_flip_is_detected():
    data = dumps_checked({"source": "a", "mentions": list(range(20))})
    for bit in range(len(data) * 8):
        flipped = bytearray(data)
        flipped[bit // 8] ^= 1 << (bit % 8)
        assert loads_checked(bytes(flipped)) is None, bit


def test_a_second_build_is_refused_while_one_runs(warm, tmp_path, monkeypatch, capsys):
    root = copy_project(warm, tmp_path / "p")
    before = docs_snapshot(root)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from pathlib import Path; from generator.publish.lock import build_lock\n"
         "with build_lock(Path(sys.argv[1])):\n    print('held', flush=True); sys.stdin.read()",
         str(root / ".briefing-cache")],
        env=dict(os.environ, PYTHONPATH=str(REPO)), stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        code, err = build(root, monkeypatch, capsys)
        assert code == EXIT_LOCKED and f"process {holder.pid}" in err and "Traceback" not in err
        assert docs_snapshot(root) == before
    finally:
        holder.communicate("", timeout=60)
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK


def test_a_stale_lock_of_a_dead_process_is_taken_over(warm, tmp_path, monkeypatch, capsys):
    root = copy_project(warm, tmp_path / "p")
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    (root / ".briefing-cache" / LOCK_NAME).write_text(dead + "\n")
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK
    consistent(root)
    with build_lock(root / ".briefing-cache"):  # and the lock works again afterwards
        assert build(root, monkeypatch, capsys)[0] == EXIT_LOCKED


def test_rename_duplicate_and_delete_sequence(warm, tmp_path, monkeypatch, capsys):
    root = copy_project(warm, tmp_path / "p")
    seeds = root / "seeds"
    counts = mentions_by_source(export(root))
    (seeds / "geneva.txt").rename(seeds / "talks.txt")
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK
    renamed = mentions_by_source(consistent(root))
    assert renamed["talks"] == counts["geneva"] and "geneva" not in renamed
    (seeds / "copy.txt").write_bytes((seeds / "talks.txt").read_bytes())
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK
    doubled = mentions_by_source(consistent(root))
    assert doubled["copy"] == doubled["talks"] == counts["geneva"], "each copy is credited its own"
    (seeds / "copy.txt").unlink()
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK
    data = consistent(root)
    assert len(list((root / ".briefing-cache").glob(f"*{SUFFIX}"))) == len(data["sources"])
    assert not (root / "docs" / "sources" / "copy.md").exists()


NESTED = ("<html><body>" + "<div>" * 10_000 + "<p>Kofi Mensah met Anna Berg in Geneva on Monday "
          "to discuss the plan.</p>" + "</div>" * 10_000 + "</body></html>")


def test_odd_inputs_all_build(tmp_path, monkeypatch, capsys):
    articles: dict[str, str | bytes] = {
        **ARTICLES,
        "bad-date.md": "---\npublished: 2025-02-30\n---\n\nAnna Berg visited Geneva on Monday.\n",
        "year-one.md": "---\npublished: 0001-01-01\n---\n\nJonas Dahl spoke in Oslo on Monday.\n",
        "far-future.md": "---\npublished: 9999-12-31\n---\n\nKofi Mensah spoke in Nairobi on Monday.\n",
        "sidecar.txt": "Anna Berg said talks in Geneva would resume next week.\n",
        "sources.yml": "sidecar.txt:\n  published: 2025-02-30\n",
        "caf\udce9.txt": "Jonas Dahl said the World Bank would pay for the plan.\n",
        "nested.html": NESTED,
        "geneva.md": "Anna Berg spoke to Jonas Dahl in Geneva on Friday about the plan.\n",
    }
    root = write_project(tmp_path / "p", articles, config="title: 2025-02-30\n")
    assert b"caf\xe9.txt" in os.listdir(os.fsencode(root / "seeds"))
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_OK and "Traceback" not in err
    data = consistent(root)
    assert all(s["status"] == "ok" for s in data["sources"]), [s["error"] for s in data["sources"]]
    assert data["title"] == "2025-02-30"
    by_path = {s["path"]: s for s in data["sources"]}
    assert "caf\ufffd.txt" in by_path and by_path["geneva.md"]["id"] != by_path["geneva.txt"]["id"]
    assert by_path["bad-date.md"]["published"] is None and by_path["year-one.md"]["published"] is None
    warned = {w["source"] for w in data["warnings"]}
    assert {"bad-date.md", "year-one.md", "far-future.md", "sidecar.txt", "geneva.txt"} <= warned


def test_a_long_paragraph_is_analysed_in_reasonable_time(tmp_path, monkeypatch, capsys):
    sentence = "On day {0} Anna Berg met officials of the World Bank in Geneva and said talks would resume. "
    paragraph = "".join(sentence.format(i) for i in range(400)).strip()
    root = write_project(tmp_path / "p", {"long.txt": "Talks Resume\n" + paragraph + "\n"})
    started = time.monotonic()
    code, _ = build(root, monkeypatch, capsys)
    assert code == EXIT_OK and time.monotonic() - started < 180, "hang detection only"
    assert mentions_by_source(consistent(root))["long"] >= 400


@pytest.mark.parametrize("setting, expected", [
    ("min_mentions_for_page: abc", "min_mentions_for_page: expected a whole number"),
    ("entities: [x, y]", "entities: expected a mapping"),
    ("seeds: 5", "seeds: expected a folder path"),
    ("title: [a, b]", "title: expected text"),
])
def test_configuration_errors_exit_2_naming_the_key(tmp_path, monkeypatch, capsys, setting, expected):
    root = write_project(tmp_path / "p", config=setting + "\n")
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_ERROR and expected in err and "briefing.yml" in err and "Traceback" not in err


def test_entities_by_sentence_match_spacy_and_stay_linear(nlp):
    from spacy.tokens import Doc

    from generator.nlp.entity_spans import sentence_ents

    doc = nlp("Anna Berg met Jonas Dahl in Geneva. The World Bank paid. Kofi Mensah left on Monday.")
    for sent in doc.sents:
        assert [(e.start, e.end, e.label_) for e in sentence_ents(sent)] == \
               [(e.start, e.end, e.label_) for e in sent.ents]
    count = 20_000  # Span.ents per sentence would take minutes here
    long_doc = Doc(nlp.vocab, words=["Anna", "met", "Bob", "."] * count,
                   sent_starts=[True, False, False, False] * count,
                   ents=["B-PERSON", "O", "B-PERSON", "O"] * count)
    started = time.monotonic()
    found = sum(len(sentence_ents(sent)) for sent in long_doc.sents)
    assert found == 2 * count and time.monotonic() - started < 60, "hang detection only"


def test_a_project_whose_manifest_lost_the_export_recovers(warm, tmp_path, monkeypatch, capsys):
    root = copy_project(warm, tmp_path / "p")
    manifest = root / "docs" / writer.MANIFEST
    pages_only = [p for p in json.loads(manifest.read_text()) if p.endswith(".md")]
    manifest.write_text(json.dumps(pages_only))  # what a build killed by an older version left
    (root / "docs" / "notes.md").write_text("# My notes\n")
    (root / "seeds" / "nairobi.txt").unlink()
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_OK and "Traceback" not in err
    assert len(consistent(root)["sources"]) == 2, "the export moved on with the pages"
    assert (root / "docs" / "notes.md").read_text() == "# My notes\n", "a hand-written page is kept"


def test_a_damaged_place_index_cache_is_rebuilt(tmp_path, monkeypatch):
    from generator.knowledge import gazetteer_index

    monkeypatch.setenv("BRIEFING_CACHE_DIR", str(tmp_path))
    path = gazetteer_index.index_cache_path()
    path.write_bytes(b"briefing-pickle 1\n" + os.urandom(200))
    index = gazetteer_index.build_index()
    assert index.names[gazetteer_index.normalize("Geneva")].country_code == "CH"
    assert loads_checked(path.read_bytes()) == index, "the rebuilt index replaced the damaged file"


def test_ctrl_c_while_writing_exits_130_and_the_next_build_finishes(warm, tmp_path, monkeypatch, capsys):
    root = copy_project(warm, tmp_path / "p")
    (root / "seeds" / "nairobi.txt").unlink()
    interrupt_replace_at(monkeypatch, 3, KeyboardInterrupt())
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_INTERRUPTED and "interrupted" in err and "Traceback" not in err
    monkeypatch.setattr(atomic, "_replace", os.replace)
    assert build(root, monkeypatch, capsys)[0] == EXIT_OK
    assert len(consistent(root)["sources"]) == 2


def test_the_export_process_killed_fails_the_build_and_leaves_the_output_as_it_was(
        warm, tmp_path, monkeypatch, capsys):
    from concurrent.futures.process import BrokenProcessPool

    from generator import pipeline

    root = copy_project(warm, tmp_path / "p")
    before = docs_snapshot(root)
    (root / "seeds" / "nairobi.txt").unlink()
    parent, export_files = os.getpid(), pipeline.export_files

    def killed(briefing):
        if os.getpid() != parent:
            os._exit(9)  # as the kernel's out-of-memory killer would
        return export_files(briefing)

    monkeypatch.setattr(pipeline, "export_files", killed)
    monkeypatch.setattr(executor_stage, "usable_cores", lambda: 2)  # forked on any machine
    with pytest.raises(BrokenProcessPool):
        build(root, monkeypatch, capsys)
    assert docs_snapshot(root) == before  # nothing written, the previous site and export kept
    monkeypatch.setattr(pipeline, "export_files", export_files)
    code, err = build(root, monkeypatch, capsys)
    assert code == EXIT_OK and "Traceback" not in err
    assert {s["path"] for s in consistent(root)["sources"]} == {"geneva.txt", "oslo.md"}
