"""Batch parsing: folder walks, worker processes, order, crashes, time limits, the cache."""
from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from castdoc import batch
from castdoc.batch import Outcome, expand, output_names, overwrites_source, parse_many, parse_one
from castdoc.cache import RecordCache, file_sha256
from castdoc.errors import TimeLimit, WorkerDied
from castdoc.parse import DEFAULT_LIMITS

CASTDOC = [sys.executable, "-m", "castdoc"]

NOTICE = """关于举办{n}期青少年科技创新培训班的通知

各市科协，各有关单位：

为提升科技辅导员业务水平，经研究，决定举办第{n}期培训班。现将有关事项通知如下。

一、时间地点

2024年5月{d}日在省科技馆报到。

二、报名要求

请于2024年4月{d}日前将报名表报送省科协青少年部。

联系人：王明，电话：0571-8765432{n}

省科协办公室
2024年3月{d}日
"""


def _notices(folder: Path, n: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for i in range(n):
        p = folder / f"n{i:03d}.txt"
        p.write_text(NOTICE.format(n=i % 10, d=1 + i % 27), encoding="utf-8")
        out.append(p)
    return out


# --- per-file functions the workers run in these tests (top level: workers are forked) ---


def _tag(path: str, limits=None, cache=None) -> Outcome[int]:
    return Outcome(path=path, payload=os.getpid())


def _crashes_on_bad(path: str, limits=None, cache=None) -> Outcome:
    if "bad" in Path(path).name:
        os.kill(os.getpid(), signal.SIGKILL)
    return _tag(path)


def _exits_on_bad(path: str, limits=None, cache=None) -> Outcome:
    if "bad" in Path(path).name:
        os._exit(7)
    return _tag(path)


def _hangs_on_slow(path: str, limits=None, cache=None) -> Outcome:
    if "slow" in Path(path).name:
        while True:  # a Python loop: SIGALRM can stop it
            time.sleep(0.01)
    return _tag(path)


# --- folder walks and names -------------------------------------------------------------


def test_expand_walks_sorted_skips_hidden_and_gold(tmp_path):
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for name in ("b/z.txt", "a.pdf", "c.docx", "notes.xlsx", ".git/x.txt", "x.gold.yaml", "old.doc", "img.png"):
        (tmp_path / name).write_bytes(b"x")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert got == ["a.pdf", "b/z.txt", "c.docx", "old.doc"]


def test_expand_walks_in_pathlibs_order_and_never_loops_on_links(tmp_path):
    """Deep folders sort part by part (a/b.txt before a-b.txt, as sorted(rglob) gives);
    a link back up the tree is not followed; a linked file is read."""
    for name in ("a/b.txt", "a-b.txt", "a/c/d.txt", "A.txt", "a/.hidden/e.txt", ".f.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    (tmp_path / "a" / "up").symlink_to(tmp_path, target_is_directory=True)
    (tmp_path / "link.txt").symlink_to(tmp_path / "A.txt")
    got = [Path(p).relative_to(tmp_path).as_posix() for p in expand([str(tmp_path)])]
    assert got == ["A.txt", "a/b.txt", "a/c/d.txt", "a-b.txt", "link.txt"]
    rglob = sorted(p for p in tmp_path.rglob("*") if p.is_file() and not any(
        part.startswith(".") for part in p.relative_to(tmp_path).parts))
    assert [str(p) for p in rglob] == expand([str(tmp_path)])


def test_expand_glob_picks_files_by_pattern_and_keeps_order_of_arguments(tmp_path):
    for name in ("a.txt", "b.pdf", "sub/c.pdf"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_bytes(b"x")
    got = expand(["-", str(tmp_path)], glob="*.pdf")
    assert got[0] == "-"
    assert [Path(p).name for p in got[1:]] == ["b.pdf", "c.pdf"]


@pytest.mark.parametrize(
    "paths, names",
    [  # one rule (issue 14): the path as given, its whole name, then the suffix
        (["a/x.txt", "b/y.pdf"], ["a/x.txt.yaml", "b/y.pdf.yaml"]),
        (["a/x.txt", "a/x.pdf"], ["a/x.txt.yaml", "a/x.pdf.yaml"]),
        (["sub/notice.pdf"], ["sub/notice.pdf.yaml"]),
        (["/abs/x.txt", "../up/y.txt"], ["x.txt.yaml", "y.txt.yaml"]),
        (["-", "stdin.txt"], ["stdin.yaml", "stdin.txt.yaml"]),
    ],
)
def test_output_names_follow_one_rule(paths, names):
    assert output_names(paths, ".yaml") == names


def test_output_names_mirror_the_folder_given(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    paths = [str(tmp_path / "in" / "a.txt"), str(tmp_path / "in" / "sub" / "notice.pdf")]
    assert output_names(paths, ".yaml", given=[str(tmp_path / "in")]) == ["a.txt.yaml", "sub/notice.pdf.yaml"]


def test_overwrites_source_refuses_documents_and_inputs(tmp_path):
    src = tmp_path / "a.yaml"
    assert overwrites_source(tmp_path / "a.txt", [])
    assert overwrites_source(tmp_path / "a.PDF", [])
    assert overwrites_source(src, [str(src)])
    assert not overwrites_source(tmp_path / "b.yaml", [str(src)])


# --- order, jobs, crashes, time limits ------------------------------------------------


def test_results_in_input_order_whatever_jobs(tmp_path):
    paths = [str(p) for p in _notices(tmp_path, 40)]
    paths.reverse()
    one = [o.path for o in parse_many(paths, jobs=1, parse=_tag)]
    three = list(parse_many(paths, jobs=3, parse=_tag))
    assert one == paths
    assert [o.path for o in three] == paths
    assert len({o.payload for o in three}) > 1, "work was spread over workers"


def test_real_parse_same_records_with_one_or_two_workers(tmp_path):
    paths = [str(p) for p in _notices(tmp_path, 12)]
    a = [o.records for o in parse_many(paths, jobs=1)]
    b = [o.records for o in parse_many(paths, jobs=2)]
    assert a == b
    assert all(r and r[0].title for r in a)


@pytest.mark.parametrize("fn, how", [(_crashes_on_bad, "signal 9"), (_exits_on_bad, "status 7")])
def test_a_dying_worker_fails_only_its_file(tmp_path, fn, how):
    names = [f"f{i:02d}.txt" for i in range(20)]
    names[5] = "bad1.txt"
    names[13] = "bad2.txt"
    paths = [str(tmp_path / n) for n in names]
    done: list[str] = []
    outs = list(parse_many(paths, jobs=2, parse=fn, on_done=lambda o: done.append(o.path)))
    assert [o.path for o in outs] == paths
    failed = {Path(o.path).name: o.error for o in outs if o.error}
    assert set(failed) == {"bad1.txt", "bad2.txt"}
    for err in failed.values():
        assert isinstance(err, WorkerDied) and how in err.message and err.exit_code == 3
    assert sorted(done) == sorted(paths), "every file reported once to the progress callback"


def test_without_poll_the_pool_waits_on_connections(tmp_path, monkeypatch):
    """Where the platform has no poll(2) (Windows), the pool waits as multiprocessing does:
    same order, crashes still charged to their file."""
    import selectors

    monkeypatch.delattr(selectors, "PollSelector")
    names = [f"f{i:02d}.txt" for i in range(12)]
    names[4] = "bad1.txt"
    paths = [str(tmp_path / n) for n in names]
    outs = list(parse_many(paths, jobs=2, parse=_crashes_on_bad))
    assert [o.path for o in outs] == paths
    assert [Path(o.path).name for o in outs if o.error] == ["bad1.txt"]


def test_time_limit_in_workers_stops_one_file(tmp_path):
    names = [f"f{i}.txt" for i in range(8)]
    names[2] = "slow.txt"
    paths = [str(tmp_path / n) for n in names]
    t0 = time.monotonic()
    outs = list(parse_many(paths, jobs=2, timeout=1.0, parse=_hangs_on_slow))
    assert time.monotonic() - t0 < 10
    assert [o.path for o in outs] == paths
    bad = [o for o in outs if o.error]
    assert len(bad) == 1 and isinstance(bad[0].error, TimeLimit) and bad[0].path.endswith("slow.txt")
    assert "--timeout" in bad[0].error.line()


def test_time_limit_for_a_single_file_in_process(tmp_path):
    t0 = time.monotonic()
    (out,) = parse_many([str(tmp_path / "slow.txt")], timeout=0.5, parse=_hangs_on_slow)
    assert time.monotonic() - t0 < 5
    assert isinstance(out.error, TimeLimit)


def test_internal_error_becomes_that_files_error_with_a_trace(tmp_path, monkeypatch):
    import castdoc.pipeline

    def boom(path, *, limits):
        raise ValueError("boom in a stage")

    monkeypatch.setattr(castdoc.pipeline, "parse_path", boom)
    out = parse_one(str(tmp_path / "x.txt"))
    assert out.error is not None and "internal error" in out.error.message and "--debug" in out.error.line()
    assert "ValueError: boom in a stage" in out.trace


# --- the cache ----------------------------------------------------------------------------


def test_cache_hit_skips_parsing_and_follows_the_path(tmp_path, monkeypatch):
    (p,) = _notices(tmp_path / "docs", 1)
    cache = RecordCache(tmp_path / "cache")
    first = parse_one(str(p), DEFAULT_LIMITS, cache)
    assert not first.cached and first.records
    import castdoc.pipeline

    monkeypatch.setattr(castdoc.pipeline, "parse_path", lambda *a, **k: pytest.fail("parsed again"))
    moved = tmp_path / "moved.txt"
    moved.write_bytes(p.read_bytes())
    again = parse_one(str(moved), DEFAULT_LIMITS, cache)
    assert again.cached
    assert again.records[0].source.path == str(moved)
    strip = lambda recs: [{k: v for k, v in r.to_dict().items() if k != "source"} for r in recs]  # noqa: E731
    assert strip(again.records) == strip(first.records)


def test_cache_misses_on_changed_text_new_version_or_broken_entry(tmp_path):
    (p,) = _notices(tmp_path / "docs", 1)
    cache = RecordCache(tmp_path / "cache")
    parse_one(str(p), DEFAULT_LIMITS, cache)
    sha = file_sha256(p)
    assert RecordCache(tmp_path / "cache", version="9.9").get(sha, path=str(p)) is None
    entry = next((tmp_path / "cache").rglob(f"{sha}.json"))
    entry.write_text("{not json", encoding="utf-8")
    assert cache.get(sha, path=str(p)) is None
    assert not parse_one(str(p), DEFAULT_LIMITS, cache).cached  # rebuilt
    assert cache.get(sha, path=str(p)) is not None
    p.write_text(p.read_text(encoding="utf-8") + "\n附件：报名表\n", encoding="utf-8")
    assert not parse_one(str(p), DEFAULT_LIMITS, cache).cached


def test_unwritable_cache_only_costs_time(tmp_path):
    (p,) = _notices(tmp_path / "docs", 1)
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    out = parse_one(str(p), DEFAULT_LIMITS, RecordCache(blocker))
    assert out.error is None and out.records


# --- the command line ----------------------------------------------------------------------


def _run(args, **kw):
    return subprocess.run(CASTDOC + args, capture_output=True, text=True, timeout=120, **kw)


def test_cli_same_output_for_j1_and_j2(tmp_path):
    _notices(tmp_path / "in", 10)
    a = _run(["parse", str(tmp_path / "in"), "-f", "jsonl", "-j", "1"])
    b = _run(["parse", str(tmp_path / "in"), "-f", "jsonl", "-j", "2"])
    assert a.returncode == b.returncode == 0, a.stderr + b.stderr
    assert a.stdout == b.stdout
    assert [json.loads(x)["source"]["path"] for x in a.stdout.splitlines()] == sorted(
        str(p) for p in (tmp_path / "in").iterdir()
    )
    assert a.stderr == "" and b.stderr == "", "no progress bar when stderr is not a terminal"


def test_cli_output_dir_with_cache_and_a_bad_file_in_the_batch(tmp_path):
    _notices(tmp_path / "in", 5)
    (tmp_path / "in" / "n001.md").write_text(NOTICE.format(n=1, d=2), encoding="utf-8")  # stem clash
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    args = ["parse", str(tmp_path / "in"), "-o", str(out), "--cache", str(tmp_path / "cache"), "-j", "2"]
    r = _run(args)
    assert r.returncode == 1, r.stderr
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["n000.txt.yaml", "n001.md.yaml", "n001.txt.yaml", "n002.txt.yaml", "n003.txt.yaml", "n004.txt.yaml"]
    )
    err = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert any("empty.txt" in ln and "empty" in ln for ln in err)
    assert "Traceback" not in r.stderr
    before = {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()}
    r2 = _run(args + ["--quiet"])
    assert r2.returncode == 1
    assert {p.name: p.read_text(encoding="utf-8") for p in out.iterdir()} == before
    assert not list(out.glob(".*.tmp")), "no temporary files left"


def test_cli_output_dir_is_the_input_folder_leaves_sources_alone(tmp_path):
    docs = _notices(tmp_path, 3)
    before = {p: p.read_bytes() for p in docs}
    r = _run(["parse", str(tmp_path), "-o", str(tmp_path), "-j", "1"])
    assert r.returncode == 0, r.stderr
    assert all(p.read_bytes() == b for p, b in before.items())
    assert sorted(p.name for p in tmp_path.glob("*.yaml")) == ["n000.txt.yaml", "n001.txt.yaml", "n002.txt.yaml"]


def test_progress_bar_draws_on_a_terminal_console():
    from rich.console import Console

    buf = io.StringIO()
    bar = batch.ProgressBar(3, Console(file=buf, force_terminal=True, width=80))
    for _ in range(3):
        bar.advance()
    bar.close()
    assert "3/3" in buf.getvalue()


def test_help_lists_the_batch_options():
    r = _run(["parse", "--help"])
    for opt in ("--jobs", "--quiet", "--cache", "--timeout", "--max-size", "--glob", "--debug"):
        assert opt in r.stdout


def test_help_imports_nothing_heavy():
    code = (
        "import sys\n"
        "from castdoc.cli import app\n"
        "try:\n"
        "    app(['parse', '--help'])\n"
        "except SystemExit:\n"
        "    pass\n"
        "heavy = [m for m in ('jieba', 'pdfplumber', 'pypdfium2', 'docx', 'lxml', 'rich', 'yaml', 'jsonschema')"
        " if m in sys.modules]\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "--jobs" in r.stdout
    assert r.stdout.strip().splitlines()[-1] == "HEAVY:", r.stdout.strip().splitlines()[-1]


def test_interrupted_write_leaves_the_old_file(tmp_path, monkeypatch):
    from castdoc import writeout

    target = tmp_path / "rec.yaml"
    target.write_text("old: record\n", encoding="utf-8")

    def cut(src, dst):
        raise KeyboardInterrupt

    monkeypatch.setattr(writeout.os, "replace", cut)
    with pytest.raises(KeyboardInterrupt):
        writeout.write_atomic(target, "new: record\n" * 1000)
    assert target.read_text(encoding="utf-8") == "old: record\n"
    assert [p.name for p in tmp_path.iterdir()] == ["rec.yaml"]


def test_ctrl_c_stops_the_batch_cleanly(tmp_path):
    _notices(tmp_path / "in", 400)
    out = tmp_path / "out"
    proc = subprocess.Popen(CASTDOC + ["parse", str(tmp_path / "in"), "-o", str(out), "-j", "2"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (out.exists() and any(out.glob("*.yaml"))) and proc.poll() is None:
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGINT)  # what a terminal sends to the whole group
    _, err = proc.communicate(timeout=60)
    if proc.returncode in (0, 1, 3):
        pytest.skip("the batch finished before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert err.strip().splitlines()[-1] == "interrupted"  # said, not a silent exit
    for p in out.glob("*.yaml"):
        assert p.read_text(encoding="utf-8").startswith("---"), f"half-written {p.name}"
    assert not list(out.glob(".*.tmp"))
    time.sleep(0.2)
    alive = subprocess.run(["pgrep", "-s", str(proc.pid)], capture_output=True, text=True).stdout.split()
    assert not alive, f"workers left running: {alive}"


def test_stdin_keeps_its_place_among_files(tmp_path, monkeypatch):
    paths = [str(tmp_path / f"f{i}.txt") for i in range(5)]
    paths.insert(2, "-")
    outs = list(parse_many(paths, jobs=2, parse=_tag))
    assert [o.path for o in outs] == paths
    assert outs[2].payload == os.getpid(), "standard input is read by this process"
