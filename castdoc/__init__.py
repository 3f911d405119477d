"""castdoc: read Chinese official notices and news bulletins into structured records.

The library is the API::

    import castdoc
    records = castdoc.parse("notice.docx")          # list[castdoc.Record]
    rows = castdoc.tasks(records, due_before="2024-06-30")
    plain = records[0].to_dict()                     # the YAML/JSON shape
    again = castdoc.Record.from_dict(plain)

(castdoc.api holds them; the CLI makes the same calls.) Nothing heavy is imported here,
so ``castdoc --help`` stays fast.
"""
from __future__ import annotations

__version__ = "0.1.0"
SCHEMA_VERSION = "1.0"

__all__ = ["parse", "tasks", "link", "Record", "CastdocError", "__version__", "SCHEMA_VERSION"]

from typing import TYPE_CHECKING  # noqa: E402

if TYPE_CHECKING:  # for type checkers and editors only: nothing heavy at import time
    import datetime as _dt
    import os as _os
    from typing import Iterable as _Iterable

    from .tasklist import TaskRow
    from .types import Record


def parse(source: "str | _os.PathLike | bytes | tuple[str, bytes]", *, name: str | None = None,
          base_date: "_dt.date | str | None" = None, config: "str | _os.PathLike | None" = None) -> "list[Record]":
    """Every record (one per article) of a path, ``bytes`` (with ``name``) or a text; see castdoc.api.parse."""
    from .api import parse as _parse

    return _parse(source, name=name, base_date=base_date, config=config)


def tasks(records_or_paths: "_Iterable[Record | str | _os.PathLike] | Record | str | _os.PathLike",
          **options) -> "list[TaskRow]":
    """The tasks of records, documents or record files, sorted by deadline; see castdoc.api.tasks."""
    from .api import tasks as _tasks

    return _tasks(records_or_paths, **options)


def link(records: "_Iterable[Record]") -> "list[Record]":
    """Records with each 转发 notice's ``forwards.path`` set to the record it forwards; see castdoc.api.link."""
    from .api import link as _link

    return _link(records)


def __getattr__(name: str):
    if name == "Record":
        from .types import Record

        return Record
    if name == "CastdocError":
        from .errors import CastdocError

        return CastdocError
    raise AttributeError(f"module 'castdoc' has no attribute {name!r}")
