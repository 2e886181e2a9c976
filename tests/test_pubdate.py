"""Publication dates an article states itself: date lines and URL paths (generator.ingest.pubdate)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from generator.ingest.boilerplate import is_furniture
from generator.ingest.pubdate import close_gaps, dateline_date, url_date
from generator.ingest.read import ingest
from generator.model import Source, Story
from generator.temporal.dating import DateWindow, infer_window, infer_windows, story_windows

ECBPLUS_DEV = Path(__file__).resolve().parents[1].parent / "shared" / "corpora" / "ecbplus-dev"
ARTICLE = ("Officials met in the capital on Monday to discuss the budget.\n"
           "The talks ended without agreement.\n")

DATE_LINES = [
    ("Published Sunday, Aug 4 2013, 19: 30 BST", dt.date(2013, 8, 4)),
    ("4 August 2013 Last updated at 19:47 GMT", dt.date(2013, 8, 4)),
    ("Monday 5 August 2013 08.33 BST", dt.date(2013, 8, 5)),
    ("Thursday 29 July 2004 08. 23 BST", dt.date(2004, 7, 29)),
    ("Aug. 05, 2013 | 2:47 p.m.", dt.date(2013, 8, 5)),
    ("Aug . 05 , 2013 | 2 : 47 p . m .", dt.date(2013, 8, 5)),
    ("2013-08-04T19:30:00Z", dt.date(2013, 8, 4)),
    ("2013-08-04", dt.date(2013, 8, 4)),
    ("Posted on Thu Jun 13 , 2013 08 : 45 AM PDT", dt.date(2013, 6, 13)),
    ("12 : 52 p . m . EDT May 2 , 2013", dt.date(2013, 5, 2)),
    ("UPDATED 05 / 03 / 2013 at 11 : 00 AM EDT", dt.date(2013, 5, 3)),
    ("POSTED: 04 / 02 / 07, 9: 00 PM PDT |", dt.date(2007, 4, 2)),
    ("25/12/2013", dt.date(2013, 12, 25)),
    ("04.08.2013 19.30", dt.date(2013, 8, 4)),  # full stops: day first, as European outlets write
    ("12.11.2013, 08:15", dt.date(2013, 11, 12)),
    ("May 3rd , 2013 2 : 00pm EDT", dt.date(2013, 5, 3)),
    ("First Published : June 13 , 2013 4 : 59 PM EDT", dt.date(2013, 6, 13)),
    ("POSTED: 1052 GMT (1852 HKT), April 10, 2007", dt.date(2007, 4, 10)),
    ("on April 30, 2008 at 4: 31 AM, updated April 30, 2008 at 8: 33 AM", dt.date(2008, 4, 30)),
    ("8: 05am UK, Monday 16 September 2013", dt.date(2013, 9, 16)),
    ("By Jane Doe | May 2, 2013 | 5:03pm", dt.date(2013, 5, 2)),
]


@pytest.mark.parametrize(("line", "expected"), DATE_LINES)
def test_date_line_shapes(line: str, expected: dt.date) -> None:
    assert dateline_date(line) == expected


@pytest.mark.parametrize("line", [
    "The council met on August 6, 2025 to vote on the budget.",
    "A woman, 30, was shot on May 5, 2013.",
    "Reuters Sep 18, 2013, 02. 16PM IST",  # an outlet name is no furniture word
    "May 2013",  # no day
    "Dec. 24 4: 33 AM EST",  # no year
    "2013",
    "04/02/07 and 3 dead",
    "By Jane Doe",
    "",
])
def test_not_a_date_line(line: str) -> None:
    assert dateline_date(line) is None


@pytest.mark.parametrize(("line", "closed"), [
    ("19: 30 BST", "19:30 BST"),
    ("05 / 02 / 2013", "05/02/2013"),
    ("2 : 47 p . m .", "2:47 p.m."),
    ("Aug . 05 , 2013", "Aug. 05, 2013"),
])
def test_close_gaps(line: str, closed: str) -> None:
    assert close_gaps(line) == closed


@pytest.mark.parametrize(("url", "expected"), [
    ("http://www.example.com/world/2013/08/04/storm-hits/", dt.date(2013, 8, 4)),
    ("https://www.example.co.uk/film/2013/aug/02/host-named", dt.date(2013, 8, 2)),
    ("https://example.org/news/20130804/story.html", dt.date(2013, 8, 4)),
    ("https://example.org/a/2013-08-04-story.html", dt.date(2013, 8, 4)),
    ("https://example.org/2013/08/5-thoughts-on-it/", None),  # "5-thoughts" is a slug
    ("https://example.org/2013/05/story", None),  # a month, no day
    ("https://example.org/2013/02/30/x/", None),
    ("", None),
])
def test_url_date(url: str, expected: dt.date | None) -> None:
    assert url_date(url) == expected


def test_a_date_line_is_furniture_not_a_statement() -> None:
    assert all(is_furniture(line) for line, _ in DATE_LINES)
    assert not is_furniture("The council met on August 6, 2025 to vote on the budget.")


def test_a_tokenised_date_line_dates_the_article_and_leaves_the_text(tmp_path: Path) -> None:
    line = "Published Sunday, Aug 4 2013, 19: 30 BST"
    (tmp_path / "a.txt").write_text(f"Storm hits the coast\n{line}\n{ARTICLE}", encoding="utf-8")
    (source,), _ = ingest(tmp_path)
    assert source.published == dt.date(2013, 8, 4) and line in source.published_from
    assert all(line not in source.text[a:b] for a, b in source.paragraphs)


def test_the_url_path_dates_an_article_without_a_date_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  url: https://example.org/2013/08/04/budget/\n",
                                          encoding="utf-8")
    (source,), _ = ingest(tmp_path)
    assert source.published == dt.date(2013, 8, 4) and "URL" in source.published_from


def test_a_date_line_wins_over_the_url(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(f"May 2, 2013 | 5: 03pm\n{ARTICLE}", encoding="utf-8")
    (tmp_path / "sources.yml").write_text("a.txt:\n  url: https://example.org/2013/05/03/x/\n",
                                          encoding="utf-8")
    (source,), _ = ingest(tmp_path)
    assert source.published == dt.date(2013, 5, 2)


@pytest.mark.skipif(not ECBPLUS_DEV.is_dir(), reason="shared corpus ecbplus-dev absent")
def test_date_lines_of_real_news_agree_with_their_urls() -> None:
    """ECB+ (all dev topics): date lines found in the first lines of the articles, compared
    with the date in the article's URL where it has one (a day apart counts as agreeing:
    outlets stamp local time)."""
    from generator.evaluation import ecbplus

    found = agree = both = 0
    for document in ecbplus.read_corpus(ECBPLUS_DEV, topics=None):
        lines = [line for line in document.text.split("\n") if line.strip()][:6]
        stated = next((day for day in map(dateline_date, lines) if day), None)
        in_url = url_date(document.url)
        found += stated is not None
        if stated and in_url:
            both += 1
            agree += abs((stated - in_url).days) <= 1
    assert found >= 250, found
    assert both >= 50 and agree / both >= 0.95, (agree, both)


# --- undated articles: an inferred window (generator.temporal.dating) --------------------------------

BUILD = dt.date(2026, 11, 29)


def test_a_weekday_with_a_month_day_admits_only_some_years() -> None:
    window = infer_window("a", "The ultimatum expires on Friday, August 8.", BUILD)
    assert window is not None and window.inferred
    assert (window.earliest, window.latest) == (dt.date(2025, 7, 25), dt.date(2025, 8, 22))
    assert any("'Friday, August 8'" in clue and "2025, 2014" in clue for clue in window.evidence)


def test_the_build_date_bounds_the_latest_day() -> None:
    window = infer_window("a", "The vote is on Tuesday, November 3.", dt.date(2026, 11, 1))
    assert window is not None
    assert (window.earliest, window.latest) == (dt.date(2026, 10, 20), dt.date(2026, 11, 1))


def test_a_day_told_as_past_is_a_lower_bound() -> None:
    text = "The deal was signed on June 1, 2026. It expires on Friday, August 8."
    window = infer_window("a", text, BUILD)
    assert window is not None  # no Friday, August 8 between June 2026 and the build: clue unused
    assert (window.earliest, window.latest) == (dt.date(2026, 6, 1), BUILD)
    assert any("'June 1, 2026' is told as past" in clue for clue in window.evidence)


def test_a_date_to_come_is_no_lower_bound() -> None:
    assert infer_window("a", "The deal will be signed on June 1, 2026.", BUILD) is None


def test_only_undated_sources_with_evidence_get_a_window() -> None:
    text = "The ultimatum expires on Friday, August 8."
    sources = [
        Source("dated", "dated.txt", "ok", text=text, published=dt.date(2025, 8, 6)),
        Source("undated", "undated.txt", "ok", text=text),
        Source("no-clue", "no-clue.txt", "ok", text="Officials met to discuss the budget."),
        Source("skipped", "skipped.txt", "skipped", text=text),
    ]
    assert list(infer_windows(sources, BUILD)) == ["undated"]


def test_the_year_the_text_names_picks_among_matching_years() -> None:
    text = "The court, which heard the case in 2010, rules on Wednesday, Jan. 5."
    window = infer_window("a", text, BUILD)
    assert window is not None
    assert (window.earliest, window.latest) == (dt.date(2010, 12, 22), dt.date(2011, 1, 19))
    assert any("latest year the text names" in clue for clue in window.evidence)


def _story_sources() -> list[Source]:
    return [
        Source("a", "a.txt", "ok", published=dt.date(2025, 8, 6)),
        Source("b", "b.txt", "ok", published=dt.date(2025, 8, 8)),
        Source("c", "c.txt", "ok", published=dt.date(2025, 8, 9)),
        Source("u", "u.txt", "ok", text="Officials met to discuss the budget."),
        Source("v", "v.txt", "ok", text="The ultimatum expires on Friday, August 8."),
    ]


def test_an_undated_article_lies_near_its_story() -> None:
    stories = [Story("s", "S", ("a", "b", "c", "u"))]
    window = story_windows(_story_sources(), stories, {}, BUILD)["u"]
    assert window.inferred
    assert (window.earliest, window.latest) == (dt.date(2025, 7, 25), dt.date(2025, 8, 22))
    assert any("middle one 2025-08-08" in clue for clue in window.evidence)


def test_the_story_narrows_the_article_own_window() -> None:
    own = {"v": DateWindow("v", dt.date(2025, 8, 1), dt.date(2025, 8, 30), ("own clue",))}
    window = story_windows(_story_sources(), [Story("s", "S", ("a", "v"))], own, BUILD)["v"]
    assert (window.earliest, window.latest) == (dt.date(2025, 8, 1), dt.date(2025, 8, 20))
    assert window.evidence[0] == "own clue" and len(window.evidence) == 2


def test_a_story_that_contradicts_the_article_leaves_its_own_window() -> None:
    own = {"v": DateWindow("v", dt.date(2014, 8, 1), dt.date(2014, 8, 30), ("own clue",))}
    window = story_windows(_story_sources(), [Story("s", "S", ("a", "v"))], own, BUILD)["v"]
    assert window == own["v"]


def test_stories_without_dated_articles_give_nothing() -> None:
    assert story_windows(_story_sources(), [Story("s", "S", ("u", "v"))], {}, BUILD) == {}
