"""Golden cases: tests/cases/<id>.<ext> beside <id>.yaml. Adding a case is adding two files.

`pytest tests/test_golden.py --regen` rewrites the expected files from the current output;
review the diff before committing it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from castdoc.pipeline import parse_path
from castdoc.record import dump_yaml, to_dict

CASES = Path(__file__).parent / "cases"
INPUTS = sorted(p for p in CASES.glob("*") if p.suffix in {".txt", ".docx", ".pdf", ".html"})


def stable(rec: dict) -> dict:
    """What a golden file pins: everything but the version and where the file happened to lie."""
    rec = dict(rec)
    rec.pop("castdoc_version", None)
    src = dict(rec["source"])
    src.pop("path")
    rec["source"] = src
    return rec


@pytest.mark.parametrize("case", INPUTS, ids=lambda p: p.name)
def test_golden(case: Path, request):
    got = [stable(to_dict(r)) for r in parse_path(case)]
    expected_file = case.with_suffix(".yaml")
    if request.config.getoption("--regen"):
        expected_file.write_text(dump_yaml(got), encoding="utf-8")
    if not expected_file.exists():
        pytest.fail(f"{expected_file.name} is missing: run pytest {__file__} --regen and review it")
    expected = list(yaml.safe_load_all(expected_file.read_text(encoding="utf-8")))
    assert got == expected


def test_there_are_golden_cases():
    assert INPUTS, "tests/cases holds no documents"
