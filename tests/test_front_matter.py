"""Front matter written by libyaml's emitter (when PyYAML has it) is what PyYAML's own emitter writes."""

from __future__ import annotations

import random

import pytest
import yaml

from generator.site.page import Page
from generator.site.render import front_matter, yaml_entry

TITLES = ["Anna Boris", "Talks fail, minister says", "Yes", "no", "null", "NULL", "On", "A: b", "A #b",
          "x" * 90, "Anna  Boris", " lead", "trail ", "O'Neil &amp; Co.", "-dash", "Zürich talks", "2024",
          "Aid (2)", "&amp;", "Why?", "Plan B; C", "A" + " word" * 15, "Ends with:", "tilde ~"]


@pytest.mark.parametrize("title", TITLES)
def test_entries_match_pyyaml(title):
    assert yaml_entry("title", title) == yaml.safe_dump({"title": title}, allow_unicode=True)


def test_random_titles_match_pyyaml():
    rng = random.Random(7)
    alphabet = "aZy 0,.'()&;:#-?!é\"[]{}|>%@*`~=<"
    for _ in range(3000):
        title = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 90)))
        assert yaml_entry("title", title) == yaml.safe_dump({"title": title}, allow_unicode=True), title


@pytest.mark.parametrize("template, tags", [("entity.md.j2", ["Person"]), ("source.md.j2", ["Talks, day 2", "x"]),
                                            ("home.md.j2", [])])
def test_front_matter_matches_one_pyyaml_dump(template, tags):
    meta = {"title": "Talks fail, minister says", "generated_by": "briefing"}
    if tags:
        meta["tags"] = tags
    meta |= {"search": {"boost": {"entity.md.j2": 10, "source.md.j2": 0.5}[template]}} \
        if template != "home.md.j2" else {}
    expected = "---\n" + yaml.safe_dump(meta, allow_unicode=True, sort_keys=False) + "---\n"
    assert str(front_matter(Page("p.md", template, None), meta["title"], tags)) == expected
