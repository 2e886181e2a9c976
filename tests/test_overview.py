"""The story-first overview: a section per story with its lead, deadlines, positions and watch list."""

from __future__ import annotations

import re

import pytest

from tests.test_reader import READER_CORPUS, build_site

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def reader_project(tmp_path_factory):
    return build_site(tmp_path_factory.mktemp("overview-reader"), READER_CORPUS)


def sections(project) -> dict[str, str]:
    """Story heading -> its section of the overview Markdown."""
    home = (project / "docs" / "index.md").read_text(encoding="utf-8")
    body = home.split("## Key people")[0]
    parts = re.split(r"^## (.+)$", body, flags=re.M)[1:]
    return dict(zip(parts[0::2], parts[1::2], strict=True))


def test_one_section_per_story_largest_first(reader_project):
    found = sections(reader_project)
    assert len(found) == 2  # the hand-written corpus has two stories
    counts = [int(re.search(r"(\d+) articles?:", text)[1]) for text in found.values()]
    assert counts == sorted(counts, reverse=True)
    for text in found.values():
        assert re.search(r"\[\\\[S\d+\\\]\]\(sources/", text)  # the lead cites its sources


def test_seed_overview_has_the_deadline_positions_and_watch_list(seed_site):
    [(title, text)] = [(t, s) for t, s in sections(seed_site).items() if "**Deadlines.**" in s]
    assert "deadlines/" in text.split("**Deadlines.**")[1]
    positions = text.split("**Positions.**")[1].split("**")[0]
    lines = [line for line in positions.splitlines() if line.startswith("- ")]
    actor = re.compile(r"- \[[^]]+\]\((people|organisations|places|groups)/")
    assert lines and all(actor.match(line) for line in lines)
    assert all("sources/" in line for line in lines)  # every position is cited
    first_words = [line.split(") ", 1)[1].split()[:2] for line in lines]
    assert all(a.lower() != b.lower() for a, b in first_words)  # the reporting verb is written once
    assert "**What to watch.**" in text and "**What changed.**" in text
