"""Lines of a normalised view, and the small line classifiers every later stage shares."""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from .datefmt import DATE_FIRST, FULL_DATE
from .webpage import is_meta_line, is_nav_line
from .vocab import (  # (BOILERPLATE, COLOPHON, LABEL: later stages also read them from here)
    BOILERPLATE,
    COLOPHON,
    DATELINE,
    DATELINE_FIRST,
    IMAGE_FILE,
    LABEL,
    TITLE_END,
    TITLE_END_LAST,
)


@dataclass(frozen=True, slots=True)
class Line:
    start: int  # offsets into the view's text
    end: int
    text: str


@functools.lru_cache(maxsize=8)  # split and structure both ask for the lines of one text
def lines_of(text: str) -> tuple[Line, ...]:
    out = []
    pos = 0
    for part in text.split("\n"):
        if part.strip():
            lead = len(part) - len(part.lstrip())
            body = part.strip()
            out.append(Line(pos + lead, pos + lead + len(body), body))
        pos += len(part) + 1
    return tuple(out)


_DATE_ONLY = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日?|[〇○零OoＯ0一二三四五六七八九十]{4}年[元一二三四五六七八九十]{1,3}月[〇○一二三四五六七八九十廿]{1,4}日?")


def is_date_line(text: str) -> bool:
    """A line that is nothing but a date (the 成文日期 under a signature)."""
    first = text[:1]
    if not (first in DATE_FIRST or first.isdecimal()):  # (most lines: no pattern can start there)
        return False
    m = FULL_DATE.match(text)  # (the match search would find first, if it starts at 0)
    if m and len(text) - m.end() <= 1:
        return True
    return bool(_DATE_ONLY.fullmatch(text))


def ends_sentence(text: str) -> bool:
    return bool(text) and text[-1] in "。！？!?;；…"


def is_dateline(text: str) -> bool:
    """``DATELINE.match(text)``, looking first at the first character."""
    return text[:1] in DATELINE_FIRST and bool(DATELINE.match(text))


def is_colophon(text: str) -> bool:
    """``COLOPHON.match(text)``, looking first for what every match holds (主, 抄 or 印)."""
    return bool(("印" in text or text.startswith(("主", "抄"))) and COLOPHON.match(text))


def is_image_file(text: str) -> bool:
    """``IMAGE_FILE.match(text)``; every match holds a dot."""
    return "." in text and bool(IMAGE_FILE.match(text))


def has_title_end(text: str) -> bool:
    """``TITLE_END.search(text)``, looking first at the last character (the search tries
    every position of a long line)."""
    if text[-1:] not in TITLE_END_LAST:
        return False
    return bool(TITLE_END.search(text))


def is_furniture(text: str) -> bool:
    """Page furniture: navigation and the like, an image's file name, or an SEO header (a
    run of keywords joined by underscores)."""
    return bool(BOILERPLATE.match(text) or is_image_file(text) or (text.count("_") >= 3 and "@" not in text)
                or is_nav_line(text) or is_meta_line(text))


def is_title_like(text: str) -> bool:
    """Short, no sentence-final punctuation, not a label, a date or page furniture."""
    return (
        2 <= len(text) <= 80
        and not ends_sentence(text)
        and not text.endswith((":", "："))
        and not is_date_line(text)
        and not LABEL.match(text)
        and not BOILERPLATE.match(text)
        and not is_colophon(text)
        and not is_image_file(text)
    )


def split_outside(text: str, a: int, b: int, seps: str, opens: str, closes: str,
                  marks: re.Pattern | None = None) -> list[tuple[int, int]]:
    """Pieces of text[a:b] cut at ``seps`` standing outside the brackets ``opens``/``closes``.

    ``marks``, a pattern matching every separator and bracket, lets a caller on a hot path
    skip the characters in between.
    """
    out = []
    s = a
    depth = 0
    hits = (m.start() for m in marks.finditer(text, a, b)) if marks is not None else range(a, b)
    for i in hits:
        ch = text[i]
        if ch in opens:
            depth += 1
        elif ch in closes:
            depth = max(0, depth - 1)
        elif ch in seps and depth == 0:
            out.append((s, i))
            s = i + 1
    out.append((s, b))
    return out
