"""The page memo (``site.memo``): figures and summaries kept between builds, never stale."""

from __future__ import annotations

from pathlib import Path

from generator.model import ArticleAnalysis, Briefing, Entity, Mention, Sentence, Source
from generator.nlp.cache import code_fingerprint
from generator.site import Linker, plan_pages, render_pages
from generator.site.memo import MEMO_FILE, PageMemo
from generator.storage.checked_pickle import dumps_checked, loads_checked

TEXT = "Ada Vell met Bo Kern and Cy Moss at the pier with Dee Rand."
NAMES = {"ada-vell": "Ada Vell", "bo-kern": "Bo Kern", "cy-moss": "Cy Moss", "dee-rand": "Dee Rand"}


def town(named_in: dict[str, tuple[int, ...]]) -> Briefing:
    """Three sources of one sentence; each person id is mentioned in the sources numbered."""
    sources = [Source(f"s{n}", f"s{n}.txt", "ok", title=f"Report {n}", text=TEXT) for n in range(3)]
    analyses = {s.id: ArticleAnalysis(s.id, "h", (Sentence(0, 0, len(TEXT), 0),), ()) for s in sources}
    people = []
    for entity_id, numbers in named_in.items():
        name = NAMES[entity_id]
        start = TEXT.index(name)
        mentions = tuple(Mention(f"s{n}", start, start + len(name), name, "PERSON", sentence=0)
                         for n in numbers)
        people.append(Entity(entity_id, name, "person", (), mentions))
    return Briefing("t", sources, analyses, entities=people)


BEFORE = {"ada-vell": (0, 1, 2), "bo-kern": (0, 1), "cy-moss": (0, 1, 2)}


def site(briefing: Briefing, folder: Path | None) -> dict[str, str]:
    """Every page's Markdown, planned with the memo in ``folder`` (None: no memo)."""
    return render_pages(plan_pages(briefing, 1, folder), Linker(briefing))


def test_a_warm_memo_gives_the_pages_a_cold_build_gives(tmp_path):
    cold = site(town(BEFORE), tmp_path)
    kept = PageMemo(tmp_path).previous
    assert {key.split(":")[0] for key in kept} == {"neighbourhood", "summary"}
    assert site(town(BEFORE), tmp_path) == cold == site(town(BEFORE), None)
    assert "<svg" in cold["people/ada-vell.md"]


def test_an_entity_gaining_a_neighbour_gets_a_new_page(tmp_path):
    before = site(town(BEFORE), tmp_path)
    after_input = town({**BEFORE, "dee-rand": (1, 2)})
    after = site(after_input, tmp_path)
    assert after == site(after_input, None)
    assert after["people/ada-vell.md"] != before["people/ada-vell.md"]
    assert "Dee Rand" in after["people/ada-vell.md"].split("<svg", 1)[1]


def poison(folder: Path, fingerprint: str) -> None:
    """Rewrite the memo in ``folder`` with every figure replaced by a marker, under ``fingerprint``."""
    _, entries = loads_checked((folder / MEMO_FILE).read_bytes())
    entries = {key: "POISONED-FIGURE" if key.startswith("neighbourhood:") else value
               for key, value in entries.items()}
    (folder / MEMO_FILE).write_bytes(dumps_checked((fingerprint, entries)))


def test_a_memo_written_by_other_code_is_not_used(tmp_path):
    site(town(BEFORE), tmp_path)
    poison(tmp_path, code_fingerprint())
    assert "POISONED-FIGURE" in site(town(BEFORE), tmp_path)["people/ada-vell.md"]  # the memo is read
    poison(tmp_path, "0" * 16)
    assert "POISONED-FIGURE" not in site(town(BEFORE), tmp_path)["people/ada-vell.md"]


def test_a_damaged_memo_is_rebuilt_and_an_unwritable_one_only_costs_time(tmp_path):
    expected = site(town(BEFORE), None)
    site(town(BEFORE), tmp_path)
    memo = tmp_path / MEMO_FILE
    for damage in (memo.read_bytes()[: memo.stat().st_size // 2], b"not a memo", b""):
        memo.write_bytes(damage)
        assert site(town(BEFORE), tmp_path) == expected
        assert PageMemo(tmp_path).previous  # written again, whole
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    assert site(town(BEFORE), blocked / "cache") == expected
