"""Images (.png, .jpg, .tif, multi-page TIFF): a scanned notice read by OCR (the extra).

Each frame is a page. Its resolution comes from the file (a scanner writes it; 200 dpi
when none is given), so that type sizes, and with them headlines and paragraphs, come out
in points as a PDF's do; the PDF reader's layout then makes the text.
"""
from __future__ import annotations

import dataclasses
import io

from ..errors import MissingDependency, NoTextLayer, ReadError, TooLarge
from ..types import RawText
from . import ocr
from .pdf_layout import _assemble

MAX_PIXELS = 80_000_000  # a page at 600 dpi is 35 million: more is a decompression bomb


def read(data: bytes, *, name: str, limits=None) -> RawText:
    if not ocr.available():
        raise MissingDependency("reading a scanned image needs OCR, which is not installed", path=name,
                                hint=ocr.INSTALL)
    try:
        from PIL import Image, ImageSequence
    except ImportError:  # pragma: no cover - Pillow comes with pdfplumber
        raise MissingDependency("reading images needs Pillow", path=name, hint="pip install pillow") from None
    try:
        img = Image.open(io.BytesIO(data))
        if img.width * img.height > MAX_PIXELS:
            raise TooLarge(f"the image is {img.width}x{img.height} pixels", path=name,
                           hint="scan it again at 200-300 dpi")
        frames = [f.copy() for f in ImageSequence.Iterator(img)]
    except (OSError, ValueError, Image.DecompressionBombError) as e:
        raise ReadError(f"not a readable image ({type(e).__name__})", path=name,
                        hint="check the file; save it again as .png or .pdf") from None
    max_pages = getattr(limits, "max_pages", 500) if limits is not None else 500
    if len(frames) > max_pages:
        raise TooLarge(f"the image holds {len(frames)} pages, over the {max_pages}-page limit", path=name,
                       hint="split it, or read the pages that hold the notice")

    def render(k: int):
        frame = frames[k]
        dpi = frame.info.get("dpi") or img.info.get("dpi") or (ocr.DPI, ocr.DPI)
        try:
            scale = float(dpi[0]) / 72 if float(dpi[0]) >= 50 else ocr.DPI / 72
        except (TypeError, ValueError, IndexError):
            scale = ocr.DPI / 72
        return frame, scale

    pages, scores = ocr.read_pages(render, len(frames), name=name)
    sizes = [(f.width / render(k)[1], f.height / render(k)[1]) for k, f in enumerate(frames)]
    try:
        raw = _assemble(pages, sizes, None, name=name)
    except NoTextLayer:
        raise NoTextLayer("OCR found no text in this image", path=name,
                          hint="check the scan: is it a page of text, upright and in focus?") from None
    return dataclasses.replace(raw, format="image", ocr_pages=tuple(k + 1 for k, p in enumerate(pages) if p),
                               ocr_confidence=round(sum(scores) / len(scores), 3) if scores else None)
