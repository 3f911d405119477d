"""Who issued a notice that bears no signature: the 印发 line of its 版记, or the unit its
发文字号's 机关代字 abbreviates.

Pasted and forwarded notices often lose the 署名 (or the seal stood in for it), but keep
what names the issuer elsewhere: "某某协会 2014年5月30日印发" at the foot, or a 发文字号
东科协〔2010〕25号 whose 东…科…协 picks out 东莞市科学技术协会 among the units the text names.
"""
from __future__ import annotations

import re

from ..types import Mention
from ..vocab import ORG_SUFFIX, PRINTED_BY
from .context import Context

_UNIT = re.compile(r"[\u4e00-\u9fff]{2,20}?(?:科学技术协会|科学技术局|协会|學會|学会|研究会|联合会|委员会|科协|科技局|"
                   r"政府|办公厅|局|厅|委|部)")
_CODE = re.compile(r"^[\u4e00-\u9fff]{2,10}")
# Characters an agency code adds for the office or the series (办, 发, 函, 字 …), not the unit.
_SERIES = "办发函字综通"
FIRST_GAP = 3  # the code's first character stands this near the start of the unit's name


_MASTHEAD = re.compile(r"^(?P<unit>[\u4e00-\u9fff()（）\s]{2,40}?)\s*(?:文\s*件)?$")


def from_masthead(ctx: Context, before: int | None) -> Mention | None:
    """某某科学技术协会文件 (发文机关标志, GB/T 9704 7.2.3) over the 发文字号 or the title: the
    issuer, when no signature names it."""
    for i in ctx.content[:3]:
        if before is not None and i >= before:
            break
        ln = ctx.lines[i]
        m = _MASTHEAD.match(ln.text)
        if m and (ln.text.replace(" ", "").endswith("文件") or before is not None) and ORG_SUFFIX.search(m.group("unit").strip()):
            a, b = m.span("unit")
            return ctx.mention(ln, a, b)
    return None


def from_colophon(ctx: Context) -> Mention | None:
    for i in reversed(ctx.content[-6:]):
        ln = ctx.lines[i]
        m = PRINTED_BY.match(ln.text)
        if m and ORG_SUFFIX.search(m.group("unit")):
            return ctx.mention(ln, *m.span("unit"))
    return None


def from_doc_number(ctx: Context, number: Mention | None) -> Mention | None:
    """The unit named in the text whose characters the 机关代字 takes in order."""
    if number is None:
        return None
    m = _CODE.match(number.value)
    if not m:
        return None
    code = m.group(0).rstrip(_SERIES)
    if len(code) < 2:
        return None
    best = None  # the tightest fit: 荆科协 is 荆州市科协 before 荆州开发区科协
    for ln in ctx.lines:
        for u in _UNIT.finditer(ln.text):
            start = _abbreviates(code, u.group(0))
            if start is not None and (best is None or u.end() - u.start() - start < best[0]):
                best = (u.end() - u.start() - start, ln, u.start() + start, u.end())
    return ctx.mention(best[1], best[2], best[3]) if best else None


def _abbreviates(code: str, name: str) -> int | None:
    """Where in ``name`` the unit that ``code`` abbreviates starts, if it does: the code's
    characters in order, the first one near the start, the last within the name's end word."""
    first = name.find(code[0])
    if first < 0 or first > FIRST_GAP:
        return None
    k = first
    for ch in code[1:]:
        k = name.find(ch, k + 1)
        if k < 0:
            return None
    if len(name) - k > 4:
        return None  # the code's last character must stand in the unit's suffix
    return first
