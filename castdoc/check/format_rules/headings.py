"""Heading levels go 一、 → （一） → 1. → （1）, each numbered from one, with its own mark
(CD140-CD144)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lines import Line
from ...vocab import CHECK_H1, CHECK_H2, CHECK_H3, CHECK_H4, LEVEL_MARK
from .. import ERA_2012
from .context import Ctx, cn_int


@dataclass(frozen=True)
class Heading:
    level: int
    number: int
    line: Line
    marker: str  # as written (raw characters)


def headings(c: Ctx) -> list[Heading]:
    out: list[Heading] = []
    for ln in c.body_lines():
        t = ln.text
        for level, rx in ((2, CHECK_H2), (4, CHECK_H4), (1, CHECK_H1), (3, CHECK_H3)):
            m = rx.match(t)
            if not m:
                continue
            n = cn_int(m["n"]) if level in (1, 2) else int(m["n"])
            if n is None:
                break
            marker = c.raw_text(ln.start, ln.start + m.end())
            out.append(Heading(level=level, number=n, line=ln, marker=marker))
            _marker_rules(c, level, m, ln)
            break
    return out


def _marker_rules(c: Ctx, level: int, m: re.Match, ln: Line) -> None:
    end = ln.start + m.end()
    if level == 1:
        raw_mark = c.raw_at(ln.start + m.start("mark"))
        if raw_mark != "、":
            c.add("CD143", ln.start + m.start("mark"), f"first-level heading {m['n']}{raw_mark} takes a 顿号",
                  f"write {m['n']}、")
    elif level == 3:
        raw_mark = c.raw_at(ln.start + m.start("mark"))
        ok = {"."} if c.era == ERA_2012 else {".", "．"}
        if raw_mark not in ok:
            c.add("CD143", ln.start + m.start("mark"),
                  f"third-level heading {m['n']}{raw_mark} takes a half-width full stop",
                  f"write {m['n']}." + ("" if c.era == ERA_2012 else f" (or {m['n']}．)"))
    elif level in (2, 4) and end < ln.end:
        nxt = c.raw_at(end)
        if nxt in "、.,，．:：;；":
            shown = c.raw_text(ln.start, ln.start + m.end())
            c.add("CD144", end, f"heading {shown}{nxt} has punctuation after the bracket",
                  f"write {shown} with nothing after it")


def check_headings(c: Ctx) -> None:
    stack: list[Heading] = []
    for h in headings(c):
        at = h.line.start
        if not stack:
            if h.number != 1:
                c.add("CD142", at, f"the first heading is {h.marker}, not the first of its level", None)
            stack.append(h)
            continue
        top = stack[-1]
        if h.level > top.level:
            if h.level > top.level + 1:
                skipped = " ".join(LEVEL_MARK[k] for k in range(top.level + 1, h.level))
                c.add("CD141", at, f"heading {h.marker} follows {top.marker} and skips {skipped}",
                      f"use {LEVEL_MARK[top.level + 1]} under {LEVEL_MARK[top.level]}")
            if h.number != 1:
                c.add("CD142", at, f"heading {h.marker} starts a new level under {top.marker}, but not at 1",
                      "number each level from the first")
            stack.append(h)
            continue
        while stack and stack[-1].level > h.level:
            stack.pop()
        if not stack:
            c.add("CD140", at,
                  f"heading {h.marker} ({LEVEL_MARK[h.level]} level) comes after the text started with deeper headings",
                  "levels go 一、 → （一） → 1. → （1）: renumber the headings")
            stack.append(h)
        elif stack[-1].level == h.level:
            prev = stack[-1]
            if h.number != prev.number + 1:
                c.add("CD142", at, f"heading {h.marker} follows {prev.marker}",
                      f"number {LEVEL_MARK[h.level]} headings one after another")
            stack[-1] = h
        else:
            if h.number != 1:
                c.add("CD142", at, f"heading {h.marker} starts a new level, but not at 1",
                      "number each level from the first")
            stack.append(h)
