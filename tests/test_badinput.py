"""Bad input: every hostile or broken file gets one line on stderr, an exit code, no traceback,
and in a batch the other files are still parsed and written.

The corpus of bad inputs is made here, in tmp_path, by the functions below (``BAD``); the
fuzz tests reuse them as seeds.
"""
from __future__ import annotations

import importlib.util
import io
import random
import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from castdoc.batch import parse_one
from castdoc.errors import CastdocError, ReadError, TooLarge
from castdoc.parse import Limits

CASTDOC = [sys.executable, "-m", "castdoc"]

GOOD = """关于做好2024年全国科普日活动的通知

各区科协，各学会：

为深入实施全民科学素质行动，现将有关事项通知如下。

一、请各单位于2024年8月30日前报送活动方案。

联系人：李华，电话：010-68571234

市科协办公室
2024年8月1日
"""


# --- makers: tiny, valid-enough files built by hand (no PDF or docx library needed) --------


def make_pdf(content: bytes = b"BT /F1 24 Tf 72 760 Td (Notice of the science day) Tj ET",
             *, image: bool = False, encrypt: bool = False) -> bytes:
    """A one-page PDF written object by object, with a correct xref table."""
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >>"
        + (b" /XObject << /Im1 6 0 R >>" if image else b"") + b" >> /Contents 5 0 R >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    if image:
        content = b"q 200 0 0 200 72 500 cm /Im1 Do Q"
    objs.append(b"<< /Length %d >>\nstream\n" % len(content) + content + b"\nendstream")
    if image:
        pixels = bytes((x * 37) % 256 for x in range(16 * 16))
        objs.append(b"<< /Type /XObject /Subtype /Image /Width 16 /Height 16 /ColorSpace /DeviceGray "
                    b"/BitsPerComponent 8 /Length %d >>\nstream\n" % len(pixels) + pixels + b"\nendstream")
    if encrypt:
        objs.append(b"<< /Filter /Standard /V 1 /R 2 /O <" + b"3f" * 32 + b"> /U <" + b"a5" * 32 + b"> /P -3904 >>")
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    trailer = b"/Size %d /Root 1 0 R" % (len(objs) + 1)
    if encrypt:
        trailer += b" /Encrypt %d 0 R /ID [<0123456789abcdef0123456789abcdef> <0123456789abcdef0123456789abcdef>]" % len(objs)
    out += b"trailer\n<< " + trailer + b" >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def make_docx(body_xml: str = "<w:p><w:r><w:t>关于开展科技周活动的通知</w:t></w:r></w:p>") -> bytes:
    """The smallest docx Word and python-docx open: content types, rels, document."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
            "</Types>"))
        z.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>'
            "</Relationships>"))
        z.writestr("word/document.xml", f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body>{body_xml}</w:body></w:document>')
    return buf.getvalue()


def make_docx_bomb(expanded_mb: int) -> bytes:
    """A docx whose document.xml inflates to ``expanded_mb`` MB of XML (a few KB on disk)."""
    ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
    good = make_docx()
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for info in src.infolist():
            if info.filename != "word/document.xml":
                z.writestr(info, src.read(info))
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{ns}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b"A" * (1 << 20)
            for _ in range(expanded_mb):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")
    return buf.getvalue()


def _garbage(n: int, seed: int) -> bytes:
    return random.Random(seed).randbytes(n)


def _zip_not_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("readme.txt", "not a word document")
        z.writestr("data/table.csv", "a,b\n1,2\n")
    return buf.getvalue()


def _nested_html(depth: int) -> bytes:
    return ("<html><body>" + "<div>" * depth + "<p>关于开展科普活动的通知</p>" + "</div>" * depth + "</body></html>").encode()


# name -> (bytes, what the error must say or None when reading it may succeed)
BAD: dict[str, tuple[bytes, str | None]] = {
    "empty.txt": (b"", "empty"),
    "empty.pdf": (b"", "empty"),
    "empty.docx": (b"", "empty"),
    "empty.html": (b"", "empty"),
    "blank.txt": (b" \r\n\t\n\xe3\x80\x80\n", "empty|no text"),
    "garbage.txt": (_garbage(4096, 1), None),
    "garbage.pdf": (_garbage(4096, 2), None),
    "garbage.docx": (_garbage(4096, 3), None),
    "garbage.html": (_garbage(4096, 4), None),
    "nul-bytes.txt": (b"\x00\x01\x02abc\x00" * 200, None),
    "truncated.pdf": (make_pdf()[: len(make_pdf()) // 2], None),
    "header-only.pdf": (b"%PDF-1.7\n", None),
    "corrupt-xref.pdf": (make_pdf().replace(b"xref", b"xrfe").replace(b"startxref", b"startxrfe"), None),
    "corrupt-stream.pdf": (make_pdf(b"BT /F1 24 Tf 72 760 Td (unterminated Tj ET\x00\xff\xfe"), None),
    "encrypted.pdf": (make_pdf(encrypt=True), "password|encrypt"),
    "images-only.pdf": (make_pdf(image=True), "text layer|scanned|no text"),
    "text-renamed.docx": (GOOD.encode("utf-8"), None),
    "zip-not-docx.docx": (_zip_not_docx(), None),
    "truncated.docx": (make_docx()[:300], None),
    "koi8r.txt": ("Уважаемые коллеги, сообщаем о проведении конференции по научно-популярной работе.".encode("koi8-r") * 3, "encoding"),
    "cp1251.txt": ("Уважаемые коллеги, сообщаем о проведении конференции в мае текущего года.".encode("cp1251") * 3, "encoding"),
    "utf32-no-bom.txt": (GOOD.encode("utf-32-le"), None),
    "old-word.doc": (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + _garbage(2000, 5), r"\.docx"),
    "wps-file.wps": (_garbage(100, 6), r"\.docx"),
    "unknown.xyz": (b"hello", "format"),
    "only-markup.html": (b"<html><head><script>var x=1;</script></head><body><div></div></body></html>", None),
}


def _reader_available(name: str) -> bool:
    mod = {".pdf": "pdf", ".docx": "docx", ".html": "html"}.get(Path(name).suffix)
    return mod is None or importlib.util.find_spec(f"castdoc.parse.{mod}") is not None


def _need_reader(name: str) -> None:
    if not _reader_available(name):
        pytest.skip(f"the reader for {Path(name).suffix} has not landed yet")


@pytest.fixture
def bad_dir(tmp_path):
    d = tmp_path / "bad"
    d.mkdir()
    for name, (data, _) in BAD.items():
        (d / name).write_bytes(data)
    return d


def _assert_clean_failure(out, name: str, expect: str | None) -> None:
    err = out.error
    assert isinstance(err, CastdocError), f"{name}: expected an error, got {len(out.records)} records"
    assert "internal error" not in err.message, f"{name}: {err.message}\n{out.trace}"
    line = err.line()
    assert name in line and "\n" not in line
    assert err.hint, f"{name}: says what is wrong but not what to do: {line}"
    assert err.exit_code == 3
    if expect:
        assert re.search(expect, line, re.I), line


@pytest.mark.parametrize("name", sorted(BAD))
def test_each_bad_input_fails_cleanly_or_reads(bad_dir, name):
    _need_reader(name)
    data, expect = BAD[name]
    t0 = time.monotonic()
    out = parse_one(str(bad_dir / name))
    assert time.monotonic() - t0 < 20, f"{name} took too long"
    if out.error is None and expect is None:
        assert out.records, name  # read after all (e.g. a lenient reader): then it is a record
        return
    _assert_clean_failure(out, name, expect)


def test_batch_of_bad_inputs_still_writes_every_good_file(bad_dir, tmp_path):
    for i in range(3):
        (bad_dir / f"good{i}.txt").write_text(GOOD, encoding="utf-8")
    out = tmp_path / "out"
    r = subprocess.run(CASTDOC + ["parse", str(bad_dir), "-o", str(out), "-j", "2", "--timeout", "60"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 1, r.stderr
    assert "Traceback" not in r.stderr
    for i in range(3):
        assert (out / f"good{i}.txt.yaml").read_text(encoding="utf-8").startswith("---")
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    for name in BAD:
        if name == "unknown.xyz":
            continue  # a folder walk only picks up documents
        said = [ln for ln in lines if f"/{name}:" in ln]
        written = (out / (Path(name).stem + ".yaml")).exists() or (out / (name + ".yaml")).exists()
        assert len(said) == 1 or (not said and written), f"{name}: {said}"
    assert lines[-1].startswith("warning:") and "could not be read" in lines[-1]


@pytest.mark.parametrize("name", ["empty.txt", "garbage.docx", "encrypted.pdf", "koi8r.txt", "old-word.doc", "unknown.xyz"])
def test_single_bad_file_one_line_exit_3(bad_dir, name):
    _need_reader(name)
    r = subprocess.run(CASTDOC + ["parse", str(bad_dir / name)], capture_output=True, text=True, timeout=120)
    assert r.returncode == 3
    assert r.stdout == ""
    lines = [ln for ln in r.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and name in lines[0] and lines[0].startswith("error:"), r.stderr


def test_missing_file_and_folder_named_like_a_document(tmp_path):
    (tmp_path / "dir.txt").mkdir()
    for target, words in ((tmp_path / "nope.txt", "no such file"), (tmp_path / "dir.txt", "folder")):
        out = parse_one(str(target))
        assert isinstance(out.error, ReadError) and words in out.error.message


INTERNAL = (
    "import sys, castdoc.pipeline as p\n"
    "def boom(path, *, limits): raise ZeroDivisionError('a bug')\n"
    "p.parse_path = boom\n"
    "from castdoc.cli import main\n"
    "sys.argv = ['castdoc', 'parse', *sys.argv[1:]]\n"
    "main()\n"
)


def test_internal_error_has_no_traceback_unless_debug(tmp_path):
    f = tmp_path / "n.txt"
    f.write_text(GOOD, encoding="utf-8")
    plain = subprocess.run([sys.executable, "-c", INTERNAL, str(f)], capture_output=True, text=True, timeout=60)
    assert plain.returncode == 3
    assert "Traceback" not in plain.stderr and "--debug" in plain.stderr and "n.txt" in plain.stderr
    debug = subprocess.run([sys.executable, "-c", INTERNAL, str(f), "--debug"], capture_output=True, text=True, timeout=60)
    assert debug.returncode == 3
    assert "Traceback" in debug.stderr and "ZeroDivisionError: a bug" in debug.stderr


# --- limits ---------------------------------------------------------------------------------


def test_max_size_refuses_before_reading(tmp_path):
    f = tmp_path / "big.txt"
    f.write_text(GOOD * 2000, encoding="utf-8")  # ~0.5 MB
    out = parse_one(str(f), Limits(max_bytes=100 * 1024))
    assert isinstance(out.error, TooLarge) and "--max-size" in out.error.line()
    r = subprocess.run(CASTDOC + ["parse", str(f), "--max-size", "0.1"], capture_output=True, text=True, timeout=60)
    assert r.returncode == 3 and "over the" in r.stderr


def test_hundred_mb_file_is_refused_by_size_quickly(tmp_path):
    f = tmp_path / "huge.txt"
    with open(f, "wb") as fh:  # sparse: costs no disk and no time to make
        fh.truncate(100 * 1024 * 1024)
    t0 = time.monotonic()
    out = parse_one(str(f))
    assert time.monotonic() - t0 < 1.0
    assert isinstance(out.error, TooLarge) and "100 MB" in out.error.message


def test_docx_bomb_is_refused_past_the_unzipped_limit(tmp_path):
    _need_reader("x.docx")
    f = tmp_path / "bomb.docx"
    f.write_bytes(make_docx_bomb(24))
    assert f.stat().st_size < 200 * 1024
    t0 = time.monotonic()
    out = parse_one(str(f), Limits(max_unzipped=4 * 1024 * 1024))
    assert time.monotonic() - t0 < 3.0, "refused without inflating it all"
    assert isinstance(out.error, ReadError) and "internal error" not in out.error.message
    assert "unzip" in out.error.line().lower() or "expand" in out.error.line().lower() or "decompress" in out.error.line().lower()


def test_one_megabyte_line_without_newline_parses_in_time(tmp_path):
    sentence = "各单位要认真组织开展科普日活动，请于2024年9月10日前报送总结材料，联系人张伟。"
    text = "关于开展科普日活动的通知\n" + sentence * (1_000_000 // len(sentence))
    f = tmp_path / "long-line.txt"
    f.write_text(text, encoding="utf-8")
    t0 = time.monotonic()
    out = parse_one(str(f), Limits())
    took = time.monotonic() - t0
    assert out.error is None, out.error and out.error.line()
    assert took < 60, f"a 1 MB line took {took:.1f} s"


def test_deeply_nested_html_is_read_or_refused_cleanly(tmp_path):
    _need_reader("x.html")
    f = tmp_path / "nested.html"
    f.write_bytes(_nested_html(50_000))
    out = parse_one(str(f))
    if out.error is not None:
        _assert_clean_failure(out, "nested.html", None)
    else:
        assert any("科普" in (r.title or "") or r.sections is not None for r in out.records)


def test_lone_surrogates_and_controls_in_text_files_read(tmp_path):
    f = tmp_path / "odd.txt"
    f.write_bytes(GOOD.encode("utf-8") + b"\xed\xa0\x80\x01\x02\x1b[31m" + "请于9月1日前报送。".encode("utf-8"))
    out = parse_one(str(f))
    assert out.error is None and out.records
    from castdoc.record import dump_json, dump_yaml

    dicts = [r.to_dict() for r in out.records]
    dump_yaml(dicts)
    dump_json(dicts).encode("utf-8")


# --- stored records (YAML): safe loading only ------------------------------------------------

RECORDS = {
    "not-yaml.yaml": ("title: [unclosed\n  - : :\n", r"not valid YAML"),
    "python-tag.yaml": ("title: !!python/object/apply:os.system ['touch {marker}']\n", r"safe loader|not plain YAML"),
    "python-name.yaml": ("kind: !!python/name:os.system\n", r"safe loader|not plain YAML"),
    "alias-bomb.yaml": ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                        "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n", r"alias"),
    "binary.yaml": (None, r"UTF-8"),
    "a-list.yaml": ("- 1\n- 2\n", r"not a mapping"),
}


@pytest.mark.parametrize("name", sorted(RECORDS))
def test_bad_record_files_are_refused_and_never_run(tmp_path, name):
    records = pytest.importorskip("castdoc.check.records")
    marker = tmp_path / "executed"
    text, expect = RECORDS[name]
    f = tmp_path / name
    if text is None:
        f.write_bytes(b"\xff\xfe\x00garbage\x80\x81")
    else:
        f.write_text(text.format(marker=marker), encoding="utf-8")
    refused = (CastdocError, getattr(records, "RecordLoadError", CastdocError))
    with pytest.raises(refused) as info:
        records.load_record(f)
    assert re.search(expect, str(info.value.message if hasattr(info.value, "message") else info.value)), info.value
    assert not marker.exists(), "a YAML tag ran code"
