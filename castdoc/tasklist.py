"""``castdoc tasks``: the action items of many documents or records as one sorted list.

Reads castdoc records (YAML, JSON, JSON Lines: what ``castdoc parse`` writes) without
loading any NLP: the tasks are already in them, so a daily "what is due" over an archive
of records stays quick and never imports jieba. Source documents given instead are parsed
first through the pipeline.

YAML is loaded with the safe loader only (libyaml's where PyYAML has it): a record file is
data from elsewhere, and a tag such as ``!!python/object/apply`` is refused, never run.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
import unicodedata
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Iterable

from .errors import CastdocError, RecordError, UsageError

RECORD_SUFFIXES = (".yaml", ".yml", ".json", ".jsonl")
COLUMNS = ("deadline", "actor", "task", "document", "section", "contact")
FORMATS = ("table", "csv", "json", "markdown", "ics")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True, kw_only=True)
class TaskRow:
    """One task with the document it comes from: what every output format shows."""

    id: str
    text: str
    actor: str | None = None
    deadline: dt.date | None = None
    deadline_time: str | None = None
    detail: str | None = None
    deliverable: str | None = None
    contact: str | None = None
    section: tuple[str, ...] = ()
    document: str = ""  # the title, or the file name when the record has none
    source: str = ""  # the source document's path
    offset: int = 0

    def due(self) -> str:
        if self.deadline is None:
            return ""
        return self.deadline.isoformat() + (f" {self.deadline_time}" if self.deadline_time else "")

    def cells(self) -> tuple[str, ...]:
        return (self.due(), self.actor or "", self.text, self.document, " > ".join(self.section), self.contact or "")


# ---------------------------------------------------------------- loading
def expand(paths: Iterable[str]) -> list[str]:
    """Files as given; folders walked (sorted, recursively) for records and documents.

    In a folder, a document that has a record of the same name beside it (``a.txt`` and
    ``a.yaml`` after ``castdoc parse -o``) is read from the record only.
    """
    from .parse import READERS

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
            and not f.name.endswith(".gold.yaml")
            and (f.suffix.lower() in RECORD_SUFFIXES or f.suffix.lower() in READERS)
        )
        recorded = {(f.parent, f.stem) for f in files if f.suffix.lower() in RECORD_SUFFIXES}
        out.extend(
            str(f) for f in files
            if f.suffix.lower() in RECORD_SUFFIXES or (f.parent, f.stem) not in recorded
        )
    return out


def load(paths: Iterable[str], *, on_error: Callable[[CastdocError], None]) -> list[TaskRow]:
    """Every task of every input; an input that cannot be read is reported and skipped."""
    rows: list[TaskRow] = []
    for path in paths:
        try:
            rows.extend(rows_of_file(path))
        except CastdocError as e:
            if e.path is None:
                e.path = path
            on_error(e)
    return rows


def rows_of_file(path: str) -> list[TaskRow]:
    if Path(path).suffix.lower() in RECORD_SUFFIXES:
        return [row for rec in read_records(path) for row in rows_of_record(rec, path)]
    from .pipeline import parse_path  # a document: parse it (loads the extractors)
    from .record import to_dict

    return [row for rec in parse_path(path) for row in rows_of_record(to_dict(rec), path)]


def read_records(path: str) -> list[dict]:
    """The records of one YAML / JSON / JSON Lines file, checked for shape."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise RecordError("no such file", path=path) from None
    except (OSError, UnicodeDecodeError) as e:
        raise RecordError(f"cannot read the record file ({e.__class__.__name__})", path=path) from None
    suffix = Path(path).suffix.lower()
    try:
        if suffix == ".jsonl":
            docs = [json.loads(line) for line in text.splitlines() if line.strip()]
        elif suffix == ".json":
            docs = json.loads(text)
            docs = docs if isinstance(docs, list) else [docs]
        else:
            docs = _yaml_documents(text)
    except json.JSONDecodeError as e:
        raise RecordError(f"not valid JSON (line {e.lineno}: {e.msg})", path=path) from None
    out = []
    for d in docs:
        if d is None:
            continue
        if not isinstance(d, dict) or not isinstance(d.get("tasks", []), list) or not ({"tasks", "kind", "source"} & set(d)):
            raise RecordError("not a castdoc record (expected mappings with a 'tasks' list)", path=path,
                              hint="give records written by 'castdoc parse', or the documents themselves")
        out.append(d)
    return out


def _yaml_documents(text: str) -> list:
    import yaml

    from .record import safe_loader

    try:
        docs = list(yaml.load_all(text, Loader=safe_loader()))
    except yaml.constructor.ConstructorError as e:
        tag = getattr(e, "problem", "") or "an unknown tag"
        raise RecordError(f"refused: the YAML holds a tag castdoc does not load ({tag.strip()})",
                          hint="records are plain data; a Python tag is never executed") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" (line {mark.line + 1})" if mark is not None else ""
        raise RecordError(f"not valid YAML{where}") from None
    flat: list = []
    for d in docs:
        flat.extend(d if isinstance(d, list) else [d])
    return flat


def rows_of_record(rec: dict, path: str) -> list[TaskRow]:
    source = rec.get("source")
    src_path = source.get("path") if isinstance(source, dict) else (source if isinstance(source, str) else None)
    src_path = str(src_path or path)
    document = _text(rec.get("title")) or Path(src_path).name
    rows = []
    for t in rec.get("tasks") or []:
        if not isinstance(t, dict) or not _text(t.get("text")):
            continue
        text = _text(t.get("text"))
        tid = _text(t.get("id"))
        if not tid:
            from .extract.tasks import task_id

            sha = source.get("sha256", "") if isinstance(source, dict) else ""
            tid = task_id(str(sha or src_path), int(source.get("article", 0) if isinstance(source, dict) else 0), text)
        section = t.get("section") or ()
        rows.append(TaskRow(
            id=tid,
            text=text,
            actor=_text(t.get("actor")) or None,
            deadline=_date(t.get("deadline")),
            deadline_time=_text(t.get("deadline_time")) or None,
            detail=_text(t.get("detail")) or None,
            deliverable=_text(t.get("deliverable")) or None,
            contact=_text(t.get("contact")) or None,
            section=tuple(str(s) for s in section) if isinstance(section, (list, tuple)) else (str(section),),
            document=document,
            source=src_path,
            offset=t.get("offset") if isinstance(t.get("offset"), int) else 0,
        ))
    return rows


def _text(v) -> str:
    return "" if v is None else str(v).strip()


def _date(v) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    if isinstance(v, str) and v.strip():
        try:
            return dt.date.fromisoformat(v.strip()[:10])
        except ValueError:
            return None
    return None


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
        if due_before and (r.deadline is None or r.deadline > due_before):
            continue
        if due_after and (r.deadline is None or r.deadline < due_after):
            continue
        if overdue and (r.deadline is None or r.deadline >= today):
            continue
        if needle and needle not in _fold(r.actor or ""):
            continue
        out.append(r)
    return sorted(out, key=sort_key)


def sort_key(r: TaskRow):
    return (r.deadline is None, r.deadline or dt.date.max, r.deadline_time or "", r.source, r.offset, r.id)


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
    out = []
    for r in rows:
        d = asdict(r)
        d["deadline"] = r.deadline.isoformat() if r.deadline else None
        d["section"] = list(r.section)
        out.append(d)
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
        if r.deadline is None:
            continue
        todo = Todo()
        todo.add("uid", f"{r.id}@castdoc")
        todo.add("dtstamp", stamp)
        todo.add("summary", r.text)
        due = _due(r)
        todo.add("due", due)
        todo.add("status", "NEEDS-ACTION")
        desc = [f"执行: {r.actor}" if r.actor else None, f"文件: {r.document}", f"来源: {r.source}",
                f"章节: {' > '.join(r.section)}" if r.section else None,
                f"联系人: {r.contact}" if r.contact else None, f"说明: {r.detail}" if r.detail else None]
        todo.add("description", "\n".join(x for x in desc if x))
        cal.add_component(todo)
    return cal.to_ical().decode("utf-8")


def _due(r: TaskRow):
    if r.deadline_time:
        try:
            h, m = (int(x) for x in r.deadline_time.split(":")[:2])
            if h == 24:
                return dt.datetime.combine(r.deadline + dt.timedelta(days=1), dt.time(0, m))
            return dt.datetime.combine(r.deadline, dt.time(h, m))
        except ValueError:
            pass
    return r.deadline


def table(rows: list[TaskRow]):
    """A rich Table; cells are Text, so a bracket in a document never reads as markup."""
    from rich.table import Table
    from rich.text import Text

    t = Table(show_lines=False, header_style="bold")
    for c in COLUMNS:
        t.add_column(c, overflow="fold", no_wrap=c == "deadline")
    for r in rows:
        t.add_row(*(Text(c) for c in r.cells()))
    return t


def to_table_text(rows: list[TaskRow], width: int = 160) -> str:
    from rich.console import Console

    buf = io.StringIO()
    Console(file=buf, width=width, color_system=None, highlight=False).print(table(rows))
    return buf.getvalue()

