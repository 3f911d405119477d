"""What a notice attaches and copies to: the 附件说明 (and 《X》(见附件2) in the body), the 抄送."""
from __future__ import annotations

import re

from ..lines import LABEL, Line, ends_sentence, is_colophon, is_date_line
from ..types import Mention
from ..vocab import ATTACH_HEAD, ATTACH_ITEM, ATTACH_REF, CC_HEAD, CC_WORDS, TRAILING_DOC_NUMBER
from .context import Context, split_groups

_NOT_A_NAME = re.compile(r"^(?:见|详见|请|下载)")  # an instruction where a name would stand


def attachments(ctx: Context) -> list[Mention]:
    out: list[Mention] = []
    seen: set[str] = set()

    def add(men: Mention) -> None:
        if men.value not in seen:
            seen.add(men.value)
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
        items: list[tuple[Line, int]] = []
        if ln.text[m.end():].strip():
            items.append((ln, m.end()))
        j = k + 1
        while j < len(idx):
            nxt = lines[idx[j]]
            if ATTACH_ITEM.match(nxt.text) and len(nxt.text) <= 80 and not ends_sentence(nxt.text):
                items.append((nxt, 0))
                j += 1
                continue
            break
        for line, off in items:
            men = _item(ctx, line, off)
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
    return out


def _item(ctx: Context, line: Line, a: int) -> Mention | None:
    """The attachment's name on its line: without its number, its punctuation, the
    发文字号 after it and the 《》 round it."""
    t = line.text
    im = ATTACH_ITEM.match(t[a:])
    if im:
        a += im.end()
    b = len(t)
    while b > a and t[b - 1] in ";；,，。.、 ":
        b -= 1
    tm = TRAILING_DOC_NUMBER.search(t[a:b])
    if tm:
        b = a + tm.start()
    if t[a:a + 1] == "《" and t[b - 1:b] == "》":
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
