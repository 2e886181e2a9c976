"""The site made in parts by forked processes is the site made in one process, and the memo
entries every part used are kept for the next build."""

from __future__ import annotations

import os
from concurrent.futures.process import BrokenProcessPool

import pytest

from generator.site import Linker, parts, plan_pages, render_pages
from generator.site.memo import MEMO_FILE, read_memo
from generator.site.parts import make_site, site_job
from tests.render_check import count_renders, write_docs


def test_parts_made_by_forked_processes_equal_one_process_and_plain_rendering(seed_briefing):
    alone, nothing = make_site(site_job(seed_briefing, 1), processes=1)
    forked, export = make_site(site_job(seed_briefing, 1), processes=2, alongside=lambda: "export")
    assert nothing is None and export == "export"
    assert list(forked) == list(alone)
    assert forked == alone
    assert alone == render_pages(plan_pages(seed_briefing, 1), Linker(seed_briefing))


def test_a_forked_build_keeps_every_part_s_memo_entries(seed_briefing, tmp_path, monkeypatch):
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    cache.mkdir()
    first, _ = make_site(site_job(seed_briefing, 1, cache=cache, docs=docs), processes=2)
    write_docs(docs, first)
    assert read_memo(cache / MEMO_FILE)  # the figures and summaries of the entity parts

    rendered = count_renders(monkeypatch)
    again, _ = make_site(site_job(seed_briefing, 1, cache=cache, docs=docs), processes=1)
    assert again == first
    assert rendered and all(path.startswith("report") for path in rendered)  # its context is the whole briefing


def test_a_part_whose_process_dies_fails_the_site_instead_of_hanging(seed_briefing, monkeypatch):
    parent, made = os.getpid(), parts.make_part

    def dying(job, part):
        if os.getpid() != parent:
            os._exit(9)  # as if the kernel killed it
        return made(job, part)

    monkeypatch.setattr(parts, "make_part", dying)
    with pytest.raises(BrokenProcessPool):
        make_site(site_job(seed_briefing, 1), processes=2)
