"""The task list as an Excel workbook (``castdoc tasks --format xlsx -o tasks.xlsx``).

Why a workbook and not only CSV: offices keep their lists in Excel or WPS 表格, where a
CSV's dates are text that does not sort or filter as dates and every column must be
widened by hand. Here deadlines are date cells, the header row is bold and frozen with an
autofilter over the table, columns have widths that fit Chinese text, and a second sheet
lists the documents. Every text cell is stored as text (an inline string), never a
formula, whatever it starts with: a document's ``=`` or ``+`` cannot run.

openpyxl is imported only here, when a workbook is asked for.
"""
from __future__ import annotations

import datetime as dt
import io
import unicodedata

TASK_HEADER = ("deadline", "time", "actor", "task", "deliverable", "document", "section", "contact", "also in",
               "source")
DOC_HEADER = ("document", "doc_number", "tasks", "first deadline", "forwards", "source")
_MAX_WIDTH = 60


def to_xlsx(rows, *, documents=()) -> bytes:
    """The workbook's bytes: sheet "tasks" (one row per TaskRow) and sheet "documents"
    (each document read, from ``documents`` — TaskRows with an empty task — and the rows)."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "tasks"
    table = [[r.task.deadline, r.task.deadline_time, r.task.actor, r.task.text, r.task.deliverable, r.document,
              " > ".join(r.task.section), r.task.contact, "；".join(r.also), r.source] for r in rows]
    _sheet(ws, TASK_HEADER, table, Font, Alignment, wrap={"task"})
    docs: dict[tuple[str, str], list] = {}
    for d in documents:
        docs.setdefault((d.source, d.document), [d.document, d.doc_number, 0, None,
                                                 d.forwards.title if d.forwards else None, d.source])
    for r in rows:
        d = docs.setdefault((r.source, r.document), [r.document, r.doc_number, 0, None,
                                                      r.forwards.title if r.forwards else None, r.source])
        d[2] += 1
        if r.task.deadline and (d[3] is None or r.task.deadline < d[3]):
            d[3] = r.task.deadline
    _sheet(wb.create_sheet("documents"), DOC_HEADER, list(docs.values()), Font, Alignment, wrap=set())
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def _sheet(ws, header, table, Font, Alignment, *, wrap: set[str]) -> None:
    ws.append(list(header))
    for c in ws[1]:
        c.font = Font(bold=True)
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    for values in table:
        ws.append([None if v in ("", None) else ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v
                   for v in values])
    for row in ws.iter_rows(min_row=2):
        for c in row:
            if isinstance(c.value, str):
                c.data_type = "s"  # text stays text: openpyxl would take "=…" for a formula
            elif isinstance(c.value, dt.date):
                c.number_format = "yyyy-mm-dd"
            if header[c.column - 1] in wrap:
                c.alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    from openpyxl.utils import get_column_letter

    for i, name in enumerate(header, 1):
        cells = [name] + [v[i - 1] for v in table]
        width = max(_width(v) for v in cells)
        ws.column_dimensions[get_column_letter(i)].width = min(_MAX_WIDTH, max(8, width + 2))


def _width(v) -> int:
    """Display width: a CJK character takes two columns."""
    if v is None:
        return 0
    if isinstance(v, dt.date):
        return 10
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in str(v))
