"""Heading markers of the 正文 (GB/T 9704-2012 7.3.3): 一、 （一） 1. （1）, and the 一是/二是 items
of a paragraph.

Each stage asks the markers a slightly different question (a line's level, a paragraph
start, a rule on the punctuation used), so each has its own pattern here; all are written
from the same pieces, and where one differs from the others the difference is named.
Patterns marked *view* read the normalised view, where （ is ( and ， is , (． stays).
"""
from __future__ import annotations

import re

CN_NUM = "一二三四五六七八九十"
_CN = f"[{CN_NUM}]"
_CN_HUNDREDS = f"[{CN_NUM}百]"  # 一百、…: where a pattern also counts in hundreds
# 1.2015年…: a third-level number right before a year (which (?!\d) would refuse)
_BEFORE_YEAR = r"(?=(?:19|20)\d{2}年)"
# The 条/章/节 of regulations, which open paragraphs like the headings do.
_ARTICLE = "第{num}+[{units}]"

# -- the level of a line (structure, sections), *view*: level -> pattern
HEADINGS = (
    (1, re.compile(rf"^{_CN}{{1,3}}[、.．]")),
    (2, re.compile(rf"^\({_CN}{{1,3}}\)")),
    (3, re.compile(rf"^\d{{1,2}}(?:[.．](?!\d)|[.．]{_BEFORE_YEAR}|、)")),
    (4, re.compile(r"^\(\d{1,2}\)")),
    (5, re.compile(rf"^{_CN}{{1,3}}是")),
)
# 一是/二是 inside a paragraph (structure): after a sentence or at the line start, *view*
INNER_ITEM = re.compile(rf"(?:(?<=[。;；])|(?<=^))({_CN}{{1,2}}是)")

# -- the marker that opens a task's paragraph (tasks), *view*: one group per level. Unlike
# HEADINGS, 一. and 1、 count but not 一． or 1． (the view's ． is a full stop of prose there),
# and 一是 takes at most two numerals.
TASK_MARKER = re.compile(
    rf"^(?:(?P<l1>{_CN}{{1,3}}[、.])|(?P<l2>\({_CN}{{1,3}}\))"
    rf"|(?P<l3>\d{{1,2}}(?:[.、](?!\d)|\.{_BEFORE_YEAR}))|(?P<l4>\(\d{{1,2}}\))"
    rf"|(?P<l5>{_CN}{{1,2}}是))\s*"
)
ENUMERATED = re.compile(rf"{_CN}{{1,2}}是")  # 一是…, 二是… (tasks)
NEXT_ENUMERATED = re.compile(rf"(?<=[。;]){_CN}{{1,2}}是")  # the next one, after a sentence (tasks)

# -- the markers the format rules judge (check), *view*: the number and the mark as groups;
# the mark may be the wrong one (一. 一, 1、 1,) so that the rule can say so.
CHECK_H1 = re.compile(rf"^(?P<n>{_CN}{{1,3}})(?P<mark>[、.,])(?=\S)")
CHECK_H2 = re.compile(rf"^\((?P<n>{_CN}{{1,3}})\)")
CHECK_H3 = re.compile(rf"^(?P<n>\d{{1,2}})(?P<mark>[.、,])(?:(?!\d)|{_BEFORE_YEAR})(?=\S)")
CHECK_H4 = re.compile(r"^\((?P<n>\d{1,2})\)")
LEVEL_MARK = {1: "一、", 2: "（一）", 3: "1.", 4: "（1）"}

# -- a line that starts a paragraph of its own (a heading, a label): never joined to the line
# above. normalise reads the folded text (any number of numerals, 一百、 too) and adds the
# labels that open the closing parts; the PDF reader reads raw lines (full-width brackets,
# leading ideographic spaces) and counts 第一百条 but not 一百、.
PARAGRAPH_START = re.compile(
    rf"^(?:{_CN_HUNDREDS}+[、.．]|[(（]{_CN}+[)）]|\d{{1,2}}[.．、](?!\d)|[(（]\d{{1,2}}[)）]"
    rf"|{_CN}+是|{_ARTICLE.format(num=_CN, units='条章节部分')}|附件|联系|抄送|抄报|主题词|特此)"
)
PDF_PARAGRAPH_START = re.compile(
    rf"^[\s\u3000]*(?:{_CN}{{1,3}}[、.．]|[(（]{_CN}{{1,3}}[)）]|\d{{1,2}}[.．、](?!\d)"
    rf"|[(（]\d{{1,2}}[)）]|{_CN}{{1,3}}是|{_ARTICLE.format(num=_CN_HUNDREDS, units='章节条部分')}|附件|抄送|联系人)"
)
