"""The dates extractor: every form offices write, normalised to ISO with year and month filled in."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from castdoc.document import Document
from castdoc.extract import dates
from castdoc.normalise import normalise
from castdoc.extract import run_all
from castdoc.pipeline import documents_from_raw
from castdoc.structure import structure
from castdoc.types import RawText, Source

D = dt.date
REF = D(2020, 10, 9)


def _doc(text: str, ref: dt.date | None = REF, kind: str = "notice") -> Document:
    view = normalise(text)
    st = dataclasses.replace(structure(view), kind=kind, issued_mention=None)
    return Document(source=Source(path="t.txt", format="txt", sha256="0"), view=view, structure=st, reference=ref)


def _articles(text: str, name: str = "t.txt"):
    """(kind, dates) per article, through the real pipeline up to the dates extractor."""
    docs = documents_from_raw(RawText(text=text, format="txt"), path=name, sha256="0")
    return [(d.structure.kind, run_all(d, only=("dates",)).dates) for d in docs]


def _found(text: str, ref: dt.date | None = REF, kind: str = "notice"):
    return [(x.mention.text, x.start, x.end) for x in dates.extract(_doc(text, ref, kind), {})]


CASES = [
    # full dates in every notation
    ("经研究,定于2020年10月9日召开座谈会。", [("2020年10月9日", D(2020, 10, 9), D(2020, 10, 9))]),
    ("二〇二〇年十月九日", [("二〇二〇年十月九日", D(2020, 10, 9), D(2020, 10, 9))]),
    ("二○二一年三月二十日", [("二○二一年三月二十日", D(2021, 3, 20), D(2021, 3, 20))]),
    ("二OO八年三月五日", [("二OO八年三月五日", D(2008, 3, 5), D(2008, 3, 5))]),
    ("二0一九年十二月三十一日", [("二0一九年十二月三十一日", D(2019, 12, 31), D(2019, 12, 31))]),
    ("日期:2020-10-09 17:21:00", [("2020-10-09", D(2020, 10, 9), D(2020, 10, 9))]),
    ("发布于2020.10.9,请查收。", [("2020.10.9", D(2020, 10, 9), D(2020, 10, 9))]),
    ("更新时间 2020/10/9", [("2020/10/9", D(2020, 10, 9), D(2020, 10, 9))]),
    ("22.04.2015  13:01", [("22.04.2015", D(2015, 4, 22), D(2015, 4, 22))]),
    ("广州市科协\n2022年7月26", [("2022年7月26", D(2022, 7, 26), D(2022, 7, 26))]),
    ("２０２０年１０月９日", [("２０２０年１０月９日", D(2020, 10, 9), D(2020, 10, 9))]),
    # partial dates take the year of the reference
    ("9月11日,省科协召开党组会议。", [("9月11日", D(2020, 9, 11), D(2020, 9, 11))]),
    ("元月5日前报送。", [("元月5日", D(2021, 1, 5), D(2021, 1, 5))]),
    # ranges
    ("会议定于10月14-15日在广州举行。", [("10月14-15日", D(2020, 10, 14), D(2020, 10, 15))]),
    ("培训班于8月20日-21日举办。", [("8月20日-21日", D(2020, 8, 20), D(2020, 8, 21))]),
    ("申报时间为9月14日至21日。", [("9月14日至21日", D(2020, 9, 14), D(2020, 9, 21))]),
    ("征集时间:2013年5月3日起至5月9日。", [("2013年5月3日起至5月9日", D(2013, 5, 3), D(2013, 5, 9))]),
    ("公示期为2023年7月13日至2023年7月17日。", [("2023年7月13日至2023年7月17日", D(2023, 7, 13), D(2023, 7, 17))]),
    ("活动自9月28日至10月5日。", [("9月28日至10月5日", D(2020, 9, 28), D(2020, 10, 5))]),
    # listed days are dates of their own
    ("比赛于12月18日和19日举行。", [("12月18日", D(2020, 12, 18), D(2020, 12, 18)), ("19日", D(2020, 12, 19), D(2020, 12, 19))]),
    ("请于5月22、23日到会。", [("5月22", D(2021, 5, 22), D(2021, 5, 22)), ("23日", D(2021, 5, 23), D(2021, 5, 23))]),
    # a day alone takes the month of the date before it
    ("10月14-15日,调研组到深圳调研。14日下午,调研组参观基地。",
     [("10月14-15日", D(2020, 10, 14), D(2020, 10, 15)), ("14日下午", D(2020, 10, 14), D(2020, 10, 14))]),
    # parts of a month are ranges
    ("请于11月中旬前报送总结。", [("11月中旬", D(2020, 11, 11), D(2020, 11, 20))]),
    ("请于10月底前完成。", [("10月底", D(2020, 10, 21), D(2020, 10, 31))]),
    ("计划2021年6月下旬召开。", [("2021年6月下旬", D(2021, 6, 21), D(2021, 6, 30))]),
    ("12月初举行颁奖仪式。", [("12月初", D(2020, 12, 1), D(2020, 12, 10))]),
    ("2020年2月", [("2020年2月", D(2020, 2, 1), D(2020, 2, 29))]),
    # not dates
    ("贯彻落实2020年工作部署和“十四五”规划。", []),
    ("《海智计划五年工作规划(2019-2023年)》", []),
    ("QQ图片20190227170104.jpg", []),
    ("联系电话:0371-61234567,13601222990", []),
    ("庆祝第五个“全国科技工作者日”。", []),
    ("详见http://www.example.cn/art/2021/5/28/art_12.html", []),
    ("附件:2020-10-09-名单.docx", []),
    ("开展2009-2010年度优秀论文评选。", []),
    ("系统版本号:2020.10.9", []),
    ("请升级到 v2020.10.9 版", []),
    ("每月10日前报送。", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:16] for c in CASES])
def test_forms(text, expected):
    assert _found(text) == expected


def test_part_time_and_roles():
    got = dates.extract(_doc("请于10月20日下午3:00前将回执发送至邮箱。定于10月22日上午9:30召开会议。其他:10月1日。"), {})
    assert [(x.mention.text, x.role, x.part, x.time) for x in got] == [
        ("10月20日下午", "deadline", "下午", "15:00"),
        ("10月22日上午", "event", "上午", "09:30"),
        ("10月1日", "other", None, None),
    ]


@pytest.mark.parametrize("text,role", [
    ("材料截止2020年11月1日。", "deadline"),
    ("截止日期为2020年11月1日。", "deadline"),
    ("请于2020年11月1日之前报送。", "deadline"),
    ("议题征集截止本周三(10月21日)下午17:00。", "deadline"),
    ("即日起至11月1日。", "deadline"),
    ("11月1日在北京召开年会。", "event"),
    ("10月12日,调研组赴基地考察。", "event"),
])
def test_roles(text, role):
    got = dates.extract(_doc(text), {})
    assert [x.role for x in got] == [role]


def test_deadline_time_inside_parentheses():
    (x,) = dates.extract(_doc("议题征集截止本周三(9月21日)下午17:00。", D(2011, 9, 19)), {})
    assert (x.start, x.time, x.part) == (D(2011, 9, 21), "17:00", "下午")


def test_no_year_no_iso_date():
    """A date whose year nothing in the document gives keeps its month and day, no ISO start."""
    (x,) = dates.extract(_doc("3月24日,市科协组织交流活动。", None, "bulletin"), {})
    assert (x.mention.text, x.start, x.end, x.month, x.day, x.year_supplied) == ("3月24日", None, None, 3, 24, False)


def test_bulletin_day_after_report_is_last_year():
    assert _found("12月28日,市科协召开年会。", ref=D(2021, 1, 5), kind="bulletin") == [("12月28日", D(2020, 12, 28), D(2020, 12, 28))]


def test_notice_in_december_asks_for_january():
    assert _found("请于1月10日前报送。", ref=D(2020, 12, 20)) == [("1月10日", D(2021, 1, 10), D(2021, 1, 10))]


def test_year_carried_within_a_paragraph():
    got = _found("经2014年11月24日组长会议,以及12月16日秘书长会议讨论。", ref=D(2015, 2, 13))
    assert got == [("2014年11月24日", D(2014, 11, 24), D(2014, 11, 24)), ("12月16日", D(2014, 12, 16), D(2014, 12, 16))]


def test_page_stamp_is_the_reference_when_nothing_else():
    got = _found("区科协召开座谈会\n发布时间:2021-05-28 10:43\n5月27日上午,区科协召开座谈会。", ref=None, kind="bulletin")
    assert got == [("2021-05-28", D(2021, 5, 28), D(2021, 5, 28)), ("5月27日上午", D(2021, 5, 27), D(2021, 5, 27))]


def test_end_to_end_issued_role_and_exact_mentions():
    text = (
        "关于召开2020年学会工作会议的通知\n\n各省级学会:\n\n"
        "经研究,定于１０月１４-15日召开会议。请于10月12日前将回执发送至邮箱。\n\n"
        "广东省科协\n二〇二〇年九月三十日\n"
    )
    ((_, found),) = _articles(text)
    got = [(x.mention.text, x.start, x.end, x.role) for x in found]
    assert got == [
        ("１０月１４-15日", D(2020, 10, 14), D(2020, 10, 15), "event"),
        ("10月12日", D(2020, 10, 12), D(2020, 10, 12), "deadline"),
        ("二〇二〇年九月三十日", D(2020, 9, 30), D(2020, 9, 30), "issued"),
    ]
    for x in found:
        assert text[x.mention.start:x.mention.end] == x.mention.text


def test_bulletin_on_a_page_with_a_notice_borrows_its_year():
    text = (
        "关于开展科普活动的通知\n\n各市科协:\n\n请认真组织本年度科普活动,做好宣传和组织工作,活动结束后及时报送总结材料和照片。\n\n"
        "省科协\n2020年10月9日\n\n"
        "省科协领导赴深圳调研\n\n本报讯 10月14-15日,调研组一行到深圳调研。\n"
    )
    bulletin = [found for kind, found in _articles(text) if kind == "bulletin"]
    if not bulletin:
        pytest.skip("the splitter keeps this page as one article")
    assert [(x.start, x.end) for x in bulletin[0]] == [(D(2020, 10, 14), D(2020, 10, 15))]


def test_corpus_dates_f1(shared):
    """The corpus gold dates, measured the way castdoc-eval does (a floor, not a target)."""
    import yaml

    tp = fp = fn = 0
    for gold_path in sorted((shared / "corpus").glob("*.gold.yaml")):
        txt = gold_path.with_name(gold_path.name.replace(".gold.yaml", ".txt"))
        golds = yaml.safe_load(gold_path.read_text(encoding="utf-8"))
        golds = golds if isinstance(golds, list) else [golds]
        found = [f for _, f in _articles(txt.read_text(encoding="utf-8"), txt.name)]
        g = {(str(d["start"]), str(d["end"])) for x in golds for d in x.get("dates") or [] if d.get("start")}
        p = {(d.start.isoformat(), d.end.isoformat()) for f in found for d in f if d.start}
        tp += len(g & p)
        fp += len(p - g)
        fn += len(g - p)
    f1 = 2 * tp / (2 * tp + fp + fn)
    assert f1 >= 0.9
