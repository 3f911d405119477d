"""``parse --executor dask``: the same records, order and isolation as -j, on a real LocalCluster."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CASTDOC = [sys.executable, "-m", "castdoc"]
NOTICE = "关于举办第{n}期科普讲解培训班的通知\n\n各区科协：\n\n请于2024年5月{d}日前报送名单。\n\n联系人：王明\n\n某市科学技术协会\n2024年4月1日\n"


@pytest.fixture(scope="module")
def cluster():
    pytest.importorskip("distributed")
    from distributed import LocalCluster

    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    os.environ["PYTHONPATH"] = env["PYTHONPATH"]  # the workers import this checkout's castdoc
    c = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                     silence_logs=40)
    try:
        yield c
    finally:
        c.close()


@pytest.fixture
def folder(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(9):
        (d / f"n{i}.txt").write_text(NOTICE.format(n=i, d=1 + i), encoding="utf-8")
    (d / "m-bad.docx").write_bytes(b"not a zip at all")  # one bad file among them
    return d


def _run(*args: str):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([*CASTDOC, "parse", *args], capture_output=True, text=True, timeout=300, env=env)


def test_dask_gives_what_j2_gives(cluster, folder):
    local = _run(str(folder), "-f", "jsonl", "-j", "2", "-q")
    dask = _run(str(folder), "-f", "jsonl", "-q", "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert dask.returncode == local.returncode == 1, dask.stderr  # the bad file failed, the rest were written
    assert dask.stdout == local.stdout
    names = [Path(json.loads(line)["source"]["path"]).name for line in dask.stdout.splitlines()]
    assert names == [f"n{i}.txt" for i in range(9)]
    assert "m-bad.docx" in dask.stderr and "Traceback" not in dask.stderr


def test_dask_json_array_and_output_folder(cluster, folder, tmp_path):
    out, here = tmp_path / "out", tmp_path / "here"
    r = _run(str(folder), "-o", str(out), "-q", "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert r.returncode == 1
    assert _run(str(folder), "-o", str(here), "-q", "-j", "2").returncode == 1
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 9 and names == sorted(p.name for p in here.iterdir())
    assert all((out / n).read_bytes() == (here / n).read_bytes() for n in names)
    js = _run(str(folder), "-f", "json", "-q", "--executor", "dask", "--scheduler", cluster.scheduler_address)
    assert len(json.loads(js.stdout)) == 9


def test_a_task_the_cluster_gives_up_on_fails_its_file_only(cluster, folder):
    """In the library: a file whose task raises on the worker (as one whose worker died
    too often does) is that file's error; the others come back in order."""
    from distributed import Client

    from castdoc.batch.dask import parse_on_dask

    paths = sorted(str(p) for p in folder.glob("*.txt"))
    with Client(cluster.scheduler_address, set_as_default=False) as client:
        outs = list(parse_on_dask(paths, client=client, parse=_explodes_on_n3, window=3))
    assert [Path(o.path).name for o in outs] == [Path(p).name for p in paths]
    bad = [o for o in outs if o.error is not None]
    assert [Path(o.path).name for o in bad] == ["n3.txt"]
    assert "failed" in bad[0].error.message and all(o.records for o in outs if o.error is None)


def _explodes_on_n3(path, limits=None, cache=None):
    from castdoc.batch.one import parse_one

    if path.endswith("n3.txt"):
        raise SystemError("a reader library fell over")  # outside parse_one's own net, as a dead worker is
    return parse_one(path, limits, cache)


def test_usage_errors_are_one_line():
    r = _run(str(ROOT / "samples" / "notice.txt"), "--executor", "dask")
    assert r.returncode == 2 and "--scheduler" in r.stderr and "Traceback" not in r.stderr
    r = _run(str(ROOT / "samples" / "notice.txt"), "--scheduler", "tcp://127.0.0.1:1")
    assert r.returncode == 2 and "--executor dask" in r.stderr
