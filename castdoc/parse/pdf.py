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

from ..errors import MissingDependency, ReadError, TooLarge
from ..types import RawText
from .pdf_layout import PAGE_NUMBER, _assemble, _Line  # noqa: F401 - PAGE_NUMBER: the pattern, for callers

_SPACE = {" ", "\u00a0", "\u3000", "\t"}


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
