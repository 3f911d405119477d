"""Readers: one module per format, one registry keyed by suffix, one entry point.

A reader turns bytes into ``RawText`` (the text exactly as obtained plus layout hints)
and does nothing else. Reader modules are imported only when a file of their format
arrives, so reading a .txt never loads python-docx or pdfplumber.
"""
from __future__ import annotations

import dataclasses
import hashlib
import importlib
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

    def __init__(self, max_bytes: int = 50 * 1024 * 1024, max_unzipped: int = 200 * 1024 * 1024, max_pages: int = 500):
        self.max_bytes = max_bytes
        self.max_unzipped = max_unzipped
        self.max_pages = max_pages


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
    raw = reader_for(suffix, path=name).read(data, name=name, limits=limits)
    if not raw.text.strip():
        raise EmptyDocument("no text in the document", path=name, hint="the file holds no readable text")
    return dataclasses.replace(raw, sha256=hashlib.sha256(data).hexdigest())


def read_path(path: str | Path, *, limits: Limits = DEFAULT_LIMITS) -> RawText:
    """Read one file by its suffix (or, for '-', standard input)."""
    import sys

    if str(path) == "-":
        return read_bytes(sys.stdin.buffer.read(), name="<stdin>", suffix=None, limits=limits)
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix in CONVERT_HINTS:
        raise UnsupportedFormat(f"{suffix} files are not supported yet", path=str(path), hint=CONVERT_HINTS[suffix])
    try:
        size = p.stat().st_size
    except FileNotFoundError:
        raise ReadError("no such file", path=str(path), hint="check the path") from None
    except OSError as e:
        raise ReadError(f"cannot open: {e.strerror}", path=str(path)) from None
    if p.is_dir():
        raise ReadError("is a folder", path=str(path), hint="castdoc parse walks folders itself: pass the folder to parse")
    if size > limits.max_bytes:
        raise TooLarge(
            f"file is {size // (1024 * 1024)} MB, over the {limits.max_bytes // (1024 * 1024)} MB limit",
            path=str(path),
            hint="raise it with --max-size",
        )
    try:
        data = p.read_bytes()
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
