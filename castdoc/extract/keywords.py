"""The document's key terms: TF-IDF over the plain segmentation the other extractors share.

The IDF is jieba's table (inside the installed jieba) with castdoc's genre adjustments on
top (castdoc/lexicon/idf.txt, built by scripts/build_idf.py), kept in castdoc's word table
(castdoc.nlp.table): the words every 科协 notice uses (通知, 工作, 科协, 单位 …) weigh
less, the genre's own terms (海智, 科创中国) more.
No part-of-speech tagging: the plain cut is already there and is several times faster.
"""
from __future__ import annotations

import re

from .. import nlp
from ..types import Keyword
from ._tokens import clean_of

TOP = 10
_COUNTED = set("余多个家名位场次项人年月日届期批份篇件条所处种类")
_GLOSS = re.compile(r"\([a-zA-Z\u00c0-\u024f]{1,8}\)")
_TERM = re.compile(r"[\u4e00-\u9fff]{2,}|[A-Z][A-Z0-9+\-]{1,7}")  # Chinese words, acronyms (CCF)
# Function words and fillers that no IDF table should rank (jieba's idf.txt rates some high).
STOP = frozenset(
    "我们 你们 他们 她们 它们 这个 那个 这些 那些 这样 那样 以及 并且 而且 或者 但是 因为 所以 如果 虽然 然而 其中 之一 "
    "一个 一些 一批 各个 每个 自己 什么 怎么 如何 可以 能够 应当 应该 需要 已经 正在 将要 还是 就是 不是 没有 为了 "
    "对于 关于 通过 按照 根据 由于 以上 以下 之间 之后 之前 期间 目前 当前 有关 相关 其他 其它 进行 开展 工作 以来 "
    "同时 此外 另外 等等 方面 情况 问题 一是 二是 三是 四是 五是 之后 今年 去年 明年 本次 此次 日前 近日 上午 下午 "
    "晚上 中午 http https www com cn org html".split()
)


def extract(doc, found) -> tuple[Keyword, ...]:
    clean = clean_of(doc.view)
    # pieces of people's names (a name cut as surname + given name) are no terms; whole names may be
    names = [_fold(p.name) for p in found.people if isinstance(getattr(p, "name", None), str)]
    pieces = {n[i:j] for n in names for i in range(len(n)) for j in range(i + 1, len(n) + 1) if j - i < len(n)}
    counts: dict[str, int] = {}
    first: dict[str, int] = {}
    total = 0
    prev = ""
    terms = _TERMS
    furniture = clean.furniture
    for w, start in clean.tokens:
        before, prev = prev, w
        term = terms[w]
        if term is None:
            continue  # (every term has two characters or more)
        if term[0] and before[-1:].isdigit():
            continue  # 300余场, 12家: a count, not a term
        if w in pieces or (furniture and clean.in_furniture(start)):
            continue
        total += 1
        if w in counts:
            counts[w] += 1
        else:
            counts[w] = 1
            first[w] = start
    if not total:
        return ()
    scored = [(c / total * terms[w][1], -first[w], w) for w, c in counts.items()]
    scored.sort(reverse=True)
    return tuple(Keyword(term=clean.plain(first[w], first[w] + len(w)), weight=s) for s, _, w in scored[:TOP])


class _Terms(dict):
    """word -> None where the token cannot be a term wherever it stands, else (whether it
    starts with a unit of a count, so that it is none after a number: 300余场; its IDF weight).

    Filled as words come: most words recur (a few thousand), and this small table is quicker
    to look up than the IDF table of 270 thousand words."""

    def __missing__(self, w: str) -> tuple[bool, float] | None:
        if len(w) < 2 or not _TERM.fullmatch(w) or w in STOP or w.isdigit():
            term = None
        else:
            term = (w[0] in _COUNTED, nlp.table().weight(w))
        if len(self) > 200_000:
            self.clear()
        self[w] = term
        return term


_TERMS = _Terms()


def _fold(name: str) -> str:
    """A name as the clean text spells it: glosses out, simplified."""
    return _GLOSS.sub("", name).translate(nlp.t2s())
