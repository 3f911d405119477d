"""The body's paragraphs as the task rules read them: numbered items, their headings and
what a heading says of the items below it (a label, eligibility rules, a subject).

Lines broken inside a sentence (page ends) are joined softly; furniture lines (labels,
colophons, dates, closing lines) are no paragraph.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lines import BOILERPLATE, LABEL, is_colophon, is_date_line, is_image_file
from .actor import Span, clean_actor, np_prefix
from .cues import DIRECTIVE, ITEM_LABEL, MODAL
from .sentences import FINAL
from .words import CLOSING, MARKER, WEB_NOTE

_JOIN_STOP = FINAL + ":"  # a line ending in one of these is not joined to the next
_STOPS = re.compile("[。!?;]")  # a heading has none of these
_ELIGIBILITY = re.compile(r"资格|資格|条件|條件|范围|範圍|对象|對象|标准|標準|原则|原則")


@dataclass(frozen=True, slots=True)
class Paragraph:
    start: int  # view offsets
    end: int
    marker: str | None  # the item marker the paragraph starts with
    level: int
    label: bool  # 参会人员:… — a label item, not a request
    under_label: bool  # an item under a label heading (二、会议内容:)
    heading: bool  # a heading line, not a paragraph
    skip_rules: bool  # under a heading about eligibility (资格, 条件 …)
    implied: Span | None = None  # the subject a heading above names (（一）各市科协要…)


def paragraphs(doc) -> list[Paragraph]:
    """Body paragraphs; lines broken inside a sentence (page ends) are joined softly."""
    text = doc.view.text
    body = doc.structure.body
    start = doc.view.index_of(body.start) if body is not None else 0
    out: list[Paragraph] = []
    stack: list[tuple[int, bool, bool, Span | None]] = []  # (level, label heading, eligibility, subject)
    for a, b, m in _lines(text, start):
        t = text[a:b]
        if _furniture(t):
            continue
        if m:
            level = int(m.lastgroup[1])  # the one group l1 … l5 that matched
            rest = t[m.end():]
            item = level < 5
        else:
            level = 0
            rest = t
            item = False
        heading = item and len(rest) <= 45 and not _STOPS.search(rest)
        label = item and not heading and bool(ITEM_LABEL.match(rest))
        if item:
            while stack and stack[-1][0] >= level:
                stack.pop()
        if stack:
            under_label = any(lab for _, lab, _, _ in stack)
            skip_rules = any(elig for _, _, elig, _ in stack)
            implied = next((act for _, _, _, act in reversed(stack) if act), None)
        else:
            under_label = skip_rules = False
            implied = None
        if heading:
            is_label = len(rest.rstrip(":")) <= 8 or rest.endswith(":")
            elig = bool(_ELIGIBILITY.search(rest))
            stack.append((level, is_label, elig, _heading_subject(text, a + m.end(), b)))
        out.append(Paragraph(start=a, end=b, marker=m.group(0) if m else None, level=level, label=label,
                             under_label=under_label, heading=heading, skip_rules=skip_rules, implied=implied))
    return out


def _lines(text: str, start: int) -> list[tuple[int, int, re.Match | None]]:
    """(start, end, item marker) per paragraph, from ``start`` on.

    A joined paragraph keeps its first line's marker match: that line is 40 characters or
    more and ends in no space, so a match at its start (a few characters) reads the same
    there as in the joined text."""
    merged: list[tuple[int, int, re.Match | None]] = []
    pos = 0
    for part in text.split("\n"):
        a, b = pos, pos + len(part)
        pos = b + 1
        if b <= start:
            continue
        a = max(a, start)
        seg = text[a:b]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if not seg:
            continue
        a += lead
        b = a + len(seg)
        m = MARKER.match(seg)
        if merged and not m:
            pa, pb, pm = merged[-1]
            if pb - pa >= 40 and text[pb - 1] not in _JOIN_STOP and not _furniture(text[pa:pb]):
                merged[-1] = (pa, b, pm)
                continue
        merged.append((a, b, m))
    return merged


def _heading_subject(text: str, a: int, b: int) -> Span | None:
    """（一）各市科协要…: the subject a heading names for the items below it."""
    d = DIRECTIVE.search(text, a, b)
    span = np_prefix(text, a, d.start()) if d and d.lastgroup in MODAL else None
    return clean_actor(text, span) if span else None


def _furniture(t: str) -> bool:
    return bool(
        LABEL.match(t) or is_colophon(t) or is_date_line(t) or BOILERPLATE.match(t) or is_image_file(t)
        or CLOSING.match(t) or (len(t) <= 60 and WEB_NOTE.search(t))
    )
