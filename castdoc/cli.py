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


def _show_version(value: bool) -> None:
    if value:
        from . import SCHEMA_VERSION, __version__

        sys.stdout.write(f"castdoc {__version__} (record schema {SCHEMA_VERSION})\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print castdoc's version and the record schema's, and exit."),
) -> None:
    """Read Chinese official notices and news bulletins into structured records."""


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
    max_size: float = typer.Option(50, "--max-size", help="Refuse input files larger than this many MB."),
    max_unzipped: float = typer.Option(200, "--max-unzipped", help="Refuse .docx files whose contents expand past this many MB (zip bombs)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for many files (default: one per core)."),
    timeout: float = typer.Option(60, "--timeout", min=0, help="Stop a file after this many seconds and report it (0: no limit)."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Keep records in this folder and skip documents unchanged since (same sha256 and castdoc version)."),
    update: bool = typer.Option(False, "--update", help="Write or refresh each document's record <stem>.yaml beside it (atomically; unchanged records are left alone) instead of printing."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for internal errors."),
) -> None:
    """Read documents and write one record per article (YAML by default).

    Examples:

      castdoc parse samples/notice.txt

      castdoc parse notices/ --format json > records.json

      castdoc parse a.pdf b.docx -o records/

      castdoc parse --update archive/

    Exit codes: 0 all read; 1 some inputs could not be read (the others were written);
    2 usage error; 3 no input could be read.
    """
    from .batch import default_jobs, expand, output_names, overwrites_source, parse_many
    from .parse import Limits
    from .record import DUMPERS
    from .writeout import write_atomic

    paths = expand(files, glob=glob)
    if not paths:
        report.error("no documents found in the paths given (castdoc reads .txt .md .docx .pdf .html)")
        raise typer.Exit(report.USAGE)
    if update and (out_dir is not None or "-" in paths):
        report.error("--update writes records beside the documents: give files or folders, without --output-dir or '-'")
        raise typer.Exit(report.USAGE)
    updated = {"written": 0, "unchanged": 0}
    limits = Limits(max_bytes=int(max_size * 1024 * 1024), max_unzipped=int(max_unzipped * 1024 * 1024))
    dump = DUMPERS[fmt.value]
    all_records: list[dict] = []
    failed = 0
    suffix = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl"}[fmt.value]
    names = output_names(paths, suffix) if out_dir is not None else []
    record_cache = None
    if cache is not None:
        from .cache import RecordCache

        record_cache = RecordCache(cache)
    progress = _progress(len(paths), quiet)
    outcomes = parse_many(paths, limits=limits, jobs=jobs or default_jobs(), timeout=timeout or None,
                          cache=record_cache, on_done=progress.advance if progress else None,
                          render=None if fmt.value == "json" or update else dump)
    try:
        for i, outcome in enumerate(outcomes):
            if outcome.error is not None:
                failed += 1
                _fail(outcome.error)
                if debug and outcome.trace:
                    report.plain_err(outcome.trace.rstrip())
                continue
            if update:
                failed += _update_one(outcome, paths, updated, quiet)
                continue
            if out_dir is not None:
                target = out_dir / names[i]
                if overwrites_source(target, paths):
                    failed += 1
                    report.error(f"{target}: not written, it would replace a source document (choose another --output-dir)")
                    continue
                try:
                    write_atomic(target, outcome.text if outcome.text is not None else dump(list(outcome.records)))
                except OSError as e:
                    failed += 1
                    report.error(f"{target}: cannot write: {e.strerror or e} (check that --output-dir is writable)")
            elif fmt.value == "json":
                all_records.extend(outcome.records)
            else:
                sys.stdout.write(outcome.text if outcome.text is not None else dump(list(outcome.records)))
                sys.stdout.flush()
    finally:
        outcomes.close()  # stops the workers at once if the loop was cut short (Ctrl-C)
        if progress:
            progress.close()
    if update and not quiet:
        report.info(f"records: {updated['written']} written, {updated['unchanged']} unchanged")
    if out_dir is None and fmt.value == "json" and not update:
        sys.stdout.write(dump(all_records))
    if failed and not quiet and len(paths) > 1:
        report.warn(f"{failed} of {len(paths)} inputs could not be read")
    if failed:
        raise typer.Exit(report.UNREADABLE if failed == len(paths) else report.FINDINGS)


def _update_one(outcome, paths: list[str], counts: dict[str, int], quiet: bool) -> int:
    """parse --update for one parsed document: 1 when its record could not be written."""
    from .check.update import update_record
    from .errors import CastdocError

    try:
        status, target = update_record(outcome.path, outcome.records, documents={Path(p) for p in paths if p != "-"})
    except CastdocError as e:
        _fail(e)
        return 1
    counts[status] += 1
    if not quiet and status == "written":
        report.info(f"wrote {target}")
    return 0


def _progress(total: int, quiet: bool):
    """A progress bar on stderr, only for people: a terminal, more than one file, not --quiet."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None
    from .batch import ProgressBar

    return ProgressBar(total, report.console())


class CheckFormat(str, Enum):
    human = "human"
    json = "json"
    github = "github"
    junit = "junit"


@app.command()
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Documents, .yaml records or folders (default: the current folder)."),
    fmt: CheckFormat = typer.Option(CheckFormat.human, "--format", "-f", help="human (grouped by file), json, github (workflow annotations) or junit (XML)."),
    fix: bool = typer.Option(False, "--fix", help="Rewrite stale, broken or missing records from their documents (atomically)."),
    config: Optional[Path] = typer.Option(None, "--config", help="A castdoc.toml or pyproject.toml (default: the nearest one found above the first path)."),
    select: Optional[List[str]] = typer.Option(None, "--select", help="Run only these rules (ids, names, prefixes like CD1, or groups: archive schema drift format); repeatable."),
    ignore: Optional[List[str]] = typer.Option(None, "--ignore", help="Skip these rules; repeatable."),
    records: Optional[Path] = typer.Option(None, "--records", help="Records live in this folder, mirroring the documents' layout, instead of beside them."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", help="Check only documents and records that git says changed since this revision."),
    list_rules: bool = typer.Option(False, "--list-rules", help="List the rules and exit."),
    max_size: float = typer.Option(50, "--max-size", help="Refuse documents larger than this many MB."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes (default: one per core)."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for internal errors (checks in one process)."),
) -> None:
    """Check an archive: records follow the schema, match their documents, and documents follow GB/T 9704.

    Exit codes: 0 clean (warnings allowed); 1 findings at error severity; 2 usage error;
    3 a document or record could not be read.

    Examples:

      castdoc check samples/archive

      castdoc check archive/ --format github --changed-since origin/main

      castdoc check archive/ --fix
    """
    if list_rules:
        from .check.output import rules_table

        rules_table(sys.stdout)
        return
    from .check.config import load_config, with_cli
    from .check.output import render
    from .check.runner import check_paths
    from .parse import Limits

    targets = paths or ["."]
    cfg = load_config(config, start=Path(targets[0]))
    cfg = with_cli(cfg, select=select, ignore=ignore, records=records)
    from .batch import default_jobs

    result = check_paths(targets, cfg, fix=fix, changed_since=changed_since,
                         limits=Limits(max_bytes=int(max_size * 1024 * 1024)), debug=debug,
                         jobs=jobs or default_jobs())
    render(result, fmt.value, sys.stdout)
    raise typer.Exit(result.exit_code())


class TaskFormat(str, Enum):
    table = "table"
    csv = "csv"
    json = "json"
    markdown = "markdown"
    ics = "ics"


_TASK_SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".md": "markdown", ".ics": "ics", ".txt": "table"}


@app.command()
def tasks(
    paths: List[str] = typer.Argument(..., help="Documents, castdoc records (.yaml .json .jsonl) or folders of them."),
    due_before: Optional[str] = typer.Option(None, "--due-before", help="Only tasks due on or before this date (YYYY-MM-DD)."),
    due_after: Optional[str] = typer.Option(None, "--due-after", help="Only tasks due on or after this date (YYYY-MM-DD)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only tasks whose actor contains this text."),
    overdue: bool = typer.Option(False, "--overdue", help="Only tasks whose deadline is before today."),
    today: Optional[str] = typer.Option(None, "--today", help="Take this date (YYYY-MM-DD) as today for --overdue."),
    fmt: Optional[TaskFormat] = typer.Option(None, "--format", "-f", help="table (default on a terminal), csv (UTF-8 with BOM, for Excel), json (default when piped), markdown, or ics (one to-do per dated task)."),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Write to this file (atomically) instead of standard output; the format follows its suffix unless --format is given."),
) -> None:
    """List who must do what by when, from documents or records, sorted by deadline (undated last).

    Examples:

      castdoc tasks records/ --due-before 2024-06-30

      castdoc tasks notice.docx --format ics -o tasks.ics

      castdoc tasks records/ --overdue --actor 科协 --format csv -o overdue.csv
    """
    from . import tasklist
    from .errors import UsageError

    try:
        chosen = dict(
            due_before=tasklist.parse_date(due_before, option="--due-before") if due_before else None,
            due_after=tasklist.parse_date(due_after, option="--due-after") if due_after else None,
            actor=actor,
            overdue=overdue,
            today=tasklist.parse_date(today, option="--today") if today else None,
        )
    except UsageError as e:
        report.error(e.line())
        raise typer.Exit(report.USAGE)
    inputs = tasklist.expand(paths)
    if not inputs:
        report.error("no documents or records found in the paths given")
        raise typer.Exit(report.USAGE)
    failed: list = []

    def on_error(err) -> None:
        failed.append(err)
        report.error(err.line())

    rows = tasklist.select(tasklist.load(inputs, on_error=on_error), **chosen)
    form = fmt.value if fmt else (
        _TASK_SUFFIX_FORMATS.get(output.suffix.lower(), "table") if output is not None
        else ("table" if sys.stdout.isatty() else "json")
    )
    if form == "table" and output is None:
        from rich.console import Console

        Console(highlight=False).print(tasklist.table(rows))
    else:
        text = tasklist.render(rows, form)
        if output is not None:
            from .writeout import write_atomic

            write_atomic(output, text)
        else:
            out = getattr(sys.stdout, "buffer", None)
            if out is not None:
                sys.stdout.flush()
                out.write(text.encode("utf-8"))
                out.flush()
            else:
                sys.stdout.write(text)
    if failed:
        raise typer.Exit(report.UNREADABLE if len(failed) == len(inputs) else report.FINDINGS)


@app.command()
def show(
    file: str = typer.Argument(..., help="A document (.txt .docx .pdf .html)."),
    article: Optional[int] = typer.Option(None, "--article", "-a", help="Only this article of a file that holds several, counted from 0 as in source.article."),
) -> None:
    """Show a document with its people, dates, platforms and initiatives highlighted, and a summary.

    The highlighted text is this command's data, so it goes to standard output.

    Example:

      castdoc show samples/notice.txt
    """
    from .errors import CastdocError
    from .show import show as show_document

    try:
        show_document(file, article=article)
    except CastdocError as e:
        report.error(e.line())
        raise typer.Exit(e.exit_code)


@app.command()
def schema() -> None:
    """Print the JSON Schema (draft 2020-12) that every record follows."""
    from .schema import schema_text

    sys.stdout.write(schema_text())


class _Interrupted(BaseException):
    """Ctrl-C, raised past typer (which turns KeyboardInterrupt into a silent exit 130)
    and past every ``except Exception``, so that main() can say what happened."""


def _on_interrupt(signum, frame) -> None:
    raise _Interrupted()


def main() -> None:
    """Entry point: turns every CastdocError into one line and an exit code."""
    import signal

    from .errors import CastdocError

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when the shell ignores it
        signal.signal(signal.SIGINT, _on_interrupt)
    try:
        app()
    except CastdocError as e:
        report.error(e.line())
        sys.exit(e.exit_code)
    except (KeyboardInterrupt, _Interrupted):
        report.plain_err("interrupted")
        sys.exit(report.INTERRUPTED)
