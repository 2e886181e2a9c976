"""What each page of a split timeline holds, as its title and the contents name it."""

from __future__ import annotations

from generator.model import Event, Source
from generator.site.pages.paging import Bundle
from generator.site.pages.timeline import TimelineRow, _event_row, sheet_span


def dated(key: str, value: str) -> Bundle[tuple]:
    return Bundle(key, [(None, TimelineRow("Visit", "events/visit.md", "Visit", value, "stated", ()))])


def undated(label: str) -> Bundle[tuple]:
    source = Source(label.lower(), f"{label}.txt", "ok")
    return Bundle(f"undated-{source.id}", [((label, source), TimelineRow("Visit", "", "Visit", "", "", ()))])


def test_a_page_names_its_first_and_last_day():
    assert sheet_span([dated("2024-03-05", "2024-03-05"), dated("2024-04-09", "2024-04-09T10:00")]) \
        == "5 March 2024 to 9 April 2024"


def test_a_year_or_a_month_is_named_as_such_not_by_its_first_day():
    assert sheet_span([dated("1974-01-01", "1974"), dated("2009-03-01", "2009-03")]) == "1974 to March 2009"


def test_dated_and_undated_rows_are_named_apart():
    assert sheet_span([undated("S12"), undated("S40")]) == "not dated: S12 to S40"
    assert sheet_span([dated("2025-05-30", "2025-05-30"), undated("S1"), undated("S9")]) \
        == "30 May 2025; not dated: S1 to S9"


def test_a_row_names_its_kind_as_the_event_titles_do():
    for kind, word in (("hit", "Person struck"), ("charge", "Charges"), ("foiling", "Foiled attack"),
                       ("unlisted", "Unlisted")):
        event = Event(f"e-{kind}", f"{word} in Rook", kind, (), None, None, ())
        assert _event_row(event, "events/e.md").what == word
