"""Many inputs: walk folders, parse each file in worker processes, keep going when one fails.

Results come back in input order whatever ``jobs`` is and whatever happens to one file,
so output is deterministic and a bad file never loses the others. Each worker parses
files one after another and answers file by file, so the parent always knows which file
a worker is on: a worker that dies (a crash in a native reader, the OOM killer) or runs
past the time limit is replaced, that one file gets the error, and the rest of its chunk
goes back to the queue.

A single file is parsed in this process (no worker start-up: one new notice a day must
be quick); its time limit is then kept with SIGALRM, which stops Python code but not a
long call inside a C extension.
"""
from __future__ import annotations

import os
import signal
import sys
import time
import traceback
from collections import deque
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable, Iterator

from .errors import CastdocError, ReadError, TimeLimit, WorkerDied
from .parse import CONVERT_HINTS, DEFAULT_LIMITS, READERS, Limits

# Suffixes a folder walk picks up: what castdoc reads, and document formats it can name a
# conversion for (so a .doc in an archive is reported, not silently skipped).
WALK_SUFFIXES = frozenset(READERS) | (frozenset(CONVERT_HINTS) - {".xls", ".xlsx"})
DOC_SUFFIXES = tuple(sorted(set(READERS) | set(CONVERT_HINTS)))
DEFAULT_TIMEOUT = 60.0  # seconds per file; a notice takes well under one


@dataclass(frozen=True, kw_only=True)
class Outcome:
    path: str
    records: tuple[dict, ...] = ()
    error: CastdocError | None = None
    trace: str | None = None  # the traceback of an internal error, shown with --debug
    text: str | None = None  # the records rendered (YAML, JSON Lines) where the caller asked for it
    cached: bool = False
    seconds: float = 0.0
    rss_kb: int = 0  # peak resident memory of the process that parsed it
    value: object = None  # what another per-file function gives back (check's findings)


def expand(paths: Iterable[str], *, glob: str | None = None) -> list[str]:
    """Files as given, folders walked (sorted) for documents, '-' kept.

    Hidden folders and gold files are skipped. With ``glob`` the walk keeps the files
    matching it, whatever their suffix, so ``--glob '*.doc'`` reports each .doc.
    """
    out: list[str] = []
    for p in paths:
        if p == "-":
            out.append(p)
            continue
        path = Path(p)
        if not path.is_dir():
            out.append(p)
        elif glob is None:
            out.extend(_walk(str(path)))
        else:
            found = sorted(
                f for f in path.rglob(glob)
                if f.is_file()
                and not any(part.startswith(".") for part in f.relative_to(path).parts)
                and not f.name.endswith(".gold.yaml")
            )
            out.extend(str(f) for f in found)
    return out


def _walk(top: str) -> list[str]:
    """The documents under ``top`` (a path as pathlib writes it), in the order ``sorted(Path.rglob(...))`` gives (part by
    part), hidden folders and files left out: os.scandir, which a folder of thousands of
    notices answers several times faster than pathlib."""
    found: list[tuple[tuple[str, ...], str]] = []
    head = () if top == "." else (top,)  # as pathlib writes them: README.md, not ./README.md
    stack: list[tuple[str, tuple[str, ...]]] = [(top, ())]
    while stack:
        folder, parts = stack.pop()
        try:
            entries = list(os.scandir(folder))
        except OSError:
            continue
        for e in entries:
            if e.name.startswith("."):
                continue
            try:
                if e.is_dir(follow_symlinks=False):  # as rglob: linked folders are not walked (no loops)
                    stack.append((e.path, (*parts, e.name)))
                elif (e.is_file() and os.path.splitext(e.name)[1].lower() in WALK_SUFFIXES
                      and not e.name.endswith(".gold.yaml")):
                    found.append(((*parts, e.name), os.path.join(*head, *parts, e.name)))
            except OSError:
                continue
    found.sort()
    return [path for _, path in found]


def output_names(paths: list[str], suffix: str) -> list[str]:
    """One output file name per input: ``stem + suffix``, unique within the batch.

    ``a.txt`` and ``a.pdf`` would both become ``a.yaml``; when stems clash the whole
    name is kept (``a.txt.yaml``), and a clash left after that gets ``-2``, ``-3`` in
    input order, so no record file overwrites another.
    """
    stems = [("stdin" if p == "-" else Path(p).stem) for p in paths]
    counts: dict[str, int] = {}
    for s in stems:
        counts[s] = counts.get(s, 0) + 1
    names = []
    taken: set[str] = set()
    for p, s in zip(paths, stems):
        base = s if counts[s] == 1 else ("stdin" if p == "-" else Path(p).name)
        name = base + suffix
        k = 2
        while name.lower() in taken:
            name = f"{base}-{k}{suffix}"
            k += 1
        taken.add(name.lower())
        names.append(name)
    return names


def overwrites_source(target: Path, inputs: Iterable[str]) -> bool:
    """True when writing ``target`` would replace a document castdoc reads or an input."""
    if target.suffix.lower() in READERS or target.suffix.lower() in CONVERT_HINTS:
        return True
    try:
        t = target.resolve()
        return any(p != "-" and Path(p).resolve() == t for p in inputs)
    except OSError:
        return False


# --- one file --------------------------------------------------------------------------


def _peak_kb() -> int:
    try:
        import resource
    except ImportError:  # Windows
        return 0
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return kb // 1024 if sys.platform == "darwin" else kb  # macOS reports bytes


def parse_one(path: str, limits: Limits = DEFAULT_LIMITS, cache=None) -> Outcome:
    """Parse one file into record dicts; every failure becomes the Outcome's error."""
    t0 = time.perf_counter()
    try:
        sha = None
        if cache is not None and path != "-":
            from .cache import file_sha256

            try:
                sha = file_sha256(path)
            except OSError:
                sha = None  # parse_path below says what is wrong with the file
            hit = cache.get(sha, path=path) if sha else None
            if hit is not None:
                return Outcome(path=path, records=hit, cached=True, seconds=time.perf_counter() - t0, rss_kb=_peak_kb())
        from .pipeline import parse_path
        from .record import to_dict

        records = tuple(to_dict(r) for r in parse_path(path, limits=limits))
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


# --- many files ------------------------------------------------------------------------


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
    render: Callable[[list[dict]], str] | None = None,
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
    if len(paths) == 1:
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


def _stdin_outcome(limits, timeout, cache, on_done, parse) -> Outcome:
    out = parse_in_process("-", limits=limits, timeout=timeout, cache=cache, parse=parse)
    if on_done:
        on_done(out)
    return out


def _worker_main(conn, parse, limits, cache) -> None:
    """A worker: chunks of (index, path) in, one ("done", index, Outcome) per file out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    # What a forked worker inherits (jieba's tables, the patterns) lives as long as it does:
    # out of the collector's sight, it is neither walked by each collection nor copied
    # from the parent's memory by the walk.
    import gc

    gc.freeze()
    try:
        while True:
            try:
                chunk = conn.recv()
            except (EOFError, OSError):
                return
            if chunk is None:
                return
            for idx, path in chunk:
                out = parse(path, limits, cache)
                try:
                    conn.send(("done", idx, out))
                except (ValueError, TypeError, AttributeError) as e:  # unpicklable: say so, keep going
                    err = ReadError(f"internal error (result could not be passed back: {e})", path=path)
                    conn.send(("done", idx, Outcome(path=path, error=err, seconds=out.seconds)))
    except (BrokenPipeError, EOFError, KeyboardInterrupt):
        return
    finally:
        try:
            conn.close()
        except OSError:
            pass


class _Worker:
    def __init__(self, ctx, parse, limits, cache):
        parent, child = ctx.Pipe()
        self.conn = parent
        self.proc = ctx.Process(target=_worker_main, args=(child, parse, limits, cache), daemon=True)
        self.proc.start()
        child.close()
        self.chunk: deque[tuple[int, str]] = deque()
        self.started = 0.0

    @property
    def busy(self) -> bool:
        return bool(self.chunk)

    def give(self, chunk: list[tuple[int, str]]) -> bool:
        """Send a chunk (queued behind the one it is reading, if any); False when the worker
        is gone (the chunk stays with the caller). ``started`` times the file being read."""
        try:
            self.conn.send(chunk)
        except (OSError, ValueError):
            return False
        if not self.chunk:
            self.started = time.monotonic()
        self.chunk.extend(chunk)
        return True

    def kill(self) -> None:
        try:
            self.proc.kill()
        except (OSError, ValueError):
            pass
        self.proc.join(5)
        try:
            self.conn.close()
        except OSError:
            pass

    def stop(self) -> None:
        try:
            self.conn.send(None)
        except (OSError, ValueError):
            pass
        self.proc.join(2)
        if self.proc.is_alive():
            self.kill()
        try:
            self.conn.close()
        except OSError:
            pass


def _context():
    import multiprocessing as mp

    # fork shares the imported modules (and jieba, once loaded) with no start-up cost; the
    # parent keeps no threads running while workers are forked (the progress bar is
    # refreshed by hand), so forking is safe here.
    if sys.platform.startswith("linux"):
        return mp.get_context("fork")
    return mp.get_context("spawn")


# A small notice that takes every path through the pipeline once (our own words).
_WARM_TEXT = "关于举办科普讲解大赛的通知\n各市科协:\n请于2024年3月1日前报送报名表。\n联系人:王明,电话:0571-87650001\n某市科学技术协会\n2024年2月1日\n"


def _preload(parse) -> None:
    """Load jieba's tables, the lexicons and the patterns here, once, before the workers
    are forked: they then share that memory (copy-on-write) rather than each spending half
    a second and a hundred megabytes on its own copy. Only for castdoc's own parse."""
    base = parse.parse if isinstance(parse, _Rendering) else parse
    if base is not parse_one and not getattr(base, "runs_the_pipeline", False):
        return
    from .pipeline import parse_text

    try:
        parse_text(_WARM_TEXT)
    except Exception:  # noqa: BLE001 - only a head start: the workers load what they need anyway
        pass


class _Waiter:
    """Waits until a busy worker answers or dies.

    One poll set for the whole run, told only of the workers that come and go: a fresh
    selector per wake-up (what multiprocessing.connection.wait builds) costs more than the
    message it waits for, thousands of times per batch. poll(2), not epoll: a worker's
    pipe may be closed before it is forgotten here, and poll keeps no registration in the
    kernel that could outlive it. Where there is no poll (Windows), connection.wait."""

    def __init__(self):
        import selectors

        self._selectors = selectors
        self._poll = selectors.PollSelector() if hasattr(selectors, "PollSelector") else None
        self._fds: dict[_Worker, tuple[int, int]] = {}  # as registered: its pipe, its sentinel

    def wait(self, busy: list[_Worker], timeout: float | None) -> dict[_Worker, bool]:
        """The workers that need attention: True where their pipe has something to read (an
        answer, or the end of a worker that died), False where only their process ended."""
        if self._poll is None:
            from multiprocessing.connection import wait

            got = set(wait([w.conn for w in busy] + [w.proc.sentinel for w in busy], timeout))
            return {w: w.conn in got for w in busy if w.conn in got or w.proc.sentinel in got}
        for w in [w for w in self._fds if w not in busy]:
            for fd in self._fds.pop(w):  # by number: the pipe may be closed already
                self._poll.unregister(fd)
        for w in busy:
            if w not in self._fds:
                self._fds[w] = (w.conn.fileno(), w.proc.sentinel)
                for fd in self._fds[w]:
                    self._poll.register(fd, self._selectors.EVENT_READ)
        got = {key.fd for key, _ in self._poll.select(timeout)}
        return {w: self._fds[w][0] in got for w in busy if not got.isdisjoint(self._fds[w])}

    def close(self) -> None:
        if self._poll is not None:
            self._poll.close()


class _Pool:
    def __init__(self, paths, *, limits, jobs, timeout, cache, on_done, parse):
        self.paths = paths
        self.limits = limits
        self.jobs = max(1, min(int(jobs or 1), len(paths)))
        self.timeout = timeout if timeout and timeout > 0 else None
        self.cache = cache
        self.on_done = on_done
        self.parse = parse
        n = len(paths)
        # Small chunks keep the workers evenly loaded and a crash cheap to recover from;
        # larger ones save round trips when there are thousands of small notices.
        self.chunk_size = max(1, min(8, n // (self.jobs * 8)))
        self.window = max(64, self.jobs * self.chunk_size * 8)  # finished results held ahead of the output

    def run(self) -> Iterator[Outcome]:
        ctx = _context()
        if ctx.get_start_method() == "fork":
            _preload(self.parse)
        pending: deque[list[tuple[int, str]]] = deque()
        items = list(enumerate(self.paths))
        for i in range(0, len(items), self.chunk_size):
            pending.append(items[i:i + self.chunk_size])
        results: dict[int, Outcome] = {}
        workers: list[_Worker] = []
        next_out = 0
        n = len(self.paths)
        waiter = _Waiter()
        try:
            while next_out < n:
                while next_out in results:
                    yield results.pop(next_out)
                    next_out += 1
                if next_out >= n:
                    break
                # hand out work, one chunk ahead of the one each worker reads, so that none
                # waits for the next while this process wakes up; a worker that died while
                # idle is replaced and its chunk kept
                for w in list(workers):
                    if len(w.chunk) <= self.chunk_size and pending and pending[0][0][0] < next_out + self.window:
                        if not w.give(pending[0]):
                            workers.remove(w)
                            if w.busy:
                                self._lost(w, results, pending, self._death_error)
                            else:
                                w.kill()
                            continue
                        pending.popleft()
                while len(workers) < self.jobs and pending and pending[0][0][0] < next_out + self.window:
                    w = _Worker(ctx, self.parse, self.limits, self.cache)
                    workers.append(w)
                    if w.give(pending[0]):
                        pending.popleft()
                busy = [w for w in workers if w.busy]
                if not busy:  # pragma: no cover - defensive: nothing running and nothing to yield
                    raise RuntimeError("castdoc batch stalled")
                wait_for = None
                if self.timeout:
                    now = time.monotonic()
                    wait_for = max(0.0, min(w.started + self.timeout - now for w in busy))
                ready = waiter.wait(busy, wait_for)
                for w in busy:
                    if w in ready:
                        dead = self._take(w, results, ready[w])
                        if dead:
                            self._lost(w, results, pending, self._death_error)
                            workers.remove(w)
                            continue
                    if self.timeout and w.busy and time.monotonic() - w.started > self.timeout:
                        self._lost(w, results, pending, lambda path, _w: _time_limit_error(path, self.timeout))
                        workers.remove(w)
        finally:
            waiter.close()
            for w in workers:
                if w.busy:
                    w.kill()
                else:
                    w.stop()

    def _take(self, w: _Worker, results: dict[int, Outcome], readable: bool) -> bool:
        """Take one answer from ``w``; True when the worker is gone.

        One per wake-up: a second waiting answer wakes the next wait at once, which costs
        less than asking the pipe whether there is one (Connection.poll builds a selector
        each time it is asked)."""
        if not readable:
            return True  # its process ended and its pipe holds nothing more
        try:
            kind, idx, out = w.conn.recv()
        except (EOFError, OSError):
            return True
        if kind == "done":
            self._finish(idx, out, results)
            if w.chunk and w.chunk[0][0] == idx:
                w.chunk.popleft()
            w.started = time.monotonic()
        return False

    def _finish(self, idx: int, out: Outcome, results: dict[int, Outcome]) -> None:
        results[idx] = out
        if self.on_done:
            self.on_done(out)

    @staticmethod
    def _death_error(path: str, w: _Worker) -> CastdocError:
        w.proc.join(1)
        code = w.proc.exitcode
        how = f"killed by signal {-code}" if code is not None and code < 0 else f"exited with status {code}"
        return WorkerDied(
            f"the worker reading this file died ({how})",
            path=path,
            hint="the file may crash a reader library or use too much memory; try it alone with --debug, or lower --max-size",
        )

    def _lost(self, w: _Worker, results, pending, make_error) -> None:
        """``w`` is gone or stuck: its current file fails, the rest of its chunk goes back."""
        idx, path = w.chunk.popleft()
        rest = list(w.chunk)
        w.chunk.clear()
        w.kill()
        err = make_error(path, w)
        self._finish(idx, Outcome(path=path, error=err, seconds=time.monotonic() - w.started), results)
        if rest:
            pending.appendleft(rest)



class ProgressBar:
    """A rich progress bar on stderr, refreshed by hand as files finish.

    No refresh thread: workers are forked while it is shown, and forking a process that
    runs threads can deadlock the child.
    """

    def __init__(self, total: int, console):
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn, TimeRemainingColumn

        self._progress = Progress(
            TextColumn("parsing"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            TimeRemainingColumn(),
            console=console,
            auto_refresh=False,
            transient=True,
        )
        self._task = self._progress.add_task("parse", total=total)
        self._progress.start()
        self._progress.refresh()

    def advance(self, outcome: Outcome | None = None) -> None:
        self._progress.advance(self._task)
        self._progress.refresh()

    def close(self) -> None:
        self._progress.stop()
