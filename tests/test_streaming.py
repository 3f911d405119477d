"""Streaming output: ``--format json`` written as files come in, one valid array."""
from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

from castdoc.batch.outcome import Outcome
from castdoc.batch.sinks import JsonArray, Render, json_items
from castdoc.record import dump_json
from castdoc.report import Report

CASTDOC = [sys.executable, "-m", "castdoc"]
NOTICE = "关于举办第{n}期科普讲解培训班的通知\n\n各区科协：\n\n请于2024年5月{d}日前报送名单。\n\n某市科学技术协会\n2024年4月1日\n"


def _folder(tmp_path: Path, n: int) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    for i in range(n):
        (d / f"n{i:02d}.txt").write_text(NOTICE.format(n=i, d=1 + i % 27), encoding="utf-8")
    (d / "n05.docx").write_bytes(b"not a zip")  # one bad file in the middle of the batch
    return d


def test_items_are_the_array_dump_json_writes():
    recs = [{"a": 1, "b": ["x", {"c": "科协"}]}, {"a": 2, "b": []}, {}]
    assert "[\n" + json_items(recs[:2]) + ",\n" + json_items(recs[2:]) + "\n]\n" == dump_json(recs)


def test_each_file_is_written_when_it_arrives(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    sink = JsonArray()
    report = Report(quiet=True, inputs=2)
    sink.take(0, Outcome(path="a", text=json_items([{"k": 1}])), report)
    assert out.getvalue() == '[\n  {\n    "k": 1\n  }'  # before the end of the batch
    assert not hasattr(sink, "records")  # nothing kept
    sink.take(1, Outcome(path="b", text=json_items([{"k": 2}])), report)
    sink.close(report)
    assert json.loads(out.getvalue()) == [{"k": 1}, {"k": 2}]


def test_no_records_is_an_empty_array(monkeypatch):
    out = io.StringIO()
    monkeypatch.setattr(sys, "stdout", out)
    sink = JsonArray()
    sink.close(Report(quiet=True, inputs=0))
    assert out.getvalue() == "[]\n" == dump_json([])


def test_json_from_workers_is_one_valid_array_in_input_order(tmp_path):
    d = _folder(tmp_path, 12)
    js = subprocess.run([*CASTDOC, "parse", str(d), "-f", "json", "-j", "2", "-q"], capture_output=True, text=True,
                        timeout=300)
    jl = subprocess.run([*CASTDOC, "parse", str(d), "-f", "jsonl", "-j", "1", "-q"], capture_output=True, text=True,
                        timeout=300)
    assert js.returncode == jl.returncode == 1  # the bad file, reported; the rest written
    got = json.loads(js.stdout)
    assert got == [json.loads(line) for line in jl.stdout.splitlines()]
    assert [Path(r["source"]["path"]).name for r in got] == [f"n{i:02d}.txt" for i in range(12)]
    assert js.stdout == dump_json(got)


def test_render_json_items_is_picklable_for_spawned_workers():
    import pickle

    r = pickle.loads(pickle.dumps(Render("json-items")))
    assert r.fmt == "json-items"
