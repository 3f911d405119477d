"""Killed batches (issue 17, finding 5): after ``kill -9`` or SIGTERM of ``parse -j 2`` no
worker is left running and no temporary file is left in the output folder."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux") or not Path("/proc/self/task").is_dir(),
                                reason="reads the process tree from /proc")


def _children(pid: int) -> set[int]:
    out: set[int] = set()
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children") as f:
                out |= {int(x) for x in f.read().split()}
    except OSError:
        pass
    return out


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(") ", 1)[1][0] != "Z"  # a zombie has died (its parent is gone)
    except OSError:
        return False


def _batch(tmp_path: Path, n: int = 400) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(n):
        (src / f"n{i:03d}.txt").write_text(
            f"关于开展第{i}次科普讲解活动的通知\n各区科协：\n请于2024年5月{i % 28 + 1}日前报送材料。\n某市科协\n2024年4月1日\n",
            encoding="utf-8")
    return src


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM])
@pytest.mark.parametrize("mode", ["-o", "--update"])
def test_a_killed_batch_leaves_no_worker_and_no_temporary_file(tmp_path, sig, mode):
    src = _batch(tmp_path)
    out = tmp_path / "out"
    args = ["-o", str(out)] if mode == "-o" else ["--update"]
    p = subprocess.Popen([sys.executable, "-m", "castdoc", "parse", "-j", "2", "-q", str(src), *args],
                         env=dict(os.environ, PYTHONPATH=str(ROOT)), stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL)
    kids: set[int] = set()
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(kids) < 2 and p.poll() is None:
        kids |= _children(p.pid)
        time.sleep(0.02)
    if p.poll() is not None:
        pytest.skip("the batch finished before it could be killed")
    time.sleep(0.3)  # let the workers get going
    kids |= _children(p.pid)
    os.kill(p.pid, sig)
    p.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(_alive(k) for k in kids):
        time.sleep(0.05)
    left = [k for k in kids if _alive(k)]
    for k in left:  # do not leave them behind this test either
        os.kill(k, signal.SIGKILL)
    assert kids and not left, f"workers {left} outlived their parent"
    if sig == signal.SIGTERM:
        if p.returncode == 0:
            pytest.skip("the batch finished before the signal reached it")
        assert p.returncode == 128 + signal.SIGTERM
    where = out if mode == "-o" else src
    tmp = [f for f in where.rglob("*") if f.name.endswith(".tmp")] if where.exists() else []
    assert not tmp


def _ignores_alarms(path, limits=None, cache=None):
    """A reader stuck in C: SIGALRM cannot reach it (blocked, as inside a native call)."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGALRM})
    time.sleep(60)


def test_a_single_pdf_is_read_in_a_worker_that_the_time_limit_stops(tmp_path):
    from castdoc.batch import parse_many
    from castdoc.errors import TimeLimit

    pdf = tmp_path / "stuck.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    t0 = time.monotonic()
    (out,) = list(parse_many([str(pdf)], timeout=1.0, parse=_ignores_alarms))
    assert isinstance(out.error, TimeLimit)
    assert time.monotonic() - t0 < 15


def _aborts(path, limits=None, cache=None):
    os.abort()  # what pdfium does when an allocation fails under the memory ceiling


def test_a_single_pdf_whose_reader_aborts_is_one_error_not_a_dead_castdoc(tmp_path):
    from castdoc.batch import parse_many
    from castdoc.errors import WorkerDied

    pdf = tmp_path / "bomb.pdf"
    pdf.write_bytes(b"%PDF-1.4\n")
    (out,) = list(parse_many([str(pdf)], timeout=30, parse=_aborts))
    assert isinstance(out.error, WorkerDied) and "signal 6" in out.error.message
