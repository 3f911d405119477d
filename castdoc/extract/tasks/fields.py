"""A task's fields beyond its text, actor and deadline: the detail that runs on after it,
what is to be sent in, whom to ask, where it stands in the notice; and its text as read."""
from __future__ import annotations

import hashlib
import re
import unicodedata

from ...types import Mention
from .candidate import Candidate
from .cues import SUBMIT
from .paragraphs import Paragraph
from .words import ENUMERATED, NEXT_ENUMERATED

DETAIL_MAX = 1000  # characters of an item kept as a task's detail
DELIVERABLES = re.compile(
    r"回执|回執|报名表|報名表|申报表|申報表|推荐表|推薦表|汇总表|匯總表|信息表|反馈表|反饋表|审议单|審議單|提名表|名单|名單|"
    r"汇报材料|匯報材料|申报材料|申報材料|推荐材料|推薦材料|总结|總結|报告|報告|论文|論文|作品|方案|电子版|電子版|材料"
)
_TITLED_FORM = re.compile(r"《([^《》]{2,40}(?:表|单|單|书|書|报告|報告|总结|總結|材料|名单|名單))》")
_SPACES = re.compile(r"\s+")


def task_id(sha256: str, article: int, text: str) -> str:
    """Stable across runs: the same task of the same file keeps its id."""
    norm = _SPACES.sub("", unicodedata.normalize("NFKC", text))
    return hashlib.sha256(f"{sha256}\x1f{article}\x1f{norm}".encode("utf-8")).hexdigest()[:12]


def detail(doc, c: Candidate, next_start: int | None, para: Paragraph) -> str | None:
    """The rest of the task's sentence; for a numbered item, the rest of the item (up to
    the next task, ``next_start``)."""
    text = doc.view.text
    start = c.end
    while start < len(text) and text[start] in ",;。 ":
        start += 1
    is_item = bool(para.marker) or bool(ENUMERATED.match(text, c.start, c.start + 3))
    end = min(para.end, start + DETAIL_MAX) if is_item else c.sentence.end
    if is_item:
        nxt = NEXT_ENUMERATED.search(text[start:end])  # (a slice: the look-behind stops at start)
        if nxt:
            end = start + nxt.start()
    if next_start is not None and next_start >= start:
        end = min(end, next_start)
    if end - start < 4:
        return None
    return as_read(doc, start, end).value or None


def deliverable(value: str) -> str | None:
    """The form or material a reporting task sends in (《…表》 first, else a word for one)."""
    if not SUBMIT.search(value):
        return None
    m = _TITLED_FORM.search(value)
    if m:
        return m.group(1)
    m = DELIVERABLES.search(value)
    return m.group(0) if m else None


def contact(found_contacts, raw_pos: int) -> str | None:
    """The contact named after the task (else the last one named): a name, else a number."""
    contacts = [c for c in found_contacts if c.name] or [c for c in found_contacts if c.phone or c.email]
    if not contacts:
        return None
    after = [c for c in contacts if c.first >= raw_pos]
    c = min(after, key=lambda c: c.first) if after else max(contacts, key=lambda c: c.first)
    return c.name or c.phone or c.email


def section(doc, raw_pos: int, para: tuple[int, int]) -> tuple[str, ...]:
    """The heading path above the task; the task's own numbered item shows as its marker."""
    para_start = para[0]
    best = None
    for s in doc.structure.sections:
        if s.level == 5 and not para[0] <= s.start < para[1]:
            continue  # 一是… inside another paragraph does not govern this one
        if s.start <= raw_pos < s.end and (best is None or s.start >= best.start):
            best = s
    if best is None:
        return ()
    path = tuple(best.path)
    if path and best.start in (para_start, raw_pos):
        path = path[:-1] + (best.marker.strip(),)
    return path


def as_read(doc, a: int, b: int) -> Mention:
    """The text as read behind view[a:b], edge punctuation and soft line joins taken out:
    ``value`` reads as one piece, ``start``/``end``/``text`` are the raw slice it spans."""
    view = doc.view
    text = view.text
    while a < b and text[a] in " ,":
        a += 1
    while b > a and text[b - 1] in " ,。;":
        b -= 1
    parts = []
    pos = a
    while pos < b:
        nl = text.find("\n", pos, b)
        end = b if nl < 0 else nl
        if end > pos:
            parts.append(view.mention(pos, end).value)
        pos = end + 1
    rs, re_ = view.raw_span(a, b)
    return Mention(start=rs, end=re_, text=view.raw[rs:re_], value="".join(parts).strip())
