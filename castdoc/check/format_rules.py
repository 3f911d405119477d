"""GB/T 9704 format rules that can be read from a document's text.

Rules look at the normalised view (where ``：`` reads as ``:``) to find things, and at the
raw characters behind it (``view.raw[view.origin[i]]``) to judge them, because the
standard cares exactly about the difference folding hides: ``：`` against ``:``, ``〔`` against
``[``, ``1.`` against ``1．``. Only notices are checked; news bulletins are not 公文.

Documents dated before 2012-07-01 are judged by GB/T 9704-1999 (with the 2000 办法's
heading rules): a 成文日期 in Chinese numerals is right there, and ``1．`` is the
third-level marker.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterator

from ..document import Document
from ..lines import COLOPHON, LABEL, Line
from . import ERA_1999, ERA_2012, RULES
from .findings import Finding

ERA_CUTOFF = dt.date(2012, 7, 1)

CN = "一二三四五六七八九十"
CN_DATE_CHARS = "〇○零一二三四五六七八九十廿元"
KINDS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
         "议案", "函", "纪要")
# Words used as if they were kinds; the 条例 wants them issued under a 通知 (关于印发《…》的通知).
NON_KINDS = ("实施方案", "方案", "办法", "规定", "总结", "细则", "计划", "要点", "规划", "规则", "制度", "章程",
             "通知书", "倡议书", "倡议", "声明", "启事", "公示", "简报", "须知", "指南")
_KIND_END = re.compile("(?:" + "|".join(sorted(KINDS, key=len, reverse=True)) + ")$")
_NON_KIND_END = re.compile("(?:" + "|".join(sorted(NON_KINDS, key=len, reverse=True)) + ")$")
_TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")

# 发文字号, loosely, so that wrong forms are found too: any bracket, any year length, 第.
DOC_NUMBER = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z]{1,16}?)\s*(?P<open>[〔\[【(〈<{《])\s*"
    r"(?P<year>\d{2,4}|[〇○零一二三四五六七八九]{2,4})\s*(?P<close>[〕\]】)〉>}》])\s*"
    r"(?P<di>第)?\s*(?P<num>\d{1,5})\s*[号號]"
)
ARABIC_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
ISO_DATE = re.compile(r"(?:19|20)\d{2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}")
CN_DATE = re.compile(rf"[{CN_DATE_CHARS}]{{2,4}}\s*年\s*[{CN_DATE_CHARS}]{{1,3}}\s*月\s*[{CN_DATE_CHARS}]{{1,4}}\s*日")
PRINT_DATE = re.compile(rf"(?P<date>{ARABIC_DATE.pattern}|{CN_DATE.pattern}|{ISO_DATE.pattern})\s*印\s*[发發]")

# Heading markers on the normalised view: （ is ( there, ． is ., ， is ,.
H1 = re.compile(rf"^(?P<n>[{CN}]{{1,3}})(?P<mark>[、.,])(?=\S)")
H2 = re.compile(rf"^\((?P<n>[{CN}]{{1,3}})\)")
H3 = re.compile(r"^(?P<n>\d{1,2})(?P<mark>[.、,])(?:(?!\d)|(?=(?:19|20)\d{2}年))(?=\S)")  # 1.2015年…
H4 = re.compile(r"^\((?P<n>\d{1,2})\)")
LEVEL_MARK = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}

ATTACH_NOTE = re.compile(r"^附\s*件\s*(?P<colon>[:])?\s*(?P<rest>.*)$")
ATTACH_ITEM = re.compile(r"^(?P<n>\d{1,2})\s*(?P<mark>[.、,:])?\s*(?=\S)")
ATTACH_BODY = re.compile(r"^附\s*件\s*(?P<n>\d{1,2})?\s*[:]?\s*(?P<title>.*)$")
NAME_PUNCT = "。.，,；;、：:！!？?"


def era_of(doc: Document, setting: str = "auto") -> str:
    """Which standard judges this document: by its 成文日期 unless configuration says."""
    if setting in (ERA_2012, ERA_1999):
        return setting
    d = doc.structure.issued
    return ERA_1999 if d is not None and d < ERA_CUTOFF else ERA_2012


def cn_int(s: str) -> int | None:
    from ..datefmt import cn_number

    return cn_number(s)


class Ctx:
    """One document with helpers to turn view positions into raw lines and columns."""

    def __init__(self, doc: Document, *, path: str, era: str):
        self.doc = doc
        self.path = path
        self.era = era
        self.view = doc.view
        self.raw = doc.view.raw
        self.lines = doc.lines
        self._nl = [i for i, ch in enumerate(self.raw) if ch == "\n"]
        self.findings: list[Finding] = []

    # -- positions
    def raw_at(self, view_index: int) -> str:
        return self.raw[self.view.origin[view_index]]

    def raw_text(self, a: int, b: int) -> str:
        """The raw characters behind view[a:b] (full-width forms as written)."""
        return "".join(self.raw[self.view.origin[i]] for i in range(a, b))

    def raw_of(self, view_index: int) -> int:
        return self.view.origin[min(view_index, len(self.view.origin) - 1)]

    def line_no(self, raw_offset: int) -> int:
        return bisect.bisect_left(self._nl, raw_offset) + 1

    def column(self, raw_offset: int) -> int:
        k = bisect.bisect_left(self._nl, raw_offset)
        start = self._nl[k - 1] + 1 if k else 0
        return raw_offset - start + 1

    def excerpt(self, raw_offset: int) -> str:
        k = bisect.bisect_left(self._nl, raw_offset)
        start = self._nl[k - 1] + 1 if k else 0
        end = self._nl[k] if k < len(self._nl) else len(self.raw)
        return self.raw[start:end].rstrip("\r")

    def line_index_of_raw(self, raw_offset: int) -> int | None:
        """The view line holding the raw offset."""
        for k, ln in enumerate(self.lines):
            if self.raw_of(ln.start) <= raw_offset <= self.raw_of(max(ln.end - 1, ln.start)):
                return k
        return None

    # -- reporting
    def add(self, rule_id: str, view_index: int | None, message: str, hint: str | None = None, *,
            raw_offset: int | None = None, severity: str | None = None) -> None:
        r = RULES[rule_id]
        off = raw_offset if raw_offset is not None else (self.raw_of(view_index) if view_index is not None else None)
        self.findings.append(Finding(
            rule=r.id, name=r.name, severity=severity or r.severity, file=self.path, message=message, hint=hint,
            line=self.line_no(off) if off is not None else None,
            column=self.column(off) if off is not None else None,
            excerpt=self.excerpt(off) if off is not None else None,
        ))

    # -- zones
    def signature_raw(self) -> int:
        """Where the 署名/成文日期 begins (raw); the 版记 or the end of the text when there is none."""
        st = self.doc.structure
        m = st.issued_mention
        if m is not None:
            if st.issuer is not None and st.issuer.end <= m.start and not self.raw[st.issuer.end:m.start].strip():
                return st.issuer.start  # the 署名 line right above the date
            return m.start
        for ln in self.lines:
            if COLOPHON.match(ln.text):
                return self.raw_of(ln.start)
        return len(self.raw)

    def body_lines(self) -> Iterator[Line]:
        """The 正文: after the head, before the 附件说明, the signature and the 版记."""
        stop = self.signature_raw()
        for k, ln in enumerate(self.lines):
            if k < self.doc.structure.head_lines:
                continue
            if self.raw_of(ln.start) >= stop or ATTACH_NOTE.match(ln.text) and _is_attach_note(ln.text):
                return
            if COLOPHON.match(ln.text):
                return
            yield ln


def _is_attach_note(text: str) -> bool:
    m = ATTACH_NOTE.match(text)
    return bool(m and (m["colon"] or ATTACH_ITEM.match(m["rest"] or "")))


# ------------------------------------------------------------------ 发文字号
def check_doc_number(c: Ctx) -> None:
    st = c.doc.structure
    candidates: list[Line] = []
    if st.doc_number is not None:
        k = c.line_index_of_raw(st.doc_number.start)
        if k is not None:
            candidates.append(c.lines[k])
    if not candidates:
        limit = max(st.head_lines, 1) + 2
        for ln in c.lines[: min(limit, 12)]:
            m = DOC_NUMBER.search(ln.text)
            if m and len(ln.text) - (m.end() - m.start()) <= 16 and not ln.text.startswith(("根据", "按照", "依据")):
                candidates.append(ln)
                break
    for ln in candidates:
        m = DOC_NUMBER.search(ln.text)
        if not m:
            continue
        at = ln.start
        o, cl = c.raw_at(at + m.start("open")), c.raw_at(at + m.start("close"))
        year, num = m["year"], m["num"]
        whole = c.raw_text(at + m.start(), at + m.end())
        year_ok = len(year) == 4 and year.isdigit()
        good_year = year if year_ok else (str(st.issued.year) if st.issued else "YYYY")
        right = f"{m['org']}〔{good_year}〕{int(num)}号"
        if (o, cl) != ("〔", "〕"):
            c.add("CD101", at + m.start("open"),
                  f"发文字号 {whole} puts the year in {o}{cl}; GB/T 9704 uses 六角括号 〔〕",
                  f"write {right} (〔 U+3014, 〕 U+3015)")
        if not year_ok:
            c.add("CD102", at + m.start("year"),
                  f"发文字号 {whole} writes the year as {year}; it takes all four Arabic digits", f"write {right}")
        if m["di"]:
            c.add("CD104", at + m.start("di"), f"发文字号 {whole} puts 第 before the number", f"write {right}")
        if len(num) > 1 and num.startswith("0"):
            c.add("CD103", at + m.start("num"), f"发文字号 {whole} pads the number with zeros ({num})",
                  f"write {right}")


# ------------------------------------------------------------------ dates
def check_dates(c: Ctx) -> None:
    st = c.doc.structure
    m = st.issued_mention
    if m is not None and st.kind == "notice":
        text = m.text
        arabic = ARABIC_DATE.search(text)
        if c.era == ERA_2012:
            if CN_DATE.search(text) or any(ch in CN_DATE_CHARS for ch in re.sub(r"[年月日\s]", "", text)):
                right = _arabic(st.issued) if st.issued else "2012年7月1日"
                c.add("CD110", None, f"成文日期 {text} is written in Chinese numerals; GB/T 9704-2012 uses Arabic numerals",
                      f"write {right}", raw_offset=m.start)
            elif not arabic and ISO_DATE.search(text):
                c.add("CD110", None, f"成文日期 {text} is not written as 年月日",
                      f"write {_arabic(st.issued) if st.issued else 'e.g. 2020年10月9日'}", raw_offset=m.start)
        else:
            if arabic or ISO_DATE.search(text):
                c.add("CD110", None,
                      f"成文日期 {text}: before 2012-07-01 GB/T 9704-1999 wrote it in Chinese numerals",
                      f"write {_chinese(st.issued)}" if st.issued else None, raw_offset=m.start, severity="warning")
        if arabic:
            _zero_padding(c, arabic, m.start, "成文日期")
    for ln in c.lines[-8:]:
        pm = PRINT_DATE.search(ln.text)
        if not pm or not COLOPHON.match(ln.text) and "印发" not in ln.text:
            continue
        a, b = ln.start + pm.start("date"), ln.start + pm.end("date")
        raw_date = c.raw_text(a, b)
        if CN_DATE.fullmatch(pm["date"]) or ISO_DATE.fullmatch(pm["date"]):
            c.add("CD112", a, f"印发日期 {raw_date} is not written in Arabic numerals as 年月日",
                  "write it like 2020年10月9日印发")
            continue
        am = ARABIC_DATE.search(raw_date)
        if am:
            _zero_padding(c, am, c.raw_of(a), "印发日期")


def _zero_padding(c: Ctx, m: re.Match, raw_base: int, what: str) -> None:
    if (len(m["m"]) > 1 and m["m"].startswith("0")) or (len(m["d"]) > 1 and m["d"].startswith("0")):
        right = f"{m['y']}年{int(m['m'])}月{int(m['d'])}日"
        c.add("CD111", None, f"{what} {m.group(0)} pads the month or day with zeros", f"write {right}",
              raw_offset=raw_base + m.start())


def _arabic(d: dt.date) -> str:
    return f"{d.year}年{d.month}月{d.day}日"


def _chinese(d: dt.date) -> str:
    digits = "〇一二三四五六七八九"

    def small(n: int) -> str:
        if n < 10:
            return digits[n]
        tens, ones = divmod(n, 10)
        return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")

    return "".join(digits[int(ch)] for ch in str(d.year)) + f"年{small(d.month)}月{small(d.day)}日"


# ------------------------------------------------------------------ title
def title_kind(title: str) -> tuple[str | None, str | None]:
    """(the statutory kind the title ends with, the non-kind it ends with)."""
    t = re.sub(r"\s", "", title)
    t = _TRAILING_NOTE.sub("", t)
    m = _KIND_END.search(t)
    if m:
        return m.group(0), None
    n = _NON_KIND_END.search(t)
    return None, (n.group(0) if n else None)


def stacked_kinds(title: str) -> tuple[str, str] | None:
    t = _TRAILING_NOTE.sub("", re.sub(r"\s", "", title))
    m = _KIND_END.search(t)
    if not m:
        return None
    rest = t[: m.start()]
    if rest.endswith("征求意见"):  # 征求意见函: 意见 is the object of 征求, not a kind
        return None
    m2 = _KIND_END.search(rest)
    if m2 and not (m.group(0) == "令" and rest.endswith("命")):
        return m2.group(0), m.group(0)
    return None


def check_title(c: Ctx) -> None:
    st = c.doc.structure
    if st.title is None:
        return
    title = st.title.value
    kind, non_kind = title_kind(title)
    at = st.title.start
    if kind is None and non_kind is not None:
        if non_kind in ("公示", "简报", "通知书", "倡议书", "倡议", "声明", "启事", "须知", "指南"):
            hint = "name one of the 15 kinds of 条例 第八条 (usually 公告 or 通知)"
        else:
            hint = f"issue it under a 通知: 关于印发《…{non_kind}》的通知"
        c.add("CD121", None, f"title {title} ends with {non_kind}, which is not one of the 15 document kinds",
              hint, raw_offset=at)
    elif kind is None:
        c.add("CD120", None, f"title {title} names none of the 15 document kinds",
              "end it with the kind: 决议 决定 命令（令） 公报 公告 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要",
              raw_offset=at)
    else:
        s = stacked_kinds(title)
        if s:
            c.add("CD122", None, f"title {title} stacks two kinds ({s[0]}{s[1]})",
                  f"use one kind: {s[0]} or {s[1]}", raw_offset=at)


# ------------------------------------------------------------------ 主送, 抄送
def _line_end(c: Ctx, mentions) -> tuple[int, str] | None:
    """(view offset, raw character) at the end of the line holding the last of ``mentions``."""
    if not mentions:
        return None
    k = c.line_index_of_raw(mentions[-1].start)
    if k is None:
        return None
    end = c.lines[k].end - 1
    return end, c.raw_at(end)


def check_recipients(c: Ctx) -> None:
    found = _line_end(c, c.doc.structure.recipients)
    if found and found[1] != "：":
        c.add("CD130", found[0], f"主送机关 line ends with {found[1]!r}, not a full-width colon ：",
              "end the line with ： (U+FF1A)")


def check_cc(c: Ctx) -> None:
    found = _line_end(c, c.doc.structure.cc)
    if found and found[1] != "。":
        ln_end, last = found
        c.add("CD131", ln_end, f"抄送 line ends with {last!r}, not 。", "end the last 抄送机关 with 。")


# ------------------------------------------------------------------ headings
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
        for level, rx in ((2, H2), (4, H4), (1, H1), (3, H3)):
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


# ------------------------------------------------------------------ 附件说明
@dataclass(frozen=True)
class AttachItem:
    number: int | None
    name: str
    line: Line
    name_start: int  # view offset
    name_end: int
    mark: str | None


def attachment_note(c: Ctx) -> tuple[Line | None, list[AttachItem]]:
    stop = c.signature_raw()
    lines = c.lines
    for k, ln in enumerate(lines):
        if k < c.doc.structure.head_lines or c.raw_of(ln.start) >= stop:
            continue
        m = ATTACH_NOTE.match(ln.text)
        if not m or not _is_attach_note(ln.text):
            continue
        items = [_item(c, ln, ln.start + m.start("rest"))] if m["rest"] else []
        for nxt in lines[k + 1:]:
            if c.raw_of(nxt.start) >= stop or len(nxt.text) > 60 or LABEL.match(nxt.text) or COLOPHON.match(nxt.text):
                break
            if not ATTACH_ITEM.match(nxt.text) and (nxt.text.endswith(("。", ":")) or stop >= len(c.raw)):
                break  # a sentence, or no signature to bound the list: only numbered lines continue it
            items.append(_item(c, nxt, nxt.start))
        return ln, items
    return None, []


def _item(c: Ctx, ln: Line, start: int) -> AttachItem:
    t = c.view.text[start:ln.end]
    m = ATTACH_ITEM.match(t)
    if m:
        mark = c.raw_at(start + m.start("mark")) if m["mark"] else None
        return AttachItem(number=int(m["n"]), name=c.raw_text(start + m.end(), ln.end), line=ln,
                          name_start=start + m.end(), name_end=ln.end, mark=mark)
    return AttachItem(number=None, name=c.raw_text(start, ln.end), line=ln, name_start=start, name_end=ln.end, mark=None)


def attachment_bodies(c: Ctx) -> list[tuple[int | None, str, Line]]:
    """(number, title, line) of each attachment printed after the signature."""
    stop = c.signature_raw()
    out = []
    lines = c.lines
    for k, ln in enumerate(lines):
        if c.raw_of(ln.start) < stop:
            continue
        m = ATTACH_BODY.match(ln.text)
        if not m:
            continue
        title = m["title"].strip()
        if title and (ATTACH_ITEM.match(title) or len(title) > 60):
            continue
        if not title and k + 1 < len(lines):
            title = lines[k + 1].text
        out.append((int(m["n"]) if m["n"] else None, title, ln))
    return out


def _same_name(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\s《》“”\"'。.，,；;:：、]", "", s)

    return norm(a) == norm(b)


def check_attachments(c: Ctx) -> None:
    head, items = attachment_note(c)
    if head is None:
        return
    colon_m = ATTACH_NOTE.match(head.text)
    if colon_m["colon"] is None:
        c.add("CD152", head.start + 1, "附件 is not followed by a colon", "write 附件：")
    elif c.raw_at(head.start + colon_m.start("colon")) != "：":
        c.add("CD152", head.start + colon_m.start("colon"), "附件 is followed by a half-width colon",
              "write 附件： (full-width ：)")
    if len(items) > 1:
        for n, it in enumerate(items, 1):
            if it.number is None:
                c.add("CD150", it.name_start, f"attachment {it.name} has no number; several attachments are numbered",
                      f"write {n}.{it.name}")
            elif it.number != n:
                c.add("CD150", it.name_start, f"attachment {it.name} is numbered {it.number}, expected {n}",
                      "number attachments 1. 2. 3. in order")
            elif it.mark not in (".", "．") or (it.mark == "．" and c.era == ERA_2012):
                c.add("CD150", it.name_start - 1,
                      f"attachment number {it.number}{it.mark or ''} takes a half-width full stop",
                      f"write {it.number}.{it.name}")
    for it in items:
        last = c.raw_at(it.name_end - 1) if it.name_end > it.name_start else ""
        if last and last in NAME_PUNCT:
            c.add("CD151", it.name_end - 1, f"attachment name {it.name} ends with {last}",
                  "no punctuation after an attachment name")
    bodies = attachment_bodies(c)
    if not bodies:
        return
    for n, it in enumerate(items, 1):
        num = it.number or n
        match = [b for b in bodies if (b[0] or (1 if len(bodies) == 1 else None)) == num]
        if not match:
            c.add("CD153", it.name_start, f"附件说明 lists {num}. {it.name}, but no 附件{num} follows the document",
                  "make the 附件说明 and the attachments agree")
            continue
        _, title, ln = match[0]
        name = re.sub(r"[" + re.escape(NAME_PUNCT) + r"]+$", "", it.name)
        if title and not _same_name(name, title):
            c.add("CD153", ln.start, f"附件{num} is titled {title}, but the 附件说明 lists it as {name}",
                  "use the same title in both places")


RULE_CHECKS: tuple[Callable[[Ctx], None], ...] = (
    check_doc_number, check_dates, check_title, check_recipients, check_cc, check_headings, check_attachments,
)


def check_document(doc: Document, *, path: str, era: str = "auto") -> list[Finding]:
    """Every format finding for one article (notices only)."""
    if doc.structure.kind != "notice":
        return []
    c = Ctx(doc, path=path, era=era_of(doc, era))
    for fn in RULE_CHECKS:
        fn(c)
    return c.findings


def check_text(text: str, *, path: str = "<text>", era: str = "auto") -> list[Finding]:
    """Format findings for a text (all its articles): the entry point for tests and editors."""
    import hashlib

    from ..pipeline import documents_from_raw
    from ..types import RawText

    raw = RawText(text=text, format="txt", encoding="utf-8")
    docs = documents_from_raw(raw, path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    out: list[Finding] = []
    for d in docs:
        out.extend(check_document(d, path=path, era=era))
    return out
