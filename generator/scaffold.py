"""``briefing init DIR``: scaffold a new briefing project, the way ``mkdocs new`` does.

The project gets ``mkdocs.yml`` (with the briefing plugin), ``briefing.yml``
(every setting of ``generator.config.SETTINGS`` commented out with its help
text and default, generated here so it never drifts), a ``seeds/`` folder with
one made-up example article and a ``sources.yml``, a hand-written
``docs/about.md``, the theme ``overrides/``, a ``.gitignore`` for generated
pages, a ``requirements.txt`` and a GitHub Actions workflow that publishes the
site to GitHub Pages. The static files live in ``site_templates/scaffold/``.
"""

from __future__ import annotations

import textwrap
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from generator import __version__
from generator.config import CONFIG_FILE_NAME, SETTINGS, BriefingError, Setting

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

#: Scaffold files stored under another name, so the package's own git
#: checkout does not treat them as its own (a ``.gitignore`` would apply).
RENAMES = {"gitignore": ".gitignore"}
SKIPPED = {"__pycache__", "__init__.py"}
#: What may already be in the target folder: ``git init; briefing init .`` works.
ALLOWED = {".git"}

CONFIG_HEADER = """\
# Settings of this briefing, read by `briefing build` and by the briefing
# plugin in mkdocs.yml (so also by `mkdocs serve` and `mkdocs build`).
# Every setting is listed with its help text and its default, commented out:
# uncomment a line to change it. Paths are relative to this file.
"""

REQUIREMENTS = """\
# What the GitHub Pages workflow (and `pip install -r requirements.txt`) installs.
# To install briefing from a git repository instead of the package index, use e.g.
#   briefing @ git+https://github.com/OWNER/briefing@v{version}
briefing=={version}
"""


def setting_text(setting: Setting) -> str:
    """One setting as YAML comments: its wrapped help text, then ``# key: default``."""
    help_lines = textwrap.wrap(setting.help, width=76)
    value = yaml.safe_dump({setting.name: setting.default}, default_flow_style=True,
                           sort_keys=False).strip()
    value = value[1:-1] if value.startswith("{") and value.endswith("}") else value
    return "".join(f"# {line}\n" for line in help_lines) + f"# {value}\n"


def config_text() -> str:
    """The commented ``briefing.yml`` of a new project, generated from ``SETTINGS``."""
    return CONFIG_HEADER + "".join("\n" + setting_text(s) for s in SETTINGS)


def _walk(folder: Traversable, prefix: str = "") -> dict[str, bytes]:
    """Every file under a package-data folder, keyed by its relative path."""
    files: dict[str, bytes] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name in SKIPPED:
            continue
        rel = prefix + RENAMES.get(entry.name, entry.name)
        if entry.is_dir():
            files.update(_walk(entry, rel + "/"))
        else:
            files[rel] = entry.read_bytes()
    return files


def scaffold_files() -> dict[str, bytes]:
    """Project-relative path -> content of every file ``briefing init`` writes."""
    templates = resources.files("site_templates")
    files = _walk(templates / "scaffold")
    files.update(_walk(templates / "overrides", "overrides/"))
    files[CONFIG_FILE_NAME] = config_text().encode("utf-8")
    files["requirements.txt"] = REQUIREMENTS.format(version=__version__).encode("utf-8")
    return files


def _check_target(directory: Path) -> None:
    """Refuse a file, or a folder that holds anything but an empty repository's ``.git``."""
    if directory.exists() and not directory.is_dir():
        raise BriefingError(f"{directory}: exists and is not a folder")
    if directory.is_dir() and any(p.name not in ALLOWED for p in directory.iterdir()):
        raise BriefingError(f"{directory}: folder is not empty; choose a new or empty folder")


def init_project(directory: Path) -> list[Path]:
    """Create a briefing project in ``directory`` (new or empty).

    Args:
        directory: folder to create the project in; it may exist if it is empty
            or holds only ``.git``.

    Returns:
        The files written, in path order.

    Raises:
        BriefingError: ``directory`` is a file or a non-empty folder, or cannot be written.
    """
    _check_target(directory)
    written: list[Path] = []
    try:
        for rel, content in sorted(scaffold_files().items()):
            target = directory / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(content)
            written.append(target)
    except OSError as err:
        raise BriefingError(f"{directory}: cannot create the project: {err}") from err
    return written
