"""The roles a text gives a person right before the name: 副部长王庆林, 党组成员、专职副主席
冯日光 (one role per 、-piece, each the run of name-like words ending in a position)."""
from __future__ import annotations

import re

from ... import nlp
from .cues import CLAUSE_END
from .patterns import positions_at_end
from .words import ADMIN_LEVELS, ORG_END, UNIT_JOINS

_LIST_SEP = re.compile(r"[、兼]")


def roles_before(t: str, spans: list[tuple[int, int]], ns: int, gaps=frozenset()) -> list[tuple[int, int]]:
    """The roles before the name at ``ns``, back to the clause start (past no earlier
    name in ``spans``): one per 、-piece (or piece set apart by white space) that ends in a
    position word; and a clause before a comma that is all roles (县委常委,组织部长贺建明)."""
    floor = max((e for s, e in spans if e <= ns), default=0)
    k = ns - 1
    while k >= floor and t[k] not in CLAUSE_END:
        k -= 1
    roles = _roles_in(t, k + 1, ns, gaps)
    while roles and roles[0][0] == k + 1 and k > floor and t[k] in ",，":
        # the clause before is roles only, and opens a clause itself: one run of posts
        j = k - 1
        while j >= floor and t[j] not in CLAUSE_END:
            j -= 1
        before = _roles_in(t, j + 1, k, gaps)
        if not (before and before[0][0] == j + 1 and before[-1][1] == k):
            break
        roles = before + roles
        k = j
    return roles


# words of the sentence around a run of posts (出席会议的有, 邀请了): where a post's piece
# opens with them, the pieces before it are not this person's; other words a post's piece
# opens with (a unit's name jieba reads as verbs: 监督管理委员会) let the run go on
_SENTENCE = re.compile(r"的|了|有|是|在|邀请|出席|参加|陪同|包括|看望|会见|主持|由|和|与|及|对|向")


# a post's bracketed note, not part of its words: 副部长(主持工作), 副主席(正厅级)
_NOTE = re.compile(r"\([^()\n]{1,6}\)$")


def _roles_in(t: str, seg_start: int, ns: int, gaps) -> list[tuple[int, int]]:
    # an opening bracket not closed before the name opens the clause: 本报讯(记者 胡宇芬
    for br, close in (("(", ")"), ("“", "”"), ("《", "》")):
        o = t.rfind(br, seg_start, ns)
        if o >= 0 and t.find(close, o, ns) < 0:
            seg_start = o + 1
    pieces = []
    a = seg_start
    for m in _LIST_SEP.finditer(t[seg_start:ns]):
        pieces.append((a, seg_start + m.start()))
        a = seg_start + m.end()
    pieces.append((a, ns))
    pos_end = positions_at_end()
    pieces = [p for a, b in pieces for p in _split_at_gaps(t, a, b, gaps, pos_end)]
    roles: list[tuple[int, int]] = []
    for a, b in reversed(pieces):
        if b <= a or not pos_end.search(t[a:b]):
            break
        note = _NOTE.search(t, a, b)
        start = trim_left(t, a, note.start() if note and note.start() > a else b)
        if start is None or start >= b:
            break
        roles.insert(0, (start, b))
        if start > a and _SENTENCE.search(t, a, start):
            break  # 会议邀请了东方大学教授: the clause's own words, no earlier post is this person's
    return roles


def _split_at_gaps(t: str, a: int, b: int, gaps, pos_end) -> list[tuple[int, int]]:
    """县委常委 组织部长: white space after a post sets the next post apart."""
    out = []
    for g in sorted(k for k in gaps if a < k < b):
        if pos_end.search(t[a:g]):
            out.append((a, g))
            a = g
    out.append((a, b))
    return out


def trim_left(t: str, a: int, b: int) -> int | None:
    """Start of the longest run of name-like words ending at b (the role proper).

    The post word that ends the piece counts whatever jieba makes of it in context (it may
    read it run into the word before, as a verb): the run of words is read before it."""
    m = positions_at_end().search(t, a, b)
    if m and m.start() > a:
        before = trim_left_words(t, a, m.start())
        return m.start() if before is None else before
    return trim_left_words(t, a, b)


def trim_left_words(t: str, a: int, b: int) -> int | None:
    toks = nlp.pos_cut(t[a:b])
    start = None
    for k in range(len(toks) - 1, -1, -1):
        w, tag, off = toks[k]
        if not (role_word(w, tag) or _joins_unit_name(toks, k, start, t, b)):
            break
        start = a + off
    return start


def _joins_unit_name(toks, k: int, start, t: str, b: int) -> bool:
    """和 inside a unit's name (科学技术和工业信息化局, 住房和城乡建设局): between two field
    words, the second run ending in a unit word; not between two units (科技厅和科协)."""
    w, tag, _ = toks[k]
    if w not in UNIT_JOINS or start is None or k == 0:
        return False
    before = toks[k - 1][0]
    after = t[start:b]
    return before[-1] not in ORG_END and any(ch in ORG_END for ch in after) and role_word(before, toks[k - 1][1])


def role_word(w: str, tag: str) -> bool:
    """Whether a token (as jieba tags it) can stand in a role: a position, a unit, a name."""
    if w in nlp.lexicon("positions.txt") or w in nlp.lexicon("orgs.txt"):
        return True
    if w in "()“”\"·" or w in ADMIN_LEVELS:
        return True  # 县/zg 工商联 主席: a level of government opens a unit's name
    if tag == "x" or tag in ("p", "c", "r", "d", "t", "y", "e", "o", "q") or tag.startswith("u"):
        return False
    if w.endswith(tuple(ORG_END)) and len(w) >= 2:
        return True
    if tag.startswith("n") or tag in ("j", "b", "eng", "vn", "s", "nz"):
        return w not in ("一行", "同志", "人员", "代表", "领导", "同时", "会上")
    if tag == "m":
        return bool(re.fullmatch(r"第?[一二三四五六七八九十\d]+[级届]?", w)) and w not in ("一",)
    if tag == "f":  # 南方科技大学, 中部战区: a direction inside a name, not 期间 or 以上
        return len(w) >= 2 and w not in ("之间", "期间", "以上", "以下", "之后", "之前", "以来", "当中", "之中", "其中", "中间", "以后")
    return False
