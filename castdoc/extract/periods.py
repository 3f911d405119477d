"""Plan periods and bare years: “十四五”, 2019-2023年, 2024年度.

They are not calendar dates (the dates extractor leaves them out), but offices search by
them: which notices belong to the 十四五 plan, or to the 2024 work year.
"""
from __future__ import annotations

import re

# “十四五” / 十四五 (规划|期间|时期), with or without quotes
FIVE_YEAR = re.compile(r"[“\"']?(?P<p>十[一二三四五六七八九]五)[”\"']?(?=规划|期间|时期|末|初|开局|[”\"']|\b|$)?")
# 2019-2023年, 2019—2023年, 2019年至2023年; 2024年度; 2024年 not followed by a month.
# The look-behind for what precedes the year (no digit, no dash) is put after its first two
# digits (hence the two dots): a pattern that begins with 19|20 lets re skip fast to a 1 or 2.
YEAR_RANGE = re.compile(r"(?P<a>(?:19|20)(?<!\d..)\d{2})\s*(?:年\s*)?[-—–~至到]\s*(?P<b>(?:19|20)\d{2})\s*年(?:度)?")
YEAR = re.compile(r"(?P<y>(?:19|20)(?<![\d\-—–~]..)\d{2})\s*年(?P<du>度)?(?!\s*\d{1,2}\s*月|\s*[-—–~至到]|\s*[一二三四五六七八九十元]{1,2}月)")


def extract(doc, found) -> tuple[str, ...]:
    text = doc.view.text
    out: dict[str, None] = {}
    taken: list[tuple[int, int]] = []
    if "十" in text:  # (every plan period has it: most texts need no scan)
        for m in FIVE_YEAR.finditer(text):
            out.setdefault(f"“{m['p']}”", None)
    for m in YEAR_RANGE.finditer(text):
        if int(m["a"]) < int(m["b"]):
            out.setdefault(doc.view.mention(m.start(), m.end()).value, None)
            taken.append(m.span())
    for m in YEAR.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        out.setdefault(doc.view.mention(m.start(), m.end()).value, None)
    return tuple(out)
