"""Many files: outcomes in input order whatever ``jobs`` is; standard input read here."""
from __future__ import annotations

import os
from typing import Callable, Iterator

from ..parse import DEFAULT_LIMITS, Limits
from ..types import Record
from .one import DEFAULT_TIMEOUT, _Rendering, parse_in_process, parse_one
from .outcome import Outcome
from .pool import _Pool


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def parse_many(
    paths: list[str],
    *,
    limits: Limits = DEFAULT_LIMITS,
    jobs: int = 1,
    timeout: float | None = DEFAULT_TIMEOUT,
    cache=None,
    on_done: Callable[[Outcome], None] | None = None,
    parse: Callable[..., Outcome] = parse_one,
    render: Callable[[list[Record]], str] | None = None,
) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``, whatever ``jobs`` is.

    ``on_done`` is called as each file finishes (in completion order: for a progress bar).
    ``parse`` is the per-file function run in the workers (tests swap in misbehaving ones).
    ``render`` turns a file's records into output text in the worker, where it runs in
    parallel (YAML dumping costs about as much as parsing a notice); such outcomes then
    hold the text, not the records.
    """
    paths = list(paths)
    if not paths:
        return
    if render is not None:
        parse = _Rendering(parse, render)
    if len(paths) == 1 and not _native(paths[0]):
        out = parse_in_process(paths[0], limits=limits, timeout=timeout, cache=cache, parse=parse)
        if on_done:
            on_done(out)
        yield out
        return
    if "-" in paths:
        # Standard input belongs to this process: read it here, the rest in workers.
        stdin_at = paths.index("-")
        rest = paths[:stdin_at] + paths[stdin_at + 1:]
        first = _Pool(rest, limits=limits, jobs=jobs, timeout=timeout, cache=cache, on_done=on_done, parse=parse).run()
        done = 0
        for out in first:
            if done == stdin_at:
                yield _stdin_outcome(limits, timeout, cache, on_done, parse)
            done += 1
            yield out
        if done == stdin_at:
            yield _stdin_outcome(limits, timeout, cache, on_done, parse)
        return
    yield from _Pool(paths, limits=limits, jobs=jobs, timeout=timeout, cache=cache, on_done=on_done, parse=parse).run()



# Formats whose reader spends its time in C (pdfium), where SIGALRM cannot stop it and an
# abort (pdfium's answer to a failed allocation) would end castdoc with no message: even a
# single such file is read in a worker, which the time limit kills and whose death is
# that file's one-line error.
NATIVE_SUFFIXES = (".pdf",)


def _native(path: str) -> bool:
    return path != "-" and path.lower().endswith(NATIVE_SUFFIXES) and _fork_available()


def _fork_available() -> bool:
    import sys

    return sys.platform.startswith("linux")


def _stdin_outcome(limits, timeout, cache, on_done, parse) -> Outcome:
    out = parse_in_process("-", limits=limits, timeout=timeout, cache=cache, parse=parse)
    if on_done:
        on_done(out)
    return out


