"""The office's workflow (issue 14): the Python API, the Excel workbook, the HTML report,
clean folder walks and -o DIR names, check profiles and reviewed fields, local names,
forwarded notices and the command-line conventions. Every text here is invented."""
from __future__ import annotations

import datetime as dt
import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, SAMPLES

CASTDOC = [sys.executable, "-m", "castdoc"]
ENV_ROOT = str(ROOT)

NOTICE = """某市科学技术协会文件

某市科协发〔2024〕8号

某市科协关于开展星城科普云推广工作的通知

各区科协：

为推动星城科普云建设，现就有关事项通知如下。
一、请各区科协于2024年6月10日前将推广方案报送市科协科普部。
二、各区科协要认真组织科普进社区活动。

联系人：王晓东，电话：0731-88880000

某市科学技术协会
2024年5月20日
"""

ORIGINAL = """某省科学技术协会

某科协发〔2024〕21号

某省科协关于开展2024年科普讲解大赛的通知

各市科协：

为提高科普讲解水平，省科协决定举办2024年科普讲解大赛。
请各市科协于2024年7月1日前将推荐选手名单报送省科协科普部。

某省科学技术协会
2024年5月10日
"""

FORWARDER = """某市科学技术协会

某市科协发〔2024〕9号

某市科协关于转发《某省科协关于开展2024年科普讲解大赛的通知》的通知

各区科协：

现将《某省科协关于开展2024年科普讲解大赛的通知》（某科协发〔2024〕21号）转发给你们，请认真组织。
请各区科协于2024年6月20日前将推荐选手名单报送市科协科普部。

附：某省科协关于开展2024年科普讲解大赛的通知
请各市科协于2024年7月1日前将推荐选手名单报送省科协科普部。

某市科学技术协会
2024年5月15日
"""


def run(*args, cwd=None, stdin: bytes | None = None, stdout=None):
    return subprocess.run(CASTDOC + list(args), cwd=cwd, input=stdin, capture_output=stdout is None,
                          stdout=stdout, timeout=300, env=_env())


def _env():
    import os

    env = dict(os.environ)
    env["PYTHONPATH"] = ENV_ROOT + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


# ---------------------------------------------------------------- Python API
def test_parse_a_sample_returns_records_with_a_title():
    import castdoc

    recs = castdoc.parse(SAMPLES / "notice.txt")
    assert recs and recs[0].title and recs[0].title.endswith("通知")
    again = castdoc.parse(str(SAMPLES / "notice.txt"))
    assert [r.title for r in again] == [r.title for r in recs]
    assert castdoc.Record.from_dict(recs[0].to_dict()).to_dict() == recs[0].to_dict()


def test_parse_takes_bytes_with_a_name_and_text_with_a_base_date():
    import castdoc

    by_bytes = castdoc.parse(NOTICE.encode("gb18030"), name="星城.txt")
    assert by_bytes[0].title == "某市科协关于开展星城科普云推广工作的通知"
    assert by_bytes[0].source.path == "星城.txt"
    pasted = "各单位：\n请各单位于5月20日前将申报材料报送市科协办公室。\n"
    assert castdoc.parse(pasted)[0].tasks[0].deadline is None
    assert castdoc.parse(pasted, base_date="2023-01-01")[0].tasks[0].deadline == dt.date(2023, 5, 20)


def test_tasks_from_records_and_paths(tmp_path):
    import castdoc

    (tmp_path / "a.txt").write_text(NOTICE, encoding="utf-8")
    rows = castdoc.tasks(tmp_path)
    assert rows[0].task.deadline == dt.date(2024, 6, 10) and rows[0].task.actor == "各区科协"
    rows2 = castdoc.tasks(castdoc.parse(tmp_path / "a.txt"), due_before="2024-06-30")
    assert [r.task.text for r in rows2] == [rows[0].task.text]


# ---------------------------------------------------------------- Excel
def _records_file(tmp_path: Path) -> Path:
    p = tmp_path / "r.yaml"
    p.write_text(yaml.safe_dump({"kind": "notice", "title": "关于报送材料的通知", "doc_number": "某科协发〔2024〕1号",
                                 "tasks": [{"id": "t1", "text": "=HYPERLINK(\"x\")请报送材料", "deadline": "2024-05-01",
                                            "actor": "各单位"},
                                           {"id": "t2", "text": "请认真总结"}]}, allow_unicode=True),
                 encoding="utf-8")
    return p


def test_xlsx_reads_back_with_date_cells_and_text_kept_text(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    out = tmp_path / "tasks.xlsx"
    r = run("tasks", str(_records_file(tmp_path)), "-o", str(out))  # the suffix picks xlsx
    assert r.returncode == 0, r.stderr.decode()
    wb = openpyxl.load_workbook(out)
    assert wb.sheetnames == ["tasks", "documents"]
    ws = wb["tasks"]
    assert ws["A1"].value == "deadline" and ws["A1"].font.b
    assert ws.freeze_panes == "A2" and ws.auto_filter.ref == "A1:J3"
    assert ws["A2"].is_date and ws["A2"].value.date() == dt.date(2024, 5, 1)
    assert ws["D2"].value.startswith("=HYPERLINK") and ws["D2"].data_type == "s"  # no formula
    assert ws.column_dimensions["D"].width > ws.column_dimensions["A"].width
    docs = list(wb["documents"].iter_rows(values_only=True))
    assert docs[1][:3] == ("关于报送材料的通知", "某科协发〔2024〕1号", 2)


def test_the_documents_sheet_lists_every_document_read(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    (tmp_path / "a-original.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b-forward.txt").write_text(FORWARDER, encoding="utf-8")
    (tmp_path / "c-none.txt").write_text("关于开会的通知\n各学会：\n定于5月1日开会。\n某市科协\n2024年4月1日\n",
                                         encoding="utf-8")
    out = tmp_path / "t.xlsx"
    assert run("tasks", str(tmp_path), "-o", str(out)).returncode == 0
    wb = openpyxl.load_workbook(out)
    docs = {row[0]: row for row in wb["documents"].iter_rows(min_row=2, values_only=True)}
    assert set(docs) == {"某省科协关于开展2024年科普讲解大赛的通知",
                         "某市科协关于转发《某省科协关于开展2024年科普讲解大赛的通知》的通知", "关于开会的通知"}
    assert docs["关于开会的通知"][2] == 0
    assert docs["某市科协关于转发《某省科协关于开展2024年科普讲解大赛的通知》的通知"][4] == "某省科协关于开展2024年科普讲解大赛的通知"
    also = [row[8] for row in wb["tasks"].iter_rows(min_row=2, values_only=True) if row[8]]
    assert also == ["某市科协关于转发《某省科协关于开展2024年科普讲解大赛的通知》的通知"]


@pytest.mark.parametrize("args, words", [
    (["--format", "xlsx", "-o", "tasks.csv"], "does not write .csv"),
    (["-o", "tasks.xls"], "cannot tell the format"),
    (["--format", "xlsx"], "give -o tasks.xlsx"),
    (["--format", "csv", "-o", "tasks.xlsx"], "does not write .xlsx"),
])
def test_output_suffix_and_format_must_agree(tmp_path, args, words):
    args = [a if not a.startswith("tasks.") else str(tmp_path / a) for a in args]
    r = run("tasks", str(_records_file(tmp_path)), *args)
    assert r.returncode == 2 and words in r.stderr.decode()
    assert not any(tmp_path.glob("tasks.*"))


@pytest.mark.parametrize("suffix, head", [(".csv", b"\xef\xbb\xbfdeadline"), (".json", b"["), (".md", b"| deadline"),
                                          (".ics", b"BEGIN:VCALENDAR")])
def test_output_suffix_picks_the_format(tmp_path, suffix, head):
    out = tmp_path / f"t{suffix}"
    assert run("tasks", str(_records_file(tmp_path)), "-o", str(out)).returncode == 0
    assert out.read_bytes().startswith(head)


# ---------------------------------------------------------------- HTML report
class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.refs: list[tuple[str, str, str]] = []
        self.tags: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        for k, v in attrs:
            if k in ("src", "href") and v is not None:
                self.refs.append((tag, k, v))


def _report(tmp_path) -> Path:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    (inbox / "notice.txt").write_text(NOTICE + "网址：http://www.example.org.cn/kp\n", encoding="utf-8")
    (inbox / "original.txt").write_text(ORIGINAL, encoding="utf-8")
    out = tmp_path / "report.html"
    r = run("report", str(inbox), "--today", "2024-06-20", "-o", str(out))
    assert r.returncode == 0, r.stderr.decode()
    return out


def test_report_is_one_page_with_the_tasks_and_no_external_url(tmp_path):
    out = _report(tmp_path)
    html = out.read_text(encoding="utf-8")
    p = _Links()
    p.feed(html)
    assert all(v.startswith("#") for _, _, v in p.refs), p.refs  # no http:, //, file: in any src/href
    assert "link" not in p.tags and "img" not in p.tags  # styles and script are in the page
    assert "请各区科协于2024年6月10日前将推广方案报送市科协科普部" in html
    assert '<tr class="overdue">' in html and '<tr class="soon">' in html  # 6-10 passed, 7-01 within 14 days
    assert '<mark class="platform" title="平台">星城科普云</mark>' not in html  # a local name, not configured here
    assert '<mark class="date"' in html and '<mark class="person"' in html
    assert 'id="timeline"' in html and 'id="tasks"' in html and html.count('<article class="doc"') == 2


def test_report_refuses_another_suffix(tmp_path):
    r = run("report", str(SAMPLES / "notice.txt"), "-o", str(tmp_path / "r.pdf"))
    assert r.returncode == 2 and b"report.html" in r.stderr


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_report_renders_in_headless_chromium(tmp_path):
    out = _report(tmp_path)
    args = [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", f"--user-data-dir={tmp_path / 'profile'}"]
    r = subprocess.run(args + ["--dump-dom", out.as_uri()], capture_output=True, timeout=120)
    dom = r.stdout.decode("utf-8")
    assert 'data-ready="yes"' in dom  # the script ran without an error
    assert '<button type="button">截止</button>' in dom  # the headers became sort buttons
    assert "请各区科协于2024年6月10日前将推广方案报送市科协科普部" in dom
    source = out.read_text(encoding="utf-8")
    # with scripts off the page is its source: every row the browser shows is already in it
    assert dom.count("<tr class=") == source.count("<tr class=") == 3


# ---------------------------------------------------------------- folders
def test_a_folder_with_a_readme_and_a_notice_gives_one_record(tmp_path):
    (tmp_path / "README.md").write_text("# 收文\n本文件夹存放收到的通知。\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text("2024年5月1日 新增\n", encoding="utf-8")
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    r = run("parse", str(tmp_path), "--format", "json")
    assert r.returncode == 0, r.stderr.decode()
    assert [Path(x["source"]["path"]).name for x in json.loads(r.stdout)] == ["notice.txt"]
    r = run("parse", str(tmp_path), "--glob", "README*", "--format", "json")
    assert [Path(x["source"]["path"]).name for x in json.loads(r.stdout)] == ["README.md"]
    r = run("parse", str(tmp_path / "README.md"), "--format", "json")
    assert r.returncode == 0 and len(json.loads(r.stdout)) == 1


def test_tasks_into_a_file_in_the_folder_it_reads(tmp_path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "README.md").write_text("# 说明\n", encoding="utf-8")
    with open(tmp_path / "t.md", "wb") as f:
        r = run("tasks", ".", "--format", "markdown", cwd=tmp_path, stdout=f)
    assert r.returncode == 0
    first = (tmp_path / "t.md").read_text(encoding="utf-8")
    assert first.startswith("| deadline") and "推广方案" in first
    with open(tmp_path / "t2.md", "wb") as f:  # the first list is castdoc's own output: not an input now
        assert run("tasks", ".", "--format", "markdown", cwd=tmp_path, stdout=f).returncode == 0
    assert (tmp_path / "t2.md").read_text(encoding="utf-8") == first


def test_output_dir_mirrors_the_input_tree(tmp_path):
    (tmp_path / "in" / "sub").mkdir(parents=True)
    (tmp_path / "in" / "a.txt").write_text(NOTICE, encoding="utf-8")
    (tmp_path / "in" / "sub" / "notice.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "in" / "sub" / "notice.md").write_text(ORIGINAL, encoding="utf-8")
    r = run("parse", str(tmp_path / "in"), "-o", str(tmp_path / "out"))
    assert r.returncode == 0, r.stderr.decode()
    got = sorted(p.relative_to(tmp_path / "out").as_posix() for p in (tmp_path / "out").rglob("*.yaml"))
    assert got == ["a.txt.yaml", "sub/notice.md.yaml", "sub/notice.txt.yaml"]
    r = run("parse", "sub/notice.txt", "-o", str(tmp_path / "out2"), cwd=tmp_path / "in")
    assert (tmp_path / "out2" / "sub" / "notice.txt.yaml").is_file()


# ---------------------------------------------------------------- local names
def test_a_platform_named_only_in_castdoc_toml_is_found(tmp_path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    before = json.loads(run("parse", str(tmp_path / "notice.txt"), "--format", "json").stdout)[0]
    assert "星城科普云" not in [p["name"] for p in before["platforms"]]
    (tmp_path / "names.txt").write_text("# 本地品牌\n科普进社区活动 initiative\n", encoding="utf-8")
    (tmp_path / "castdoc.toml").write_text('[lexicon]\nplatforms = ["星城科普云"]\npeople = ["王晓东"]\n'
                                           'files = ["names.txt"]\n', encoding="utf-8")
    rec = json.loads(run("parse", str(tmp_path / "notice.txt"), "--format", "json").stdout)[0]
    assert "星城科普云" in [p["name"] for p in rec["platforms"]]
    assert "科普进社区活动" in [p["name"] for p in rec["initiatives"]]
    assert "王晓东" in [p["name"] for p in rec["people"]]


def test_local_names_from_config_file_and_pyproject(tmp_path):
    import castdoc

    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "notice.txt").write_text(NOTICE, encoding="utf-8")
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text('[lexicon]\nplatforms = ["星城科普云"]\n', encoding="utf-8")
    rec = json.loads(run("parse", str(docs), "--config", str(cfg), "--format", "json").stdout)[0]
    assert "星城科普云" in [p["name"] for p in rec["platforms"]]
    (docs / "pyproject.toml").write_text('[tool.castdoc.lexicon]\nplatforms = ["星城科普云"]\n', encoding="utf-8")
    try:
        assert "星城科普云" in [p.name for p in castdoc.parse(docs / "notice.txt")[0].platforms]
    finally:
        _reset()


def _reset():
    from castdoc import config

    config.apply(config.Config())


def test_a_bad_lexicon_is_a_usage_error(tmp_path):
    (tmp_path / "castdoc.toml").write_text('[lexicon]\nplatform = ["x"]\n', encoding="utf-8")
    (tmp_path / "n.txt").write_text(NOTICE, encoding="utf-8")
    r = run("parse", str(tmp_path / "n.txt"))
    assert r.returncode == 2 and b"unknown key" in r.stderr


def test_registered_words_replace_the_last_list():
    from castdoc import nlp
    from castdoc.pipeline import parse_text

    try:
        nlp.register_words(platforms=["星城科普云"])
        assert "星城科普云" in [p.name for p in parse_text(NOTICE)[0].platforms]
        nlp.register_words()
        assert "星城科普云" not in [p.name for p in parse_text(NOTICE)[0].platforms]
        assert nlp.table().freq("星城科普云") is None  # taken out of the table again
    finally:
        _reset()


# ---------------------------------------------------------------- check profiles, reviewed
def _archive(tmp_path) -> Path:
    arch = tmp_path / "archive"
    arch.mkdir()
    src = sorted((ROOT.parent / "shared" / "corpus").glob("n*.txt"))[:8] if (ROOT.parent / "shared" / "corpus").is_dir() \
        else []
    for f in src or sorted(SAMPLES.glob("*.txt")) + sorted((SAMPLES / "archive").glob("*.txt")):
        shutil.copy(f, arch / f.name)
    r = run("parse", "--update", str(arch), "-q")
    assert r.returncode == 0, r.stderr.decode()
    return arch


def test_profile_received_passes_an_archive_made_by_parse_update(tmp_path):
    arch = _archive(tmp_path)
    r = run("check", str(arch), "--profile", "received")
    assert r.returncode == 0, r.stdout.decode()
    (arch / "castdoc.toml").write_text('[check]\nprofile = "received"\n', encoding="utf-8")
    assert run("check", str(arch)).returncode == 0


def test_profile_issued_holds_drafts_to_gbt_9704():
    r = run("check", str(SAMPLES / "archive"), "--profile", "issued", "--format", "json")
    rules = {f["rule"] for f in json.loads(r.stdout)["findings"]}
    assert any(x.startswith("CD1") for x in rules)
    r = run("check", str(SAMPLES / "archive"), "--profile", "received", "--format", "json")
    assert not any(f["rule"].startswith("CD1") for f in json.loads(r.stdout)["findings"])


def test_reviewed_fields_survive_fix_and_update_and_are_no_drift(tmp_path):
    arch = tmp_path / "a"
    arch.mkdir()
    (arch / "notice.txt").write_text(NOTICE, encoding="utf-8")
    assert run("parse", "--update", str(arch), "-q").returncode == 0
    rec = arch / "notice.yaml"
    text = rec.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", "title: 人工校对的标题", text, count=1, flags=re.M) + "reviewed:\n- title\n"
    text = re.sub(r"^issuer: .*$", "issuer: 写错的机关", text, count=1, flags=re.M)  # a stale field, not reviewed
    rec.write_text(text, encoding="utf-8")
    r = run("check", str(arch), "--profile", "received", "--format", "json")
    paths = [f.get("record_path") for f in json.loads(r.stdout)["findings"]]
    assert paths == ["issuer"], paths
    assert run("check", str(arch), "--profile", "received", "--fix").returncode == 0
    got = yaml.safe_load(rec.read_text(encoding="utf-8"))
    assert got["title"] == "人工校对的标题" and got["issuer"] == "某市科学技术协会" and got["reviewed"] == ["title"]
    (arch / "notice.txt").write_text(NOTICE.replace("6月10日", "6月12日"), encoding="utf-8")
    assert run("parse", "--update", str(arch), "-q").returncode == 0
    got = yaml.safe_load(rec.read_text(encoding="utf-8"))
    assert got["title"] == "人工校对的标题" and got["tasks"][0]["deadline"] == "2024-06-12"


def test_check_reads_a_record_from_stdin():
    rec = run("parse", str(SAMPLES / "notice.txt")).stdout
    r = run("check", "-", stdin=rec)
    assert r.returncode == 0 and b"clean" in r.stdout
    r = run("check", "-", stdin=b"kind: notice\ntitle: [1, 2]\n")
    assert r.returncode == 1 and b"CD010" in r.stdout


# ---------------------------------------------------------------- forwarded notices
def test_a_forwarding_notice_names_what_it_forwards():
    import castdoc

    rec = castdoc.parse(FORWARDER)[0]
    assert rec.forwards is not None
    assert rec.forwards.title == "某省科协关于开展2024年科普讲解大赛的通知"
    assert rec.forwards.doc_number == "某科协发〔2024〕21号"
    assert rec.forwards.issuer == "某省科协"
    assert rec.to_dict()["forwards"]["doc_number"] == "某科协发〔2024〕21号"
    assert castdoc.Record.from_dict(rec.to_dict()).forwards == rec.forwards
    assert castdoc.parse(ORIGINAL)[0].forwards is None
    original = castdoc.parse(ORIGINAL, name="inbox/original.txt")[0]
    linked = castdoc.link([rec, original])
    assert linked[0].forwards.path == "inbox/original.txt" and linked[1] == original
    assert "forwards" not in castdoc.parse(ORIGINAL)[0].to_dict()  # other records keep their shape


def test_tasks_list_a_forwarded_duty_once_naming_both(tmp_path):
    (tmp_path / "a-original.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b-forward.txt").write_text(FORWARDER, encoding="utf-8")
    rows = json.loads(run("tasks", str(tmp_path), "--format", "json").stdout)
    duty = [r for r in rows if r["text"].startswith("请各市科协于2024年7月1日前")]
    assert len(duty) == 1
    assert duty[0]["document"] == "某省科协关于开展2024年科普讲解大赛的通知"
    assert duty[0]["also"] == ["某市科协关于转发《某省科协关于开展2024年科普讲解大赛的通知》的通知"]
    assert any(r["text"].startswith("请各区科协于2024年6月20日前") for r in rows)  # the forwarder's own duty stays


def test_report_links_the_forwarder_to_the_notice_it_forwards(tmp_path):
    (tmp_path / "a-original.txt").write_text(ORIGINAL, encoding="utf-8")
    (tmp_path / "b-forward.txt").write_text(FORWARDER, encoding="utf-8")
    html = run("report", str(tmp_path), "--today", "2024-06-01").stdout.decode("utf-8")
    assert '<dt>转发</dt><dd><a href="#doc-1">' in html


# ---------------------------------------------------------------- conventions
def _commands() -> list[str]:
    import typer.main

    from castdoc.cli import app

    return sorted(typer.main.get_command(app).commands)


@pytest.mark.parametrize("command", _commands())
def test_every_command_documents_exit_codes_and_takes_q_and_v(command):
    r = run(command, "--help")
    out = r.stdout.decode()
    assert r.returncode == 0 and "Exit codes" in out and "--quiet" in out and "--verbose" in out
    assert "-q" in out and "-v" in out


def test_shell_completion_is_offered():
    out = run("--help").stdout.decode()
    assert "--install-completion" in out and "--show-completion" in out


def test_the_readme_python_example_runs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"## From Python\n\n```python\n(.*?)```", readme, flags=re.S)
    assert block, "the README shows castdoc from Python"
    r = subprocess.run([sys.executable, "-c", block.group(1)], cwd=ROOT, capture_output=True, timeout=300, env=_env())
    assert r.returncode == 0, r.stderr.decode()
    assert "2024-05-20 各市科协" in r.stdout.decode()


def test_the_readme_explains_each_capability():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for needle in ("-o tasks.xlsx", "castdoc report inbox/ -o report.html", "--profile received", "reviewed:",
                   "[lexicon]", "forwards:", "--install-completion", "castdoc check -", "OUT/sub/notice.pdf.yaml",
                   "README*"):
        assert needle in readme, needle


def test_local_names_reach_a_worker_started_by_spawn(tmp_path):
    """Where workers are spawned (macOS, Windows), the names come down in the environment."""
    import os

    env = _env()
    env["CASTDOC_LOCAL_NAMES"] = json.dumps({"platform": ["星城科普云"]}, ensure_ascii=False)
    code = ("from castdoc.pipeline import parse_text; import sys; "
            "print([p.name for p in parse_text(sys.stdin.read())[0].platforms])")
    r = subprocess.run([sys.executable, "-c", code], input=NOTICE.encode(), capture_output=True, env=env, timeout=300)
    assert "星城科普云" in r.stdout.decode(), r.stderr.decode()
    assert os.environ.get("CASTDOC_LOCAL_NAMES") is None  # this process registered none


def test_two_inputs_with_one_output_name_are_reported_not_renamed(tmp_path):
    for d in ("x", "y"):
        (tmp_path / d).mkdir()
        (tmp_path / d / "a.txt").write_text(NOTICE, encoding="utf-8")
    r = run("parse", str(tmp_path / "x"), str(tmp_path / "y"), "-o", str(tmp_path / "out"))
    assert r.returncode == 1 and b"same output name" in r.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.txt.yaml"]


def test_a_report_written_into_the_inbox_is_not_read_back(tmp_path):
    (tmp_path / "notice.txt").write_text(NOTICE, encoding="utf-8")
    assert run("report", str(tmp_path), "-o", str(tmp_path / "report.html")).returncode == 0
    assert run("tasks", str(tmp_path), "-o", str(tmp_path / "tasks.txt")).returncode == 0
    r = run("parse", str(tmp_path), "--format", "json")
    assert [Path(x["source"]["path"]).name for x in json.loads(r.stdout)] == ["notice.txt"]
    r = run("parse", str(tmp_path / "report.html"), "--format", "json")  # named, it is read
    assert r.returncode == 0


def test_an_overrides_file_beside_the_record_is_kept_and_no_drift(tmp_path):
    arch = tmp_path / "a"
    arch.mkdir()
    (arch / "notice.txt").write_text(NOTICE, encoding="utf-8")
    (arch / "notice.overrides.yaml").write_text("issuer: 某市科协（校对）\n", encoding="utf-8")
    assert run("parse", "--update", str(arch), "-q").returncode == 0
    got = yaml.safe_load((arch / "notice.yaml").read_text(encoding="utf-8"))
    assert got["issuer"] == "某市科协（校对）" and got["reviewed"] == ["issuer"]
    r = run("check", str(arch), "--profile", "received")
    assert r.returncode == 0, r.stdout.decode()
    (arch / "notice.overrides.yaml").write_text("issuer: 某市科协（再校）\n", encoding="utf-8")
    r = run("check", str(arch), "--profile", "received", "--format", "json")
    assert [f["record_path"] for f in json.loads(r.stdout)["findings"]] == ["issuer"]  # the new correction to apply
    assert run("check", str(arch), "--profile", "received", "--fix").returncode == 0
    assert yaml.safe_load((arch / "notice.yaml").read_text(encoding="utf-8"))["issuer"] == "某市科协（再校）"
    rows = json.loads(run("tasks", str(arch), "--format", "json").stdout)  # the overrides file is no record
    assert rows and rows[0]["actor"] == "各区科协"


def test_check_state_knows_local_names_and_overrides(tmp_path):
    """The incremental check (.castdoc-check.json) must not answer from before a change to
    castdoc.toml's names or to a record's overrides."""
    arch = tmp_path / "a"
    arch.mkdir()
    (arch / "notice.txt").write_text(NOTICE, encoding="utf-8")
    assert run("parse", "--update", str(arch), "-q").returncode == 0
    assert run("check", str(arch), "--profile", "received").returncode == 0
    (arch / "castdoc.toml").write_text('[lexicon]\nplatforms = ["星城科普云"]\n', encoding="utf-8")
    r = run("check", str(arch), "--profile", "received", "--format", "json")
    assert any(f["rule"] == "CD020" and "platforms" in f["message"] for f in json.loads(r.stdout)["findings"])


def test_parse_names_a_missing_file_as_missing():
    import castdoc
    from castdoc.errors import CastdocError

    with pytest.raises(CastdocError, match="no such file"):
        castdoc.parse("收文/不存在的通知.docx")
    assert castdoc.parse("请各单位报送材料。")[0].source.path == "<text>"
