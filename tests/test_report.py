"""One Report per command: counts, stderr lines and the exit code, the same for every command."""
from __future__ import annotations

import pytest
from typer.testing import CliRunner

from castdoc import report
from castdoc.cli import app
from castdoc.errors import ReadError
from castdoc.report import Report


@pytest.mark.parametrize("failed, inputs, code", [(0, 3, report.OK), (1, 3, report.FINDINGS), (3, 3, report.UNREADABLE)])
def test_a_batch_fails_with_3_only_when_no_input_was_read(failed, inputs, code, capsys):
    r = Report(inputs=inputs)
    for _ in range(failed):
        r.failure(ReadError("file is empty", path="a.txt"))
    assert r.exit_code == code
    assert capsys.readouterr().err.count("a.txt: file is empty") == failed


def test_check_fails_with_3_for_any_unreadable_source_and_1_for_errors():
    assert Report.of_check(unreadable=1, errors=5).exit_code == report.UNREADABLE
    assert Report.of_check(unreadable=0, errors=2).exit_code == report.FINDINGS
    assert Report.of_check(unreadable=0, errors=0).exit_code == report.OK


def test_quiet_keeps_notes_and_the_summary_off_stderr(capsys):
    r = Report(quiet=True, inputs=2)
    r.note("wrote a.yaml")
    r.failure(ReadError("file is empty", path="b.txt"))
    r.summary()
    assert capsys.readouterr().err.splitlines() == ["error: b.txt: file is empty"]


@pytest.mark.parametrize("args, code, line", [
    (["tasks", "x.yaml", "--due-before", "May 1"], 2, "error: --due-before takes a date as YYYY-MM-DD, not 'May 1'"),
    (["parse", "--update", "-"], 2, "error: --update writes records beside the documents"),
    (["show", "missing.txt"], 3, "error: missing.txt: no such file"),
])
def test_every_command_turns_a_castdoc_error_into_one_line_in_process(args, code, line, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = CliRunner().invoke(app, args)
    assert r.exit_code == code
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert r.stderr.startswith(line) and len(r.stderr.strip().splitlines()) == 1
