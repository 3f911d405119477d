"""A document's text as HTML with its people, dates, platforms and initiatives marked.

Why by the record's values and not by offsets: a report is made from documents or from
stored records, and a stored record's offsets point into a file that may have moved or
been re-encoded; the values are the text as written, so they are found in it again. The
longest value wins where two overlap (海智计划工作站 over 海智计划).
"""
from __future__ import annotations

from html import escape

from ..types import Record

KINDS = ("person", "date", "platform", "initiative")
LABELS = {"person": "人物", "date": "日期", "platform": "平台", "initiative": "计划/行动"}


def terms(rec: Record) -> dict[str, str]:
    """value -> kind, for everything of the record the text should show marked."""
    out: dict[str, str] = {}
    for d in rec.dates:
        v = d.mention.value or d.mention.text
        if v:
            out.setdefault(v, "date")
    for p in rec.people:
        out.setdefault(p.name, "person")
    for n in rec.platforms:
        out.setdefault(n.name, "platform")
    for n in rec.initiatives:
        out.setdefault(n.name, "initiative")
    return {k: v for k, v in out.items() if len(k) >= 2 or v == "person"}


def spans(text: str, found: dict[str, str]) -> list[tuple[int, int, str]]:
    """Non-overlapping (start, end, kind), longest terms first, in text order."""
    taken = bytearray(len(text))
    out = []
    for term in sorted(found, key=len, reverse=True):
        i = text.find(term)
        while i >= 0:
            j = i + len(term)
            if not any(taken[i:j]):
                taken[i:j] = b"\1" * (j - i)
                out.append((i, j, found[term]))
            i = text.find(term, j)
    return sorted(out)


def marked(text: str, rec: Record) -> str:
    """``text`` escaped, with ``<mark class="KIND">`` around each value of the record."""
    parts = []
    pos = 0
    for i, j, kind in spans(text, terms(rec)):
        parts.append(escape(text[pos:i]))
        parts.append(f'<mark class="{kind}" title="{LABELS[kind]}">{escape(text[i:j])}</mark>')
        pos = j
    parts.append(escape(text[pos:]))
    return "".join(parts)
