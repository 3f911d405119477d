"""The cues by which the text vouches for a name: what ends one (周楠及, 王庆林率领), what
follows a person (林伦表示, 陈文明等10名), the punctuation that bounds a clause."""
from __future__ import annotations

import re

from .words import BYLINE_PAPERS, BYLINE_ROLES

CLAUSE_END = set(",，。;；:：!！?？\n")
PUNCT = CLAUSE_END | set("、()（）《》〈〉“”\"'‘’「」『』【】[]<>/|·—-…~ ")
# Characters that do not stand inside a given name (function words, unit words of roles).
NOT_NAME = set(
    "的了是在等及或之其这那此该各每们个么呢吗吧啊着过被把让给从向对于与并而但也都就还又才即则所将已再很最更"
    "不没有会要说市省县区局厅部处委办协院校站馆社党团组室司科级届年"
)
# Single characters that end a name when they follow it (周楠及, 吴波一行, 王某在).
FOLLOW_CHARS = set("等及和与在对向为说率到赴是的也还就将把被让请同给从于作一所则称均都又已曾再并而或以由自共亦了着")
FOLLOW_WORDS = (
    "一行", "等人", "出席", "主持", "表示", "介绍", "指出", "强调", "讲话", "致辞", "陪同", "率领", "率队", "带队",
    "带领", "参加", "会见", "会谈", "看望", "慰问", "调研", "考察", "视察", "莅临", "来到", "前往", "走访", "听取",
    "简要", "详细", "代表", "同志", "先生", "女士", "认为", "希望", "要求", "提出", "回顾", "宣读", "宣布", "颁发",
    "一同", "分别", "先后", "亲自", "共同", "主讲", "发言", "报告", "解读", "总结", "通报", "传达", "部署", "汇报",
    "交流", "点评", "感谢", "签署", "授牌", "揭牌", "当选", "兼任", "担任", "荣获", "获得", "入选", "与会", "联系",
    "电话", "手机", "邮箱", "座机", "传真", "通讯员", "记者", "摄影", "责任编辑", "编辑", "审核", "文/图", "图/文",
    "作总结", "作报告", "谈到", "高度", "充分", "对此", "在致辞", "在讲话",
)
# Verbs that, at a clause start, say the name before them is a person (林伦表示).
SPEECH = (
    "表示", "指出", "强调", "介绍", "讲话", "致辞", "主持", "出席", "发言", "认为", "希望", "要求", "提出", "谈到",
    "总结", "一行", "说", "率队", "带队", "代表", "作总结", "作报告", "在致辞", "在讲话", "对此",
)
# What follows a name that contextual() reads: a list's 、, 等 (AFTER_DENG), a speech verb.
CONTEXT_NEXT = frozenset({"、", "等", *(w[0] for w in SPEECH)})
# Nouns after 等 that say the names before it are people (陈文明等10名, 王大成、李明远等优秀科学家).
AFTER_DENG = re.compile(
    r"等(?:\d|[一二三四五六七八九十两百]+[名位人个]|人|同志|参加|出席|陪同|"
    r"[\u4e00-\u9fff]{0,4}?(?:科学家|专家|学者|院士|领导|代表|教授|老师|嘉宾|人士|先进|模范|典型|工作者))"
)
# (the look-ahead for the characters a match can start with only makes a miss quick)
BYLINE_ROLE = re.compile(
    "(?=[%s])(?:%s)?(?P<role>%s)\\s*[:]?\\s*"
    % ("".join(sorted({*(w[0] for w in BYLINE_PAPERS), *(w[0] for w in BYLINE_ROLES)})), "|".join(BYLINE_PAPERS),
       "|".join(map(re.escape, BYLINE_ROLES)))
)
# a book's or a doctrine's title after a leader's name (习近平新时代…思想)
DOCTRINE = re.compile(r"新时代|思想|理论|谈治国理政|文选|著作")
# Marks before a name that say who acts or speaks: 会议由梁文华主持, 据郑立新介绍; the
# characters that, before the mark, make it part of a word (理由, 根据, 依据, 数据, 证据)
AGENT_MARKS = "由据"
AGENT_MARK_WORDS = set("理缘自经根依数证占盘论")
# Words that open a clause before its speaker with no comma (会上林伦表示, 随后王某介绍)
SPEAKER_LEADS = ("会上", "会议上", "席间", "现场", "随后", "最后", "同时", "此外", "对此", "座谈中", "调研中", "活动中")
