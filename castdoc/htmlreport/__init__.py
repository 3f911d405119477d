"""``castdoc report``: one self-contained HTML page over an inbox or an archive.

Why a page: deadlines across fifty notices a week are something people would rather see
than read. The page holds a timeline of overdue and upcoming deadlines, the task table
(sortable and filterable, and complete with scripts off), and one card per document with
its text, people, dates, platforms and initiatives marked. Not to be confused with
``castdoc.report``, which owns messages and exit codes.

Inputs are what ``castdoc tasks`` reads: documents, record files, folders of either. A
record's card shows its document's text when the document is where the record says.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..errors import CastdocError, UsageError
from ..recordfile import RECORD_SUFFIXES
from ..report import Report
from ..types import Record
from .page import Item, page

__all__ = ["make_report", "build", "Item"]


def build(records: list[Record], *, texts: dict[int, str] | None = None, today: dt.date | None = None,
          title: str = "castdoc report") -> str:
    """The page for these records (``texts``: record index -> its article's text)."""
    from ..structure.forward import link_records
    from ..tasklist import link_rows, rows_of_record, sort_key

    records = link_records(records)
    items = [Item(record=r, text=(texts or {}).get(i), anchor=f"doc-{i + 1}") for i, r in enumerate(records)]
    rows = [row for r in records for row in rows_of_record(r, r.source.path)]
    rows = sorted(link_rows(rows), key=sort_key)
    return page(items, rows, today=today or dt.date.today(), title=title)


def make_report(paths: list[str], *, output: Path | None = None, today: str | None = None,
                config: Path | None = None, title: str | None = None, quiet: bool = False,
                verbose: bool = False, base_date: str | None = None) -> Report:
    """``castdoc report`` as a library call: the page written to ``output`` (or stdout)."""
    import sys

    from .. import config as settings
    from ..tasklist import expand, parse_date

    day = parse_date(today, option="--today") if today else dt.date.today()
    base = parse_date(base_date, option="--base-date") if base_date else None
    if output is not None and output.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"castdoc report writes HTML, not {output.suffix or 'a file without a suffix'}",
                         path=str(output), hint="name the file report.html")
    settings.use(config, start=settings.first_folder(paths) if config is None else None)
    inputs = expand(paths, skip=[output] if output is not None else [])
    if not inputs:
        raise UsageError("no documents or records found in the paths given")
    if output is not None:
        from ..outputs import Inputs, guard

        guard(output, Inputs([*paths, *inputs]))  # never onto an input, never at a folder
    report = Report(inputs=len(inputs), quiet=quiet)
    records: list[Record] = []
    texts: dict[int, str] = {}
    for path in inputs:
        try:
            for rec, text in _read(path, base):
                if text is not None:
                    texts[len(records)] = text
                records.append(rec)
        except CastdocError as e:
            if e.path is None:
                e.path = path
            report.failure(e)
    html = build(records, texts=texts, today=day, title=title or "castdoc report")
    if output is None:
        from ..terminal import for_terminal, is_terminal

        sys.stdout.write(for_terminal(html) if is_terminal(sys.stdout) else html)
    else:
        from ..outputs import write_output

        write_output(output, html)
        if verbose:
            report.note(f"wrote {output}: {len(records)} documents")
    report.summary()
    return report


def _read(path: str, base_date: dt.date | None = None) -> list[tuple[Record, str | None]]:
    """(record, its article's text) of one input; ``base_date`` reads a document with no
    date of its own as written that day."""
    from ..parse import read_path
    from ..pipeline import _sha256_of, build_record, documents_from_raw

    if Path(path).suffix.lower() in RECORD_SUFFIXES:
        return [(rec, _text_of(rec, path)) for rec in _records(path)]
    raw = read_path(path)
    docs = documents_from_raw(raw, path=path, sha256=_sha256_of(path, raw), base_date=base_date)
    return [(build_record(d), _article_text(d)) for d in docs]


def _records(path: str) -> list[Record]:
    from ..recordfile import read_record_file

    out = []
    for d in read_record_file(path).documents:
        for x in d if isinstance(d, list) else [d]:
            if isinstance(x, dict):
                try:
                    out.append(Record.from_dict(x))
                except CastdocError as e:
                    e.path = path
                    raise
    return out


def _article_text(doc) -> str:
    v = doc.view
    return v.raw[v.origin[0]:v.origin[-1]] if v.text else ""


def _text_of(rec: Record, record_path: str) -> str | None:
    """The text of the record's document, found relative to the record file (as ``check``
    and ``parse --update`` write ``source.path``) or as written; None when absent."""
    from ..parse import read_path
    from ..pipeline import documents_from_raw

    src = rec.source.path
    if not src:
        return None
    for cand in (Path(record_path).parent / src, Path(src)):
        if cand.is_file():
            try:
                raw = read_path(cand)
            except CastdocError:
                return None
            if rec.source.articles <= 1:
                return raw.text
            docs = documents_from_raw(raw, path=str(cand), sha256=raw.sha256 or "")
            return _article_text(docs[rec.source.article]) if rec.source.article < len(docs) else None
    return None
