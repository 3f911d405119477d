"""The 主送 line ends with ：, the 抄送 line with 。 (CD130, CD131)."""
from __future__ import annotations

from .context import Ctx


def _line_end(c: Ctx, mentions) -> tuple[int, str] | None:
    """(view offset, raw character) at the end of the line holding the last of ``mentions``."""
    if not mentions:
        return None
    k = c.line_index_of_raw(mentions[-1].start)
    if k is None:
        return None
    end = c.lines[k].end - 1
    return end, c.raw_at(end)


def check_recipients(c: Ctx) -> None:
    found = _line_end(c, c.doc.structure.recipients)
    if found and found[1] != "：":
        c.add("CD130", found[0], f"主送机关 line ends with {found[1]!r}, not a full-width colon ：",
              "end the line with ： (U+FF1A)")


def check_cc(c: Ctx) -> None:
    found = _line_end(c, c.doc.structure.cc)
    if found and found[1] != "。":
        ln_end, last = found
        c.add("CD131", ln_end, f"抄送 line ends with {last!r}, not 。", "end the last 抄送机关 with 。")
