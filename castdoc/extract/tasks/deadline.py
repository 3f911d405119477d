"""A task's deadline, from what the task's own words state or imply, nearest first: its
own sentence (于…前, 截止…, a window 于8月15至9月28日期间…), its own numbered item or
paragraph, the heading of the group it sits under (三、报送要求(10月8日前) / 请于…前完成
以下工作:); what it refers to (公示期内, 规定时限内: the notice's one window or deadline; a
reporting task: the notice's one reporting deadline; what attendees must do: the meeting
day). A task whose own sentence gives a time of its own (明天下午, 下周五前, 10个工作日内)
never takes another task's deadline: a wrong date in a staff calendar is worse than none.

With no calendar day, a relative deadline of its own sentence (10个工作日内, 收到通知后5日
内) is kept as a rule. Dates come from the dates extractor, with raw offsets."""
from __future__ import annotations

import bisect
import re

from ...types import DateValue, RelativeDeadline
from ...vocab import any_of
from ...vocab.dates import PERIOD_AFTER, PERIOD_BEFORE
from ..dates.within import relative_deadline
from .candidate import Candidate
from .cues import SUBMIT
from .words import NOTICE

# what attendees do: their deadline is the meeting's day
ATTEND = any_of(("会前", "會前", "会上", "會上", "参会", "參會", "与会", "與會", "入场", "入場", "报到", "報到", "出席会议",
                 "参加会议", "會場", "会场", "赛场", "賽場", "到场", "到場", "到达", "到達"))
# 每月5日前, 活动结束后, 届时, 另行通知: a time of the task's own, not the notice's deadline
OWN_TIME = re.compile(r"每(?:月|季度|季|周|年|半年)|结束后|結束後|会后|會後|届时|屆時|随时|隨時|长期|長期|常年|定期|另行通知")
OBJECTION = any_of(("异议", "異議", "公示期", "公示期间", "公示期間"))
_PUBLIC = re.compile(r"公示[^,，。;；]{0,8}$")
_IN_CHARGE = any_of(("负责", "負責"))
_AS_FOLLOWS = re.compile(r"(?:如下|以下[^,。;]{0,12})\s*:?\s*$")


class Dates:
    """The document's dates, sorted, with what a task's deadline is looked up in."""

    def __init__(self, dates, doc, paras=()) -> None:
        self.doc = doc
        self.dates = sorted((d for d in dates if d.start is not None), key=lambda d: d.mention.start)
        self.starts = [d.mention.start for d in self.dates]
        self.paras = list(paras)
        self.meeting = next((d for d in self.dates if d.role == "event"), None)
        ends = {d.end for d in self.dates if d.role == "deadline"}
        # one reporting deadline for the whole notice: what every reporting task refers to
        # the notice's one 公示 window (公示期为…至…): what an objection is made within
        public = [d for d in self.dates if d.start != d.end and _PUBLIC.search(doc.view.raw, max(0, d.mention.start - 12),
                                                                                 d.mention.start)]
        self.public = public[0] if len({d.end for d in public}) == 1 else None
        single = next((d for d in self.dates if d.role == "deadline"), None) if len(ends) == 1 else None
        self.single = single if single is not None and _firm(single) else None

    def within(self, a: int, b: int) -> list[DateValue]:
        return self.dates[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def deadline(self, c: Candidate, value: str, span: tuple[int, int], para: tuple[int, int]) -> tuple:
        """(day, clock time, relative deadline) for the task ``c`` reading ``value`` at raw
        ``span`` in the raw paragraph ``para``."""
        rel = self._relative(c)
        day, when = self._day(c, value, span, para, own_rule=rel is not None)
        if day is not None:
            rel = None
        if day is not None and when is None:
            # 请于12月20日前报送…;截止时间为12月20日下午5:00: the clock time stated elsewhere
            when = next((d.time for d in self.dates if d.role == "deadline" and d.end == day and d.time), None)
        return day, when, rel

    def _day(self, c: Candidate, value: str, span: tuple[int, int], para: tuple[int, int], *,
             own_rule: bool = False) -> tuple:
        if not self.dates:
            return None, None
        view = self.doc.view
        raw = view.raw
        sent = view.raw_span(c.sentence.start, c.sentence.end)
        mine = self.within(*sent)
        own = [d for d in mine if d.role == "deadline"]
        if own:
            d = _nearest(own, span)
            # 11月中旬前: no one day, and not guessed into one (月底 has its last day)
            return (d.end, d.time) if _firm(d) else (None, None)
        window = [d for d in mine if d.start != d.end and d.role != "issued" and _firm(d) and _window(raw, d)]
        if window:  # 于8月15至9月28日期间…注册: the window's end
            d = _nearest(window, span)
            return d.end, d.time
        if own_rule or any(d.relative and d.role != "issued" for d in mine):
            return None, None  # 10个工作日内, 明天上午: its own time, no one else's
        submit = bool(SUBMIT.search(value))
        if self.doc.structure.kind == NOTICE:
            # a deadline its paragraph (its own item) states: for what follows it, or for what is to be sent in
            for d in self.within(*para):
                if _firm(d) and (d.role == "deadline" or (d.start != d.end and d.role != "event" and _window(raw, d))) and (
                        d.mention.start < span[0] or submit):
                    return d.end, d.time
            for head in self._group_heads(c):
                for d in self.within(*head):
                    if _firm(d) and (d.role == "deadline" or (d.start != d.end and d.role != "event" and _window(raw, d))):
                        return d.end, d.time
        if self.public is not None and OBJECTION.search(view.text, c.sentence.start, c.sentence.end):
            # 对公示项目持有异议的,应当在公示期内…: what is done about a 公示 lies within its window
            return self.public.end, self.public.time
        if self.meeting is not None and ATTEND.search(value):
            return self.meeting.start, self.meeting.time
        if (submit and self.single is not None and not _IN_CHARGE.search(value)
                and not OWN_TIME.search(view.text, c.sentence.start, c.sentence.end)):
            return self.single.end, self.single.time
        return None, None

    def _item(self, c: Candidate) -> tuple[int, int] | None:
        """The raw span of the numbered item the task stands in (None: a plain paragraph)."""
        if not self.paras:
            return None
        p = self.paras[c.sentence.para]
        if not p.marker or p.level >= 5:
            return None
        return self.doc.view.raw_span(p.start, p.end)

    def _group_heads(self, c: Candidate) -> list[tuple[int, int]]:
        """Raw spans of the headings above the task's item, nearest first, and of the lead-in
        (请于…前完成以下工作:) that opens its run of items."""
        out: list[tuple[int, int]] = []
        if not self.paras:
            return out
        k = c.sentence.para
        p = self.paras[k]
        in_item = bool(p.marker) and p.level < 5
        level = p.level if in_item else 99
        lead = in_item  # the plain paragraph right before the task's run of items may lead it in
        text = self.doc.view.text
        for j in range(k - 1, max(-1, k - 400), -1):  # (a heading is never further back: a long list stays linear)
            if level <= 1 and not lead:
                break  # the top heading is found
            q = self.paras[j]
            if q.marker and q.level < 5:
                if q.level < level:
                    if q.heading:
                        out.append(self.doc.view.raw_span(q.start, q.end))
                    level = q.level
                continue
            if lead and _AS_FOLLOWS.search(text[q.start:q.end]):
                out.append(self.doc.view.raw_span(q.start, q.end))
            lead = False
        return out

    def _relative(self, c: Candidate) -> RelativeDeadline | None:
        got = relative_deadline(self.doc.view.text, c.sentence.start, c.sentence.end)
        return got[1] if got else None


def _firm(d: DateValue) -> bool:
    """A day a deadline can be: 9月20日, 本月底 (its last day); not 11月中旬, not a whole month."""
    return d.grain in ("day", "end")


def _nearest(dates: list[DateValue], span: tuple[int, int]) -> DateValue:
    """Of several dates in one sentence, the one inside the task's text, else the first."""
    inside = [d for d in dates if span[0] <= d.mention.start < span[1]]
    return (inside or dates)[0]


def _window(raw: str, d: DateValue) -> bool:
    """公示期为…至…, 征集时间:…至…, …期间: a span that closes a window for acting."""
    before = raw[max(0, d.mention.start - 8):d.mention.start]
    return bool(PERIOD_BEFORE.search(before) or PERIOD_AFTER.match(raw[d.mention.end:d.mention.end + 4]))
