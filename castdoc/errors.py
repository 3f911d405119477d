"""One exception family: every failure a user can meet is a CastdocError with an exit code.

The CLI turns these into one line on stderr (``cli.app.command``, the one place that
catches them); nothing else prints them. A kind of error is one class line: its ``code``
and ``exit_code`` are class keywords, so a worker's error pickles back by name.
"""
from __future__ import annotations


class CastdocError(Exception):
    """A problem the user can act on. ``hint`` says what to do."""

    exit_code = 1
    code = "error"

    def __init_subclass__(cls, *, code: str | None = None, exit_code: int | None = None, **kw):
        super().__init_subclass__(**kw)
        if code is not None:
            cls.code = code
        if exit_code is not None:
            cls.exit_code = exit_code

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"


class UsageError(CastdocError, code="usage", exit_code=2):
    """A bad command line."""


class ReadError(CastdocError, code="read", exit_code=3):
    """The file could not be read as a document (missing, unknown format, corrupt, empty)."""


class UnsupportedFormat(ReadError, code="unsupported-format"):
    """A format castdoc does not read (it names a conversion where it knows one)."""


class EmptyDocument(ReadError, code="empty"):
    """Nothing to read: an empty file, or one that is only white space."""


class NoTextLayer(ReadError, code="no-text-layer"):
    """A scanned PDF: pages without text, which want OCR first."""


class TooLarge(ReadError, code="too-large"):
    """Past --max-size, or a .docx that expands past --max-unzipped."""


class TimeLimit(ReadError, code="timeout"):
    """A file took longer than ``--timeout`` and was stopped."""


class WorkerDied(ReadError, code="worker-died"):
    """The worker process reading a file died (a crash in a native reader, out of memory)."""


class MissingDependency(CastdocError, code="missing-dependency", exit_code=3):
    """An optional package a reader needs is not installed."""


class RecordError(CastdocError, code="record", exit_code=3):
    """A stored record could not be loaded (not YAML, unsafe tags, wrong shape, wrong types).

    ``reason`` names what went wrong (``RecordError.MISSING`` …) and ``lineno`` where,
    so that ``check`` can word its findings its own way from the same error."""

    MISSING = "missing"
    UNREADABLE = "unreadable"
    NOT_UTF8 = "not-utf8"
    TOO_LARGE = "too-large"
    ALIAS = "alias"
    TAG = "tag"
    SYNTAX = "syntax"
    SHAPE = "shape"

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None,
                 reason: str = SHAPE, lineno: int | None = None, problem: str | None = None):
        super().__init__(message, path=path, hint=hint)
        self.reason = reason
        self.lineno = lineno  # 1-based, in the file as read
        self.problem = problem  # the parser's or the system's own words
