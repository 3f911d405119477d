"""Hostile inputs (issue 17, findings 2, 7, 8 and 9): nothing unbounded from a tiny input,
only regular files read, a poisoned cache entry a miss, foreign encodings named and refused,
a long line in linear time.

Every text here is invented; the bad files are made in tmp_path.
"""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import time
import zlib
from pathlib import Path

import pytest

from castdoc.batch import parse_one
from castdoc.errors import ReadError, RecordError, TooLarge
from castdoc.parse import DEFAULT_LIMITS, Limits, read_bytes, read_path

ROOT = Path(__file__).resolve().parent.parent
GOOD = "关于做好2024年全国科普日活动的通知\n各区科协：\n请各单位于2024年8月30日前报送活动方案。\n联系人：李华\n市科协办公室\n2024年8月1日\n"
RECORD = """source: {path: n.txt, format: txt, sha256: '0', article: 0, articles: 1}
kind: notice
title: 关于开展科普周活动的通知
tasks:
- text: 请各区科协于2024年6月1日前报送活动方案
"""


def alias_bomb(levels: int = 9) -> str:
    lines = ['a: &a ["科普", "科普", "科普", "科普", "科普", "科普", "科普", "科普", "科普"]']
    for i in range(1, levels):
        prev, cur = chr(ord("a") + i - 1), chr(ord("a") + i)
        lines.append(f"{cur}: &{cur} [" + ", ".join([f"*{prev}"] * 9) + "]")
    return "\n".join(lines) + "\nkind: notice\nsource: n.txt\ntasks: [{text: 请报送, detail: *" + chr(ord("a") + levels - 1) + "}]\n"


# --- 2: bounded reading -------------------------------------------------------------------


def test_an_alias_bomb_is_refused_by_the_one_loader_quickly(tmp_path):
    from castdoc.recordfile import read_record_file
    from castdoc.tasklist import read_records

    f = tmp_path / "bomb.yaml"
    f.write_text(alias_bomb(), encoding="utf-8")
    assert f.stat().st_size < 1000
    t0 = time.perf_counter()
    for load in (read_record_file, read_records):
        with pytest.raises(RecordError) as e:
            load(f)
        assert e.value.reason == RecordError.ALIAS
    assert time.perf_counter() - t0 < 5
    small = tmp_path / "ok.yaml"
    small.write_text("a: &x [1]\nb: *x\n", encoding="utf-8")  # a plain alias still reads
    assert read_record_file(small).documents == ({"a": [1], "b": [1]},)


def test_nesting_is_bounded_in_json_and_yaml(tmp_path):
    from castdoc.recordfile import read_record_file

    for name, text in (("a.json", "[" * 200_000), ("b.jsonl", "[" * 200_000 + "\n"), ("c.yaml", "[" * 200_000),
                       ("d.json", "[" * 300 + "]" * 300)):
        f = tmp_path / name
        f.write_text(text, encoding="utf-8")
        with pytest.raises(RecordError):
            read_record_file(f)


def test_tasks_has_checks_record_size_limit(tmp_path):
    from castdoc.check.records import load_record
    from castdoc.recordfile import MAX_RECORD_BYTES
    from castdoc.tasklist import read_records

    f = tmp_path / "big.yaml"
    f.write_text(RECORD + "# " + "x" * MAX_RECORD_BYTES + "\n", encoding="utf-8")
    for load in (read_records, load_record):
        with pytest.raises(RecordError) as e:
            load(f)
        assert e.value.reason == RecordError.TOO_LARGE


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_a_device_named_like_a_document_is_refused_by_type(tmp_path):
    link = tmp_path / "x.txt"
    link.symlink_to("/dev/zero")
    t0 = time.perf_counter()
    for p in ("/dev/zero", str(link)):
        with pytest.raises(ReadError) as e:
            read_path(p)
        assert "not a regular file" in e.value.message
    out = parse_one(str(link), DEFAULT_LIMITS, None)
    assert out.error is not None and "not a regular file" in out.error.message
    assert time.perf_counter() - t0 < 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_not_a_regular_file_not_a_time_out(tmp_path):
    from castdoc.cache import RecordCache
    from castdoc.recordfile import read_record_file

    fifo = tmp_path / "f.txt"
    os.mkfifo(fifo)
    for cache in (None, RecordCache(tmp_path / "cache")):
        out = parse_one(str(fifo), DEFAULT_LIMITS, cache)
        assert out.error is not None and "not a regular file: a named pipe" in out.error.message
    rec = tmp_path / "f.yaml"
    os.mkfifo(rec)
    with pytest.raises(RecordError) as e:
        read_record_file(rec)
    assert "not a regular file" in e.value.message


def test_stdin_is_counted_while_it_is_read(monkeypatch):
    class Endless(io.RawIOBase):
        pulled = 0

        def readable(self):
            return True

        def readinto(self, b):
            n = len(b)
            b[:n] = b"a" * n
            Endless.pulled += n
            return n

    fake = io.BufferedReader(Endless())
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(fake))
    limits = Limits(max_bytes=1 << 20)
    with pytest.raises(TooLarge):
        read_path("-", limits=limits)
    assert Endless.pulled < 4 << 20


def test_a_file_that_says_it_is_empty_is_counted_too(tmp_path):
    if not Path("/proc/self/status").exists():
        pytest.skip("no /proc")
    with pytest.raises(TooLarge):
        read_path("/proc/self/status", limits=Limits(max_bytes=10))


def _flate_pdf(inflated: int) -> bytes:
    from test_badinput import make_pdf

    body = b"BT /F1 24 Tf 72 760 Td (Notice) Tj ET\n" + b" " * inflated
    pdf = make_pdf(zlib.compress(body, 9))
    return pdf.replace(b"<< /Length", b"<< /Filter /FlateDecode /Length", 1)


def test_a_pdf_stream_that_inflates_past_the_limit_is_refused_before_pdfium():
    from castdoc.parse.bounds import inflated_size

    pdf = _flate_pdf(64 << 20)
    assert len(pdf) < 200_000
    assert inflated_size(pdf, 8 << 20) > 8 << 20
    with pytest.raises(TooLarge) as e:
        read_bytes(pdf, name="bomb.pdf", suffix=".pdf", limits=Limits(max_unzipped=8 << 20))
    assert "inflate" in e.value.message and "--max-unzipped" in e.value.hint
    assert inflated_size(_flate_pdf(1000), 8 << 20) < 2000  # a small stream is counted, not refused


def test_a_worker_memory_ceiling_turns_a_runaway_into_memoryerror():
    code = ("from castdoc.parse.bounds import memory_ceiling\n"
            "assert memory_ceiling(256 << 20)\n"
            "try:\n    x = bytearray(2 << 30)\nexcept MemoryError:\n    print('capped')\n")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                       env=dict(os.environ, PYTHONPATH=str(ROOT)))
    if sys.platform.startswith("linux"):
        assert r.stdout.strip() == "capped", r.stderr


# --- 7: the --cache DIR entries are checked ----------------------------------------------------


def _cached(tmp_path):
    from castdoc.cache import RecordCache, file_sha256

    p = tmp_path / "n.txt"
    p.write_text(GOOD, encoding="utf-8")
    cache = RecordCache(tmp_path / "cache")
    first = parse_one(str(p), DEFAULT_LIMITS, cache)
    assert first.records and not first.cached
    sha = file_sha256(p)
    entry = next((tmp_path / "cache").rglob(f"{sha}.json"))
    return p, cache, sha, entry


@pytest.mark.parametrize("poison", ["other-sha", "schema", "nested", "article"])
def test_a_poisoned_cache_entry_is_a_miss(tmp_path, poison):
    p, cache, sha, entry = _cached(tmp_path)
    data = json.loads(entry.read_text(encoding="utf-8"))
    rec = data["records"][0]
    if poison == "other-sha":
        rec["title"] = "伪造的标题"
        rec["source"]["sha256"] = "f" * 64
    elif poison == "schema":
        rec["title"] = "伪造的标题"
        rec["kind"] = "forged"
    elif poison == "nested":
        data["records"] = [[[[rec]]]]
    elif poison == "article":
        rec["source"]["article"] = 3
    entry.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    assert cache.get(sha, path=str(p)) is None
    again = parse_one(str(p), DEFAULT_LIMITS, cache)
    assert again.error is None and not again.cached
    assert again.records[0].title != "伪造的标题"
    assert cache.get(sha, path=str(p)) is not None  # rebuilt by that parse


def test_a_deeply_nested_cache_entry_is_a_miss_not_an_error(tmp_path):
    p, cache, sha, entry = _cached(tmp_path)
    entry.write_text('{"records": ' + "[" * 100_000 + "]" * 100_000 + "}", encoding="utf-8")
    out = parse_one(str(p), DEFAULT_LIMITS, cache)
    assert out.error is None and out.records and not out.cached


# --- 8: encodings ---------------------------------------------------------------------------

JAPANESE = "日本の科学技術振興機構は、来年度の研究計画について発表しました。詳しくはホームページをご覧ください。\n" * 4
KOREAN = "한국과학기술단체총연합회는 내년도 연구 계획을 발표했습니다. 자세한 내용은 홈페이지를 참고하십시오.\n" * 4


@pytest.mark.parametrize("text, enc, language", [(JAPANESE, "shift_jis", "Japanese"), (JAPANESE, "euc_jp", "Japanese"),
                                                 (KOREAN, "euc_kr", "Korean")])
def test_japanese_and_korean_bytes_are_named_and_refused(text, enc, language):
    data = text.encode(enc)
    for suffix, wrap in ((".txt", lambda b: b), (".html", lambda b: b"<html><body><p>" + b + b"</p></body></html>")):
        with pytest.raises(ReadError) as e:
            read_bytes(wrap(data), name="x" + suffix, suffix=suffix)
        assert language in e.value.message


def test_chinese_in_gb18030_and_big5_still_reads():
    raw = read_bytes(GOOD.encode("gb18030"), name="g.txt", suffix=".txt")
    assert raw.encoding == "gb18030" and raw.text == GOOD
    trad = "關於開展科普日活動的通知\n各市科協：\n請於2024年5月1日前報送材料，聯繫人王明。\n本次活動由市科學技術協會主辦，請各單位認真組織。\n"
    raw = read_bytes(trad.encode("big5"), name="b.txt", suffix=".txt")
    assert raw.encoding == "big5" and raw.text == trad


@pytest.mark.parametrize("seed", range(5))
def test_random_bytes_named_html_or_txt_are_refused(seed):
    import random

    r = random.Random(seed)
    data = bytes(r.randrange(1, 256) for _ in range(4000))  # no NUL: the decoding must see it
    for suffix in (".html", ".txt"):
        with pytest.raises(ReadError):
            read_bytes(data, name="r" + suffix, suffix=suffix)
    with pytest.raises(ReadError):
        read_bytes(b"\x00" + data, name="r.html", suffix=".html")


# --- 9: an unreadable subfolder, a long line -------------------------------------------------------


def test_an_unreadable_subfolder_is_reported(tmp_path, monkeypatch, capsys):
    from castdoc.batch.run import parse_files

    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "n.txt").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b" / "m.txt").write_text(GOOD, encoding="utf-8")
    real = os.scandir

    def scandir(path="."):
        if str(path).endswith("/b"):
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    import castdoc.report

    monkeypatch.setattr(castdoc.report, "_console", None)  # made afresh on the captured stderr
    monkeypatch.setattr(os, "scandir", scandir)
    report = parse_files([str(tmp_path)], out_dir=tmp_path / "out", quiet=True, jobs=1)
    err = capsys.readouterr().err
    assert "cannot read this folder" in err and str(tmp_path / "b") in err
    assert report.exit_code == 1
    assert list((tmp_path / "out").rglob("*.yaml"))


def test_an_hmm_run_costs_linear_time_in_its_length():
    """A run of characters that is no word goes to the HMM; jieba's viterbi copied its path
    at every character (a 10 MB line took minutes). The growth, not a time, is asserted."""
    from castdoc.segment import finalseg_cut

    def cost(n: int) -> float:
        text = "科" * n
        best = float("inf")
        for _ in range(3):
            t0 = time.perf_counter()
            words = list(finalseg_cut(text))
            best = min(best, time.perf_counter() - t0)
        assert "".join(words) == text
        return best

    small, large = cost(4000), cost(32000)
    assert large / small < 8 * 2.5, (small, large)  # linear: about 8; quadratic: about 64


def test_the_linear_hmm_cut_gives_jiebas_words():
    import random

    from jieba import finalseg

    from castdoc.segment import finalseg_cut

    r = random.Random(7)
    alphabet = "科协王明李华张伟同志主任abc12 ，。的了在是有和人"
    for _ in range(500):
        s = "".join(r.choice(alphabet) for _ in range(r.randrange(1, 30)))
        assert list(finalseg_cut(s)) == list(finalseg.cut(s)), s


def test_the_record_names_the_encoding_it_decoded_with(tmp_path):
    from castdoc.pipeline import parse_path
    from castdoc.record import from_dict, to_dict
    from castdoc.schema import validate

    gb = tmp_path / "g.txt"
    gb.write_bytes(GOOD.encode("gb18030"))
    utf = tmp_path / "u.txt"
    utf.write_text(GOOD, encoding="utf-8")
    (rec,) = parse_path(gb)
    d = to_dict(rec)
    assert d["source"]["encoding"] == "gb18030" and validate(d) == []
    assert from_dict(d).source.encoding == "gb18030"
    assert "encoding" not in to_dict(parse_path(utf)[0])["source"]  # UTF-8, the default, is not repeated
