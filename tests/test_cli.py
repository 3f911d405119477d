"""The CLI as users meet it: exit codes, clean stdout, one-line errors on stderr, help everywhere."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml
from typer.testing import CliRunner

from castdoc.cli import app

NOTICE = "各单位:\n请于2024年5月20日前将推荐材料报送省科协学会部，逾期不予受理。\n某省科协\n2024年5月6日\n"


@pytest.fixture
def notice(tmp_path):
    p = tmp_path / "notice.txt"
    p.write_text(NOTICE, encoding="utf-8")
    return p


def run(*args, stdin: bytes | None = None):
    return subprocess.run([sys.executable, "-m", "castdoc", *args], capture_output=True, input=stdin)


def test_parse_yaml_is_clean_on_stdout(notice):
    r = run("parse", str(notice))
    assert r.returncode == 0, r.stderr.decode()
    docs = list(yaml.safe_load_all(r.stdout.decode("utf-8")))
    assert len(docs) == 1 and docs[0]["issuer"] == "某省科协"
    assert "\\u" not in r.stdout.decode()  # Chinese written as is
    assert r.stderr == b""


def test_parse_json_array_and_jsonl(notice, tmp_path):
    r = run("parse", "--format", "json", str(notice), str(notice))
    recs = json.loads(r.stdout)
    assert isinstance(recs, list) and len(recs) == 2
    r = run("parse", "--format", "jsonl", str(notice))
    assert len(r.stdout.decode().strip().splitlines()) == 1


def test_stdin(notice):
    r = run("parse", "-", "--format", "json", stdin=notice.read_bytes())
    assert r.returncode == 0
    assert json.loads(r.stdout)[0]["issued"] == "2024-05-06"


def test_output_dir(notice, tmp_path):
    out = tmp_path / "out"
    r = run("parse", str(notice), "-o", str(out))
    assert r.returncode == 0
    assert yaml.safe_load((out / (notice.name + ".yaml")).read_text(encoding="utf-8"))["kind"] == "notice"


@pytest.mark.parametrize(
    "name, content, words",
    [
        ("missing.txt", None, "no such file"),
        ("old.doc", b"\xd0\xcf\x11\xe0" + b"\0" * 100, ".docx"),
        ("x.wps", b"abc", ".docx"),
        ("x.ofd", b"abc", "PDF"),
        ("empty.txt", b"", "empty"),
        ("data.xyz", b"hello", "unknown format"),
    ],
)
def test_bad_input_is_one_line_with_exit_code(tmp_path, name, content, words):
    p = tmp_path / name
    if content is not None:
        p.write_bytes(content)
    r = run("parse", str(p))
    err = r.stderr.decode()
    assert r.returncode == 3
    assert name in err and words in err
    assert "Traceback" not in err
    assert len(err.strip().splitlines()) == 1


def test_batch_continues_after_a_bad_file(notice, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    r = run("parse", "--format", "json", str(bad), str(notice))
    assert r.returncode == 1
    assert len(json.loads(r.stdout)) == 1
    assert "bad.txt" in r.stderr.decode()


@pytest.mark.parametrize("cmd", [[], ["parse"], ["schema"]])
def test_every_command_has_help(cmd):
    r = CliRunner().invoke(app, [*cmd, "--help"])
    assert r.exit_code == 0
    assert "Usage" in r.stdout


def test_version_names_castdoc_and_schema_and_loads_no_jieba():
    from castdoc import SCHEMA_VERSION, __version__

    code = ("import sys\nfrom castdoc.cli import main\nsys.argv = ['castdoc', '--version']\n"
            "try:\n    main()\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            "assert 'jieba' not in sys.modules\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert r.stdout.strip() == f"castdoc {__version__} (record schema {SCHEMA_VERSION})"


def test_all_registered_commands_have_help():
    import typer.main

    group = typer.main.get_command(app)
    for name, cmd in group.commands.items():
        assert cmd.help, f"{name} has no help"
        r = CliRunner().invoke(app, [name, "--help"])
        assert r.exit_code == 0, name


def test_usage_error_exit_code():
    r = run("parse", "--format", "xml", "x.txt")
    assert r.returncode == 2
