"""Exit codes and people's messages: owned here, so every command means the same by them.

Data goes to stdout; everything for people goes to stderr.
"""
from __future__ import annotations

import sys

OK = 0  # clean
FINDINGS = 1  # check found errors, or some inputs of a batch failed
USAGE = 2  # bad command line
UNREADABLE = 3  # an input could not be read (every input of the command, or check's sources)
INTERRUPTED = 130

EXIT_CODES_HELP = (
    "Exit codes: 0 clean; 1 findings (check) or some inputs failed (batch); "
    "2 usage error; 3 no input could be read; 130 interrupted."
)

_console = None


def console():
    """A rich Console on stderr, made on first use (rich is not imported for --help)."""
    global _console
    if _console is None:
        from rich.console import Console

        _console = Console(stderr=True, highlight=False, soft_wrap=True)
    return _console


def error(line: str) -> None:
    from rich.markup import escape

    from .terminal import one_line

    console().print(f"[bold red]error:[/] {escape(one_line(line))}")  # a name with ESC or a newline stays one line


def warn(line: str) -> None:
    from rich.markup import escape

    from .terminal import one_line

    console().print(f"[yellow]warning:[/] {escape(one_line(line))}")


def info(line: str) -> None:
    from rich.markup import escape

    from .terminal import one_line

    console().print(escape(one_line(line)))


def plain_err(line: str) -> None:
    print(line, file=sys.stderr)


class Report:
    """What one command did: its counts, its messages for people, and its exit code.

    Every command (parse, tasks, check, show, schema) ends with ``report.exit_code``, so the
    codes mean the same everywhere: an input that could not be read makes 1, or 3 when no
    input could be read; ``check`` says 3 for any source it could not read (a CI job must
    not pass an archive it could not look at), and 1 for findings at error severity."""

    def __init__(self, *, quiet: bool = False, inputs: int = 0, any_unread_is_fatal: bool = False):
        self.quiet = quiet
        self.inputs = inputs
        self.failed = 0  # inputs that could not be read (or their output written)
        self.unwritten = 0  # of those, the ones read whose output could not be written
        self.errors = 0  # findings at error severity
        self.any_unread_is_fatal = any_unread_is_fatal

    def failure(self, err, *, trace: str | None = None, written: bool = True) -> None:
        """One input failed: its one line (a CastdocError's) on stderr, the traceback with --debug.
        ``written=False``: it was read, but its output could not be written."""
        self.failed += 1
        self.unwritten += not written
        error(err.line())
        if trace:
            plain_err(trace.rstrip())

    def note(self, line: str) -> None:
        """A line for people about what was done (not with --quiet)."""
        if not self.quiet:
            info(line)

    def summary(self) -> None:
        """A batch's last line on stderr: how many inputs failed (with more than one input)."""
        if self.failed and not self.quiet and self.inputs > 1:
            unread = self.failed - self.unwritten
            parts = ([f"{unread} of {self.inputs} inputs could not be read"] if unread else []) + (
                [f"{self.unwritten} of {self.inputs} outputs could not be written"] if self.unwritten else [])
            warn("; ".join(parts))

    @classmethod
    def of_check(cls, *, unreadable: int, errors: int) -> "Report":
        """A check run's outcome: sources it could not read, findings at error severity."""
        r = cls(any_unread_is_fatal=True)
        r.failed, r.errors = unreadable, errors
        return r

    @property
    def exit_code(self) -> int:
        if self.failed and (self.any_unread_is_fatal or self.failed >= self.inputs):
            return UNREADABLE
        if self.failed or self.errors:
            return FINDINGS
        return OK
