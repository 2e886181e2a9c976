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


def test_each_deadline_of_a_story_is_a_line_of_its_own(tmp_path):
    """Two deadlines of one story are two list items (they once ran into one line: the
    template's hard line break was collapsed by the escaping of every printed value)."""
    from generator.config import load_config
    from generator.pipeline import build
    from tests.conftest import make_project

    seeds = tmp_path / "in"
    seeds.mkdir()
    (seeds / "a.txt").write_text(
        "Port dispute deepens\n\nMinister Arla Venn gave the Harbour Board until March 3 to reopen the "
        "northern route. Arla Venn also told the Harbour Board to pay its fines by March 10.\n",
        encoding="utf-8")
    (seeds / "b.txt").write_text(
        "Harbour Board faces two deadlines\n\nThe Harbour Board must reopen the northern route by March 3, "
        "Arla Venn said. The Harbour Board must pay its fines by March 10, she added.\n",
        encoding="utf-8")
    root = make_project(tmp_path / "project", seeds)
    build(load_config(root=root), warn=lambda message: None)
    home = (root / "docs" / "index.md").read_text(encoding="utf-8")
    listed = re.findall(r"^- \[Deadline[^\n]*$", home.split("**Deadlines.**")[1].split("**")[0], flags=re.M)
    assert len(listed) == 2, home
