"""The head of a notice (版头 and the start of 主体): 发文字号, 标题, 主送机关; and the
issuer a title names when no signature does."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..datefmt import FULL_DATE
from ..lines import LABEL, ends_sentence, has_title_end, is_dateline, is_title_like
from ..types import Mention
from ..vocab import BYLINE_ROLES_RE, CITING, DOC_NUMBER, ORG_SUFFIX
from ..vocab.furniture import PINYIN_GLOSS
from .context import Context, Placed, split_groups
from .dates import page_date
from ..webpage import is_meta_line

# What a sentence of the body has that a 主送 line does not.
DIRECTIVE_HINT = re.compile(r"如下|根据|现将|现就|为了|为进一步|按照|经研究|。|决定")
_DATE_START = re.compile(r"^(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|近日|日前|本报)")  # a body's first words
# A byline standing on its own line (记者 王明, 通讯员 李华 张强): not a title.
BYLINE_LINE = re.compile(rf"^(?:{BYLINE_ROLES_RE})\s*[:：/]?\s*[\u4e00-\u9fff·]{{2,4}}(?:[\s、]+[\u4e00-\u9fff·]{{2,4}})*$")
_SPAM = re.compile(r"[a-z]{2,}\d{3,}|\d{5,}")


@dataclass(frozen=True, slots=True)
class Recipients:
    """The 主送机关, one Mention each, and the line they stand on."""

    mentions: tuple[Mention, ...]
    line: int


def doc_number(ctx: Context) -> Placed | None:
    for i in ctx.content[:12]:
        ln = ctx.lines[i]
        if "号" not in ln.text and "號" not in ln.text:  # (the pattern needs one; its search is slow)
            continue
        m = DOC_NUMBER.search(ln.text)
        if m and len(ln.text) - (m.end() - m.start()) <= 16 and not ln.text.startswith(CITING):
            # 签发人 shares the line in 上行文; the number is the part before it
            return Placed(ctx.mention(ln, m.start(), m.end()), i)
        if "(" in ln.text and DOC_NUMBER.fullmatch(PINYIN_GLOSS.sub("", ln.text)):
            return Placed(ctx.mention(ln), i)  # 中消協(xié)〔2023〕61號: a page that glosses its characters
    return None


def recipients(ctx: Context, after: int | None) -> Recipients | None:
    for i in ctx.content[:14]:
        if after is not None and i <= after:
            continue
        t = ctx.lines[i].text
        if len(t) > 3 and t.endswith(":") and not LABEL.match(t) and not DIRECTIVE_HINT.search(t):
            groups = split_groups(t[:-1])
            if groups and max(b - a for a, b in groups) <= 40:
                return Recipients(tuple(ctx.mention(ctx.lines[i], a, b) for a, b in groups), i)
        if len(t) >= 60 and ("(" not in t or len(PINYIN_GLOSS.sub("", t)) >= 60) or is_dateline(t):
            break  # the body has started (a title read with pinyin glosses is still a title)
    return None


def title(ctx: Context, number: Placed | None, to: Recipients | None, dateline: int | None) -> Placed | None:
    lines = ctx.lines
    dn_idx = number.line if number else None
    limit = to.line if to is not None else dateline
    cands = [i for i in ctx.content[:10] if limit is None or i < limit]
    if dn_idx is not None:
        after = [i for i in cands if i > dn_idx]
        cands = after or cands
    # A typed title: ends with a document kind.
    for i in cands:
        t = lines[i].text
        if has_title_end(t.replace(" ", "")) and is_title_like(t) and not DOC_NUMBER.fullmatch(t) and "。" not in t:
            first = i
            prev = ctx.before(i)
            if prev is not None:
                pt = lines[prev].text
                if (prev != dn_idx and "关于" in pt and not t.startswith("关于") and is_title_like(pt)
                        and not has_title_end(pt) and prev in cands):
                    first = prev
                # (A unit on the line above a 关于… title is its 发文机关标志, not part of it: joining
                # them lowered validation's titles, 2026-12-04.)
            m = ctx.view.mention(lines[first].start, lines[i].end)
            return Placed(replace(m, value=m.value.replace("\n", "")), i)
    # A saved web page: the article's title stands right above its metadata line.
    web = _above_meta(ctx, limit)
    if web is not None:
        return web
    # A bulletin's title sits above its dateline.
    if dateline is not None:
        prev = ctx.before(dateline)
        if prev is not None and BYLINE_LINE.match(lines[prev].text):
            prev = ctx.before(prev)
        if prev is not None and is_title_like(lines[prev].text) and not page_date(lines[prev].text):
            return Placed(ctx.mention(lines[prev]), prev)
        return None
    # Untyped: the first short line before the body.
    for i in cands:
        t = lines[i].text
        if len(t) >= 60 or t.endswith(":") or ends_sentence(t) or FULL_DATE.match(t) or _DATE_START.match(t):
            return None
        if i == dn_idx:
            continue
        if is_title_like(t) and not page_date(t) and "。" not in t and len(t) <= 60 and not _spam(t):
            return Placed(ctx.mention(lines[i]), i)
    return None


def _above_meta(ctx: Context, limit: int | None) -> Placed | None:
    """The content line right above the first 发布时间/来源 line of the page's head."""
    lines = ctx.lines
    end = min(len(lines), 30 if limit is None else limit)
    meta = next((i for i in range(end) if is_meta_line(lines[i].text)), None)
    if meta is None:
        return None
    above = [i for i in ctx.content if i < meta]
    if not above:
        return None
    i = above[-1]
    t = lines[i].text
    if is_title_like(t) and "。" not in t and not page_date(t) and not _spam(t) and not BYLINE_LINE.match(t):
        return Placed(ctx.mention(lines[i]), i)
    return None


def _spam(t: str) -> bool:
    return t.count("_") >= 2 or bool(_SPAM.search(t))


def issuer_from_title(ctx: Context, title: Placed | None) -> Mention | None:
    """某省科协关于…的通知: the unit before 关于."""
    if title is None:
        return None
    ln = ctx.lines[title.line]
    k = ln.text.find("关于")
    if k >= 2 and ORG_SUFFIX.search(ln.text[:k]):
        return ctx.mention(ln, 0, k)
    return None
