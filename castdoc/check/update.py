"""``castdoc parse --update``: write or refresh each document's record beside it.

Shares the record rules with ``check --fix`` (portable ``source.path``, atomic writes,
unchanged records left alone, never over a document or a foreign YAML file), so a record
written by either reads as clean to the other.
"""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..errors import CastdocError, UsageError
from .records import portable, record_path, write_records

WRITTEN = "written"
UNCHANGED = "unchanged"


def update_record(path: str, records: Iterable[dict], *, documents=None,
                  records_dir: Path | None = None, root: Path | None = None) -> tuple[str, Path]:
    """(WRITTEN or UNCHANGED, record file) for one parsed document."""
    if path == "-":
        raise UsageError("--update writes a record beside each document; standard input has no place",
                         hint="pass files or folders, or drop --update")
    doc = Path(path)
    target = record_path(doc, records=records_dir, root=root)
    dicts = portable(list(records), doc, target)
    try:
        from ..outputs import Inputs

        if isinstance(documents, Inputs):  # the batch's inputs, identified once
            if doc.absolute() == target.absolute():
                raise ValueError(f"{target} is the document itself; not overwritten")
            changed = write_records(target, dicts, documents=documents)
        else:
            changed = write_records(target, dicts, documents=(documents or set()) | {doc})
    except ValueError as e:
        raise CastdocError(str(e), path=str(doc), hint="rename the file that is in the way") from None
    except OSError as e:
        from ..outputs import write_error

        raise write_error(e, target) from None
    return (WRITTEN if changed else UNCHANGED), target
