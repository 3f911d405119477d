"""Where ``castdoc parse`` puts each file's records: standard output (one stream, or one JSON
array), a folder (one file per input), or beside each document (``--update``).

A sink takes the outcomes in input order, each with its input's index. It says what the workers should render
(``render``: the text is made there, in parallel, where YAML dumping costs about as much
as parsing a notice), and it reports an output that cannot be written as that input's
failure, so the batch goes on.
"""
from __future__ import annotations

import sys
from pathlib import Path

from ..errors import CastdocError, UsageError
from ..record import DUMPERS, dump_json
from ..report import Report
from ..types import Record
from .outcome import Outcome
from ..parse import CONVERT_HINTS, READERS
from .walk import output_names

SUFFIXES = {"yaml": ".yaml", "json": ".json", "jsonl": ".jsonl"}


class Render:
    """Records to the text of one output format (picklable, for spawned workers)."""

    def __init__(self, fmt: str):
        self.fmt = fmt

    def __call__(self, records: list[Record]) -> str:
        return DUMPERS[self.fmt]([r.to_dict() for r in records])


class Stream:
    """YAML (one --- document per article) or JSON Lines on stdout, file by file."""

    def __init__(self, fmt: str):
        self.render = Render(fmt)

    def take(self, i: int, out: Outcome, report: Report) -> None:
        from ..terminal import for_terminal, is_terminal

        text = out.text if out.text is not None else self.render(list(out.records))
        sys.stdout.write(for_terminal(text) if is_terminal(sys.stdout) else text)
        sys.stdout.flush()

    def close(self, report: Report) -> None:
        pass


class JsonArray:
    """One JSON array of every article of every file, written at the end."""

    render = None

    def __init__(self):
        self.records: list[dict] = []

    def take(self, i: int, out: Outcome, report: Report) -> None:
        self.records.extend(r.to_dict() for r in out.records)

    def close(self, report: Report) -> None:
        from ..terminal import for_terminal, is_terminal

        text = dump_json(self.records)
        sys.stdout.write(for_terminal(text) if is_terminal(sys.stdout) else text)


class Folder:
    """One record file per input in ``folder``; never over a source document or an input."""

    def __init__(self, folder: Path, paths: list[str], fmt: str):
        from ..outputs import Inputs

        if folder.exists() and not folder.is_dir():
            raise UsageError(f"--output-dir {folder} is a file, not a folder", hint="give a folder (it is made if missing)")
        self.folder = folder
        self.paths = paths
        self.inputs = Inputs(paths)  # once per batch: asking per output about every input was quadratic
        self.names = output_names(paths, SUFFIXES[fmt])
        self.render = Render(fmt)

    def take(self, i: int, out: Outcome, report: Report) -> None:
        from ..outputs import write_error
        from ..writeout import write_atomic

        target = self.folder / self.names[i]
        if target.suffix.lower() in READERS or target.suffix.lower() in CONVERT_HINTS or self.inputs.covers(target):
            report.failure(CastdocError("not written, it would replace a source document", path=str(target),
                                        hint="choose another --output-dir"), written=False)
            return
        try:
            write_atomic(target, out.text if out.text is not None else self.render(list(out.records)))
        except OSError as e:
            report.failure(write_error(e, target, hint="check that --output-dir is writable"), written=False)

    def close(self, report: Report) -> None:
        pass


class Update:
    """``--update``: each document's record ``<stem>.yaml`` beside it, rewritten only when changed."""

    render = None

    def __init__(self, paths: list[str]):
        from ..outputs import Inputs

        self.documents = Inputs(p for p in paths if p != "-")  # once per batch, not per record
        self.counts = {"written": 0, "unchanged": 0}

    def take(self, i: int, out: Outcome, report: Report) -> None:
        from ..check.update import update_record

        try:
            status, target = update_record(out.path, [r.to_dict() for r in out.records], documents=self.documents)
        except CastdocError as e:  # this document's record only: the batch goes on
            report.failure(e, written=False)
            return
        self.counts[status] += 1
        if status == "written":
            report.note(f"wrote {target}")

    def close(self, report: Report) -> None:
        report.note(f"records: {self.counts['written']} written, {self.counts['unchanged']} unchanged")


def sink_for(paths: list[str], *, fmt: str, out_dir: Path | None, update: bool):
    if update:
        if out_dir is not None or "-" in paths:
            raise UsageError("--update writes records beside the documents: give files or folders, "
                             "without --output-dir or '-'")
        return Update(paths)
    if out_dir is not None:
        return Folder(out_dir, paths, fmt)
    return JsonArray() if fmt == "json" else Stream(fmt)
