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

    console().print(f"[bold red]error:[/] {escape(line)}")


def warn(line: str) -> None:
    from rich.markup import escape

    console().print(f"[yellow]warning:[/] {escape(line)}")


def info(line: str) -> None:
    from rich.markup import escape

    console().print(escape(line))


def plain_err(line: str) -> None:
    print(line, file=sys.stderr)
