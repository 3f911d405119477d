"""The 附件说明: numbered 1. 2. …, no punctuation after a name, 附件： with a full-width
colon, and the same names as the attachments' own titles (CD150-CD153)."""
from __future__ import annotations

import re
from dataclasses import dataclass

from ...lines import COLOPHON, LABEL, Line
from ...vocab import ATTACH_BODY, ATTACH_NOTE, ATTACH_NOTE_ITEM
from .. import ERA_2012
from .context import Ctx, is_attach_note

NAME_PUNCT = "。.，,；;、：:！!？?"


@dataclass(frozen=True)
class AttachItem:
    number: int | None
    name: str
    line: Line
    name_start: int  # view offset
    name_end: int
    mark: str | None


def attachment_note(c: Ctx) -> tuple[Line | None, list[AttachItem]]:
    stop = c.signature_raw()
    lines = c.lines
    for k, ln in enumerate(lines):
        if k < c.doc.structure.head_lines or c.raw_of(ln.start) >= stop:
            continue
        m = ATTACH_NOTE.match(ln.text)
        if not m or not is_attach_note(ln.text):
            continue
        items = [_item(c, ln, ln.start + m.start("rest"))] if m["rest"] else []
        for nxt in lines[k + 1:]:
            if c.raw_of(nxt.start) >= stop or len(nxt.text) > 60 or LABEL.match(nxt.text) or COLOPHON.match(nxt.text):
                break
            if not ATTACH_NOTE_ITEM.match(nxt.text) and (nxt.text.endswith(("。", ":")) or stop >= len(c.raw)):
                break  # a sentence, or no signature to bound the list: only numbered lines continue it
            items.append(_item(c, nxt, nxt.start))
        return ln, items
    return None, []


def _item(c: Ctx, ln: Line, start: int) -> AttachItem:
    t = c.view.text[start:ln.end]
    m = ATTACH_NOTE_ITEM.match(t)
    if m:
        mark = c.raw_at(start + m.start("mark")) if m["mark"] else None
        return AttachItem(number=int(m["n"]), name=c.raw_text(start + m.end(), ln.end), line=ln,
                          name_start=start + m.end(), name_end=ln.end, mark=mark)
    return AttachItem(number=None, name=c.raw_text(start, ln.end), line=ln, name_start=start, name_end=ln.end, mark=None)


def attachment_bodies(c: Ctx) -> list[tuple[int | None, str, Line]]:
    """(number, title, line) of each attachment printed after the signature."""
    stop = c.signature_raw()
    out = []
    lines = c.lines
    for k, ln in enumerate(lines):
        if c.raw_of(ln.start) < stop:
            continue
        m = ATTACH_BODY.match(ln.text)
        if not m:
            continue
        title = m["title"].strip()
        if title and (ATTACH_NOTE_ITEM.match(title) or len(title) > 60):
            continue
        if not title and k + 1 < len(lines):
            title = lines[k + 1].text
        out.append((int(m["n"]) if m["n"] else None, title, ln))
    return out


def _same_name(a: str, b: str) -> bool:
    def norm(s: str) -> str:
        return re.sub(r"[\s《》“”\"'。.，,；;:：、]", "", s)

    return norm(a) == norm(b)


def check_attachments(c: Ctx) -> None:
    head, items = attachment_note(c)
    if head is None:
        return
    colon_m = ATTACH_NOTE.match(head.text)
    if colon_m["colon"] is None:
        c.add("CD152", head.start + 1, "附件 is not followed by a colon", "write 附件：")
    elif c.raw_at(head.start + colon_m.start("colon")) != "：":
        c.add("CD152", head.start + colon_m.start("colon"), "附件 is followed by a half-width colon",
              "write 附件： (full-width ：)")
    if len(items) > 1:
        for n, it in enumerate(items, 1):
            if it.number is None:
                c.add("CD150", it.name_start, f"attachment {it.name} has no number; several attachments are numbered",
                      f"write {n}.{it.name}")
            elif it.number != n:
                c.add("CD150", it.name_start, f"attachment {it.name} is numbered {it.number}, expected {n}",
                      "number attachments 1. 2. 3. in order")
            elif it.mark not in (".", "．") or (it.mark == "．" and c.era == ERA_2012):
                c.add("CD150", it.name_start - 1,
                      f"attachment number {it.number}{it.mark or ''} takes a half-width full stop",
                      f"write {it.number}.{it.name}")
    for it in items:
        last = c.raw_at(it.name_end - 1) if it.name_end > it.name_start else ""
        if last and last in NAME_PUNCT:
            c.add("CD151", it.name_end - 1, f"attachment name {it.name} ends with {last}",
                  "no punctuation after an attachment name")
    bodies = attachment_bodies(c)
    if not bodies:
        return
    for n, it in enumerate(items, 1):
        num = it.number or n
        match = [b for b in bodies if (b[0] or (1 if len(bodies) == 1 else None)) == num]
        if not match:
            c.add("CD153", it.name_start, f"附件说明 lists {num}. {it.name}, but no 附件{num} follows the document",
                  "make the 附件说明 and the attachments agree")
            continue
        _, title, ln = match[0]
        name = re.sub(r"[" + re.escape(NAME_PUNCT) + r"]+$", "", it.name)
        if title and not _same_name(name, title):
            c.add("CD153", ln.start, f"附件{num} is titled {title}, but the 附件说明 lists it as {name}",
                  "use the same title in both places")
