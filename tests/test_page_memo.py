"""The page memos: figures and summaries (``site.memo``) and whole pages (``site.render_memo``)
kept between builds, never stale."""

from __future__ import annotations

import inspect
from dataclasses import replace
from pathlib import Path
from unittest import mock

from generator.model import ArticleAnalysis, Briefing, Entity, Mention, Sentence, Source
from generator.nlp.cache import code_fingerprint
from generator.site import Linker, plan_pages, render_pages
from generator.site.digests import Digests
from generator.site.memo import MEMO_FILE, PageMemo, delta_path, read_memo
from generator.site.pages.entity_indexes import summaries_ahead
from generator.site.parts import finish_site, make_part, site_job
from generator.site.planner import PARTS
from generator.site.render_memo import MEMO_FILE as RENDER_MEMO_FILE
from generator.site.render_memo import RecordingLinker, digests_of, keyed_objects
from generator.site.summarize import entity_summary
from generator.storage.checked_pickle import read_headed, write_headed
from tests.render_check import count_renders, write_docs

TEXT = "Ada Vell met Bo Kern and Cy Moss at the pier with Dee Rand."
NAMES = {"ada-vell": "Ada Vell", "bo-kern": "Bo Kern", "cy-moss": "Cy Moss", "dee-rand": "Dee Rand"}


def town(named_in: dict[str, tuple[int, ...]], text: str = TEXT, content_hash: str = "") -> Briefing:
    """Three sources of one sentence; each person id is mentioned in the sources numbered."""
    sources = [Source(f"s{n}", f"s{n}.txt", "ok", title=f"Report {n}", text=text, content_hash=content_hash)
               for n in range(3)]
    analyses = {s.id: ArticleAnalysis(s.id, "h", (Sentence(0, 0, len(text), 0),), ()) for s in sources}
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


def test_a_summary_follows_an_edit_of_its_sentence_with_or_without_content_hashes(tmp_path):
    edited_text = TEXT.replace("pier", "dock")
    for before, after in ((town(BEFORE), town(BEFORE, edited_text)),
                          (town(BEFORE, content_hash="one"), town(BEFORE, edited_text, content_hash="two"))):
        site(before, tmp_path)
        pages = site(after, tmp_path)
        assert pages == site(after, None)
        assert "dock" in pages["people/ada-vell.md"] and "pier" not in pages["people/ada-vell.md"]


def poison(folder: Path, fingerprint: str) -> None:
    """Rewrite the memo in ``folder`` with every figure replaced by a marker, under ``fingerprint``
    (one base file, no delta)."""
    entries = read_memo(folder / MEMO_FILE)
    entries = {key: "POISONED-FIGURE" if key.startswith("neighbourhood:") else value
               for key, value in entries.items()}
    write_headed(folder / MEMO_FILE, fingerprint, ("poisoned", entries))
    delta_path(folder / MEMO_FILE).unlink(missing_ok=True)


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


def render_warm(pages, linker: Linker, cache: Path, docs: Path,
                monkeypatch) -> tuple[dict[str, str], list[str]]:
    """Render with the render memo, writing the texts to ``docs`` as the writer does; also the
    paths actually rendered (not read back)."""
    rendered = count_renders(monkeypatch)
    texts = render_pages(pages, linker, memo_folder=cache, docs=docs)
    write_docs(docs, texts)
    return texts, rendered


def test_unchanged_pages_are_read_back_and_equal_a_cold_render(tmp_path, monkeypatch):
    briefing = town(BEFORE)
    pages = plan_pages(briefing, 1)
    cold = render_pages(pages, Linker(briefing))
    first, rendered = render_warm(pages, Linker(briefing), tmp_path / "cache", tmp_path / "docs", monkeypatch)
    assert first == cold and sorted(rendered) == sorted(cold)
    again, rendered = render_warm(pages, Linker(briefing), tmp_path / "cache", tmp_path / "docs", monkeypatch)
    assert again == cold
    assert rendered and all(p.startswith("report") for p in rendered)  # its context is the whole briefing


def test_a_page_is_rendered_again_when_what_it_links_to_changes(tmp_path, monkeypatch):
    briefing = town(BEFORE)
    pages = plan_pages(briefing, 1)
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    render_warm(pages, Linker(briefing), cache, docs, monkeypatch)
    linker = Linker(briefing)  # same pages, same contexts: only what the linker answers differs
    linker.source_labels["s1"] = "S9"
    expected = render_pages(pages, linker)
    texts, rendered = render_warm(pages, linker, cache, docs, monkeypatch)
    assert texts == expected and "[S9]" in texts["people/ada-vell.md"]
    assert "sources/s2.md" not in rendered  # it shows nothing of s1
    linker.entities["bo-kern"] = replace(linker.entities["bo-kern"], has_page=False)
    expected = render_pages(pages, linker)
    texts, rendered = render_warm(pages, linker, cache, docs, monkeypatch)
    assert texts == expected and "(bo-kern.md" not in texts["people/ada-vell.md"]
    assert "sources/s2.md" not in rendered  # nor does it name Bo


def test_a_page_edited_in_docs_or_a_damaged_render_memo_is_rendered_again(tmp_path, monkeypatch):
    briefing = town(BEFORE)
    pages = plan_pages(briefing, 1)
    cold = render_pages(pages, Linker(briefing))
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    render_warm(pages, Linker(briefing), cache, docs, monkeypatch)
    (docs / "people/ada-vell.md").write_text("edited by hand")
    texts, rendered = render_warm(pages, Linker(briefing), cache, docs, monkeypatch)
    assert texts == cold and "people/ada-vell.md" in rendered
    memo = cache / RENDER_MEMO_FILE
    kept = read_headed(memo, code_fingerprint())
    assert kept
    for damage in (memo.read_bytes()[:100], b"0" * 16 + b"\n" + memo.read_bytes().split(b"\n", 1)[1]):
        memo.write_bytes(damage)
        texts, rendered = render_warm(pages, Linker(briefing), cache, docs, monkeypatch)
        assert texts == cold and sorted(rendered) == sorted(cold)


def test_the_recording_linker_takes_every_argument_the_linker_takes():
    """A template helper's new argument must reach the linker through the recorder too."""
    helpers = [name for name in vars(RecordingLinker) if not name.startswith("_")]
    assert "cites" in helpers
    for name in helpers:
        assert (list(inspect.signature(getattr(RecordingLinker, name)).parameters)
                == list(inspect.signature(getattr(Linker, name)).parameters)), name


def test_a_part_hands_back_reused_entries_by_key_and_the_memo_takes_them_back_whole(tmp_path):
    from generator.site.memo import PageMemo

    first = PageMemo(tmp_path)
    first.get("summary", ("a",), lambda: ["kept"])
    first.get("summary", ("b",), lambda: ["gone"])
    first.save()
    memo = PageMemo(tmp_path)
    part = memo.fresh()
    assert part.get("summary", ("a",), lambda: ["computed"]) == ["kept"]
    assert part.get("summary", ("c",), lambda: ["new"]) == ["new"]
    new, kept = part.handed_back()
    assert list(new.values()) == [["new"]] and len(kept) == 1  # the reused one by key only
    memo.add((new, kept))
    memo.save()
    again = PageMemo(tmp_path).fresh()
    assert again.get("summary", ("a",), lambda: ["computed"]) == ["kept"]
    assert again.get("summary", ("c",), lambda: ["computed"]) == ["new"]
    assert again.get("summary", ("b",), lambda: ["computed"]) == ["computed"]  # unused: not kept


def site_in_parts(briefing: Briefing, cache: Path, docs: Path) -> list[str]:
    """The site made part by part as a build makes it, written to ``docs``; the paths rendered."""
    job = site_job(briefing, 1, None, cache, docs)
    pages = finish_site(job, [make_part(job, part) for part in PARTS])
    write_docs(docs, pages.texts)
    return list(pages.texts)


def test_an_unchanged_entity_page_keeps_its_figure_and_summary_for_the_next_change(tmp_path, monkeypatch):
    cache, docs = tmp_path / "cache", tmp_path / "docs"
    cache.mkdir()
    site_in_parts(town(BEFORE), cache, docs)
    first = set(PageMemo(cache).previous)
    assert {key.split(":")[0] for key in first} == {"neighbourhood", "summary"}
    assert "people/ada-vell.md" not in site_in_parts(town(BEFORE), cache, docs)  # found unchanged
    assert set(PageMemo(cache).previous) == first  # its figure and summary are still kept
    computed = []
    real_get = PageMemo.get

    def counting(memo, kind, inputs, compute):
        return real_get(memo, kind, inputs, lambda: computed.append(kind) or compute())

    monkeypatch.setattr(PageMemo, "get", counting)
    docs.joinpath("people/ada-vell.md").write_text("edited by hand", encoding="utf-8")
    assert "people/ada-vell.md" in site_in_parts(town(BEFORE), cache, docs)
    assert computed == []  # made again from the kept figure and summary


def test_the_templates_digest_follows_their_files_not_where_they_are(tmp_path):
    from generator.site.render_memo import _folders_digest

    for name in ("a", "b"):
        (tmp_path / name / "pages").mkdir(parents=True)
        (tmp_path / name / "pages" / "x.md.j2").write_text("{{ c }}", encoding="utf-8")
    first, moved = str(tmp_path / "a"), str(tmp_path / "b")
    assert _folders_digest([first]) == _folders_digest([moved])  # a project moved elsewhere
    (tmp_path / "b" / "pages" / "x.md.j2").write_text("{{ c }}!", encoding="utf-8")
    assert _folders_digest([first]) != _folders_digest([moved])
    (tmp_path / "b" / "pages" / "x.md.j2").write_text("{{ c }}", encoding="utf-8")
    (tmp_path / "b" / "pages" / "x.md.j2").rename(tmp_path / "b" / "pages" / "y.md.j2")
    assert _folders_digest([first]) != _folders_digest([moved])
    assert _folders_digest([first, moved]) != _folders_digest([moved, first])


def test_a_save_with_few_new_entries_writes_only_the_delta_and_many_a_new_base(tmp_path):
    base = tmp_path / MEMO_FILE
    first = PageMemo(tmp_path)
    for n in range(40):
        first.get("summary", (n,), lambda n=n: [n])
    first.save()
    written = base.read_bytes()
    second = PageMemo(tmp_path)
    assert [second.get("summary", (n,), lambda: ["computed"]) for n in range(40)] == [[n] for n in range(40)]
    second.get("summary", ("new",), lambda: ["fresh"])
    second.save()
    assert base.read_bytes() == written  # the base as it was: one new entry went to the delta
    third = PageMemo(tmp_path)
    assert len(third.previous) == 41
    assert third.get("summary", ("new",), lambda: ["computed"]) == ["fresh"]
    assert third.get("summary", (7,), lambda: ["computed"]) == [7]
    for n in range(100, 140):  # most of what it keeps is new: a new base, the unused left out
        third.get("summary", (n,), lambda n=n: [n])
    third.save()
    assert base.read_bytes() != written
    kept = PageMemo(tmp_path).previous
    assert len(kept) == 42  # "new", 7 and the 40 new ones
    write_headed(delta_path(base), code_fingerprint(), ("another base", [], {"summary:x": ["wrong"]}))
    assert PageMemo(tmp_path).previous == kept  # a delta of another base is left out


def test_summaries_worked_out_ahead_are_the_ones_the_pages_would_work_out_and_are_found_there():
    briefing = town(BEFORE)
    memo = PageMemo()
    ahead, keys, kept = summaries_ahead(briefing, memo)
    assert kept == []  # an empty memo holds none
    memo.take_ahead(ahead, keys, kept)
    assert len(keys) == len(briefing.entities) and set(keys.values()) == set(ahead)
    part = memo.fresh()
    with part.recorded() as asked, mock.patch("generator.site.summarize.summary_inputs") as inputs:
        found = [entity_summary(entity, briefing, memo=part) for entity in briefing.entities]
    assert not inputs.called  # the keys handed over: no entity's sentences read again
    assert set(asked) == set(ahead) and part.hits == len(ahead) == 2  # two people share one summary
    assert all(any(summary is kept for kept in ahead.values()) for summary in found)
    assert found == [entity_summary(entity, briefing) for entity in briefing.entities]
    assert summaries_ahead(briefing, memo)[0] == {}  # nothing left to work out


def test_summaries_worked_out_ahead_are_kept_for_the_next_build_though_no_page_reads_them(tmp_path):
    briefing = town(BEFORE)  # no page is made below, as no page reads the summary of an
    memo = PageMemo(tmp_path)  # entity whose index row shows its role and that has no page
    memo.take_ahead(*summaries_ahead(briefing, memo))
    memo.save()
    for _ in range(2):  # found by the next build, which keeps them again
        again = PageMemo(tmp_path)
        new, keys, kept = summaries_ahead(briefing, again)
        assert new == {} and set(kept) == set(keys.values()) and len(kept) == 2
        again.take_ahead(new, keys, kept)
        again.save()
    changed = town({"bo-kern": (0, 1), "dee-rand": (2,)})  # Ada and Cy gone, Dee new
    again = PageMemo(tmp_path)
    new, keys, kept = summaries_ahead(changed, again)
    assert len(new) == 1 and kept == [keys["summary 6 bo-kern"]]
    again.take_ahead(new, keys, kept)
    again.save()
    assert set(PageMemo(tmp_path).previous) == set(keys.values())  # Ada's and Cy's summary dropped


def test_digests_worked_out_by_another_process_key_the_pages_as_digests_worked_out_here(tmp_path):
    briefing = town(BEFORE)
    objects = keyed_objects(briefing)
    assert len(objects) == len(briefing.sources) + len(briefing.entities) + len(briefing.analyses)
    here = Digests()
    assert digests_of(objects) == [here.of(obj) for obj in objects]
    taken = Digests()
    taken.take(objects, [f"d{n}" for n in range(len(objects))])
    assert [taken.of(obj) for obj in objects] == [f"d{n}" for n in range(len(objects))]
    (tmp_path / "cache").mkdir()
    made = [site_job(briefing, 1, None, tmp_path / "cache", tmp_path / "docs", digested=given)
            for given in (None, lambda: digests_of(keyed_objects(briefing)))]
    expected = [here.of(obj) for obj in objects]
    assert [[job.index.digests.of(obj) for obj in objects] for job in made] == [expected, expected]
