"""The role a date plays in its clause: the 成文日期 (issued), a deadline (…前, 截止…),
an event (召开, 举办 …) or other."""
from __future__ import annotations

from ...vocab.dates import AHEAD_BEFORE, DEADLINE_AFTER, DEADLINE_BEFORE, EVENT_WORDS
from .hit import Hit

_CLAUSE_END = "。;!?\n"


def asks_ahead(text: str, h: Hit) -> bool:
    """A request or an announcement: the date lies after the notice was signed."""
    before = text[max(0, h.s - 6):h.s]
    return bool(AHEAD_BEFORE.search(before) or DEADLINE_AFTER.match(text[h.after:h.after + 4])
                or DEADLINE_BEFORE.search(text[max(0, h.s - 16):h.s]))


def role(text: str, h: Hit, mention, issued_span, *, s: int | None = None) -> str:
    """``s``: where the date's words start when they begin before the hit (即日起至…)."""
    if issued_span and mention.start < issued_span[1] and issued_span[0] < mention.end:
        return "issued"
    s = h.s if s is None else s
    # where the clause starts (looked for within 200 characters: a megabyte line of dates stays linear)
    lo = max(0, s - 200)
    a = max(lo, max(text.rfind(c, lo, s) for c in _CLAUSE_END + ",") + 1)
    before = text[a:s]
    after = text[h.after:h.after + 12]
    if DEADLINE_AFTER.match(after) or DEADLINE_BEFORE.search(before[-16:]):
        return "deadline"
    b = min(len(text), h.after + 80)  # where the clause ends, 80 characters at most
    b = min([b] + [k for k in (text.find(c, h.after, b) for c in _CLAUSE_END) if k >= 0])
    if EVENT_WORDS.search(before) or EVENT_WORDS.search(text[h.after:b]):
        return "event"
    return "other"
