"""The 发文字号: 六角括号 〔〕 round a four-digit year, no 第, no leading zeros (CD101-CD104)."""
from __future__ import annotations

from ...lines import Line
from ...vocab import CITING, DOC_NUMBER_LOOSE
from .context import Ctx


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
            m = DOC_NUMBER_LOOSE.search(ln.text)
            if m and len(ln.text) - (m.end() - m.start()) <= 16 and not ln.text.startswith(CITING):
                candidates.append(ln)
                break
    for ln in candidates:
        m = DOC_NUMBER_LOOSE.search(ln.text)
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
