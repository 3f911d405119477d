"""Deadlines that are a rule, not a day: 10个工作日内, 收到通知后5日内, 一周内, 3个月内.

They are kept as written with their count, unit and the event they count from; turning
them into a calendar date would need the day the notice reached its reader, which the
text does not give."""
from __future__ import annotations

import re

from ...datefmt import cn_number
from ...types import RelativeDeadline
from ...vocab.dates import RELATIVE_AFTER_EVENT, RELATIVE_UNITS

_UNITS = "|".join(sorted(map(re.escape, RELATIVE_UNITS), key=len, reverse=True))
WITHIN = re.compile(rf"(?P<n>\d{{1,3}}|[一二三四五六七八九十两]{{1,3}})\s*(?P<u>{_UNITS})\s*(?:之内|以内|内|內)")
_EVENT = re.compile(r"[^,，。;；:：]{0,14}$")


def relative_deadline(text: str, a: int, b: int) -> tuple[int, RelativeDeadline] | None:
    """The first relative deadline in ``text[a:b]``, with where its words start."""
    for m in WITHIN.finditer(text, a, b):
        n = cn_number(m["n"].replace("两", "二"))
        if n is None:
            continue
        start = m.start()
        after = None
        ev = RELATIVE_AFTER_EVENT.search(text, max(a, start - 16), start)
        if ev:
            after = ev.group(0).rstrip()
            for tail in ("之日起", "之日后", "后", "後", "起"):
                if after.endswith(tail):
                    after = after[: -len(tail)]
                    break
            start = ev.start()
        return start, RelativeDeadline(text=text[start:m.end()], count=n, unit=RELATIVE_UNITS[m["u"]], after=after)
    return None
