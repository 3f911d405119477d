"""``castdoc check`` as a library call: configuration found, the archive checked (see
castdoc.check.runner), the report written. What the CLI command calls, and nothing more."""
from __future__ import annotations

from pathlib import Path

from ..errors import UsageError
from ..parse import DEFAULT_LIMITS, Limits
from ..report import Report
from .runner import check_paths


def run_check(paths: list[str] | None, *, fmt: str = "human", config: Path | None = None,
              select: list[str] | None = None, ignore: list[str] | None = None, records: Path | None = None,
              fix: bool = False, changed_since: str | None = None, limits: Limits = DEFAULT_LIMITS,
              debug: bool = False, jobs: int | None = None, out=None, full: bool = False,
              keep_state: bool = True, profile: str | None = None, stdin: bytes | None = None,
              quiet: bool = False, verbose: bool = False) -> Report:
    """``castdoc check`` as a library call: configuration found, the archive checked, the
    report written to ``out`` (stdout); the Report gives the exit code.

    Unchanged documents are not read again (see castdoc.check.state) unless ``full``;
    ``keep_state=False`` neither reads nor writes the state file."""
    import sys

    from .. import config as settings
    from ..batch import default_jobs
    from .config import load_config, with_cli
    from .output import render

    targets = paths or ["."]
    if "-" in targets and targets != ["-"]:
        raise UsageError("'-' reads one record from standard input: give it alone")
    start = Path.cwd() if targets == ["-"] else Path(targets[0])
    cfg = load_config(config, start=start)
    cfg = with_cli(cfg, select=select, ignore=ignore, records=records, profile=profile)
    names = settings.use(config, start=start if config is None else None).lexicon  # fresh readings as parse reads
    if targets == ["-"]:
        if fix:
            raise UsageError("--fix rewrites record files; a record on standard input has none")
        from .stdin import check_stdin

        result = check_stdin(cfg, sys.stdin.buffer.read() if stdin is None else stdin)
    else:
        state = None
        if keep_state:
            from .state import STATE_NAME, CheckState, run_key, state_folder

            where = state_folder(targets, cfg.file) / STATE_NAME
            key = run_key(era=cfg.era, records=cfg.records, limits=limits, names=names.stamp() if names else "")
            state = CheckState(where, key) if full else CheckState.load(where, key)
        result = check_paths(targets, cfg, fix=fix, changed_since=changed_since, limits=limits, debug=debug,
                             jobs=jobs or default_jobs(), state=state)
        if state is not None:
            state.save()
    if verbose or quiet:
        from .output import for_people

        result = for_people(result, cfg, quiet=quiet, verbose=verbose)
    render(result, fmt, out or sys.stdout)
    return Report.of_check(unreadable=result.unreadable, errors=result.count("error"))
