"""Tables: contacts from contact tables, one task per row of a table of duties.

The readers write a table row as one line with its cells parted by tabs (.docx, .html,
a PDF row), so tables are found in the text as read: runs of lines with two or more cells.
Normalisation takes the tabs between Chinese cells out, which is why this works on the
raw text and hands back Mentions of its cells.

- A contact table names its columns in a header row (联系人 | 电话 | 邮箱: one contact a
  row below it), or pairs labels with values along its rows (联系人 | 王明 | 电话 | …:
  a new 联系人 label opens the next contact).
- A table of duties (序号 | 工作内容 | 责任单位 | 完成时限) gives each row as a task: the
  work as its text, the unit in charge as its actor, the deadline from the dates the
  dates extractor found in the time-limit cell.

Both replace what the text extractors read from the same lines (which see a table row as
one run-together sentence); documents without such tables are left exactly as they were.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..types import Contact, Mention, Task
from ..vocab import CONTACT_COLUMNS, DUTY_COLUMNS, EMAIL, NO_DEADLINE, PHONE, column_of
from . import contacts as text_contacts
from . import tasks as text_tasks
from .tasks.fields import contact as contact_for, deliverable, section, task_id

MAX_NAME = 12  # characters: a longer cell under 联系人 is not a name


@dataclass(frozen=True, slots=True)
class Row:
    cells: tuple[Mention, ...]  # each cell's text as read (stripped), raw offsets
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]

    @property
    def start(self) -> int:
        return self.rows[0].start

    @property
    def end(self) -> int:
        return self.rows[-1].end


def tables_of(doc) -> list[Table]:
    """Runs of lines holding two or more tab-parted cells, in the article's raw text."""
    view = doc.view
    raw = view.raw
    a, b = view.origin[0], view.origin[-1]
    if "\t" not in raw[a:b]:
        return []
    out: list[Table] = []
    current: list[Row] = []
    pos = a
    while pos < b:
        nl = raw.find("\n", pos, b)
        end = b if nl < 0 else nl
        row = _row(raw, pos, end)
        if row is not None:
            current.append(row)
        elif current:
            out.append(Table(rows=tuple(current)))
            current = []
        pos = end + 1
    if current:
        out.append(Table(rows=tuple(current)))
    return out


def _row(raw: str, start: int, end: int) -> Row | None:
    if "\t" not in raw[start:end]:
        return None
    cells: list[Mention] = []
    pos = start
    while pos <= end:
        tab = raw.find("\t", pos, end)
        stop = end if tab < 0 else tab
        s, e = pos, stop
        while s < e and raw[s].isspace():
            s += 1
        while e > s and raw[e - 1].isspace():
            e -= 1
        if e > s:
            cells.append(Mention(start=s, end=e, text=raw[s:e], value=raw[s:e]))
        if tab < 0:
            break
        pos = tab + 1
    return Row(cells=tuple(cells), start=start, end=end) if len(cells) >= 2 else None


def _header(row: Row, columns) -> dict[int, str] | None:
    """Column index → column name, when every cell of the row is a label of ``columns``."""
    cols = {k: column_of(c.value, columns) for k, c in enumerate(row.cells)}
    if any(v is None for v in cols.values()) or len(set(cols.values())) < 2:
        return None
    return cols


# ---------------------------------------------------------------- contacts
def table_contacts(doc, tables: list[Table]) -> tuple[list[Contact], list[Table]]:
    """The contacts of the contact tables, and the tables they came from."""
    found: list[Contact] = []
    used: list[Table] = []
    for t in tables:
        got = _table_contacts(t)
        if got:
            found.extend(got)
            used.append(t)
    return found, used


def _table_contacts(t: Table) -> list[Contact]:
    """Row by row: a header row names the columns of the rows below it; a row that pairs
    labels with values (联系人 | 王明 | 电话 | …) adds to the contact it opened."""
    out: list[Contact] = []
    cols = None
    pairs: tuple[int, dict[str, list[Mention]]] | None = None
    for row in t.rows:
        header = _header(row, CONTACT_COLUMNS)
        if header is not None:
            cols = header if {"name", "phone", "email"} & set(header.values()) else None
            continue
        labelled = _pairs(row)
        if labelled:
            cols = None
            for col, value in labelled:
                if pairs is None or (col == "name" and "name" in pairs[1]):
                    if pairs is not None:
                        out.append(pairs)
                    pairs = (row.start, {})
                pairs[1].setdefault(col, []).append(value)
            continue
        if cols is None or len(row.cells) > len(cols):
            continue
        values: dict[str, list[Mention]] = {}
        for k, cell in enumerate(row.cells):
            values.setdefault(cols[k], []).append(cell)
        out.append((row.start, values))
    if pairs is not None:
        out.append(pairs)
    out.sort(key=lambda g: g[0])
    return [c for first, values in out if (c := _contact(values, first)) is not None]


def _pairs(row: Row) -> list[tuple[str, Mention]]:
    """(column, value) for each label cell followed by a value cell, when the row opens
    with one."""
    cells = row.cells
    if column_of(cells[0].value, CONTACT_COLUMNS) is None:
        return []
    got: list[tuple[str, Mention]] = []
    k = 0
    while k + 1 < len(cells):
        col = column_of(cells[k].value, CONTACT_COLUMNS)
        if col is None or column_of(cells[k + 1].value, CONTACT_COLUMNS) is not None:
            k += 1
            continue
        got.append((col, cells[k + 1]))
        k += 2
    return got


def _contact(values: dict[str, list[Mention]], first: int) -> Contact | None:
    names = [m for m in values.get("name", ()) if len(m.value) <= MAX_NAME]
    phones = [p.group(0) for m in values.get("phone", ()) for p in PHONE.finditer(m.value)]
    emails = [e.group(0) for m in values.get("email", ()) for e in EMAIL.finditer(m.value)]
    address = "、".join(m.value for m in values.get("address", ())) or None
    role = "、".join(m.value for m in values.get("role", ())) or None
    if not (names or phones or emails):
        return None
    name = names[0] if names else None
    mention = name or next(iter(values.get("phone", ()) or values.get("email", ()) or ()), None)
    return Contact(name=name.value if name else None, phone="、".join(dict.fromkeys(phones)) or None,
                   email="、".join(dict.fromkeys(emails)) or None, address=address, role=role, first=first,
                   mention=mention)


def contacts_with_tables(doc, found) -> tuple[Contact, ...]:
    """The text extractor's contacts, those of contact tables in place of what it read
    from the same lines."""
    from_text = text_contacts.extract(doc, found)
    from_tables, used = table_contacts(doc, tables_of(doc))
    if not from_tables:
        return from_text
    inside = [(t.start, t.end) for t in used]
    kept = [c for c in from_text if not any(a <= c.first < b for a, b in inside)]
    return tuple(sorted([*kept, *from_tables], key=lambda c: c.first))


# ---------------------------------------------------------------- duties
def duty_tasks(doc, found, tables: list[Table]) -> tuple[list[Task], list[Table]]:
    """One task per row of each table of duties, and those tables."""
    dates = sorted(found.dates if found is not None else (), key=lambda d: d.mention.start)
    contacts = found.contacts if found is not None else ()
    out: list[Task] = []
    used: list[Table] = []
    for t in tables:
        cols = None
        rows: list[Task] = []
        for row in t.rows:
            header = _header(row, DUTY_COLUMNS)
            if header is not None:
                vals = set(header.values())
                cols = header if "task" in vals and vals & {"actor", "deadline"} else None
                continue
            if cols is None:
                continue
            cells = _aligned(row, cols)
            work = cells.get("task")
            if work is None or len(work.value) < 2:
                continue
            actor = cells.get("actor")
            when = cells.get("deadline")
            due = [d for d in dates if when is not None and when.start <= d.mention.start < when.end]
            deadline = max((d.end for d in due), default=None)
            if when is not None and NO_DEADLINE.search(when.value) and not due:
                deadline = None
            rows.append(Task(
                id=task_id(doc.source.sha256, doc.source.article, work.value),
                text=work.value,
                actor=actor.value if actor else None,
                actor_source="explicit" if actor else None,
                deadline=deadline,
                deadline_time=next((d.time for d in due if d.end == deadline and d.time), None),
                detail=when.value if when is not None and deadline is None else None,
                deliverable=deliverable(work.value),
                contact=contact_for(contacts, work.start),
                section=section(doc, row.start, (row.start, row.end)),
                start=work.start,
                end=work.end,
                mention=work,
            ))
        if rows:
            out.extend(rows)
            used.append(t)
    return out, used


def _aligned(row: Row, cols: dict[int, str]) -> dict[str, Mention]:
    """The row's cells by column. A row with fewer cells than the header lost an empty
    one (the readers drop them): a leading 序号 is told by its digits."""
    cells = list(row.cells)
    if len(cells) < len(cols) and cols.get(0) == "number" and not cells[0].value.rstrip(".、").isdigit():
        cells.insert(0, None)
    out: dict[str, Mention] = {}
    for k, cell in enumerate(cells[: len(cols)]):
        if cell is not None and cols[k] not in out:
            out[cols[k]] = cell
    return out


def tasks_with_tables(doc, found) -> tuple[Task, ...]:
    """The text extractor's tasks, those of tables of duties in place of what it read from
    the same rows."""
    from_text = text_tasks.extract(doc, found)
    from_tables, used = duty_tasks(doc, found, tables_of(doc))
    if not from_tables:
        return from_text
    inside = [(t.start, t.end) for t in used]
    kept = [k for k in from_text if not any(a <= k.start < b for a, b in inside)]
    ids = {k.id for k in kept}
    return tuple(sorted([*kept, *(k for k in from_tables if k.id not in ids)], key=lambda k: k.start))
