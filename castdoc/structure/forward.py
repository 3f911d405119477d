"""Forwarded notices: what a 转发…的通知 forwards, and the two records linked in a batch.

Why: a 科协 passes most notices from above down with a short cover notice, and both land
in one inbox. Read apart, the cover's record says nothing of the notice it carries and the
same duties are listed twice; read together, ``forwards`` names the forwarded document
(title, 发文字号, issuer as written) and, where the batch holds it, its path; a duty both
state is one row naming both documents.
"""
from __future__ import annotations

import re
from dataclasses import replace
from typing import Iterable

from ..types import Forward, Record
from ..vocab import DOC_NUMBER
from ..vocab.forward import BODY, FORWARD_WORD, ISSUER_BEFORE, TITLE_BARE, TITLE_QUOTED


def read_forward(title: str | None, text: str, *, own_number: str | None = None) -> Forward | None:
    """What the document forwards, or None when it forwards nothing (no 转发 in its title,
    no 现将《…》转发 sentence in its text)."""
    title = (title or "").strip()
    body = BODY.search(text)
    if FORWARD_WORD not in title and body is None:
        return None
    fwd_title = issuer = number = None
    m = TITLE_QUOTED.search(title) if title else None
    if m:
        fwd_title, issuer = m.group("title"), _clean(m.group("issuer"))
    elif title and (b := TITLE_BARE.search(title)):
        fwd_title = b.group("title")
    if body is not None:
        fwd_title = fwd_title or body.group("title")
        issuer = issuer or _clean(body.group("issuer"))
        if body.group("num") and DOC_NUMBER.search(body.group("num")):
            number = DOC_NUMBER.search(body.group("num")).group(0)
    if fwd_title is None:
        return None
    if number is None:  # a 发文字号 in the forwarded title's brackets, or near the sentence
        near = text[body.start():body.end() + 60] if body else ""
        for n in DOC_NUMBER.finditer(fwd_title + " " + near):
            if n.group(0) != own_number:
                number = n.group(0)
                break
    if issuer is None and (i := ISSUER_BEFORE.match(fwd_title)):
        issuer = i.group("issuer")
    return Forward(title=fwd_title, doc_number=number, issuer=issuer)


def _clean(s: str | None) -> str | None:
    s = (s or "").strip(" 的")
    return s or None


# ---------------------------------------------------------------- linking
_NOISE = re.compile(r"[\s“”\"'《》()〔〕\[\]【】,，。;；:：、!！?？]")


def _key(s: str | None) -> str:
    return _NOISE.sub("", s or "")


def matches(f: Forward, rec_title: str | None, rec_number: str | None) -> bool:
    """``f`` names this document: the same 发文字号, or the same title (give or take the
    issuer before 关于, quotes and punctuation)."""
    if f.doc_number and rec_number and _key(f.doc_number) == _key(rec_number):
        return True
    a, b = _key(f.title), _key(rec_title)
    if not a or not b or len(min(a, b, key=len)) < 6:
        return False
    return a == b or a.endswith(b) or b.endswith(a)


def link_records(records: Iterable[Record]) -> list[Record]:
    """The records, each forwarder's ``forwards.path`` set to the forwarded record's path
    when the batch holds it."""
    recs = list(records)
    out = []
    for r in recs:
        f = r.forwards
        if f is not None and f.path is None:
            other = next((o for o in recs if o is not r and matches(f, o.title, o.doc_number)), None)
            if other is not None:
                r = replace(r, forwards=replace(f, path=other.source.path))
        out.append(r)
    return out


def link_rows(rows: list) -> list:
    """Task rows (castdoc.tasklist.TaskRow) with a duty a forwarder repeats from the notice
    it forwards listed once: the forwarded notice's row, naming the forwarder in ``also``."""
    docs: dict[tuple[str, str], list] = {}
    for r in rows:
        docs.setdefault((r.source, r.document), []).append(r)
    drop: set[int] = set()
    also: dict[int, list[str]] = {}
    for (src, _), group in docs.items():
        f = group[0].forwards
        if f is None:
            continue
        target = next((g for (s2, _d), g in docs.items() if s2 != src
                       and matches(f, g[0].title or g[0].document, g[0].doc_number)), None)
        if target is None:
            continue
        by_text = {_key(t.task.text): t for t in target}
        for r in group:
            hit = by_text.get(_key(r.task.text))
            if hit is not None:
                drop.add(id(r))
                also.setdefault(id(hit), []).append(r.document)
    out = []
    for r in rows:
        if id(r) in drop:
            continue
        if id(r) in also:
            r = replace(r, also=tuple(dict.fromkeys((*r.also, *also[id(r)]))))
        out.append(r)
    return out
