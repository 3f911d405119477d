"""The schema is the contract: shipped copy == repo copy, and every record castdoc writes validates."""
from __future__ import annotations

import json

import pytest

from castdoc.pipeline import parse_text
from castdoc.record import to_dict
from castdoc.schema import schema, schema_text, validate
from conftest import ROOT, SAMPLES


def test_shipped_schema_matches_repo_copy():
    assert json.loads((ROOT / "schemas" / "castdoc-record.schema.json").read_text(encoding="utf-8")) == schema()


def test_schema_is_draft_2020_12_and_valid():
    from jsonschema import Draft202012Validator

    Draft202012Validator.check_schema(schema())
    assert schema()["$schema"].endswith("2020-12/schema")


def test_record_keys_follow_schema_order():
    (rec,) = parse_text("各单位:\n请于5月1日前报送材料，逾期不予受理，请各单位认真组织申报工作。\n某市科协\n2024年4月1日\n")
    d = to_dict(rec)
    props = list(schema()["properties"])
    assert list(d) == [k for k in props if k in d]
    assert set(schema()["required"]) <= set(d)


def _sample_texts():
    files = sorted(SAMPLES.glob("*.txt")) if SAMPLES.is_dir() else []
    return files or [None]


@pytest.mark.parametrize("path", _sample_texts(), ids=lambda p: p.name if p else "none")
def test_sample_records_validate(path):
    if path is None:
        pytest.skip("no samples yet")
    from castdoc.pipeline import parse_path

    for rec in parse_path(path):
        assert validate(to_dict(rec)) == []


def test_seed_and_corpus_records_validate(shared):
    from castdoc.pipeline import parse_path

    files = sorted((shared / "corpus").glob("*.txt")) + sorted((shared / "seeds").glob("*.txt"))
    for f in files:
        for rec in parse_path(f):
            errs = validate(to_dict(rec))
            assert errs == [], f"{f.name}: {errs}"


def test_validation_points_at_the_field():
    (rec,) = parse_text("各单位:\n请于5月1日前报送材料，逾期不予受理，请各单位认真组织申报工作。\n")
    d = to_dict(rec)
    d["people"] = [{"name": "张三", "roles": "主席"}]
    d["issued"] = "2024-13-45x"
    paths = [p for p, _ in validate(d)]
    assert "people[0].roles" in paths
    assert "issued" in paths


def test_schema_command_prints_schema():
    from typer.testing import CliRunner

    from castdoc.cli import app

    out = CliRunner().invoke(app, ["schema"])
    assert out.exit_code == 0
    assert json.loads(out.stdout) == json.loads(schema_text())
