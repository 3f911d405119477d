"""The title names one of the 15 kinds, once (CD120-CD122)."""
from __future__ import annotations

import re

from ...vocab import KIND_END, NON_KIND_END, NON_KINDS_OWN, TRAILING_NOTE
from .context import Ctx


def title_kind(title: str) -> tuple[str | None, str | None]:
    """(the statutory kind the title ends with, the non-kind it ends with)."""
    t = re.sub(r"\s", "", title)
    t = TRAILING_NOTE.sub("", t)
    m = KIND_END.search(t)
    if m:
        return m.group(0), None
    n = NON_KIND_END.search(t)
    return None, (n.group(0) if n else None)


def stacked_kinds(title: str) -> tuple[str, str] | None:
    t = TRAILING_NOTE.sub("", re.sub(r"\s", "", title))
    m = KIND_END.search(t)
    if not m:
        return None
    rest = t[: m.start()]
    if rest.endswith("征求意见"):  # 征求意见函: 意见 is the object of 征求, not a kind
        return None
    m2 = KIND_END.search(rest)
    if m2 and not (m.group(0) == "令" and rest.endswith("命")):
        return m2.group(0), m.group(0)
    return None


def check_title(c: Ctx) -> None:
    st = c.doc.structure
    if st.title is None:
        return
    title = st.title.value
    kind, non_kind = title_kind(title)
    at = st.title.start
    if kind is None and non_kind is not None:
        if non_kind in NON_KINDS_OWN:
            hint = "name one of the 15 kinds of 条例 第八条 (usually 公告 or 通知)"
        else:
            hint = f"issue it under a 通知: 关于印发《…{non_kind}》的通知"
        c.add("CD121", None, f"title {title} ends with {non_kind}, which is not one of the 15 document kinds",
              hint, raw_offset=at)
    elif kind is None:
        c.add("CD120", None, f"title {title} names none of the 15 document kinds",
              "end it with the kind: 决议 决定 命令（令） 公报 公告 通告 意见 通知 通报 报告 请示 批复 议案 函 纪要",
              raw_offset=at)
    else:
        s = stacked_kinds(title)
        if s:
            c.add("CD122", None, f"title {title} stacks two kinds ({s[0]}{s[1]})",
                  f"use one kind: {s[0]} or {s[1]}", raw_offset=at)
