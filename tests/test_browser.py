"""The seed site in headless Chromium: search by alias, then follow the cross-links.

Uses the system Chromium (``/usr/bin/chromium``) through Playwright; nothing is
downloaded. The site is served by ``python -m http.server`` on 127.0.0.1; every
request the browser makes is recorded (and any to another host is aborted),
and so is every console error. Screenshots go to a temporary folder, and also
to ``$BRIEFING_SCREENSHOTS`` when that is set.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from playwright.sync_api import expect, sync_playwright

pytestmark = [pytest.mark.browser, pytest.mark.model]

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--headless=new", "--disable-gpu",
                 "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
ALIAS, PERSON = "Witkoff", "Steve Witkoff"
TIMEOUT_MS = 20_000


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def site_url(seed_site: Path) -> Iterator[str]:
    """The built seed site served on a free 127.0.0.1 port; the server is stopped afterwards."""
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
         "--directory", str(seed_site / "site")],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                urllib.request.urlopen(url, timeout=2).close()
                break
            except OSError:
                assert time.monotonic() < deadline and process.poll() is None, "http.server failed"
                time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=10)


@dataclass
class Recorder:
    """What the browser did: every request URL, console errors, screenshots."""

    shots: list[Path]
    folder: Path
    requests: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def shoot(self, page, name: str) -> None:
        path = self.folder / f"{len(self.shots) + 1:02d}-{name}.png"
        page.screenshot(path=str(path), full_page=False)
        self.shots.append(path)


@pytest.fixture
def browser_page(site_url: str, tmp_path: Path):
    """A Chromium page that records requests and console errors and blocks other hosts."""
    recorder = Recorder([], tmp_path / "screenshots")
    recorder.folder.mkdir()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 900})
        context.route("**/*", lambda route: route.continue_()
                      if route.request.url.startswith(site_url) else route.abort())
        context.on("request", lambda request: recorder.requests.append(request.url))
        page = context.new_page()
        page.set_default_timeout(TIMEOUT_MS)
        page.on("console", lambda msg: recorder.errors.append(f"{page.url}: {msg.text}")
                if msg.type == "error" else None)
        page.on("pageerror", lambda err: recorder.errors.append(f"{page.url}: {err}"))
        try:
            yield page, recorder
        finally:
            browser.close()
            keep = os.environ.get("BRIEFING_SCREENSHOTS")
            if keep:
                Path(keep).mkdir(parents=True, exist_ok=True)
                for shot in recorder.shots:
                    shutil.copy(shot, Path(keep) / shot.name)


def export(seed_site: Path) -> dict:
    return json.loads((seed_site / "docs" / "data" / "briefing.json").read_text(encoding="utf-8"))


def follow(page, folder: str) -> str:
    """Click the first content link to a page in ``folder``; return the new page's heading."""
    links = page.locator("article.md-content__inner a")
    links.first.wait_for()
    hrefs = links.evaluate_all(  # getAttribute: an SVG link's .href is not a string
        "elements => elements.map(e => new URL(e.getAttribute('href') || '', document.baseURI).href)")
    target = re.compile(rf"/{folder}/[^/#?]+/(#.*)?$")
    index = next((i for i, href in enumerate(hrefs) if target.search(href)), None)
    assert index is not None, f"no link to {folder}/ on {page.url}"
    heading = page.locator("article h1").first.inner_text()
    links.nth(index).click()
    page.wait_for_url(re.compile(rf"/{folder}/[^/]+/"))
    expect(page.locator("article h1").first).not_to_have_text(heading)
    return page.locator("article h1").first.inner_text()


def search_and_open(page, recorder: Recorder, site_url: str) -> None:
    """Search the alias on the home page and open the person's page from the results."""
    page.goto(site_url)
    page.locator("article h1").first.wait_for()
    recorder.shoot(page, "home")
    page.wait_for_load_state("networkidle")  # the search worker has loaded its index
    page.locator("input.md-search__input").click()
    search = page.locator("input.md-search__input")
    search.fill(ALIAS[:-1])
    search.press(ALIAS[-1])  # the theme searches on key events: one query, one list of results
    result = page.locator(".md-search-result__link",
                          has=page.locator("h1", has_text=re.compile(rf"^{PERSON}$"))).first
    result.hover()  # scrolls the result into view; retried if the list is redrawn meanwhile
    recorder.shoot(page, "search")
    result.click()
    page.wait_for_url("**/people/**")
    assert page.locator("article h1").first.inner_text() == PERSON


def test_search_alias_then_follow_person_event_place_deadline_source(
        browser_page, site_url: str, seed_site: Path) -> None:
    page, recorder = browser_page
    data = export(seed_site)
    search_and_open(page, recorder, site_url)
    recorder.shoot(page, "person")
    if data["events"]:
        assert follow(page, "events") in {event["title"] for event in data["events"]}
        recorder.shoot(page, "event")
    place = follow(page, "places")
    assert place in {e["name"] for e in data["entities"] if e["type"] == "place"}
    recorder.shoot(page, "place")
    if data["deadlines"]:
        page.mouse.wheel(0, -100_000)  # tabs, when on, hide while the page is scrolled down
        page.locator('.md-tabs a[href$="deadlines/"], .md-nav--primary a[href$="deadlines/"]'
                     ).filter(visible=True).first.click()
        page.wait_for_url(re.compile(r"/deadlines/$"))
        assert follow(page, "deadlines") in {d["title"] for d in data["deadlines"]}
        recorder.shoot(page, "deadline")
    page.locator('article.md-content__inner a[href*="sources/"][href*="#s-"]').first.click()
    page.wait_for_url("**/sources/**#s-*")
    anchor = page.url.rsplit("#", 1)[1]
    assert page.locator(f'[id="{anchor}"]').first.is_visible()
    recorder.shoot(page, "source")
    page.wait_for_load_state("networkidle")
    assert recorder.errors == []
    assert recorder.requests and all(url.startswith(site_url) for url in recorder.requests), \
        sorted({url for url in recorder.requests if not url.startswith(site_url)})
    assert len(recorder.shots) >= 4


LABEL_BOXES_JS = """(selector) => {
  const out = [];
  for (const t of document.querySelectorAll(selector)) {
    if (getComputedStyle(t).display === 'none') continue;
    const r = t.getBoundingClientRect();
    if (r.width > 0) out.push([r.left, r.top, r.right, r.bottom, t.textContent]);
  }
  return out;
}"""


def _overlapping(boxes: list) -> list:
    tol = 0.5
    return [(a[4], b[4]) for i, a in enumerate(boxes) for b in boxes[i + 1:]
            if a[0] < b[2] - tol and b[0] < a[2] - tol and a[1] < b[3] - tol and b[1] < a[3] - tol]


@pytest.mark.parametrize("path", ["graph/", "map/"])
def test_figure_labels_do_not_overlap_on_desktop_or_phone(site_url: str, path: str, tmp_path: Path):
    shown = {}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for width in (1280, 390):
            page = browser.new_context(viewport={"width": width, "height": 900}).new_page()
            page.goto(site_url + path)
            boxes = page.evaluate(LABEL_BOXES_JS, "svg text.label, svg text.label-phone")
            page.screenshot(path=str(tmp_path / f"{path.strip('/')}-{width}.png"))
            assert boxes, f"{path} at {width}px shows no label"
            assert _overlapping(boxes) == [], f"{path} at {width}px"
            shown[width] = boxes
        browser.close()
    phone_heights = [b[3] - b[1] for b in shown[390]]
    assert min(phone_heights) >= 9, "phone labels must stay readable"
    assert len(shown[390]) <= len(shown[1280])
