"""Dates counted from the document's own date: 今天/明天/后天/大后天/昨天, 本周三/下周五/
下下周一/上周五, 本月底/月底/下月10日/下个月5号, 今年6月底/年底/明年3月1日, 次日.

A Hit here carries its rule (``rel``); ``resolve`` turns it into a calendar date against
the 成文日期 (a bulletin's dateline), or, failing that, the user's --base-date. 明天 is a
date only where a day's words surround it (明天上午, 明天前, 于明天): 创造更加美好的明天
is rhetoric."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ...datefmt import cn_number, make_date, month_end
from ...vocab.dates import (
    DAY_WORD_AFTER,
    DAY_WORD_BEFORE,
    DAY_WORD_OPENING,
    BARE_WEEKDAY_AFTER,
    BARE_WEEKDAY_BEFORE,
    BARE_WEEKDAY_NOT_BEFORE,
    DAY_PART_WORDS,
    OFFSET_NOT_FROM_TODAY,
    DAY_WORDS,
    END_WORDS,
    MONTH_WORDS,
    WEEK_WORDS,
    WEEKDAYS,
    YEAR_WORDS,
)
from .hit import Hit
from .patterns import BARE_WEEKDAY, REL_DAY, REL_DAY_PART, REL_MONTH, REL_OFFSET, REL_NEXT, REL_WEEK, REL_YEAR, XUN_DAYS
from .written import with_part

_BRACKETED_DATE_AFTER = "("


def year_forms(text: str, taken) -> list[Hit]:
    """今年6月底, 明年3月1日, 年底, 2024年底; 本月底, 下月10日, 月底."""
    hits: list[Hit] = []
    for m, s, e in taken.free_matches(REL_YEAR, text):
        if m["y"]:  # 2024年底: the last part of that year
            h = Hit(s=s, e=e, y=int(m["y"]), m=12, d=21, d_end=31, month_grain=True, grain="end", after=e)
        elif m["end"] or m["end2"]:
            k = YEAR_WORDS[m["k"]] if m["k"] else 0
            h = Hit(s=s, e=e, y=None, m=12, d=21, d_end=31, month_grain=True, grain="end", after=e, rel=("year", k))
        else:
            mo = cn_number(m["m"])
            if not mo or not 1 <= mo <= 12:
                continue
            h = _in_month(text, s, e, m["d"], m["x"], month=mo, rel=("year", YEAR_WORDS[m["k"]]))
            if h is None:
                continue
        taken.keep(hits, h, s, e)
    for m, s, e in taken.free_matches(REL_MONTH, text):
        k = MONTH_WORDS[m["k"]] if m["k"] else 0
        h = _in_month(text, s, e, m["d"], m["x"] or m["x2"], month=None, rel=("month", k))
        if h is not None:
            taken.keep(hits, h, s, e)
    return hits


def _in_month(text: str, s: int, e: int, day: str | None, xun: str | None, *, month: int | None,
              rel: tuple) -> Hit | None:
    """A day of a relative month (下月10日, 明年3月1日: its part of day with it) or a part of
    that month (下月中旬; neither: the whole month); None for a day no month has."""
    if day:
        d = cn_number(day)
        if not d or d > 31:
            return None
        return with_part(text, Hit(s=s, e=e, y=None, m=month, d=d, after=e, rel=rel))
    a, b = XUN_DAYS[xun] if xun else (1, 31)
    return Hit(s=s, e=e, y=None, m=month, d=a, d_end=b, month_grain=True, grain=_grain(xun), after=e, rel=rel)


def day_forms(text: str, taken) -> list[Hit]:
    """明天上午, 下周五前, 次日."""
    hits: list[Hit] = []
    for m, s, e in taken.free_matches(REL_WEEK, text):
        if text[e:e + 1] == _BRACKETED_DATE_AFTER:
            continue  # 截止本周三(10月21日): the date in brackets says it
        k = WEEK_WORDS[m["k"]]
        if m["wd"] == "末":  # 本周末: its Saturday and Sunday
            rel = ("week", k, 5, 6)
        else:
            first = WEEKDAYS[m["wd"]]
            last = WEEKDAYS[m["wd2"]] if m["wd2"] else first
            rel = ("week", k, first, last) if last > first else ("week", k, first, first)
            if m["wd2"] and last <= first:
                e = m.end("wd")  # (not a range after all: keep the first day only)
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=None, after=e, rel=rel))
        taken.keep(hits, h, s, e)
    for m, s, e in taken.free_matches(REL_DAY_PART, text):  # 明早8点, 今晚
        k, part = DAY_PART_WORDS[m["w"]]
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=None, after=e, rel=("day", k)))
        h = replace(h, part=part, time=_evening(h.time, part))
        taken.keep(hits, h, s, e)
    for m, s, e in taken.free_matches(BARE_WEEKDAY, text):  # 周五前, 于星期三上午
        if text[e:e + 1] == _BRACKETED_DATE_AFTER or text[s - 1:s] == "(":
            continue
        if BARE_WEEKDAY_NOT_BEFORE.search(text, max(0, s - 2), s):
            continue
        if not (BARE_WEEKDAY_BEFORE.search(text, max(0, s - 4), s) or BARE_WEEKDAY_AFTER.match(text[e:e + 8])):
            continue
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=None, after=e, rel=("weekday", WEEKDAYS[m["wd"]])))
        taken.keep(hits, h, s, e)
    for m, s, e in taken.free_matches(REL_DAY, text):
        if text[e:e + 1] == _BRACKETED_DATE_AFTER:
            continue
        opening = m["w"] in DAY_WORD_OPENING and text[e:e + 1] == "," and (s == 0 or text[s - 1] in "\n。;!? ")
        if not (opening or DAY_WORD_AFTER.match(text[e:e + 8]) or DAY_WORD_BEFORE.search(text, max(0, s - 4), s)):
            continue
        if text[e:e + 1] == "的":
            continue
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=None, after=e, rel=("day", DAY_WORDS[m["w"]])))
        taken.keep(hits, h, s, e)
    for m, s, e in taken.free_matches(REL_OFFSET, text):  # 三天后, 2周后
        if OFFSET_NOT_FROM_TODAY.search(text, max(0, s - 10, text.rfind("\n", max(0, s - 10), s) + 1), s):
            continue
        n = cn_number(m["n"].replace("两", "二"))
        if not n:
            continue
        days = n * (7 if m["u"] != "天" else 1) * (-1 if "前" in m["dir"] else 1)
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=None, after=e, rel=("day", days)))
        taken.keep(hits, h, s, e)
    for m, s, e in taken.free_matches(REL_NEXT, text):
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=None, after=e, next_day=True))
        taken.keep(hits, h, s, e)
    return hits


def _grain(xun: str | None) -> str:
    return "month" if not xun else "end" if xun in END_WORDS else "part"


def _evening(time: str | None, part: str) -> str | None:
    """明晚8点 → 20:00 (the part is in the word, so the time read after it was not moved)."""
    if time and part == "晚上" and int(time[:2]) < 12:
        return f"{int(time[:2]) + 12:02d}{time[2:]}"
    return time


def fields(h: Hit, ref: dt.date) -> tuple[int, int, int] | None:
    """The (year, month, day) a relative Hit names, counted from ``ref``; for a part of a
    month (本月底) the day is its first (``h.d``)."""
    kind = h.rel[0]
    if kind == "day":
        d = ref + dt.timedelta(days=h.rel[1])
        return d.year, d.month, d.day
    if kind == "week":
        monday = ref - dt.timedelta(days=ref.weekday())
        d = monday + dt.timedelta(days=7 * h.rel[1] + h.rel[2])
        return d.year, d.month, d.day
    if kind == "weekday":  # the next such day on or after the document's date
        d = ref + dt.timedelta(days=(h.rel[1] - ref.weekday()) % 7)
        return d.year, d.month, d.day
    if kind == "month":
        n = ref.year * 12 + ref.month - 1 + h.rel[1]
        y, mo = divmod(n, 12)
        mo += 1
        day = min(h.d, month_end(y, mo)) if h.month_grain else h.d
        return (y, mo, day) if make_date(y, mo, day) else None
    if kind == "year":
        y = ref.year + h.rel[1]
        return (y, h.m, h.d) if make_date(y, h.m, min(h.d, month_end(y, h.m))) else None
    return None
