"""A date as found, before its year and month are known, and the spans already taken."""
from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Hit:
    """A date as written (view offsets), its fields as the text gives them."""

    s: int
    e: int
    y: int | None
    m: int | None
    d: int | None
    d_end: int | None = None  # last day of a month part (上旬 …) or of a whole month
    y2: int | None = None  # the end of a range, as written
    m2: int | None = None
    d2: int | None = None
    month_grain: bool = False  # 2020年10月, 11月中旬: a span of days
    grain: str = "day"  # day | part (上旬 中旬 下旬 初) | end (月底 年底) | month (a whole month)
    after: int = 0  # where the text after the date (part, time, 前) starts
    part: str | None = None
    time: str | None = None
    weekday: int | None = None  # (星期二) written after the date: 0 Monday … 6 Sunday
    rel: tuple | None = None  # a relative date (明天, 下周五): resolved against the reference
    next_day: bool = False  # 次日: the day after the date before it


class Spans:
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

    def free_matches(self, rx, text: str):
        """(match, start, end) of each match of ``rx`` in ``text`` that no span taken so far
        covers; asked as each match is reached, so a date kept just before counts."""
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            if self.free(s, e):
                yield m, s, e

    def keep(self, hits: list, h, s: int, e: int) -> None:
        """``h`` kept, and its span taken up to what it took after it (a time, 前)."""
        hits.append(h)
        self.add(s, max(e, h.after))
