"""Zones of notices and bulletins, on documents written for these tests."""
from __future__ import annotations

import datetime as dt

import pytest

from castdoc.pipeline import parse_text

NOTICE = """某省科协〔2024〕15号
某省科学技术协会关于开展2024年度科普教育基地认定工作的通知
各市科协，各省级学会、协会、研究会，省科协机关各部门、直属各单位：
为进一步加强科普阵地建设，经研究，决定开展2024年度科普教育基地认定工作。现将有关事项通知如下：
一、认定范围
（一）具备科普展教功能的场馆。
（二）高校、科研院所的实验室。
二、工作要求
1.各市科协要高度重视，认真组织推荐。
2.请于2024年6月30日前将推荐材料报送省科协科普部。
联系人：张伟、李娜
联系电话：０２０－８３５４３２１０
电子邮箱：kpb@example.org.cn
附件：1.科普教育基地申报表
2.科普教育基地推荐汇总表
某省科学技术协会
2024年5月8日
（此件公开发布）
抄送：中国科协科普部，省科技厅。
"""

BULLETIN = """院士专家走进乡村学校
来源：某市科协 发布时间：2024-06-03
5月31日下午，“院士专家进校园”活动在某县第一中学举行。中国科学院院士陈立出席活动并作报告。
记者 王强 通讯员 刘洋
"""


@pytest.fixture(scope="module")
def notice():
    (rec,) = parse_text(NOTICE, name="notice.txt")
    return rec


def test_notice_head(notice):
    assert notice.kind == "notice"
    assert notice.doc_type == "通知"
    assert notice.doc_number == "某省科协〔2024〕15号"
    assert notice.title == "某省科学技术协会关于开展2024年度科普教育基地认定工作的通知"
    assert notice.recipients == ("各市科协", "各省级学会、协会、研究会", "省科协机关各部门、直属各单位")


def test_notice_tail(notice):
    assert notice.issuer == "某省科学技术协会"
    assert notice.issued == dt.date(2024, 5, 8)
    assert notice.cc == ("中国科协科普部", "省科技厅")


def test_notice_attachments_and_contacts(notice):
    assert notice.attachments == ("科普教育基地申报表", "科普教育基地推荐汇总表")
    names = [c.name for c in notice.contacts]
    assert names == ["张伟", "李娜"]
    assert {c.phone for c in notice.contacts} == {"０２０－８３５４３２１０"}
    assert {c.email for c in notice.contacts} == {"kpb@example.org.cn"}


def test_notice_sections_form_a_tree(notice):
    levels = [(s.level, s.marker) for s in notice.sections]
    assert levels == [(1, "一、"), (2, "（一）"), (2, "（二）"), (1, "二、"), (3, "1."), (3, "2.")]
    last = notice.sections[-1]
    assert last.path[0].startswith("二、工作要求")
    assert NOTICE.replace("\n", "")  # sections keep raw offsets
    assert NOTICE[last.start:last.end].startswith("2.请于")


def test_bulletin_source_date_and_byline():
    (rec,) = parse_text(BULLETIN, name="b.txt")
    assert rec.kind == "bulletin"
    assert rec.title == "院士专家走进乡村学校"
    assert rec.issuer == "某市科协"
    assert rec.issued == dt.date(2024, 5, 31)
    assert "记者 王强" in rec.byline


def test_bulletin_unit_in_brackets_is_issuer_and_name_is_byline():
    text = "本报讯 6月2日，市科协组织科技志愿者开展科普宣传活动，发放宣传资料三千余份，现场解答群众咨询。\n（市科协科普部）\n"
    (rec,) = parse_text(text)
    assert rec.issuer == "市科协科普部"
    text2 = "本报讯 6月2日，市科协组织科技志愿者开展科普宣传活动，发放宣传资料三千余份。(李华)\n"
    (rec2,) = parse_text(text2)
    assert rec2.issuer is None
    assert rec2.byline == ("李华",)


@pytest.mark.parametrize(
    "date_line, iso",
    [
        ("二〇二四年五月八日", "2024-05-08"),
        ("二○二四年五月八日", "2024-05-08"),
        ("二OO八年三月五日", "2008-03-05"),
        ("二〇二四年元月十八日", "2024-01-18"),
        ("2024年5月8日", "2024-05-08"),
    ],
)
def test_issued_in_chinese_numerals(date_line, iso):
    text = NOTICE.replace("2024年5月8日", date_line)
    (rec,) = parse_text(text)
    assert rec.issued.isoformat() == iso


@pytest.mark.parametrize(
    "number",
    ["某科协发〔2024〕3号", "某科协发[2024]3号", "某科协发(2024)第003号", "某科協發〔2024〕3號"],
)
def test_doc_number_forms(number):
    (rec,) = parse_text(NOTICE.replace("某省科协〔2024〕15号", number))
    assert rec.doc_number == number


def test_body_line_ending_in_colon_is_not_recipients():
    text = "根据省科协工作安排，现就有关事项通知如下：\n1.各单位于6月1日前报送材料。\n某市科协\n2024年5月8日\n"
    (rec,) = parse_text(text)
    assert rec.recipients == ()
    assert rec.kind == "notice"
