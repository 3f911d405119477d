"""``castdoc check``: options in, ``castdoc.check.run.run_check`` does the rest."""
from __future__ import annotations

from pathlib import Path
from typing import List, Optional

import typer

from .app import choices, command


CheckFormat = choices("CheckFormat", "human", "json", "github", "junit")
CheckProfile = choices("CheckProfile", "received", "issued")


@command
def check(
    paths: Optional[List[str]] = typer.Argument(None, help="Documents, .yaml records or folders (default: the current folder); '-' checks one record read from standard input."),
    profile: Optional[CheckProfile] = typer.Option(None, "--profile", help="received: schema, drift and readability, for an archive of other bodies' documents; issued: the GB/T 9704 rules too, for an office's own drafts (default: castdoc.toml's [check] profile, else issued)."),
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
    full: bool = typer.Option(False, "--full", help="Read every document again, even those unchanged since the last check (.castdoc-check.json)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Report errors only (warnings and notes never fail a run)."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Say on stderr which configuration and profile were used and each file checked."),
) -> int:
    """Check an archive: records follow the schema, match their documents, and documents follow GB/T 9704.

    Exit codes: 0 clean (warnings allowed); 1 findings at error severity; 2 usage error;
    3 a document or record could not be read.

    Examples:

      castdoc check samples/archive

      castdoc check inbox-archive/ --profile received

      castdoc parse notice.txt | castdoc check -

      castdoc check archive/ --format github --changed-since origin/main

      castdoc check archive/ --fix
    """
    import sys

    if list_rules:
        from ..check.output import rules_table

        rules_table(sys.stdout)
        return 0
    from ..check.run import run_check
    from ..parse import Limits

    return run_check(paths, fmt=fmt.value, config=config, select=select, ignore=ignore, records=records, fix=fix,
                     changed_since=changed_since, limits=Limits(max_bytes=int(max_size * 1024 * 1024)), debug=debug,
                     jobs=jobs, out=sys.stdout, full=full, profile=profile.value if profile else None, quiet=quiet,
                     verbose=verbose).exit_code
