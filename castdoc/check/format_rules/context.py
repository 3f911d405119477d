"""One document as the format rules see it: view positions turned into raw lines and columns,
and the zones the rules look in."""
from __future__ import annotations

import bisect
import datetime as dt
from typing import Iterator

from ...datefmt import cn_number
from ...document import Document
from ...lines import COLOPHON, Line
from ...vocab import ATTACH_NOTE, ATTACH_NOTE_ITEM
from .. import ERA_1999, ERA_2012, RULES
from ..findings import Finding

ERA_CUTOFF = dt.date(2012, 7, 1)


def era_of(doc: Document, setting: str = "auto") -> str:
    """Which standard judges this document: by its 成文日期 unless configuration says."""
    if setting in (ERA_2012, ERA_1999):
        return setting
    d = doc.structure.issued
    return ERA_1999 if d is not None and d < ERA_CUTOFF else ERA_2012


cn_int = cn_number  # 十二 -> 12, for heading numbers


class Ctx:
    """One document with helpers to turn view positions into raw lines and columns."""

    def __init__(self, doc: Document, *, path: str, era: str):
        self.doc = doc
        self.path = path
        self.era = era
        self.view = doc.view
        self.raw = doc.view.raw
        self.lines = doc.lines
        self._nl = [i for i, ch in enumerate(self.raw) if ch == "\n"]
        self.findings: list[Finding] = []

    # -- positions
    def raw_at(self, view_index: int) -> str:
        return self.raw[self.view.origin[view_index]]

    def raw_text(self, a: int, b: int) -> str:
        """The raw characters behind view[a:b] (full-width forms as written)."""
        return "".join(self.raw[self.view.origin[i]] for i in range(a, b))

    def raw_of(self, view_index: int) -> int:
        return self.view.origin[min(view_index, len(self.view.origin) - 1)]

    def line_no(self, raw_offset: int) -> int:
        return bisect.bisect_left(self._nl, raw_offset) + 1

    def column(self, raw_offset: int) -> int:
        k = bisect.bisect_left(self._nl, raw_offset)
        start = self._nl[k - 1] + 1 if k else 0
        return raw_offset - start + 1

    def excerpt(self, raw_offset: int) -> str:
        k = bisect.bisect_left(self._nl, raw_offset)
        start = self._nl[k - 1] + 1 if k else 0
        end = self._nl[k] if k < len(self._nl) else len(self.raw)
        return self.raw[start:end].rstrip("\r")

    def line_index_of_raw(self, raw_offset: int) -> int | None:
        """The view line holding the raw offset."""
        for k, ln in enumerate(self.lines):
            if self.raw_of(ln.start) <= raw_offset <= self.raw_of(max(ln.end - 1, ln.start)):
                return k
        return None

    # -- reporting
    def add(self, rule_id: str, view_index: int | None, message: str, hint: str | None = None, *,
            raw_offset: int | None = None, severity: str | None = None) -> None:
        r = RULES[rule_id]
        off = raw_offset if raw_offset is not None else (self.raw_of(view_index) if view_index is not None else None)
        self.findings.append(Finding(
            rule=r.id, name=r.name, severity=severity or r.severity, file=self.path, message=message, hint=hint,
            line=self.line_no(off) if off is not None else None,
            column=self.column(off) if off is not None else None,
            excerpt=self.excerpt(off) if off is not None else None,
        ))

    # -- zones
    def signature_raw(self) -> int:
        """Where the 署名/成文日期 begins (raw); the 版记 or the end of the text when there is none."""
        st = self.doc.structure
        m = st.issued_mention
        if m is not None:
            if st.issuer is not None and st.issuer.end <= m.start and not self.raw[st.issuer.end:m.start].strip():
                return st.issuer.start  # the 署名 line right above the date
            return m.start
        for ln in self.lines:
            if COLOPHON.match(ln.text):
                return self.raw_of(ln.start)
        return len(self.raw)

    def body_lines(self) -> Iterator[Line]:
        """The 正文: after the head, before the 附件说明, the signature and the 版记."""
        stop = self.signature_raw()
        for k, ln in enumerate(self.lines):
            if k < self.doc.structure.head_lines:
                continue
            if self.raw_of(ln.start) >= stop or ATTACH_NOTE.match(ln.text) and is_attach_note(ln.text):
                return
            if COLOPHON.match(ln.text):
                return
            yield ln


def is_attach_note(text: str) -> bool:
    m = ATTACH_NOTE.match(text)
    return bool(m and (m["colon"] or ATTACH_NOTE_ITEM.match(m["rest"] or "")))
