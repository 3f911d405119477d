"""``castdoc parse`` as a library call: inputs walked, parsed in the pool, each file's
records to its sink, failures counted in the Report that gives the exit code."""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CastdocError, ReadError, UsageError
from ..parse import DEFAULT_LIMITS, Limits
from ..report import Report, console
from .many import default_jobs, parse_many
from .one import DEFAULT_TIMEOUT
from .sinks import sink_for
from .walk import expand


def parse_files(files: list[str], *, fmt: str = "yaml", out_dir: Path | None = None, glob: str | None = None,
                limits: Limits = DEFAULT_LIMITS, jobs: int | None = None, timeout: float | None = DEFAULT_TIMEOUT,
                cache_dir: Path | None = None, update: bool = False, quiet: bool = False,
                debug: bool = False, config: Path | None = None, verbose: bool = False,
                base_date=None, executor: str = "local", scheduler: str | None = None) -> Report:
    """Parse every input; raises UsageError before reading anything when the inputs do not fit.

    ``executor="dask"`` maps the per-file function over the Dask cluster at ``scheduler``
    (castdoc.batch.dask) instead of local worker processes: same order, same isolation."""
    from .. import config as settings

    if executor not in ("local", "dask"):
        raise UsageError(f"unknown executor {executor!r}", hint="use local or dask")
    if executor == "local" and scheduler:
        raise UsageError("--scheduler is for --executor dask")
    if executor == "dask" and not scheduler:
        raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
    cfg = settings.use(config, start=settings.first_folder(files) if config is None else None)  # before the workers fork
    unlisted: list[CastdocError] = []

    def cannot_list(folder: str, e: OSError) -> None:
        unlisted.append(ReadError(f"cannot read this folder ({e.strerror or e}); its documents were skipped",
                                  path=folder, hint="check its permissions"))

    paths = expand(files, glob=glob, on_error=cannot_list)
    if not paths and not unlisted:
        raise UsageError("no documents found in the paths given (castdoc reads .txt .md .docx .pdf .html)")
    sink = sink_for(paths, fmt=fmt, out_dir=out_dir, update=update, given=files)
    report = Report(quiet=quiet, inputs=len(paths) + len(unlisted))
    for err in unlisted:  # said first: the batch goes on without them
        report.failure(err)
    if not paths:
        report.summary()
        return report
    if verbose:
        report.note(f"configuration: {cfg.file or '(none found)'}; {len(paths)} inputs")
    cache = None
    if cache_dir is not None:
        from .. import __version__
        from ..cache import RecordCache

        # records made with local names are not those made without: the names key the cache too
        cache = RecordCache(cache_dir, version=__version__ + (f"+{cfg.lexicon.stamp()}" if cfg.lexicon else ""))
    progress = _progress(len(paths), quiet)
    extra = {}
    if base_date is not None:
        from .one import WithBaseDate

        extra["parse"] = WithBaseDate(base_date)
    if executor == "dask":
        from .dask import connect, parse_on_dask

        client = connect(scheduler)
        outcomes = _closing(parse_on_dask(paths, client=client, limits=limits, cache=cache, config=cfg,
                                          on_done=progress.advance if progress else None, render=sink.render,
                                          **extra), client)
    else:
        outcomes = parse_many(paths, limits=limits, jobs=jobs or default_jobs(), timeout=timeout or None, cache=cache,
                              on_done=progress.advance if progress else None, render=sink.render, **extra)
    try:
        for i, outcome in enumerate(outcomes):
            if outcome.error is not None:
                report.failure(outcome.error, trace=outcome.trace if debug else None)
            else:
                sink.take(i, outcome, report)
    finally:
        outcomes.close()  # stops the workers at once if the loop was cut short (Ctrl-C)
        if progress:
            progress.close()
    sink.close(report)
    report.summary()
    return report


def _progress(total: int, quiet: bool):
    """A progress bar on stderr, only for people: a terminal, more than one file, not --quiet."""
    if quiet or total < 2 or not sys.stderr.isatty():
        return None
    from .progress import ProgressBar

    return ProgressBar(total, console())


def _closing(outcomes, client):
    """The outcomes, and the client closed when they end or are dropped."""
    try:
        yield from outcomes
    finally:
        outcomes.close()
        client.close()
