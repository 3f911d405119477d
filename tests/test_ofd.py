"""The OFD reader on packages the tests write themselves (tests/docbuild.py)."""
from __future__ import annotations

import io
import random
import zipfile

import pytest
from docbuild import make_ofd

from castdoc.errors import ReadError, TooLarge
from castdoc.parse import Limits, read_bytes
from castdoc.parse.ofd import _numbers

S = 5.6  # 3号 in millimetres
LEFT = 25.0

PARA = "为进一步推动全民科学素质提升，经研究，决定于今年举办全市科普讲解大赛，现将有关事项通知如下。"


def _body(lines, y0=70.0, pitch=10.0):
    """Lines of the body, an indent of two characters where a line starts with two spaces."""
    out = []
    for i, t in enumerate(lines):
        indent = 2 * S if t.startswith("  ") else 0.0
        out.append((LEFT + indent, y0 + i * pitch, t.strip(), S))
    return out


def _wrap(text, first=26, width=28):
    lines = ["  " + text[:first]]
    rest = text[first:]
    while rest:
        lines.append(rest[:width])
        rest = rest[width:]
    return lines


def _notice(deltas=True, shuffle=False):
    page1 = [(LEFT + 20, 35, "某市科学技术协会文件", 11, "red")] + _body(
        ["某科协发〔2024〕3号", "关于举办科普讲解大赛的通知", "各区科协："] + _wrap(PARA) + ["  一、报名时间"])
    page2 = _body(["  请于2024年6月10日前报送参赛名单。", "  联系人：王小明，电话：0571-88886666",
                   "                    某市科学技术协会", "                    2024年5月6日"])
    if shuffle:
        random.Random(7).shuffle(page1)
    return make_ofd([page1, page2], template=[(100, 280, "— 1 —", 4)], deltas=deltas, title="关于举办科普讲解大赛的通知")


@pytest.mark.parametrize("deltas", [True, False])
def test_ofd_pages_in_order_lines_joined_page_numbers_dropped(deltas):
    raw = read_bytes(_notice(deltas=deltas), name="n.ofd", suffix=".ofd")
    lines = raw.text.split("\n")
    assert raw.format == "ofd" and raw.pages == 2
    assert lines[:4] == ["某市科学技术协会文件", "某科协发〔2024〕3号", "关于举办科普讲解大赛的通知", "各区科协："]
    assert PARA in lines  # the wrapped paragraph is one line again
    assert lines.index("一、报名时间") < lines.index("请于2024年6月10日前报送参赛名单。")  # page 1 before page 2
    assert "— 1 —" not in raw.text
    assert any(b.kind == "heading" and b.style == "masthead" for b in raw.blocks)  # large and red
    assert any(b.kind == "page_break" and b.page == 1 for b in raw.blocks)


def test_ofd_objects_out_of_order_are_read_top_to_bottom():
    raw = read_bytes(_notice(shuffle=True), name="n.ofd", suffix=".ofd")
    assert raw.text.split("\n")[:3] == ["某市科学技术协会文件", "某科协发〔2024〕3号", "关于举办科普讲解大赛的通知"]


def test_ofd_through_the_pipeline():
    from castdoc.pipeline import parse_bytes

    rec = parse_bytes(_notice(), name="n.ofd", suffix=".ofd")[0]
    assert rec.source.format == "ofd"
    assert rec.title == "关于举办科普讲解大赛的通知"
    assert rec.doc_number == "某科协发〔2024〕3号"
    assert rec.issued.isoformat() == "2024-05-06"
    assert any(c.phone == "0571-88886666" for c in rec.contacts)


def test_ofd_renamed_docx_is_still_read_as_ofd():
    assert read_bytes(_notice(), name="n.docx", suffix=".docx").format == "ofd"


def test_ofd_delta_arrays():
    assert _numbers("g 3 2.5 1") == [2.5, 2.5, 2.5, 1.0]
    assert _numbers("1 -2.5 .5 1e1") == [1.0, -2.5, 0.5, 10.0]


def _zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for k, v in members.items():
            z.writestr(k, v)
    return buf.getvalue()


def test_ofd_entities_refused():
    evil = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]>'
            b'<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"><ofd:DocBody><ofd:DocRoot>&b;</ofd:DocRoot></ofd:DocBody></ofd:OFD>')
    with pytest.raises(ReadError, match="DOCTYPE"):
        read_bytes(_zip({"OFD.xml": evil}), name="e.ofd", suffix=".ofd")


def test_ofd_zip_bomb_refused_without_inflating():
    data = _zip({"OFD.xml": b"<a/>", "Doc_0/big.xml": b"\0" * (40 * 1024 * 1024)})
    with pytest.raises(TooLarge):
        read_bytes(data, name="b.ofd", suffix=".ofd", limits=Limits(max_unzipped=20 * 1024 * 1024))
    with pytest.raises(TooLarge, match="expands"):
        read_bytes(data, name="b.ofd", suffix=".ofd")


@pytest.mark.parametrize("data, words", [
    (b"not a zip at all" * 10, "PDF"),
    (_zip({"content.xml": b"<a/>"}), "OFD.xml"),
    (_zip({"OFD.xml": b"<ofd:OFD xmlns:ofd='x'><ofd:DocBody/></ofd:OFD>"}), "DocRoot"),
    (_zip({"OFD.xml": b"<unclosed"}), "well-formed"),
])
def test_ofd_damaged_is_one_clear_error(data, words):
    with pytest.raises(ReadError) as e:
        read_bytes(data, name="d.ofd", suffix=".ofd")
    assert words in e.value.line() and "\n" not in e.value.line()
