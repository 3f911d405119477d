"""GB/T 9704 format rules of ``castdoc check``: each rule fails one example and passes another.

Every example is one notice built from a clean template with one part changed, so a test
shows exactly which difference a rule reacts to.
"""
from __future__ import annotations

import pytest

from castdoc.check import RULES
from castdoc.check.format_rules import check_text, stacked_kinds, title_kind

CLEAN = dict(
    docno="青科协发〔2023〕7号",
    title="关于举办2023年青年科技人才沙龙的通知",
    recipients="各区市科协，各市级学会：",
    body=(
        "一、活动时间\n2023年6月16日下午。\n"
        "二、活动安排\n（一）主题交流\n1.青年科技人才代表发言。\n（1）每人发言不超过8分钟；\n（2）发言材料提前报送。\n"
        "2.专家点评。\n（二）自由讨论\n围绕科研经历开展交流。\n"
        "三、有关要求\n请各单位于6月9日前报送参加人员名单。"
    ),
    attachments="附件：1.青年科技人才沙龙日程\n      2.参加人员名单",
    date="2023年5月30日",
    cc="抄送：市委组织部，市科技局。",
    printed="青岛市科学技术协会办公室                2023年5月30日印发",
    appendix="",
)


def notice(**changes) -> str:
    f = {**CLEAN, **changes}
    return (
        "青岛市科学技术协会文件\n\n"
        f"{f['docno']}\n\n{f['title']}\n\n{f['recipients']}\n\n"
        "为激发青年科技人才创新活力，搭建交流平台，市科协决定举办青年科技人才沙龙。现将有关事项通知如下。\n\n"
        f"{f['body']}\n\n{f['attachments']}\n\n青岛市科学技术协会\n{f['date']}\n\n{f['appendix']}"
        f"{f['cc']}\n{f['printed']}\n"
    )


def rules_of(text: str, era: str = "auto") -> set[str]:
    return {f.rule for f in check_text(text, era=era)}


def test_the_clean_template_has_no_findings():
    assert check_text(notice()) == []


# (rule, the change that breaks it, a change that keeps it clean)
CASES = [
    ("CD101", dict(docno="青科协发[2023]7号"), dict(docno="青科协发〔2023〕7号")),
    ("CD101", dict(docno="青科协发（2023）7号"), dict(docno="青科协函〔2023〕12号")),
    ("CD101", dict(docno="青科协发【2023】7号"), dict(docno="青科协发〔2023〕107号")),
    ("CD102", dict(docno="青科协发〔23〕7号"), dict(docno="青科协发〔2023〕7号")),
    ("CD103", dict(docno="青科协发〔2023〕007号"), dict(docno="青科协发〔2023〕70号")),
    ("CD104", dict(docno="青科协发〔2023〕第7号"), dict(docno="青科协发〔2023〕7号")),
    ("CD110", dict(date="二〇二三年五月三十日"), dict(date="2023年5月30日")),
    ("CD111", dict(date="2023年05月30日"), dict(date="2023年5月30日")),
    ("CD111", dict(printed="青岛市科学技术协会办公室    2023年5月03日印发"), dict(printed="青岛市科学技术协会办公室    2023年5月3日印发")),
    ("CD112", dict(printed="青岛市科学技术协会办公室    二〇二三年五月三十日印发"), {}),
    ("CD120", dict(title="关于举办2023年青年科技人才沙龙"), dict(title="关于举办2023年青年科技人才沙龙的函")),
    ("CD121", dict(title="2023年青年科技人才沙龙活动方案"), dict(title="关于印发《2023年青年科技人才沙龙活动方案》的通知")),
    ("CD121", dict(title="关于青年科技人才沙龙有关事项的规定"), dict(title="关于青年科技人才沙龙有关事项的决定")),
    ("CD122", dict(title="关于举办青年科技人才沙龙的请示报告"), dict(title="关于举办青年科技人才沙龙的请示")),
    ("CD130", dict(recipients="各区市科协，各市级学会:"), dict(recipients="各区市科协：")),
    ("CD131", dict(cc="抄送：市委组织部，市科技局"), dict(cc="抄送：市委组织部。")),
    ("CD131", dict(cc="抄送：市委组织部，市科技局."), dict(cc="抄送：市委组织部，市科技局。")),
    ("CD140", dict(body="1.活动时间另行通知。\n2.地点在市科技馆。\n一、有关要求\n请按时参加。"),
     dict(body="一、有关要求\n1.活动时间另行通知。\n2.地点在市科技馆。")),
    ("CD141", dict(body="一、活动安排\n1.青年代表发言。\n2.专家点评。"),
     dict(body="一、活动安排\n（一）青年代表发言。\n（二）专家点评。")),
    ("CD141", dict(body="一、活动安排\n（1）青年代表发言。"), dict(body="一、活动安排\n（一）青年代表发言。")),
    ("CD142", dict(body="一、活动时间\n另行通知。\n三、活动地点\n市科技馆。"), dict(body="一、活动时间\n另行通知。\n二、活动地点\n市科技馆。")),
    ("CD142", dict(body="一、活动安排\n（二）专家点评。"), dict(body="一、活动安排\n（一）专家点评。")),
    ("CD143", dict(body="一.活动时间\n另行通知。"), dict(body="一、活动时间\n另行通知。")),
    ("CD143", dict(body="一、活动安排\n（一）交流\n1、青年代表发言。"), dict(body="一、活动安排\n（一）交流\n1.青年代表发言。")),
    ("CD143", dict(body="一、活动安排\n（一）交流\n1．青年代表发言。"), dict(body="一、活动安排\n（一）交流\n1.青年代表发言。")),
    ("CD144", dict(body="一、活动安排\n（一）、青年代表发言。"), dict(body="一、活动安排\n（一）青年代表发言。")),
    ("CD144", dict(body="一、活动安排\n（一）交流\n1.发言\n（1）.每人8分钟。"), dict(body="一、活动安排\n（一）交流\n1.发言\n（1）每人8分钟。")),
    ("CD150", dict(attachments="附件：青年科技人才沙龙日程\n      参加人员名单"), dict(attachments="附件：青年科技人才沙龙日程")),
    ("CD150", dict(attachments="附件：1.青年科技人才沙龙日程\n      3.参加人员名单"), {}),
    ("CD150", dict(attachments="附件：1、青年科技人才沙龙日程\n      2、参加人员名单"), {}),
    ("CD151", dict(attachments="附件：1.青年科技人才沙龙日程；\n      2.参加人员名单。"), {}),
    ("CD152", dict(attachments="附件:1.青年科技人才沙龙日程\n      2.参加人员名单"), {}),
    ("CD153", dict(appendix="附件1\n\n青年科技人才座谈会日程\n\n（略）\n\n附件2\n\n参加人员名单\n\n（略）\n\n"),
     dict(appendix="附件1\n\n青年科技人才沙龙日程\n\n（略）\n\n附件2\n\n参加人员名单\n\n（略）\n\n")),
]


@pytest.mark.parametrize("rule,bad,good", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_rule_fails_bad_and_passes_good(rule, bad, good):
    assert rule in RULES
    assert rule in rules_of(notice(**bad)), notice(**bad)
    assert rule not in rules_of(notice(**good)), notice(**good)


def test_every_format_rule_has_a_failing_example():
    covered = {c[0] for c in CASES}
    format_rules = {r.id for r in RULES.values() if r.group == "format"}
    assert format_rules <= covered


def test_findings_point_at_the_line_and_column_as_read():
    text = notice(docno="青科协发[2023]7号")
    (f,) = [f for f in check_text(text) if f.rule == "CD101"]
    assert f.line == 3 and f.column == 5
    assert f.excerpt == "青科协发[2023]7号"
    assert "〔2023〕" in f.hint


def test_full_width_colon_is_judged_on_the_raw_character():
    # the normalised view folds ： to : — the rule must still see which one was written
    assert "CD130" not in rules_of(notice(recipients="各区市科协：")) 
    f = [f for f in check_text(notice(recipients="各区市科协:")) if f.rule == "CD130"][0]
    assert f.line == 7 and f.excerpt == "各区市科协:"


# ------------------------------------------------------------------ eras
def test_1999_rules_accept_chinese_numeral_dates():
    text = notice(docno="青科协发〔2008〕7号", date="二〇〇八年五月三十日",
                  printed="青岛市科学技术协会办公室    2008年5月30日印发")
    assert "CD110" not in rules_of(text)
    assert "CD110" in rules_of(text, era="2012")


def test_1999_rules_flag_arabic_dates_as_a_warning():
    text = notice(date="2008年5月30日", printed="青岛市科学技术协会办公室    2008年5月30日印发")
    found = [f for f in check_text(text) if f.rule == "CD110"]
    assert found and found[0].severity == "warning" and "二〇〇八年五月三十日" in found[0].hint


def test_1999_rules_accept_a_full_width_third_level_stop():
    body = "一、活动安排\n（一）交流\n1．青年代表发言。"
    assert "CD143" not in rules_of(notice(body=body, date="二〇一一年五月三十日"))
    assert "CD143" in rules_of(notice(body=body))


def test_the_era_turns_on_2012_07_01():
    body = "一、活动安排\n（一）交流\n1．青年代表发言。"
    assert "CD143" not in rules_of(notice(body=body, date="二〇一二年六月三十日"))
    assert "CD143" in rules_of(notice(body=body, date="二〇一二年七月一日"))


# ------------------------------------------------------------------ scope
def test_bulletins_are_not_official_documents():
    text = ("全市青年科技人才沙龙举行\n\n本报讯（记者 李明）6月16日下午，全市青年科技人才沙龙在市科技馆举行，"
            "二十余名青年科技人才代表交流了科研经历。\n\n1、青年代表发言\n三、专家点评\n")
    assert check_text(text) == []


@pytest.mark.parametrize("title,kind,non_kind", [
    ("关于举办青年科技人才沙龙的通知", "通知", None),
    ("关于转发《省科协关于加强学会建设的意见》的通知", "通知", None),
    ("关于2023年度先进集体的通报（第二批）", "通报", None),
    ("中国科协关于表彰优秀科技工作者的决定", "决定", None),
    ("关于商请支持科普活动的函", "函", None),
    ("市科协常委会会议纪要", "纪要", None),
    ("2023年科普工作要点", None, "要点"),
    ("青年科技人才沙龙实施方案", None, "实施方案"),
    ("2023年学会工作总结", None, "总结"),
    ("青年科技人才沙龙简报", None, "简报"),
    ("青年科技人才沙龙", None, None),
])
def test_title_kind(title, kind, non_kind):
    assert title_kind(title) == (kind, non_kind)


@pytest.mark.parametrize("title,stacked", [
    ("关于增加科普经费的请示报告", ("请示", "报告")),
    ("关于学会换届的报告请示", ("报告", "请示")),
    ("关于学会星级评估的通知公告", ("通知", "公告")),
    ("关于征求意见函", None),
    ("关于征求《学会章程（修订稿）》修改意见的函", None),
    ("关于增加科普经费的请示", None),
    ("市长命令", None),
])
def test_stacked_kinds(title, stacked):
    assert stacked_kinds(title) == stacked
