"""Start-up: option values without pydantic, the same answers and errors as before."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "samples" / "notice.txt"


def test_a_parse_imports_no_pydantic(tmp_path):
    code = (
        "import sys\n"
        "from castdoc.cli import app\n"
        "try:\n"
        f"    app(['parse', {str(NOTICE)!r}, '-f', 'jsonl', '-j', '1', '--max-size', '5', '--timeout', '30', '-q',"
        f" '-o', {str(tmp_path)!r}])\n"
        "except SystemExit as e:\n"
        "    print('EXIT', e.code)\n"
        "print('PYDANTIC', 'pydantic' in sys.modules)\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "EXIT 0" in r.stdout and "PYDANTIC False" in r.stdout, r.stdout + r.stderr
    assert list(tmp_path.glob("*.jsonl"))


@pytest.mark.parametrize("args, words", [
    (["-j", "0"], "0 is smaller than the minimum 1"),
    (["-j", "two"], "'two' is not a valid integer"),
    (["-f", "xml"], "'xml' is not one of 'yaml', 'json', 'jsonl'"),
    (["--max-size", "big"], "'big' is not a valid number"),
])
def test_bad_values_are_one_clear_usage_error(args, words):
    from typer.testing import CliRunner

    from castdoc.cli import app

    r = CliRunner().invoke(app, ["parse", str(NOTICE), *args])
    assert r.exit_code == 2
    assert words in r.output
    assert "Traceback" not in r.output


def test_values_arrive_typed():
    from enum import Enum

    from castdoc.cli.coerce import PlainParam, _plain

    class Fmt(str, Enum):
        a = "a"
        b = "b"

    class P:
        multiple, nargs = False, 1

    class Many:
        multiple, nargs = False, -1

    class Info:
        min, max, case_sensitive = 1, None, True

    assert _plain(list[str]) == (str, True) and _plain(Path | None) == (Path, False)
    assert _plain(dict[str, int]) is None and _plain(int | str) is None
    assert PlainParam(int, False, Info).coerce("3", P, None) == 3
    assert PlainParam(Path, False, Info).coerce("x/y", P, None) == Path("x/y")
    assert PlainParam(Fmt, False, Info).coerce("b", P, None) is Fmt.b
    assert PlainParam(str, True, Info).coerce(("a", "b"), Many, None) == ["a", "b"]
    assert PlainParam(str, True, Info).coerce(None, Many, None) == ()
    assert PlainParam(bool, False, Info).coerce("yes", P, None) is True


def test_a_text_notice_imports_no_reader_report_or_cluster_module(tmp_path):
    """One .txt notice needs the pipeline and jieba only: no PDF or Word reader, no check,
    HTML report, spreadsheet, calendar or cluster code (each is imported where it is used)."""
    code = (
        "import sys\n"
        "from castdoc.cli import app\n"
        "try:\n"
        f"    app(['parse', {str(NOTICE)!r}, '-q', '-o', {str(tmp_path)!r}])\n"
        "except SystemExit as e:\n"
        "    print('EXIT', e.code)\n"
        "heavy = sorted(m for m in sys.modules if m.split('.')[0] in ('pypdfium2', 'pdfplumber', 'docx', 'openpyxl',"
        " 'icalendar', 'dask', 'distributed', 'jsonschema', 'rich', 'pydantic')"
        " or m.startswith(('castdoc.check', 'castdoc.htmlreport', 'castdoc.parse.pdf', 'castdoc.parse.docx', 'castdoc.xlsx')))\n"
        "print('HEAVY:' + ','.join(heavy))\n"
    )
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert "EXIT 0" in r.stdout, r.stdout + r.stderr
    assert r.stdout.strip().splitlines()[-1] == "HEAVY:", r.stdout
