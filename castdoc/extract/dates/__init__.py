"""Every calendar date or range of an article, in ISO, with the role it plays.

Offices write most dates partially (9月11日, 14日下午, 11月中旬) or relatively (明天下午,
下周五前, 本月底前): the year, month and day come from the document (``resolve``). A
date whose year cannot be known is kept with its text, month and day and no ISO start,
never dated with a guessed year.

Found on the normalised view (full-width digits folded, so one pattern serves both) and
turned back into exact mentions of the text as read.

The modules: ``patterns`` (the written forms), ``written`` and ``relative`` (finding them),
``resolve`` (their days), ``roles`` (issued, deadline, event), ``within`` (10个工作日内:
deadlines that are a rule, not a day); the words live in ``castdoc.vocab.dates``.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re

from ...types import DateValue, Mention
from . import relative, written
from .hit import Hit, Spans
from .patterns import CONNECTOR, FROM_TODAY, HEAD
from .resolve import Resolved, anchor, resolve
from .roles import asks_ahead, role

__all__ = ["extract", "scan"]

_NEWLINE = re.compile("\n")
_WEEKDAY_NAMES = "一二三四五六日"


def scan(text: str) -> list[Hit]:
    """Every date-like expression of ``text``, in order, none overlapping."""
    taken = Spans()
    hits = relative.year_forms(text, taken)  # 今年6月底 before 6月底
    hits += written.full_forms(text, taken)
    hits += written.head_forms(text, HEAD, taken)
    hits += written.short_forms(text, taken)
    hits += written.day_forms(text, taken)
    hits += relative.day_forms(text, taken)
    hits.sort(key=lambda h: h.s)
    return hits


def extract(doc, found) -> tuple[DateValue, ...]:
    text = doc.view.text
    hits = scan(text)
    if not hits:
        return ()
    at = anchor(doc, hits)
    issued_span = None
    im = doc.structure.issued_mention
    if im is not None and doc.structure.kind == "notice":  # a bulletin has no 成文日期
        issued_span = (im.start, im.end)
    out: list[DateValue] = []
    seen: set[tuple[int, int]] = set()
    last: Resolved | None = None
    prev: tuple[Hit, Resolved] | None = None
    line_starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]
    explicit_by_line: dict[int, dt.date] = {}
    bulletin = doc.structure.kind == "bulletin"
    for h in hits:
        line = bisect.bisect_right(line_starts, h.s) - 1
        r = resolve(h, at, last, explicit_by_line.get(line), bulletin=bulletin,
                    future=not bulletin and asks_ahead(text, h))
        if r is None:
            continue
        if prev is not None and out and _joins(text, prev, h, r):
            # 2021年4月20日11:00时至2021年4月25日17:00时: one range
            first = out.pop()
            r = _joined(prev[1], h, r)
            mention = doc.view.mention(prev[0].s, h.e)
            out.append(_value(mention, r, role(text, h, mention, issued_span, s=prev[0].s), prev[0], first.time))
            seen.add((mention.start, mention.end))
            prev = (h, r)
            last = r
            continue
        last = r
        if h.y is not None and r.start is not None and h.rel is None:
            explicit_by_line[line] = max(r.start, explicit_by_line.get(line, r.start))
        s = h.s
        ft = FROM_TODAY.search(text, max(0, h.s - 8), h.s)
        if ft and r.end is not None and at.rel is not None and at.rel <= r.end:
            # 即日起至9月20日: from the document's date
            s = ft.start()
            r = Resolved(at.rel, r.end, r.y, r.m, r.d, r.supplied or at.rel_supplied)
        mention = doc.view.mention(s, h.e)
        key = (mention.start, mention.end)
        if key in seen or not mention.text:
            continue
        seen.add(key)
        out.append(_value(mention, r, role(text, h, mention, issued_span), h, h.time))
        prev = (h, r)
    return tuple(out)


def _joins(text: str, prev: tuple[Hit, Resolved], h: Hit, r: Resolved) -> bool:
    ph, pr = prev
    if ph.month_grain or h.month_grain or pr.start is None or r.start is None or ph.d2 is not None or h.d2 is not None:
        return False
    if not CONNECTOR.match(text[ph.after:h.s]):
        return False
    return h.y is not None or h.m is not None or h.rel is not None or r.end >= pr.start


def _joined(first: Resolved, h: Hit, r: Resolved) -> Resolved:
    end = r.end
    if end < first.start and h.y is None and h.rel is None:
        end = _next_year(end)  # 12月28日至1月3日
    if end is None or end < first.start:
        end = first.end
    return Resolved(first.start, end, first.y, first.m, first.d, first.supplied or r.supplied)


def _next_year(d: dt.date) -> dt.date | None:
    try:
        return d.replace(year=d.year + 1)
    except ValueError:
        return None


def _value(mention: Mention, r: Resolved, rl: str, h: Hit, time: str | None) -> DateValue:
    warning = None
    if h.weekday is not None and r.start is not None and r.start == r.end and r.start.weekday() != h.weekday:
        warning = (f"written 星期{_WEEKDAY_NAMES[h.weekday]} but {r.start.isoformat()} is a "
                   f"星期{_WEEKDAY_NAMES[r.start.weekday()]}")
    return DateValue(
        mention=mention, start=r.start, end=r.end, role=rl, part=h.part, time=time,
        month=r.m if r.start is None else None, day=r.d if r.start is None else None,
        relative=h.rel is not None or h.next_day, year_supplied=r.supplied and r.start is not None,
        warning=warning, grain=h.grain,
    )
