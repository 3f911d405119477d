"""``castdoc tasks``: loading records safely, filtering, sorting, and every output format."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import subprocess
import sys

import pytest

from castdoc import tasklist
from castdoc.tasklist import TaskRow
from castdoc.types import Task

D = dt.date


def row(*, document: str = "", source: str = "", offset: int = 0, **task) -> TaskRow:
    """A row as ``tasks`` builds it: the Task, and the document it comes from."""
    return TaskRow(task=Task(start=offset, **task), document=document, source=source)

NOTICE = """关于报送科普活动总结的通知

各市科协：

一、请各市科协于2024年6月10日下午5:00前将活动总结报送省科协科普部。
二、各市科协要认真组织科普日活动，扩大活动影响。

联系人：林芳，电话：020-83000000

广东省科学技术协会
2024年5月20日
"""

SECOND = """关于召开学会秘书长会议的通知

各省级学会：

定于2024年3月5日上午9:00召开学会秘书长会议。请各学会于3月1日前将参会回执发送至学会部。

广东省科学技术协会
2024年2月20日
"""


def run(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "castdoc", *args], capture_output=True, cwd=cwd)


def rows():
    return [
        row(id="a1", text="请各单位报送总结", actor="各市科协", deadline=D(2024, 6, 10), deadline_time="17:00",
                document="关于报送总结的通知", source="a.txt", section=("一、",), contact="林芳"),
        row(id="b2", text="=HYPERLINK(\"http://x\")", actor="+各学会", deadline=D(2024, 3, 1),
                document="-会议通知", source="b.txt", contact="@张三"),
        row(id="c3", text="要加强组织领导", actor="各级科协组织", document="意见", source="c.txt"),
        row(id="d4", text="请及时报告", actor=None, deadline=D(2024, 4, 30), document="\t通报", source="d.txt"),
    ]


# ---------------------------------------------------------------- filters and order
def test_sorted_by_deadline_undated_last():
    assert [r.task.id for r in tasklist.select(rows())] == ["b2", "d4", "a1", "c3"]


@pytest.mark.parametrize("kw,ids", [
    (dict(due_before=D(2024, 4, 30)), ["b2", "d4"]),
    (dict(due_after=D(2024, 4, 30)), ["d4", "a1"]),
    (dict(due_before=D(2024, 6, 1), due_after=D(2024, 3, 2)), ["d4"]),
    (dict(actor="科协"), ["a1", "c3"]),
    (dict(actor="各学会"), ["b2"]),
    (dict(actor="科協"), []),
    (dict(overdue=True, today=D(2024, 5, 1)), ["b2", "d4"]),
    (dict(overdue=True, today=D(2024, 3, 1)), []),
])
def test_filters(kw, ids):
    assert [r.task.id for r in tasklist.select(rows(), **kw)] == ids


def test_actor_filter_folds_width():
    r = row(id="x", text="t", actor="各县（市、区）科协")
    assert tasklist.select([r], actor="(市、区)") == [r]


# ---------------------------------------------------------------- formats
def test_csv_has_bom_and_neutralises_formulas():
    out = tasklist.render(tasklist.select(rows()), "csv")
    assert out.startswith("\ufeff")
    table = list(csv.reader(io.StringIO(out[1:])))
    assert table[0] == list(tasklist.COLUMNS)
    b2 = table[1]
    assert b2[:4] == ["2024-03-01", "'+各学会", "'=HYPERLINK(\"http://x\")", "'-会议通知"]
    assert b2[5] == "'@张三"
    assert table[2][3] == "'\t通报"
    assert table[3][0] == "2024-06-10 17:00"
    for row in table[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@", "\t", "\r")) for cell in row)


def test_csv_opens_as_utf8_in_excel_terms(tmp_path):
    target = tmp_path / "t.csv"
    from castdoc.writeout import write_atomic

    write_atomic(target, tasklist.render(rows(), "csv"))
    data = target.read_bytes()
    assert data[:3] == b"\xef\xbb\xbf"
    assert "各市科协".encode("utf-8") in data


def test_ics_round_trip():
    from icalendar import Calendar

    now = dt.datetime(2024, 1, 2, 3, 4, 5, tzinfo=dt.timezone.utc)
    text = tasklist.render(tasklist.select(rows()), "ics", now=now)
    cal = Calendar.from_ical(text)
    assert str(cal["VERSION"]) == "2.0" and "castdoc" in str(cal["PRODID"])
    todos = [c for c in cal.walk("VTODO")]
    assert [str(t["UID"]) for t in todos] == ["b2@castdoc", "d4@castdoc", "a1@castdoc"]  # c3 has no date
    due = {str(t["UID"]): t.decoded("DUE") for t in todos}
    assert due["b2@castdoc"] == D(2024, 3, 1)
    assert due["a1@castdoc"] == dt.datetime(2024, 6, 10, 17, 0)
    a1 = todos[2]
    assert str(a1["SUMMARY"]) == "请各单位报送总结"
    assert "各市科协" in str(a1["DESCRIPTION"]) and "a.txt" in str(a1["DESCRIPTION"])
    assert a1.decoded("DTSTAMP") == now
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75  # folded as RFC 5545 asks


def test_json_and_markdown():
    data = json.loads(tasklist.render(rows(), "json"))
    assert data[0]["deadline"] == "2024-06-10" and data[0]["section"] == ["一、"] and data[0]["id"] == "a1"
    md = tasklist.render([row(id="x", text="甲|乙", actor="各单位")], "markdown")
    assert md.splitlines()[2] == "|  | 各单位 | 甲\\|乙 |  |  |  |"


def test_table_treats_brackets_as_text():
    out = tasklist.render([row(id="x", text="[bold]请报送[/bold]", actor="各单位")], "table")
    assert "[bold]请报送[/bold]" in out


# ---------------------------------------------------------------- reading records
def test_yaml_records_from_castdoc_parse(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text(NOTICE, encoding="utf-8")
    (docs / "b.txt").write_text(SECOND, encoding="utf-8")
    records = tmp_path / "records"
    r = run("parse", str(docs), "-o", str(records))
    assert r.returncode == 0, r.stderr.decode()
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "castdoc", "tasks", str(records), "--format", "json"],
                       capture_output=True)
    assert r.returncode == 0, r.stderr.decode()
    assert "jieba" not in r.stderr.decode()  # records need no NLP
    got = json.loads(r.stdout)
    assert [(x["deadline"], x["deadline_time"], x["actor"], x["text"], x["document"]) for x in got] == [
        ("2024-03-01", None, "各学会", "请各学会于3月1日前将参会回执发送至学会部", "关于召开学会秘书长会议的通知"),
        ("2024-06-10", "17:00", "各市科协", "请各市科协于2024年6月10日下午5:00前将活动总结报送省科协科普部",
         "关于报送科普活动总结的通知"),
        (None, None, "各市科协", "各市科协要认真组织科普日活动，扩大活动影响", "关于报送科普活动总结的通知"),
    ]
    assert got[1]["contact"] == "林芳" and got[1]["deliverable"] == "总结" and got[1]["section"] == ["一、"]


def test_documents_and_records_agree(tmp_path):
    doc = tmp_path / "a.txt"
    doc.write_text(NOTICE, encoding="utf-8")
    from castdoc.pipeline import parse_path
    from castdoc.record import dump_yaml, to_dict

    rec = tmp_path / "rec" / "a.yaml"
    rec.parent.mkdir()
    rec.write_text(dump_yaml([to_dict(r) for r in parse_path(doc)]), encoding="utf-8")
    from_doc = tasklist.load([str(doc)], on_error=pytest.fail)
    from_rec = tasklist.load([str(rec)], on_error=pytest.fail)
    assert [(r.task.id, r.task.deadline, r.task.text) for r in from_doc] == [(r.task.id, r.task.deadline, r.task.text) for r in from_rec]


def test_folder_prefers_the_record_beside_its_document(tmp_path):
    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "a.yaml").write_text("kind: notice\ntasks: []\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.json").write_text("[]", encoding="utf-8")
    (tmp_path / "n.gold.yaml").write_text("tasks: []\n", encoding="utf-8")
    got = [p.replace(str(tmp_path), "") for p in tasklist.expand([str(tmp_path)])]
    assert got == ["/a.yaml", "/sub/b.json"]


def test_malicious_yaml_is_refused_and_nothing_runs(tmp_path):
    marker = tmp_path / "pwned"
    bad = tmp_path / "bad.yaml"
    bad.write_text(f'kind: notice\ntasks: !!python/object/apply:os.system ["touch {marker}"]\n', encoding="utf-8")
    good = tmp_path / "good.yaml"
    good.write_text("kind: notice\ntitle: 通知\ntasks:\n  - {id: t1, text: 请报送材料, actor: 各单位, deadline: 2024-05-01}\n",
                    encoding="utf-8")
    r = run("tasks", str(bad), str(good), "--format", "json")
    assert not marker.exists()
    err = r.stderr.decode().strip().splitlines()
    assert len(err) == 1 and "bad.yaml" in err[0] and "refused" in err[0]
    assert r.returncode == 1
    assert [x["id"] for x in json.loads(r.stdout)] == ["t1"]
    assert json.loads(r.stdout)[0]["deadline"] == "2024-05-01"


@pytest.mark.parametrize("content,needle", [
    ("tasks: [unclosed\n", "not valid YAML"),
    ("- 1\n- 2\n", "not a castdoc record"),
    ("{\"tasks\": 3}", "not a castdoc record"),
])
def test_bad_record_files_are_one_error_each(tmp_path, content, needle):
    suffix = ".json" if content.startswith("{") else ".yaml"
    bad = tmp_path / f"bad{suffix}"
    bad.write_text(content, encoding="utf-8")
    errors = []
    assert tasklist.load([str(bad)], on_error=errors.append) == []
    assert len(errors) == 1 and needle in errors[0].line()


def test_cli_output_file_and_usage_errors(tmp_path):
    good = tmp_path / "good.yaml"
    good.write_text("kind: notice\ntasks:\n  - {id: t1, text: 请报送材料, deadline: '2024-05-01'}\n", encoding="utf-8")
    out = tmp_path / "tasks.ics"
    r = run("tasks", str(good), "-o", str(out))
    assert r.returncode == 0 and r.stdout == b"", r.stderr.decode()
    assert "UID:t1@castdoc" in out.read_text(encoding="utf-8")
    r = run("tasks", str(good), "--due-before", "May 1")
    assert r.returncode == 2 and b"YYYY-MM-DD" in r.stderr
    r = run("tasks", str(tmp_path / "missing.yaml"))
    assert r.returncode == 3


def test_tasks_has_help():
    r = run("tasks", "--help")
    assert r.returncode == 0 and b"--due-before" in r.stdout
