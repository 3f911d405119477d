"""The 成文日期 and the 印发日期: Arabic numerals as 年月日 since GB/T 9704-2012, Chinese
numerals before it, no zero padding (CD110-CD112)."""
from __future__ import annotations

import datetime as dt
import re

from ...lines import COLOPHON
from .. import ERA_2012
from .context import Ctx

CN_DATE_CHARS = "〇○零一二三四五六七八九十廿元"
ARABIC_DATE = re.compile(r"(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日")
ISO_DATE = re.compile(r"(?:19|20)\d{2}\s*[-./]\s*\d{1,2}\s*[-./]\s*\d{1,2}")
CN_DATE = re.compile(rf"[{CN_DATE_CHARS}]{{2,4}}\s*年\s*[{CN_DATE_CHARS}]{{1,3}}\s*月\s*[{CN_DATE_CHARS}]{{1,4}}\s*日")
PRINT_DATE = re.compile(rf"(?P<date>{ARABIC_DATE.pattern}|{CN_DATE.pattern}|{ISO_DATE.pattern})\s*印\s*[发發]")


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
