"""Terminal output of ``briefing build``: a progress bar and a one-screen summary (rich)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.console import Console
from rich.markup import escape
from rich.progress import track
from rich.table import Table

from generator.config import Config

console = Console(stderr=True)


def console_progress(items: Iterable, description: str, total: int) -> Iterator:
    """A progress bar for stages with more than a handful of items."""
    if total < 3:
        return iter(items)
    return iter(track(items, description=description, total=total, console=console, transient=True))


def print_summary(result, config: Config) -> None:
    """Articles read/skipped, entities by type, pages written, warnings."""
    summary = result.summary
    types = summary.entity_types
    table = Table(title=f"briefing build: {summary.title}", show_header=False)
    rows = [
        ("Articles read", str(summary.articles_read)),
        ("Articles skipped", str(len(result.skipped))),
        ("People / organisations / places / groups", " / ".join(
            str(types.get(kind, 0)) for kind in ("person", "organization", "place", "group"))),
        ("Events / deadlines / quotes", f"{summary.events} / {summary.deadlines} / {summary.quotes}"),
        ("Pages written / unchanged / removed",
         f"{len(result.written.written)} / {len(result.written.unchanged)} / {len(result.written.removed)}"),
        ("Warnings", str(len(summary.warnings))),
        ("Output", str(config.docs)),
    ]
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    for warning in summary.warnings:
        console.print(f"[yellow]warning[/]: {escape(warning.source)}: {escape(warning.message)}",
                      highlight=False)
