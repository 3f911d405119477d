"""The written forms of a date, as patterns over the normalised view (full-width digits and
punctuation folded: one pattern serves both).

Every pattern that starts with a numeral is put behind NUMERAL_AHEAD: a search that tests
that one character first skips the text between dates several times faster.
"""
from __future__ import annotations

import re

from ...datefmt import CN_DAY, CN_MONTH, CN_YEAR, CN_YEAR2, NUMERAL_AHEAD, PARTS, TIME
from ...vocab import alternation
from ...vocab.dates import (
    DAY_ALONE_AFTER,
    DAY_PART_WORDS,
    DAY_WORDS,
    MONTH_WORDS,
    NEXT_DAY_WORDS,
    WEEK_NAMES,
    WEEK_WORDS,
    XUN_DAYS,
    YEAR_WORDS,
)



def _alt(words) -> str:
    """The words as alternatives, the longest first (下下 before 下)."""
    return "|".join(sorted(map(re.escape, words), key=len, reverse=True))


def _named(group: str, alternatives: str) -> re.Pattern:
    """A pattern that finds one of ``alternatives`` and names it ``group`` (the word looked up)."""
    return re.compile(rf"(?P<{group}>{alternatives})")


_Y4 = rf"(?:(?:19|20)\d{{2}}|{CN_YEAR})"
Y = rf"(?:{_Y4}|\d{{2}}|{CN_YEAR2})"  # 2024年, 二〇二四年, 24年, 零七年
M = rf"(?:\d{{1,2}}|{CN_MONTH})"
D = rf"(?:\d{{1,2}}|{CN_DAY})"
_PART = "|".join(PARTS)
_NUMERAL_BEFORE = r"(?<![\d.\-/〇○零一二三四五六七八九十廿卅])"
_NO_NUMERAL_BEFORE = r"(?<![\d〇○零一二三四五六七八九十廿卅])"
XUN_WORDS = "|".join(XUN_DAYS)  # (longest first, as listed)
_WEEK = "|".join(WEEK_NAMES)
_DASH = "[-—–~～]"
_TO = rf"(?:{_DASH}|至|到)"  # what joins a range's two ends: 1月3日至5日, 9.20-9.25

# [年] 月 [日]: the head of every Chinese-style date.
HEAD = re.compile(
    rf"{NUMERAL_AHEAD}(?:{_NO_NUMERAL_BEFORE}(?P<y>{Y})\s*年\s*|{_NUMERAL_BEFORE})(?P<m>{M})\s*月\s*"
    rf"(?:(?P<d>{D})(?!\d)\s*(?P<ds>[日号])?)?"
)
# …至[年][月]日 / …-日: the end of a range written after a head (1月3至2月10: 日 may go).
RANGE_TAIL = re.compile(
    rf"\s*起?\s*(?:[-—–~～]+|至|到|起至)\s*(?:(?P<y>{Y})\s*年\s*)?(?:(?P<m>{M})\s*月\s*)?(?P<d>{D})\s*(?P<ds>[日号])?"
    r"(?![\d:时点月])"
)
# 12月18日和19日 / 5月22、23日 / 9月10号,11号,12号: days listed after a head, each a date.
LIST_TAIL = re.compile(rf"\s*(?:(?P<sep>、|和|及|与)|,)\s*(?P<d>{D})\s*(?P<ds>[日号])?(?![\d.])")
MONTH_TAIL = re.compile(rf"\s*{_TO}\s*(?:(?P<y>{Y})\s*年\s*)?(?P<m>{M})\s*月(?!\s*[\d〇○零一二三四五六七八九十廿卅])")
# Parts of a month: 上旬 1–10, 中旬 11–20, 下旬 21–end; 月初 and 月底 likewise.
XUN = _named("x", XUN_WORDS)
# 1月3 / 十月31 with no 日: a date only where what follows ends it.
NO_DAY_MARK_END = re.compile(rf"(?:$|[\s,.;:!?、)\]】》”]|前|之前|以前|止|起|至|到|截止|[-—–~～]|{_PART}|\d{{1,2}}[:：])")
# 2019-05-27 / 2019/04/19 / 2019.9.6 / 2018-12-1209:03 (a time glued to the day).
ISO = re.compile(  # (the look-ahead first: a faster search)
    r"(?=[12])(?<![A-Za-z0-9_./\-])(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*"
    r"(?:(?P<d>\d{1,2})(?![0-9/]|\.[0-9])|(?P<dg>\d{2})(?=\d{1,2}[:：]\d{2}))"
)
# 2024.9.20-9.25 / 2024-09-20至09-25: the end of a range written after a full date, year left out.
ISO_TAIL = re.compile(rf"\s*{_TO}" r"\s*(?:(?P<y>(?:19|20)\d{2})\s*[-/.]\s*)?(?P<m>\d{1,2})\s*(?P<sep>[-/.])\s*(?P<d>\d{1,2})(?![\d.\-/:])")
DMY = re.compile(r"(?=\d)(?<![A-Za-z0-9_./\-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![0-9]|\.[0-9])")
# 20240307: eight digits, a date only where the words around say so.
COMPACT = re.compile(r"(?=[12])(?<![A-Za-z0-9_])(?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?![A-Za-z0-9_])")
# 09-01 / 9.20 / 6·30 / 9/20: a month and a day, a date only before 前 or after 截止.
SHORT = re.compile(r"(?=\d)(?<![\d.\-/:·A-Za-z])(?P<m>\d{1,2})\s*(?P<sep>[-.·/])\s*(?P<d>\d{1,2})(?![\d.\-/:%·])")
# 14日下午 / 于15日 / 21日(周三) / 30日前: a day whose month comes from the date before it.
_DAY_ALONE_AFTER = alternation(DAY_ALONE_AFTER)
DAY_ONLY = re.compile(
    rf"{NUMERAL_AHEAD}(?:(?<![\d.\-/年月第每〇○零一二三四五六七八九十廿卅])(?P<d>{D})\s*[日号]"
    rf"(?=\s*(?:{_PART}|[(（]\s*(?:{_WEEK})|{_DAY_ALONE_AFTER}))"
    rf"|(?<=于)(?P<d2>{D})\s*[日号](?![内後后]))"
)
WEEKDAY = re.compile(rf"\s*\(\s*(?:{_WEEK})\s*(?P<wd>[一二三四五六日天])\s*\)")
PART_AFTER = re.compile(rf"\s*(?P<part>{_PART})")
TIME_AFTER = re.compile(rf"\s*(?:{TIME.pattern})")


# Relative dates, counted from the document's date.
REL_DAY = _named("w", _alt(DAY_WORDS))
REL_DAY_PART = _named("w", _alt(DAY_PART_WORDS))
BARE_WEEKDAY = re.compile(rf"(?=[周星礼禮])(?:{_WEEK})(?P<wd>[一二三四五六日天])")
REL_WEEK = re.compile(
    rf"(?P<k>{_alt(WEEK_WORDS)})(?:{_WEEK})(?P<wd>[一二三四五六日天末])"
    rf"(?:\s*{_TO}\s*(?:{_WEEK})?(?P<wd2>[一二三四五六日天]))?"  # 下周一至周三
)
REL_MONTH = re.compile(
    rf"(?=[本当當这下次上月])(?:(?P<k>{_alt(MONTH_WORDS)})\s*(?:(?P<d>{D})\s*[日号]|(?P<x>{XUN_WORDS}))"
    rf"|(?<![\d〇○零一二三四五六七八九十廿卅元年每个個当當本下上次])月(?P<x2>底|末))"
)
REL_YEAR = re.compile(
    rf"(?=[今本当明次来去上前年12])(?:(?P<k>{_alt(YEAR_WORDS)})\s*(?:(?P<m>{M})\s*月\s*(?:(?P<d>{D})(?!\d)\s*[日号]?|(?P<x>{XUN_WORDS}))?|年?(?P<end>底|末))"
    rf"|(?<![\d〇○零一二三四五六七八九十廿卅今本当明次来去上前])年(?P<end2>底|末)"
    r"|(?P<y>(?:19|20)\d{2})\s*年\s*(?P<end3>底|末))"
)
# 三天后 / 2周后 / 5天前: days from the document's date (收到通知后3天内 is a rule, not a day).
REL_OFFSET = re.compile(r"(?=[\d一二三四五六七八九十两])(?P<n>\d{1,2}|[一二三四五六七八九十两]{1,3})\s*(?P<u>天|周|个星期|個星期)\s*(?P<dir>以后|之后|以後|之後|后|後|前|以前|之前)(?!\s*[内內])")
REL_NEXT = _named("w", _alt(NEXT_DAY_WORDS))
# 即日起至…, 自即日起至…: a range from the document's date.
FROM_TODAY = re.compile(r"(?:自|从)?即日(?:起)?\s*(?:至|到)\s*$")
# Between two dates of a range: 2021年4月20日11:00时至2021年4月25日17:00时.
CONNECTOR = re.compile(r"^\s*(?:起)?\s*(?:[-—–~～]+|至|到|起至|起到)\s*$")
