"""Every explicit calendar date or range of an article, in ISO, with the role it plays.

Offices write most dates partially (9月11日, 14日下午, 11月中旬): the year and month come
from the document. The reference is the 成文日期 or dateline (``doc.reference``); a
document without one borrows its page stamp (发布时间:2021-05-28), any full date it
holds, or, for an article on a page with others, the nearest full date on that page.
A date whose year cannot be inferred is left out rather than guessed.

Found on the normalised view (full-width digits folded, so one pattern serves both) and
turned back into exact mentions of the text as read.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass, replace

from ..datefmt import (
    CN_DAY,
    CN_MONTH,
    CN_YEAR,
    NUMERAL_AHEAD,
    NUMERAL_CHARS,
    PARTS,
    TIME,
    clock,
    cn_number,
    find_full_dates,
    make_date,
    month_end,
)
from ..types import DateValue

_Y = rf"(?:(?:19|20)\d{{2}}|{CN_YEAR})"
_M = rf"(?:\d{{1,2}}|{CN_MONTH})"
_D = rf"(?:\d{{1,2}}|{CN_DAY})"
_PART = "|".join(PARTS)
_NUMERAL_BEFORE = r"(?<![\d.\-/〇○零一二三四五六七八九十廿])"

# [年] 月 [日]: the head of every Chinese-style date.
HEAD = re.compile(
    rf"{NUMERAL_AHEAD}(?:(?<![\d〇○零一二三四五六七八九十廿])(?P<y>{_Y})\s*年\s*|{_NUMERAL_BEFORE})(?P<m>{_M})\s*月\s*"
    rf"(?:(?P<d>{_D})(?!\d)\s*(?P<ds>[日号])?)?"
)
# …至[年][月]日 / …-日: the end of a range written after a head.
RANGE_TAIL = re.compile(
    rf"\s*起?\s*(?:[-—–~～]+|至|到|起至)\s*(?:(?P<y>{_Y})\s*年\s*)?(?:(?P<m>{_M})\s*月\s*)?(?P<d>{_D})\s*[日号]"
)
# 12月18日和19日 / 5月22、23日: days listed after a head, each a date of its own.
LIST_TAIL = re.compile(rf"\s*(?:、|和|及|与)\s*(?P<d>{_D})\s*(?P<ds>[日号])?")
MONTH_TAIL = re.compile(rf"\s*(?:[-—–~～]|至|到)\s*(?:(?P<y>{_Y})\s*年\s*)?(?P<m>{_M})\s*月(?!\s*[\d〇○零一二三四五六七八九十廿])")
# Parts of a month: 上旬 1–10, 中旬 11–20, 下旬 21–end; 月初 and 月底 likewise.
XUN = re.compile(r"(?P<x>上中旬|中下旬|上旬|中旬|下旬|初|底|末)")
_XUN_DAYS = {"上旬": (1, 10), "中旬": (11, 20), "下旬": (21, 31), "上中旬": (1, 20), "中下旬": (11, 31),
             "初": (1, 10), "底": (21, 31), "末": (21, 31)}
ISO = re.compile(  # (the look-ahead first: a faster search)
    r"(?=[12])(?<![A-Za-z0-9_./\-])(?P<y>(?:19|20)\d{2})\s*(?P<sep>[-/.])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<d>\d{1,2})"
    r"(?![0-9/]|[.\-][0-9])"
)
DMY = re.compile(r"(?=\d)(?<![A-Za-z0-9_./\-])(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>(?:19|20)\d{2})(?![0-9]|\.[0-9])")
# 14日下午 / 于15日 / 21日(周三): a day whose month comes from the date mentioned before it.
DAY_ONLY = re.compile(
    rf"{NUMERAL_AHEAD}(?:(?<![\d.\-/年月第每〇○零一二三四五六七八九十廿])(?P<d>{_D})\s*[日号]"
    rf"(?=\s*(?:{_PART}|[(（]\s*(?:周|星期)))"
    rf"|(?<=于)(?P<d2>{_D})\s*[日号](?![内後后]))"
)
WEEKDAY = re.compile(r"\s*\(\s*(?:周|星期)[一二三四五六日天]\s*\)")
PART_AFTER = re.compile(rf"\s*(?P<part>{_PART})")
TIME_AFTER = re.compile(rf"\s*(?:{TIME.pattern})")
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

DEADLINE_AFTER = re.compile(r"^\s*(?:前|之前|以前|为止|止|截止)")
DEADLINE_BEFORE = re.compile(r"(?:截止|截至|截止日期[为為是]?|截止时间[为為是]?|截止時間[为為是]?|最迟|最遲|最晚|不晚于|不迟于|期限[为為是]?|即日起至|即日起到)\s*(?:(?:本|下)?(?:周|星期)[一二三四五六日天]\s*[(（]?)?\s*$")
EVENT_WORDS = re.compile(
    r"召开|举行|举办|開展|开展|调研|考察|参观|走访|莅临|会见|出席|座谈|开幕|闭幕|启动|颁奖|揭牌|报到|比赛|"
    r"活动|会议|会上|大会|论坛|培训|讲座|交流|调查|参加|舉行|舉辦|召開|會議"
)
_CLAUSE_END = "。;!?\n"


@dataclass(frozen=True, slots=True)
class _Hit:
    """A date as written, before its year and month are known."""

    s: int  # view offsets of the mention
    e: int
    y: int | None
    m: int | None
    d: int | None
    d_end: int | None = None  # last day of a month part (上旬 …) or of a whole month
    y2: int | None = None  # the end of a range, as written
    m2: int | None = None
    d2: int | None = None
    month_grain: bool = False  # 2020年10月, 11月中旬: a span of days
    after: int = 0  # where the text after the date (part, time, 前) starts
    part: str | None = None
    time: str | None = None


def extract(doc, found) -> tuple[DateValue, ...]:
    text = doc.view.text
    hits = scan(text)
    if not hits:
        return ()
    reference = _reference(doc, hits)
    issued_span = None
    im = doc.structure.issued_mention
    if im is not None and doc.structure.kind == "notice":  # a bulletin has no 成文日期
        issued_span = (im.start, im.end)
    out: list[DateValue] = []
    seen: set[tuple[int, int]] = set()
    last: tuple[dt.date, dt.date] | None = None
    line_starts = _line_starts(text)
    explicit_by_line: dict[int, dt.date] = {}
    bulletin = doc.structure.kind == "bulletin"
    for h in hits:
        line = _line_of(line_starts, h.s)
        span = _resolve(h, reference, last, explicit_by_line.get(line), bulletin=bulletin,
                        future=not bulletin and _asks_ahead(text, h))
        if span is None:
            continue
        start, end = span
        last = span
        if h.y is not None:
            explicit_by_line[line] = max(start, explicit_by_line.get(line, start))
        mention = doc.view.mention(h.s, h.e)
        key = (mention.start, mention.end)
        if key in seen or not mention.text:
            continue
        seen.add(key)
        role = _role(text, h, mention, issued_span)
        out.append(DateValue(mention=mention, start=start, end=end, role=role, part=h.part, time=h.time))
    return tuple(out)


# ---------------------------------------------------------------- finding
def scan(text: str) -> list[_Hit]:
    """Every date-like expression of ``text``, in order, none overlapping."""
    hits: list[_Hit] = []
    taken = _Spans()
    free = taken.free
    for rx in (ISO, DMY):
        for m in rx.finditer(text):
            if _in_token(text, m.start(), m.end()) or _VERSION_BEFORE.search(text, max(0, m.start() - 10), m.start()):
                continue
            y, mo, d = int(m["y"]), int(m["m"]), int(m["d"])
            if make_date(y, mo, d) is None:
                continue
            h = _with_part(text, _Hit(s=m.start(), e=m.end(), y=y, m=mo, d=d, after=m.end()))
            hits.append(h)
            taken.add(m.start(), max(m.end(), h.after))
    for m in HEAD.finditer(text):
        if not free(m.start(), m.end()):
            continue
        for h in _from_head(text, m):
            if free(h.s, h.e) and not _in_token(text, h.s, h.e):
                hits.append(h)
                taken.add(h.s, h.e)
    for m in DAY_ONLY.finditer(text):
        d = cn_number(m["d"] or m["d2"])
        s, e = m.start(), m.end()
        if not d or d > 31 or not free(s, e):
            continue
        h = _with_part(text, _Hit(s=s, e=e, y=None, m=None, d=d, after=e))
        hits.append(h)
        taken.add(s, h.e)
    hits.sort(key=lambda h: h.s)
    return hits


class _Spans:
    """Spans already taken, kept sorted: a page of thousands of dates stays linear."""

    def __init__(self) -> None:
        self.starts: list[int] = []
        self.ends: list[int] = []

    def free(self, s: int, e: int) -> bool:
        k = bisect.bisect_left(self.starts, e)
        while k > 0 and self.starts[k - 1] > s - 80:  # a date is never 80 characters long
            k -= 1
            if self.ends[k] > s:
                return False
        return True

    def add(self, s: int, e: int) -> None:
        k = bisect.bisect_right(self.starts, s)
        self.starts.insert(k, s)
        self.ends.insert(k, e)


def _from_head(text: str, m: re.Match) -> list[_Hit]:
    y = _year(m["y"])
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
    if rt:
        y2 = _year(rt["y"]) if rt["y"] else None
        m2 = cn_number(rt["m"]) if rt["m"] else None
        d2 = cn_number(rt["d"])
        if d2 and (m2 or d2 > d or (rt["y"] and y2)):
            h = _Hit(s=m.start(), e=rt.end(), y=y, m=mo, d=d, y2=y2, m2=m2, d2=d2, after=rt.end())
            return [_with_part(text, h)]
    lt = LIST_TAIL.match(text, end)
    if lt and (lt["ds"] or not m["ds"]):
        out = []
        first_end = m.end()
        days = [(m.start(), first_end, d)]
        pos = end
        while lt:
            dn = cn_number(lt["d"])
            if not dn or dn > 31:
                break
            days.append((lt.start("d"), lt.end(), dn))
            pos = lt.end()
            if lt["ds"]:
                break
            lt = LIST_TAIL.match(text, pos)
        if len(days) > 1 and text[days[-1][1] - 1] in "日号":
            for k, (s, e, dn) in enumerate(days):
                # the days after the first take its month and year, as a day alone does
                h = _Hit(s=s, e=e, y=y if k == 0 else None, m=mo if k == 0 else None, d=dn, after=e)
                if k == len(days) - 1:
                    h = _with_part(text, h)
                out.append(h)
            return out
    if not m["ds"]:
        # 2022年7月26 at a line end (a signature whose 日 was lost); otherwise not a date
        rest = text[end:end + 1]
        if y is None or (rest and rest not in " \n"):
            return []
    return [_with_part(text, _Hit(s=m.start(), e=end, y=y, m=mo, d=d, after=end))]


def _month_level(text: str, m: re.Match, y: int | None, mo: int) -> list[_Hit]:
    """2020年10月 (the whole month), 11月中旬, 10月底, 2020年10月至12月."""
    end = m.end()
    while end > m.start() and text[end - 1] == " ":
        end -= 1
    xm = XUN.match(text, end)
    if xm and not (xm["x"] in ("初", "末", "底") and text[xm.end():xm.end() + 1] in "步期稿"):
        a, b = _XUN_DAYS[xm["x"]]
        return [_Hit(s=m.start(), e=xm.end(), y=y, m=mo, d=a, d_end=b, month_grain=True, after=xm.end())]
    if y is None:
        return []  # a bare month (3月) is too loose to be a date
    nxt = text[end:end + 1]
    if nxt and (nxt.isdigit() or nxt in "〇○零一二三四五六七八九十廿"):
        return []
    mt = MONTH_TAIL.match(text, end)
    if mt:
        m2 = cn_number(mt["m"])
        y2 = _year(mt["y"]) if mt["y"] else None
        if m2 and 1 <= m2 <= 12 and (y2 or m2 > mo):
            return [_Hit(s=m.start(), e=mt.end(), y=y, m=mo, d=1, y2=y2 or y, m2=m2, d2=31,
                         month_grain=True, after=mt.end())]
    return [_Hit(s=m.start(), e=end, y=y, m=mo, d=1, d_end=31, month_grain=True, after=end)]


def _with_part(text: str, h: _Hit) -> _Hit:
    """Take the part of day (kept in the mention) and the clock time (kept apart) after a date."""
    pos = h.e
    wk = WEEKDAY.match(text, pos)
    if wk:
        pos = wk.end()
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
    if e == h.e and after == h.after and part == h.part and time == h.time:  # (most dates: nothing after)
        return h
    return replace(h, e=e, after=after, part=part, time=time)


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


def _year(s: str | None) -> int | None:
    if not s:
        return None
    y = cn_number(s)
    return y if y and 1900 <= y <= 2099 else None


# ---------------------------------------------------------------- resolving
def _reference(doc, hits: list[_Hit]) -> dt.date | None:
    if doc.reference is not None:
        return doc.reference
    for h in hits:  # the page stamp or any full date the article gives
        if h.y is not None and h.d is not None and not h.month_grain:
            d = make_date(h.y, h.m, h.d)
            if d:
                return d
    # an article on a page with others: the nearest full date on the page
    view = doc.view
    raw = view.raw
    a, b = view.origin[0] if view.origin else 0, view.origin[-1] if view.origin else len(raw)
    best: tuple[int, dt.date] | None = None
    # A date starts with a numeral (FULL_DATE looks ahead for one): most pages hold one
    # article and have none around it, and need no search at all.
    after = _NUMERAL.search(raw, b) is not None
    if not after and not _NUMERAL.search(raw, 0, a):
        return None
    for s, e, d in find_full_dates(raw):
        if s >= a and not after:
            break  # (only the article's own dates are left)
        if a <= s < b:
            continue
        dist = a - e if e <= a else s - b
        if best is None or dist < best[0]:
            best = (dist, d)
    return best[1] if best else None


def _resolve(h: _Hit, ref: dt.date | None, last, line_explicit: dt.date | None, *, bulletin: bool,
             future: bool = False):
    y, mo, d = h.y, h.m, h.d
    if mo is None:  # a day alone: the month of the date before it
        if last is None:
            return None
        y, mo = last[0].year, last[0].month
    if y is None:
        y = _infer_year(mo, d, ref, line_explicit, bulletin=bulletin, future=future)
        if y is None:
            return None
    if h.month_grain and h.d_end is not None:
        start = make_date(y, mo, d)
        end = make_date(y, mo, min(h.d_end, month_end(y, mo)))
        return (start, end) if start and end else None
    start = make_date(y, mo, d)
    if start is None:
        return None
    if h.d2 is None:
        return start, start
    y2 = h.y2 or y
    m2 = h.m2 or mo
    d2 = min(h.d2, month_end(y2, m2)) if h.month_grain else h.d2
    if h.y2 is None and m2 < mo:
        y2 = y + 1
    end = make_date(y2, m2, d2)
    if end is None or end < start:
        return None
    return start, end


def _infer_year(mo: int, d: int, ref: dt.date | None, line_explicit: dt.date | None, *, bulletin: bool,
                future: bool = False) -> int | None:
    # 2014年11月24日 … 以及12月16日: a later date in the same paragraph keeps the year written before it
    if line_explicit is not None:
        cand = make_date(line_explicit.year, mo, min(d, month_end(line_explicit.year, mo)))
        if cand and cand >= line_explicit:
            return line_explicit.year
    if ref is None:
        return None
    y = ref.year
    cand = make_date(y, mo, min(d, month_end(y, mo)))
    if cand is None:
        return None
    delta = (cand - ref).days
    if future:
        # 请于…前, 定于…: what a notice asks for lies ahead of it
        return y + 1 if delta < -30 else y
    if bulletin:
        # news reports what happened: a day well after the report belongs to the year before
        return y - 1 if delta > 45 else y
    if delta < -200:
        return y + 1  # a notice of December asking for 1月10日
    if delta > 240:
        return y - 1  # a notice of February recalling 12月16日
    return y


# ---------------------------------------------------------------- roles
_AHEAD_BEFORE = re.compile(r"(?:请于|须于|应于|定于|将于|拟于|务必于|截止|截至|最迟|不晚于|不迟于)\s*$")


def _asks_ahead(text: str, h: _Hit) -> bool:
    """A request or an announcement: the date lies after the notice was signed."""
    before = text[max(0, h.s - 6):h.s]
    return bool(_AHEAD_BEFORE.search(before) or DEADLINE_AFTER.match(text[h.after:h.after + 4]))


def _role(text: str, h: _Hit, mention, issued_span) -> str:
    if issued_span and mention.start < issued_span[1] and issued_span[0] < mention.end:
        return "issued"
    a = max(text.rfind(c, 0, h.s) for c in _CLAUSE_END + ",") + 1  # where the clause starts
    before = text[a:h.s]
    after = text[h.after:h.after + 12]
    if DEADLINE_AFTER.match(after) or DEADLINE_BEFORE.search(before[-16:]):
        return "deadline"
    b = min(len(text), h.after + 80)  # where the clause ends, 80 characters at most
    b = min([b] + [k for k in (text.find(c, h.after, b) for c in _CLAUSE_END) if k >= 0])
    if EVENT_WORDS.search(before) or EVENT_WORDS.search(text[h.after:b]):
        return "event"
    return "other"


_NEWLINE = re.compile("\n")
_NUMERAL = re.compile(NUMERAL_CHARS)


def _line_starts(text: str) -> list[int]:
    return [0] + [m.end() for m in _NEWLINE.finditer(text)]


def _line_of(starts: list[int], pos: int) -> int:
    return bisect.bisect_right(starts, pos) - 1
