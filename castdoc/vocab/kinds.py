"""Document kinds (文种): the 15 of the 党政机关公文处理工作条例 (第八条), the forms a title may
end with, and the words that end titles without being kinds.

Three lists, because three questions are asked: is this line a title (DOC_TYPES: the kinds
plus 通知书, 公示, 简报, which titles of the genre end with too), which kind is it (the same,
traditional forms folded), and is the kind a statutory one (STATUTORY_KINDS, for the format
rules: 命令 also as 令, and no 通知书).
"""
from __future__ import annotations

import re

# A title ends with one of these (lines, structure).
DOC_TYPES = (
    "通知书", "通知", "意见", "决定", "通报", "公告", "通告", "报告", "请示", "批复", "纪要",
    "决议", "公报", "命令", "议案", "公示", "简报", "函",
)
# Traditional forms seen on Hong Kong / Taiwan-style pages and converted sites.
DOC_TYPES_TRAD = {"通報": "通报", "決定": "决定", "決議": "决议", "報告": "报告", "請示": "请示", "批覆": "批复", "紀要": "纪要", "議案": "议案"}
_DOC_TYPE_RE = "|".join(sorted(list(DOC_TYPES) + list(DOC_TYPES_TRAD), key=len, reverse=True))
TITLE_END = re.compile(rf"(?:{_DOC_TYPE_RE})(?:[(（][^)）]{{1,12}}[)）])?$")
# Where a TITLE_END match can end: a kind's last character, a closing bracket, or the line
# break that ``$`` also matches before.
TITLE_END_LAST = frozenset(w[-1] for w in (*DOC_TYPES, *DOC_TYPES_TRAD)) | {")", "）", "\n"}
# The names structure tries on a title's end, longest first (traditional forms first among equals).
DOC_TYPE_NAMES = sorted(list(DOC_TYPES_TRAD) + list(DOC_TYPES), key=len, reverse=True)

# A line ending with a kind is a title, never half of a paragraph (normalise). Fewer than
# DOC_TYPES: 通知书, 命令, 议案 and 简报 do not end the lines it joins.
TITLE_TAIL_KINDS = tuple(k for k in DOC_TYPES if k not in ("通知书", "命令", "议案", "简报"))
TITLE_TAIL = re.compile("(?:" + "|".join(TITLE_TAIL_KINDS) + ")$")

# The closing formula of a notice names its kind: 特此通知, 特此函告 (函).
CLOSING_KIND = re.compile(r"特此(通知|通报|公告|通告|函告|批复|决定)")
CLOSING_KIND_ALIAS = {"函告": "函"}
# Phrases only a notice uses, wherever they stand in its text.
NOTICE_PHRASES = re.compile(r"通知如下|特此通知|特此通报|公示如下|特此公告|特此函")
# A 公示 and a 通知 say what they are in their text.
PUBLICITY_PHRASES = re.compile(r"公示期|予以公示|现予公示|公示如下")
NOTICE_TEXT = re.compile(r"通知如下|的通知》?精神|现通知")

# The statutory kinds (条例 第八条) as the format rules judge titles: 命令 is also written 令.
STATUTORY_KINDS = ("决议", "决定", "命令", "令", "公报", "公告", "通告", "意见", "通知", "通报", "报告", "请示", "批复",
                   "议案", "函", "纪要")
# Words used as if they were kinds; the 条例 wants them issued under a 通知 (关于印发《…》的通知).
NON_KINDS = ("实施方案", "方案", "办法", "规定", "总结", "细则", "计划", "要点", "规划", "规则", "制度", "章程",
             "通知书", "倡议书", "倡议", "声明", "启事", "公示", "简报", "须知", "指南")
# Of NON_KINDS, those that stand for a kind of their own rather than for a document to issue.
NON_KINDS_OWN = ("公示", "简报", "通知书", "倡议书", "倡议", "声明", "启事", "须知", "指南")
KIND_END = re.compile("(?:" + "|".join(sorted(STATUTORY_KINDS, key=len, reverse=True)) + ")$")
NON_KIND_END = re.compile("(?:" + "|".join(sorted(NON_KINDS, key=len, reverse=True)) + ")$")
TRAILING_NOTE = re.compile(r"[(（][^()（）]{1,12}[)）]$")  # 通知(第二号), 意见(试行)
