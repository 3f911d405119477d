"""Newspaper pages: the text areas of a page in reading order, by recursive XY-cut.

``pdf_layout`` finds columns by a gutter that runs down the whole page, which serves a
page of one layout. A newspaper page stacks articles of different layouts: a headline
across two columns over a body in two, a rule, then a headline over a body in three, or
articles side by side, each with its own headline. No single gutter runs through all of
them, and when the producer wrote the rows across the page the text comes out
interleaved. Here the page is cut recursively: first at a vertical white strip no line
crosses (columns, read left to right), else at the top and bottom of each headline (bands,
read top to bottom), until an area is one column. A page on which no column is found is
left to ``pdf_layout`` as it was.
"""
from __future__ import annotations

from .pdf_layout import _Line, white_strips

MAX_DEPTH = 12
HEADLINE = 1.15  # times the body size: a headline's type


def regions(lines: list[_Line], body: float) -> list[list[_Line]] | None:
    """The page's text areas in reading order, each one column; None when there are no
    columns on the page."""
    if len(lines) < 8:
        return None
    size = sorted(x.size for x in lines)[len(lines) // 2]
    if max(x.x1 for x in lines) - min(x.x0 for x in lines) < 16 * size:
        return None
    out: list[list[_Line]] = []
    columns = [False]
    todo: list[tuple[list[_Line], int]] = [(lines, 0)]
    while todo:  # depth first, in reading order: the pieces of a cut go back in reverse
        area, depth = todo.pop()
        parts = None
        if depth < MAX_DEPTH and len(area) >= 2:
            parts = _x_cut(area)
            if parts:
                columns[0] = True
            else:
                parts = _y_cut(area, body)
        if parts:
            todo.extend((p, depth + 1) for p in reversed(parts))
        else:
            out.append(sorted(area, key=lambda x: (-x.top, x.x0)))
    return out if columns[0] else None


def _x_cut(area: list[_Line]) -> list[list[_Line]] | None:
    """Columns: white vertical strips that no line of the area crosses, each side a column
    of text (several lines, filled to its right edge, side by side with the other)."""
    size = sorted(x.size for x in area)[len(area) // 2]
    lo = min(x.x0 for x in area)
    hi = max(x.x1 for x in area)
    width = int(hi - lo) + 2
    if width < 12 * size:
        return None
    cuts = white_strips(area, lo, hi, size, margin=3, allowed=0, min_run=0.6)
    if not cuts:
        return None
    edges = [lo - 1, *cuts, hi + 1]
    parts = [[ln for ln in area if edges[k] <= (ln.x0 + ln.x1) / 2 < edges[k + 1]] for k in range(len(edges) - 1)]
    if any(len(p) < 3 for p in parts):
        return None
    if not all(_text_column(p, size) for p in parts):
        return None
    # side by side: neighbouring columns share rows (not a label column beside its values)
    for a, b in zip(parts, parts[1:]):
        ya = (min(x.bottom for x in a), max(x.top for x in a))
        yb = (min(x.bottom for x in b), max(x.top for x in b))
        overlap = min(ya[1], yb[1]) - max(ya[0], yb[0])
        if overlap < 2 * size:
            return None
    return parts


def _text_column(part: list[_Line], size: float) -> bool:
    """Running text, not a column of short cells: most lines fill most of its width."""
    left = min(x.x0 for x in part)
    right = max(x.x1 for x in part)
    if right - left < 6 * size:
        return False
    widths = sorted(x.x1 - x.x0 for x in part)
    return widths[len(widths) // 2] >= 0.6 * (right - left)


def _y_cut(area: list[_Line], body: float) -> list[list[_Line]] | None:
    """Bands: cut above and below each run of headline lines, where white space runs
    across the whole area."""
    ordered = sorted(area, key=lambda x: (-x.top, x.x0))
    cuts: list[int] = []
    low = ordered[0].bottom
    for k in range(1, len(ordered)):
        a, b = ordered[k - 1], ordered[k]
        clear = low > b.top  # nothing above reaches down to this line
        if clear and _headline(a, body) != _headline(b, body):
            cuts.append(k)
        low = min(low, b.bottom)
    if not cuts:
        return None
    bounds = [0, *cuts, len(ordered)]
    return [ordered[bounds[k]:bounds[k + 1]] for k in range(len(bounds) - 1)]


def _headline(ln: _Line, body: float) -> bool:
    return ln.size > body * HEADLINE
