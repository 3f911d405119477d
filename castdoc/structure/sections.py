"""The headings of the 正文 (一、 （一） 1. （1） 一是) and the text each governs."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..datefmt import DATE_FIRST
from ..lines import is_date_line
from ..types import Section
from ..vocab import ATTACH_HEAD, CN_NUM, CONTACT_NAMES, HEADINGS, INNER_ITEM
from .context import Context

_HEADING_END = re.compile(r"[。:;]")
# What a line that closes the body starts with (ATTACH_HEAD, CONTACT_NAMES, a date; or a digit).
_CLOSER_FIRST = frozenset("附联聯") | DATE_FIRST
# The HEADINGS patterns, in order, that can match a line starting with a character; digits
# (\d) take _DIGIT_HEADINGS.
_DIGIT_HEADINGS = tuple(h for h in HEADINGS if h[0] == 3)
_HEADINGS_BY_FIRST = {"(": tuple(h for h in HEADINGS if h[0] in (2, 4))} | dict.fromkeys(
    CN_NUM, tuple(h for h in HEADINGS if h[0] in (1, 5)))


@dataclass(frozen=True, slots=True)
class _Head:
    level: int
    line: int  # index into Context.lines
    marker: str
    offset: int  # where the marker starts in its line (一是 inside a paragraph)


def sections(ctx: Context) -> list[Section]:
    heads = _heads(ctx)
    lines = ctx.lines
    view = ctx.view
    vtext = view.text
    end_all = lines[ctx.content[-1]].end if ctx.content else 0
    # A section ends where the next heading of its level or above starts.
    starts = [lines[h.line].start + h.offset for h in heads]
    ends = [end_all] * len(heads)
    open_: list[int] = []  # sections not yet ended, their levels rising
    for n, h in enumerate(heads):
        while open_ and heads[open_[-1]].level >= h.level:
            ends[open_.pop()] = starts[n]
        open_.append(n)
    out: list[Section] = []
    stack: list[tuple[int, tuple[str, ...]]] = []  # (level, path) of the enclosing sections
    raw, origin = view.raw, view.origin
    for n, h in enumerate(heads):
        start, end = starts[n], ends[n]
        text_end = max(start, end)  # the section's text, without white space at its end
        while text_end > start and vtext[text_end - 1].isspace():
            text_end -= 1
        line = lines[h.line]
        m = _HEADING_END.search(line.text, h.offset)
        heading_len = min((m.start() if m else len(line.text)) - h.offset, 60)
        rs, re_ = view.raw_span(start, end)
        if origin[line.end - 1] - rs == line.end - 1 - start:  # the line as read: marker and heading are slices
            marker = raw[rs:rs + len(h.marker)].strip()
            heading = raw[rs:rs + heading_len].strip()
        else:
            marker = view.value(start, start + len(h.marker))
            heading = view.value(start, start + heading_len)
        text = view.value(start, text_end)
        while stack and stack[-1][0] >= h.level:
            stack.pop()
        path = (stack[-1][1] if stack else ()) + (heading,)
        stack.append((h.level, path))
        out.append(Section(level=h.level, marker=marker, heading=heading, text=text, start=rs, end=re_, path=path))
    return out


def _heads(ctx: Context) -> list[_Head]:
    """The body's headings in reading order, up to the 附件说明, contacts or signature."""
    lines = ctx.lines
    heads: list[_Head] = []
    for i in ctx.content:
        t = lines[i].text
        first = t[:1]
        if (first in _CLOSER_FIRST or first.isdecimal()) and (ATTACH_HEAD.match(t) or CONTACT_NAMES.match(t) or is_date_line(t)):
            break  # the 附件说明, contacts and signature close the body
        for level, rx in _HEADINGS_BY_FIRST.get(first) or (_DIGIT_HEADINGS if first.isdecimal() else ()):
            m = rx.match(t)
            if m:
                heads.append(_Head(level, i, m.group(0), 0))
                break
        # 一是/二是 items inside a paragraph
        if "是" in t:  # (the pattern needs it: most lines are skipped here)
            for m in INNER_ITEM.finditer(t):
                if m.start() > 0:
                    heads.append(_Head(5, i, m.group(1), m.start()))
    heads.sort(key=lambda h: (h.line, h.offset))
    return heads
