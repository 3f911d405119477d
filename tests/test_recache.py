"""The command line's cache of compiled patterns: the same patterns as re's own, read back
without the parser, and ignored when damaged or made by another Python."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

from castdoc.cli import recache

ROOT = Path(__file__).resolve().parent.parent
NOTICE = ROOT / "samples" / "notice.txt"

# invented patterns with the parts sre encodes: named groups, flags, classes, look-arounds, bytes
PATTERNS = [
    (r"(?P<year>(?:19|20)\d{2})年(?P<month>\d{1,2})月", 0, "请于2024年3月20日前报送", "year"),
    (r"(?i)contact[:：]\s*(\w+)", 0, "CONTACT： 王明", 1),
    (r"^[一二三四五六七八九十]+、(.+)$", re.M, "前言\n一、参赛对象\n二、报名", 1),
    (r"(?<![年\d])(\d{1,2})月(\d{1,2})日(?=前)", 0, "于3月20日前", 2),
    (rb"\x00(\d+)", 0, b"a\x0042b", 1),
]


@pytest.fixture
def fresh():
    recache.uninstall()
    re.purge()
    yield
    recache.uninstall()
    re.purge()


def _run_all():
    out = []
    for pattern, flags, text, group in PATTERNS:
        p = re.compile(pattern, flags)
        m = p.search(text)
        out.append((p.flags, p.groups, dict(p.groupindex), m.span(), m.group(group)))
    return out


def test_patterns_read_back_match_as_re_compiles_them(tmp_path, fresh, monkeypatch):
    plain = _run_all()
    re.purge()
    recache.install(str(tmp_path))
    assert _run_all() == plain  # compiled through the cache, first time
    recache.uninstall()
    assert list(tmp_path.glob("regex-*.cache"))
    re.purge()
    recache.install(str(tmp_path))

    def no_parser(*a, **k):
        raise AssertionError("the parser ran for a cached pattern")

    monkeypatch.setattr(recache._parser, "parse", no_parser)
    assert _run_all() == plain  # read back: no parsing, the same answers


def test_a_damaged_or_foreign_file_is_ignored_and_rewritten(tmp_path, fresh):
    recache.install(str(tmp_path))
    _run_all()
    recache.uninstall()
    path = next(tmp_path.glob("regex-*.cache"))
    data = bytearray(path.read_bytes())
    data[-5] ^= 0xFF  # one byte damaged: the checksum no longer holds
    path.write_bytes(bytes(data))
    assert recache._load(str(path)) == {}
    re.purge()
    recache.install(str(tmp_path))
    assert _run_all()  # compiled afresh
    recache.uninstall()
    assert len(recache._load(str(path))) == len(PATTERNS)  # and kept again
    path.write_bytes(b"not a cache at all")
    assert recache._load(str(path)) == {}


def test_a_file_of_another_python_is_not_used(tmp_path, fresh, monkeypatch):
    recache.install(str(tmp_path))
    _run_all()
    recache.uninstall()
    path = next(tmp_path.glob("regex-*.cache"))
    monkeypatch.setattr(recache, "_stamp", lambda: b"another build")
    assert recache._load(str(path)) == {}


def test_the_library_alone_leaves_re_as_it_is():
    code = "import re, castdoc; castdoc.parse(b'x', name='n.txt'); print(re._compiler.compile.__module__)"
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.stdout.strip() == "re._compiler", r.stdout + r.stderr


def test_a_run_with_the_cache_gives_the_same_record(tmp_path):
    import os

    env = dict(os.environ, CASTDOC_CACHE_DIR=str(tmp_path / "cache"))
    runs = [subprocess.run([sys.executable, "-m", "castdoc", "parse", str(NOTICE), "-f", "json"],
                           capture_output=True, text=True, timeout=180, env=env) for _ in range(2)]
    assert list((tmp_path / "cache").glob("regex-*.cache"))  # the first run kept its patterns
    assert runs[0].returncode == runs[1].returncode == 0, runs[1].stderr
    assert runs[0].stdout == runs[1].stdout and '"title"' in runs[1].stdout


def test_a_bad_pattern_is_the_same_error_and_a_refusing_sre_falls_back(tmp_path, fresh, monkeypatch):
    recache.install(str(tmp_path))
    with pytest.raises(re.error):
        re.compile("(未闭合")

    def refuse(*a, **k):
        raise TypeError("another sre")

    monkeypatch.setattr(recache, "_sre", type("S", (), {"compile": staticmethod(refuse)}))
    assert re.compile(r"第(\d+)条").match("第12条").group(1) == "12"  # re's own compiler did it
