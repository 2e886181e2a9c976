"""The site made in parts by forked processes is the site made in one process, with the export
made meanwhile, and the memo entries every part used are kept for the next build."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool
from functools import partial
from pathlib import Path

import pytest

from generator import pipeline
from generator.executor import beside
from generator.publish import exported
from generator.site import Linker, plan_pages, render_pages
from generator.site.index import entity_lookups, index_briefing
from generator.site.memo import MEMO_FILE, read_memo
from generator.site.parts import SiteJob, SitePages, site_job
from tests.conftest import make_project
from tests.render_check import count_renders, write_docs


def made(job: SiteJob, cores: int, monkeypatch) -> tuple[SitePages, dict]:
    """The build's pages (``pipeline.made_pages``) on ``cores`` and its export
    (``pipeline.export_files``, made in a forked process when the build runs)."""
    monkeypatch.setattr(pipeline, "usable_cores", lambda: cores)
    with beside(partial(pipeline.export_files, job.briefing)) as export_made:
        pages = pipeline.made_pages(job)
        files, _ = export_made()
    return pages, files


def test_parts_made_by_forked_processes_equal_one_process_and_plain_rendering(seed_briefing, monkeypatch):
    alone, export_alone = made(site_job(seed_briefing, 1), 1, monkeypatch)
    forked, export = made(site_job(seed_briefing, 1), 2, monkeypatch)
    expected = {path: text.encode("utf-8") for path, text in exported(seed_briefing)[0].items()}
    assert export == export_alone == expected
    assert list(forked.texts) == list(alone.texts)
    assert forked == alone
    assert not alone.on_disk  # nothing kept from a build before
    assert alone.texts == render_pages(plan_pages(seed_briefing, 1), Linker(seed_briefing))


def test_a_forked_build_keeps_every_part_s_memo_entries(seed_briefing, tmp_path, monkeypatch):
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    cache.mkdir()
    first, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 2, monkeypatch)
    write_docs(docs, first.texts)
    assert read_memo(cache / MEMO_FILE)  # the figures and summaries of the entity parts

    rendered = count_renders(monkeypatch)
    again, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    assert rendered and all(path.startswith("report") for path in rendered)  # context: the whole briefing
    assert list(again.texts) == rendered  # the rest is in docs/ as it would be rendered:
    assert sorted([*again.texts, *again.on_disk]) == sorted(first.texts)
    assert all((docs / path).read_text("utf-8") == first.texts[path] for path in again.on_disk)


def test_a_page_edited_in_docs_is_rendered_again_not_kept(seed_briefing, tmp_path, monkeypatch):
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    cache.mkdir()
    first, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    write_docs(docs, first.texts)
    edited = next(path for path in first.texts if path.startswith("sources/"))
    (docs / edited).write_text("edited by hand", "utf-8")
    again, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    assert again.texts[edited] == first.texts[edited]
    assert edited not in again.on_disk


def test_a_page_found_in_docs_once_is_known_by_its_file_state_until_the_file_changes(
        seed_briefing, tmp_path, monkeypatch):
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    cache.mkdir()
    first, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    write_docs(docs, first.texts)
    second, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    assert second.on_disk  # found by reading each file: its state is noted

    read: list[Path] = []
    read_bytes = Path.read_bytes

    def noting(path: Path) -> bytes:
        read.append(path)
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", noting)
    third, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    assert third.on_disk == second.on_disk
    assert not [path for path in read if docs in path.parents]  # no page file read again

    edited = next(path for path in third.on_disk if path.startswith("sources/"))
    (docs / edited).write_text("edited by hand", "utf-8")
    os.utime(docs / edited, ns=(10**9, 10**9))  # another modification time, whatever the clock
    fourth, _ = made(site_job(seed_briefing, 1, cache=cache, docs=docs), 1, monkeypatch)
    assert fourth.texts[edited] == first.texts[edited]
    assert edited not in fourth.on_disk


def test_a_part_whose_process_dies_fails_the_site_instead_of_hanging(seed_briefing, monkeypatch):
    parent, make = os.getpid(), pipeline.make_part

    def dying(job, part):
        if os.getpid() != parent:
            os._exit(9)  # as if the kernel killed it
        return make(job, part)

    monkeypatch.setattr(pipeline, "make_part", dying)
    with pytest.raises(BrokenProcessPool):
        made(site_job(seed_briefing, 1), 2, monkeypatch)


def test_entity_lookups_worked_out_before_the_merges_are_those_of_the_finished_briefing(tmp_path):
    from generator.config import load_config

    config = load_config(root=make_project(tmp_path / "project"))
    resolved = pipeline.read_and_resolve(config, warn=lambda message: None)
    early = entity_lookups(resolved)  # as the build works them out while the stories are grouped
    finished = pipeline.with_corpus_items(resolved, config)
    assert any(entity.has_page for entity in finished.entities)  # the page flags came after
    index = index_briefing(finished)
    assert max(len(ids) for ids in early.entities_at.values()) > 1
    assert any(early.co_mentions.values())
    assert early.entities_at == index.entities_at
    assert early.co_mentions == index.co_mentions
    given = index_briefing(finished, early)
    assert (given.entities_at, given.co_mentions) == (index.entities_at, index.co_mentions)
