"""The command line: parse options, call the library, write, set the exit code.

Heavy modules (jieba, pdfplumber, python-docx) are imported inside the commands that
need them, never at the top, so ``castdoc --help`` starts fast.
"""
from __future__ import annotations

import sys
from enum import Enum
from pathlib import Path
from typing import List, Optional

import typer

from . import report

app = typer.Typer(
    name="castdoc",
    help=(
        "Read Chinese official notices (通知, 意见, 通报, 函 …) and news bulletins (本报讯 …) into "
        "structured records: who must do what by when, contacts, platforms, people, dates.\n\n"
        + report.EXIT_CODES_HELP
    ),
    add_completion=False,
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


class OutFormat(str, Enum):
    yaml = "yaml"
    json = "json"
    jsonl = "jsonl"


def _fail(err) -> None:
    report.error(err.line())


def _debug_hook(debug: bool) -> None:
    if debug:
        import os

        os.environ["CASTDOC_DEBUG"] = "1"


@app.command()
def parse(
    files: List[str] = typer.Argument(..., help="Documents (.txt .docx .pdf .html) or folders; '-' reads standard input."),
    fmt: OutFormat = typer.Option(OutFormat.yaml, "--format", "-f", help="yaml (one --- document per article), json (one array) or jsonl."),
    out_dir: Optional[Path] = typer.Option(None, "--output-dir", "-o", help="Write one record file per input into this folder instead of stdout."),
    glob: Optional[str] = typer.Option(None, "--glob", help="When a folder is given, only files matching this pattern (e.g. '*.pdf')."),
    max_size: int = typer.Option(50, "--max-size", help="Refuse input files larger than this many MB."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for internal errors."),
) -> None:
    """Read documents and write one record per article (YAML by default).

    Examples:

      castdoc parse samples/notice.txt

      castdoc parse notices/ --format json > records.json

      castdoc parse a.pdf b.docx -o records/
    """
    from .batch import expand, parse_many
    from .parse import Limits
    from .record import DUMPERS
    from .writeout import write_atomic

    paths = expand(files, glob=glob)
    if not paths:
        report.error("no documents found in the paths given (castdoc reads .txt .md .docx .pdf .html)")
        raise typer.Exit(report.USAGE)
    limits = Limits(max_bytes=max_size * 1024 * 1024)
    dump = DUMPERS[fmt.value]
    all_records: list[dict] = []
    failed = 0
    for outcome in parse_many(paths, limits=limits, debug=debug):
        if outcome.error is not None:
            failed += 1
            _fail(outcome.error)
            continue
        if out_dir is not None:
            suffix = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl"}[fmt.value]
            name = "stdin" if outcome.path == "-" else Path(outcome.path).stem
            target = out_dir / (name + suffix)
            write_atomic(target, dump(list(outcome.records)))
        elif fmt.value == "json":
            all_records.extend(outcome.records)
        else:
            sys.stdout.write(dump(list(outcome.records)))
            sys.stdout.flush()
    if out_dir is None and fmt.value == "json":
        sys.stdout.write(dump(all_records))
    if failed and not quiet and len(paths) > 1:
        report.warn(f"{failed} of {len(paths)} inputs could not be read")
    if failed:
        raise typer.Exit(report.UNREADABLE if failed == len(paths) else report.FINDINGS)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) that every record follows."""
    from .schema import schema_text

    sys.stdout.write(schema_text())


def main() -> None:
    """Entry point: turns every CastdocError into one line and an exit code."""
    from .errors import CastdocError

    try:
        app()
    except CastdocError as e:
        report.error(e.line())
        sys.exit(e.exit_code)
    except KeyboardInterrupt:
        report.plain_err("interrupted")
        sys.exit(report.INTERRUPTED)
