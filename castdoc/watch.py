"""``castdoc watch DIR``: an inbox folder read as documents land in it, by one long-lived process.

A new notice a day costs ``castdoc parse`` its start (the word table, the imports) every
time; a watcher pays it once. It polls the folder (no file-system events: they differ by
platform and miss files on network shares, where inboxes often live), and a file is read
once it has kept its size and time over one interval, so a copy still being written is
not read half-way. Each document read gets its record (``<stem>.yaml`` beside it, or under
``records``, as ``parse --update`` writes them: unchanged records are left alone) and the
task list (``tasks``: csv, ics, json, markdown by its suffix) is written again from the
tasks of every document in the inbox, sorted by deadline. A file that cannot be read is
reported in one line and tried again only when it changes; a document that goes away
takes its tasks with it. What was read is remembered in ``.castdoc-watch.json`` in the
folder (sha256 and castdoc build per document), so a restarted watcher does not read the
inbox again.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from .errors import CastdocError, UsageError
from .parse import DEFAULT_LIMITS, Limits

STATE_NAME = ".castdoc-watch.json"


@dataclass
class _Seen:
    size: int
    mtime: int
    sha256: str | None = None  # set once read (or failed) at this size and time
    rows: list = field(default_factory=list)  # its TaskRows
    failed: bool = False


class Inbox:
    """One watched folder: ``poll()`` reads what settled since the last poll."""

    def __init__(self, folder: Path, *, tasks: Path | None = None, records: Path | None = None,
                 limits: Limits = DEFAULT_LIMITS, timeout: float | None = 60.0,
                 say: Callable[[str], None] | None = None, settle: bool = True):
        if not folder.is_dir():
            raise UsageError("not a folder", path=str(folder), hint="castdoc watch takes the inbox folder to watch")
        self.folder = folder
        self.tasks = tasks if tasks is not None else folder / "tasks.csv"
        self.records = records
        self.limits = limits
        self.timeout = timeout
        self.say = say or (lambda line: None)
        self.settle = settle  # False: read files at once (``--once``)
        self.seen: dict[str, _Seen] = {}
        self.pending: dict[str, tuple[int, int]] = {}  # size and time at the last poll, not yet read
        self.state_path = folder / STATE_NAME
        self._state = self._load_state()

    # ------------------------------------------------------------ state
    def _load_state(self) -> dict:
        from .check.state import build_id

        try:
            data = json.loads(self.state_path.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnicodeDecodeError):
            return {}
        if not isinstance(data, dict) or data.get("build") != build_id() or not isinstance(data.get("documents"), dict):
            return {}
        return {k: v for k, v in data["documents"].items() if isinstance(v, str)}

    def _save_state(self) -> None:
        from .check.state import build_id
        from .writeout import write_atomic

        docs = {self._key(k): s.sha256 for k, s in self.seen.items() if s.sha256 and not s.failed}
        try:
            write_atomic(self.state_path, json.dumps({"build": build_id(), "documents": docs}, ensure_ascii=False) + "\n")
        except (OSError, ValueError):
            pass

    # ------------------------------------------------------------ one poll
    def _documents(self) -> dict[str, tuple[int, int]]:
        from .batch import expand
        from .parse import READERS

        found = {}
        for p in expand([str(self.folder)]):
            if Path(p).suffix.lower() not in READERS or Path(p).suffix.lower() == ".yaml":
                continue
            if Path(p).resolve() == self.tasks.resolve():
                continue
            try:
                st = os.stat(p)
            except OSError:
                continue
            found[p] = (st.st_size, st.st_mtime_ns)
        return found

    def poll(self) -> int:
        """Read what is new or changed and has settled; returns how many documents were read."""
        now = self._documents()
        changed = False
        for gone in [p for p in self.seen if p not in now]:
            self.say(f"gone: {gone}")
            del self.seen[gone]
            changed = True
        self.pending = {p: v for p, v in self.pending.items() if p in now}
        read = 0
        for p, (size, mtime) in now.items():
            s = self.seen.get(p)
            if s is not None and (s.size, s.mtime) == (size, mtime):
                continue
            if self.settle and self.pending.get(p) != (size, mtime):
                self.pending[p] = (size, mtime)  # read it next time if it stays as it is
                continue
            self.pending.pop(p, None)
            if self._take(p, size, mtime):
                read += 1
            changed = True
        if changed:
            self._write_tasks()
            self._save_state()
        return read

    def _take(self, path: str, size: int, mtime: int) -> bool:
        """Read one document into its record and rows; False when it needed no reading."""
        from .cache import file_sha256
        from .tasklist import read_records, rows_of_record

        try:
            sha = file_sha256(path)
        except OSError as e:
            self.say(f"error: {path}: cannot read: {e.strerror or e}")
            self.seen[path] = _Seen(size, mtime, None, [], failed=True)
            return False
        old = self.seen.get(path)
        if old is not None and old.sha256 == sha and not old.failed:
            old.size, old.mtime = size, mtime  # touched, not changed
            return False
        from .check.records import record_path

        target = record_path(Path(path), records=self.records, root=self.folder)
        if old is None and self._state.get(self._key(path)) == sha and target.is_file():
            try:  # read before this watcher started, by this build: its record holds the rows
                rows = [row for rec in read_records(str(target)) for row in rows_of_record(rec, path)]
                self.seen[path] = _Seen(size, mtime, sha, rows)
                return False
            except CastdocError:
                pass
        return self._parse(path, size, mtime, sha)

    def _parse(self, path: str, size: int, mtime: int, sha: str) -> bool:
        from .batch.one import parse_in_process
        from .check.update import update_record
        from .tasklist import rows_of_record

        out = parse_in_process(path, limits=self.limits, timeout=self.timeout)
        if out.error is not None:
            self.say(f"error: {out.error.line()}")
            self.seen[path] = _Seen(size, mtime, sha, [], failed=True)
            return True
        try:
            status, target = update_record(path, [r.to_dict() for r in out.records], records_dir=self.records,
                                           root=self.folder)
        except CastdocError as e:
            self.say(f"error: {e.line()}")
            self.seen[path] = _Seen(size, mtime, sha, [], failed=True)
            return True
        rows = [row for rec in out.records for row in rows_of_record(rec, path)]
        self.seen[path] = _Seen(size, mtime, sha, rows)
        self.say(f"read: {path} -> {target} ({len(rows)} task{'s' if len(rows) != 1 else ''}"
                 f"{', record unchanged' if status == 'unchanged' else ''})")
        return True

    def _key(self, path: str) -> str:
        return Path(os.path.relpath(os.path.abspath(path), os.path.abspath(self.folder))).as_posix()

    def _write_tasks(self) -> None:
        """The task list written through the one output guard (castdoc.outputs): never onto a
        watched document, never a folder, a failed write one line and the watch goes on."""
        from .outputs import Inputs, write_output
        from .tasklist import SUFFIX_FORMATS, render, select

        rows = select(row for s in self.seen.values() for row in s.rows)
        fmt = SUFFIX_FORMATS.get(self.tasks.suffix.lower(), "csv")
        try:
            write_output(self.tasks, render(rows, fmt), inputs=Inputs(self.seen), option="--tasks")
        except CastdocError as e:
            self.say(f"error: {e.line()}")


def watch(folder: Path, *, interval: float = 2.0, once: bool = False, tasks: Path | None = None,
          records: Path | None = None, limits: Limits = DEFAULT_LIMITS, timeout: float | None = 60.0,
          say: Callable[[str], None] | None = None, polls: int | None = None) -> Inbox:
    """Watch ``folder`` until interrupted (``once``: read what is there and return;
    ``polls``: stop after that many, for tests)."""
    inbox = Inbox(folder, tasks=tasks, records=records, limits=limits, timeout=timeout, say=say, settle=not once)
    if once:
        inbox.poll()
        if not inbox.tasks.exists():
            inbox._write_tasks()
        return inbox
    n = 0
    while True:
        inbox.poll()
        n += 1
        if polls is not None and n >= polls:
            return inbox
        time.sleep(interval)
