"""Rich Text Format: read through LibreOffice when it is installed (no native reader).

RTF is rare in office inboxes next to .doc and .docx, and a faithful RTF parser (code
pages per font, nested groups, fields) is a project of its own; soffice reads it well.
"""
from __future__ import annotations

from ..types import RawText


def read(data: bytes, *, name: str, limits=None) -> RawText:
    from . import soffice

    return soffice.fallback(data, name=name, limits=limits, why="castdoc has no native RTF reader", suffix=".rtf")
