"""What a notice attaches and copies to: the 附件说明 (and 《X》(见附件2) in the body), the 抄送."""
from __future__ import annotations

import re

from ..lines import LABEL, Line, ends_sentence, is_colophon, is_date_line
from ..types import Mention
from ..vocab import (
    ATTACH_BODY,
    ATTACH_FILE,
    ATTACH_HEAD,
    ATTACH_INLINE_ITEM,
    ATTACH_ITEM,
    ATTACH_REF,
    ATTACH_TITLE_END,
    CC_HEAD,
    CC_WORDS,
    TRAILING_DOC_NUMBER,
)
from .context import Context, split_groups

_NOT_A_NAME = re.compile(r"^(?:见|详见|请|下载)")  # an instruction where a name would stand


def attachments(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    seen: set[str] = set()

    def add(men: Mention) -> None:
        key = ATTACH_FILE.sub("", men.value)  # 附件:X.doc under the list's 附件:X is the same X
        if key not in seen:
            seen.add(key)
            out.append(men)

    lines = ctx.lines
    idx = ctx.content
    k = 0
    while k < len(idx):
        ln = lines[idx[k]]
        m = ATTACH_HEAD.match(ln.text) if ln.text[:1] == "附" else None
        if not m:
            k += 1
            continue
        items: list[tuple[Line, int, int | None]] = []
        rest = ln.text[m.end():]
        if rest.strip():
            items.extend((ln, a, b) for a, b in _inline_items(ln.text, m.end()))
        bare = not rest.strip()
        j = k + 1
        while j < len(idx):
            nxt = lines[idx[j]]
            t = nxt.text
            if len(t) <= 80 and not ends_sentence(t) and (
                    ATTACH_ITEM.match(t) or (bare and ATTACH_TITLE_END.search(_bare_name(t)))):
                items.append((nxt, 0, None))
                j += 1
                continue
            break
        for line, a, b in items:
            men = _item(ctx, line, a, b)
            if men is not None:
                add(men)
        k = j
    # 《X》(附件1) / 《X》(见附件2) in the body name attachments too
    for i in idx:
        ln = lines[i]
        if "附件" not in ln.text:  # (the pattern needs it)
            continue
        for m in ATTACH_REF.finditer(ln.text):
            add(ctx.mention(ln, m.start(1), m.end(1)))
    if not out:
        for men in _annex_heads(ctx):
            add(men)
    return out


def _bare_name(t: str) -> str:
    """An unnumbered line's name without the file extension and the brackets round it
    (《某某申报表》, 【某某名单.xlsx】)."""
    t = t.strip("《》【】[] ")
    return ATTACH_FILE.sub("", t).strip("《》【】[] ")


def _inline_items(t: str, a: int) -> list[tuple[int, int]]:
    """附件:1.某某表 2.某某名单 on one line: one piece per number (the whole rest if none)."""
    marks = list(ATTACH_INLINE_ITEM.finditer(t, a))
    if len(marks) < 2:
        return [(a, len(t))]
    return [(mk.end(), marks[n + 1].start() if n + 1 < len(marks) else len(t)) for n, mk in enumerate(marks)]


def _annex_heads(ctx: Context) -> list[Mention]:
    """No 附件说明: the annexes themselves, each opened by 附件1 on its own line over its title."""
    out = []
    lines, idx = ctx.lines, ctx.content
    for k, i in enumerate(idx[:-1]):
        t = lines[i].text
        m = ATTACH_BODY.match(t) if t.startswith("附") else None
        if m and not m.group("title").strip() and len(t) <= 6:
            nxt = lines[idx[k + 1]]
            if 2 <= len(nxt.text) <= 60 and not ends_sentence(nxt.text) and ATTACH_TITLE_END.search(nxt.text):
                men = _item(ctx, nxt, 0, None)
                if men is not None:
                    out.append(men)
    return out


def _item(ctx: Context, line: Line, a: int, b: int | None) -> Mention | None:
    """The attachment's name on its line: without its number, its punctuation, the
    发文字号 after it and the 《》 round it (a file's extension stays: it is written)."""
    t = line.text
    im = ATTACH_ITEM.match(t[a:])
    if im:
        a += im.end()
    b = len(t) if b is None else b
    while b > a and t[b - 1] in ";；,，。.、 ":
        b -= 1
    tm = TRAILING_DOC_NUMBER.search(t[a:b])
    if tm:
        b = a + tm.start()
    if (t[a:a + 1], t[b - 1:b]) in (("《", "》"), ("【", "】"), ("[", "]")):
        a, b = a + 1, b - 1
    if b - a < 2 or _is_sentence(t[a:b]):
        return None
    return ctx.mention(line, a, b)


def _is_sentence(s: str) -> bool:
    return "。" in s or len(s) > 80 or bool(_NOT_A_NAME.match(s))


def cc(ctx: Context) -> list[Mention]:
    lines = ctx.lines
    out = []
    for k, i in enumerate(ctx.content):
        ln = lines[i]
        m = CC_HEAD.match(ln.text) if ln.text.startswith(CC_WORDS) else None
        if not m:
            continue
        pieces = [(ln, m.end())]
        for j in ctx.content[k + 1:k + 3]:
            t = lines[j].text
            if LABEL.match(t) or is_colophon(t) or len(t) > 40 or is_date_line(t):
                break
            pieces.append((lines[j], 0))
        for line, off in pieces:
            body = line.text[off:]
            for a, b in split_groups(body, ",，、;；"):
                while b > a and body[b - 1] in "。. ":
                    b -= 1
                if b > a:
                    out.append(ctx.mention(line, off + a, off + b))
    return out
