"""Word tables: contact tables give contacts, tables of duties give one task per row.
The .docx files are made here with python-docx."""
from __future__ import annotations

import datetime as dt

import pytest

from castdoc.pipeline import parse_bytes, parse_text

docx = pytest.importorskip("docx")

DUTIES = [["序号", "工作内容", "责任单位", "完成时限"],
          ["1", "制定活动实施方案", "市科协办公室", "2024年5月10日前"],
          ["2", "组织开展走访慰问", "各区科协", "5月底前"],
          ["3", "建立常态化联系机制", "市科协组织部、各市级学会", "长期坚持"]]


def _docx(blocks, header=None) -> bytes:
    import io

    d = docx.Document()
    if header:
        d.sections[0].header.paragraphs[0].text = header
    for b in blocks:
        if isinstance(b, str):
            d.add_paragraph(b)
            continue
        t = d.add_table(rows=len(b), cols=max(len(r) for r in b))
        for r, row in enumerate(b):
            for c, v in enumerate(row):
                t.cell(r, c).text = v
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


HEAD = ["某市科协关于做好2024年全国科技工作者日活动的通知", "各区科协，各市级学会：",
        "为做好今年科技工作者日活动，现将有关事项通知如下。"]
TAIL = ["某市科学技术协会", "2024年4月20日"]


def _record(blocks, header=None):
    return parse_bytes(_docx(HEAD + blocks + TAIL, header=header), name="t.docx", suffix=".docx")[0]


def test_duty_table_gives_one_task_per_row_with_actor_and_deadline():
    rec = _record(["一、重点任务", DUTIES])
    got = [(t.text, t.actor, t.deadline) for t in rec.tasks]
    assert ("制定活动实施方案", "市科协办公室", dt.date(2024, 5, 10)) in got
    assert ("组织开展走访慰问", "各区科协", dt.date(2024, 5, 31)) in got
    assert ("建立常态化联系机制", "市科协组织部、各市级学会", None) in got
    row = next(t for t in rec.tasks if t.text == "建立常态化联系机制")
    assert row.detail == "长期坚持" and row.section == ("一、重点任务",)
    assert not any("序号" in t.text or "工作内容" in t.text for t in rec.tasks)
    for t in rec.tasks:
        assert t.mention.text == t.text  # the cell as read


def test_contact_table_by_columns():
    rec = _record(["联系方式：", [["联系人", "电话", "邮箱"], ["王小明", "0571-88886666", "wxm@kx.example.cn"],
                                 ["李娜", "0571-88887777", "ln@kx.example.cn"]]])
    got = [(c.name, c.phone, c.email) for c in rec.contacts]
    assert got == [("王小明", "0571-88886666", "wxm@kx.example.cn"), ("李娜", "0571-88887777", "ln@kx.example.cn")]


def test_contact_table_by_label_value_rows():
    rec = _record([[["联系人", "张伟", "手机", "13800001111"], ["邮箱", "zw@kx.example.cn", "地址", "某市解放路18号"],
                    ["联系人", "赵静", "电话", "0571-86660000"]]])
    got = [(c.name, c.phone, c.email, c.address) for c in rec.contacts]
    assert got == [("张伟", "13800001111", "zw@kx.example.cn", "某市解放路18号"), ("赵静", "0571-86660000", None, None)]


def test_a_data_table_is_neither_contacts_nor_tasks():
    rec = _record([[["地区", "人数", "比例"], ["东区", "120", "30%"], ["西区", "80", "20%"]]])
    assert rec.contacts == () and not any(t.text in ("东区", "西区") for t in rec.tasks)


def test_tab_separated_text_table_reads_the_same():
    text = "\n".join(HEAD + ["联系人\t电话", "王小明\t0571-88886666"] + TAIL)
    rec = parse_text(text)[0]
    assert [(c.name, c.phone) for c in rec.contacts] == [("王小明", "0571-88886666")]


def test_header_kept_apart_and_given_to_the_document():
    from castdoc.parse import read_bytes
    from castdoc.pipeline import documents_from_raw

    raw = read_bytes(_docx(HEAD + TAIL, header="某市科学技术协会办公室"), name="h.docx", suffix=".docx")
    assert "办公室" not in raw.text
    doc = documents_from_raw(raw, path="h.docx", sha256="0")[0]
    assert doc.headers == ("某市科学技术协会办公室",)
