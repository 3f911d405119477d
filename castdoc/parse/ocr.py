"""OCR for scans: image-only PDF pages and image files, read with RapidOCR (an extra).

``rapidocr-onnxruntime`` ships its PP-OCR models (detection, direction, recognition;
Chinese and Latin) inside its wheel, so nothing is downloaded at run time; it is an
optional extra (``pip install 'castdoc[ocr]'``) because it brings onnxruntime and OpenCV.
The engine is built once per process, on the first scan.

Each recognised text box becomes a line on the page (in points, y upwards, its height as
the type size, red when most of its ink is red), so the PDF reader's layout makes the text
of a scan as it does of a text layer: reading order, columns, paragraphs, the red
发文机关标志. The reader reports the pages read by OCR and the mean confidence.
"""
from __future__ import annotations

import functools
import importlib.util
import logging
import sys

from .pdf_layout import _Line

INSTALL = "pip install 'castdoc[ocr]'"
DPI = 200


def available() -> bool:
    return importlib.util.find_spec("rapidocr_onnxruntime") is not None


@functools.lru_cache(maxsize=1)
def _engine():
    from rapidocr_onnxruntime import RapidOCR

    engine = RapidOCR()
    for name in ("RapidOCR", "rapidocr_onnxruntime", "rapidocr"):
        logging.getLogger(name).setLevel(logging.WARNING)  # it logs every call at INFO
    return engine


def recognise(image, *, page: int, scale: float) -> tuple[list[_Line], list[float]]:
    """The text lines of one page image (``scale``: pixels per point) and their confidences."""
    import numpy as np

    rgb = np.asarray(image.convert("RGB"))
    result, _ = _engine()(rgb)
    height = rgb.shape[0] / scale
    lines: list[_Line] = []
    scores: list[float] = []
    for box, text, score in result or ():
        text = (text or "").strip()
        if not text:
            continue
        xs = [p[0] for p in box]
        ys = [p[1] for p in box]
        top, bottom = height - min(ys) / scale, height - max(ys) / scale
        size = _size(text, max(xs) / scale - min(xs) / scale, top - bottom)
        lines.append(_Line(text=text, x0=min(xs) / scale, x1=max(xs) / scale, top=top, bottom=bottom,
                           size=max(size, 1.0), page=page, red=_red(rgb, box)))
        scores.append(float(score))
    if lines:
        # A box's height varies with its characters (two characters, quotes, descenders):
        # the sizes near the page's common one are that one, so body lines join.
        common = sorted(x.size for x in lines)[len(lines) // 2]
        for x in lines:
            if abs(x.size - common) <= 0.12 * common:
                x.size = common
    lines.sort(key=lambda x: (-x.top, x.x0))
    return lines, scores


def _size(text: str, width: float, height: float) -> float:
    """The type size of a recognised line: Chinese characters are square, so a line's
    width over its characters gives it (ASCII counting half); a box's height, padded
    more or less by the detector, only for short or Latin lines."""
    units = sum(1.0 if ord(ch) >= 0x2E80 else 0.5 for ch in text if not ch.isspace())
    wide = sum(1 for ch in text if ord(ch) >= 0x2E80)
    if units >= 3 and wide >= 0.5 * len(text):
        return round(width / units, 1)
    return float(round(height * 0.8))


def _red(rgb, box) -> bool:
    """Most of the ink in the box is red (the 发文机关标志 of a scanned notice)."""
    xs = [int(p[0]) for p in box]
    ys = [int(p[1]) for p in box]
    crop = rgb[max(0, min(ys)):max(ys) + 1, max(0, min(xs)):max(xs) + 1]
    if crop.size == 0:
        return False
    r, g, b = (crop[..., k].astype(int) for k in range(3))
    ink = (r + g + b) < 600  # not paper
    if ink.sum() < 20:
        return False
    red = ink & (r > 150) & (g < 110) & (b < 110)
    return red.sum() > 0.5 * ink.sum()


def read_pages(render, count: int, *, name: str) -> tuple[list[list[_Line]], list[float]]:
    """OCR of ``count`` page images (``render(k)`` gives the k-th as (PIL image, pixels per
    point)), with a progress bar on a terminal."""
    pages: list[list[_Line]] = []
    scores: list[float] = []
    with _progress(count, name) as step:
        for k in range(count):
            image, scale = render(k)
            lines, conf = recognise(image, page=k, scale=scale)
            pages.append(lines)
            scores.extend(conf)
            step()
    return pages, scores


class _progress:
    """A rich progress bar on stderr when it is a terminal and this is the main process."""

    def __init__(self, total: int, name: str) -> None:
        self.total, self.name, self.bar = total, name, None

    def __enter__(self):
        import multiprocessing

        if self.total > 1 and sys.stderr.isatty() and multiprocessing.parent_process() is None:
            from rich.console import Console
            from rich.markup import escape
            from rich.progress import Progress

            self.bar = Progress(console=Console(stderr=True), transient=True)
            self.bar.start()
            task = self.bar.add_task(f"OCR {escape(self.name)}", total=self.total)
            return lambda: self.bar.advance(task)
        return lambda: None

    def __exit__(self, *exc) -> None:
        if self.bar is not None:
            self.bar.stop()
