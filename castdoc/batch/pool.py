"""Worker processes: each parses files one after another and answers file by file.

The parent thus always knows which file a worker is on: a worker that dies (a crash in a
native reader, the OOM killer) or runs past the time limit is replaced, that one file
gets the error, and the rest of its chunk goes back to the queue.
"""
from __future__ import annotations

import os
import signal
import sys
import time
import weakref
from collections import deque
from typing import Iterator

from ..errors import CastdocError, ReadError, WorkerDied
from .one import _Rendering, _time_limit_error, parse_one
from .outcome import Outcome


# The parent's ends of the workers' pipes. A forked worker inherits every one of them and
# closes them first thing: a worker that kept its own pipe's parent end (or another's)
# would never see the end of its input when the parent dies, and would wait for ever.
_PARENT_ENDS: "weakref.WeakSet" = weakref.WeakSet()


def _die_with_parent(parent_pid: int) -> None:
    """Linux: have the kernel SIGKILL this worker when its parent dies (``kill -9``
    included, which no handler in the parent sees). Elsewhere the closed pipe ends do."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes

            libc = ctypes.CDLL(None, use_errno=True)
            libc.prctl(1, signal.SIGKILL, 0, 0, 0)  # PR_SET_PDEATHSIG
        except (OSError, AttributeError):
            pass
    if os.getppid() != parent_pid:  # the parent died before the death signal was set
        os._exit(0)


def _worker_main(conn, parse, limits, cache, parent_pid=None) -> None:
    """A worker: chunks of (index, path) in, one ("done", index, Outcome) per file out."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    if parent_pid is not None:
        _die_with_parent(parent_pid)
        for end in list(_PARENT_ENDS):
            try:
                end.close()
            except OSError:
                pass
        from ..parse.bounds import memory_ceiling

        memory_ceiling(getattr(limits, "max_memory", 4 << 30))
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
        forked = ctx.get_start_method() == "fork"
        if forked:
            _PARENT_ENDS.add(parent)
        self.proc = ctx.Process(target=_worker_main, args=(child, parse, limits, cache, os.getpid() if forked else None),
                                daemon=True)
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
    from .. import nlp
    from ..pipeline import parse_text

    try:
        parse_text(_WARM_TEXT)
        nlp.warm()  # the whole word table, not only the warm text's words: the workers share it
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
        if ctx.get_start_method() == "fork" and len(self.paths) > 1:  # one file: nothing to share
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


