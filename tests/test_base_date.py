"""``--base-date`` on parse, tasks and show: a document with no date of its own read as
written on that day, and the record says the year was supplied."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import castdoc

BULLETIN = "省科协召开科技工作者座谈会\n\n5月28日上午，省科协召开科技工作者座谈会。次日，与会代表参观了科普基地。\n"
UNDATED_NOTICE = ("关于报送科普活动计划的通知\n\n各区科协：\n\n    请各区科协于6月5日前将科普活动计划报送市科协科普部，"
                  "并于明天下午5点前确定联系人。\n\n某市科学技术协会\n")


def run(*args):
    env = dict(os.environ, PYTHONPATH=str(Path(castdoc.__file__).parent.parent), COLUMNS="200")
    return subprocess.run([sys.executable, "-m", "castdoc", *args], capture_output=True, env=env)


@pytest.fixture
def bulletin(tmp_path):
    p = tmp_path / "bulletin.txt"
    p.write_text(BULLETIN, encoding="utf-8")
    return p


@pytest.fixture
def undated(tmp_path):
    p = tmp_path / "notice.txt"
    p.write_text(UNDATED_NOTICE, encoding="utf-8")
    return p


def test_parse_without_base_date_keeps_the_date_undated(bulletin):
    r = run("parse", str(bulletin))
    assert r.returncode == 0, r.stderr.decode()
    (rec,) = yaml.safe_load_all(r.stdout.decode("utf-8"))
    d = rec["dates"][0]
    assert (d["text"], d["start"], d["month"], d["day"]) == ("5月28日上午", None, 5, 28)


def test_parse_with_base_date_resolves_and_says_so(bulletin):
    r = run("parse", str(bulletin), "--base-date", "2024-05-30", "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    (rec,) = json.loads(r.stdout)
    got = [(d["text"], d["start"], d.get("year_supplied")) for d in rec["dates"]]
    assert got == [("5月28日上午", "2024-05-28", True), ("次日", "2024-05-29", True)]


def test_a_bad_base_date_is_one_line_and_exit_2(bulletin):
    r = run("parse", str(bulletin), "--base-date", "2024-13-01")
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "--base-date" in err and "YYYY-MM-DD" in err and "Traceback" not in err


def test_tasks_with_base_date(undated):
    r = run("tasks", str(undated), "--base-date", "2024-06-01", "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    rows = json.loads(r.stdout)
    deadlines = {row["deadline"] for row in rows}
    assert "2024-06-05" in deadlines
    r = run("tasks", str(undated), "--format", "json")
    assert {row["deadline"] for row in json.loads(r.stdout)} == {None}


def test_show_counts_every_date_found(bulletin):
    r = run("show", str(bulletin))
    assert r.returncode == 0, r.stderr.decode()
    assert "2 without a year" in r.stdout.decode()
    r = run("show", str(bulletin), "--base-date", "2024-05-30")
    out = r.stdout.decode()
    assert "2 dated" in out and "2 with the year from --base-date" in out
