"""Bounds on what a file may expand to, checked before a native reader sees it.

pdfium inflates a PDF's streams in C, where neither ``--timeout`` nor a MemoryError can
stop it: a 2 MB PDF whose content stream inflates to 2 GB took 3.2 GB, and under a memory
cap it died with SIGABRT and no message. ``pdf_inflation`` inflates every Flate stream
here first, a megabyte at a time and counting, and stops at the limit (``--max-unzipped``,
as for .docx), so such a file is one TooLarge line. It costs one inflation of the file
(a few milliseconds for a notice); the formats' readers call it, ``read_bytes`` does for
.pdf.
"""
from __future__ import annotations

import re
import zlib

from ..errors import TooLarge

_STREAM = re.compile(rb"stream\r?\n")
_STEP = 1 << 20


def inflated_size(data: bytes, limit: int) -> int:
    """What the Flate streams of ``data`` inflate to, counted up to just past ``limit``."""
    view = memoryview(data)
    total = 0
    pos = 0
    n = len(data)
    while True:
        m = _STREAM.search(data, pos)
        if m is None:
            return total
        start = m.end()
        pos = start
        if start + 2 > n or data[start] & 0x0F != 8:  # not a zlib header (CM=8): not Flate
            continue
        d = zlib.decompressobj()
        at = start
        try:
            while not d.eof:
                if d.unconsumed_tail:
                    out = d.decompress(d.unconsumed_tail, _STEP)
                elif at < n:
                    out = d.decompress(view[at:at + 65536], _STEP)
                    at += 65536
                else:
                    break
                total += len(out)
                if total > limit:
                    return total
        except zlib.error:
            pass
        pos = max(pos, min(at, n) - len(d.unused_data) if d.eof else pos)


def pdf_inflation(data: bytes, *, name: str, limits) -> None:
    """TooLarge when the PDF's streams inflate past ``limits.max_unzipped``."""
    limit = limits.max_unzipped
    if inflated_size(data, limit) > limit:
        raise TooLarge(f"its streams inflate past {limit // (1024 * 1024)} MB (a decompression bomb, or an "
                       "enormous drawing)", path=name, hint="raise the limit with --max-unzipped if the file is genuine")


def memory_ceiling(limit: int) -> bool:
    """Cap this process's address space at what it uses now plus ``limit`` bytes (a batch
    worker: one file cannot take the machine; past it Python raises MemoryError, a native
    reader aborts, and either way the parent reports that one file). False where the
    system has no such limit."""
    try:
        import resource
    except ImportError:  # Windows
        return False
    try:
        with open("/proc/self/statm") as f:
            used = int(f.read().split()[0]) * resource.getpagesize()
    except (OSError, ValueError, IndexError):
        return False
    soft, hard = resource.getrlimit(resource.RLIMIT_AS)
    want = used + limit
    if hard != resource.RLIM_INFINITY:
        want = min(want, hard)
    if soft != resource.RLIM_INFINITY and soft <= want:
        return False
    try:
        resource.setrlimit(resource.RLIMIT_AS, (want, hard))
    except (ValueError, OSError):
        return False
    return True
