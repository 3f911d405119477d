"""Incremental check: unchanged documents are not read again; anything that matters is."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from castdoc.check import pair as check_pair  # where a pair's document is read
from castdoc.check import state as check_state
from castdoc.cli import app

runner = CliRunner()

# Our own words: three small notices, one with a bracket the format rules report.
DOCS = {
    "a.txt": "某市科学技术协会关于举办科普讲解大赛的通知\n\n某科协发【2024】第03号\n\n各区科协：\n\n"
             "请于2024年3月1日前报送报名表。\n\n联系人：王明，电话：0571-87650001\n\n某市科学技术协会\n2024年2月1日\n",
    "b.txt": "某省科协关于开展学会服务站建设的通知\n\n各市科协：\n\n一、工作目标\n\n建成一批服务站。\n\n"
             "请各市科协于2024年6月30日前报送工作总结。\n\n某省科学技术协会\n2024年4月2日\n",
    "c.txt": "市科协召开科技工作者座谈会\n\n本报讯（记者 李静）3月15日，市科协召开科技工作者座谈会。\n",
}


@pytest.fixture
def archive(tmp_path) -> Path:
    d = tmp_path / "arch"
    d.mkdir()
    for name, text in DOCS.items():
        (d / name).write_text(text, encoding="utf-8")
    r = runner.invoke(app, ["parse", "--update", str(d), "-q", "-j", "1"])
    assert r.exit_code == 0, r.output
    return d


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """The documents check reads (parses), in this process."""
    seen: list[str] = []
    real = check_pair._read

    def counting(doc, limits):
        seen.append(Path(doc).name)
        return real(doc, limits)

    monkeypatch.setattr(check_pair, "_read", counting)
    return seen


def check(*args: str):
    r = runner.invoke(app, ["check", *args, "-j", "1", "--format", "json"])
    return r.exit_code, json.loads(r.stdout)["findings"]


def test_an_unchanged_archive_is_not_read_again(archive, reads):
    first = check(str(archive))
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt"]
    assert (archive / check_state.STATE_NAME).is_file()
    reads.clear()
    assert check(str(archive)) == first
    assert reads == []
    assert any(f["rule"] == "CD101" for f in first[1])  # the findings came back, not an empty report


def test_a_changed_document_or_record_is_read_again(archive, reads):
    check(str(archive))
    reads.clear()
    (archive / "b.txt").write_text(DOCS["b.txt"].replace("6月30日", "7月31日"), encoding="utf-8")
    code, found = check(str(archive))
    assert reads == ["b.txt"]
    assert {f["rule"] for f in found if f["file"].endswith("b.yaml")} == {"CD021"}  # source changed
    reads.clear()
    rec = archive / "c.yaml"
    rec.write_text(rec.read_text(encoding="utf-8").replace("kind: bulletin", "kind: notice"), encoding="utf-8")
    code, found = check(str(archive))
    assert reads == ["c.txt"]  # c's record changed; b's new state was kept last time …
    assert any(f["file"].endswith("b.yaml") and f["rule"] == "CD021" for f in found)  # … and still reports it
    assert any(f["file"].endswith("c.yaml") and f["rule"] in ("CD020", "CD010") for f in found)


def test_full_reads_everything(archive, reads):
    check(str(archive))
    reads.clear()
    check(str(archive), "--full")
    assert sorted(reads) == ["a.txt", "b.txt", "c.txt"]


def test_configuration_applies_to_kept_findings_without_a_new_read(archive, reads):
    _, before = check(str(archive))
    reads.clear()
    _, after = check(str(archive), "--ignore", "CD101")
    assert reads == []
    assert any(f["rule"] == "CD101" for f in before) and not any(f["rule"] == "CD101" for f in after)


def test_another_build_or_a_damaged_state_reads_everything(archive, reads, monkeypatch):
    _, first = check(str(archive))
    state = archive / check_state.STATE_NAME
    state.write_text('{"version": 1, "key": "x", "documents": {"a.txt": 3}}', encoding="utf-8")
    reads.clear()
    assert check(str(archive))[1] == first
    assert len(reads) == 3
    data = json.loads(state.read_text(encoding="utf-8"))
    data["documents"]["a.txt"]["findings"] = [{"rule": 5}]  # a finding of the wrong shape: a miss
    state.write_text(json.dumps(data), encoding="utf-8")
    reads.clear()
    assert check(str(archive))[1] == first
    assert reads == ["a.txt"]
    monkeypatch.setattr(check_state, "build_id", lambda: "another castdoc")
    reads.clear()
    check(str(archive))
    assert len(reads) == 3


def test_fix_reads_what_it_must_rewrite(archive, reads):
    check(str(archive))
    (archive / "a.yaml").unlink()
    reads.clear()
    r = runner.invoke(app, ["check", str(archive), "--fix", "-j", "1"])
    assert (archive / "a.yaml").is_file(), r.output
    assert reads == ["a.txt"]


def test_workers_and_the_state_give_the_same_report(archive):
    one = check(str(archive), "--full")
    r = runner.invoke(app, ["check", str(archive), "-j", "2", "--format", "json"])
    assert json.loads(r.stdout)["findings"] == one[1]
    (archive / "a.txt").write_text(DOCS["a.txt"] + "\n", encoding="utf-8")
    r2 = runner.invoke(app, ["check", str(archive), "-j", "2", "--format", "json", "--full"])
    r3 = runner.invoke(app, ["check", str(archive), "-j", "2", "--format", "json"])
    assert r2.stdout == r3.stdout


def test_the_state_file_holds_no_code_and_names_documents_relative(archive):
    check(str(archive))
    data = json.loads((archive / check_state.STATE_NAME).read_text(encoding="utf-8"))
    assert set(data["documents"]) == {"a.txt", "b.txt", "c.txt"}
    assert data["version"] == check_state.VERSION


def test_the_plain_report_is_what_rich_writes_line_by_line(monkeypatch):
    """Written directly when not on a terminal, the human report is byte for byte what
    rich prints for it, wide characters, tabs and control characters included."""
    import io
    import re

    from castdoc.check import output
    from castdoc.check.findings import CheckResult, Finding

    found = (
        Finding(rule="CD101", name="doc-number-brackets", severity="error", file="a.txt", line=3, column=6,
                message="发文字号 嘉科协【2022】第3号 puts the year in 【】", excerpt="嘉科协\t【2022】第3号", hint="write 〔2022〕"),
        Finding(rule="CD020", name="stale-record", severity="error", file="a.yaml", line=1, message="stale\rrecord",
                detail="--- record  title\n+++ source  title\n-title: 旧\x07\n+title: 新\tx", document="a.txt"),
        Finding(rule="CD120", name="title-no-kind", severity="warning", file="b.txt", message="[bold]x[/] :smile: \x1b[31m"),
    )
    result = CheckResult(findings=found, documents=2, records=1)
    fast = io.StringIO()
    output.render_human(result, fast)
    monkeypatch.setattr(output, "_RICH_CHANGES", re.compile(r"^"))  # every line through rich
    slow = io.StringIO()
    output.render_human(result, slow)
    assert fast.getvalue() == slow.getvalue()
    assert "嘉科协" in fast.getvalue() and "\t" not in fast.getvalue()
