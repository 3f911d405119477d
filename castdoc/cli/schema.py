"""``castdoc schema``: the JSON Schema on stdout."""
from __future__ import annotations

from .app import command


@command
def schema() -> int:
    """Print the JSON Schema (draft 2020-12) that every record follows."""
    import sys

    from ..schema import schema_text

    sys.stdout.write(schema_text())
    return 0
