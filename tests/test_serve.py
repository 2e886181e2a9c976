"""Live preview: `mkdocs serve` in a project from `briefing init` follows edits.

The server runs in a subprocess on a free 127.0.0.1 port and is always
stopped by the fixture. Every wait is bounded (``WAIT`` seconds).
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path

import pytest

from generator.scaffold import init_project

pytestmark = pytest.mark.model

WAIT = 60.0
ARTICLE = "seeds/harbour-footbridge.txt"
MARKER = "Report template, first edition."


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@dataclass
class Server:
    """A running `mkdocs serve` and its project folder."""

    project: Path
    process: subprocess.Popen
    base: str
    log: Path

    def get(self, path: str) -> str:
        """The page at ``path``; fails the test if the server died."""
        assert self.process.poll() is None, "mkdocs serve exited:\n" + self.log_tail()
        with urllib.request.urlopen(self.base + path, timeout=10) as response:
            return response.read().decode("utf-8")

    def wait_for(self, path: str, found: Callable[[str], bool], what: str) -> str:
        """Poll ``path`` until ``found(page)``; fail after ``WAIT`` seconds."""
        deadline = time.monotonic() + WAIT
        page = ""
        while time.monotonic() < deadline:
            try:
                page = self.get(path)
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                page = ""
            if found(page):
                return page
            time.sleep(0.5)
        pytest.fail(f"{what} not seen on {path} within {WAIT}s\n{self.log_tail()}")

    def log_tail(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")[-3000:]


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """`mkdocs serve` in a new project with a user template folder; killed afterwards."""
    project = tmp_path / "news"
    init_project(project)
    templates = project / "templates"
    templates.mkdir()
    builtin = (resources.files("site_templates") / "pages" / "report.md.j2").read_text("utf-8")
    (templates / "report.md.j2").write_text(builtin + f"\n{MARKER}\n", encoding="utf-8")
    (project / "briefing.yml").write_text("templates: templates\n", encoding="utf-8")
    port = free_port()
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    with log.open("w", encoding="utf-8") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{port}"],
            cwd=project, stdout=out, stderr=subprocess.STDOUT, env=env)
    running = Server(project, process, f"http://127.0.0.1:{port}/", log)
    try:
        running.wait_for("", lambda page: "<html" in page, "the home page")
        yield running
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=15)


def epoch(page: str) -> int:
    """The build epoch mkdocs serve injects for live reload (it grows on every rebuild)."""
    match = re.search(r"livereload\((\d+),", page)
    assert match, "no live-reload script in the served page"
    return int(match.group(1))


def touch_text(path: Path, text: str) -> None:
    """Write ``text`` so the change is visible to mtime-based fingerprints."""
    path.write_text(text, encoding="utf-8")
    stamp = time.time() + 1
    os.utime(path, (stamp, stamp))


def test_edited_article_regenerates_pages_and_reloads(server: Server) -> None:
    people = server.get("people/")
    assert "Tobias Wenlock" in people and "Fatima Lindqvist" not in people
    before = epoch(server.get(""))
    article = server.project / ARTICLE
    touch_text(article, article.read_text(encoding="utf-8") + (
        "Fatima Lindqvist, who pilots boats in the harbour, said the marina would stay open "
        "during the works.\n"))
    server.wait_for("people/", lambda page: "Fatima Lindqvist" in page, "the new person")
    assert epoch(server.get("")) > before


def test_broken_article_is_reported_and_server_keeps_running(server: Server) -> None:
    (server.project / "seeds" / "scan.txt").write_bytes(b"\x00\x01\x02 not text \xff\xfe")
    (server.project / "seeds" / "latin1.txt").write_bytes("Caf\xe9 owners said".encode("latin-1"))
    report = server.wait_for("report/", lambda page: "scan.txt" in page and "latin1.txt" in page,
                             "the broken files")
    assert "binary file" in report and "not UTF-8" in report
    assert "Tobias Wenlock" in server.get("people/")


def test_config_and_template_edits_regenerate(server: Server) -> None:
    assert MARKER in server.get("report/")
    template = server.project / "templates" / "report.md.j2"
    touch_text(template, template.read_text(encoding="utf-8").replace(MARKER, "Second edition."))
    server.wait_for("report/", lambda page: "Second edition." in page, "the edited template")
    config = server.project / "briefing.yml"
    touch_text(config, "templates: templates\ntitle: Harbour watch\n")
    server.wait_for("", lambda page: "Harbour watch" in page, "the new title")
    other = server.project / "other-templates"                # named by a config edit
    other.mkdir()
    touch_text(other / "report.md.j2", template.read_text(encoding="utf-8") + "\nThird.\n")
    touch_text(config, "templates: other-templates\n")
    server.wait_for("report/", lambda page: "Third." in page, "the new template folder")
    touch_text(other / "report.md.j2", template.read_text(encoding="utf-8") + "\nFourth.\n")
    server.wait_for("report/", lambda page: "Fourth." in page, "an edit in the new folder")


def test_broken_config_keeps_the_last_site_until_fixed(server: Server) -> None:
    config = server.project / "briefing.yml"
    touch_text(config, "templates: templates\nno_such_setting: 1\n")
    time.sleep(3)
    assert "Tobias Wenlock" in server.get("people/")
    touch_text(config, "templates: templates\ntitle: Fixed again\n")
    server.wait_for("", lambda page: "Fixed again" in page, "the title after the fix")


def test_broken_template_keeps_the_last_site_until_fixed(server: Server) -> None:
    template = server.project / "templates" / "report.md.j2"
    good = template.read_text(encoding="utf-8")
    touch_text(template, good + "{% if %}\n")                  # a Jinja syntax error
    time.sleep(3)
    assert MARKER in server.get("report/")
    touch_text(template, good.replace(MARKER, "Mended."))
    server.wait_for("report/", lambda page: "Mended." in page, "the mended template")
