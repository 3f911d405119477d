"""PDF: the text layer through pypdfium2, with the layout work pdfium leaves to us.

pdfium decodes CID fonts exactly (pdfplumber/pdfminer drop characters such as ``·``) and
costs a millisecond or two a page, so it is the only library used here. It gives the
characters and their boxes; from those this module

- drops running heads, running feet and page numbers (``— 1 —``, ``-2-``, ``第1页``,
  ``1/3``): they would otherwise sit in the middle of a sentence that runs over the page
  end, and keeps the running heads apart in ``RawText.headers``;
- reads multi-column (newspaper) pages column by column, also when the producer wrote
  the columns interleaved, line by line across the page;
- joins the lines a paragraph was wrapped into, so the text comes out one paragraph a
  line, as the other readers give it: official documents print 28 characters a line,
  far too short for the line-joining in ``normalise`` to see a broken sentence. A line
  continues the one above when that one runs to the right margin and the new one does
  not open a paragraph (a first-line indent, a heading marker, a new font size, a gap);
  the same rule joins a sentence over a page or a column end;
- marks the 发文机关标志 (large red text at the top of page one) and the red rule under
  the 版头 as block hints.
"""
from __future__ import annotations

import ctypes
import re
from dataclasses import dataclass, field

from ..errors import MissingDependency, NoTextLayer, ReadError, TooLarge
from ..types import Block, RawText
from ..vocab import PDF_PAGE_NUMBER as PAGE_NUMBER
from ..vocab import PDF_PARAGRAPH_START as HEADING_MARKER

# A line ending with one of these closes a sentence; a following line may start a paragraph.
FINAL = set("。！？；：….!?;:")
CLOSING = set("”’」』）)】》")
_SPACE = {" ", "\u00a0", "\u3000", "\t"}


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


def read(data: bytes, *, name: str, limits) -> RawText:
    try:
        import pypdfium2 as pdfium
        import pypdfium2.raw as pdfium_c
    except ImportError:  # pragma: no cover - a base dependency, missing only in broken installs
        raise MissingDependency(
            "reading .pdf needs pypdfium2", path=name, hint="pip install 'pypdfium2>=4.20'"
        ) from None

    try:
        pdf = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        raise _open_error(e, name) from None
    try:
        count = len(pdf)
        if count == 0:
            raise ReadError("the PDF has no pages", path=name, hint="the file may be truncated; download it again")
        if limits is not None and count > limits.max_pages:
            raise TooLarge(
                f"PDF has {count} pages, over the {limits.max_pages}-page limit",
                path=name,
                hint="split the PDF, or read the pages that hold the notice",
            )
        pages: list[list[_Line]] = []
        sizes: list[tuple[float, float]] = []
        rule_y: float | None = None
        for i in range(count):
            page = pdf[i]
            try:
                # the visible box; coordinates below are taken from its lower left corner
                left, bottom, right, top = page.get_bbox()
                w, h = right - left, top - bottom
                sizes.append((w, h))
                tp = page.get_textpage()
                try:
                    lines = _page_lines(tp, pdfium_c, i, left, bottom)
                    if i == 0:
                        _mark_red(tp, pdfium_c, lines, h)
                finally:
                    tp.close()
                if i == 0:
                    rule_y = _red_rule(page, pdfium_c, left, bottom, w, h)
            finally:
                page.close()
            pages.append(lines)
    except pdfium.PdfiumError as e:
        raise ReadError(f"cannot read the PDF ({e})", path=name, hint="the file may be damaged; open and re-save it") from None
    finally:
        pdf.close()
    return _assemble(pages, sizes, rule_y, name=name)


def _open_error(e, name: str) -> ReadError:
    msg = str(e)
    if getattr(e, "err_code", None) == 4 or "password" in msg.lower():
        return ReadError(
            "the PDF is encrypted (needs a password to open)",
            path=name,
            hint="open it with the password and save an unprotected copy, or: qpdf --decrypt --password=PW in.pdf out.pdf",
        )
    if getattr(e, "err_code", None) == 5 or "security" in msg.lower():
        return ReadError("the PDF uses an unsupported security handler", path=name, hint="print it to a new PDF first")
    return ReadError(
        "not a readable PDF (damaged or not a PDF at all)",
        path=name,
        hint="check that the download finished; open and re-save it, or try: qpdf in.pdf repaired.pdf",
    )


# ---------------------------------------------------------------- characters to lines
def _page_lines(tp, c, page_no: int, ox: float, oy: float) -> list[_Line]:
    """The page's characters grouped into lines, split where a wide gap parts two columns."""
    n = tp.count_chars()
    lines: list[_Line] = []
    get_unicode = c.FPDFText_GetUnicode
    get_size = c.FPDFText_GetFontSize
    handle = tp.raw
    buf: list[str] = []
    boxes: list[tuple[float, float, float, float, float]] = []
    first = -1
    pending_space = False

    def flush() -> None:
        nonlocal buf, boxes, first, pending_space
        if boxes:
            text = "".join(buf).strip()
            if text:
                sz = sorted(b[4] for b in boxes)[len(boxes) // 2]
                lines.append(_Line(
                    text=text,
                    x0=min(b[0] for b in boxes), x1=max(b[2] for b in boxes),
                    top=max(b[3] for b in boxes), bottom=min(b[1] for b in boxes),
                    size=sz, page=page_no, first_char=first,
                ))
        buf, boxes, first, pending_space = [], [], -1, False

    for i in range(n):
        code = get_unicode(handle, i)
        if code in (10, 13):
            flush()
            continue
        if code == 0 or code == 0xFFFE or code == 0xFEFF:
            continue
        ch = chr(code) if code != 2 else "-"
        if ch in _SPACE:
            if boxes:
                if ch == "\u3000":
                    buf.append(ch)
                else:
                    pending_space = True
            continue
        if code < 32:
            continue
        left, right, bottom, top = _box(tp, i)
        left, right, bottom, top = left - ox, right - ox, bottom - oy, top - oy
        size = get_size(handle, i) or (top - bottom)
        if size <= 0:
            size = max(top - bottom, 1.0)
        if boxes:
            px0, pb, px1, pt, psz = boxes[-1]
            s = max(psz, size)
            gap = left - px1
            same_row = abs((top + bottom) / 2 - (pt + pb) / 2) < 0.6 * s
            if not same_row or gap > 1.5 * s or left < px0 - 2 * s:
                flush()
            elif pending_space:
                buf.append(" ")
        pending_space = False
        if not boxes:
            first = i
        buf.append(ch)
        boxes.append((left, bottom, right, top, size))
    flush()
    return lines


def _box(tp, i: int) -> tuple[float, float, float, float]:
    """The loose box (font ascent to descent): the tight box of ``一`` is a hairline."""
    left, bottom, right, top = tp.get_charbox(i, loose=True)
    if top - bottom <= 0.1 or right < left:
        left, right, bottom, top = tp.get_charbox(i)
    return left, right, bottom, top


def _mark_red(tp, c, lines: list[_Line], page_h: float) -> None:
    """The 发文机关标志 is printed large and red at the top of page one."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    for ln in sorted(lines, key=lambda x: -x.top)[:4]:
        if ln.top < page_h * 0.5 or ln.first_char < 0:
            break
        if c.FPDFText_GetFillColor(tp.raw, ln.first_char, r, g, b, a) and r.value >= 170 and g.value <= 90 and b.value <= 90:
            ln.red = True


def _red_rule(page, c, ox: float, oy: float, page_w: float, page_h: float) -> float | None:
    """The y of a wide, thin, red line in the top half of page one (the 版头's red rule)."""
    r, g, b, a = (ctypes.c_uint() for _ in range(4))
    try:
        objs = list(page.get_objects(filter=(c.FPDF_PAGEOBJ_PATH,), max_depth=2))
    except Exception:  # noqa: BLE001 - a hint only; never fail the read over it
        return None
    for obj in objs[:200]:
        try:
            bounds = getattr(obj, "get_bounds", None) or obj.get_pos  # pypdfium2 5 renamed it
            left, bottom, right, top = bounds()
            left, bottom, right, top = left - ox, bottom - oy, right - ox, top - oy
        except Exception:  # noqa: BLE001
            continue
        if right - left < page_w * 0.4 or top - bottom > 6 or bottom < page_h * 0.4:
            continue
        for getter in (c.FPDFPageObj_GetStrokeColor, c.FPDFPageObj_GetFillColor):
            if getter(obj.raw, r, g, b, a) and a.value and r.value >= 170 and g.value <= 90 and b.value <= 90:
                return (top + bottom) / 2
    return None


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


def _gutters(lines: list[_Line]) -> list[float]:
    """x positions of the white strips that part columns, when the page has columns."""
    size = sorted(x.size for x in lines)[len(lines) // 2]
    lo = min(x.x0 for x in lines)
    hi = max(x.x1 for x in lines)
    if hi - lo < 16 * size:
        return []
    # how many lines cover each x (a difference array: linear in lines and width)
    width = int(hi - lo) + 2
    diff = [0] * (width + 1)
    for ln in lines:
        diff[max(0, int(ln.x0 - lo))] += 1
        diff[min(width, int(ln.x1 - lo) + 1)] -= 1
    allowed = max(1, len(lines) // 8)  # headlines across the columns
    runs: list[float] = []
    cov = 0
    start = None
    for x in range(width):
        cov += diff[x]
        if 4 * size < x < width - 4 * size and cov <= allowed:
            if start is None:
                start = x
        else:
            if start is not None and x - start >= 0.5 * size:
                runs.append(lo + (start + x) / 2)
            start = None
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
    junk = sum(1 for page in pages for x in page for ch in x.text if ch == "\ufffd" or 0xE000 <= ord(ch) <= 0xF8FF)
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
            flows.extend(_flows(kept, p))

    # Margins: pages read as one flow share one text area; columns have their own.
    per_page: dict[int, int] = {}
    for f in flows:
        per_page[f.page] = per_page.get(f.page, 0) + 1
    single = [ln for f in flows if per_page[f.page] == 1 for ln in f.lines]
    doc_margins = _margins(single) if single else (0.0, 0.0)
    for f in flows:
        f.left, f.right = doc_margins if per_page[f.page] == 1 else _margins(f.lines)

    body = _body_size([ln for f in flows for ln in f.lines])

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

    text_parts: list[str] = []
    blocks: list[Block] = []
    pos = 0
    last_page = 0
    starts: list[Block] = []
    for para in paras:
        t = "".join(para.parts)
        if para.page != last_page:
            blocks.append(Block(kind="page_break", start=pos, end=pos, page=para.page))
            last_page = para.page
        kind = "heading" if para.size > body * 1.15 or para.style else "paragraph"
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


