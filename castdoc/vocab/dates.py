"""The words around a date: what makes it a deadline or an event, the relative day words
(明天, 下周五, 本月底), the weekday names, and the words that say a bare number is a date.

The date patterns themselves (castdoc.extract.dates.patterns) are built from these lists,
so a new form (a traditional character, another way to say "the day after") is added here
once. Patterns are written for the normalised view: full-width digits and punctuation are
folded (，→ ,  （→ (  ：→ :), so one form serves both.
"""
from __future__ import annotations

import re

from .build import any_of

# ------------------------------------------------------------------ roles
# After a date (and its time): it closes a window. 下班前 is the end of that working day.
DEADLINE_AFTER = re.compile(r"^\s*(?:前|之前|以前|为止|為止|止|截止|下班前|下班之前)")
# Before a date: the window closes then. The weekday between (截止本周三(10月21日)) is allowed.
DEADLINE_BEFORE = re.compile(
    r"(?:截止|截至|截止日期[为為是]?|截止时间[为為是]?|截止時間[为為是]?|最迟|最遲|最晚|不晚于|不迟于|期限[为為是]?"
    r"|即日起至|即日起到|即日至|即日起)\s*(?:(?:本|下)?(?:周|星期)[一二三四五六日天]\s*[(（]?)?\s*$"
)
EVENT_WORDS = any_of((
    "召开", "举行", "举办", "開展", "开展", "调研", "考察", "参观", "走访", "莅临", "会见", "出席", "座谈", "开幕", "闭幕",
    "启动", "颁奖", "揭牌", "报到", "比赛", "活动", "会议", "会上", "大会", "论坛", "培训", "讲座", "交流", "调查", "参加",
    "舉行", "舉辦", "召開", "會議",
))
# A request or an announcement before a date: what it names lies after the notice was signed.
AHEAD_BEFORE = re.compile(r"(?:请于|須于|须于|应于|定于|将于|拟于|务必于|截止|截至|最迟|不晚于|不迟于)\s*$")
# 公示期为…至…, 征集时间:…至…, …期间: a span that closes a window for acting.
PERIOD_BEFORE = any_of(("期", "时间", "時間", "日期"))
PERIOD_AFTER = re.compile(r"^\s*(?:期间|期間|内|內)")

# ------------------------------------------------------------------ relative days
# 今天 … 大后天: days after the document's date.
DAY_WORDS = {
    "大后天": 3, "大後天": 3, "后天": 2, "後天": 2, "明天": 1, "明日": 1, "今天": 0, "今日": 0, "当天": 0, "當天": 0,
    "昨天": -1, "昨日": -1, "前天": -2, "大前天": -3,
}
# 明早 / 今晚: a day and its part in one word.
DAY_PART_WORDS = {"今早": (0, "早上"), "今晨": (0, "早上"), "今晚": (0, "晚上"), "明早": (1, "早上"), "明晨": (1, "早上"),
                  "明晚": (1, "晚上"), "昨晚": (-1, "晚上"), "后天晚上": (2, "晚上")}
# 周五前 / 于星期三: a weekday alone is the next one on or after the document's date, only
# where a deadline's or an appointment's words surround it (每周五, 周一至周五 are no date).
BARE_WEEKDAY_BEFORE = re.compile(r"(?:于|於|在|截至|截止|截止到|最迟|不晚于)\s*$")
BARE_WEEKDAY_AFTER = re.compile(
    r"^\s*(?:前|之前|以前|下班前|截止|上午|下午|晚上|\d{1,2}\s*[:：点时]|召开|举行|举办|开会|报到|开幕|闭幕)(?!\s*(?:至|到|-|—|~)\s*(?:周|星期))"
)
BARE_WEEKDAY_NOT_BEFORE = re.compile(r"(?:每|至|到|、|和|及|或|-|—|~|本|下|上|这|這|个|個)\s*$")
# 明天 names a day only near what a day has: a part of day, a clock time, 前/起/截止, or a
# verb of meeting; otherwise (创造更加美好的明天) it is rhetoric, not a date.
DAY_WORD_AFTER = re.compile(
    r"^\s*(?:上午|下午|晚上|早上|中午|凌晨|傍晚|晚|\d{1,2}\s*[:：点时]|[一二三四五六七八九十]{1,3}[点时]|前|之前|以前|起|开始|截止|为止|止|下班"
    r"|[,，]?\s*(?:召开|举行|举办|开展|报到|出发|前往|上报|报送|提交|完成|到|在))"
)
DAY_WORD_BEFORE = re.compile(r"(?:于|在|定于|请于|将于|拟于|截至|截止|至|到|从|自)\s*$")
# 昨天,市科协召开… / 今日,…: a news item's opening day (明天, at a clause's head, is rhetoric too often)
DAY_WORD_OPENING = ("昨天", "昨日", "今天", "今日", "前天", "大前天")
# 下下周五 / 下周五 / 本周三 / 这周三 / 上周五 / 下星期一: weeks after the document's.
WEEK_WORDS = {"下下": 2, "下个": 1, "下": 1, "本": 0, "这": 0, "這": 0, "上": -1, "上个": -1}
WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6, "七": 6}
# 本月 / 下月 / 下个月 / 次月 / 上月: months after the document's.
MONTH_WORDS = {"本月": 0, "当月": 0, "當月": 0, "这个月": 0, "下个月": 1, "下月": 1, "次月": 1, "上个月": -1, "上月": -1}
# 今年 / 明年 / 次年 / 去年 / 前年: years after the document's.
YEAR_WORDS = {"今年": 0, "本年": 0, "当年": 0, "明年": 1, "次年": 1, "来年": 1, "去年": -1, "上年": -1, "前年": -2}
# 14日前 / 15日召开: what, after a day written without its month, makes it a date
DAY_ALONE_AFTER = ("前", "之前", "以前", "截止", "止", "召开", "举行", "举办", "开幕", "闭幕", "开班", "揭牌", "召開", "舉行", "舉辦")
# 次日 / 翌日 / 第二天: the day after the date written before it.
NEXT_DAY_WORDS = ("次日", "翌日", "第二天")
# 月底 / 月末 / 年底 / 年末: the last part of a month or a year.
END_WORDS = ("底", "末")
# Parts of a month and the days each covers: 上旬 1–10, 中旬 11–20, 下旬 21–end; 月初 and 月底 likewise.
XUN_DAYS = {"上中旬": (1, 20), "中下旬": (11, 31), "上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31),
            "初": (1, 10), "底": (21, 31), "末": (21, 31)}
# 周五 / 星期五 / 礼拜五: the words before a weekday's numeral.
WEEK_NAMES = ("星期", "礼拜", "禮拜", "周")

# 会议结束3天后 / 收到通知后 / 提前3天: counted from an event, not from the document's date.
OFFSET_NOT_FROM_TODAY = re.compile(r"(?:结束|結束|收到|接到|会议|會議|活动|活動|通知|提前|开始|開始|截止|举办|舉辦|公示|后|後|前|每)[^,，。;；]{0,6}$")

# ------------------------------------------------------------------ bare numbers as dates
# 20240307, 09-01, 9.20, 6·30 are dates only where the words around say so.
DATE_CONTEXT_BEFORE = re.compile(
    r"(?:日期|时间|時間|截止|截至|于|於|至|到|发布|發布|更新|成文|印发|印發|自|从)\s*[:：为為是]?\s*$"
)
DATE_CONTEXT_AFTER = re.compile(r"^\s*(?:前|之前|以前|止|为止|截止|起|开始|召开|举行|举办)")

# ------------------------------------------------------------------ relative deadlines
# 10个工作日内 / 收到通知后5日内 / 一周内: kept as text and a rule, never guessed into a date.
RELATIVE_UNITS = {"个工作日": "workday", "個工作日": "workday", "工作日": "workday", "个自然日": "day",
                  "天": "day", "日": "day", "周": "week", "个星期": "week", "星期": "week", "个月": "month", "個月": "month"}
RELATIVE_AFTER_EVENT = re.compile(
    r"(?:收到|接到|接收到|印发|发布|下发|公布|公示|确认|通知|评审|会议|活动|结束|截止|录取|立项|获批|批准|签订)[^,，。;；]{0,12}?(?:后|後|之日起|之日后|起)\s*$"
)

# An event dated only as recent: a bulletin then takes its page's publication date (structure).
RECENTLY = ("近日", "日前", "近期", "最近")
