"""Terminal output of ``briefing build``: a progress bar and a one-screen summary (rich)."""

from __future__ import annotations

from collections import Counter
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
    briefing = result.briefing
    types = Counter(e.type for e in briefing.entities)
    table = Table(title=f"briefing build: {briefing.title}", show_header=False)
    rows = [
        ("Articles read", str(sum(s.status == "ok" for s in briefing.sources))),
        ("Articles skipped", str(len(result.skipped))),
        ("People / organisations / places / groups",
         f"{types['person']} / {types['organization']} / {types['place']} / {types['group']}"),
        ("Events / deadlines / quotes",
         f"{len(briefing.events)} / {len(briefing.deadlines)} / {len(briefing.quotes)}"),
        ("Pages written / unchanged / removed",
         f"{len(result.written.written)} / {len(result.written.unchanged)} / {len(result.written.removed)}"),
        ("Warnings", str(len(briefing.warnings))),
        ("Output", str(config.docs)),
    ]
    for name, value in rows:
        table.add_row(name, value)
    Console().print(table)
    for warning in briefing.warnings:
        console.print(f"[yellow]warning[/]: {escape(warning.source)}: {escape(warning.message)}",
                      highlight=False)
