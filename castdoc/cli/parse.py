"""``castdoc parse``: options in, ``castdoc.batch.run.parse_files`` does the rest."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import choices, command


OutFormat = choices("OutFormat", "yaml", "json", "jsonl")
Executor = choices("Executor", "local", "dask")


@command
def parse(
    files: List[str] = typer.Argument(..., help="Documents (.txt .docx .pdf .html) or folders; '-' reads standard input."),
    fmt: OutFormat = typer.Option(OutFormat.yaml, "--format", "-f", help="yaml (one --- document per article), json (one array) or jsonl."),
    out_dir: Optional[Path] = typer.Option(None, "--output-dir", "-o", help="Write one record file per input into this folder, mirroring the inputs' folders (sub/a.pdf -> DIR/sub/a.pdf.yaml), instead of stdout."),
    glob: Optional[str] = typer.Option(None, "--glob", help="When a folder is given, only files matching this pattern (e.g. '*.pdf')."),
    max_size: float = typer.Option(50, "--max-size", help="Refuse input files larger than this many MB."),
    max_unzipped: float = typer.Option(200, "--max-unzipped", help="Refuse .docx files whose contents expand past this many MB (zip bombs)."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1, help="Worker processes for many files (default: one per core)."),
    timeout: float = typer.Option(60, "--timeout", min=0, help="Stop a file after this many seconds and report it (0: no limit)."),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Keep records in this folder and skip documents unchanged since (same sha256 and castdoc version)."),
    update: bool = typer.Option(False, "--update", help="Write or refresh each document's record <stem>.yaml beside it (atomically; unchanged records are left alone) instead of printing."),
    config: Optional[Path] = typer.Option(None, "--config", help="A castdoc.toml or pyproject.toml for local names (default: the nearest one above the first input)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary on stderr."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name the configuration used and the number of inputs on stderr."),
    debug: bool = typer.Option(False, "--debug", help="Show a traceback for internal errors."),
    base_date: Optional[str] = typer.Option(None, "--base-date", help="Read a document that carries no date of its own (no 成文日期, dateline or year) as written on this day (YYYY-MM-DD): its 5月28日 and 明天 then resolve, and the record says the year was supplied."),
    executor: Executor = typer.Option(Executor.local, "--executor", help="local: worker processes here (-j); dask: the Dask cluster at --scheduler (pip install 'castdoc[cluster]'), for OCR of scanned archives or millions of documents."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="The Dask scheduler's address for --executor dask (tcp://host:8786); the workers must see the same paths."),
) -> int:
    """Read documents and write one record per article (YAML by default).

    Examples:

      castdoc parse samples/notice.txt

      castdoc parse notices/ --format json > records.json

      castdoc parse a.pdf b.docx -o records/

      castdoc parse --update archive/

      castdoc parse inbox/ -o records/      (inbox/sub/a.pdf -> records/sub/a.pdf.yaml)
      castdoc parse scans/ --executor dask --scheduler tcp://10.0.0.5:8786 -o records/

    Exit codes: 0 all read; 1 some inputs could not be read (the others were written);
    2 usage error; 3 no input could be read.
    """
    from ..batch.run import parse_files
    from ..parse import Limits

    from ..datefmt import date_option

    when = date_option(base_date, option="--base-date") if base_date else None
    limits = Limits(max_bytes=int(max_size * 1024 * 1024), max_unzipped=int(max_unzipped * 1024 * 1024))
    return parse_files(files, fmt=fmt.value, out_dir=out_dir, glob=glob, limits=limits, jobs=jobs, timeout=timeout,
                       cache_dir=cache, update=update, quiet=quiet, debug=debug, config=config,
                       verbose=verbose, base_date=when, executor=executor.value, scheduler=scheduler).exit_code
