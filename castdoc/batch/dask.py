"""``castdoc parse --executor dask --scheduler ADDRESS``: the per-file function mapped over a
Dask cluster, for archives one machine cannot read in time.

When it pays: OCR of scanned archives (minutes a page on one core) or tens of millions of
documents, where a cluster's hundreds of cores are worth its set-up. A few thousand
notices parse faster with ``-j`` on one machine than they travel to a cluster.

castdoc's per-file function (``parse_one``, or it followed by the rendering of the output
format) is pure and picklable: a path and limits in, an Outcome out, every failure inside
that Outcome. So the cluster only maps it: the workers must see the same paths (a shared
file system) and have castdoc installed (``pip install 'castdoc[cluster]'``). What comes
back is what ``-j`` gives: outcomes in input order whatever finishes first, one bad file
costing only itself; a task the cluster itself gives up on (its worker died more often
than the scheduler allows) becomes that file's error. At most ``window`` files are in
flight, so the client's memory does not grow with the archive. The per-file time limit
is not kept here: a Dask worker runs tasks in threads, where nothing can stop one; the
cluster's own limits apply.
"""
from __future__ import annotations

from collections import deque
from typing import Callable, Iterator

from ..errors import UsageError, WorkerDied
from ..parse import DEFAULT_LIMITS, Limits
from .one import _Rendering, parse_in_process, parse_one
from .outcome import Outcome

HINT = "install the cluster extra: pip install 'castdoc[cluster]' (dask[distributed])"


def _warm() -> None:
    """Run on each worker once: castdoc's tables loaded before the first file."""
    from .. import nlp

    try:
        nlp.warm()
    except Exception:  # noqa: BLE001 - only a head start
        pass


def _task(parse, path: str, limits: Limits, cache, config=None) -> Outcome:
    """One file on a worker, with the run's local names (castdoc.toml's [lexicon]) applied
    there as they are here: a worker is no fork of this process."""
    if config is not None:
        from .. import config as settings

        settings.apply(config)
    return parse(path, limits, cache)


def connect(scheduler: str):
    """A distributed Client on ``scheduler``, or a UsageError saying what is missing."""
    try:
        from distributed import Client
    except ImportError:
        raise UsageError("--executor dask needs dask[distributed], which is not installed", hint=HINT) from None
    try:
        return Client(scheduler, timeout="20s", set_as_default=False)
    except (OSError, TimeoutError, ValueError) as e:
        raise UsageError(f"cannot reach the Dask scheduler at {scheduler} ({e})",
                         hint="start one with 'dask scheduler' and workers with 'dask worker ADDRESS', "
                              "or check --scheduler") from None


def parse_on_dask(
    paths: list[str],
    *,
    scheduler: str | None = None,
    client=None,
    limits: Limits = DEFAULT_LIMITS,
    cache=None,
    on_done: Callable[[Outcome], None] | None = None,
    parse: Callable[..., Outcome] = parse_one,
    render=None,
    window: int | None = None,
    config=None,
) -> Iterator[Outcome]:
    """Outcomes in the order of ``paths``, each file parsed on the cluster (standard input,
    '-', in this process, where it is)."""
    if not paths:
        return
    if render is not None:
        parse = _Rendering(parse, render)
    import uuid

    own = client is None
    if own:
        if not scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS (e.g. tcp://10.0.0.5:8786)")
        client = connect(scheduler)
    run_id = uuid.uuid4().hex[:12]  # task keys of this run only: another client's are not ours
    todo = deque(enumerate(paths))
    flight: deque[tuple[int, str, object]] = deque()

    def submit() -> None:
        while todo and len(flight) < window:
            i, p = todo.popleft()
            fut = None if p == "-" else client.submit(_task, parse, p, limits, cache, config, key=f"castdoc-{run_id}-{i}",
                                                      pure=False)
            flight.append((i, p, fut))

    try:
        try:
            client.run(_warm)
        except Exception:  # noqa: BLE001 - a worker that cannot warm up still parses
            pass
        if window is None:
            try:
                threads = sum(client.nthreads().values())
            except Exception:  # noqa: BLE001
                threads = 1
            window = max(16, 4 * threads)
        submit()
        while flight:
            i, p, fut = flight.popleft()
            if fut is None:
                out = parse_in_process(p, limits=limits, timeout=None, cache=cache, parse=parse)
            else:
                try:
                    out = fut.result()
                except Exception as e:  # noqa: BLE001 - the cluster gave up on this file only
                    err = WorkerDied(f"the Dask task reading this file failed ({type(e).__name__}: {e})", path=p,
                                     hint="the file may crash a reader library or use too much memory; "
                                          "try it alone with --debug, or lower --max-size")
                    out = Outcome(path=p, error=err)
                fut.release()
            submit()
            if on_done:
                on_done(out)
            yield out
    finally:
        for _, _, fut in flight:
            if fut is not None:
                fut.cancel()
        if own:
            client.close()
