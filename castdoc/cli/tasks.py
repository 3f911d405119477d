"""``castdoc tasks``: options in, ``castdoc.tasklist.list_tasks`` does the rest."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import choices, command


TaskFormat = choices("TaskFormat", "table", "csv", "json", "markdown", "ics", "xlsx")


@command
def tasks(
    paths: List[str] = typer.Argument(..., help="Documents, castdoc records (.yaml .json .jsonl) or folders of them."),
    due_before: Optional[str] = typer.Option(None, "--due-before", help="Only tasks due on or before this date (YYYY-MM-DD)."),
    due_after: Optional[str] = typer.Option(None, "--due-after", help="Only tasks due on or after this date (YYYY-MM-DD)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only tasks whose actor contains this text."),
    overdue: bool = typer.Option(False, "--overdue", help="Only tasks whose deadline is before today."),
    today: Optional[str] = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) as today for --overdue."),
    fmt: Optional[TaskFormat] = typer.Option(None, "--format", "-f", help="table (default on a terminal), csv (UTF-8 with BOM, for Excel), json (default when piped), markdown, ics (one to-do per dated task) or xlsx (an Excel workbook; needs -o)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of standard output; its suffix (.xlsx .csv .ics .json .md .txt) picks the format, and must match --format when both are given."),
    config: Optional[Path] = typer.Option(None, "--config", help="A castdoc.toml or pyproject.toml for local names (default: the nearest one above the first path)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Only errors on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say on stderr how many tasks came from how many inputs."),
    base_date: Optional[str] = typer.Option(None, "--base-date", help="Read documents that carry no date of their own as written on this day (YYYY-MM-DD), so their deadlines resolve."),
) -> int:
    """List who must do what by when, from documents or records, sorted by deadline (undated last).

    Examples:

      castdoc tasks records/ --due-before 2024-06-30

      castdoc tasks notice.docx --format ics -o tasks.ics

      castdoc tasks records/ --overdue --actor 科协 --format csv -o overdue.csv

      castdoc tasks inbox/ -o tasks.xlsx

    Exit codes: 0 listed; 1 some inputs could not be read (the others were listed);
    2 usage error; 3 no input could be read.
    """
    from ..tasklist import list_tasks

    return list_tasks(paths, due_before=due_before, due_after=due_after, actor=actor, overdue=overdue, today=today,
                      fmt=fmt.value if fmt else None, output=output, config=config, quiet=quiet,
                      verbose=verbose, base_date=base_date).exit_code
