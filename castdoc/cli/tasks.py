"""``castdoc tasks``: options in, ``castdoc.tasklist.list_tasks`` does the rest."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import choices, command


TaskFormat = choices("TaskFormat", "table", "csv", "json", "markdown", "ics")


@command
def tasks(
    paths: List[str] = typer.Argument(..., help="Documents, castdoc records (.yaml .json .jsonl) or folders of them."),
    due_before: Optional[str] = typer.Option(None, "--due-before", help="Only tasks due on or before this date (YYYY-MM-DD)."),
    due_after: Optional[str] = typer.Option(None, "--due-after", help="Only tasks due on or after this date (YYYY-MM-DD)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only tasks whose actor contains this text."),
    overdue: bool = typer.Option(False, "--overdue", help="Only tasks whose deadline is before today."),
    today: Optional[str] = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) as today for --overdue."),
    fmt: Optional[TaskFormat] = typer.Option(None, "--format", "-f", help="table (default on a terminal), csv (UTF-8 with BOM, for Excel), json (default when piped), markdown, or ics (one to-do per dated task)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of standard output; the format follows its suffix unless --format is given."),
    base_date: Optional[str] = typer.Option(None, "--base-date", help="Read documents that carry no date of their own as written on this day (YYYY-MM-DD), so their deadlines resolve."),
) -> int:
    """List who must do what by when, from documents or records, sorted by deadline (undated last).

    Examples:

      castdoc tasks records/ --due-before 2024-06-30

      castdoc tasks notice.docx --format ics -o tasks.ics

      castdoc tasks records/ --overdue --actor 科协 --format csv -o overdue.csv
    """
    from ..tasklist import list_tasks

    return list_tasks(paths, due_before=due_before, due_after=due_after, actor=actor, overdue=overdue, today=today,
                      fmt=fmt.value if fmt else None, output=output, base_date=base_date).exit_code
