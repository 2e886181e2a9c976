"""Make a briefing project of real wire news: the TimeML documents of a TempEval-3 folder.

The AQUAINT part of ``../shared/corpora/timebank-dev`` is 73 wire and newspaper articles
(AP, NYT, Xinhua, 1998-2000) on a few developing stories: read as a user's folder, it
shows how the extraction does on news nobody tuned it on by eye (datelines on their own
line, AP state abbreviations, deadlines and positions of real coverage). Each document
becomes ``seeds/<name>.md`` with its title, outlet and creation date as front matter;
the project is written where ``--out`` says, never into this repository::

    .venv/bin/python scripts/timeml_project.py ../shared/corpora/timebank-dev/AQUAINT --out /tmp/wire
    cd /tmp/wire && ../path/to/.venv/bin/briefing build && mkdocs serve

It prints nothing to score: it is for reading the site, as a user would.
"""

from __future__ import annotations

import argparse
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from generator.evaluation.measures import read_timeml  # noqa: E402
from generator.scaffold import init_project  # noqa: E402

OUTLETS = {"APW": "Associated Press", "NYT": "New York Times", "XIE": "Xinhua"}
"""Outlet of a document by the prefix of its LDC name; other prefixes are kept as written."""


def front_matter(path: Path) -> str:
    """The YAML front matter of one document: its title (when it has one), outlet and date."""
    text, created, _ = read_timeml(path)
    title = (ET.parse(path).getroot().findtext(".//TITLE") or "").strip()
    meta = {"title": title} if title else {}
    meta["outlet"] = OUTLETS.get(path.stem[:3], path.stem[:3])
    if created:
        meta["published"] = created
    header = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True)
    return f"---\n{header}---\n\n{text.strip()}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path, help="a folder of TimeML (.tml) files")
    parser.add_argument("--out", type=Path, required=True, help="the project folder to write (new)")
    args = parser.parse_args()
    if args.out.resolve().is_relative_to(REPO):
        parser.error("write the project outside the repository: corpus text is never copied into it")
    init_project(args.out)
    seeds = args.out / "seeds"
    for old in seeds.iterdir():
        old.unlink()
    for path in sorted(args.folder.glob("*.tml")):
        (seeds / f"{path.stem}.md").write_text(front_matter(path), encoding="utf-8")
    print(f"{len(list(seeds.iterdir()))} articles in {seeds}")


if __name__ == "__main__":
    main()
