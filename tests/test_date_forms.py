"""Every way a notice writes a date, one row per form: each sentence (invented) is set in a
small notice signed on its base date and read through the whole pipeline; the date must
come out with the span as written and the ISO days it names."""
from __future__ import annotations

import datetime as dt

import pytest

from castdoc.pipeline import parse_text
from castdoc.record import to_dict

SIGNED = "2024年9月4日"  # a Wednesday


def notice(body: str, signed: str = SIGNED) -> str:
    return f"某市科协关于开展科普工作的通知\n\n各区科协：\n\n    {body}\n\n某市科学技术协会\n{signed}\n"


def found(body: str, signed: str = SIGNED, **kw):
    (rec,) = parse_text(notice(body, signed), **kw)
    return [(d.mention.text, d.start and d.start.isoformat(), d.end and d.end.isoformat())
            for d in rec.dates if d.role != "issued"]


def one(day: str, end: str | None = None):
    return day, end or day


FORMS = [
    # (id, sentence, signed, [(text as written, start, end)])
    ("arabic", "请于2024年9月20日前报送。", SIGNED, [("2024年9月20日", *one("2024-09-20"))]),
    ("chinese-〇", "请于二〇二四年九月二十日前报送。", SIGNED, [("二〇二四年九月二十日", *one("2024-09-20"))]),
    ("chinese-○-廿", "请于二○二四年九月廿日前报送。", SIGNED, [("二○二四年九月廿日", *one("2024-09-20"))]),
    ("chinese-O-元月-卅", "请于二O二五年元月卅一日前报送。", "2024年12月20日", [("二O二五年元月卅一日", *one("2025-01-31"))]),
    ("chinese-0", "请于二0二四年十月八日前报送。", SIGNED, [("二0二四年十月八日", *one("2024-10-08"))]),
    ("two-digit-year", "请于24年9月20日前报送。", SIGNED, [("24年9月20日", *one("2024-09-20"))]),
    ("chinese-two-digit-year", "零七年八月二十九号召开会议。", "2007年8月1日", [("零七年八月二十九号", *one("2007-08-29"))]),
    ("dotted", "发布时间：2019.9.6", SIGNED, [("2019.9.6", *one("2019-09-06"))]),
    ("slashed", "更新于2019/04/19。", SIGNED, [("2019/04/19", *one("2019-04-19"))]),
    ("iso-with-time", "时间：2019-05-27 09:36", SIGNED, [("2019-05-27", *one("2019-05-27"))]),
    ("iso-glued-time", "发布时间：2018-12-1209:03", SIGNED, [("2018-12-12", *one("2018-12-12"))]),
    ("compact-in-date-context", "截止日期：20240307。", "2024年3月1日", [("20240307", *one("2024-03-07"))]),
    ("compact-not-a-date", "项目编号20240307已登记。", SIGNED, []),
    ("month-day-dash", "请于09-01前报送。", "2024年8月20日", [("09-01", *one("2024-09-01"))]),
    ("month-day-dot", "请于9.20前报送。", SIGNED, [("9.20", *one("2024-09-20"))]),
    ("month-day-dot-no-context", "增长了9.20个百分点。", SIGNED, []),
    ("middle-dot-deadline", "请于10·30前报送。", SIGNED, [("10·30", *one("2024-10-30"))]),
    ("middle-dot-event-name", "要吸取“7·20”事故教训。", SIGNED, []),
    ("hao", "请于9月20号前报送。", SIGNED, [("9月20号", *one("2024-09-20"))]),
    ("no-ri-chinese-month", "请于十月31前报送。", SIGNED, [("十月31", *one("2024-10-31"))]),
    ("no-ri-next-january", "请于1月3前报送。", "2024年12月20日", [("1月3", *one("2025-01-03"))]),
    ("bare-day-document-month", "请于30日前报送。", SIGNED, [("30日", *one("2024-09-30"))]),
    ("bare-day-a-count", "近30日前后气温偏高。", SIGNED, []),
    ("time-after-day", "请于9月20日上午9:00前报送。", SIGNED, [("9月20日上午", *one("2024-09-20"))]),
    ("hour-after-day", "请于9月20日17时前报送。", SIGNED, [("9月20日", *one("2024-09-20"))]),
    ("end-of-work", "请于9月20日下班前报送。", SIGNED, [("9月20日", *one("2024-09-20"))]),
    ("24-hours", "请于9月20日24时前报送。", SIGNED, [("9月20日", *one("2024-09-20"))]),
    ("weekday-in-brackets", "请于2024年10月8日（星期二）前报送。", SIGNED, [("2024年10月8日", *one("2024-10-08"))]),
    # ranges
    ("range-dash-day", "培训定于9月10日—15日举行。", SIGNED, [("9月10日—15日", "2024-09-10", "2024-09-15")]),
    ("range-year-hyphen", "活动于2019年4月12-19日举办。", "2019年3月1日", [("2019年4月12-19日", "2019-04-12", "2019-04-19")]),
    ("range-no-ri", "报名时间为1月3至2月10。", "2024年12月20日", [("1月3至2月10", "2025-01-03", "2025-02-10")]),
    ("range-iso-qi-zhi", "申报时间自2020-05-26起至2020-05-29止。", "2020年5月20日",
     [("2020-05-26起至2020-05-29", "2020-05-26", "2020-05-29")]),
    ("range-with-times", "填报时间为2021年4月20日11:00时至2021年4月25日17:00时。", "2021年4月10日",
     [("2021年4月20日11:00时至2021年4月25日", "2021-04-20", "2021-04-25")]),
    ("range-zero-to-24", "公示时间为12月9日零时至12月16日24时。", "2023年12月5日",
     [("12月9日零时至12月16日", "2023-12-09", "2023-12-16")]),
    ("run-of-days", "会议于9月10号，11号，12号分三批举行。", SIGNED,
     [("9月10号", *one("2024-09-10")), ("11号", *one("2024-09-11")), ("12号", *one("2024-09-12"))]),
    ("run-not-a-count", "9月10日，11人参加了培训。", SIGNED, [("9月10日", *one("2024-09-10"))]),
    ("from-today", "即日起至9月20日，各单位可登录平台报名。", SIGNED, [("即日起至9月20日", "2024-09-04", "2024-09-20")]),
    ("iso-range-full", "活动时间为2024.9.20-2024.9.25。", SIGNED, [("2024.9.20-2024.9.25", "2024-09-20", "2024-09-25")]),
    ("iso-range-short-tail", "活动时间为2024.9.20-9.25。", SIGNED, [("2024.9.20-9.25", "2024-09-20", "2024-09-25")]),
    ("iso-in-a-file-name", "附件：2020-10-09-名单.docx", SIGNED, []),
    ("cross-year-range", "活动时间为12月28日至1月3日。", "2024年12月1日", [("12月28日至1月3日", "2024-12-28", "2025-01-03")]),
    # relative to the document's date
    ("today", "请于今天下午5点前报送。", SIGNED, [("今天下午", *one("2024-09-04"))]),
    ("tomorrow", "请于明天下午5点前报送。", SIGNED, [("明天下午", *one("2024-09-05"))]),
    ("day-after-tomorrow", "请于后天上午报到。", SIGNED, [("后天上午", *one("2024-09-06"))]),
    ("three-days-on", "大后天召开会议。", SIGNED, [("大后天", *one("2024-09-07"))]),
    ("yesterday", "昨天，市科协召开座谈会。", SIGNED, [("昨天", *one("2024-09-03"))]),
    ("rhetoric-tomorrow", "为创造更加美好的明天而努力。", SIGNED, []),
    ("rhetoric-today", "今天的成就来之不易。", SIGNED, []),
    ("days-later", "三天后召开会议。", SIGNED, [("三天后", *one("2024-09-07"))]),
    ("days-ago", "5天前，市科协召开动员会。", SIGNED, [("5天前", *one("2024-08-30"))]),
    ("days-after-an-event-not-a-date", "会议结束3天后报送总结。", SIGNED, []),
    ("tomorrow-evening", "明晚8点举行晚会。", SIGNED, [("明晚", *one("2024-09-05"))]),
    ("this-friday", "请于本周五前报送。", SIGNED, [("本周五", *one("2024-09-06"))]),
    ("next-friday", "请于下周五前报送。", SIGNED, [("下周五", *one("2024-09-13"))]),
    ("week-after-next", "请于下下周一前报送。", SIGNED, [("下下周一", *one("2024-09-16"))]),
    ("last-friday", "上周五召开了动员会。", SIGNED, [("上周五", *one("2024-08-30"))]),
    ("bare-weekday-deadline", "请于周五前报送。", SIGNED, [("周五", *one("2024-09-06"))]),
    ("office-hours-not-a-date", "工作时间为周一至周五。", SIGNED, []),
    ("weekly-not-a-date", "每周五下午开放。", SIGNED, []),
    ("this-weekend", "本周末举行亲子科普活动。", SIGNED, [("本周末", "2024-09-07", "2024-09-08")]),
    ("next-week-span", "下周一至周三举办培训班。", SIGNED, [("下周一至周三", "2024-09-09", "2024-09-11")]),
    ("this-month-end", "请于本月底前完成。", SIGNED, [("本月底", "2024-09-21", "2024-09-30")]),
    ("month-end", "请于月底前完成。", SIGNED, [("月底", "2024-09-21", "2024-09-30")]),
    ("next-month-day", "请于下月10日前报送。", SIGNED, [("下月10日", *one("2024-10-10"))]),
    ("next-month-hao", "请于下个月5号前报送。", SIGNED, [("下个月5号", *one("2024-10-05"))]),
    ("next-month-in-december", "请于下月10日前报送。", "2024年12月20日", [("下月10日", *one("2025-01-10"))]),
    ("this-year-month-end", "请于今年10月底前完成。", SIGNED, [("今年10月底", "2024-10-21", "2024-10-31")]),
    ("year-end", "请于年底前完成。", SIGNED, [("年底", "2024-12-21", "2024-12-31")]),
    ("next-year-end", "请于明年年底前完成。", SIGNED, [("明年年底", "2025-12-21", "2025-12-31")]),
    ("next-year", "请于明年3月1日前报送。", SIGNED, [("明年3月1日", *one("2025-03-01"))]),
    ("next-day", "会议于9月10日召开，次日参观基地。", SIGNED, [("9月10日", *one("2024-09-10")), ("次日", *one("2024-09-11"))]),
    # the year that makes sense for the role
    ("deadline-in-december-is-next-january", "请于1月5日前报送。", "2024年12月20日", [("1月5日", *one("2025-01-05"))]),
    ("recalled-in-february-is-last-december", "12月16日召开了年会。", "2025年2月10日", [("12月16日", *one("2024-12-16"))]),
]


@pytest.mark.parametrize("body,signed,expected", [f[1:] for f in FORMS], ids=[f[0] for f in FORMS])
def test_form(body, signed, expected):
    assert found(body, signed) == expected


def test_weekday_mismatch_is_a_warning_not_a_choice():
    (rec,) = parse_text(notice("请于2024年10月9日（星期二）前报送。"))
    (d,) = [d for d in rec.dates if d.role != "issued"]
    assert d.start == dt.date(2024, 10, 9)
    assert d.warning and "星期二" in d.warning and "星期三" in d.warning
    assert to_dict(rec)["dates"][0]["warning"] == d.warning


def test_weekday_that_matches_gives_no_warning():
    (rec,) = parse_text(notice("请于2024年10月8日（星期二）前报送。"))
    assert all(d.warning is None for d in rec.dates)


BULLETIN = "省科协召开科技工作者座谈会\n\n5月28日上午，省科协召开科技工作者座谈会。次日，与会代表参观了科普基地。\n"


def test_a_date_with_no_year_anywhere_keeps_its_text_month_and_day():
    (rec,) = parse_text(BULLETIN)
    first = rec.dates[0]
    assert (first.mention.text, first.start, first.end, first.month, first.day) == ("5月28日上午", None, None, 5, 28)
    d = to_dict(rec)["dates"][0]
    assert d["start"] is None and d["end"] is None and (d["month"], d["day"]) == (5, 28)
    assert "year_supplied" not in d
    assert all(x.start is None for x in rec.dates)  # never this year


def test_base_date_supplies_the_context_and_the_record_says_so():
    (rec,) = parse_text(BULLETIN, base_date=dt.date(2024, 5, 30))
    got = [(d.mention.text, d.start, d.year_supplied) for d in rec.dates]
    assert got == [("5月28日上午", dt.date(2024, 5, 28), True), ("次日", dt.date(2024, 5, 29), True)]
    assert to_dict(rec)["dates"][0]["year_supplied"] is True


def test_base_date_does_not_override_the_documents_own_date():
    (rec,) = parse_text(notice("请于9月20日前报送。"), base_date=dt.date(2030, 1, 1))
    d = next(d for d in rec.dates if d.role == "deadline")
    assert (d.start, d.year_supplied) == (dt.date(2024, 9, 20), False)


def test_relative_date_without_a_document_date_stays_undated():
    (rec,) = parse_text("请各单位于明天下午5点前报送名单。\n")
    d = next(d for d in rec.dates if d.mention.text.startswith("明天"))
    assert (d.start, d.relative) == (None, True)


def test_a_year_the_article_names_dates_its_partial_dates():
    (rec,) = parse_text("市科协召开汇报会\n\n8月29日上午，市科协召开2022年“深调研”工作汇报会。\n")
    assert [(d.mention.text, d.start) for d in rec.dates] == [("8月29日上午", dt.date(2022, 8, 29))]


def test_two_years_named_give_no_year():
    (rec,) = parse_text("市科协召开汇报会\n\n8月29日上午，市科协总结2021年工作、部署2022年工作。\n")
    assert [(d.mention.text, d.start) for d in rec.dates] == [("8月29日上午", None)]


def test_every_mention_is_the_text_as_read():
    text = notice("即日起至９月２０日，请于下周五前、明天下午５点前、2021年4月20日11:00时至2021年4月25日17:00时报送。")
    (rec,) = parse_text(text)
    assert rec.dates
    for d in rec.dates:
        assert text[d.mention.start:d.mention.end] == d.mention.text
