"""Who a news bulletin is from: its source line (来源:…), the unit in brackets at its end,
the unit before the page's date, the author line; and its byline (记者 王强)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..types import Mention
from ..lines import is_dateline
from ..vocab import AUTHOR_LINE, BYLINE_ROLES_RE, DATELINE, ORG_SUFFIX, SOURCE_LINE
from .context import Context
from .dates import page_date

NAME = r"[\u4e00-\u9fff·]{2,4}"
_NAMES = re.compile(NAME + r"(?:[、\s]" + NAME + ")*")
_BYNAME = rf"[\u4e00-\u9fff·]{{2,4}}?(?=\s|$|[,，、)）/]|{BYLINE_ROLES_RE})"
BYLINE = re.compile(
    rf"(?P<role>{BYLINE_ROLES_RE})\s*[:：]?\s*(?P<names>{_BYNAME}(?:\s*[、\s]\s*{_BYNAME})*)"
)
# The last characters of the roles: a line holding none has no byline (most lines).
_BYLINE_ROLE_END = re.compile("[" + "".join(sorted({r[-1] for r in BYLINE_ROLES_RE.split("|")})) + "]")
_PAREN_LINE = re.compile(r"[(（]([^()（）]{2,30})[)）]")  # (省科协科普部): who sent a bulletin in
_PAREN_END = re.compile(r"[(（]([^()（）]{2,30}?)(?:供稿)?[)）]$")
_ACCOUNT_ID = re.compile(r"[A-Za-z0-9_]{6,}(?=[\u4e00-\u9fff])")


@dataclass(frozen=True, slots=True)
class BulletinSource:
    issuer: Mention | None
    byline: tuple[Mention, ...]


def bulletin_source(ctx: Context) -> BulletinSource:
    issuer = _source_line(ctx)
    byline: list[Mention] = []
    lines = ctx.lines
    for i in reversed(ctx.content[-4:]):
        t = lines[i].text
        m = _PAREN_LINE.fullmatch(t) or _PAREN_END.search(t)
        if m:
            a = m.start(1)
            piece = m.group(1).removesuffix("供稿")
            if ORG_SUFFIX.search(piece) and issuer is None:
                issuer = ctx.mention(lines[i], a, a + len(piece))
            elif _NAMES.fullmatch(piece):
                byline.append(ctx.mention(lines[i], a, a + len(piece)))
            break
    if issuer is None:
        issuer = _unit_after_dateline(ctx)
    if issuer is None:
        issuer = _unit_before_page_date(ctx)
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
    return BulletinSource(issuer, tuple(byline))


def _source_line(ctx: Context) -> Mention | None:
    """来源:山东科协; the first such line counts."""
    issuer = None
    for ln in ctx.lines:
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
            idm = _ACCOUNT_ID.match(ln.text[a:b])
            if idm:
                a += idm.end()
            issuer = ctx.mention(ln, a, b)
    return issuer


def _unit_after_dateline(ctx: Context) -> Mention | None:
    """本报讯(省科协科普部) 近日,…: the unit in brackets right after the dateline."""
    for i in ctx.content[:8]:
        ln = ctx.lines[i]
        m = DATELINE.match(ln.text) if is_dateline(ln.text) else None
        if not m:
            continue
        p = _PAREN_LINE.match(ln.text, m.end()) or _PAREN_LINE.match(ln.text, m.end() + (ln.text[m.end():m.end() + 1] == " "))
        if p and ORG_SUFFIX.search(p.group(1)) and not BYLINE.match(p.group(1)):
            return ctx.mention(ln, *p.span(1))
        return None
    return None


def _unit_before_page_date(ctx: Context) -> Mention | None:
    """某市科协 2024-06-03: the unit a page prints before its date, in the first lines or
    in the page furniture."""
    lines = ctx.lines
    content = set(ctx.content)
    for i in ctx.content[:4] + [k for k in range(len(lines)) if k not in content][:6]:
        t = lines[i].text
        m = page_date(t)
        if m and m.start() > 1:
            unit = t[: m.start()].strip()
            if ORG_SUFFIX.search(unit) and len(unit) <= 20 and " " not in unit:
                return ctx.mention(lines[i], 0, len(unit))
    return None
