"""The formatting pages (FKPs) of a Word 97-2003 file, for what the text itself does not say.

Character runs (CHPX) say which text is hidden (``sprmCFVanish``); paragraph runs (PAPX)
say which paragraphs lie in a table (``sprmPFInTable``) and which mark ends a table row
(``sprmPFTtp``): the text holds the same ``\\x07`` for the end of a cell and the end of a
row. Both are lists of byte ranges of ``WordDocument``; ``mark`` rewrites the characters
of a piece that fall in them, keeping every position.
"""
from __future__ import annotations

import bisect
import struct

PAGE = 512
MAX_PAGES = 10000
SPRM_VANISH = 0x083C
SPRM_IN_TABLE = 0x2416
SPRM_TTP = 0x2417
SPRM_INNER_TTP = 0x244C
SPRM_INNER_TABLE = 0x6649  # sprmPItap: the table depth, >= 1 inside a table


def _pages(word: bytes, table: bytes, fc: int, lcb: int):
    """(fcs, page offset, crun) for each FKP page of a bin table."""
    if lcb < 8 or fc + lcb > len(table):
        return
    n = (lcb - 4) // 8
    for pn in struct.unpack_from(f"<{n}I", table, fc + 4 * (n + 1))[:MAX_PAGES]:
        page = (pn & 0x3FFFFF) * PAGE
        if page + PAGE > len(word):
            continue
        crun = word[page + PAGE - 1]
        if crun == 0 or 4 * (crun + 1) + crun > PAGE - 1:
            continue
        yield struct.unpack_from(f"<{crun + 1}I", word, page), page, crun


def sprms(grpprl: bytes):
    """(sprm, operand's first byte) of each property in a grpprl."""
    pos = 0
    while pos + 2 <= len(grpprl):
        sprm = grpprl[pos] | grpprl[pos + 1] << 8
        pos += 2
        size = (1, 1, 2, 4, 2, 2, -1, 3)[sprm >> 13]
        if size == -1:
            if pos >= len(grpprl):
                return
            size = grpprl[pos] + 1
            yield sprm, grpprl[pos + 1] if pos + 1 < len(grpprl) else 0
        elif pos < len(grpprl):
            yield sprm, grpprl[pos]
        pos += size


def hidden_runs(word: bytes, table: bytes, fc: int, lcb: int) -> list[tuple[int, int]]:
    """Byte ranges whose character runs are formatted hidden."""
    runs: list[tuple[int, int]] = []
    for fcs, page, crun in _pages(word, table, fc, lcb):
        for r in range(crun):
            off = word[page + 4 * (crun + 1) + r] * 2
            if off == 0:
                continue
            cb = word[page + off]
            hidden = False
            for sprm, op in sprms(word[page + off + 1: page + off + 1 + cb]):
                if sprm == SPRM_VANISH:
                    hidden = op in (1, 0x81)
            if hidden:
                runs.append((fcs[r], fcs[r + 1]))
    runs.sort()
    return runs


def table_paragraphs(word: bytes, table: bytes, fc: int, lcb: int) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Byte ranges of the paragraphs inside tables, and of those that end a table row."""
    cells: list[tuple[int, int]] = []
    rows: list[tuple[int, int]] = []
    for fcs, page, crun in _pages(word, table, fc, lcb):
        for r in range(crun):
            off = word[page + 4 * (crun + 1) + 13 * r] * 2
            if off == 0:
                continue
            cb = word[page + off]
            if cb == 0:
                size, start = 2 * word[page + off + 1], page + off + 2
            else:
                size, start = 2 * cb - 1, page + off + 1
            grpprl = word[start + 2: start + size]  # after the style index
            in_table = ttp = False
            for sprm, op in sprms(grpprl):
                if sprm in (SPRM_IN_TABLE, SPRM_INNER_TABLE) and op:
                    in_table = True
                elif sprm in (SPRM_TTP, SPRM_INNER_TTP) and op:
                    ttp = True
            if ttp:
                rows.append((fcs[r], fcs[r + 1]))
            elif in_table:
                cells.append((fcs[r], fcs[r + 1]))
    cells.sort()
    rows.sort()
    return cells, rows


def mark(text: str, b0: int, width: int, ranges: list[tuple[int, int]], starts: list[int], rewrite) -> str:
    """``text`` (a piece's characters from byte ``b0``, ``width`` bytes each) with those in
    ``ranges`` passed through ``rewrite(ch) -> ch``."""
    if not ranges:
        return text
    b1 = b0 + len(text) * width
    k = max(0, bisect.bisect_right(starts, b0) - 1)
    chars = None
    while k < len(ranges) and ranges[k][0] < b1:
        h0, h1 = ranges[k]
        if h1 > b0:
            if chars is None:
                chars = list(text)
            for i in range(max(0, (h0 - b0) // width), min(len(text), -(-(h1 - b0) // width))):
                chars[i] = rewrite(chars[i])
        k += 1
    return "".join(chars) if chars is not None else text
