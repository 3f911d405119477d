"""``castdoc report``: options in, ``castdoc.htmlreport.make_report`` does the rest."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import command


@command
def report(
    paths: List[str] = typer.Argument(..., help="Documents, castdoc records (.yaml .json .jsonl) or folders of them."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write the page to this .html file (atomically) instead of standard output."),
    today: Optional[str] = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) as today for overdue and upcoming."),
    title: Optional[str] = typer.Option(None, "--title", help="The page's heading (default: castdoc report)."),
    base_date: Optional[str] = typer.Option(None, "--base-date", help="Read documents that carry no date of their own as written on this day (YYYY-MM-DD), so their deadlines resolve."),
    config: Optional[Path] = typer.Option(None, "--config", help="A castdoc.toml or pyproject.toml for local names (default: the nearest one above the first path)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say on stderr what was written."),
) -> int:
    """Write one self-contained HTML page: a timeline of overdue and upcoming deadlines, a
    sortable, filterable task table, and a card per document with its people, dates,
    platforms and initiatives highlighted. It needs no network and works with scripts off.

    Examples:

      castdoc report inbox/ -o report.html

      castdoc report records/ --today 2024-06-01 -o report.html

    Exit codes: 0 written; 1 some inputs could not be read (the others are in the page);
    2 usage error; 3 no input could be read.
    """
    from ..htmlreport import make_report

    return make_report(paths, output=output, today=today, config=config, title=title, quiet=quiet,
                       verbose=verbose, base_date=base_date).exit_code
