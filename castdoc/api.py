"""castdoc from Python: ``castdoc.parse`` and ``castdoc.tasks``, the calls the CLI makes.

Why a module of its own: the pipeline's functions take one kind of input each
(``parse_path``, ``parse_bytes``, ``parse_text``); a user holds a path, an e-mail
attachment's bytes or a pasted text and should not have to know which to call.

    >>> import castdoc
    >>> records = castdoc.parse("samples/notice.txt")
    >>> records[0].title
    '某省科协关于开展2024年度基层科协“科技工作者之家”建设试点工作的通知'
    >>> for row in castdoc.tasks(records):
    ...     print(row.task.deadline, row.task.actor, row.document)
"""
from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import Iterable, Union

from .types import Record

Source = Union[str, os.PathLike, bytes, tuple]


def parse(source: Source, *, name: str | None = None, base_date: dt.date | str | None = None,
          config: str | os.PathLike | None = None) -> list[Record]:
    """Every record (one per article) ``source`` holds.

    ``source`` is a path (``str`` naming an existing file, or ``pathlib.Path``), ``bytes``
    with ``name`` (its suffix picks the reader: ``name="通知.docx"``) or a ``(name, bytes)``
    pair, or a ``str`` of text. ``base_date`` (``--base-date``) reads a text with no date of
    its own as written that day (a pasted paragraph's 5月20日前 then resolves). ``config`` is a castdoc.toml whose
    ``[lexicon]`` names are found as such; without it the one above a path's folder is used.
    Raises ``castdoc.errors.CastdocError`` (its ``line()`` is the message) on bad input.
    """
    from . import config as settings
    from .parse import read_bytes, read_path
    from .pipeline import _sha256_of, build_record, documents_from_raw
    from .types import RawText

    if isinstance(base_date, str):
        base_date = dt.date.fromisoformat(base_date)
    if isinstance(source, tuple) and len(source) == 2 and isinstance(source[1], (bytes, bytearray)):
        name, source = source
    path: str | None = None
    if isinstance(source, os.PathLike) or (isinstance(source, str) and _names_a_file(source)):
        path = os.fspath(source)
    settings.use(config, start=Path(path) if path and config is None else None)
    if path is not None:
        raw = read_path(path, limits=_limits())
        docs = documents_from_raw(raw, path=path, sha256=_sha256_of(path, raw), base_date=base_date)
    elif isinstance(source, (bytes, bytearray)):
        label = name or "<bytes>"
        raw = read_bytes(bytes(source), name=label, suffix=Path(label).suffix or ".txt", limits=_limits())
        docs = documents_from_raw(raw, path=label, sha256=raw.sha256, base_date=base_date)
    elif isinstance(source, str):
        import hashlib

        raw = RawText(text=source, format="txt", encoding="utf-8")
        docs = documents_from_raw(raw, path=name or "<text>",
                                  sha256=hashlib.sha256(source.encode("utf-8", "surrogatepass")).hexdigest(),
                                  base_date=base_date)
    else:
        raise TypeError(f"castdoc.parse takes a path, bytes or text, not {type(source).__name__}")
    return [build_record(d) for d in docs]


def _names_a_file(s: str) -> bool:
    """A str is a path when it is one line naming an existing file, or one short line ending
    in a document's suffix (``通知.docx``: a missing file is then reported as one, not read
    as a text); anything else is text."""
    if "\n" in s or len(s) >= 4096:
        return False
    if os.path.isfile(s):
        return True
    from .parse import CONVERT_HINTS, READERS

    return len(s) < 300 and Path(s.strip()).suffix.lower() in {*READERS, *CONVERT_HINTS}


def _limits():
    from .parse import DEFAULT_LIMITS

    return DEFAULT_LIMITS


def tasks(records_or_paths: Iterable[Record | str | os.PathLike] | Record | str | os.PathLike, *,
          due_before: dt.date | str | None = None, due_after: dt.date | str | None = None,
          actor: str | None = None, overdue: bool = False, today: dt.date | str | None = None,
          base_date: dt.date | str | None = None):
    """The tasks of records, documents or record files (folders walked), as
    ``castdoc.tasklist.TaskRow`` (``.task``, ``.document``, ``.source``, ``.also``),
    filtered and sorted by deadline (undated last) as ``castdoc tasks`` lists them; a duty
    a forwarding notice repeats from the notice it forwards is listed once, naming both."""
    from .errors import CastdocError
    from .tasklist import expand, load, rows_of_record, select

    if isinstance(records_or_paths, (Record, str, os.PathLike)):
        records_or_paths = [records_or_paths]
    rows = []
    paths: list[str] = []
    recs: list[Record] = []
    for x in records_or_paths:
        if isinstance(x, Record):
            recs.append(x)
        else:
            paths.append(os.fspath(x))
    def day(v):
        return dt.date.fromisoformat(v) if isinstance(v, str) else v

    errors: list[CastdocError] = []
    if paths:
        rows.extend(load(expand(paths), on_error=errors.append, base_date=day(base_date)))
        if errors:
            raise errors[0]
    from .structure.forward import link_rows

    rows = link_rows(rows + [r for rec in recs for r in rows_of_record(rec, rec.source.path)])

    return select(rows, due_before=day(due_before), due_after=day(due_after), actor=actor, overdue=overdue,
                  today=day(today))


def link(records: Iterable[Record]) -> list[Record]:
    """The records, each 转发 notice's ``forwards.path`` set to the path of the record it
    forwards when that record is among them (what ``castdoc report`` shows)."""
    from .structure.forward import link_records

    return link_records(records)
