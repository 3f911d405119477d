"""``castdoc schema``: the JSON Schema on stdout."""
from __future__ import annotations

import typer

from .app import command


@command
def schema(
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Accepted for every command; schema prints no messages."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Name the schema's file and version on stderr."),
) -> int:
    """Print the JSON Schema (draft 2020-12) that every record follows.

    Exit codes: 0 printed; 2 usage error.
    """
    import sys

    from ..schema import schema_text

    sys.stdout.write(schema_text())
    if verbose and not quiet:
        from .. import SCHEMA_VERSION
        from ..report import info
        from ..schema import SCHEMA_FILE

        info(f"{SCHEMA_FILE}, record schema {SCHEMA_VERSION}")
    return 0
