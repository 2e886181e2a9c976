"""Command line: ``briefing init|build|pdf``. Thin: parse, load config, call the pipeline.

Exit codes (see docs/guide/reliability.md): 0 success; 1 the build ran but
some articles were skipped and ``--fail-on-skip`` was given; 2 usage or
configuration error (bad option, a setting of the wrong type, missing or
unreadable seeds folder, missing spaCy pipeline, unreadable config); 3 the
output could not be written (full disk, no permission: the previous pages and
export are kept); 4 another build of the same project is running; 130
interrupted with Ctrl-C.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from generator import __version__
from generator.config import BriefingError, BuildLocked, OutputError, load_config, with_overrides

EXIT_OK, EXIT_SKIPPED, EXIT_ERROR = 0, 1, 2
EXIT_OUTPUT, EXIT_LOCKED = OutputError.exit_code, BuildLocked.exit_code
EXIT_INTERRUPTED = 130
"""Ctrl-C, as shells report a process ended by SIGINT."""


def parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand."""
    top = argparse.ArgumentParser(prog="briefing", description=__doc__.split("\n")[0],
                                  epilog="Exit codes: 0 ok, 1 articles skipped with --fail-on-skip, "
                                         "2 usage or configuration error, 3 output not writable "
                                         "(previous output kept), 4 another build is running, "
                                         "130 interrupted.")
    top.add_argument("--version", action="version", version=f"briefing {__version__}")
    sub = top.add_subparsers(dest="command", required=True)
    init = sub.add_parser("init", help="scaffold a new briefing project (like mkdocs new)")
    init.add_argument("directory", type=Path, help="folder to create")
    build = sub.add_parser("build", help="read the articles and write the pages and export into docs/")
    _common(build)
    build.add_argument("--fail-on-skip", action="store_true", help="exit 1 when any article is skipped")
    build.add_argument("--scheduler", metavar="ADDRESS",
                       help="run the per-article analysis on this Dask scheduler's workers "
                            "(e.g. tcp://10.0.0.5:8786; default from config: local processes)")
    pdf = sub.add_parser("pdf", help="print the briefing to a PDF file")
    _common(pdf)
    pdf.add_argument("-o", "--output", type=Path, default=Path("briefing.pdf"), help="PDF file to write")
    pdf.add_argument("--full", action="store_true",
                     help="print every entity, event and source (default: a briefing of at most 80 pages)")
    return top


def _common(command: argparse.ArgumentParser) -> None:
    command.add_argument("--seeds", type=Path, help="folder of articles (default from config: seeds)")
    command.add_argument("--docs", type=Path, help="MkDocs docs_dir to write into (default: docs)")
    command.add_argument("--config", type=Path, help="config file (default: ./briefing.yml if present)")
    command.add_argument("--pipeline", help="spaCy pipeline name or path (default: from config)")


def _config(args: argparse.Namespace):
    config = load_config(args.config)
    cwd = Path.cwd()
    return with_overrides(
        config,
        seeds=(cwd / args.seeds).resolve() if args.seeds else None,
        docs=(cwd / args.docs).resolve() if args.docs else None,
        pipeline=args.pipeline,
        scheduler=getattr(args, "scheduler", None),
    )


def main(argv: list[str] | None = None) -> int:
    """Run the CLI; returns the exit code."""
    args = parser().parse_args(argv)
    try:
        if args.command == "init":
            from generator.scaffold import init_project

            init_project(args.directory)
            print(f"Created a briefing project in {args.directory}.")
            print(f"Next: cd {args.directory} && mkdocs serve")
            return EXIT_OK
        if args.command == "pdf":
            from generator.pipeline import write_pdf

            path = write_pdf(_config(args), args.output, full=args.full)
            print(f"Wrote {path}")
            return EXIT_OK
        return _build(args)
    except BriefingError as err:
        print(f"briefing: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("briefing: interrupted; files already written are complete, the next build "
              "finishes the rest", file=sys.stderr)
        return EXIT_INTERRUPTED


def _build(args: argparse.Namespace) -> int:
    from generator.pipeline import build
    from generator.progress import console_progress, print_summary

    config = _config(args)
    result = build(config, progress=console_progress, warn=lambda m: print(f"warning: {m}", file=sys.stderr))
    for source in result.skipped:
        print(f"briefing: skipped {source.path}: {source.error}", file=sys.stderr)
    print_summary(result, config)
    return EXIT_SKIPPED if args.fail_on_skip and result.skipped else EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
