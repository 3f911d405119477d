"""From a Hit to calendar days: the year and month a partial date lacks, a relative date
counted from the document's date.

The reference is the 成文日期 or dateline (``doc.reference``); a document without one
borrows its page stamp (发布时间:2021-05-28), any full date it holds, or, for an article on
a page with others, the nearest full date on that page. Only where none of these exists
does the user's ``--base-date`` serve, and every date it dates says so. With no anchor at
all, a date without a year stays undated (its month and day kept), never given this year.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ...datefmt import NUMERAL_CHARS, find_full_dates, make_date, month_end
from . import relative
from .hit import Hit

_NUMERAL = re.compile(NUMERAL_CHARS)


@dataclass(frozen=True, slots=True)
class Anchor:
    """What partial and relative dates are counted from."""

    ref: dt.date | None  # for a partial date's year
    rel: dt.date | None  # for 明天, 下周五: the document's own date only
    supplied: bool = False  # ref came from --base-date
    rel_supplied: bool = False
    year: int | None = None  # no day to count from, but the one year the article names (2022年“深调研”工作)


@dataclass(frozen=True, slots=True)
class Resolved:
    start: dt.date | None
    end: dt.date | None
    y: int | None  # as resolved (None: no year known)
    m: int | None
    d: int | None
    supplied: bool = False


def anchor(doc, hits: list[Hit]) -> Anchor:
    base = getattr(doc, "base_date", None)
    ref = _reference(doc, hits)
    own = doc.reference
    year = _one_year(doc.view.text) if ref is None and base is None else None
    return Anchor(ref=ref or base, rel=own or base, supplied=ref is None and base is not None,
                  rel_supplied=own is None and base is not None, year=year)


# 2022年 standing alone (not 2022年5月, not 到2025年, not 2019年以来, not 2019-2023年)
_BARE_YEAR = re.compile(
    r"(?<![\d\-—–~])(?P<y>(?:19|20)\d{2})\s*年(?:度)?"
    r"(?!\s*[\d一二三四五六七八九十元]|\s*[-—–~至到]|以来|以前|以后|之前|之后|前|后|底|末|初)"
)
_YEAR_NOT_NOW = re.compile(r"(?:到|至|截至|截止到|自|从|于|在|[-—–~])\s*$")


def _one_year(text: str) -> int | None:
    """The year an undated article names, when it names exactly one (GOLD-FORMAT: a year
    written elsewhere in the same article gives partial dates theirs)."""
    years = set()
    for m in _BARE_YEAR.finditer(text):
        if _YEAR_NOT_NOW.search(text, max(0, m.start() - 4), m.start()):
            continue
        years.add(int(m["y"]))
    return years.pop() if len(years) == 1 else None


def _reference(doc, hits: list[Hit]) -> dt.date | None:
    if doc.reference is not None:
        return doc.reference
    for h in hits:  # the page stamp or any full date the article gives
        if h.y is not None and h.d is not None and not h.month_grain and h.rel is None:
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


def resolve(h: Hit, at: Anchor, last: Resolved | None, line_explicit: dt.date | None, *, bulletin: bool,
            future: bool = False) -> Resolved | None:
    """The days ``h`` names; Resolved with no start where no year can be known; None where
    the hit is no date after all (a day with no month anywhere, an impossible day)."""
    supplied = False
    if h.next_day:  # 次日: the day after the date before it
        if last is None:
            return None
        if last.end is None:
            return Resolved(None, None, None, None, None)
        d = last.end + dt.timedelta(days=1)
        return Resolved(d, d, d.year, d.month, d.day, last.supplied)
    if h.rel is not None:
        if at.rel is None:
            return Resolved(None, None, None, None, None)
        f = relative.fields(h, at.rel)
        if f is None:
            return None
        y, mo, d = f
        supplied = at.rel_supplied
        if h.rel[0] == "week" and h.rel[3] != h.rel[2]:  # 本周末, 下周一至周三: a span of that week
            start = make_date(y, mo, d)
            end = start + dt.timedelta(days=h.rel[3] - h.rel[2])
            return Resolved(start, end, y, mo, d, supplied)
    else:
        y, mo, d = h.y, h.m, h.d
        if mo is None:  # a day alone: the month of the date before it, else the document's
            if last is not None and last.m is not None:
                y, mo = last.y, last.m
                supplied = last.supplied
            elif at.ref is not None:
                y, mo = None, at.ref.month
            else:
                return None
        if y is None and at.ref is None and at.year is not None and line_explicit is None:
            y = at.year
        if y is None:
            y = infer_year(mo, d, at.ref, line_explicit, bulletin=bulletin, future=future)
            if y is None:
                return Resolved(None, None, None, mo, None if h.month_grain else d)
            supplied = supplied or at.supplied
    if h.month_grain and h.d_end is not None:
        start = make_date(y, mo, d)
        end = make_date(y, mo, min(h.d_end, month_end(y, mo)))
        return Resolved(start, end, y, mo, d, supplied) if start and end else None
    start = make_date(y, mo, d)
    if start is None:
        return None
    if h.d2 is None:
        return Resolved(start, start, y, mo, d, supplied)
    y2 = h.y2 or y
    m2 = h.m2 or mo
    d2 = min(h.d2, month_end(y2, m2)) if h.month_grain else h.d2
    if h.y2 is None and m2 < mo:
        y2 = y + 1
    end = make_date(y2, m2, d2)
    if end is None or end < start:
        return None
    return Resolved(start, end, y, mo, d, supplied)


def infer_year(mo: int, d: int, ref: dt.date | None, line_explicit: dt.date | None, *, bulletin: bool,
               future: bool = False) -> int | None:
    """The year that makes sense for a month and day in a document of ``ref``."""
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
