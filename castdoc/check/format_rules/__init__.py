"""GB/T 9704 format rules that can be read from a document's text.

Rules look at the normalised view (where ``：`` reads as ``:``) to find things, and at the
raw characters behind it (``view.raw[view.origin[i]]``) to judge them, because the
standard cares exactly about the difference folding hides: ``：`` against ``:``, ``〔`` against
``[``, ``1.`` against ``1．``. Only notices are checked; news bulletins are not 公文.

Documents dated before 2012-07-01 are judged by GB/T 9704-1999 (with the 2000 办法's
heading rules): a 成文日期 in Chinese numerals is right there, and ``1．`` is the
third-level marker.
"""
from __future__ import annotations

from typing import Callable

from ...document import Document
from ..findings import Finding
from .addressees import check_cc, check_recipients
from .attachments import check_attachments
from .context import Ctx, era_of
from .dates import check_dates
from .doc_number import check_doc_number
from .headings import check_headings
from .title import check_title, stacked_kinds, title_kind

__all__ = ["RULE_CHECKS", "check_document", "check_text", "stacked_kinds", "title_kind"]

RULE_CHECKS: tuple[Callable[[Ctx], None], ...] = (
    check_doc_number, check_dates, check_title, check_recipients, check_cc, check_headings, check_attachments,
)


def check_document(doc: Document, *, path: str, era: str = "auto") -> list[Finding]:
    """Every format finding for one article (notices only)."""
    if doc.structure.kind != "notice":
        return []
    c = Ctx(doc, path=path, era=era_of(doc, era))
    for fn in RULE_CHECKS:
        fn(c)
    return c.findings


def check_text(text: str, *, path: str = "<text>", era: str = "auto") -> list[Finding]:
    """Format findings for a text (all its articles): the entry point for tests and editors."""
    import hashlib

    from ...pipeline import documents_from_raw
    from ...types import RawText

    raw = RawText(text=text, format="txt", encoding="utf-8")
    docs = documents_from_raw(raw, path=path, sha256=hashlib.sha256(text.encode("utf-8")).hexdigest())
    out: list[Finding] = []
    for d in docs:
        out.extend(check_document(d, path=path, era=era))
    return out
