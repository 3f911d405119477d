"""The dates structure reads itself: a web page's date line, a 成文日期 without its 日, and
a bulletin's event date (the first date of its body)."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..datefmt import parse_full_date
from ..types import Mention
from ..vocab import PAGE_DATE, alternation
from ..vocab.dates import RECENTLY
from .context import Context

_EVENT_DATE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:日?\s*[-~至到]\s*\d{1,2})?日")
_CUT_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})")
_DATE_SEPARATORS = re.compile(r"[/.]")
_RECENTLY = re.compile(r"^\S{0,20}?" + alternation(RECENTLY))  # an event not dated but by its page


@dataclass(frozen=True, slots=True)
class Dated:
    date: dt.date
    mention: Mention


def page_date(t: str) -> re.Match | None:
    """``PAGE_DATE.search(t)``; every match holds 19 or 20."""
    return PAGE_DATE.search(t) if "20" in t or "19" in t else None


def cut_date(t: str) -> dt.date | None:
    """2024年5月8 (the 日 lost): a date all the same."""
    m = _CUT_DATE.fullmatch(t)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


_COMPACT = re.compile(r"((?:19|20)\d{2})(\d{3,4})")


def compact_date(t: str) -> dt.date | None:
    """20230822, or 2023822 where its separators were lost: a date when only one reading of
    month and day is one (2023112 could be 1月12日 or 11月2日: none)."""
    m = _COMPACT.fullmatch(t)
    if not m:
        return None
    y, rest = int(m[1]), m[2]
    found = set()
    for k in (1, 2):
        mo, da = rest[:k], rest[k:]
        if len(da) > 2 or (len(mo) == 2 and mo[0] == "0" and len(rest) == 3):
            continue
        try:
            found.add(dt.date(y, int(mo), int(da)))
        except ValueError:
            pass
    return found.pop() if len(found) == 1 else None


def bulletin_date(ctx: Context, title_line: int | None) -> Dated | None:
    """The event date: the first date of the body, its year from the article itself; for
    an event only 近日/日前, the date the page was published (its 发布时间 or stamp)."""
    lines = ctx.lines
    ref = None
    ref_at = None
    for ln in lines:
        m = page_date(ln.text)
        if m:
            s = m.group(0)
            d = parse_full_date(s) or parse_full_date(_DATE_SEPARATORS.sub("-", s))
            if d:
                ref, ref_at = d, (ln, m.start(), m.end())
                break
    for i in ctx.content:
        if title_line is not None and i <= title_line:
            continue
        t = lines[i].text
        if len(t) < 40 and page_date(t):
            continue
        m = _EVENT_DATE.search(t) if "月" in t else None
        if m and m.start() < 40:
            y = int(m["y"]) if m["y"] else (ref.year if ref else None)
            if y is None:
                return None
            try:
                d = dt.date(y, int(m["m"]), int(m["d"]))
            except ValueError:
                return None
            if not m["y"] and ref and d > ref + dt.timedelta(days=31):
                d = d.replace(year=y - 1)
            return Dated(d, ctx.mention(lines[i], m.start(), m.end()))
        if ref_at is not None and _RECENTLY.match(t):
            ln, a, b = ref_at
            return Dated(ref, ctx.mention(ln, a, b))
        if len(t) >= 40:
            break
    return None
