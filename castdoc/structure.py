"""Zones of one article: 版头, 主体, 版记 for notices (GB/T 9704-2012); title, dateline,
byline and source line for bulletins.

Works line by line on the normalised view. Each finder is small and independent; the
order in ``structure()`` is the order a reader's eye takes: the head (发文字号, 标题, 主送),
the tail (署名, 成文日期, 版记), then what lies between (sections, attachments, contacts).
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import replace

from .datefmt import DATE_FIRST, FULL_DATE, match_to_date, parse_full_date
from .lines import (
    BOILERPLATE,
    DOC_TYPES_TRAD,
    LABEL,
    Line,
    ends_sentence,
    has_title_end,
    is_colophon,
    is_date_line,
    is_dateline,
    is_image_file,
    is_title_like,
    lines_of,
    split_outside,
)
from .normalise import View
from .types import Contact, Mention, Section, Span, Structure

DOC_NUMBER = re.compile(
    r"[\u4e00-\u9fffA-Za-z]{1,16}\s*[〔\[【(]\s*(?:19|20)\d{2}\s*[〕\]】)]\s*第?\s*\d{1,5}\s*[号號]"
)
ORG_SUFFIX = re.compile(
    r"(?:会|協|协|局|部|厅|廳|委|室|处|處|院|校|办|辦|中心|组|組|社|馆|館|站|所|团|團|府|政府|公司|集团|大学|学院|联合会|研究会|秘书处|司|署|科|队|隊)$"
)
CN_NUM = "一二三四五六七八九十"
HEADINGS = (
    (1, re.compile(rf"^[{CN_NUM}]{{1,3}}[、.．]")),
    (2, re.compile(rf"^\([{CN_NUM}]{{1,3}}\)")),
    (3, re.compile(r"^\d{1,2}(?:[.．](?!\d)|[.．](?=(?:19|20)\d{2}年)|、)")),
    (4, re.compile(r"^\(\d{1,2}\)")),
    (5, re.compile(rf"^[{CN_NUM}]{{1,3}}是")),
)
DIRECTIVE_HINT = re.compile(r"如下|根据|现将|现就|为了|为进一步|按照|经研究|。|决定")
PHONE = re.compile(
    r"(?<![\d-])(?:\(0\d{2,3}\)\s*|0\d{2,3}\s*[-－—]\s*|0\d{2,3}\s)?\d{7,8}(?:\s*[-－转]\s*\d{1,5})?(?!\d)|(?<!\d)1[3-9]\d{9}(?!\d)"
)
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
PHONE_LABEL = re.compile(r"电话|電話|手机|手機|联系方式|聯繫方式|热线|熱線|Tel|座机|咨询")
NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = re.compile(NAME + r"(?:[、\s]" + NAME + ")*")
_CNAME = (r"[\u4e00-\u9fff·]{2,4}?(?=$|[\s,，、;；:：/()（）]|联系|聯繫|电话|電話|手机|手機|邮箱|郵箱|电子|電子|地址|传真|"
          r"E-?mail|邮编|QQ|微信|座机|办公|\d)")
CONTACT_NAMES = re.compile(
    rf"(?:联系人|聯繫人|联络人|聯絡人)(?:及(?:联系)?电话|及联系方式)?\s*[:：]?\s*(?P<names>{_CNAME}(?:\s*[、,，/]\s*{_CNAME})*)", re.I)
NOT_NAME = {"电话", "電話", "联系", "方式", "邮箱", "手机", "地址", "传真", "老师"}
_BYLINE_ROLES = r"记者|記者|通讯员|通訊員|实习生|实习记者|特约记者|编辑|作者|摄影|撰稿|文/图|文|图"
_BYNAME = rf"[\u4e00-\u9fff·]{{2,4}}?(?=\s|$|[,，、)）/]|{_BYLINE_ROLES})"
BYLINE = re.compile(
    rf"(?P<role>{_BYLINE_ROLES})\s*[:：]?\s*(?P<names>{_BYNAME}(?:\s*[、\s]\s*{_BYNAME})*)"
)
_META_LABELS = r"发布时间|发布日期|发表时间|更新时间|作者|编辑|责任编辑|浏览|点击|阅读|日期|时间|字体|字号|来源|信息来源|摄影"
SOURCE_LINE = re.compile(
    rf"(?:信息来源|来源|來源|稿源|供稿单位|供稿)\s*[:：]\s*(?P<v>(?:(?!{_META_LABELS})[^\s|｜:：])+(?:\s+(?:(?!{_META_LABELS})[^\s|｜:：])+)?)"
)
_BYLINE_ROLE_END = re.compile("[" + "".join(sorted({r[-1] for r in _BYLINE_ROLES.split("|")})) + "]")  # BYLINE needs one
AUTHOR_LINE = re.compile(r"作者\s*[:：]\s*(?P<v>[^\s|｜]+)")
PAGE_DATE = re.compile(r"(?:19|20)\d{2}(?:[-/.]\d{1,2}[-/.]\d{1,2}|年\d{1,2}月\d{1,2}日)")  # (year first: a faster search)
_EVENT_DATE = re.compile(r"(?:(?P<y>(?:19|20)\d{2})年)?(?P<m>\d{1,2})月(?P<d>\d{1,2})(?:日?\s*[-~至到]\s*\d{1,2})?日")
_PAREN_LINE = re.compile(r"[(（]([^()（）]{2,30})[)）]")  # (省科协科普部): who sent a bulletin in
_PAREN_END = re.compile(r"[(（]([^()（）]{2,30}?)(?:供稿)?[)）]$")
ATTACH_ITEM = re.compile(r"^(?:\d{1,2}\s*[.、．:](?!\d{1,2}[.、])|\(\d{1,2}\)|[一二三四五六七八九十]、)\s*")
ATTACH_HEAD = re.compile(r"^(?:附件|附表|附)\s*(?P<n>\d{0,2})\s*[:：]\s*")
_INNER_ITEM = re.compile(rf"(?:(?<=[。;；])|(?<=^))([{CN_NUM}]{{1,2}}是)")  # 一是/二是 inside a paragraph
_HEADING_END = re.compile(r"[。:;]")
_CNAME_RX = re.compile(_CNAME)
_EMAIL_WORD = re.compile(r"邮箱|信箱|E-?mail", re.I)
# What a line that _contacts reads holds: a PHONE_LABEL, a CONTACT_NAMES label, an EMAIL's @,
# or an _EMAIL_WORD (each match of which, case-blind, holds 箱 or an a).
_CONTACT_HINT = re.compile(PHONE_LABEL.pattern + "|联系人|聯繫人|联络人|聯絡人|@|箱|a|A")
_ATTACH_REF = re.compile(r"《([^《》]{2,60})》\s*\((?:详)?见?附件\s*\d{0,2}\)")
_CC_HEAD = re.compile(r"^(?:抄送|抄报|抄報)\s*[:：]?\s*")
TRAILING_DOCNO = re.compile(r"\s*\([^()]*[〔\[(（]?\d{4}[〕\])）]?[^()]*[号號]\)\s*$")


class _Ctx:
    """The article's view and lines, with helpers to turn line pieces into Mentions."""

    def __init__(self, view: View):
        self.view = view
        self.lines = lines_of(view.text)
        self.content = [i for i, ln in enumerate(self.lines) if not _furniture(ln.text)]

    def mention(self, line: Line, a: int = 0, b: int | None = None) -> Mention:
        a, b = _trim(line.text, a, b)
        return self.view.mention(line.start + a, line.start + b)

    def value(self, line: Line, a: int = 0, b: int | None = None) -> str:
        """``self.mention(line, a, b).value``, without building the Mention."""
        a, b = _trim(line.text, a, b)
        return self.view.value(line.start + a, line.start + b)


def _trim(text: str, a: int, b: int | None) -> tuple[int, int]:
    """text[a:b] without the white space at its edges."""
    b = len(text) if b is None else b
    while a < b and text[a] in " \t":
        a += 1
    while b > a and text[b - 1] in " \t":
        b -= 1
    return a, b


def _furniture(text: str) -> bool:
    # SEO spam headers are runs of keywords joined by underscores
    return bool(BOILERPLATE.match(text) or is_image_file(text) or (text.count("_") >= 3 and "@" not in text))


def structure(view: View) -> Structure:
    ctx = _Ctx(view)
    lines = ctx.lines
    content = ctx.content
    dateline_idx = next((i for i in content if is_dateline(lines[i].text)), None)

    doc_number, dn_idx = _doc_number(ctx)
    recipients, rec_idx = _recipients(ctx, dn_idx)
    sig = _signature(ctx)
    title, title_idx = _title(ctx, dn_idx, rec_idx, dateline_idx)
    sections = _sections(ctx)
    text = view.text
    is_notice = bool(
        doc_number
        or recipients
        or (title and has_title_end(title.value.replace(" ", "")))
        or (sig and sig[0] is not None)
        or re.search(r"通知如下|特此通知|特此通报|公示如下|特此公告|特此函", text)
        or (dateline_idx is None and any(s.level == 1 for s in sections) and not _looks_like_news(ctx))
    )
    if dateline_idx is not None and not doc_number and not recipients:
        is_notice = False
    kind = "notice" if is_notice else "bulletin"

    issuer = issued = issued_mention = None
    byline: tuple[Mention, ...] = ()
    if kind == "notice":
        if sig:
            issuer, issued, issued_mention = sig
        if issuer is None and title is not None:
            issuer = _issuer_from_title(ctx, title_idx)
    else:
        issuer, byline = _bulletin_source(ctx)
        issued, issued_mention = _bulletin_date(ctx, title_idx)
        if title is None and title_idx is None:
            pass

    body_start = max(i for i in (dn_idx, rec_idx, title_idx, -1) if i is not None) + 1
    return Structure(
        kind=kind,
        doc_type=_doc_type(title.value if title else "", text) if kind == "notice" else None,
        title=title,
        doc_number=doc_number,
        issuer=issuer,
        issued=issued,
        issued_mention=issued_mention,
        recipients=tuple(recipients),
        sections=tuple(sections),
        attachments=tuple(_attachments(ctx)),
        contacts=tuple(_contacts(ctx)),
        cc=tuple(_cc(ctx)),
        byline=byline,
        body=Span(start=lines[body_start].start if body_start < len(lines) else len(text), end=len(text)),
        head_lines=body_start,
    )


def _looks_like_news(ctx: _Ctx) -> bool:
    head = "".join(ctx.lines[i].text for i in ctx.content[:4])
    return bool(re.match(r"^\S{0,30}?(?:\d{1,2}月\d{1,2}日|近日|日前)", head))


# ---------------------------------------------------------------- head
def _doc_number(ctx: _Ctx) -> tuple[Mention | None, int | None]:
    for i in ctx.content[:12]:
        ln = ctx.lines[i]
        if "号" not in ln.text and "號" not in ln.text:  # (the pattern needs one; its search is slow)
            continue
        m = DOC_NUMBER.search(ln.text)
        if m and len(ln.text) - (m.end() - m.start()) <= 16 and not ln.text.startswith(("根据", "按照", "依据")):
            start = m.start()
            # 签发人 shares the line in 上行文; the number is the part before it
            return ctx.mention(ln, start, m.end()), i
    return None, None


def _recipients(ctx: _Ctx, after: int | None) -> tuple[list[Mention], int | None]:
    for n, i in enumerate(ctx.content[:14]):
        if after is not None and i <= after:
            continue
        ln = ctx.lines[i]
        t = ln.text
        if len(t) > 3 and ln.text.endswith(":") and not LABEL.match(t) and not DIRECTIVE_HINT.search(t):
            groups = _split_groups(t[:-1])
            if groups and max(b - a for a, b in groups) <= 40:
                return [ctx.mention(ln, a, b) for a, b in groups], i
        if len(t) >= 60 or is_dateline(t):
            break  # the body has started
    return [], None


def _split_groups(s: str, seps: str = ",，;；") -> list[tuple[int, int]]:
    """Split at commas that are not inside brackets; return [start, end) pieces."""
    out = split_outside(s, 0, len(s), seps, "([（【〔《", ")]）】〕》")
    return [(a, b) for a, b in out if s[a:b].strip(" 。.、")]


def _title(ctx: _Ctx, dn_idx, rec_idx, dateline_idx) -> tuple[Mention | None, int | None]:
    lines = ctx.lines
    limit = rec_idx if rec_idx is not None else (dateline_idx if dateline_idx is not None else None)
    cands = [i for i in ctx.content[:10] if limit is None or i < limit]
    if dn_idx is not None:
        after = [i for i in cands if i > dn_idx]
        cands = after or cands
    # A typed title: ends with a document kind.
    for i in cands:
        t = lines[i].text
        if has_title_end(t.replace(" ", "")) and is_title_like(t) and not DOC_NUMBER.fullmatch(t) and "。" not in t:
            first = i
            k = ctx.content.index(i)
            if k > 0:
                prev = ctx.content[k - 1]
                pt = lines[prev].text
                if (prev != dn_idx and "关于" in pt and not t.startswith("关于") and is_title_like(pt)
                        and not has_title_end(pt) and prev in cands):
                    first = prev
            m = ctx.view.mention(lines[first].start, lines[i].end)
            return replace(m, value=m.value.replace("\n", "")), i
    # A bulletin's title sits above its dateline.
    if dateline_idx is not None:
        k = ctx.content.index(dateline_idx)
        if k > 0:
            prev = ctx.content[k - 1]
            if is_title_like(lines[prev].text) and not _page_date(lines[prev].text):
                return ctx.mention(lines[prev]), prev
        return None, None
    # Untyped: the first short line before the body.
    for i in cands:
        t = lines[i].text
        if len(t) >= 60 or t.endswith(":") or ends_sentence(t) or FULL_DATE.match(t) or _starts_with_date(t):
            return None, None
        if i == dn_idx:
            continue
        if is_title_like(t) and not _page_date(t) and "。" not in t and len(t) <= 60 and not _spam(t):
            return ctx.mention(lines[i]), i
    return None, None


def _starts_with_date(t: str) -> bool:
    return bool(re.match(r"^(?:\d{1,2}月\d{1,2}日|\d{4}年\d{1,2}月|近日|日前|本报)", t))


def _spam(t: str) -> bool:
    return t.count("_") >= 2 or bool(re.search(r"[a-z]{2,}\d{3,}|\d{5,}", t))


def _issuer_from_title(ctx: _Ctx, title_idx) -> Mention | None:
    if title_idx is None:
        return None
    ln = ctx.lines[title_idx]
    k = ln.text.find("关于")
    if k >= 2 and ORG_SUFFIX.search(ln.text[:k]):
        return ctx.mention(ln, 0, k)
    return None


# ---------------------------------------------------------------- tail
def _signature(ctx: _Ctx):
    """(issuer, date, date mention) from the 署名 and 成文日期 at the end, or None."""
    lines = ctx.lines
    body_at = next((i for i in ctx.content if len(lines[i].text) >= 40 or ends_sentence(lines[i].text)
                    or lines[i].text.endswith(":")), None)
    if body_at is None:
        return None
    for i in _tail(ctx, body_at, 12):
        t = lines[i].text
        if is_date_line(t):
            d = parse_full_date(t) or _cut_date(t)
            if not d:
                continue
            dm = ctx.mention(lines[i])
            issuer = None
            k = ctx.content.index(i)
            if k > 0:
                prev = lines[ctx.content[k - 1]]
                if _signer_like(prev.text):
                    issuer = ctx.mention(prev)
            return issuer, d, dm
        # "河南省科协办公室 2018年4月23日" on one line
        if "日" not in t[-2:] and "号" not in t[-2:]:  # (where such a date ends)
            continue
        m = FULL_DATE.search(t)
        if m and m.group("y") and m.end() >= len(t) - 1 and m.start() > 0 and _signer_like(t[: m.start()].strip()) and "印发" not in t:
            d = match_to_date(m)
            if d:
                a = m.start()
                while a > 0 and t[a - 1] == " ":
                    a -= 1
                return ctx.mention(lines[i], 0, a), d, ctx.mention(lines[i], m.start(), m.end())
    return None


def _tail(ctx: _Ctx, after: int, n: int):
    """The last ``n`` content lines after line ``after``, leaving the 版记 out; last first."""
    for i in reversed(ctx.content):
        if i <= after or n == 0:
            return
        if not is_colophon(ctx.lines[i].text):
            n -= 1
            yield i


def _cut_date(t: str) -> dt.date | None:
    m = re.fullmatch(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})", t)
    if m:
        try:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def _signer_like(t: str) -> bool:
    return (
        2 <= len(t) <= 40
        and is_title_like(t)
        and not t.startswith(("特此", "此致", "附"))
        and ":" not in t
        and not PHONE.search(t)
        and not has_title_end(t)
        and not ATTACH_ITEM.match(t)
    )


# ---------------------------------------------------------------- bulletins
def _bulletin_source(ctx: _Ctx) -> tuple[Mention | None, tuple[Mention, ...]]:
    lines = ctx.lines
    issuer = None
    byline: list[Mention] = []
    for ln in lines:
        if issuer is not None or ("源" not in ln.text and "稿" not in ln.text):  # (every label has one)
            continue
        m = SOURCE_LINE.search(ln.text)
        if m:
            a, b = m.span("v")
            v = ln.text[a:b]
            # a WeChat id before the account name: "gh_562f69198929 山东科协"
            parts = v.split(" ")
            if len(parts) == 2 and parts[0].isascii():
                a = b - len(parts[1])
            elif len(parts) == 2:
                b = a + len(parts[0])
            # an account id glued before the name once spaces went: "gh_562f69198929山东科协"
            idm = re.match(r"[A-Za-z0-9_]{6,}(?=[\u4e00-\u9fff])", ln.text[a:b])
            if idm:
                a += idm.end()
            issuer = ctx.mention(ln, a, b)
    for i in reversed(ctx.content[-4:]):
        t = lines[i].text
        m = _PAREN_LINE.fullmatch(t) or _PAREN_END.search(t)
        if m:
            inner = m.group(1)
            a = m.start(1) if m.re.pattern.startswith("[(") and t.startswith(("(", "（")) else m.start(1)
            piece = inner.removesuffix("供稿")
            if ORG_SUFFIX.search(piece) and issuer is None:
                issuer = ctx.mention(lines[i], a, a + len(piece))
            elif _NAMES.fullmatch(piece):
                byline.append(ctx.mention(lines[i], a, a + len(piece)))
            break
    if issuer is None:
        content = set(ctx.content)
        for i in ctx.content[:4] + [k for k in range(len(lines)) if k not in content][:6]:
            t = lines[i].text
            m = _page_date(t)
            if m and m.start() > 1:
                unit = t[: m.start()].strip()
                if ORG_SUFFIX.search(unit) and len(unit) <= 20 and " " not in unit:
                    issuer = ctx.mention(lines[i], 0, len(unit))
                    break
    if issuer is None:
        for ln in lines:
            m = AUTHOR_LINE.search(ln.text) if "作者" in ln.text else None
            if m and ORG_SUFFIX.search(m.group("v")):
                issuer = ctx.mention(ln, *m.span("v"))
                break
    for ln in lines:
        if not _BYLINE_ROLE_END.search(ln.text):  # (no role word: most lines)
            continue
        last_end = -1
        for m in BYLINE.finditer(ln.text):
            if m.start() == 0 or m.start() == last_end or ln.text[m.start() - 1] in " :：(（":
                byline.append(ctx.mention(ln, m.start(), m.end()))
                last_end = m.end()
    return issuer, tuple(byline)


def _page_date(t: str) -> re.Match | None:
    """``PAGE_DATE.search(t)``; every match holds 19 or 20."""
    return PAGE_DATE.search(t) if "20" in t or "19" in t else None


def _bulletin_date(ctx: _Ctx, title_idx) -> tuple[dt.date | None, Mention | None]:
    """The event date: the first date of the body, its year from the article itself."""
    lines = ctx.lines
    ref = None
    for ln in lines:
        m = _page_date(ln.text)
        if m:
            s = m.group(0)
            d = parse_full_date(s) or parse_full_date(re.sub(r"[/.]", "-", s))
            if d:
                ref = d
                break
    for i in ctx.content:
        if title_idx is not None and i <= title_idx:
            continue
        t = lines[i].text
        if len(t) < 40 and _page_date(t):
            continue
        m = _EVENT_DATE.search(t) if "月" in t else None
        if m and m.start() < 40:
            y = int(m["y"]) if m["y"] else (ref.year if ref else None)
            if y is None:
                return None, None
            try:
                d = dt.date(y, int(m["m"]), int(m["d"]))
            except ValueError:
                return None, None
            if not m["y"] and ref and d > ref + dt.timedelta(days=31):
                d = d.replace(year=y - 1)
            return d, ctx.mention(lines[i], m.start(), m.end())
        if len(t) >= 40:
            break
    return None, None


# ---------------------------------------------------------------- body
def _sections(ctx: _Ctx) -> list[Section]:
    lines = ctx.lines
    heads: list[tuple[int, int, str, int]] = []  # (level, line index, marker, offset in line)
    for i in ctx.content:
        t = lines[i].text
        first = t[:1]
        if (first in _CLOSER_FIRST or first.isdecimal()) and (ATTACH_HEAD.match(t) or CONTACT_NAMES.match(t) or is_date_line(t)):
            break  # the 附件说明, contacts and signature close the body
        for level, rx in _HEADINGS_BY_FIRST.get(first) or (_DIGIT_HEADINGS if first.isdecimal() else ()):
            m = rx.match(t)
            if m:
                heads.append((level, i, m.group(0), 0))
                break
        # 一是/二是 items inside a paragraph
        if "是" in t:  # (the pattern needs it: most lines are skipped here)
            for m in _INNER_ITEM.finditer(t):
                if m.start() > 0:
                    heads.append((5, i, m.group(1), m.start()))
    heads.sort(key=lambda h: (h[1], h[3]))
    view = ctx.view
    vtext = view.text
    end_all = lines[ctx.content[-1]].end if ctx.content else 0
    # A section ends where the next heading of its level or above starts.
    starts = [lines[i].start + off for _, i, _, off in heads]
    ends = [end_all] * len(heads)
    open_: list[int] = []  # sections not yet ended, their levels rising
    for n, h in enumerate(heads):
        while open_ and heads[open_[-1]][0] >= h[0]:
            ends[open_.pop()] = starts[n]
        open_.append(n)
    out: list[Section] = []
    stack: list[tuple[int, tuple[str, ...]]] = []  # (level, path) of the enclosing sections
    raw, origin = view.raw, view.origin
    for n, (level, i, marker, off) in enumerate(heads):
        start, end = starts[n], ends[n]
        text_end = max(start, end)  # the section's text, without white space at its end
        while text_end > start and vtext[text_end - 1].isspace():
            text_end -= 1
        line = lines[i]
        m = _HEADING_END.search(line.text, off)
        heading_len = min((m.start() if m else len(line.text)) - off, 60)
        rs, re_ = view.raw_span(start, end)
        if origin[line.end - 1] - rs == line.end - 1 - start:  # the line as read: marker and heading are slices
            marker = raw[rs:rs + len(marker)].strip()
            heading = raw[rs:rs + heading_len].strip()
        else:
            marker = view.value(start, start + len(marker))
            heading = view.value(start, start + heading_len)
        text = view.value(start, text_end)
        while stack and stack[-1][0] >= level:
            stack.pop()
        path = (stack[-1][1] if stack else ()) + (heading,)
        stack.append((level, path))
        out.append(Section(level=level, marker=marker, heading=heading, text=text, start=rs, end=re_, path=path))
    return out


# What a line that closes the body starts with (ATTACH_HEAD, CONTACT_NAMES, a date; or a digit).
_CLOSER_FIRST = frozenset("附联聯") | DATE_FIRST
# The HEADINGS patterns, in order, that can match a line starting with a character; digits
# (\d) take _DIGIT_HEADINGS.
_DIGIT_HEADINGS = tuple(h for h in HEADINGS if h[0] == 3)
_HEADINGS_BY_FIRST = {"(": tuple(h for h in HEADINGS if h[0] in (2, 4))} | dict.fromkeys(
    CN_NUM, tuple(h for h in HEADINGS if h[0] in (1, 5)))


def _attachments(ctx: _Ctx) -> list[Mention]:
    lines = ctx.lines
    out: list[Mention] = []
    seen = set()
    idx = ctx.content
    k = 0
    while k < len(idx):
        ln = lines[idx[k]]
        m = ATTACH_HEAD.match(ln.text) if ln.text[:1] == "附" else None
        if not m:
            k += 1
            continue
        rest = m.end()
        items: list[tuple[Line, int]] = []
        if ln.text[rest:].strip():
            items.append((ln, rest))
        j = k + 1
        while j < len(idx):
            nxt = lines[idx[j]]
            if ATTACH_ITEM.match(nxt.text) and len(nxt.text) <= 80 and not ends_sentence(nxt.text):
                items.append((nxt, 0))
                j += 1
                continue
            break
        for line, off in items:
            t = line.text
            a = off
            im = ATTACH_ITEM.match(t[a:])
            if im:
                a += im.end()
            b = len(t)
            while b > a and t[b - 1] in ";；,，。.、 ":
                b -= 1
            tm = TRAILING_DOCNO.search(t[a:b])
            if tm:
                b = a + tm.start()
            if t[a:a + 1] == "《" and t[b - 1:b] == "》":
                a, b = a + 1, b - 1
            if b - a < 2 or _is_sentence(t[a:b]):
                continue
            men = ctx.mention(line, a, b)
            if men.value not in seen:
                seen.add(men.value)
                out.append(men)
        k = j
    # 《X》(附件1) / 《X》(见附件2) in the body name attachments too
    for i in idx:
        ln = lines[i]
        if "附件" not in ln.text:  # (the pattern needs it)
            continue
        for m in _ATTACH_REF.finditer(ln.text):
            men = ctx.mention(ln, m.start(1), m.end(1))
            if men.value not in seen:
                seen.add(men.value)
                out.append(men)
    return out


def _is_sentence(s: str) -> bool:
    return "。" in s or len(s) > 80 or bool(re.match(r"^(?:见|详见|请|下载)", s))


def _contact_lines(ctx: _Ctx) -> set[int]:
    """Indexes of the lines that hold a hint of a contact: one search of the whole text
    instead of several of each line (lines are cut at white space, which no hint holds)."""
    starts = [ln.start for ln in ctx.lines]
    return {bisect.bisect_right(starts, m.start()) - 1 for m in _CONTACT_HINT.finditer(ctx.view.text)}


def _contacts(ctx: _Ctx) -> list[Contact]:
    lines = ctx.lines
    groups: list[dict] = []
    current: dict | None = None
    content = ctx.content
    for i in sorted(_contact_lines(ctx)):
        if i not in content:  # (page furniture)
            continue
        ln = lines[i]
        t = ln.text
        label_m = PHONE_LABEL.search(t)
        has_phone_label = label_m is not None
        names_m = CONTACT_NAMES.search(t) if "人" in t else None  # (every 联系人 label ends in 人)
        emails = list(EMAIL.finditer(t)) if "@" in t else []
        if not (names_m or has_phone_label or emails or _EMAIL_WORD.search(t)):
            continue
        events: list[tuple[int, str, str]] = []
        if names_m:
            for nm in _CNAME_RX.finditer(names_m.group("names")):
                name = nm.group(0)
                if name in NOT_NAME or name.endswith(("电话", "联系", "方式")):
                    continue
                a = names_m.start("names") + nm.start()
                events.append((a, "name", ctx.value(ln, a, a + len(name))))
        if has_phone_label:
            label_at = label_m.start()
            for pm in PHONE.finditer(t):
                if pm.start() < label_at:
                    continue
                # not a fax: look at the label right before
                before = t[max(0, pm.start() - 8):pm.start()]
                if "传真" in before and not PHONE_LABEL.search(before):
                    continue
                events.append((pm.start(), "phone", ctx.value(ln, pm.start(), pm.end())))
        for em in emails:
            events.append((em.start(), "email", ctx.value(ln, em.start(), em.end())))
        events.sort()
        for _, kind, value in events:
            if kind == "name":
                if current is None or current["phones"] or current["emails"] or current.get("closed"):
                    current = {"names": [], "phones": [], "emails": [], "first": ln.start}
                    groups.append(current)
                current["names"].append(value)
            else:
                if current is None:
                    current = {"names": [], "phones": [], "emails": [], "first": ln.start}
                    groups.append(current)
                key = "phones" if kind == "phone" else "emails"
                if value not in current[key]:
                    current[key].append(value)
        if current is not None and not names_m and "监督" in t:
            current["closed"] = True
    out: list[Contact] = []
    for g in groups:
        phone = "、".join(g["phones"]) or None
        email = "、".join(g["emails"]) or None
        first = ctx.view.origin[g["first"]] if g["first"] < len(ctx.view.origin) else 0
        if not g["names"]:
            if phone or email:
                out.append(Contact(name=None, phone=phone, email=email, first=first))
            continue
        for name in g["names"]:
            out.append(Contact(name=name, phone=phone, email=email, first=first))
    return out


def _cc(ctx: _Ctx) -> list[Mention]:
    lines = ctx.lines
    out = []
    for k, i in enumerate(ctx.content):
        ln = lines[i]
        m = _CC_HEAD.match(ln.text) if ln.text.startswith(("抄送", "抄报", "抄報")) else None
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
            for a, b in _split_groups(body, ",，、;；"):
                while b > a and body[b - 1] in "。. ":
                    b -= 1
                if b > a:
                    out.append(ctx.mention(line, off + a, off + b))
    return out


_DOC_TYPE_NAMES = sorted(list(DOC_TYPES_TRAD) + ["通知书", "通知", "意见", "决定", "通报", "公告", "通告", "报告", "请示", "批复", "纪要", "决议", "公报", "命令", "议案", "公示", "简报", "函"], key=len, reverse=True)


def _doc_type(title: str, text: str) -> str | None:
    t = re.sub(r"\s|[(（][^)）]{1,12}[)）]$", "", title)
    for name in _DOC_TYPE_NAMES:
        if t.endswith(name):
            name = DOC_TYPES_TRAD.get(name, name)
            return "通知" if name == "通知书" else name
    m = re.search(r"特此(通知|通报|公告|通告|函告|批复|决定)", text)
    if m:
        return {"函告": "函"}.get(m[1], m[1])
    if re.search(r"公示期|予以公示|现予公示|公示如下", text):
        return "公示"
    if re.search(r"通知如下|的通知》?精神|现通知", text):
        return "通知"
    return None
