"""What a saved web page puts around its article: navigation bars and breadcrumbs, and the
metadata line (发布时间:… 来源:… 作者:…) that stands between the title and the text.

People paste such pages whole. The article's own title sits right above its metadata line,
and a bulletin's 发布时间 and 来源 are read from it; the navigation is not article text.
"""
from __future__ import annotations

import re

from .vocab.furniture import META_LABEL, META_STRONG, NAV_SEPARATORS, NAV_WORDS

_SENTENCE_MARKS = "，。；！？,;!?"
_LEADING_STAMP = re.compile(r"(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?\s*")


def is_meta_line(text: str) -> bool:
    """发布时间:2024-06-25 来源:省科协: a strong label at its start, or two labels of the
    wider set on one short line."""
    if len(text) > 160 or text.endswith("。"):
        return False
    lead = _LEADING_STAMP.match(text)  # 2015-01-12 15:30:00 来源:某市科协
    m = META_LABEL.match(text, lead.end()) if lead else META_LABEL.match(text)
    if not m:
        return False
    if m.group("label") in META_STRONG:
        return True
    return META_LABEL.search(text, m.end()) is not None


def meta_value(text: str, labels: tuple[str, ...]) -> tuple[int, int] | None:
    """The [start, end) of the value after the first of ``labels`` on a metadata line."""
    for m in META_LABEL.finditer(text):
        if m.group("label") in labels:
            a = m.end()
            while a < len(text) and text[a] in " \u3000":
                a += 1
            nxt = META_LABEL.search(text, a)
            b = nxt.start() if nxt else len(text)
            while b > a and text[b - 1] in " \u3000":
                b -= 1
            return (a, b) if b > a else None
    return None


def is_nav_line(text: str) -> bool:
    """中国政府网 湖北政府网 繁体中文 登录|注册, 首页>新闻>科协资讯, / 新闻 / 科协资讯: short
    pieces with no sentence in them, joined by bars, arrows, slashes or spaces."""
    if len(text) > 120 or any(ch in text for ch in _SENTENCE_MARKS):
        return False
    pieces = [p for p in NAV_SEPARATORS.split(text) if p]
    if not pieces or max(len(p) for p in pieces) > 12:
        return False
    if text[0] in "/>›»|":
        return True  # a breadcrumb's continuation
    words = len(NAV_WORDS.findall(text))
    if len(pieces) == 1:
        return words > 0 and len(text) <= 8  # 站内搜索, 网站无障碍
    return words > 0 or (len(pieces) >= 4 and any(ch in text for ch in "|｜>›»"))
