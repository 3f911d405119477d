"""``castdoc show``: a thin call into ``castdoc.show``."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .app import command


@command
def show(
    file: str = typer.Argument(..., help="A document (.txt .docx .pdf .html)."),
    article: Optional[int] = typer.Option(None, "--article", "-a", help="Only this article of a file that holds several, counted from 0 as in source.article."),
    config: Optional[Path] = typer.Option(None, "--config", help="A castdoc.toml or pyproject.toml for local names (default: the nearest one above the file)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="The text only, without the summary panel."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name the configuration used on stderr."),
    base_date: Optional[str] = typer.Option(None, "--base-date", help="Read a document that carries no date of its own as written on this day (YYYY-MM-DD)."),
) -> int:
    """Show a document with its people, dates, platforms and initiatives highlighted, and a summary.

    The highlighted text is this command's data, so it goes to standard output.

    Example:

      castdoc show samples/notice.txt

    Exit codes: 0 shown; 2 usage error; 3 the document could not be read.
    """
    from .. import config as settings
    from ..datefmt import date_option
    from ..show import show as show_document

    cfg = settings.use(config, start=file if config is None and file != "-" else None)
    if verbose:
        from ..report import info

        info(f"configuration: {cfg.file or '(none found)'}")
    when = date_option(base_date, option="--base-date") if base_date else None
    show_document(file, article=article, summary_panel=not quiet, base_date=when)
    return 0
