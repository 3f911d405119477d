"""Contacts: the 联系人 of a notice with their phones and e-mail addresses.

Labels group what follows them: names open a group, the phones and addresses after them
join it, and the next name after a phone opens the next group (联系人:张伟 电话:… 联系人:
李娜 …). Each name of a group gets the group's phones and addresses; a group without a
name (咨询电话:…) still gives one contact.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from ..structure.context import Context
from ._tokens import _PINYIN
from ..types import Contact, Mention
from ..vocab import CONTACT_HINT, CONTACT_NAME, CONTACT_NAMES, CONTACT_WORDS, EMAIL, EMAIL_WORD, NOT_NAME, PHONE, PHONE_LABEL, SITE_BLOCK, SITE_CONTACT_BOX

_CONTACT_NAME = re.compile(CONTACT_NAME)
_CONTACT_WORD = re.compile(CONTACT_WORDS)


@dataclass(slots=True)
class _Group:
    first: int  # view offset of the line that opened the group
    names: list[Mention] = field(default_factory=list)
    phones: list[str] = field(default_factory=list)
    emails: list[str] = field(default_factory=list)
    first_value: Mention | None = None  # the group's first phone or address
    closed: bool = False  # a 监督电话 line ends the group: no name joins it


def extract(doc, found) -> tuple[Contact, ...]:
    ctx = Context(doc.view)
    groups: list[_Group] = []
    current: _Group | None = None
    lines = ctx.lines
    content = ctx.content
    site = _site_lines(ctx)
    for i in sorted(_hint_lines(ctx)):
        if i not in content or i in site:  # (page furniture, a site's header or footer)
            continue
        ln = lines[i]
        t = ln.text
        # labels and names are read with pinyin glosses out (電(diàn)話(huà) is 電話);
        # ``back`` takes a position there to the line as written
        u, back = _unglossed(t)
        label_m = PHONE_LABEL.search(u)
        names_m = CONTACT_NAMES.search(u) if "人" in u else None  # (every 联系人 label ends in 人)
        emails = list(EMAIL.finditer(t)) if "@" in t else []
        # phones after a phone label, or after a contact label (联系人:张伟 0571-8765432,
        # 联系人:省科协学会部 李晓明 13800138000)
        contact_m = names_m or (_CONTACT_WORD.search(u) if "人" in u else None)
        if not (contact_m or label_m or emails or EMAIL_WORD.search(u)):
            continue
        events: list[tuple[int, str, Mention]] = []
        if names_m:
            for nm in _CONTACT_NAME.finditer(names_m.group("names")):
                name = nm.group(0)
                if name in NOT_NAME or name.endswith(("电话", "联系", "方式")):
                    continue
                a = names_m.start("names") + nm.start()
                events.append((back[a], "name", ctx.mention(ln, back[a], back[a + len(name) - 1] + 1)))
        phones_from = min((back[m.start()] for m in (label_m, contact_m) if m is not None), default=None)
        if phones_from is not None:
            inside = [(em.start(), em.end()) for em in emails]
            for pm in PHONE.finditer(t):
                if pm.start() < phones_from or any(a <= pm.start() < b for a, b in inside):
                    continue  # (the digits of an e-mail address are no phone)
                if _fax(u, bisect.bisect_left(back, pm.start())):
                    continue
                events.append((pm.start(), "phone", ctx.mention(ln, pm.start(), pm.end())))
        for em in emails:
            events.append((em.start(), "email", ctx.mention(ln, em.start(), em.end())))
        events.sort(key=lambda e: (e[0], e[1], e[2].value))
        for _, kind, men in events:
            if kind == "name":
                if current is None or current.phones or current.emails or current.closed:
                    current = _Group(first=ln.start)
                    groups.append(current)
                current.names.append(men)
                continue
            if current is None:
                current = _Group(first=ln.start)
                groups.append(current)
            values = current.phones if kind == "phone" else current.emails
            if men.value not in values:
                values.append(men.value)
                if current.first_value is None:
                    current.first_value = men
        if current is not None and not names_m and "监督" in t:
            current.closed = True
    return tuple(c for g in groups for c in _contacts(g, ctx))


SITE_REACH = 2  # filled lines a site mark reaches: a line between two of them is the site's
_BOX_LABEL = re.compile(r"^(?:联系人|聯繫人|电话|電話|传真|傳真|邮编|郵編|邮政编码|郵政編碼|网址|網址|地址|邮箱|郵箱|E-?mail)", re.I)


def _site_lines(ctx: Context) -> set[int]:
    """The lines of a web site's own header or footer: a SITE_BLOCK line (主办, ICP,
    违法和不良信息举报电话), a line between two of them (the site's mailbox), and the label
    lines of a 联系我们 box."""
    lines = ctx.lines
    filled = [i for i, ln in enumerate(lines) if ln.text.strip()]
    marks = [k for k, i in enumerate(filled) if SITE_BLOCK.search(lines[i].text.strip())]
    out = {filled[k] for k in marks}
    for x, y in zip(marks, marks[1:]):
        if y - x <= SITE_REACH + 1:
            out.update(filled[x:y])
    for k, i in enumerate(filled):
        if SITE_CONTACT_BOX.match(lines[i].text.strip()):
            for j in filled[k + 1:]:
                if not _BOX_LABEL.match(lines[j].text.strip()):
                    break
                out.add(j)
    return out


def _unglossed(t: str) -> tuple[str, list[int]]:
    """``t`` without its pinyin glosses, and for each of its characters (and its end) the
    position in ``t``; a line with no gloss is its own."""
    if "(" not in t:
        return t, list(range(len(t) + 1))
    keep = []
    pos = 0
    for m in _PINYIN.finditer(t):
        keep.extend(range(pos, m.start()))
        pos = m.end()
    keep.extend(range(pos, len(t)))
    return "".join(t[k] for k in keep), keep + [len(t)]


def _fax(t: str, pos: int) -> bool:
    """The number at ``pos`` is a fax's: the last label before it names one (传真, 传真号码)."""
    before = t[max(0, pos - 12):pos]
    k = max(before.rfind("传真"), before.rfind("傳真"))
    if k < 0 or before[k - 1:k] in ("/", "、") or before[k + 2:k + 3] in ("/", "、"):
        return False  # 电话/传真: the number serves both
    last = None
    for last in PHONE_LABEL.finditer(before):
        pass
    return last is None or last.start() < k


def _contacts(g: _Group, ctx: Context) -> list[Contact]:
    phone = "、".join(g.phones) or None
    email = "、".join(g.emails) or None
    origin = ctx.view.origin
    first = origin[g.first] if g.first < len(origin) else 0
    if not g.names:
        if phone or email:
            return [Contact(name=None, phone=phone, email=email, first=first, mention=g.first_value)]
        return []
    return [Contact(name=n.value, phone=phone, email=email, first=first, mention=n) for n in g.names]


def _hint_lines(ctx: Context) -> set[int]:
    """Indexes of the lines that hold a hint of a contact: one search of the whole text
    instead of several of each line (lines are cut at white space, which no hint holds)."""
    starts = [ln.start for ln in ctx.lines]
    out = {bisect.bisect_right(starts, m.start()) - 1 for m in CONTACT_HINT.finditer(ctx.view.text)}
    # a label broken by pinyin glosses (電(diàn)話(huà)) is a hint once they are out
    glossed = {bisect.bisect_right(starts, m.start()) - 1 for m in _PINYIN.finditer(ctx.view.text)}
    out.update(i for i in glossed - out if CONTACT_HINT.search(_unglossed(ctx.lines[i].text)[0]))
    return out
