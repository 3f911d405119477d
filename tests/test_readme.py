"""The README's examples run as written, from the repository root."""
from __future__ import annotations

import re
import shlex
import subprocess
import sys

import pytest

from conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
EXAMPLES = re.findall(r"^\$ (castdoc [^\n]+)$", README, flags=re.M)
EXPECTED_EXIT = {"check": 1}  # the sample archive holds faulty documents on purpose


def test_readme_has_the_two_setup_commands():
    assert "pip install . && .venv/bin/castdoc parse samples/notice.txt" in README
    assert "pip install '.[test]' && .venv/bin/python -m pytest" in README
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install -q '.[test]' && .venv/bin/python -m pytest" in ci


@pytest.mark.parametrize("line", EXAMPLES)
def test_readme_example_runs(line):
    args = shlex.split(line)[1:]
    r = subprocess.run([sys.executable, "-m", "castdoc", *args], cwd=ROOT, capture_output=True, timeout=300)
    assert r.returncode == EXPECTED_EXIT.get(args[0], 0), r.stderr.decode()
    assert r.stdout.strip()
    assert b"Traceback" not in r.stderr


def test_readme_documents_every_exit_code():
    from castdoc import report

    for code in (report.OK, report.FINDINGS, report.USAGE, report.UNREADABLE):
        assert f"| {code} |" in README
