"""The candidate-finding text of a document, segmented once and shared by the extractors.

People, platforms and keywords all read the same *clean* text: the document's view with
pinyin glosses taken out ("公(gong)司" reads "公司") and traditional characters folded
to simplified ones, one character for one, so that a single set of rules and lexicons
serves 陳志遠 and 陈志远 alike. Every clean character remembers its place in the view, and
so in the raw text: what the rules find is reported as the exact slice that was written
(glosses and traditional forms included).
"""
from __future__ import annotations

import bisect
import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from .. import nlp
from ..lines import BOILERPLATE
from ..normalise import View
from ..types import Mention

from ..vocab.furniture import PINYIN_GLOSS as _PINYIN
_WS = " \t\u3000\xa0"
_WS_CHAR = re.compile(f"[{_WS}]")


@dataclass(frozen=True)
class Clean:
    """``text`` for the rules; ``to_view[i]`` is the view index of ``text[i]``."""

    view: View
    text: str
    to_view: tuple[int, ...]
    gaps: frozenset[int]  # clean indices i where white space stood in the raw text before text[i]

    def mention(self, start: int, end: int) -> Mention:
        """The raw slice behind clean[start:end]."""
        if end <= start:
            return self.view.mention(self.to_view[start], self.to_view[start])
        return self.view.mention(self.to_view[start], self.to_view[end - 1] + 1)

    def value(self, start: int, end: int, *, gloss: bool = False) -> str:
        """The characters as written behind clean[start:end] (inner glosses kept, no white
        space); ``gloss`` keeps a gloss right after the last character too: 工(gong)作(zuo)站(zhan)."""
        if end <= start:
            return ""
        v0, v1 = self.to_view[start], self.to_view[end - 1] + 1
        if gloss:
            m = _PINYIN.match(self.view.text, v1)
            if m:
                v1 = m.end()
        return self.view.mention(v0, v1).value

    def plain(self, start: int, end: int) -> str:
        """clean[start:end] in the characters written (traditional kept), without glosses."""
        to_view = self.to_view
        if 0 <= start < end <= len(to_view) and to_view[end - 1] - to_view[start] == end - 1 - start:
            return self.view.text[to_view[start]:to_view[end - 1] + 1]  # no gloss inside: one slice
        return "".join(map(self.view.text.__getitem__, to_view[start:end]))

    def raw_start(self, i: int) -> int:
        return self.view.origin[self.to_view[i]] if i < len(self.to_view) else self.view.origin[-1]

    @property
    def tokens(self) -> tuple[tuple[str, int], ...]:
        return nlp.cut(self.text)

    @functools.cached_property
    def bounds(self) -> frozenset[int]:
        """Offsets where a jieba token starts or ends."""
        tokens = self.tokens
        ends = [0, len(self.text)]
        if tokens:
            w, s = tokens[-1]
            ends.append(s + len(w))
        # nlp.cut's offsets run on: each token ends where the next starts
        return frozenset(chain(map(itemgetter(1), tokens), ends))

    @functools.cached_property
    def furniture(self) -> tuple[tuple[int, int], ...]:
        """Clean spans of web-page furniture lines (navigation, counters, share buttons)."""
        out = []
        pos = 0
        for line in self.text.split("\n"):
            if BOILERPLATE.match(line.strip()):
                out.append((pos, pos + len(line)))
            pos += len(line) + 1
        return tuple(out)

    def in_furniture(self, i: int) -> bool:
        return bool(self.furniture) and any(a <= i < b for a, b in self.furniture)


def clean_of(view: View) -> Clean:
    return _clean(view.text, view)


_CACHE: dict = {}  # a few recent documents: people, named and keywords share one Clean


def _clean(text: str, view: View) -> Clean:
    key = (text, view.origin[0] if view.origin else 0, len(view.raw))
    hit = _CACHE.get(key)
    if hit is not None and hit.view.raw is view.raw:
        return hit
    keep: Sequence[int] = range(len(text))  # view indices of the characters kept: all but glosses
    plain = text
    glosses = list(_PINYIN.finditer(text))
    if glosses:
        kept: list[int] = []
        pieces: list[str] = []
        pos = 0
        for m in glosses:
            kept.extend(range(pos, m.start()))
            pieces.append(text[pos:m.start()])
            pos = m.end()
        kept.extend(range(pos, len(text)))
        pieces.append(text[pos:])
        keep, plain = kept, "".join(pieces)
    # (most documents have no traditional character: looking for one is much quicker than translate)
    folded = plain.translate(nlp.t2s()) if _traditional().search(plain) else plain
    clean = Clean(view=view, text=folded, to_view=tuple(keep), gaps=_gaps(view, keep))
    if len(_CACHE) > 16:
        _CACHE.clear()
    _CACHE[key] = clean
    return clean


@functools.cache
def _traditional() -> re.Pattern:
    """A character that ``nlp.t2s`` folds."""
    return re.compile("[" + "".join(map(re.escape, map(chr, sorted(nlp.t2s())))) + "]")


def _gaps(view: View, keep: Sequence[int]) -> frozenset[int]:
    """Clean indices ci where the raw text had white space between the view characters
    keep[ci] - 1 and keep[ci] (white space the view dropped): found from the raw white
    space, which is rare, rather than by looking between every pair of characters."""
    origin, raw = view.origin, view.raw
    n = len(view.text)
    if n == 0:
        return frozenset()
    out = set()
    for m in _WS_CHAR.finditer(raw, origin[0], origin[n - 1]):
        r = m.start()
        vi = bisect.bisect_right(origin, r, 0, n)  # the first view character after it
        if 0 < vi < n and origin[vi - 1] < r:
            ci = bisect.bisect_left(keep, vi)  # keep is sorted: vi's clean index, if kept
            if ci < len(keep) and keep[ci] == vi:
                out.add(ci)
    return frozenset(out)
