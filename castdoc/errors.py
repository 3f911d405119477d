"""One exception family: every failure a user can meet is a CastdocError with an exit code.

The CLI turns these into one line on stderr (``report.py``); nothing else prints them.
"""
from __future__ import annotations


class CastdocError(Exception):
    """A problem the user can act on. ``hint`` says what to do."""

    exit_code = 1
    code = "error"

    def __init__(self, message: str, *, path: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.path = path
        self.hint = hint

    def line(self) -> str:
        where = f"{self.path}: " if self.path else ""
        tail = f" ({self.hint})" if self.hint else ""
        return f"{where}{self.message}{tail}"


class UsageError(CastdocError):
    exit_code = 2
    code = "usage"


class ReadError(CastdocError):
    """The file could not be read as a document (missing, unknown format, corrupt, empty)."""

    exit_code = 3
    code = "read"


class UnsupportedFormat(ReadError):
    code = "unsupported-format"


class EmptyDocument(ReadError):
    code = "empty"


class NoTextLayer(ReadError):
    code = "no-text-layer"


class TooLarge(ReadError):
    code = "too-large"


class TimeLimit(ReadError):
    """A file took longer than ``--timeout`` and was stopped."""

    code = "timeout"


class WorkerDied(ReadError):
    """The worker process reading a file died (a crash in a native reader, out of memory)."""

    code = "worker-died"


class MissingDependency(CastdocError):
    exit_code = 3
    code = "missing-dependency"


class RecordError(CastdocError):
    """A stored record could not be loaded (not YAML, unsafe tags, wrong shape)."""

    exit_code = 3
    code = "record"
