"""PDF layout: from the lines of each page to the text, one paragraph a line.

``pdf`` reads the characters and their boxes with pypdfium2 and groups them into lines;
this module does the rest, which needs no PDF library: it drops running heads, feet and
page numbers (keeping the heads apart), finds columns and reads them in order, and joins
the lines a paragraph was wrapped into (see ``pdf``'s docstring for the rules).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import NoTextLayer
from ..types import Block, RawText
from ..vocab import PDF_PAGE_NUMBER as PAGE_NUMBER
from ..vocab import EDITION, PAGE_DATE
from ..vocab import PDF_PARAGRAPH_START as HEADING_MARKER

# Characters a font without a Unicode mapping comes out as: the replacement character, private use.
_JUNK = re.compile("[\ufffd\ue000-\uf8ff]")

# A line ending with one of these closes a sentence; a following line may start a paragraph.
FINAL = set("。！？；：….!?;:")
CLOSING = set("”’」』）)】》")


@dataclass(slots=True)
class _Line:
    """One run of characters on one baseline (a line, or one column's part of a line)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    first_char: int = -1
    red: bool = False

    @property
    def mid(self) -> float:
        return (self.top + self.bottom) / 2


@dataclass(slots=True)
class _Flow:
    """Lines read in order inside one text area: a page, or one column of one band."""

    lines: list[_Line]
    page: int
    left: float = 0.0
    right: float = 0.0


@dataclass(slots=True)
class _Para:
    parts: list[str] = field(default_factory=list)
    length: int = 0
    page: int = 0
    size: float = 0.0
    top: float = 0.0
    style: str | None = None
    breaks: list[tuple[int, int]] = field(default_factory=list)  # (offset in paragraph, page) where a page begins


# ---------------------------------------------------------------- page furniture
def _furniture(pages: list[list[_Line]], sizes: list[tuple[float, float]]) -> tuple[set[int], list[str]]:
    """ids of running heads, running feet and page numbers; the running heads' texts."""
    drop: set[int] = set()
    cands: list[tuple[int, _Line]] = []
    for p, lines in enumerate(pages):
        if not lines:
            continue
        h = sizes[p][1]
        by_y = sorted(lines, key=lambda x: -x.top)
        for k, ln in enumerate(by_y[:3]):
            nxt = by_y[k + 1] if k + 1 < len(by_y) else None
            apart = nxt is None or ln.bottom - nxt.top > 1.2 * ln.size
            if ln.top > h * 0.92 or (ln.top > h * 0.85 and apart):
                cands.append((p, ln))
            else:
                break
        for k, ln in enumerate(reversed(by_y[-3:])):
            idx = len(by_y) - 1 - k
            prv = by_y[idx - 1] if idx > 0 else None
            apart = prv is None or prv.bottom - ln.top > 1.2 * ln.size
            if ln.bottom < h * 0.08 or (ln.bottom < h * 0.15 and apart):
                cands.append((p, ln))
            else:
                break
    pages_of: dict[str, set[int]] = {}
    for p, ln in cands:
        pages_of.setdefault(re.sub(r"\d+", "#", ln.text.replace(" ", "")), set()).add(p)
    body = _body_size([ln for lines in pages for ln in lines])
    heads: list[str] = []
    for p, ln in cands:
        key = re.sub(r"\d+", "#", ln.text.replace(" ", ""))
        if PAGE_NUMBER.match(ln.text):
            drop.add(id(ln))
        elif len(pages_of[key]) >= 2 or (ln.top > sizes[p][1] * (0.85 if p else 0.92) and ln.size < 0.9 * body):
            # repeated on several pages, or set small above the text
            drop.add(id(ln))
            if ln.text not in heads and not any(re.sub(r"\d+", "#", x.replace(" ", "")) == key for x in heads):
                heads.append(ln.text)
    return drop, heads


def _body_size(lines: list[_Line]) -> float:
    """The font size most of the text is set in."""
    weights: dict[float, int] = {}
    for ln in lines:
        key = round(ln.size, 1)
        weights[key] = weights.get(key, 0) + len(ln.text)
    return max(weights, key=weights.get) if weights else 12.0


# ---------------------------------------------------------------- columns
def _flows(lines: list[_Line], page: int) -> list[_Flow]:
    """Reading order of one page: one flow, or bands of columns read left to right."""
    gutters = _gutters(lines) if len(lines) >= 8 else []
    if not gutters:
        return [_Flow(lines=_rows(lines), page=page)]
    edges = [min(x.x0 for x in lines) - 1] + gutters + [max(x.x1 for x in lines) + 1]

    def column(ln: _Line) -> int | None:
        for k in range(len(edges) - 1):
            if ln.x0 >= edges[k] - 1 and ln.x1 <= edges[k + 1] + 1:
                return k
        return None  # spans a gutter: a headline across columns

    ordered = sorted(lines, key=lambda x: (-x.top, x.x0))
    flows: list[_Flow] = []
    band: dict[int, list[_Line]] = {}

    def close_band() -> None:
        for k in sorted(band):
            flows.append(_Flow(lines=band[k], page=page))
        band.clear()

    for ln in ordered:
        k = column(ln)
        if k is None:
            close_band()
            if flows and flows[-1].lines and column(flows[-1].lines[-1]) is None:
                flows[-1].lines.append(ln)
            else:
                flows.append(_Flow(lines=[ln], page=page))
        else:
            band.setdefault(k, []).append(ln)
    close_band()
    return flows


def _rows(lines: list[_Line]) -> list[_Line]:
    """On a page of one column, pieces of one row (table cells, ``联系人：…    电话：…``)
    are one line again, the pieces parted by a tab."""
    out: list[_Line] = []
    for ln in lines:
        prev = out[-1] if out else None
        if prev is not None and ln.x0 > prev.x1 and abs(ln.mid - prev.mid) < 0.4 * max(ln.size, prev.size):
            out[-1] = _Line(
                text=prev.text + "\t" + ln.text, x0=prev.x0, x1=ln.x1, top=max(prev.top, ln.top),
                bottom=min(prev.bottom, ln.bottom), size=max(prev.size, ln.size), page=prev.page,
                first_char=prev.first_char, red=prev.red,
            )
        else:
            out.append(ln)
    return out


def white_strips(lines: list[_Line], lo: float, hi: float, size: float, *, margin: float, allowed: int,
                 min_run: float) -> list[float]:
    """Middles of the vertical strips (at least ``min_run`` sizes wide, ``margin`` sizes in
    from either edge) that at most ``allowed`` lines cross: how many lines cover each x is
    a difference array, linear in lines and width."""
    width = int(hi - lo) + 2
    diff = [0] * (width + 1)
    for ln in lines:
        diff[max(0, int(ln.x0 - lo))] += 1
        diff[min(width, int(ln.x1 - lo) + 1)] -= 1
    runs: list[float] = []
    cov = 0
    start = None
    for x in range(width):
        cov += diff[x]
        if margin * size < x < width - margin * size and cov <= allowed:
            if start is None:
                start = x
        else:
            if start is not None and x - start >= min_run * size:
                runs.append(lo + (start + x) / 2)
            start = None
    return runs


def _gutters(lines: list[_Line]) -> list[float]:
    """x positions of the white strips that part columns, when the page has columns."""
    size = sorted(x.size for x in lines)[len(lines) // 2]
    lo = min(x.x0 for x in lines)
    hi = max(x.x1 for x in lines)
    if hi - lo < 16 * size:
        return []
    allowed = max(1, len(lines) // 8)  # headlines across the columns
    runs = white_strips(lines, lo, hi, size, margin=4, allowed=allowed, min_run=0.5)
    edges = [lo - 1] + runs + [hi + 1]
    out: list[float] = []
    for k, g in enumerate(runs):
        left = [x for x in lines if x.x1 <= g and x.x0 >= edges[k]]
        right = [x for x in lines if x.x0 >= g and x.x1 <= edges[k + 2]]
        if len(left) < 4 or len(right) < 4:
            continue
        # Columns stand side by side: many rows hold a line on each side ...
        paired = sum(1 for x in left if any(abs(y.mid - x.mid) < 0.5 * x.size for y in right))
        if paired < max(3, 0.3 * min(len(left), len(right))):
            continue
        # ... and are filled with text, not short table cells or a signature.
        if _filled(left) and _filled(right):
            out.append(g)
    return out


def _filled(lines: list[_Line]) -> bool:
    """Most lines of a text column run (nearly) to its right edge."""
    edge = max(x.x1 for x in lines)
    left = min(x.x0 for x in lines)
    size = sorted(x.size for x in lines)[len(lines) // 2]
    if edge - left < 6 * size:
        return False
    full = sum(1 for x in lines if x.x1 >= edge - 2 * x.size)
    return full >= 0.5 * len(lines)


def _narrow(lines: list[_Line]) -> bool:
    """Most lines are much narrower than the page's text: columns, perhaps."""
    widths = sorted(x.x1 - x.x0 for x in lines)
    return widths[len(widths) // 2] < 0.6 * (max(x.x1 for x in lines) - min(x.x0 for x in lines))


def _masthead_dates(flows: list[_Flow], columned: set[int], body: float) -> list[str]:
    """A newspaper page's dates and page numbers above its text (2024年6月5日 星期三 第3版):
    taken out of the flows, so that no article takes the paper's date for its own."""
    out: list[str] = []
    seen: set[int] = set()
    for f in flows:
        if f.page not in columned or f.page in seen:
            continue
        seen.add(f.page)
        for ln in f.lines:
            if abs(ln.size - body) <= 0.05 * body:
                break  # the text begins
            pieces = ln.text.split("\t")  # the paper's name and its date may share a row
            dated = [t for t in pieces if len(t) <= 40 and (PAGE_DATE.search(t) or EDITION.search(t))]
            if dated:
                out.extend(dated)
                ln.text = "\t".join(t for t in pieces if t not in dated)
        f.lines[:] = [ln for ln in f.lines if ln.text]
    return out


# ---------------------------------------------------------------- lines to paragraphs
def _margins(flow_lines: list[_Line]) -> tuple[float, float]:
    """Left and right edge of a text area, from the lines long enough to show them."""
    longish = [x for x in flow_lines if len(x.text) >= 6] or flow_lines
    xs0 = sorted(x.x0 for x in longish)
    xs1 = sorted(x.x1 for x in longish)
    return xs0[len(xs0) // 10], xs1[min(len(xs1) - 1, (len(xs1) * 9) // 10)]


def _joins(a: _Line, fa: _Flow, b: _Line, fb: _Flow, body: float, same_flow: bool) -> bool:
    """Does line ``b`` continue the paragraph that line ``a`` ends?"""
    s = max(a.size, b.size)
    if abs(a.size - b.size) > 0.15 * s or a.red != b.red or "\t" in a.text or "\t" in b.text:
        return False  # another size or colour, or a table row
    if same_flow:
        gap = a.bottom - b.top
        if gap > 1.3 * s or gap < -0.5 * s:
            return False
    if a.size > body * 1.15:
        # a title set over two or three lines, centred or flush
        return same_flow and a.text[-1] not in FINAL
    if HEADING_MARKER.match(b.text):
        return False
    if not _full(a, fa, b) or a.x1 - fa.left < 0.6 * (fa.right - fa.left):
        return False
    flush_left = b.x0 <= fb.left + 0.5 * b.size
    last = a.text[-1]
    if flush_left:
        return last not in FINAL or a.x1 >= fa.right - 0.6 * a.size
    return last not in FINAL and last not in CLOSING and b.x0 > fb.left + 2.6 * b.size


def _full(a: _Line, fa: _Flow, b: _Line) -> bool:
    """Line ``a`` was wrapped: it reaches the right edge, or the next line's first word
    would not have fitted after it (ragged-right Latin text wraps well short of it)."""
    if a.x1 >= fa.right - 1.2 * a.size:
        return True
    word = re.match(r"[A-Za-z0-9\-'’.,;:()]+", b.text)
    if not word or not a.text[-1].isascii():
        return False
    per_char = (b.x1 - b.x0) / max(len(b.text), 1)
    return a.x1 + per_char * (len(word.group()) + 1) >= fa.right - 0.3 * a.size


def _glue(left: str, right: str) -> str:
    if left and right and left[-1].isascii() and left[-1].isalnum() and right[0].isascii() and right[0].isalnum():
        return " "
    if left.endswith("-") and right[:1].isascii() and right[:1].isalpha():
        return ""
    return ""


def _assemble(pages: list[list[_Line]], sizes: list[tuple[float, float]], rule_y: float | None, *, name: str) -> RawText:
    chars = sum(len(x.text) for page in pages for x in page)
    if chars == 0:
        raise NoTextLayer(
            "scanned? no text layer in this PDF",
            path=name,
            hint="run OCR on it first (e.g. ocrmypdf -l chi_sim in.pdf out.pdf), then parse the result",
        )
    junk = sum(len(_JUNK.findall(x.text)) for page in pages for x in page)
    if junk > 0.5 * chars:
        raise NoTextLayer(
            "the PDF's text cannot be decoded (its fonts carry no Unicode mapping)",
            path=name,
            hint="run OCR on it (e.g. ocrmypdf --force-ocr -l chi_sim in.pdf out.pdf), then parse the result",
        )

    drop, heads = _furniture(pages, sizes)
    flows: list[_Flow] = []
    for p, lines in enumerate(pages):
        kept = [x for x in lines if id(x) not in drop]
        if kept:
            page_flows = _flows(kept, p)
            if len(page_flows) == 1 and _narrow(kept):
                # no gutter down the whole page: articles of several layouts, perhaps
                from .pdf_regions import regions

                areas = regions(kept, _body_size(kept))
                if areas is not None:
                    page_flows = [_Flow(lines=_rows(a), page=p) for a in areas]
            flows.extend(page_flows)

    # Margins: pages read as one flow share one text area; columns have their own.
    per_page: dict[int, int] = {}
    for f in flows:
        per_page[f.page] = per_page.get(f.page, 0) + 1
    single = [ln for f in flows if per_page[f.page] == 1 for ln in f.lines]
    doc_margins = _margins(single) if single else (0.0, 0.0)
    for f in flows:
        f.left, f.right = doc_margins if per_page[f.page] == 1 else _margins(f.lines)

    body = _body_size([ln for f in flows for ln in f.lines])
    columned = {p for p, n in per_page.items() if n > 1}  # newspaper pages: one article or more each
    if columned:
        heads.extend(_masthead_dates(flows, columned, body))

    paras: list[_Para] = []
    prev: tuple[_Line, _Flow] | None = None
    for f in flows:
        for ln in f.lines:
            if prev is not None and paras and _joins(prev[0], prev[1], ln, f, body, same_flow=prev[1] is f):
                para = paras[-1]
                piece = _glue(prev[0].text, ln.text) + ln.text
                if ln.page != prev[0].page:
                    para.breaks.append((para.length + len(piece) - len(ln.text), ln.page))
                para.parts.append(piece)
                para.length += len(piece)
            else:
                style = "masthead" if ln.red and ln.size > body * 1.15 else None
                paras.append(_Para(parts=[ln.text], length=len(ln.text), page=ln.page, size=ln.size, top=ln.top,
                                   style=style))
            prev = (ln, f)

    # A headline on a page in columns opens an article (a headline and its subtitle: one),
    # where the page holds two headlines or more: a newspaper page, not an annex in columns.
    heading = [para.size > body * 1.15 or para.style is not None for para in paras]
    runs: dict[int, int] = {}
    for k, para in enumerate(paras):
        if heading[k] and para.page in columned and (k == 0 or not heading[k - 1]):
            runs[para.page] = runs.get(para.page, 0) + 1
    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    last_page = 0
    starts: list[Block] = []
    for k, para in enumerate(paras):
        t = "".join(para.parts)
        if para.page != last_page:
            blocks.append(Block(kind="page_break", start=pos, end=pos, page=para.page))
            last_page = para.page
        kind = "heading" if heading[k] else "paragraph"
        if heading[k] and runs.get(para.page, 0) >= 2 and (k == 0 or not heading[k - 1]):
            blocks.append(Block(kind="article", start=pos, end=pos, page=para.page))
        starts.append(Block(kind=kind, start=pos, end=pos + len(t), page=para.page, style=para.style))
        blocks.append(starts[-1])
        for off, page in para.breaks:
            blocks.append(Block(kind="page_break", start=pos + off, end=pos + off, page=page))
            last_page = page
        text_parts.append(t)
        pos += len(t) + 1
    if rule_y is not None:
        # the rule parts the 版头 from the 主体: mark it before the first paragraph below it
        at = next((b.start for b, para in zip(starts, paras) if para.page == 0 and para.top < rule_y), None)
        if at is not None:
            blocks.append(Block(kind="rule", start=at, end=at, page=0, style="red"))
    blocks.sort(key=lambda b: (b.start, b.kind != "page_break"))
    return RawText(
        text="\n".join(text_parts),
        format="pdf",
        blocks=tuple(blocks),
        pages=len(pages),
        headers=tuple(heads),
    )
