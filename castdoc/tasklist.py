"""``castdoc tasks``: the action items of many documents or records as one sorted list.

Reads castdoc records (YAML, JSON, JSON Lines: what ``castdoc parse`` writes) without
loading any NLP: the tasks are already in them, so a daily "what is due" over an archive
of records stays quick and never imports jieba. Source documents given instead are parsed
first through the pipeline. Either way a row is the Task itself, with the document it
comes from: a record file's tasks come in through ``Record.from_dict``, read by the one
safe loader (``castdoc.recordfile``).
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Callable, Iterable

from .errors import CastdocError, RecordError, UsageError
from .recordfile import MAX_RECORD_BYTES, RECORD_SUFFIXES, read_record_file
from .report import Report
from .types import Forward, Record, Task

_SHOWN = ("source", "title", "doc_number", "forwards", "tasks")  # what a row takes from its record
COLUMNS = ("deadline", "actor", "task", "document", "section", "contact")
FORMATS = ("table", "csv", "json", "markdown", "ics", "xlsx")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True, slots=True)
class TaskRow:
    """One task with the document it comes from: what every output format shows."""

    task: Task
    document: str = ""  # the title, or the file name when the record has none
    source: str = ""  # the source document's path
    title: str | None = None
    doc_number: str | None = None
    forwards: Forward | None = None  # what the row's document forwards (a 转发 notice)
    also: tuple[str, ...] = ()  # the other documents that state this duty (a forwarder)

    def documents(self) -> str:
        """The document, and those that forward the same duty after it (；-separated)."""
        return "；".join((self.document, *self.also))

    def due(self) -> str:
        t = self.task
        if t.deadline is None:
            # 收到通知后10个工作日内: a rule, shown as written (sorted with the undated)
            return t.deadline_relative.text if t.deadline_relative else ""
        return t.deadline.isoformat() + (f" {t.deadline_time}" if t.deadline_time else "")

    def cells(self) -> tuple[str, ...]:
        t = self.task
        return (self.due(), t.actor or "", t.text, self.documents(), " > ".join(t.section), t.contact or "")


# ---------------------------------------------------------------- the command
SUFFIX_FORMATS = {".csv": "csv", ".json": "json", ".md": "markdown", ".markdown": "markdown", ".ics": "ics",
                  ".txt": "table", ".xlsx": "xlsx"}


def output_format(fmt: str | None, output: Path | None, *, tty: bool) -> str:
    """The format to write: --format, else the output's suffix, else a table on a terminal
    and JSON down a pipe. A suffix the format does not write is a usage error, never a
    spreadsheet quietly holding a box-drawn table."""
    if output is None:
        if fmt == "xlsx":
            raise UsageError("--format xlsx writes a file: give -o tasks.xlsx")
        return fmt or ("table" if tty else "json")
    suffix = output.suffix.lower()
    by_suffix = SUFFIX_FORMATS.get(suffix)
    if fmt is None:
        if by_suffix is None:
            raise UsageError(f"cannot tell the format from the suffix {suffix or '(none)'}", path=str(output),
                             hint="name the file .xlsx .csv .ics .json .md or .txt, or give --format")
        return by_suffix
    if by_suffix != fmt:
        wanted = [k for k, v in SUFFIX_FORMATS.items() if v == fmt]
        raise UsageError(f"--format {fmt} does not write {suffix or 'a file without a suffix'}", path=str(output),
                         hint=f"name the file {' or '.join(wanted)}, or drop --format")
    return fmt


def list_tasks(paths: list[str], *, due_before: str | None = None, due_after: str | None = None,
               actor: str | None = None, overdue: bool = False, today: str | None = None, fmt: str | None = None,
               output: Path | None = None, config: Path | None = None, quiet: bool = False,
               verbose: bool = False, base_date: str | None = None) -> Report:
    """``castdoc tasks`` as a library call: the chosen tasks of every input written to
    ``output`` or stdout; an input that cannot be read is the Report's failure."""
    import sys

    from . import config as settings

    chosen = dict(
        due_before=parse_date(due_before, option="--due-before") if due_before else None,
        due_after=parse_date(due_after, option="--due-after") if due_after else None,
        actor=actor,
        overdue=overdue,
        today=parse_date(today, option="--today") if today else None,
    )
    base = parse_date(base_date, option="--base-date") if base_date else None
    form = output_format(fmt, output, tty=sys.stdout.isatty())
    settings.use(config, start=settings.first_folder(paths) if config is None else None)
    inputs = expand(paths, skip=[output] if output is not None else [])
    if not inputs:
        raise UsageError("no documents or records found in the paths given")
    if output is not None:
        from .outputs import Inputs, guard

        guard(output, Inputs([*paths, *inputs]))  # before reading anything: never onto an input, never at a folder
    report = Report(inputs=len(inputs), quiet=quiet)
    seen: list[TaskRow] = []
    rows = select(link_rows(load(inputs, on_error=report.failure, base_date=base, documents=seen)), **chosen)
    if verbose:
        report.note(f"{len(rows)} tasks from {len(inputs)} inputs")
    if form == "table" and output is None:
        from rich.console import Console

        Console(highlight=False).print(table(rows))
    elif form == "xlsx":
        from .outputs import write_output
        from .xlsx import to_xlsx

        write_output(output, to_xlsx(rows, documents=seen))
    elif output is not None:
        from .outputs import write_output

        write_output(output, render(rows, form))
    else:
        from .terminal import for_terminal, is_terminal

        text = render(rows, form)
        if is_terminal(sys.stdout):  # data onto a terminal: no escape sequence from a record runs there
            text = for_terminal(text)
        out = getattr(sys.stdout, "buffer", None)
        if out is not None:
            sys.stdout.flush()
            out.write(text.encode("utf-8"))
            out.flush()
        else:
            sys.stdout.write(text)
    return report


# ---------------------------------------------------------------- loading
def expand(paths: Iterable[str], *, skip: Iterable[Path] = ()) -> list[str]:
    """Files as given; folders walked (sorted, recursively) for records and documents.

    In a folder, a document that has a record beside it (``a.txt`` and ``a.yaml`` after
    ``parse --update``, or ``a.txt.yaml`` after ``parse -o``) is read from the record only.
    A folder's project files (README, CHANGELOG, LICENSE) and castdoc's own outputs (the
    file being written, task lists and reports it wrote) are left out.
    """
    from .batch.walk import being_written, is_own_output, is_project_file
    from .parse import READERS

    writing = being_written()
    for s in skip:
        try:
            st = Path(s).stat()
            writing.add((st.st_dev, st.st_ino))
        except OSError:
            pass
    out: list[str] = []
    for p in paths:
        path = Path(p)
        if not path.is_dir():
            out.append(p)
            continue
        files = sorted(
            f for f in path.rglob("*")
            if f.is_file()
            and not any(part.startswith(".") for part in f.relative_to(path).parts)
            and not f.name.endswith((".gold.yaml", ".overrides.yaml"))  # a record's corrections are no record
            and (f.suffix.lower() in RECORD_SUFFIXES or f.suffix.lower() in READERS)
            and not is_project_file(f.name)
            and not is_own_output(str(f), writing=writing)
        )
        recorded = {(f.parent, f.stem) for f in files if f.suffix.lower() in RECORD_SUFFIXES}
        out.extend(
            str(f) for f in files
            if f.suffix.lower() in RECORD_SUFFIXES
            or ((f.parent, f.stem) not in recorded and (f.parent, f.name) not in recorded)
        )
    return out


def load(paths: Iterable[str], *, on_error: Callable[[CastdocError], None], base_date: dt.date | None = None,
         documents: list | None = None) -> list[TaskRow]:
    """Every task of every input; an input that cannot be read is reported and skipped.
    ``base_date`` reads documents (not records) with no date of their own; ``documents``
    collects a row-less TaskRow (``task`` empty) per record read, tasks or none."""
    rows: list[TaskRow] = []
    for path in paths:
        try:
            rows.extend(rows_of_file(path, base_date=base_date, documents=documents))
        except CastdocError as e:
            if e.path is None:
                e.path = path
            on_error(e)
    return rows


def rows_of_file(path: str, *, base_date: dt.date | None = None, documents: list | None = None) -> list[TaskRow]:
    if Path(path).suffix.lower() in RECORD_SUFFIXES:
        recs = read_records(path)
    else:
        from .pipeline import parse_path  # a document: parse it (loads the extractors)

        recs = parse_path(path, base_date=base_date)
    if documents is not None:
        documents.extend(document_row(rec, path) for rec in recs)
    return [row for rec in recs for row in rows_of_record(rec, path)]


def document_row(rec: Record, path: str) -> TaskRow:
    """A record as the documents sheet lists it: a TaskRow with an empty task."""
    src = rec.source.path or path
    return TaskRow(task=Task(id="", text=""), document=(rec.title or "").strip() or Path(src).name, source=src,
                   title=rec.title, doc_number=rec.doc_number, forwards=rec.forwards)


def read_records(path: str) -> list[Record]:
    """The records of one YAML / JSON / JSON Lines file, checked for shape and types."""
    docs: list = []
    for d in read_record_file(path, max_bytes=MAX_RECORD_BYTES).documents:
        docs.extend(d if isinstance(d, list) else [d])
    out = []
    for d in docs:
        if d is None:
            continue
        if not isinstance(d, dict) or not isinstance(d.get("tasks", []), list) or not ({"tasks", "kind", "source"} & set(d)):
            raise RecordError("not a castdoc record (expected mappings with a 'tasks' list)", path=path,
                              hint="give records written by 'castdoc parse', or the documents themselves")
        try:
            out.append(Record.from_dict(d, fields=_SHOWN))
        except RecordError as e:
            e.path = path
            raise
    return out


def rows_of_record(rec: Record, path: str) -> list[TaskRow]:
    src_path = rec.source.path or path
    document = (rec.title or "").strip() or Path(src_path).name
    rows = []
    for t in rec.tasks:
        t = _tidy(t)
        if not t.text:
            continue
        if not t.id:
            from .extract.tasks import task_id

            t = replace(t, id=task_id(rec.source.sha256 or src_path, rec.source.article, t.text))
        rows.append(TaskRow(task=t, document=document, source=src_path, title=rec.title, doc_number=rec.doc_number,
                            forwards=rec.forwards))
    return rows


def link_rows(rows: list[TaskRow]) -> list[TaskRow]:
    """A duty a 转发 notice repeats from the notice it forwards, listed once (naming both)."""
    from .structure.forward import link_rows as link

    return link(rows)


def _tidy(t: Task) -> Task:
    """White space around a value dropped, and an empty value as none (hand-written records)."""
    def opt(v: str | None) -> str | None:
        return (v or "").strip() or None

    return replace(t, id=t.id.strip(), text=t.text.strip(), actor=opt(t.actor), deadline_time=opt(t.deadline_time),
                   detail=opt(t.detail), deliverable=opt(t.deliverable), contact=opt(t.contact))


# ---------------------------------------------------------------- choosing
def parse_date(value: str, *, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise UsageError(f"{option} takes a date as YYYY-MM-DD, not {value!r}") from None


def select(
    rows: Iterable[TaskRow],
    *,
    due_before: dt.date | None = None,
    due_after: dt.date | None = None,
    actor: str | None = None,
    overdue: bool = False,
    today: dt.date | None = None,
) -> list[TaskRow]:
    """Filter (dates inclusive; a date filter drops undated tasks) and sort by deadline, undated last."""
    needle = _fold(actor) if actor else None
    today = today or dt.date.today()
    out = []
    for r in rows:
        due = r.task.deadline
        if due_before and (due is None or due > due_before):
            continue
        if due_after and (due is None or due < due_after):
            continue
        if overdue and (due is None or due >= today):
            continue
        if needle and needle not in _fold(r.task.actor or ""):
            continue
        out.append(r)
    return sorted(out, key=sort_key)


def sort_key(r: TaskRow):
    t = r.task
    return (t.deadline is None, t.deadline or dt.date.max, t.deadline_time or "", r.source, t.start, t.id)


def _fold(s: str) -> str:
    return unicodedata.normalize("NFKC", s).casefold()


# ---------------------------------------------------------------- writing
def render(rows: list[TaskRow], fmt: str, *, now: dt.datetime | None = None) -> str:
    if fmt == "csv":
        return to_csv(rows)
    if fmt == "json":
        return to_json(rows)
    if fmt == "markdown":
        return to_markdown(rows)
    if fmt == "ics":
        return to_ics(rows, now=now)
    if fmt == "table":
        return to_table_text(rows)
    if fmt == "xlsx":
        raise UsageError("--format xlsx writes a file: give -o tasks.xlsx")
    raise UsageError(f"unknown format {fmt!r}", hint="use one of " + ", ".join(FORMATS))


def safe_cell(value: str) -> str:
    """A cell a spreadsheet will not run: =, +, -, @, tab or CR first gets a quote before it."""
    return "'" + value if value.startswith(_FORMULA_START) else value


def to_csv(rows: list[TaskRow]) -> str:
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow([safe_cell(c) for c in r.cells()])
    return "\ufeff" + buf.getvalue()  # the BOM makes Excel read the Chinese as UTF-8


def to_json(rows: list[TaskRow]) -> str:
    out = [
        {"id": t.id, "text": t.text, "actor": t.actor, "deadline": t.deadline.isoformat() if t.deadline else None,
         "deadline_time": t.deadline_time,
         "deadline_relative": ({"text": t.deadline_relative.text, "count": t.deadline_relative.count,
                                "unit": t.deadline_relative.unit, "after": t.deadline_relative.after}
                               if t.deadline_relative else None),
         "detail": t.detail, "deliverable": t.deliverable, "contact": t.contact,
         "section": list(t.section), "document": r.document, "source": r.source, "offset": t.start,
         **({"also": list(r.also)} if r.also else {})}
        for r, t in ((r, r.task) for r in rows)
    ]
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


def to_markdown(rows: list[TaskRow]) -> str:
    def cell(s: str) -> str:
        return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")

    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    lines += ["| " + " | ".join(cell(c) for c in r.cells()) + " |" for r in rows]
    return "\n".join(lines) + "\n"


def to_ics(rows: list[TaskRow], *, now: dt.datetime | None = None) -> str:
    """One VTODO per dated task; a task with a clock time is due then (floating local time)."""
    from icalendar import Calendar, Todo

    from . import __version__

    stamp = (now or dt.datetime.now(dt.timezone.utc)).astimezone(dt.timezone.utc)
    cal = Calendar()
    cal.add("prodid", f"-//castdoc//castdoc tasks {__version__}//ZH")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for r in rows:
        t = r.task
        if t.deadline is None:
            continue
        todo = Todo()
        todo.add("uid", f"{t.id}@castdoc")
        todo.add("dtstamp", stamp)
        todo.add("summary", t.text)
        todo.add("due", _due(t))
        todo.add("status", "NEEDS-ACTION")
        desc = [f"执行: {t.actor}" if t.actor else None, f"文件: {r.documents()}", f"来源: {r.source}",
                f"章节: {' > '.join(t.section)}" if t.section else None,
                f"联系人: {t.contact}" if t.contact else None, f"说明: {t.detail}" if t.detail else None]
        todo.add("description", "\n".join(x for x in desc if x))
        cal.add_component(todo)
    return cal.to_ical().decode("utf-8")


def _due(t: Task):
    if t.deadline_time:
        try:
            h, m = (int(x) for x in t.deadline_time.split(":")[:2])
            if h == 24:
                return dt.datetime.combine(t.deadline + dt.timedelta(days=1), dt.time(0, m))
            return dt.datetime.combine(t.deadline, dt.time(h, m))
        except (ValueError, OverflowError):  # not a clock time, or 24:00 on 9999-12-31: the day
            pass
    return t.deadline


def table(rows: list[TaskRow]):
    """A rich Table; cells are Text, so a bracket in a document never reads as markup."""
    from rich.table import Table
    from rich.text import Text

    t = Table(show_lines=False, header_style="bold")
    for c in COLUMNS:
        t.add_column(c, overflow="fold", no_wrap=c == "deadline")
    from .terminal import for_terminal

    for r in rows:
        t.add_row(*(Text(for_terminal(c)) for c in r.cells()))
    return t


def to_table_text(rows: list[TaskRow], width: int = 160) -> str:
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False).print(table(rows))
    return buf.getvalue()

