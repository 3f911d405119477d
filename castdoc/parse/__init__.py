"""Readers: one module per format, one registry keyed by suffix, one entry point.

A reader turns bytes into ``RawText`` (the text exactly as obtained plus layout hints)
and does nothing else. Reader modules are imported only when a file of their format
arrives, so reading a .txt never loads python-docx or pdfplumber.
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
import os
import stat
from pathlib import Path

from ..errors import EmptyDocument, ReadError, TooLarge, UnsupportedFormat
from ..types import RawText

# suffix -> module under castdoc.parse exposing ``read(data: bytes, *, name: str, limits) -> RawText``
READERS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "txt",
    ".docx": "docx",
    ".pdf": "pdf",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".doc": "doc",
    ".wps": "doc",
    ".rtf": "rtf",
    ".ofd": "ofd",
}

# Formats offices meet that castdoc cannot read yet, with what to do instead.
CONVERT_HINTS: dict[str, str] = {
    ".xls": "these are spreadsheets; save the notice text as .txt or .docx",
    ".xlsx": "these are spreadsheets; save the notice text as .txt or .docx",
    ".ceb": "export it to PDF with the Apabi reader",
    ".caj": "export it to PDF with CAJViewer",
}


class Limits:
    """Bounds a reader keeps so that one hostile file cannot take the machine."""

    def __init__(self, max_bytes: int = 50 * 1024 * 1024, max_unzipped: int = 200 * 1024 * 1024, max_pages: int = 500,
                 max_memory: int = 4 * 1024 * 1024 * 1024):
        self.max_bytes = max_bytes
        self.max_unzipped = max_unzipped
        self.max_pages = max_pages
        self.max_memory = max_memory  # what a batch worker may take on top of what it starts with


DEFAULT_LIMITS = Limits()


def sniff(data: bytes) -> str | None:
    """Guess a format from the first bytes, for stdin and for files with a wrong suffix."""
    head = data[:1024].lstrip()
    if data.startswith(b"%PDF"):
        return ".pdf"
    if data.startswith(b"PK\x03\x04"):
        tail = data[-65536:]  # the zip's central directory names its members
        if b"OFD.xml" in tail and b"word/document.xml" not in tail:
            return ".ofd"
        return ".docx"
    low = head[:512].lower()
    if low.startswith((b"<!doctype html", b"<html")) or b"<html" in low or b"<body" in low:
        return ".html"
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        return ".doc"
    return None


def reader_for(suffix: str, *, path: str):
    suffix = suffix.lower()
    if suffix in CONVERT_HINTS:
        raise UnsupportedFormat(f"{suffix} files are not supported yet", path=path, hint=CONVERT_HINTS[suffix])
    mod = READERS.get(suffix)
    if mod is None:
        known = ", ".join(sorted(set(READERS)))
        raise UnsupportedFormat(f"unknown format {suffix or '(no suffix)'}", path=path, hint=f"castdoc reads {known}")
    return importlib.import_module(f"{__name__}.{mod}")


def read_bytes(data: bytes, *, name: str, suffix: str | None = None, limits: Limits = DEFAULT_LIMITS) -> RawText:
    """Read a document already in memory (stdin, tests); ``suffix`` picks the reader."""
    if len(data) > limits.max_bytes:
        raise TooLarge(
            f"file is {len(data) // (1024 * 1024)} MB, over the {limits.max_bytes // (1024 * 1024)} MB limit",
            path=name,
            hint="raise it with --max-size",
        )
    if not data.strip():
        raise EmptyDocument("file is empty", path=name, hint="check that the file was saved or downloaded completely")
    sniffed = sniff(data)
    # A password-protected .docx is an OLE file like a .doc: the docx reader tells them apart.
    keep_suffix = sniffed == ".doc" and (suffix or "").lower() == ".docx"
    # Any zip sniffs as .docx unless it names OFD.xml: a damaged .ofd is best told so by the OFD reader.
    keep_suffix = keep_suffix or (sniffed == ".docx" and (suffix or "").lower() == ".ofd")
    if suffix is None or suffix.lower() not in READERS or (
        sniffed and sniffed != suffix.lower() and sniffed in (".pdf", ".docx", ".doc", ".ofd") and not keep_suffix
    ):
        suffix = sniffed or suffix or ".txt"
    if suffix == ".pdf":
        from .bounds import pdf_inflation

        pdf_inflation(data, name=name, limits=limits)
    if READERS.get(suffix.lower()) in ("txt", "html"):
        _text_guard(data, name=name, html=READERS[suffix.lower()] == "html")
    raw = reader_for(suffix, path=name).read(data, name=name, limits=limits)
    if raw.format == "html" and (raw.encoding or "").startswith(("gb18030", "big5")):
        _mojibake_guard(data, raw.text, name=name)
    if raw.format == "html" and "with errors" in (raw.encoding or "") and _broken(raw.text):
        raise ReadError("not readable text (binary data, or an encoding castdoc does not know)", path=name,
                        hint="save the page as UTF-8, or check its real format")
    if not raw.text.strip():
        raise EmptyDocument("no text in the document", path=name, hint="the file holds no readable text")
    return dataclasses.replace(raw, sha256=hashlib.sha256(data).hexdigest())


class Oversize(Exception):
    """More bytes than the limit (``read_regular``, ``read_stream``): ``size`` is what was seen."""

    def __init__(self, size: int):
        super().__init__(size)
        self.size = size


class NotRegular(Exception):
    """Not a regular file: ``kind`` names what it is (a folder, a device, a FIFO, a socket)."""

    def __init__(self, kind: str):
        super().__init__(kind)
        self.kind = kind


_KINDS = ((stat.S_ISDIR, "a folder"), (stat.S_ISCHR, "a device"), (stat.S_ISBLK, "a device"),
          (stat.S_ISFIFO, "a named pipe (FIFO)"), (stat.S_ISSOCK, "a socket"))


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a regular file")


def read_stream(f, max_bytes: int) -> bytes:
    """At most ``max_bytes`` from a stream, counted while reading (stdin, a file that says
    its size is 0 as /proc files do): Oversize as soon as it holds more."""
    chunks, got = [], 0
    while True:
        chunk = f.read(min(1 << 20, max_bytes + 1 - got))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        got += len(chunk)
        if got > max_bytes:
            raise Oversize(got)


def read_regular(path: str | Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, at most ``max_bytes``.

    The type is checked before opening (a device such as /dev/zero, or a symlink to one,
    says its size is 0 and never ends; a FIFO blocks the open), again on the open file
    (something may have been swapped in between), and the size is counted while reading.
    Raises NotRegular, Oversize or OSError."""
    st = os.stat(path)
    if not stat.S_ISREG(st.st_mode):
        raise NotRegular(_kind(st.st_mode))
    if st.st_size > max_bytes:
        raise Oversize(st.st_size)
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb", buffering=0) as f:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise NotRegular(_kind(st.st_mode))
        return read_stream(f, max_bytes)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.3g}"


def _too_large(size: int, limits: Limits, name: str, *, at_least: bool = False) -> TooLarge:
    if at_least:  # counted while reading: stopped at the limit
        return TooLarge(f"holds more than the {_mb(limits.max_bytes)} MB limit", path=name, hint="raise it with --max-size")
    return TooLarge(f"file is {_mb(size)} MB, over the {_mb(limits.max_bytes)} MB limit", path=name,
                    hint="raise it with --max-size")


def _text_guard(data: bytes, *, name: str, html: bool) -> None:
    """Text formats: NUL bytes (without a UTF-16 BOM) mean binary data, whatever the name says."""
    if not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" in data[:4096]:
        what = "HTML" if html else "text"
        raise ReadError(f"binary data, not {what}", path=name, hint="is this really what its name says? check its real format")


def _broken(text: str) -> bool:
    """Decoded with errors, and more of it lost than a truncated download loses."""
    bad = text.count("\ufffd") + sum(1 for c in text[:20000] if c < " " and c not in "\t\n\r\f")
    return bad > max(3, len(text) // 50)


def _mojibake_guard(data: bytes, text: str, *, name: str) -> None:
    """A page with no usable charset, decoded as GB18030 (which takes almost any bytes):
    refused when the result does not read as Chinese, with the language when known."""
    from .charset import foreign_encoding, reads_as_chinese

    if reads_as_chinese(text):
        return
    foreign = foreign_encoding(data)
    if foreign is not None:
        raise ReadError(f"{foreign[0]} text ({foreign[1]}), not Chinese; castdoc reads Chinese notices", path=name,
                        hint="if it is Chinese after all, save the page as UTF-8")
    raise ReadError("not readable text (binary data, or an encoding castdoc does not know)", path=name,
                    hint="save the page as UTF-8, or check its real format")


def read_path(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> RawText:
    """Read one file by its suffix (or, for '-', standard input)."""
    import sys

    if str(path) == "-":
        try:
            data = read_stream(sys.stdin.buffer, limits.max_bytes)
        except Oversize as e:
            raise _too_large(e.size, limits, "<stdin>", at_least=True) from None
        return read_bytes(data, name="<stdin>", suffix=None, limits=limits)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in CONVERT_HINTS:
        raise UnsupportedFormat(f"{suffix} files are not supported yet", path=str(path), hint=CONVERT_HINTS[suffix])
    try:
        data = read_regular(p, limits.max_bytes)
    except FileNotFoundError:
        raise ReadError("no such file", path=str(path), hint="check the path") from None
    except NotRegular as e:
        if e.kind == "a folder":
            raise ReadError("is a folder", path=str(path), hint="castdoc parse walks folders itself: pass the folder to parse") from None
        raise ReadError(f"not a regular file: {e.kind}", path=str(path),
                        hint="castdoc reads documents saved as files; copy it to a file first") from None
    except Oversize as e:
        raise _too_large(e.size, limits, str(path), at_least=e.size == limits.max_bytes + 1) from None
    except OSError as e:
        raise ReadError(f"cannot read: {e.strerror}", path=str(path), hint="check the file's permissions") from None
    if suffix not in READERS and sniff(data) is None:
        reader_for(suffix, path=str(path))  # raises with the list of formats
    return read_bytes(data, name=str(path), suffix=suffix, limits=limits)


class _CallableModule(__import__("types").ModuleType):
    """``castdoc.parse`` is both this package (the readers) and the library's entry point
    ``castdoc.parse(source)``: importing a subpackage sets the parent's attribute to it, so
    the package itself answers the call (see castdoc.api.parse)."""

    def __call__(self, source, *, name=None, base_date=None, config=None):
        from ..api import parse

        return parse(source, name=name, base_date=base_date, config=config)


__import__("sys").modules[__name__].__class__ = _CallableModule
