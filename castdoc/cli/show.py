"""``castdoc show``: a thin call into ``castdoc.show``."""
from __future__ import annotations

from typing import Optional

import typer

from .app import command


@command
def show(
    file: str = typer.Argument(..., help="A document (.txt .docx .pdf .html)."),
    article: Optional[int] = typer.Option(None, "--article", "-a", help="Only this article of a file that holds several, counted from 0 as in source.article."),
    base_date: Optional[str] = typer.Option(None, "--base-date", help="Read a document that carries no date of its own as written on this day (YYYY-MM-DD)."),
) -> int:
    """Show a document with its people, dates, platforms and initiatives highlighted, and a summary.

    The highlighted text is this command's data, so it goes to standard output.

    Example:

      castdoc show samples/notice.txt
    """
    from ..datefmt import date_option
    from ..show import show as show_document

    show_document(file, article=article, base_date=date_option(base_date, option="--base-date") if base_date else None)
    return 0
