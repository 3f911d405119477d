"""Contacts: the phones and addresses given for the document's business, on notices we wrote;
not a fax, not the digits of an e-mail address, not a web site's own header or footer."""
from __future__ import annotations

import pytest

from castdoc.extract import contacts
from conftest import doc_of

HEAD = "关于报送年度科普工作总结的通知\n各区科协：\n请于5月1日前报送年度科普工作总结。\n"


def _contacts(tail: str) -> list[tuple]:
    return [(c.name, c.phone, c.email) for c in contacts.extract(doc_of(HEAD + tail), {})]


@pytest.mark.parametrize("tail, expected", [
    # phones right after the contact's name, with no phone label
    ("联系人：苏文清 13912345678\n", [("苏文清", "13912345678", None)]),
    ("联系人：苏文清 2820478/18008298079\n", [("苏文清", "2820478、18008298079", None)]),
    # phones as offices write them
    ("联系电话：0571-8765-4321\n", [(None, "0571-8765-4321", None)]),
    ("联系电话：(0571)-87654321\n", [(None, "(0571)-87654321", None)]),
    ("联系电话：+86-10-68571234\n", [(None, "+86-10-68571234", None)]),
    ("联系电话：139 1234 5678\n", [(None, "139 1234 5678", None)]),
    ("咨询电话：400-123-4567\n", [(None, "400-123-4567", None)]),
    ("联系：苏文清 0571-87654321\n", [(None, "0571-87654321", None)]),
    # the digits inside an e-mail address are no phone
    ("联系人：苏文清，联系电话：85683635，电子邮箱：kpb6637506@126.com\n",
     [("苏文清", "85683635", "kpb6637506@126.com")]),
    # a fax is no phone, however its label is written; 电话/传真 serves both
    ("联系人:苏文清;联系电话:88319100;传真号码:88303066\n", [("苏文清", "88319100", None)]),
    ("联系电话：0571-87654321 传真：0571-87654322\n", [(None, "0571-87654321", None)]),
    ("电话/传真：0571-87654321\n", [(None, "0571-87654321", None)]),
])
def test_contact_lines(tail, expected):
    assert _contacts(tail) == expected


def test_a_sites_footer_and_contact_box_are_not_contacts():
    tail = ("联系人：苏文清；联系电话：0571-87654321\n\n"
            "主办：某市人民政府\n\n承办：某市大数据局\n\n网站标识码：3300000001  浙ICP备12345678号\n\n"
            "违法和不良信息举报电话：0571-80000000\n\n建议使用1920×1080分辨率\n\n邮箱：site@example.gov.cn\n\n"
            "浙公网安备 33010002000001号\n")
    assert _contacts(tail) == [("苏文清", "0571-87654321", None)]
    box = "联系我们\n\n联系人：某市科学技术协会\n\n电话：0571-80000001\n\n传真：0571-80000001\n\n"
    assert contacts.extract(doc_of(box + HEAD + "联系电话：0571-87654321\n"), {})[0].phone == "0571-87654321"
    assert [c.phone for c in contacts.extract(doc_of(box + HEAD), {})] == []


def test_a_contact_block_right_before_the_footer_is_kept():
    tail = "联系电话：8260070\n\n电子邮箱：kpb@example.cn\n\n版权所有：某某学院 技术支持：某某公司\n"
    assert _contacts(tail) == [(None, "8260070", "kpb@example.cn")]


@pytest.mark.parametrize("tail, phone", [
    # a 联系人 label whose names the name pattern does not read: a unit before the name
    ("联系人：省科协学会部 邵志新 13800138000\n", "13800138000"),
    ("邵志新（联系人） 0571-87654321\n", "0571-87654321"),
    # labels broken by pinyin glosses, and the mixed form 聯系
    ("（聯(lián)系人：邵志(zhì)新；聯(lián)系電(diàn)話(huà)：88319100；傳(chuán)真(zhēn)：88303066）\n", "88319100"),
])
def test_phones_after_a_contact_label_however_written(tail, phone):
    assert [c.phone for c in contacts.extract(doc_of(HEAD + tail), {})] == [phone]
