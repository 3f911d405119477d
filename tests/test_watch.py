"""``castdoc watch``: an inbox read as documents land, records and a task list kept up to date."""
from __future__ import annotations

import csv
import io
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from castdoc import watch as watch_mod
from castdoc.batch import one
from castdoc.cli import app

NOTICE = ("关于报送{what}的通知\n\n各区科协：\n\n请各区科协于2024年{m}月{d}日前报送{what}。\n\n"
          "联系人：王明，电话：0571-87650001\n\n某市科学技术协会\n2024年3月1日\n")


def _tasks(path: Path) -> list[dict]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig"))))


@pytest.fixture
def parses(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = one.parse_in_process

    def counting(path, **kw):
        seen.append(Path(path).name)
        return real(path, **kw)

    monkeypatch.setattr(one, "parse_in_process", counting)
    return seen


def test_a_document_is_read_once_it_has_settled(tmp_path, parses):
    said: list[str] = []
    inbox = watch_mod.Inbox(tmp_path, say=said.append)
    assert inbox.poll() == 0 and not (tmp_path / "tasks.csv").exists()
    (tmp_path / "a.txt").write_text(NOTICE.format(what="工作总结", m=5, d=20), encoding="utf-8")
    assert inbox.poll() == 0  # just landed: maybe still being copied
    assert inbox.poll() == 1
    assert (tmp_path / "a.yaml").is_file()
    rows = _tasks(tmp_path / "tasks.csv")
    assert [r["deadline"] for r in rows] == ["2024-05-20"] and "工作总结" in rows[0]["task"]
    assert any(line.startswith("read: ") for line in said)
    assert inbox.poll() == 0 and parses == ["a.txt"]  # nothing new: nothing read


def test_a_file_still_growing_waits(tmp_path, parses):
    inbox = watch_mod.Inbox(tmp_path)
    doc = tmp_path / "b.txt"
    doc.write_text(NOTICE.format(what="申报表", m=6, d=1)[:20], encoding="utf-8")
    inbox.poll()
    doc.write_text(NOTICE.format(what="申报表", m=6, d=1), encoding="utf-8")  # the copy goes on
    assert inbox.poll() == 0
    assert inbox.poll() == 1
    assert parses == ["b.txt"]


def test_tasks_follow_the_inbox_sorted_and_a_bad_file_is_reported_once(tmp_path, parses):
    said: list[str] = []
    (tmp_path / "late.txt").write_text(NOTICE.format(what="年度总结", m=11, d=15), encoding="utf-8")
    (tmp_path / "soon.txt").write_text(NOTICE.format(what="报名表", m=4, d=2), encoding="utf-8")
    (tmp_path / "broken.docx").write_bytes(b"not a zip")
    inbox = watch_mod.Inbox(tmp_path, say=said.append, settle=False)
    inbox.poll()
    assert [r["deadline"] for r in _tasks(tmp_path / "tasks.csv")] == ["2024-04-02", "2024-11-15"]
    errors = [line for line in said if line.startswith("error: ")]
    assert len(errors) == 1 and "broken.docx" in errors[0]
    inbox.poll()
    assert parses.count("broken.docx") == 1  # not tried again until it changes
    (tmp_path / "soon.txt").unlink()
    inbox.poll()
    assert [r["deadline"] for r in _tasks(tmp_path / "tasks.csv")] == ["2024-11-15"]


def test_a_restarted_watcher_does_not_read_the_inbox_again(tmp_path, parses):
    (tmp_path / "a.txt").write_text(NOTICE.format(what="工作总结", m=5, d=20), encoding="utf-8")
    watch_mod.Inbox(tmp_path, settle=False).poll()
    assert parses == ["a.txt"]
    (tmp_path / "tasks.csv").unlink()
    again = watch_mod.Inbox(tmp_path, settle=False)
    again.poll()
    assert parses == ["a.txt"]  # its record was taken as it stands
    assert [r["deadline"] for r in _tasks(tmp_path / "tasks.csv")] == ["2024-05-20"]


def test_records_folder_and_ics_task_list(tmp_path):
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "a.txt").write_text(NOTICE.format(what="工作总结", m=5, d=20), encoding="utf-8")
    r = CliRunner().invoke(app, ["watch", str(inbox), "--once", "--records", str(tmp_path / "rec"),
                                 "--tasks", str(tmp_path / "tasks.ics"), "-q"])
    assert r.exit_code == 0, r.output
    assert (tmp_path / "rec" / "a.yaml").is_file() and not (inbox / "a.yaml").exists()
    assert "BEGIN:VTODO" in (tmp_path / "tasks.ics").read_text(encoding="utf-8")


def test_watch_loops_until_stopped(tmp_path):
    (tmp_path / "a.txt").write_text(NOTICE.format(what="工作总结", m=5, d=20), encoding="utf-8")
    inbox = watch_mod.watch(tmp_path, interval=0.01, polls=3)
    assert (tmp_path / "a.yaml").is_file() and len(inbox.seen) == 1


def test_not_a_folder_is_a_usage_error(tmp_path):
    r = CliRunner().invoke(app, ["watch", str(tmp_path / "nowhere"), "--once"])
    assert r.exit_code == 2 and "not a folder" in r.output


def test_the_task_list_goes_through_the_output_guard(tmp_path):
    """A --tasks that names a watched document (a hard link to it) is refused in one line,
    the document left as it was, and the watch goes on."""
    inbox_dir = tmp_path / "inbox"
    inbox_dir.mkdir()
    doc = inbox_dir / "a.txt"
    doc.write_text(NOTICE.format(what="工作总结", m=5, d=20), encoding="utf-8")
    before = doc.read_bytes()
    link = tmp_path / "tasks.csv"
    os.link(doc, link)
    said: list[str] = []
    inbox = watch_mod.Inbox(inbox_dir, tasks=link, say=said.append, settle=False)
    assert inbox.poll() == 1
    assert doc.read_bytes() == before
    errors = [line for line in said if line.startswith("error: ")]
    assert len(errors) == 1 and "is one of the inputs" in errors[0] and "--tasks" in errors[0]
