"""The .doc/.wps reader on Word 97-2003 files the tests write themselves (tests/docbuild.py)."""
from __future__ import annotations

import os
import stat
import sys
import textwrap

import pytest
from docbuild import make_cfb, make_doc

from castdoc.errors import ReadError, UnsupportedFormat
from castdoc.parse import read_bytes, read_path

pytest.importorskip("olefile")

NOTICE = [
    ("某市科学技术协会关于举办科普讲解大赛的通知\r", False),
    ("各区科协：\r", False),
    ("Rules 2024\r", True),  # an 8-bit piece in cp1252 order, as Word writes Latin runs
    ("请于2024年6月10日前报送名单，详见\x13 HYPERLINK \"http://x.example\" \x14报名网站\x15。\r", False),
    ("内部备注不要显示\r", False),
    ("联系人\x07王小明\x07\x07电话\x070571-88886666\x07\x07", False),
    ("某市科学技术协会\r2024年5月6日\r", False),
]


def test_doc_pieces_fields_hidden_cells_and_header():
    data = make_doc(NOTICE, header="某市科协文件\r", hidden=("内部备注不要显示",))
    raw = read_bytes(data, name="n.doc", suffix=".doc")
    lines = raw.text.split("\n")
    assert lines[0] == "某市科学技术协会关于举办科普讲解大赛的通知"
    assert "Rules 2024" in lines  # the 8-bit piece, in its place
    assert "请于2024年6月10日前报送名单，详见报名网站。" in lines  # instruction out, result kept
    assert "内部备注不要显示" not in raw.text and "HYPERLINK" not in raw.text
    assert lines[lines.index("联系人") + 1] == "王小明"  # cell marks end lines
    assert "0571-88886666" in lines
    assert raw.headers == ("某市科协文件",) and "某市科协文件" not in raw.text
    assert raw.format == "doc"
    for b in raw.blocks:
        assert raw.text[b.start:b.end] in lines


def test_doc_8bit_piece_in_the_code_page_of_the_language():
    data = make_doc([("科协通知正文\r", True)], lid=0x0804)
    assert read_bytes(data, name="g.doc", suffix=".doc").text == "科协通知正文"
    big5 = make_doc([("學會通知\r", True)], lid=0x0404)
    assert read_bytes(big5, name="b.doc", suffix=".doc").text == "學會通知"


def test_wps_is_read_as_its_own_format(tmp_path):
    p = tmp_path / "通知.wps"
    p.write_bytes(make_doc(NOTICE))
    raw = read_path(p)
    assert raw.format == "wps" and raw.text.startswith("某市科学技术协会关于")


def test_doc_through_the_whole_pipeline(tmp_path):
    from castdoc.pipeline import parse_path

    p = tmp_path / "n.doc"
    p.write_bytes(make_doc(NOTICE))
    rec = parse_path(str(p))[0]
    assert rec.source.format == "doc"
    assert rec.title == "某市科学技术协会关于举办科普讲解大赛的通知"
    assert rec.issued.isoformat() == "2024-05-06"


def test_doc_encrypted_is_named():
    with pytest.raises(ReadError, match="password"):
        read_bytes(make_doc(NOTICE, encrypted=True), name="e.doc", suffix=".doc")


def test_doc_word95_without_libreoffice_names_what_is_missing(monkeypatch):
    monkeypatch.setenv("CASTDOC_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(UnsupportedFormat) as e:
        read_bytes(make_doc(NOTICE, nfib=0x0065 - 1), name="old.doc", suffix=".doc")
    line = e.value.line()
    assert "Word 6/95" in line and "LibreOffice" in line and "\n" not in line


def test_doc_spreadsheet_in_a_compound_file_is_named(monkeypatch):
    monkeypatch.setenv("CASTDOC_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(UnsupportedFormat, match="Excel"):
        read_bytes(make_cfb({"Workbook": b"\x09\x08" * 100}), name="x.doc", suffix=".doc")


def test_soffice_fallback_runs_with_a_private_profile(tmp_path, monkeypatch):
    """A stand-in soffice (a script writing a .docx with python-docx) shows the plumbing:
    the arguments, the private profile folder, and the result read as the .doc's text."""
    pytest.importorskip("docx")
    log = tmp_path / "args.txt"
    fake = tmp_path / "soffice"
    fake.write_text(textwrap.dedent(f"""\
        #!{sys.executable}
        import sys, pathlib, docx
        pathlib.Path({str(log)!r}).write_text("\\n".join(sys.argv[1:]))
        out = pathlib.Path(sys.argv[sys.argv.index("--outdir") + 1]); out.mkdir(parents=True, exist_ok=True)
        d = docx.Document(); d.add_paragraph("转换得到的正文"); d.save(out / "input.docx")
        """), encoding="utf-8")
    fake.chmod(fake.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setenv("CASTDOC_SOFFICE", str(fake))
    raw = read_bytes(make_doc(NOTICE, nfib=0x0065 - 1), name="old.wps", suffix=".wps")
    assert raw.text == "转换得到的正文" and raw.format == "wps"
    args = log.read_text().split("\n")
    assert any(a.startswith("-env:UserInstallation=file://") for a in args)
    assert "--headless" in args and args[args.index("--convert-to") + 1] == "docx"
    assert os.path.basename(args[-1]) == "input.wps"


def test_rtf_without_libreoffice_is_one_line(monkeypatch):
    monkeypatch.setenv("CASTDOC_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(UnsupportedFormat, match="LibreOffice"):
        read_bytes(b"{\\rtf1\\ansi hello}", name="a.rtf", suffix=".rtf")


def test_doc_table_rows_from_the_paragraph_runs():
    """With sprmPFTtp telling the row ends, cells are parted by tabs as in a .docx row,
    and a contact table gives its contacts."""
    from docbuild import ROW_END

    from castdoc.pipeline import parse_bytes

    pieces = NOTICE[:2] + [("联系人\x07电话\x07" + ROW_END + "王小明\x070571-88886666\x07" + ROW_END
                            + "李娜\x070571-88887777\x07" + ROW_END, False)] + NOTICE[-1:]
    data = make_doc(pieces)
    raw = read_bytes(data, name="t.doc", suffix=".doc")
    lines = raw.text.split("\n")
    assert lines[2:5] == ["联系人\t电话", "王小明\t0571-88886666", "李娜\t0571-88887777"]
    assert [b.kind for b in raw.blocks][2:5] == ["table_row"] * 3
    rec = parse_bytes(data, name="t.doc", suffix=".doc")[0]
    assert [(c.name, c.phone) for c in rec.contacts] == [("王小明", "0571-88886666"), ("李娜", "0571-88887777")]


def test_html_and_rtf_named_doc_are_read_as_what_they_are(monkeypatch):
    page = "<html><body><p>某市科协关于举办科普讲解大赛的通知</p><p>各区科协：</p></body></html>".encode("utf-8")
    raw = read_bytes(page, name="saved.doc", suffix=".doc")
    assert raw.format == "html" and "各区科协：" in raw.text
    monkeypatch.setenv("CASTDOC_SOFFICE", "/nonexistent/soffice")
    with pytest.raises(UnsupportedFormat, match="RTF"):
        read_bytes(b"{\\rtf1\\ansi hello}", name="saved.doc", suffix=".doc")


def test_doc_saved_with_a_docx_name_is_read():
    raw = read_bytes(make_doc(NOTICE), name="misnamed.docx", suffix=".docx")
    assert raw.format == "doc" and raw.text.startswith("某市科学技术协会关于")
