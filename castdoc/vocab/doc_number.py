"""The 发文字号 (GB/T 9704-2012 7.2.4): 机关代字〔年份〕序号号.

Structure finds the number in its right form and the usual wrong brackets; the format
rules find it more loosely (any bracket, a year of two digits or in Chinese numerals, 第)
so that a wrong form is found to be judged.
"""
from __future__ import annotations

import re

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[【(﹝〈「]\s*(?:19|20)\d{2}\s*[〕\]】)﹞〉」]\s*第?\s*\d{1,5}\s*[号號]"
)
DOC_NUMBER_LOOSE = re.compile(
    r"(?P<org>[\u4e00-\u9fffA-Za-z]{1,16}?)\s*(?P<open>[〔\[【(〈<{《])\s*"
    r"(?P<year>\d{2,4}|[〇○零一二三四五六七八九]{2,4})\s*(?P<close>[〕\]】)〉>}》])\s*"
    r"(?P<di>第)?\s*(?P<num>\d{1,5})\s*[号號]"
)
# A 发文字号 in brackets after an attachment's name: 《…办法》(科协发〔2020〕3号)
TRAILING_DOC_NUMBER = re.compile(r"\s*\([^()]*[〔\[(（]?\d{4}[〕\])）]?[^()]*[号號]\)\s*$")
# What opens a sentence that cites a number rather than a line that bears one.
CITING = ("根据", "按照", "依据")
