"""A task's deadline: its own (于…前, 截止…), else the one its paragraph states, else the
document's single reporting deadline for a reporting task, else the meeting day for what
attendees must do. Dates come from the dates extractor, with raw offsets."""
from __future__ import annotations

import bisect
import re

from ...types import DateValue
from .candidate import Candidate
from .cues import SUBMIT
from .words import NOTICE

ATTEND = re.compile(r"会前|會前|会上|會上|参会|參會|与会|與會|入场|入場|报到|報到|出席会议|参加会议|會場|会场|赛场|賽場|到场|到場|到达|到達")
_IN_CHARGE = re.compile(r"负责|負責")
_PERIOD_WORD = re.compile(r"期|时间|時間|日期")


class Dates:
    """The document's dates, sorted, with what a task's deadline is looked up in."""

    def __init__(self, dates, doc) -> None:
        self.doc = doc
        self.dates = sorted(dates, key=lambda d: d.mention.start)
        self.starts = [d.mention.start for d in self.dates]
        self.meeting = next((d for d in self.dates if d.role == "event"), None)
        ends = {d.end for d in self.dates if d.role == "deadline"}
        # one reporting deadline for the whole document applies to every reporting task
        self.single = next((d for d in self.dates if d.role == "deadline"), None) if len(ends) == 1 else None

    def within(self, a: int, b: int) -> list[DateValue]:
        return self.dates[bisect.bisect_left(self.starts, a):bisect.bisect_left(self.starts, b)]

    def deadline(self, c: Candidate, value: str, span: tuple[int, int], para: tuple[int, int]) -> tuple:
        """(day, clock time) for the task ``c`` reading ``value`` at raw ``span`` in the raw
        paragraph ``para``."""
        day, when = self._day(c, value, span, para)
        if day is not None and when is None:
            # 请于12月20日前报送…;截止时间为12月20日下午5:00: the clock time stated elsewhere
            when = next((d.time for d in self.dates if d.role == "deadline" and d.end == day and d.time), None)
        return day, when

    def _day(self, c: Candidate, value: str, span: tuple[int, int], para: tuple[int, int]) -> tuple:
        if not self.dates:
            return None, None
        view = self.doc.view
        sent = view.raw_span(c.sentence.start, c.sentence.end)
        own = [d for d in self.within(*sent) if d.role == "deadline"]
        if own:
            return own[0].end, own[0].time
        submit = bool(SUBMIT.search(value))
        if self.doc.structure.kind == NOTICE:
            # a deadline its paragraph states: for what follows it, or for what is to be sent in
            for d in self.within(*para):
                if (d.role == "deadline" or (d.start != d.end and d.role != "event" and _period(view.raw, d))) and (
                        d.mention.start < span[0] or submit):
                    return d.end, d.time
        if self.meeting is not None and ATTEND.search(value):
            return self.meeting.start, self.meeting.time
        if submit and self.single is not None and not _IN_CHARGE.search(value):
            return self.single.end, self.single.time
        return None, None


def _period(raw: str, d: DateValue) -> bool:
    """公示期为…至…, 征集时间:…至…: a span that closes a window for acting."""
    before = raw[max(0, d.mention.start - 8):d.mention.start]
    return bool(_PERIOD_WORD.search(before))
