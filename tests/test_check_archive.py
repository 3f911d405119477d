"""``castdoc check`` over an archive: records, schema, drift, --fix, configuration, outputs.

The sample archive is rebuilt in a temporary folder for every test module (records come
from ``castdoc parse --update`` at test time), so these tests never depend on what the
extractors happen to produce today.
"""
from __future__ import annotations

import importlib.util
import json
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from castdoc.cli import app

ROOT = Path(__file__).resolve().parent.parent
ARCHIVE = ROOT / "samples" / "archive"
CLEAN_DOC = "2023-科协发-15"
runner = CliRunner()


def _regenerate_module():
    spec = importlib.util.spec_from_file_location("archive_regenerate", ARCHIVE / "regenerate.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


@pytest.fixture(scope="module")
def pristine(tmp_path_factory) -> Path:
    """The sample archive's documents and config, with records written now."""
    d = tmp_path_factory.mktemp("pristine") / "archive"
    d.mkdir()
    for p in ARCHIVE.iterdir():
        if p.suffix in (".txt", ".toml"):
            shutil.copy(p, d / p.name)
    _regenerate_module().build(d, update=castdoc_in_process)
    return d


def castdoc_in_process(args: list[str]) -> None:
    """castdoc in this process, so records and checks come from the same code."""
    r = runner.invoke(app, args)
    assert r.exit_code == 0, r.output


@pytest.fixture
def archive(pristine, tmp_path) -> Path:
    d = tmp_path / "archive"
    shutil.copytree(pristine, d)
    return d


def check(*args: str):
    r = runner.invoke(app, ["check", *args])
    if r.exception and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r


def findings(*args: str) -> tuple[int, list[dict]]:
    r = check(*args, "--format", "json")
    return r.exit_code, json.loads(r.stdout)["findings"]


def cli(*args: str, cwd: Path | None = None):
    return subprocess.run([sys.executable, "-m", "castdoc", *args], capture_output=True, text=True, cwd=cwd)


# ------------------------------------------------------------------ the sample archive
def test_sample_archive_reports_what_was_planted(archive):
    code, fs = findings(str(archive))
    assert code == 1
    by_file: dict[str, set[str]] = {}
    for f in fs:
        by_file.setdefault(Path(f["file"]).name, set()).add(f["rule"])
    assert by_file["2008-科协发-30.yaml"] == {"CD020"}  # stale: its title was edited
    assert "CD010" in by_file["2023-组织部-公示.yaml"]  # schema-invalid
    assert {"CD101", "CD103", "CD104", "CD110", "CD121", "CD130", "CD131"} <= by_file["2022-学会办-3.txt"]
    assert {"CD143", "CD144", "CD141", "CD142", "CD150", "CD151", "CD152", "CD153", "CD111"} <= by_file["2023-科普部-21.txt"]
    for clean in (f"{CLEAN_DOC}.txt", f"{CLEAN_DOC}.yaml", "2008-科协发-30.txt", "2024-本报讯-科技周.txt"):
        assert clean not in by_file, by_file.get(clean)
    # castdoc.toml accepts CD121 for *-公示.txt and makes CD141 an error
    assert "CD121" not in by_file.get("2023-组织部-公示.txt", set())
    assert all(f["severity"] == "error" for f in fs if f["rule"] == "CD141")


def test_committed_sample_archive_has_a_record_beside_every_document():
    docs = sorted(p.stem for p in ARCHIVE.glob("*.txt"))
    assert len(docs) >= 5
    for stem in docs:
        recs = list(yaml.safe_load_all((ARCHIVE / f"{stem}.yaml").read_text(encoding="utf-8")))
        assert recs and recs[0]["source"]["path"] == f"{stem}.txt"


def test_schema_violation_is_reported_at_its_field_path(archive):
    _, fs = findings(str(archive))
    (f,) = [f for f in fs if f["rule"] == "CD010"]
    assert f["record_path"] == "people[0].roles"
    assert f["message"].startswith("people[0].roles:")
    lines = (archive / "2023-组织部-公示.yaml").read_text(encoding="utf-8").splitlines()
    assert lines[f["line"] - 1].strip().startswith("roles:")


def test_human_output_groups_by_file_and_shows_the_line(archive):
    r = check(str(archive))
    out = r.stdout
    assert r.exit_code == 1
    assert "2022-学会办-3.txt" in out and "嘉科协学办【2022】第003号" in out
    assert "CD101 doc-number-brackets" in out
    assert re.search(r"\d+ errors?, \d+ warnings? in \d+ files", out)
    # each file's name appears once, as a heading
    assert sum(1 for line in out.splitlines() if line.strip().endswith("2022-学会办-3.txt")) == 1


# ------------------------------------------------------------------ drift
def test_drift_detected_after_a_record_is_edited_and_fix_repairs_it(archive):
    rec = archive / f"{CLEAN_DOC}.yaml"
    text = rec.read_text(encoding="utf-8")
    assert "issuer: 湖州市科学技术协会\n" in text
    rec.write_text(text.replace("issuer: 湖州市科学技术协会\n", "issuer: 湖州市科协\n"), encoding="utf-8")
    code, fs = findings(str(archive / f"{CLEAN_DOC}.txt"))
    assert code == 1
    (f,) = fs
    assert f["rule"] == "CD020" and f["record_path"] == "issuer"
    assert "-issuer: 湖州市科协" in f["detail"] and "+issuer: 湖州市科学技术协会" in f["detail"]
    assert f["line"] and text.splitlines()[f["line"] - 1].startswith("issuer:")

    r = check(str(archive / f"{CLEAN_DOC}.txt"), "--fix")
    assert r.exit_code == 0, r.stdout
    assert "fixed" in r.stdout
    assert rec.read_text(encoding="utf-8") == text  # rewritten exactly as parse --update writes it
    assert findings(str(archive / f"{CLEAN_DOC}.txt")) == (0, [])


def test_a_changed_source_is_reported_apart(archive):
    doc = archive / f"{CLEAN_DOC}.txt"
    doc.write_text(doc.read_text(encoding="utf-8").replace("弘扬科学家精神，建设科技强市。", "弘扬科学家精神。"),
                   encoding="utf-8")
    code, fs = findings(str(doc))
    assert code == 1 and [f["rule"] for f in fs] == ["CD021"]
    assert "changed since its record was written" in fs[0]["message"]
    assert "source.sha256" in fs[0]["message"]


def test_castdoc_version_and_source_path_are_not_drift(archive):
    rec = archive / f"{CLEAN_DOC}.yaml"
    data = list(yaml.safe_load_all(rec.read_text(encoding="utf-8")))
    data[0]["castdoc_version"] = "0.0.1"
    data[0]["source"]["path"] = "somewhere/else.txt"
    from castdoc.record import dump_yaml

    rec.write_text(dump_yaml(data), encoding="utf-8")
    assert findings(str(archive / f"{CLEAN_DOC}.txt")) == (0, [])


def test_unquoted_iso_dates_in_a_record_are_read_as_strings(archive):
    rec = archive / f"{CLEAN_DOC}.yaml"
    text = rec.read_text(encoding="utf-8")
    assert "issued: '2023-05-08'" in text
    rec.write_text(text.replace("issued: '2023-05-08'", "issued: 2023-05-08"), encoding="utf-8")
    assert findings(str(rec)) == (0, [])


def test_fix_writes_a_missing_record(archive):
    rec = archive / f"{CLEAN_DOC}.yaml"
    rec.unlink()
    code, fs = findings(str(archive / f"{CLEAN_DOC}.txt"))
    assert code == 1 and fs[0]["rule"] == "CD003"
    assert fs[0]["hint"].startswith(f"castdoc parse --update {archive / CLEAN_DOC}.txt")
    assert check(str(archive / f"{CLEAN_DOC}.txt"), "--fix").exit_code == 0
    assert rec.exists() and findings(str(archive / f"{CLEAN_DOC}.txt")) == (0, [])


def test_fix_leaves_format_findings_and_repairs_records(archive):
    code, fs = findings(str(archive), "--fix")
    assert code == 1  # the documents' own format faults cannot be fixed
    fixed = {f["rule"] for f in fs if f["fixed"]}
    assert {"CD010", "CD020"} <= fixed
    code2, fs2 = findings(str(archive))
    assert {f["rule"] for f in fs2} == {f["rule"] for f in fs if not f["fixed"]}
    assert all(f["rule"].startswith("CD1") for f in fs2)


def test_orphan_record_is_a_warning(archive):
    (archive / f"{CLEAN_DOC}.txt").unlink()
    code, fs = findings(str(archive / f"{CLEAN_DOC}.yaml"))
    assert code == 0 and [f["rule"] for f in fs] == ["CD004"] and fs[0]["severity"] == "warning"


# ------------------------------------------------------------------ unreadable files
def test_a_record_with_python_tags_is_never_executed(archive, tmp_path):
    marker = tmp_path / "PWNED"
    rec = archive / f"{CLEAN_DOC}.yaml"
    rec.write_text(f"--- !!python/object/apply:os.system ['touch {marker}']\n", encoding="utf-8")
    code, fs = findings(str(archive / f"{CLEAN_DOC}.txt"))
    assert code == 3
    assert [f["rule"] for f in fs] == ["CD002"] and "safe loader" in fs[0]["message"]
    assert not marker.exists()


def test_broken_yaml_names_its_line(archive):
    rec = archive / f"{CLEAN_DOC}.yaml"
    rec.write_text("schema_version: '1.0'\ntitle: [unclosed\nkind: notice\n", encoding="utf-8")
    code, fs = findings(str(rec))
    assert code == 3 and fs[0]["rule"] == "CD002" and fs[0]["line"] in (2, 3, 4)


def test_an_unreadable_document_gives_exit_code_3(archive):
    (archive / "empty.txt").write_bytes(b"")
    code, fs = findings(str(archive / "empty.txt"))
    assert code == 3 and fs[0]["rule"] == "CD001"


# ------------------------------------------------------------------ exit codes and usage
def test_clean_documents_exit_0(archive):
    assert check(str(archive / f"{CLEAN_DOC}.txt"), str(archive / "2024-本报讯-科技周.txt")).exit_code == 0


def test_warnings_alone_exit_0(archive):
    code, fs = findings(str(archive / "2023-科普部-21.txt"), "--select", "CD142")
    assert code == 0 and fs and {f["severity"] for f in fs} == {"warning"}


@pytest.mark.parametrize("args,needle", [
    (["--select", "CD999"], "unknown rule"),
    (["--ignore", "no-such-rule"], "unknown rule"),
    (["--format", "xml"], "xml"),
    (["--config", "missing.toml"], "configuration"),
])
def test_usage_errors_exit_2(archive, args, needle):
    r = cli("check", str(archive), *args)
    assert r.returncode == 2, r.stderr
    assert needle in r.stderr and "Traceback" not in r.stderr


def test_a_missing_path_is_a_usage_error(tmp_path):
    r = cli("check", str(tmp_path / "nope"))
    assert r.returncode == 2 and "no such file" in r.stderr


def test_select_and_ignore(archive):
    _, fs = findings(str(archive), "--select", "format", "--ignore", "CD14")
    rules = {f["rule"] for f in fs}
    assert rules and all(r.startswith("CD1") and not r.startswith("CD14") for r in rules)


def test_list_rules_names_every_rule():
    r = check("--list-rules")
    from castdoc.check import RULES

    assert r.exit_code == 0
    for rid, rule in RULES.items():
        assert re.search(rf"^{rid}\s+{re.escape(rule.name)}\s+{rule.severity}", r.stdout, re.M)


# ------------------------------------------------------------------ configuration
def test_config_severity_off_and_accept(archive):
    (archive / "castdoc.toml").write_text(
        '[check]\n[check.severity]\nCD101 = "off"\ndoc-number-di = "warning"\n'
        '[check.accept]\n"2022-*.txt" = ["CD130"]\n', encoding="utf-8")
    _, fs = findings(str(archive / "2022-学会办-3.txt"))
    rules = {f["rule"]: f["severity"] for f in fs}
    assert "CD101" not in rules and "CD130" not in rules
    assert rules["CD104"] == "warning" and rules["CD103"] == "error"


def test_config_from_pyproject(archive):
    (archive / "castdoc.toml").unlink()
    (archive / "pyproject.toml").write_text('[tool.castdoc.check]\nignore = ["format"]\nexclude = ["2008-*"]\n',
                                            encoding="utf-8")
    _, fs = findings(str(archive))
    assert fs and not any(f["rule"].startswith("CD1") for f in fs)
    assert not any("2008-" in f["file"] for f in fs)


def test_config_unknown_key_is_a_usage_error(archive):
    (archive / "castdoc.toml").write_text('[check]\nselct = ["CD101"]\n', encoding="utf-8")
    r = cli("check", str(archive))
    assert r.returncode == 2 and "selct" in r.stderr


def test_records_folder_mirrors_the_layout(archive, tmp_path, monkeypatch):
    monkeypatch.chdir(archive)
    recs = Path("recs")
    (recs / "docs").mkdir(parents=True)
    Path("docs").mkdir()
    shutil.move(f"{CLEAN_DOC}.txt", f"docs/{CLEAN_DOC}.txt")
    Path(f"{CLEAN_DOC}.yaml").unlink()
    code, fs = findings(f"docs/{CLEAN_DOC}.txt", "--records", "recs")
    assert code == 1 and fs[0]["rule"] == "CD003" and f"recs/docs/{CLEAN_DOC}.yaml" in fs[0]["message"]
    assert check(f"docs/{CLEAN_DOC}.txt", "--records", "recs", "--fix").exit_code == 0
    rec = recs / "docs" / f"{CLEAN_DOC}.yaml"
    assert yaml.safe_load(rec.read_text(encoding="utf-8"))["source"]["path"] == f"../../docs/{CLEAN_DOC}.txt"
    assert findings("docs", "--records", "recs") == (0, [])


# ------------------------------------------------------------------ outputs
def test_github_format_is_workflow_commands(archive):
    r = check(str(archive), "--format", "github")
    lines = [ln for ln in r.stdout.splitlines() if ln.startswith("::")]
    assert lines
    rx = re.compile(r"^::(error|warning|notice) file=[^,:]+(,line=\d+)?(,col=\d+)?,title=CD\d{3} [a-z-]+::\S.*$")
    for ln in lines:
        assert rx.match(ln), ln
        assert "\n" not in ln
    assert any(ln.startswith("::error file=") and "line=3" in ln and "CD101" in ln for ln in lines)


def test_junit_format_parses(archive):
    r = check(str(archive), "--format", "junit")
    root = ET.fromstring(r.stdout.encode("utf-8"))
    assert root.tag == "testsuites"
    suite = root.find("testsuite")
    cases = suite.findall("testcase")
    failures = [c for c in cases if c.find("failure") is not None]
    _, fs = findings(str(archive))
    assert len(failures) == sum(1 for f in fs if f["severity"] == "error") == int(suite.get("failures"))
    assert any(c.get("name") == "castdoc check" and CLEAN_DOC in c.get("classname") for c in cases)


def test_json_format(archive):
    r = check(str(archive), "--format", "json")
    data = json.loads(r.stdout)
    assert data["summary"]["exit_code"] == r.exit_code == 1
    assert data["summary"]["documents"] == 6
    assert {"rule", "name", "severity", "file", "line", "record_path", "message", "hint"} <= set(data["findings"][0])


# ------------------------------------------------------------------ --changed-since
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_checks_only_what_git_says_changed(archive):
    def git(*a):
        subprocess.run(["git", *a], cwd=archive, check=True, capture_output=True)

    git("init", "-q")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "add", ".")
    git("-c", "user.email=t@example.invalid", "-c", "user.name=t", "commit", "-qm", "archive")
    assert findings(str(archive), "--changed-since", "HEAD") == (0, [])
    rec = archive / f"{CLEAN_DOC}.yaml"
    rec.write_text(rec.read_text(encoding="utf-8").replace("issuer: 湖州市科学技术协会", "issuer: 湖州科协"),
                   encoding="utf-8")
    code, fs = findings(str(archive), "--changed-since", "HEAD")
    assert code == 1 and {Path(f["file"]).name for f in fs} == {f"{CLEAN_DOC}.yaml"}
    r = cli("check", str(archive), "--changed-since", "no-such-ref")
    assert r.returncode == 2 and "no-such-ref" in r.stderr


def test_changed_since_outside_git_is_a_usage_error(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    (tmp_path / "a.txt").write_text("各单位：\n请于5月20日前报送。\n某科协\n2024年5月6日\n", encoding="utf-8")
    r = cli("check", str(tmp_path), "--changed-since", "HEAD", cwd=tmp_path)
    if "not inside a git repository" not in r.stderr:  # tmp may itself sit inside a clone
        pytest.skip("the temporary folder is inside a git repository")
    assert r.returncode == 2


# ------------------------------------------------------------------ parse --update
def test_parse_update_writes_beside_and_skips_unchanged(tmp_path):
    doc = tmp_path / "2024-科协-3.txt"
    doc.write_text("各单位：\n请于2024年5月20日前报送推荐材料。\n某市科协\n2024年5月6日\n", encoding="utf-8")
    r = runner.invoke(app, ["parse", "--update", str(tmp_path)])
    assert r.exit_code == 0, r.output
    assert r.stdout == "" and "wrote" in r.stderr
    rec = tmp_path / "2024-科协-3.yaml"
    first = rec.stat().st_mtime_ns
    data = yaml.safe_load(rec.read_text(encoding="utf-8"))
    assert data["source"]["path"] == "2024-科协-3.txt"
    r2 = runner.invoke(app, ["parse", "--update", str(doc)])
    assert r2.exit_code == 0 and "1 unchanged" in r2.stderr
    assert rec.stat().st_mtime_ns == first
    assert doc.read_text(encoding="utf-8").startswith("各单位")  # the document is never touched


def test_parse_update_writes_one_stream_per_multi_article_file(tmp_path):
    doc = tmp_path / "page.txt"
    doc.write_text(
        "科技周启动\n本报讯（记者 张三）5月18日，全市科技活动周在市民广场启动，活动将持续一周，举办科普展览和讲座一百余场。\n"
        "院士专家进校园\n本报讯（记者 李四）5月20日，十余位院士专家走进全市中小学校，为学生们带来科普报告，现场气氛热烈。\n",
        encoding="utf-8")
    castdoc_in_process(["parse", "--update", str(doc)])
    recs = [r for r in yaml.safe_load_all((tmp_path / "page.yaml").read_text(encoding="utf-8")) if r]
    assert len(recs) == 2 and [r["source"]["article"] for r in recs] == [0, 1]
    assert findings(str(doc)) == (0, [])


def test_parse_update_never_overwrites_a_foreign_yaml(tmp_path):
    (tmp_path / "config.txt").write_text("各单位：\n请于2024年5月20日前报送。\n某市科协\n2024年5月6日\n", encoding="utf-8")
    (tmp_path / "config.yaml").write_text("database: prod\n", encoding="utf-8")
    r = runner.invoke(app, ["parse", "--update", str(tmp_path / "config.txt")])
    assert r.exit_code != 0 and "not a castdoc record" in r.stderr
    assert (tmp_path / "config.yaml").read_text(encoding="utf-8") == "database: prod\n"


def test_parse_update_refuses_stdin():
    r = subprocess.run([sys.executable, "-m", "castdoc", "parse", "--update", "-"], input="各单位：\n", capture_output=True,
                       text=True)
    assert r.returncode == 2


# ------------------------------------------------------------------ CI examples
def test_ci_examples_use_real_options():
    help_text = check("--help").stdout
    wf = yaml.safe_load((ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8"))
    runs = [s["run"] for job in wf["jobs"].values() for s in job["steps"] if "run" in s and "castdoc check" in s["run"]]
    assert runs
    for run in runs:
        for opt in re.findall(r"--[a-z-]+", run):
            assert opt in help_text, opt
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"castdoc-check", "castdoc-update"}
    for h in hooks:
        assert h["entry"].startswith("castdoc ") and h["language"] == "python" and re.compile(h["files"])


def test_readme_files_are_not_documents(archive):
    (archive / "README.md").write_text("# 档案说明\n\n本目录保存收文及其记录。\n", encoding="utf-8")
    _, fs = findings(str(archive))
    assert not any("README" in f["file"] for f in fs)


def test_a_non_record_yaml_named_on_the_command_line_is_left_alone(archive):
    (archive / "ci.yaml").write_text("on: push\njobs: {}\n", encoding="utf-8")
    assert findings(str(archive / "ci.yaml")) == (0, [])


# ------------------------------------------------------------------ workers
def test_parallel_check_reports_what_one_process_does(archive):
    one = check(str(archive), "--format", "json", "-j", "1")
    two = check(str(archive), "--format", "json", "-j", "2")
    assert (one.exit_code, one.stdout) == (two.exit_code, two.stdout)
    assert json.loads(two.stdout)["findings"]


def test_a_document_that_kills_its_worker_fails_alone(archive, monkeypatch):
    """A reader library that crashes the process takes one document down, not the run."""
    import os

    from castdoc.check import runner as check_runner
    from castdoc.check.config import CheckConfig

    real = check_runner.check_pair

    def crashing(doc, rec, cfg, **kw):
        if doc.stem == CLEAN_DOC:
            os._exit(9)
        return real(doc, rec, cfg, **kw)

    monkeypatch.setattr(check_runner, "check_pair", crashing)  # inherited by the forked workers
    result = check_runner.check_paths([str(archive)], CheckConfig(root=archive), jobs=2)
    crashed = [f for f in result.findings if Path(f.file).stem == CLEAN_DOC]
    assert [f.rule for f in crashed] == ["CD001"] and "died" in crashed[0].message
    assert {"CD020", "CD010"} <= {f.rule for f in result.findings}, "the other documents were checked"
    assert result.documents == len(list(archive.glob("*.txt")))
