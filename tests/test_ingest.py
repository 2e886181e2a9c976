"""Ingest: formats, metadata, titles, boilerplate, bad input. No spaCy needed."""

from __future__ import annotations

import datetime as dt

import pytest

from generator.config import BriefingError
from generator.ingest.article import first_sentence
from generator.ingest.read import ingest

ARTICLE = "Officials met in the capital on Monday to discuss the budget.\nThe talks ended without agreement.\n"


def write(folder, name, content):
    folder.mkdir(exist_ok=True)
    path = folder / name
    path.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    return path


def only(sources, source_id):
    return next(s for s in sources if s.id == source_id)


def test_offsets_index_the_decoded_text(tmp_path):
    write(tmp_path, "a.txt", "Council Approves New Budget After Long Debate\n" + ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert source.status == "ok"
    assert source.title == "Council Approves New Budget After Long Debate"
    assert source.text[slice(*source.title_span)] == source.title
    assert [source.text[a:b] for a, b in source.paragraphs] == ARTICLE.strip().split("\n")


def test_markdown_front_matter_gives_metadata(tmp_path):
    front = "---\ntitle: Budget talks\noutlet: Example Times\nurl: https://example.com/a\npublished: 2025-08-06\n---\n"
    write(tmp_path, "b.md", front + "# Heading Of The Story Goes Here\n\n" + ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert (source.title, source.outlet, source.url) == ("Budget talks", "Example Times", "https://example.com/a")
    assert source.published == dt.date(2025, 8, 6)
    assert all(start >= len(front) for start, _ in source.paragraphs)


def test_sidecar_metadata_for_plain_text(tmp_path):
    write(tmp_path, "c.txt", ARTICLE)
    write(tmp_path, "sources.yml", "c.txt:\n  outlet: Daily Example\n  published: 2024-02-29\n")
    sources, warnings = ingest(tmp_path)
    assert [s.id for s in sources] == ["c"], "sources.yml is metadata, not an article"
    assert sources[0].outlet == "Daily Example" and sources[0].published == dt.date(2024, 2, 29)
    assert warnings == []


def test_title_falls_back_to_first_sentence(tmp_path):
    write(tmp_path, "d.txt", ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert source.title == "Officials met in the capital on Monday to discuss the budget."
    assert source.title_span is None


@pytest.mark.parametrize("line, sentence", [
    ("Fire hit the church where Gov. Nora Vellacott prays. The damage was large.",
     "Fire hit the church where Gov. Nora Vellacott prays."),
    ("Agency chief J. Amos Trell retired. He was 77.", "Agency chief J. Amos Trell retired."),
    ("The U.S. Navy sank a pirate ship. Nobody was hurt.", "The U.S. Navy sank a pirate ship."),
    ("Polls closed at 5 p.m. Counting began at once.", "Polls closed at 5 p.m."),
    ("He left. She stayed.", "He left."),
])
def test_a_title_taken_from_the_first_sentence_runs_past_titles_and_initials(line, sentence):
    assert first_sentence(line) == sentence


def test_html_main_text_is_extracted(tmp_path):
    html = ("<html><head><title>Budget row deepens</title></head><body><nav>Home | World | Share</nav>"
            "<article><h1>Budget row deepens</h1><p>" + ARTICLE.replace("\n", "</p><p>") +
            "</p><p>Ministers will meet again next week to try once more to agree on spending.</p>"
            "</article><footer>Copyright</footer></body></html>")
    write(tmp_path, "e.html", html)
    (source,), _ = ingest(tmp_path)
    assert source.status == "ok"
    assert "The talks ended without agreement." in source.text
    assert "Copyright" not in source.text


@pytest.mark.parametrize("line", [
    "Share This Article", "Kindly share this story:", "Share on twitter", "By admin", "By Jane Doe",
    "3 Min Read", "News", "Top News", "admin", "Advertisement",
])
def test_page_furniture_is_removed(tmp_path, line):
    write(tmp_path, "f.txt", f"{line}\n{ARTICLE}")
    (source,), _ = ingest(tmp_path)
    kept = [source.text[a:b] for a, b in source.paragraphs]
    assert line not in kept and (source.title != line)


def test_related_articles_block_ends_the_article(tmp_path):
    write(tmp_path, "g.txt", ARTICLE + "Related Articles\nAnother story entirely about something else.\n")
    (source,), _ = ingest(tmp_path)
    assert "Another story" not in " ".join(source.text[a:b] for a, b in source.paragraphs)


@pytest.mark.parametrize("name, content, reason", [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b"  \n\n ", "empty file"),
    ("binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00", "binary file"),
    ("latin1.txt", "Caf\u00e9 talks resumed on Monday.".encode("latin-1"), "not UTF-8"),
    ("photo.jpg", b"\xff\xd8\xff", "unsupported file type"),
    ("bad.md", b"---\ntitle: [unclosed\n---\nText of the article goes here.", "front matter"),
    ("furniture.txt", b"Share on facebook\nBy admin\n", "no article text"),
])
def test_bad_files_are_skipped_with_reason(tmp_path, name, content, reason):
    write(tmp_path, "good.txt", ARTICLE)
    write(tmp_path, name, content)
    sources, warnings = ingest(tmp_path)
    bad = only(sources, name.rsplit(".", 1)[0])
    assert bad.status == "skipped" and reason in bad.error
    assert only(sources, "good").status == "ok", "the rest of the build goes on"
    assert [w.source for w in warnings] == [name]


def test_duplicate_stems_are_both_built_under_distinct_ids(tmp_path):
    write(tmp_path, "same.txt", ARTICLE)
    write(tmp_path, "same.md", ARTICLE)
    sources, warnings = ingest(tmp_path)
    assert [s.status for s in sources] == ["ok", "ok"]
    assert sources[0].id == "same" and sources[1].id.startswith("same-")
    assert [w.source for w in warnings] == ["same.txt"]
    assert "already has the id 'same'" in warnings[0].message


def test_missing_or_empty_seeds_folder_is_an_error(tmp_path):
    with pytest.raises(BriefingError, match="not found"):
        ingest(tmp_path / "nope")
    (tmp_path / "empty").mkdir()
    with pytest.raises(BriefingError, match="no articles"):
        ingest(tmp_path / "empty")


def test_seed_boilerplate_is_gone(seed_briefing):
    texts = {s.id: " ".join(s.text[a:b] for a, b in s.paragraphs) for s in seed_briefing.sources}
    joined = " ".join(texts.values())
    for furniture in ("By admin", "3 Min Read", "Share on whatsapp", "Kindly share", "Related Articles"):
        assert furniture not in joined
    assert all(s.status == "ok" for s in seed_briefing.sources)


def test_unparsable_published_date_is_a_warning_not_a_skip(tmp_path):
    write(tmp_path, "h.md", "---\npublished: not a date at all\n---\n" + ARTICLE)
    (source,), warnings = ingest(tmp_path)
    assert source.status == "ok" and source.published is None
    assert "is not a date" in warnings[0].message and warnings[0].source == "h.md"


@pytest.mark.parametrize("line, expected", [
    ("Published: August 6, 2025", dt.date(2025, 8, 6)),
    ("Updated 6 Aug 2025 10:00 GMT", dt.date(2025, 8, 6)),
    ("Aug. 6, 2025 at 10:12 a.m. EDT", dt.date(2025, 8, 6)),
    ("2025-08-06", dt.date(2025, 8, 6)),
])
def test_a_date_line_gives_the_publication_date(tmp_path, line, expected):
    write(tmp_path, "i.txt", f"{line}\n{ARTICLE}")
    (source,), _ = ingest(tmp_path)
    assert source.published == expected and line in source.published_from
    assert all(line not in source.text[a:b] for a, b in source.paragraphs), "the date line is no body text"


def test_dates_inside_sentences_are_no_publication_date(tmp_path):
    write(tmp_path, "j.txt", "The council met on August 6, 2025 to vote on the budget.\n" + ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert source.published is None and source.published_from == ""


def test_metadata_date_wins_over_a_date_line(tmp_path):
    write(tmp_path, "k.md", "---\npublished: 2024-01-02\n---\nPublished: August 6, 2025\n\n" + ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert source.published == dt.date(2024, 1, 2) and source.published_from == "metadata"


def test_a_heading_repeating_the_front_matter_title_is_the_title_not_body(tmp_path):
    write(tmp_path, "l.md", "---\ntitle: Budget talks resume in the capital\n---\n# Budget Talks Resume in the Capital\n\n" + ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert source.text[slice(*source.title_span)] == "Budget Talks Resume in the Capital"
    assert all("Budget Talks" not in source.text[a:b] for a, b in source.paragraphs)


@pytest.mark.parametrize("value", ["2025-02-30", "0001-01-01", "9999-12-31", "2025-02-30 10:00:00"])
def test_impossible_publication_dates_are_ignored_with_a_warning(tmp_path, value):
    write(tmp_path, "front.md", f"---\npublished: {value}\ntitle: T\n---\n\n" + ARTICLE)
    write(tmp_path, "side.txt", ARTICLE)
    write(tmp_path, "sources.yml", f"side.txt:\n  published: {value}\n")
    sources, warnings = ingest(tmp_path)
    assert [(s.status, s.published) for s in sources] == [("ok", None), ("ok", None)]
    assert sorted(w.source for w in warnings) == ["front.md", "side.txt"]
    assert all(value[:10] in w.message for w in warnings)


def test_an_unreadable_seeds_folder_is_a_clear_error(tmp_path, monkeypatch):
    write(tmp_path, "a.txt", ARTICLE)

    def refuse(self):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(type(tmp_path), "iterdir", refuse)
    with pytest.raises(BriefingError, match="seeds folder cannot be read: Permission denied"):
        ingest(tmp_path)


def test_a_file_name_that_is_not_utf8_gets_a_safe_id(tmp_path):
    write(tmp_path, "caf\udce9.txt", ARTICLE)
    (source,), _ = ingest(tmp_path)
    assert source.status == "ok" and source.path == "caf\ufffd.txt"
    assert source.id.startswith("caf-") and source.id.isascii()


def test_text_nested_ten_thousand_divs_deep_is_read(tmp_path):
    body = "<p>Officials met in the capital on Monday to discuss the budget.</p>"
    html = "<html><body>" + "<div>" * 10_000 + body + "</div>" * 10_000 + "</body></html>"
    write(tmp_path, "deep.html", html)
    (source,), _ = ingest(tmp_path)
    assert source.status == "ok", source.error
    assert "discuss the budget" in source.text
