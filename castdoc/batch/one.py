"""One file: parsed here, every failure its Outcome's error, stopped by SIGALRM past its time.

A single file is parsed in this process (no worker start-up: one new notice a day must
be quick); its time limit is then kept with SIGALRM, which stops Python code but not a
long call inside a C extension.
"""
from __future__ import annotations

import signal
import sys
import time
import traceback
from dataclasses import replace

from ..errors import CastdocError, ReadError, TimeLimit
from ..parse import DEFAULT_LIMITS, Limits
from .outcome import Outcome

DEFAULT_TIMEOUT = 60.0  # seconds per file; a notice takes well under one

def _peak_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb // 1024 if sys.platform == "darwin" else kb  # macOS reports bytes


def parse_one(path: str, limits: Limits = DEFAULT_LIMITS, cache=None, *, base_date=None) -> Outcome:
    """Parse one file into its Records; every failure becomes the Outcome's error."""
    t0 = time.perf_counter()
    try:
        sha = None
        if cache is not None and path != "-":
            from ..cache import file_sha256

            try:
                sha = file_sha256(path)
            except OSError:
                sha = None  # parse_path below says what is wrong with the file
            hit = cache.get(sha, path=path) if sha else None
            if hit is not None:
                return Outcome(path=path, records=hit, cached=True, seconds=time.perf_counter() - t0, rss_kb=_peak_kb())
        from ..pipeline import parse_path

        dated = {"base_date": base_date} if base_date is not None else {}
        records = tuple(parse_path(path, limits=limits, **dated))
        if sha is not None:
            cache.put(sha, records)
        return Outcome(path=path, records=records, seconds=time.perf_counter() - t0, rss_kb=_peak_kb())
    except CastdocError as e:
        if e.path is None:
            e.path = path
        return Outcome(path=path, error=e, seconds=time.perf_counter() - t0, rss_kb=_peak_kb())
    except MemoryError:
        err = ReadError("ran out of memory", path=path, hint="lower --max-size, or split the file")
        return Outcome(path=path, error=err, seconds=time.perf_counter() - t0)
    except RecursionError:
        err = ReadError("nested too deeply to read", path=path, hint="the file's structure is nested past what castdoc follows; save it again as .txt or .docx")
        return Outcome(path=path, error=err, trace=traceback.format_exc(), seconds=time.perf_counter() - t0)
    except Exception as e:  # noqa: BLE001 - one broken file must not stop a batch
        err = ReadError(
            f"internal error ({type(e).__name__}: {e})",
            path=path,
            hint="this is a castdoc bug: run with --debug for a traceback and report it",
        )
        return Outcome(path=path, error=err, trace=traceback.format_exc(), seconds=time.perf_counter() - t0)


class WithBaseDate:
    """``parse_one`` reading every file against a --base-date (picklable, for spawned
    workers); the cache is not used: its records were read without one."""

    def __init__(self, base_date):
        self.base_date = base_date

    def __call__(self, path: str, limits=DEFAULT_LIMITS, cache=None) -> Outcome:
        return parse_one(path, limits, None, base_date=self.base_date)


class _Alarm(BaseException):
    """Raised by SIGALRM; a BaseException so no ``except Exception`` in a stage swallows it."""


def _on_alarm(signum, frame):  # pragma: no cover - exercised through parse_in_process
    raise _Alarm()


def _time_limit_error(path: str, timeout: float) -> TimeLimit:
    return TimeLimit(
        f"took longer than {timeout:g} s and was stopped",
        path=path,
        hint="raise the limit with --timeout, or check the file: it may be far larger than a notice",
    )


def parse_in_process(path: str, *, limits: Limits, timeout: float | None, cache=None, parse=parse_one) -> Outcome:
    """One file in this process, stopped by SIGALRM after ``timeout`` seconds where possible."""
    use_alarm = bool(timeout) and hasattr(signal, "setitimer") and _main_thread()
    if not use_alarm:
        return parse(path, limits, cache)
    old = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    t0 = time.perf_counter()
    try:
        return parse(path, limits, cache)
    except _Alarm:
        return Outcome(path=path, error=_time_limit_error(path, timeout), seconds=time.perf_counter() - t0)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _main_thread() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


class _Rendering:
    """``parse`` followed by ``render`` of its records (picklable, for spawned workers).

    The rendered outcome carries the text only: the caller writes that, and the records
    would nearly double what each file sends back through the pipe (pickled in the worker,
    unpickled in the parent, which shares the cores with the workers)."""

    def __init__(self, parse, render):
        self.parse = parse
        self.render = render

    def __call__(self, path: str, limits=DEFAULT_LIMITS, cache=None) -> Outcome:
        out = self.parse(path, limits, cache)
        if out.error is not None:
            return out
        try:
            return replace(out, text=self.render(list(out.records)), records=())
        except Exception as e:  # noqa: BLE001 - a record that cannot be written fails its file only
            err = ReadError(f"internal error writing the record ({type(e).__name__}: {e})", path=path,
                            hint="this is a castdoc bug: run with --debug for a traceback and report it")
            return replace(out, records=(), error=err, trace=traceback.format_exc())


