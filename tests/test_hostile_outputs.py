"""Hostile outputs (issue 17, findings 1, 3, 4 and 9): nothing written onto an input, a
write that fails is one line and never a traceback, the identity check done once per batch,
records written with the umask's mode.

The records here are written by hand (invented sentences), so ``castdoc tasks`` runs
without any NLP and each command takes a fraction of a second.
"""
from __future__ import annotations

import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from castdoc.errors import CastdocError, UsageError
from castdoc.outputs import Inputs, WriteError, guard, write_output

CASTDOC = [sys.executable, "-m", "castdoc"]
ROOT = Path(__file__).resolve().parent.parent

RECORD = """source: {path: n.txt, format: txt, sha256: '0', article: 0, articles: 1}
kind: notice
title: 关于开展科普周活动的通知
tasks:
- text: 请各区科协于2024年6月1日前报送活动方案
  actor: 各区科协
  deadline: '2024-06-01'
"""


def castdoc(*args, cwd=None, stdin: bytes | None = None):
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run([*CASTDOC, *args], capture_output=True, cwd=cwd, input=stdin, env=env, timeout=120)


def one_line_error(r) -> str:
    err = r.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err, err
    lines = [ln for ln in err.splitlines() if ln.strip()]
    assert len(lines) == 1 and lines[0].startswith("error:"), err
    return lines[0]


# --- 1: tasks -o onto its input -----------------------------------------------------------


def test_tasks_output_onto_its_record_is_refused_and_the_record_kept(tmp_path):
    import json

    import yaml

    rec = tmp_path / "n.json"
    text = json.dumps(yaml.safe_load(RECORD), ensure_ascii=False)
    rec.write_text(text, encoding="utf-8")
    r = castdoc("tasks", str(rec), "-o", str(rec))
    assert r.returncode == 2
    assert "one of the inputs" in one_line_error(r)
    assert rec.read_text(encoding="utf-8") == text


def test_tasks_output_onto_a_link_to_an_input_or_a_document_is_refused(tmp_path):
    doc = tmp_path / "n.txt"
    doc.write_text("关于开展科普周活动的通知\n请各区科协报送方案。\n", encoding="utf-8")
    (tmp_path / "link.txt").symlink_to(doc)
    r = castdoc("tasks", str(doc), "-o", str(tmp_path / "link.txt"))
    assert r.returncode == 2 and "one of the inputs" in one_line_error(r)
    r = castdoc("tasks", str(doc), "-o", str(doc))
    assert r.returncode == 2
    assert doc.read_text(encoding="utf-8").startswith("关于开展科普周活动的通知")


def test_a_folder_of_inputs_guards_the_files_found_in_it(tmp_path):
    (tmp_path / "recs").mkdir()
    rec = tmp_path / "recs" / "n.yaml"
    rec.write_text(RECORD, encoding="utf-8")
    with pytest.raises(UsageError):
        guard(rec, Inputs([str(rec)]))
    guard(tmp_path / "out.csv", Inputs([str(rec)]))  # not an input: fine


# --- 3: write failures in tasks are one line ------------------------------------------------


def test_tasks_output_at_a_folder_is_a_usage_error(tmp_path):
    rec = tmp_path / "n.yaml"
    rec.write_text(RECORD, encoding="utf-8")
    (tmp_path / "out.csv").mkdir()
    r = castdoc("tasks", str(rec), "-o", str(tmp_path / "out.csv"))
    assert r.returncode == 2 and "is a folder" in one_line_error(r)


def test_tasks_output_under_a_file_is_one_line(tmp_path):
    rec = tmp_path / "n.yaml"
    rec.write_text(RECORD, encoding="utf-8")
    r = castdoc("tasks", str(rec), "-o", str(rec) + "/x.csv")
    assert r.returncode == 3 and "cannot write" in one_line_error(r)


@pytest.mark.parametrize("code, words", [(errno.ENOSPC, "no space"), (errno.EROFS, "read-only"),
                                         (errno.EACCES, "permission denied")])
def test_write_failures_become_one_line(tmp_path, monkeypatch, code, words):
    import castdoc.writeout as writeout

    def fail(*a, **k):
        raise OSError(code, os.strerror(code))

    monkeypatch.setattr(writeout, "write_atomic_bytes", fail)
    with pytest.raises(WriteError) as e:
        write_output(tmp_path / "t.csv", "x")
    assert words in e.value.line() and str(tmp_path / "t.csv") in e.value.line()
    assert isinstance(e.value, CastdocError)


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_tasks_into_a_read_only_folder_is_one_line(tmp_path):
    rec = tmp_path / "n.yaml"
    rec.write_text(RECORD, encoding="utf-8")
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        r = castdoc("tasks", str(rec), "-o", str(ro / "t.csv"))
        assert r.returncode == 3 and "cannot write" in one_line_error(r)
    finally:
        ro.chmod(0o755)


@pytest.mark.parametrize("name, text, words", [
    ("a.yaml", RECORD.replace("article: 0", "article: abc"), "article"),
    ("b.yaml", RECORD.replace("deadline: '2024-06-01'", "deadline: 2024-13-45"), "cannot be read"),
    ("c.json", "[" * 200_000, "nested"),
    ("d.yaml", "[" * 200_000, "YAML"),
])
def test_tasks_meets_broken_records_with_one_line(tmp_path, name, text, words):
    f = tmp_path / name
    f.write_text(text, encoding="utf-8")
    r = castdoc("tasks", str(f), "-f", "json")
    assert r.returncode == 3
    assert words in one_line_error(r)


def test_tasks_ics_with_24_00_on_the_last_day_of_9999(tmp_path):
    f = tmp_path / "a.yaml"
    f.write_text(RECORD.replace("deadline: '2024-06-01'", "deadline: '9999-12-31'\n  deadline_time: '24:00'"),
                 encoding="utf-8")
    r = castdoc("tasks", str(f), "-f", "ics")
    assert r.returncode == 0, r.stderr
    assert b"DUE;VALUE=DATE:99991231" in r.stdout


# --- 4: the identity check once per batch -----------------------------------------------------


def test_folder_sink_asks_about_each_input_once_not_once_per_output(tmp_path, monkeypatch):
    """Counting file-system look-ups: linear in the batch, where asking about every input
    for every output made 10,000 files a quadratic 42 minutes."""
    from castdoc.batch.outcome import Outcome
    from castdoc.batch.sinks import Folder
    from castdoc.report import Report

    n = 300
    src = tmp_path / "in"
    src.mkdir()
    paths = []
    for i in range(n):
        p = src / f"n{i}.txt"
        p.write_text("x", encoding="utf-8")
        paths.append(str(p))
    calls = {"n": 0}
    real_stat, real_resolve = os.stat, Path.resolve

    def counting_stat(*a, **k):
        calls["n"] += 1
        return real_stat(*a, **k)

    def counting_resolve(self, *a, **k):
        calls["n"] += 1
        return real_resolve(self, *a, **k)

    monkeypatch.setattr(os, "stat", counting_stat)
    monkeypatch.setattr(Path, "resolve", counting_resolve)
    sink = Folder(tmp_path / "out", paths, "yaml")
    report = Report(inputs=n)
    for i, p in enumerate(paths):
        sink.take(i, Outcome(path=p, text="kind: notice\n"), report)
    monkeypatch.undo()
    assert report.failed == 0 and len(list((tmp_path / "out").rglob("*.yaml"))) == n
    assert calls["n"] < 8 * n, calls  # quadratic would be n*n = 90,000


def test_update_and_fix_use_the_batch_inputs(tmp_path):
    from castdoc.check.records import write_records

    doc = tmp_path / "a.yaml"  # a document that happens to have a record's name
    doc.write_text("kind: notice\n", encoding="utf-8")
    with pytest.raises(ValueError):
        write_records(doc, [{"kind": "notice"}], documents=Inputs([str(doc)]))


# --- 9: write failure summary, umask ---------------------------------------------------------


def test_batch_summary_says_outputs_could_not_be_written(tmp_path, monkeypatch, capsys):
    from castdoc.report import Report

    import castdoc.report

    monkeypatch.setattr(castdoc.report, "_console", None)  # made afresh on the captured stderr
    r = Report(inputs=3)
    r.failure(WriteError("cannot write: no space left on the disk", path="o/a.yaml"), written=False)
    r.failure(CastdocError("file is empty", path="b.txt"))
    r.summary()
    err = capsys.readouterr().err
    assert "1 of 3 inputs could not be read" in err and "1 of 3 outputs could not be written" in err


def test_records_are_written_with_the_umasks_mode(tmp_path):
    from castdoc.writeout import write_atomic

    old = os.umask(0o022)
    try:
        write_atomic(tmp_path / "a.yaml", "kind: notice\n")
        assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o644
        os.umask(0o077)
        write_atomic(tmp_path / "b.yaml", "kind: notice\n")
        assert stat.S_IMODE((tmp_path / "b.yaml").stat().st_mode) == 0o600
    finally:
        os.umask(old)


def test_the_named_fallback_honours_the_umask_and_cleans_up(tmp_path, monkeypatch):
    import castdoc.writeout as writeout

    monkeypatch.setattr(writeout, "_write_anonymous", lambda target, data: False)
    old = os.umask(0o022)
    try:
        writeout.write_atomic(tmp_path / "a.yaml", "kind: notice\n")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "a.yaml").stat().st_mode) == 0o644

    def boom(*a):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError):
        writeout.write_atomic(tmp_path / "b.yaml", "kind: notice\n")
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_an_anonymous_write_that_fails_midway_leaves_nothing(tmp_path, monkeypatch):
    import castdoc.writeout as writeout

    real_write = os.write

    def fail_write(fd, data):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "write", fail_write)
    with pytest.raises(OSError):
        writeout.write_atomic(tmp_path / "a.yaml", "kind: notice\n" * 1000)
    monkeypatch.setattr(os, "write", real_write)
    assert list(tmp_path.iterdir()) == []


def test_parse_output_dir_that_is_a_file_is_a_usage_error(tmp_path):
    doc = tmp_path / "n.txt"
    doc.write_text("关于开展科普周活动的通知\n", encoding="utf-8")
    (tmp_path / "out").write_text("x", encoding="utf-8")
    r = castdoc("parse", str(doc), "-o", str(tmp_path / "out"))
    assert r.returncode == 2 and "is a file" in one_line_error(r)


def test_a_temporary_file_left_by_a_killed_writer_is_swept_by_the_next(tmp_path, monkeypatch):
    import castdoc.writeout as writeout

    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    stale = tmp_path / f".a.yaml.{gone}-x1y2z3.tmp"
    stale.write_text("half a rec", encoding="utf-8")
    mine = tmp_path / f".b.yaml.{os.getpid()}-q1w2e3.tmp"
    mine.write_text("in flight", encoding="utf-8")
    monkeypatch.setattr(writeout, "_write_anonymous", lambda target, data: False)
    monkeypatch.setattr(writeout, "_SWEPT", set())
    writeout.write_atomic(tmp_path / "c.yaml", "kind: notice\n")
    assert not stale.exists() and mine.exists()


def test_report_never_writes_over_the_page_it_reads(tmp_path):
    page = tmp_path / "p.html"
    text = "<html><body><h1>关于开展科普周活动的通知</h1><p>请各区科协报送方案。</p></body></html>"
    page.write_text(text, encoding="utf-8")
    r = castdoc("report", str(page), "-o", str(page))
    assert r.returncode == 2 and "one of the inputs" in one_line_error(r)
    assert page.read_text(encoding="utf-8") == text


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_an_output_that_is_a_fifo_is_written_into_not_replaced(tmp_path):
    import stat as st
    import threading

    fifo = tmp_path / "t.csv"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()))
    reader.start()
    write_output(fifo, "deadline,task\n")
    reader.join(10)
    assert got == [b"deadline,task\n"] and st.S_ISFIFO(fifo.stat().st_mode)
