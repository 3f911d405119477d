"""The Typer app, ``--version``, the one place a CastdocError becomes its line and exit code,
and the entry point (``castdoc.cli:main``) that says when Ctrl-C stopped a run."""
from __future__ import annotations

import functools
import sys
from enum import Enum

import typer

from .. import report
from . import coerce

coerce.install()  # plain option types without pydantic: a tenth of a second of every start

app = typer.Typer(
    name="castdoc",
    help=(
        "Read Chinese official notices (通知, 意见, 通报, 函 …) and news bulletins (本报讯 …) into "
        "structured records: who must do what by when, contacts, platforms, people, dates.\n\n"
        + report.EXIT_CODES_HELP
    ),
    add_completion=True,  # castdoc --install-completion (bash, zsh, fish, PowerShell)
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
)


def _show_version(value: bool) -> None:
    if value:
        from .. import SCHEMA_VERSION, __version__

        sys.stdout.write(f"castdoc {__version__} (record schema {SCHEMA_VERSION})\n")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                 help="Print castdoc's version and the record schema's, and exit."),
) -> None:
    """Read Chinese official notices and news bulletins into structured records."""


def choices(name: str, *values: str) -> type[Enum]:
    """The values an option takes, as the Enum typer lists in --help (``[yaml|json|jsonl]``).

    Spelled out in each command rather than taken from the library's modules, which
    ``castdoc --help`` does not import."""
    return Enum(name, {v: v for v in values}, type=str)


def command(fn):
    """Register ``fn`` as a command. It returns its exit code (its Report's); a CastdocError
    it raises becomes one line on stderr and the error's exit code, here and nowhere else,
    so every command (and a test calling ``app`` in-process) fails the same way. The
    command runs with compiled patterns kept between runs (castdoc.cli.recache)."""

    @functools.wraps(fn)
    def run(*args, **kwargs) -> None:
        from ..errors import CastdocError
        from ..nlp import _cache_dir
        from . import recache

        recache.install(_cache_dir())  # the library's patterns, compiled by an earlier run
        try:
            code = fn(*args, **kwargs)
        except CastdocError as e:
            report.error(e.line())
            raise typer.Exit(e.exit_code) from None
        finally:
            recache.uninstall()
        if code:
            raise typer.Exit(code)

    app.command()(run)
    return run


class _Interrupted(BaseException):
    """Ctrl-C, raised past typer (which turns KeyboardInterrupt into a silent exit 130)
    and past every ``except Exception``, so that main() can say what happened."""


def _on_interrupt(signum, frame) -> None:
    raise _Interrupted()


class _Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that every ``finally`` runs: workers stopped, a
    half-written temporary file removed."""


def _on_terminate(signum, frame) -> None:
    raise _Terminated()


def main() -> None:
    """Entry point: runs the app; Ctrl-C ends with "interrupted" and exit code 130."""
    import signal

    if signal.getsignal(signal.SIGINT) is signal.default_int_handler:  # not when the shell ignores it
        signal.signal(signal.SIGINT, _on_interrupt)
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _on_terminate)
    try:
        app()
    except (KeyboardInterrupt, _Interrupted):
        report.plain_err("interrupted")
        sys.exit(report.INTERRUPTED)
    except _Terminated:
        report.plain_err("terminated")
        sys.exit(128 + signal.SIGTERM)
