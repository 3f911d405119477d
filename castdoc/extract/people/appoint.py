"""Posts given to a name after it, as appointment notices and bulletins write them:
任命韦振宇为市科协秘书长, 韦振宇同志任市科协副主席, 聘请廖雪芬为科普顾问, 免去韦振宇的市科协
秘书长职务. The post after 为/任/担任 (or 的 … 职务) is the person's role, one per 、-piece,
where every word of it can stand in a role (``roles.trim_left``)."""
from __future__ import annotations

import re

from .patterns import positions_at_end
from .reader import Reader
from .roles import trim_left
from .words import APPOINT_VERBS

# NAME(同志)? then 为/任/担任/兼任 …, or 的 … 职务 after 免去
_LINK = re.compile(r"(?:同志)?(?:担任|兼任|为|任|的)")
_POST_END = re.compile(r"职务|同志|[,，。;；:：\n)]|$")
_VERB_BEFORE = re.compile("(?:%s)$" % "|".join(APPOINT_VERBS))


def appointed(r: Reader) -> None:
    t = r.t
    for m in re.finditer("|".join(APPOINT_VERBS), t):
        if r.c.in_furniture(m.start()):
            continue
        _read_at(r, m.end(), vouched=True)
    for f in list(r.found.values()):
        i = t.find(f.name)
        while i >= 0:
            if not _VERB_BEFORE.search(t, 0, i):
                _read_at(r, i, vouched=False, name_end=i + len(f.name))
            i = t.find(f.name, i + len(f.name))


def _read_at(r: Reader, i: int, vouched: bool, name_end: int | None = None) -> None:
    t = r.t
    if name_end is None:
        hit = r.name_at(i, strong=True, min_strength=1)
        if not hit:
            return
        name_end = hit[0]
    link = _LINK.match(t, name_end)
    if not link:
        return
    word = link.group(0)
    a = link.end()
    stop = _POST_END.search(t, a, min(len(t), a + 40))
    if not stop or stop.start() <= a:
        return
    b = stop.start()
    if word.endswith("的") and not t.startswith("职务", b):
        return  # 韦振宇的讲话: no post
    if word.endswith("为") and not vouched:
        return  # 韦振宇为大家讲解: 为 after a name found elsewhere needs an appointment verb
    pieces = []
    x = a
    while True:
        y = t.find("、", x, b)
        pieces.append((x, y if y >= 0 else b))
        if y < 0:
            break
        x = y + 1
    roles = []
    for x, y in pieces:
        if y - x < 2 or not positions_at_end().search(t[x:y]) or trim_left(t, x, y) != x:
            return  # not a post all through: 为群众讲解, 任务
        roles.append((x, y))
    if vouched or t[i:name_end] in r.found:
        r.add(i, name_end, roles)
