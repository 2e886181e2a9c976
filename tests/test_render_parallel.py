"""Pages rendered by forked processes are the pages rendered in one process, in the same order."""

from __future__ import annotations

import pytest

from generator.site import Linker, plan_pages
from generator.site import render as render_module
from generator.site.page import Page
from generator.site.render import render_pages


def test_forked_rendering_equals_one_process(seed_briefing, monkeypatch):
    pages = plan_pages(seed_briefing, 1)
    alone = render_pages(pages, Linker(seed_briefing))
    monkeypatch.setattr(render_module, "PAGES_PER_PROCESS", 5)
    forked = render_pages(pages, Linker(seed_briefing), processes=2)
    assert list(forked) == list(alone) == [page.path for page in pages]
    assert forked == alone


def test_two_pages_at_one_path_are_refused(seed_briefing):
    page = plan_pages(seed_briefing, 1)[0]
    with pytest.raises(ValueError, match="two generated pages"):
        render_pages([page, Page(page.path, page.template, page.context)], Linker(seed_briefing))
