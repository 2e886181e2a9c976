"""Rendering refuses two pages at one path (the site made by forked processes is in
``test_site_parts``)."""

from __future__ import annotations

import pytest

from generator.site import Linker, plan_pages
from generator.site.page import Page
from generator.site.render import render_pages


def test_two_pages_at_one_path_are_refused(seed_briefing):
    page = plan_pages(seed_briefing, 1)[0]
    with pytest.raises(ValueError, match="two generated pages"):
        render_pages([page, Page(page.path, page.template, page.context)], Linker(seed_briefing))
