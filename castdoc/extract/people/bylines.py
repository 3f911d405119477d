"""People a document names outside its running text: bylines (记者 胡宇芬, 作者:市科协办公室
许燕, (姚勇)) and labelled fields (联系人:邓洪军、袁宾; 签发人:张三)."""
from __future__ import annotations

import re

from .cues import BYLINE_ROLE, PUNCT
from .reader import Reader
from .words import BYLINE_PAPERS, CONTACT_LABEL, LABELLED, NO_ROLE_BYLINES, ORG_END

_BYLINE_PARENS = re.compile(r"\(([^()\n]{2,40})\)")
_SIGNATURE = re.compile(r"\(([^()\n]{2,4})\)\s*$")


def bylines(r: Reader) -> None:
    """Bylines: a short line or a bracket with a byline role (记者 胡宇芬, (作者:许燕)), and a
    closing signature (…。(姚勇))."""
    t = r.t
    pos = 0
    for line in t.split("\n"):
        a, b = pos, pos + len(line)
        pos = b + 1
        parts = []
        if len(line) <= 60:
            parts.append((a, b))
        for m in _BYLINE_PARENS.finditer(line):
            if BYLINE_ROLE.search(m.group(1)):
                parts.append((a + m.start(1), a + m.end(1)))
        for x, y in parts:
            byline_part(r, x, y)
        # a closing signature in parentheses: ...。(姚勇)
        m = _SIGNATURE.search(line)
        if m and (m.start() == 0 or line[m.start() - 1] in "。!?”"):
            i, e = a + m.start(1), a + m.end(1)
            hit = r.name_at(i, strong=True, min_strength=3)
            if hit and hit[0] == e:
                r.add(i, e, source="byline")

def byline_part(r: Reader, a: int, b: int) -> None:
    t = r.t
    marks = list(BYLINE_ROLE.finditer(t, a, b))
    if not marks:
        return
    if marks[0].start() != a and t[marks[0].start() - 1] not in PUNCT and marks[0].start() not in r.c.gaps:
        if not t[a:marks[0].start()].endswith(BYLINE_PAPERS):
            return
    for k, m in enumerate(marks):
        role = m.group("role")
        end = marks[k + 1].start() if k + 1 < len(marks) else b
        # the role as written (審核, not the folded 审核): its span in the clean text
        roles = [] if role in NO_ROLE_BYLINES else [m.span("role")]
        names_in(r, m.end(), end, (), "byline", roles)

def names_in(r: Reader, a: int, b: int, plain_roles, source: str, roles=()) -> None:
    """Names listed in t[a:b] (after an optional unit: 市科协办公室 许燕), 、/space-separated;
    ``roles`` are clean spans, ``plain_roles`` strings."""
    t = r.t
    j = a
    while j < b:
        ok_start = j == a or t[j - 1] in "、,/ " or j in r.c.gaps or t[j - 1] in ORG_END
        hit = r.name_at(j, strong=True, min_strength=2) if ok_start else None
        if hit and hit[0] <= b:
            e = hit[0]
            r.add(j, e, roles, plain_roles=plain_roles, source=source)
            j = e
            while j < b and t[j] in "、,/ ":
                j += 1
            continue
        if t[j].isascii() and t[j].isalnum():
            return  # a phone number or an address: the names are over
        j += 1

def contacts(r: Reader) -> None:
    """Labelled names: 联系人:邓洪军、袁宾; 签发人:张三; 主持人:李娜 (the label is the role)."""
    t = r.t
    for m in LABELLED.finditer(t):
        if m.start() and t[m.start() - 1] not in PUNCT and m.start() not in r.c.gaps:
            if m.group("label") != CONTACT_LABEL:
                continue  # a label opens a line or a field; 发展规划处联系人 still counts
        e = m.end()
        stop = e
        while stop < len(t) and stop - e < 30 and t[stop] != "\n":
            stop += 1
        label = m.group("label")
        if label == CONTACT_LABEL:
            names_in(r, e, stop, (), "contact")
        else:
            names_in(r, e, stop, (), "text", [m.span("label")])
