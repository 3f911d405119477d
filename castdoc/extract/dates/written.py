"""Dates as written out: 2024年9月20日, 二〇二四年九月二十日, 24年9月20日, 2019.9.6,
2019/04/19, 2018-12-1209:03, 20240307 (where the words around make it a date), 9.20前,
1月3, 9月10号,11号,12号, 10月14-15日, 11月中旬, 30日前.

Each finder returns Hits with the fields as the text gives them; the year and month a
partial date lacks are filled in later (``resolve``)."""
from __future__ import annotations

import re
from dataclasses import replace

from ...datefmt import clock, cn_number, make_date
from ...vocab.dates import DATE_CONTEXT_AFTER, DATE_CONTEXT_BEFORE, DEADLINE_AFTER, END_WORDS
from .hit import Hit
from .patterns import (
    COMPACT,
    DAY_ONLY,
    DMY,
    ISO,
    ISO_TAIL,
    LIST_TAIL,
    MONTH_TAIL,
    NO_DAY_MARK_END,
    PART_AFTER,
    RANGE_TAIL,
    SHORT,
    TIME_AFTER,
    WEEKDAY,
    XUN,
    XUN_DAYS,
)

# A date inside a URL, a file name or an image stamp is not a date of the document.
_TOKEN_CHARS = re.compile(r"[A-Za-z0-9_./:\-%?=&#~]")
_TOKEN_SET = frozenset(c for c in map(chr, range(128)) if _TOKEN_CHARS.match(c))  # (all ASCII)
_WORD_AFTER = re.compile(r"[^\s,，。;；、()（）《》<>“”\"']{0,40}")
_NOT_A_DATE_TOKEN = re.compile(
    r"https?:|www\.|://|\.(?:jpe?g|png|gif|bmp|webp|tiff?|docx?|xlsx?|pptx?|pdf|zip|rar|7z|html?|shtml|php|aspx?|jsp)\b",
    re.I,
)
_VERSION_BEFORE = re.compile(r"(?:版本号?|[Vv]er(?:sion)?\.?|[Vv])\s*[:：]?\s*$")
_FILE_END = re.compile(r"\.(?:jpe?g|png|gif|bmp|webp|tiff?|docx?|xlsx?|pptx?|pdf|zip|rar|7z|wps|ofd)$", re.I)
# 9.20前 / 截止09-01: a short month-day is a date only in a deadline's words.
_SHORT_BEFORE = re.compile(r"(?:截止|截至|截止日期[为為是]?|截止时间[为為是]?|最迟|最晚|不晚于|不迟于|于|於)\s*[:：]?\s*$")
_SHORT_AFTER = re.compile(r"^\s*(?:前|之前|以前|止|为止|截止)")
# 近30日前 / 过去10日前: a count of days, not a day of the month.
_COUNT_BEFORE = re.compile(r"(?:近|最近|过去|過去|提前|前|后|後|每)\s*$")


def full_forms(text: str, taken) -> list[Hit]:
    """2019-05-27, 2019.9.6, 22.04.2015, 20240307: dates with their year, month and day."""
    hits: list[Hit] = []
    for rx in (ISO, DMY):
        for m, s, e in taken.free_matches(rx, text):
            if _in_token(text, s, e) or _VERSION_BEFORE.search(text, max(0, s - 10), s):
                continue
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"] or m.groupdict().get("dg") or 0)
            if make_date(y, mo, d) is None:
                continue
            h = Hit(s=m.start(), e=m.end(), y=y, m=mo, d=d, after=m.end())
            tail = ISO_TAIL.match(text, m.end()) if rx is ISO else None
            if tail and tail["sep"] == m["sep"] and make_date(int(tail["y"] or y), int(tail["m"]), int(tail["d"])):
                h = Hit(s=m.start(), e=tail.end(), y=y, m=mo, d=d, y2=int(tail["y"]) if tail["y"] else None,
                        m2=int(tail["m"]), d2=int(tail["d"]), after=tail.end())
            elif m["d"] and text[m.end():m.end() + 1] == "-" and text[m.end() + 1:m.end() + 2].isdigit():
                continue  # 2020-10-09-1: a number, not a date
            h = with_part(text, h)
            taken.keep(hits, h, s, h.e)
    for m, s, e in taken.free_matches(COMPACT, text):
        if not (DATE_CONTEXT_BEFORE.search(text, max(0, s - 8), s) or DATE_CONTEXT_AFTER.match(text[e:e + 6])):
            continue
        if _in_token(text, s, e):
            continue
        h = with_part(text, Hit(s=s, e=e, y=int(m["y"]), m=int(m["m"]), d=int(m["d"]), after=e))
        if make_date(h.y, h.m, h.d):
            taken.keep(hits, h, s, e)
    return hits


def short_forms(text: str, taken) -> list[Hit]:
    """9.20前, 截止09-01, 6·30前: a month and a day in a deadline's words."""
    hits: list[Hit] = []
    for m, s, e in taken.free_matches(SHORT, text):
        mo, d = int(m["m"]), int(m["d"])
        if not (1 <= mo <= 12 and 1 <= d <= 31):
            continue
        if not (_SHORT_AFTER.match(text[e:e + 4]) or _SHORT_BEFORE.search(text, max(0, s - 8), s)):
            continue
        if m["sep"] != "·" and _in_token(text, s, e):
            continue
        h = with_part(text, Hit(s=s, e=e, y=None, m=mo, d=d, after=e))
        taken.keep(hits, h, s, e)
    return hits


def head_forms(text: str, head_rx, taken) -> list[Hit]:
    hits: list[Hit] = []
    for m, _, _ in taken.free_matches(head_rx, text):
        for h in _from_head(text, m):
            if taken.free(h.s, h.e) and not _in_token(text, h.s, h.e):
                hits.append(h)
                taken.add(h.s, h.e)
    return hits


def day_forms(text: str, taken) -> list[Hit]:
    """14日下午, 于15日, 21日(周三), 30日前: a day whose month comes from elsewhere."""
    hits: list[Hit] = []
    for m, s, e in taken.free_matches(DAY_ONLY, text):
        d = cn_number(m["d"] or m["d2"])
        if not d or d > 31:
            continue
        if m["d"] and _COUNT_BEFORE.search(text, max(0, s - 3), s) and DEADLINE_AFTER.match(text[e:e + 4]):
            continue
        h = with_part(text, Hit(s=s, e=e, y=None, m=None, d=d, after=e))
        hits.append(h)
        taken.add(s, h.e)
    return hits


def _from_head(text: str, m: re.Match) -> list[Hit]:
    y = year_of(m["y"])
    if m["y"] and y is None:
        return []
    mo = cn_number(m["m"])
    if not mo or not 1 <= mo <= 12:
        return []
    if m["d"] is None:
        return _month_level(text, m, y, mo)
    d = cn_number(m["d"])
    if not d or not 1 <= d <= 31:
        return []
    end = m.end()
    rt = RANGE_TAIL.match(text, end)
    if rt and (rt["ds"] or (rt["m"] and not m["ds"])):
        y2 = year_of(rt["y"]) if rt["y"] else None
        m2 = cn_number(rt["m"]) if rt["m"] else None
        d2 = cn_number(rt["d"])
        if d2 and (m2 or d2 > d or (rt["y"] and y2)):
            h = Hit(s=m.start(), e=rt.end(), y=y, m=mo, d=d, y2=y2, m2=m2, d2=d2, after=rt.end())
            return [with_part(text, h)]
    listed = _listed_days(text, m, y, mo, d)
    if listed:
        return listed
    if not m["ds"]:
        # 2022年7月26 at a line end (a signature whose 日 was lost); 1月3前, 十月31,
        if not NO_DAY_MARK_END.match(text, end):
            return []
        if text[end:end + 1] == "." and text[end + 1:end + 2].isdigit():
            return []
    return [with_part(text, Hit(s=m.start(), e=end, y=y, m=mo, d=d, after=end))]


def _listed_days(text: str, m: re.Match, y, mo: int, d: int) -> list[Hit]:
    """12月18日和19日 / 5月22、23日 / 9月10号,11号,12号: each day a date of its own."""
    days = [(m.start(), m.end(), d)]
    closed = bool(m["ds"])
    pos = m.end()
    while True:
        lt = LIST_TAIL.match(text, pos)
        if not lt:
            break
        if not lt["ds"] and (lt["sep"] is None or closed):
            break  # 9月10日,11人参加 / 3月1日和2名…: no day follows
        dn = cn_number(lt["d"])
        if not dn or dn > 31 or dn <= days[-1][2]:
            break
        days.append((lt.start("d"), lt.end(), dn))
        pos = lt.end()
        closed = bool(lt["ds"])
    if len(days) < 2 or text[days[-1][1] - 1] not in "日号":
        return []
    out = []
    for k, (s, e, dn) in enumerate(days):
        # the days after the first take its month and year, as a day alone does
        h = Hit(s=s, e=e, y=y if k == 0 else None, m=mo if k == 0 else None, d=dn, after=e)
        out.append(with_part(text, h) if k == len(days) - 1 else h)
    return out


def _month_level(text: str, m: re.Match, y: int | None, mo: int) -> list[Hit]:
    """2020年10月 (the whole month), 11月中旬, 10月底, 2020年10月至12月."""
    end = m.end()
    while end > m.start() and text[end - 1] == " ":
        end -= 1
    xm = XUN.match(text, end)
    if xm and not (xm["x"] in ("初", "末", "底") and text[xm.end():xm.end() + 1] in "步期稿"):
        a, b = XUN_DAYS[xm["x"]]
        grain = "end" if xm["x"] in END_WORDS else "part"
        return [Hit(s=m.start(), e=xm.end(), y=y, m=mo, d=a, d_end=b, month_grain=True, grain=grain, after=xm.end())]
    if y is None:
        return []  # a bare month (3月) is too loose to be a date
    nxt = text[end:end + 1]
    if nxt and (nxt.isdigit() or nxt in "〇○零一二三四五六七八九十廿卅"):
        return []
    mt = MONTH_TAIL.match(text, end)
    if mt:
        m2 = cn_number(mt["m"])
        y2 = year_of(mt["y"]) if mt["y"] else None
        if m2 and 1 <= m2 <= 12 and (y2 or m2 > mo):
            return [Hit(s=m.start(), e=mt.end(), y=y, m=mo, d=1, y2=y2 or y, m2=m2, d2=31,
                        month_grain=True, grain="month", after=mt.end())]
    return [Hit(s=m.start(), e=end, y=y, m=mo, d=1, d_end=31, month_grain=True, grain="month", after=end)]


def with_part(text: str, h: Hit) -> Hit:
    """Take the weekday (checked later), the part of day (kept in the mention) and the clock
    time (kept apart) after a date."""
    pos = h.e
    wk = WEEKDAY.match(text, pos)
    weekday = None
    if wk:
        pos = wk.end()
        weekday = "一二三四五六日".find(wk["wd"]) if wk["wd"] != "天" else 6
    skip = pos
    if text[skip:skip + 1] == ")" and "(" in text[max(0, h.s - 8):h.s]:
        skip += 1
    part = None
    e = h.e
    pm = PART_AFTER.match(text, skip)
    if pm:
        part = pm["part"]
        if skip == h.e or (wk and skip == wk.end()):
            e = pm.end()
        skip = pm.end()
    tm = TIME_AFTER.match(text, skip)
    time = None
    if tm:
        time = clock(tm, part)
        skip = tm.end() if time else skip
    after = max(skip, e)
    if e == h.e and after == h.after and part == h.part and time == h.time and weekday is None:
        return h  # (most dates: nothing after)
    return replace(h, e=e, after=after, part=part, time=time, weekday=weekday)


def _in_token(text: str, s: int, e: int) -> bool:
    a, b = s, e
    while a > 0 and text[a - 1] in _TOKEN_SET:
        a -= 1
    while b < len(text) and text[b] in _TOKEN_SET:
        b += 1
    token = text[a:b]
    if _NOT_A_DATE_TOKEN.search(token):
        return True
    # QQ图片20190227170104.jpg, 2020-10-09-名单.docx: part of a file name
    word = _WORD_AFTER.match(text, b)
    return bool(_FILE_END.search(word.group(0)))


def year_of(s: str | None) -> int | None:
    """2024, 二〇二四; 24 and 零七 (two digits) in 1970–2069."""
    if not s:
        return None
    y = cn_number(s)
    if y is None:
        return None
    if len(s.strip()) == 2:
        return 2000 + y if y < 70 else 1900 + y
    return y if 1900 <= y <= 2099 else None
