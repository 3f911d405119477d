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
import dataclasses

from ..errors import MissingDependency, NoTextLayer, ReadError, TooLarge
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
        scans: list[int] = []  # pages without text that hold an image: scanned
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
                if not lines and _has_image(page, pdfium_c):
                    scans.append(i)
            finally:
                page.close()
            pages.append(lines)
        ocr_pages, confidence = _ocr(pdf, pages, scans, name=name)
    except pdfium.PdfiumError as e:
        raise ReadError(f"cannot read the PDF ({e})", path=name, hint="the file may be damaged; open and re-save it") from None
    finally:
        pdf.close()
    raw = _assemble(pages, sizes, rule_y, name=name)
    if ocr_pages:
        raw = dataclasses.replace(raw, ocr_pages=ocr_pages, ocr_confidence=confidence)
    return raw


SCAN_PIXELS = 100_000  # an image smaller than this (316 x 316) holds no page of text
SCAN_AREA = 0.1  # of the page: an image smaller than this is a logo or a seal, not a scan


def _has_image(page, c) -> bool:
    """Does the page show an image large enough to be a scan of text?"""
    try:
        left, bottom, right, top = page.get_bbox()
        area = max((right - left) * (top - bottom), 1.0)
        for k, obj in enumerate(page.get_objects(filter=(c.FPDF_PAGEOBJ_IMAGE,), max_depth=3)):
            if k >= 50:
                break
            w, h = obj.get_px_size()
            bounds = getattr(obj, "get_bounds", None) or obj.get_pos  # pypdfium2 5 renamed it
            x0, y0, x1, y1 = bounds()
            if w * h >= SCAN_PIXELS and (x1 - x0) * (y1 - y0) >= SCAN_AREA * area:
                return True
    except Exception:  # noqa: BLE001 - a hint only
        return False
    return False


def _ocr(pdf, pages: list[list[_Line]], scans: list[int], *, name: str) -> tuple[tuple[int, ...], float | None]:
    """Scanned pages read by OCR in place (the extra), or the error that names it when
    nothing else can be read."""
    if not scans:
        return (), None
    from . import ocr

    if not ocr.available():
        if any(pages):
            return (), None  # some pages have text: read those, as before the extra existed
        raise NoTextLayer("scanned: no text layer in this PDF, and OCR is not installed", path=name,
                          hint=f"{ocr.INSTALL} to read scans by OCR (or run ocrmypdf -l chi_sim in.pdf out.pdf first)")

    def render(k: int):
        page = pdf[scans[k]]
        try:
            return page.render(scale=ocr.DPI / 72).to_pil(), ocr.DPI / 72
        finally:
            page.close()

    got, scores = ocr.read_pages(render, len(scans), name=name)
    for i, lines in zip(scans, got):
        for ln in lines:
            ln.page = i
        pages[i] = lines
    if not any(got):
        return (), None
    return tuple(i + 1 for i, lines in zip(scans, got) if lines), round(sum(scores) / len(scores), 3) if scores else None


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
    """The page's characters grouped into lines, split where a wide gap parts two columns.

    The hot loop of the reader: pdfium is called directly (one reused box, no wrapper
    objects), and each line's extent is kept as it grows."""
    n = tp.count_chars()
    lines: list[_Line] = []
    get_unicode = c.FPDFText_GetUnicode
    get_size = c.FPDFText_GetFontSize
    get_loose = c.FPDFText_GetLooseCharBox
    handle = tp.raw
    rect = c.FS_RECTF()
    tight = [ctypes.c_double() for _ in range(4)]
    buf: list[str] = []
    sizes: list[float] = []
    x0 = x1 = top_ = bottom_ = 0.0
    px0 = pb = px1 = pt = psz = 0.0  # the previous character's box and size
    first = -1
    pending_space = False

    def flush() -> None:
        nonlocal first, pending_space
        if sizes:
            text = "".join(buf).strip()
            if text:
                lines.append(_Line(
                    text=text, x0=x0, x1=x1, top=top_, bottom=bottom_,
                    size=sorted(sizes)[len(sizes) // 2], page=page_no, first_char=first,
                ))
        buf.clear()
        sizes.clear()
        first, pending_space = -1, False

    codes = _codes(c, handle, n)
    if codes is None:
        codes = [get_unicode(handle, i) for i in range(n)]
    box_h = -1.0  # the loose box height of the last character whose font size was asked
    size_h = 0.0
    shifted = ox != 0.0 or oy != 0.0
    append = buf.append
    for i, code in enumerate(codes):
        if code < 33 or code == 0xA0 or code == 0x3000 or code == 0xFFFE or code == 0xFEFF:
            # line breaks end a line, spaces are kept inside one, other controls dropped
            if code == 10 or code == 13:
                flush()
            elif code == 32 or code == 9 or code == 0xA0:
                if sizes:
                    pending_space = True
            elif code == 0x3000:
                if sizes:
                    append("\u3000")
            continue
        # the loose box (font ascent to descent): the tight box of 一 is a hairline
        if get_loose(handle, i, rect):
            left, right, bottom, top = rect.left, rect.right, rect.bottom, rect.top
            if top - bottom <= 0.1 or right < left:
                if c.FPDFText_GetCharBox(handle, i, *tight):  # (left, right, bottom, top)
                    left, right, bottom, top = (v.value for v in tight)
        elif c.FPDFText_GetCharBox(handle, i, *tight):
            left, right, bottom, top = (v.value for v in tight)
        else:
            left = right = bottom = top = 0.0
        if shifted:
            left, right, bottom, top = left - ox, right - ox, bottom - oy, top - oy
        height = top - bottom
        if height != box_h:  # a box as tall as the last one: the same font and size
            box_h = height
            size_h = get_size(handle, i)
        size = size_h or height
        if size <= 0:
            size = height if height > 1.0 else 1.0
        if sizes:
            s = psz if psz > size else size
            if abs((top + bottom) / 2 - (pt + pb) / 2) >= 0.6 * s or left - px1 > 1.5 * s or left < px0 - 2 * s:
                flush()  # another row, or a gutter
                first = i
                x0, x1, top_, bottom_ = left, right, top, bottom
            else:
                if pending_space:
                    append(" ")
                if left < x0:
                    x0 = left
                if right > x1:
                    x1 = right
                if top > top_:
                    top_ = top
                if bottom < bottom_:
                    bottom_ = bottom
        else:
            first = i
            x0, x1, top_, bottom_ = left, right, top, bottom
        pending_space = False
        append(chr(code))
        sizes.append(size)
        px0, pb, px1, pt, psz = left, bottom, right, top, size
    flush()
    return lines


def _codes(c, handle, n: int):
    """Every character's code in one call (None when the page holds characters outside
    the Basic Multilingual Plane: their surrogate pairs would shift the indexes)."""
    if n <= 0:
        return None
    buf = (ctypes.c_ushort * (n + 1))()
    if c.FPDFText_GetText(handle, 0, n, buf) != n + 1:
        return None
    text = bytes(buf)[: 2 * n].decode("utf-16-le", "surrogatepass")  # a pair would make one character
    return [ord(ch) for ch in text] if len(text) == n else None


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
