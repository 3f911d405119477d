"""The Document: one article, normalised and structured, ready for the extractors."""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from .lines import Line, lines_of
from .normalise import View
from .types import Source, Structure


@dataclass(frozen=True, kw_only=True)
class Document:
    source: Source
    view: View  # the article's normalised view; offsets map into the whole file's raw text
    structure: Structure
    reference: dt.date | None  # 成文日期 or dateline: the year and month for partial dates
    headers: tuple[str, ...] = ()  # the reader's running heads and feet (a .docx header often names the issuer)
    # --base-date: what a document with no dated anchor of its own is read against (the
    # dates it dates say the year was supplied)
    base_date: dt.date | None = None

    @property
    def text(self) -> str:
        return self.view.text

    @functools.cached_property  # written to the instance's __dict__: allowed on a frozen dataclass
    def lines(self) -> tuple[Line, ...]:
        return lines_of(self.view.text)
