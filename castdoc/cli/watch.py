"""``castdoc watch``: options in, ``castdoc.watch.watch`` does the rest."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .app import command


@command
def watch(
    folder: Path = typer.Argument(..., help="The inbox folder to watch (its subfolders too)."),
    tasks: Optional[Path] = typer.Option(None, "--tasks", help="The task list to keep up to date: .csv (default FOLDER/tasks.csv), .ics, .json or .md."),
    records: Optional[Path] = typer.Option(None, "--records", help="Write records into this folder, mirroring the inbox, instead of beside each document."),
    interval: float = typer.Option(2.0, "--interval", min=0.1, help="Seconds between two looks at the folder; a file is read once it stayed the same for one interval."),
    once: bool = typer.Option(False, "--once", help="Read what is in the folder now, write the task list, and exit (for cron)."),
    max_size: float = typer.Option(50, "--max-size", help="Refuse documents larger than this many MB."),
    timeout: float = typer.Option(60, "--timeout", min=0, help="Stop a document after this many seconds and report it (0: no limit)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A castdoc.toml or pyproject.toml for local names (default: the nearest one above the folder)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Say nothing about each document read (errors are still shown)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Also name the configuration used when starting."),
) -> int:
    """Watch an inbox folder: read each document that lands in it into its record and keep a task list up to date.

    One process: the word table and the readers are loaded once, not for every file.
    Stop it with Ctrl-C.

    Examples:

      castdoc watch inbox/

      castdoc watch inbox/ --tasks ~/calendar/tasks.ics --records records/

      castdoc watch inbox/ --once

    Exit codes: 0 stopped or done; 2 usage error; 130 interrupted.
    """
    from .. import config as settings
    from .. import report
    from ..parse import Limits

    cfg = settings.use(config, start=folder if config is None else None)  # local names, as parse reads them
    if verbose and not quiet:
        report.info(f"configuration: {cfg.file or '(none found)'}")
    from ..watch import watch as run

    def say(line: str) -> None:
        if line.startswith("error: "):
            report.error(line[len("error: "):])
        elif not quiet:
            report.info(line)

    run(folder, interval=interval, once=once, tasks=tasks, records=records,
        limits=Limits(max_bytes=int(max_size * 1024 * 1024)), timeout=timeout or None, say=say)
    return 0
