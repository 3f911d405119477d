"""The tail of a notice: the 署名 (issuer) and 成文日期 above the 版记."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace
from typing import Iterator

from ..datefmt import FULL_DATE, match_to_date, parse_full_date
from ..lines import ends_sentence, has_title_end, is_colophon, is_date_line, is_title_like
from ..types import Mention
from ..vocab import ATTACH_ITEM, ORG_SUFFIX, PHONE
from .context import Context
from .dates import compact_date, cut_date


@dataclass(frozen=True, slots=True)
class Signature:
    issuer: Mention | None  # the 署名 line right above the date, when it reads like a unit
    date: dt.date
    date_mention: Mention


def signature(ctx: Context) -> Signature | None:
    lines = ctx.lines
    body_at = next((i for i in ctx.content if len(lines[i].text) >= 40 or ends_sentence(lines[i].text)
                    or lines[i].text.endswith(":")), None)
    if body_at is None:
        return None
    for i in _tail(ctx, body_at, 12):
        t = lines[i].text
        if is_date_line(t) or (t[:1] == "2" and t.isdigit() and compact_date(t)):
            d = parse_full_date(t) or cut_date(t) or compact_date(t)
            if not d:
                continue
            dm = ctx.mention(lines[i])
            issuer = None
            prev = ctx.before(i)
            if prev is not None and signer_like(lines[prev].text):
                issuer = _joint(ctx, prev, body_at)
            return Signature(issuer, d, dm)
        # "河南省科协办公室 2018年4月23日" on one line
        if "日" not in t[-2:] and "号" not in t[-2:]:  # (where such a date ends)
            continue
        m = FULL_DATE.search(t)
        if m and m.group("y") and m.end() >= len(t) - 1 and m.start() > 0 and signer_like(t[: m.start()].strip()) and "印发" not in t:
            d = match_to_date(m)
            if d:
                a = m.start()
                while a > 0 and t[a - 1] == " ":
                    a -= 1
                return Signature(ctx.mention(lines[i], 0, a), d, ctx.mention(lines[i], m.start(), m.end()))
    return _flat_signature(ctx, body_at) or _signed_block(ctx, body_at)


_PIECES = re.compile(r"[?？\s。;；:：]+")  # what a flattened block's pieces are padded with
_AFTER_DATE = re.compile(r"\s*(?:[(（][^()（）]{0,20}[)）])?\s*$|\s*(?:联系人|联系电话|电话|联系方式|地址|邮箱)")


def _flat_signature(ctx: Context, body_at: int) -> Signature | None:
    """署名 and 成文日期 run into one line with what stood around them: "…特此通知。  某某司
    2022年5月6日(此件主动公开)", or the unit, the date and the contact lines of a pasted page."""
    lines = ctx.lines
    for i in _tail(ctx, body_at, 12):
        t = lines[i].text
        if "年" not in t or "印" in t:
            continue
        for m in FULL_DATE.finditer(t):
            if not m.group("y") or not _AFTER_DATE.match(t, m.end()):
                continue
            d = match_to_date(m)
            before = t[: m.start()]
            pieces = [p for p in _PIECES.split(before) if p]
            if not d or not pieces:
                continue
            unit = pieces[-1]
            if ORG_SUFFIX.search(unit) and signer_like(unit) and len(unit) <= 30:
                a = before.rfind(unit)
                return Signature(ctx.mention(lines[i], a, a + len(unit)), d, ctx.mention(lines[i], m.start(), m.end()))
    return None


def _signed_block(ctx: Context, body_at: int) -> Signature | None:
    """A signature higher up, over an unlabelled list (名单, 名录) that follows the notice:
    a unit and a date on their own lines, and after them only short lines, no sentence."""
    lines = ctx.lines
    for i in _tail(ctx, body_at, 60):
        t = lines[i].text
        if ends_sentence(t) or len(t) > 60:
            return None  # prose after it: what stands above is the body, not a signature
        if is_date_line(t):
            d = parse_full_date(t) or cut_date(t)
            prev = ctx.before(i)
            if d and prev is not None and signer_like(lines[prev].text):
                return Signature(ctx.mention(lines[prev]), d, ctx.mention(lines[i]))
    return None


JOINT_MAX = 4  # units signing one notice on lines of their own


def _joint(ctx: Context, last: int, body_at: int) -> Mention:
    """The 署名 ending on line ``last``, with the units signed above it on lines of their
    own (联合行文: 某市科学技术局 / 某市教育局 / date), joined by a space as on one line."""
    lines = ctx.lines
    first = last
    for _ in range(JOINT_MAX - 1):
        up = ctx.before(first)
        if up is None or up <= body_at:
            break
        t = lines[up].text
        if not (signer_like(t) and len(t) <= 30 and ORG_SUFFIX.search(t) and ORG_SUFFIX.search(lines[first].text)):
            break
        first = up
    if first == last:
        return ctx.mention(lines[last])
    m = ctx.view.mention(lines[first].start, lines[last].end)
    return replace(m, value=" ".join(ctx.value(lines[k]) for k in ctx.content if first <= k <= last))


def _tail(ctx: Context, after: int, n: int) -> Iterator[int]:
    """The last ``n`` content lines after line ``after``, leaving the 版记 out; last first."""
    for i in reversed(ctx.content):
        if i <= after or n == 0:
            return
        if not is_colophon(ctx.lines[i].text):
            n -= 1
            yield i


def signer_like(t: str) -> bool:
    return (
        2 <= len(t) <= 40
        and is_title_like(t)
        and not t.startswith(("特此", "此致", "附"))
        and ":" not in t
        and not PHONE.search(t)
        and not has_title_end(t)
        and not ATTACH_ITEM.match(t)
    )
